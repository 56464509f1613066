/**
 * Records of the internal topic `__consumer_offsets`, byte for byte as Kafka writes them, so tools that read
 * the topic raw (Burrow, kafka-consumer-groups --describe on old clusters) understand Sluice's.
 *
 * Key: int16 key version, then the key struct at that version: OffsetCommitKey (versions 0 and 1, written as
 * 1) or GroupMetadataKey (version 2). Value: int16 value version, then OffsetCommitValue (written as v3, the
 * newest version old readers such as Burrow 1.2 decode) or GroupMetadataValue (v3); a null value is a
 * tombstone (offset deleted, group removed).
 */
import {
  decodeGroupMetadataKey,
  decodeGroupMetadataValue,
  decodeOffsetCommitKey,
  decodeOffsetCommitValue,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type GroupMetadataValue,
  type OffsetCommitValue,
} from '../generated/internal/group-coordinator/index.ts';
import { ProtocolError } from '../io/protocol-error.ts';
import { Reader } from '../io/reader.ts';
import { Writer } from '../io/writer.ts';

export const OFFSET_COMMIT_KEY_VERSION = 1;
export const GROUP_METADATA_KEY_VERSION = 2;
export const OFFSET_COMMIT_VALUE_VERSION = 3;
export const GROUP_METADATA_VALUE_VERSION = 3;

export type ConsumerOffsetsRecord =
  | { type: 'offset'; group: string; topic: string; partition: number; value: OffsetCommitValue | null }
  | { type: 'group'; group: string; value: GroupMetadataValue | null };

function versioned(version: number, encode: (w: Writer) => void): Buffer {
  const w = new Writer(64);
  w.int16(version);
  encode(w);
  return w.finish();
}

export function encodeOffsetCommitRecord(
  group: string,
  topic: string,
  partition: number,
  value: OffsetCommitValue | null,
): { key: Buffer; value: Buffer | null } {
  return {
    key: versioned(OFFSET_COMMIT_KEY_VERSION, (w) =>
      encodeOffsetCommitKey(w, { group, topic, partition }, OFFSET_COMMIT_KEY_VERSION),
    ),
    value:
      value === null
        ? null
        : versioned(OFFSET_COMMIT_VALUE_VERSION, (w) =>
            encodeOffsetCommitValue(w, value, OFFSET_COMMIT_VALUE_VERSION),
          ),
  };
}

export function encodeGroupMetadataRecord(
  group: string,
  value: GroupMetadataValue | null,
): { key: Buffer; value: Buffer | null } {
  return {
    key: versioned(GROUP_METADATA_KEY_VERSION, (w) =>
      encodeGroupMetadataKey(w, { group }, GROUP_METADATA_KEY_VERSION),
    ),
    value:
      value === null
        ? null
        : versioned(GROUP_METADATA_VALUE_VERSION, (w) =>
            encodeGroupMetadataValue(w, value, GROUP_METADATA_VALUE_VERSION),
          ),
  };
}

/** Decodes one record of __consumer_offsets, whatever versions wrote it; unknown key versions are an error. */
export function decodeConsumerOffsetsRecord(key: Buffer, value: Buffer | null): ConsumerOffsetsRecord {
  const keyReader = new Reader(key);
  const keyVersion = keyReader.int16();
  const valueReader = value === null ? null : new Reader(value);
  const valueVersion = valueReader?.int16() ?? -1;
  if (keyVersion === 0 || keyVersion === 1) {
    const { group, topic, partition } = decodeOffsetCommitKey(keyReader, keyVersion);
    return {
      type: 'offset',
      group,
      topic,
      partition,
      value: valueReader && decodeOffsetCommitValue(valueReader, valueVersion),
    };
  }
  if (keyVersion === 2) {
    const { group } = decodeGroupMetadataKey(keyReader, keyVersion);
    return {
      type: 'group',
      group,
      value: valueReader && decodeGroupMetadataValue(valueReader, valueVersion),
    };
  }
  throw new ProtocolError(
    'unsupported',
    `__consumer_offsets key version ${keyVersion} is not a classic group record`,
  );
}
