// Generated from internal/metadata/ProducerIdsRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ProducerIdsRecord {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker */
  brokerEpoch: bigint;
  /** The next producerId that will be assigned (i.e. the first producerId in the next assigned block) */
  nextProducerId: bigint;
}

export function defaultProducerIdsRecord(): ProducerIdsRecord {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    nextProducerId: 0n,
  };
}

function writeProducerIdsRecord(w: Writer, v: ProducerIdsRecord, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  w.int64(v.nextProducerId);
  {
    w.unsignedVarint(0);
  }
}

function readProducerIdsRecord(r: Reader, version: number): ProducerIdsRecord {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = -1n;
  fBrokerEpoch = r.int64();
  let fNextProducerId: bigint = 0n;
  fNextProducerId = r.int64();
  r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, nextProducerId: fNextProducerId };
}

/** The record type of ProducerIdsRecord in the metadata log (MetadataRecordSerde's api key). */
export const producerIdsRecordApiKey = 15;

/** The versions of ProducerIdsRecord this codec reads and writes. */
export const producerIdsRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkProducerIdsRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ProducerIdsRecord version ${version} is outside 0-0`);
  }
}

export function encodeProducerIdsRecord(w: Writer, value: ProducerIdsRecord, version: number): void {
  checkProducerIdsRecordVersion(version);
  writeProducerIdsRecord(w, value, version);
}

export function decodeProducerIdsRecord(r: Reader, version: number): ProducerIdsRecord {
  checkProducerIdsRecordVersion(version);
  return readProducerIdsRecord(r, version);
}
