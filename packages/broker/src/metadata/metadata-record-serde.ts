/**
 * The bytes of one metadata log record, as Kafka's MetadataRecordSerde (AbstractApiMessageSerde) frames them:
 * unsigned varint frame version (1), unsigned varint record type (the spec's apiKey), unsigned varint record
 * version, then the record encoded at that version.
 *
 * Invariants: a decoded value consumed every byte of its frame (trailing bytes are an error, as in Kafka); frame
 * version 0 (KRaft's 2.8 preview) and unknown record types are refused rather than skipped, because replaying a
 * log with a record missing would build a wrong image; records are written at the versions in WRITE_VERSIONS,
 * which every reader here decodes.
 */
import { ProtocolError, Reader, Writer, metadata } from '@sluice/protocol';

const FRAME_VERSION = 1;

export type MetadataRecord =
  | { type: 'TopicRecord'; data: metadata.TopicRecord }
  | { type: 'PartitionRecord'; data: metadata.PartitionRecord }
  | { type: 'PartitionChangeRecord'; data: metadata.PartitionChangeRecord }
  | { type: 'RemoveTopicRecord'; data: metadata.RemoveTopicRecord }
  | { type: 'ConfigRecord'; data: metadata.ConfigRecord }
  | { type: 'RegisterBrokerRecord'; data: metadata.RegisterBrokerRecord }
  | { type: 'UnregisterBrokerRecord'; data: metadata.UnregisterBrokerRecord }
  | { type: 'FenceBrokerRecord'; data: metadata.FenceBrokerRecord }
  | { type: 'UnfenceBrokerRecord'; data: metadata.UnfenceBrokerRecord }
  | { type: 'BrokerRegistrationChangeRecord'; data: metadata.BrokerRegistrationChangeRecord }
  | { type: 'ProducerIdsRecord'; data: metadata.ProducerIdsRecord }
  | { type: 'FeatureLevelRecord'; data: metadata.FeatureLevelRecord }
  | { type: 'NoOpRecord'; data: metadata.NoOpRecord }
  | { type: 'AccessControlEntryRecord'; data: metadata.AccessControlEntryRecord }
  | { type: 'RemoveAccessControlEntryRecord'; data: metadata.RemoveAccessControlEntryRecord }
  | { type: 'ClientQuotaRecord'; data: metadata.ClientQuotaRecord }
  | { type: 'UserScramCredentialRecord'; data: metadata.UserScramCredentialRecord }
  | { type: 'RemoveUserScramCredentialRecord'; data: metadata.RemoveUserScramCredentialRecord };

export type MetadataRecordType = MetadataRecord['type'];

type DataOf<T extends MetadataRecordType> = Extract<MetadataRecord, { type: T }>['data'];

interface RecordCodec<T extends MetadataRecordType> {
  apiKey: number;
  /** The version this broker writes (Kafka 3.9 without directory assignment or ELR). */
  writeVersion: number;
  encode(w: Writer, value: DataOf<T>, version: number): void;
  decode(r: Reader, version: number): DataOf<T>;
}

const CODECS: { [T in MetadataRecordType]: RecordCodec<T> } = {
  TopicRecord: {
    apiKey: metadata.topicRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeTopicRecord,
    decode: metadata.decodeTopicRecord,
  },
  PartitionRecord: {
    apiKey: metadata.partitionRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodePartitionRecord,
    decode: metadata.decodePartitionRecord,
  },
  PartitionChangeRecord: {
    apiKey: metadata.partitionChangeRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodePartitionChangeRecord,
    decode: metadata.decodePartitionChangeRecord,
  },
  RemoveTopicRecord: {
    apiKey: metadata.removeTopicRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeRemoveTopicRecord,
    decode: metadata.decodeRemoveTopicRecord,
  },
  ConfigRecord: {
    apiKey: metadata.configRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeConfigRecord,
    decode: metadata.decodeConfigRecord,
  },
  RegisterBrokerRecord: {
    apiKey: metadata.registerBrokerRecordApiKey,
    writeVersion: 1,
    encode: metadata.encodeRegisterBrokerRecord,
    decode: metadata.decodeRegisterBrokerRecord,
  },
  UnregisterBrokerRecord: {
    apiKey: metadata.unregisterBrokerRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeUnregisterBrokerRecord,
    decode: metadata.decodeUnregisterBrokerRecord,
  },
  FenceBrokerRecord: {
    apiKey: metadata.fenceBrokerRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeFenceBrokerRecord,
    decode: metadata.decodeFenceBrokerRecord,
  },
  UnfenceBrokerRecord: {
    apiKey: metadata.unfenceBrokerRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeUnfenceBrokerRecord,
    decode: metadata.decodeUnfenceBrokerRecord,
  },
  BrokerRegistrationChangeRecord: {
    apiKey: metadata.brokerRegistrationChangeRecordApiKey,
    writeVersion: 1,
    encode: metadata.encodeBrokerRegistrationChangeRecord,
    decode: metadata.decodeBrokerRegistrationChangeRecord,
  },
  ProducerIdsRecord: {
    apiKey: metadata.producerIdsRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeProducerIdsRecord,
    decode: metadata.decodeProducerIdsRecord,
  },
  FeatureLevelRecord: {
    apiKey: metadata.featureLevelRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeFeatureLevelRecord,
    decode: metadata.decodeFeatureLevelRecord,
  },
  NoOpRecord: {
    apiKey: metadata.noOpRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeNoOpRecord,
    decode: metadata.decodeNoOpRecord,
  },
  AccessControlEntryRecord: {
    apiKey: metadata.accessControlEntryRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeAccessControlEntryRecord,
    decode: metadata.decodeAccessControlEntryRecord,
  },
  RemoveAccessControlEntryRecord: {
    apiKey: metadata.removeAccessControlEntryRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeRemoveAccessControlEntryRecord,
    decode: metadata.decodeRemoveAccessControlEntryRecord,
  },
  ClientQuotaRecord: {
    apiKey: metadata.clientQuotaRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeClientQuotaRecord,
    decode: metadata.decodeClientQuotaRecord,
  },
  UserScramCredentialRecord: {
    apiKey: metadata.userScramCredentialRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeUserScramCredentialRecord,
    decode: metadata.decodeUserScramCredentialRecord,
  },
  RemoveUserScramCredentialRecord: {
    apiKey: metadata.removeUserScramCredentialRecordApiKey,
    writeVersion: 0,
    encode: metadata.encodeRemoveUserScramCredentialRecord,
    decode: metadata.decodeRemoveUserScramCredentialRecord,
  },
};

const TYPE_BY_API_KEY = new Map<number, MetadataRecordType>(
  (Object.keys(CODECS) as MetadataRecordType[]).map((type) => [CODECS[type].apiKey, type]),
);

/** Frames one record at its write version (or `version` when given, for tests of older versions). */
export function serializeMetadataRecord(record: MetadataRecord, version?: number): Buffer {
  const codec = CODECS[record.type] as RecordCodec<MetadataRecordType>;
  const recordVersion = version ?? codec.writeVersion;
  const w = new Writer(64);
  w.unsignedVarint(FRAME_VERSION);
  w.unsignedVarint(codec.apiKey);
  w.unsignedVarint(recordVersion);
  codec.encode(w, record.data as never, recordVersion);
  return w.finish();
}

/** Reads one framed record; throws ProtocolError on a bad frame, an unknown type or trailing bytes. */
export function deserializeMetadataRecord(bytes: Buffer): MetadataRecord {
  const r = new Reader(bytes);
  const frameVersion = r.unsignedVarint();
  if (frameVersion !== FRAME_VERSION) {
    throw new ProtocolError(
      'unsupported',
      `metadata record frame version ${frameVersion} (only ${FRAME_VERSION} is supported)`,
    );
  }
  const apiKey = r.unsignedVarint();
  const version = r.unsignedVarint();
  const type = TYPE_BY_API_KEY.get(apiKey);
  if (type === undefined) throw new ProtocolError('unsupported', `unknown metadata record type ${apiKey}`);
  const data = (CODECS[type] as RecordCodec<MetadataRecordType>).decode(r, version);
  if (r.remaining > 0) {
    throw new ProtocolError('invalid', `${r.remaining} byte(s) of garbage after metadata record ${type}`);
  }
  return { type, data } as MetadataRecord;
}
