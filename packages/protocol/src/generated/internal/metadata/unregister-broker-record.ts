// Generated from internal/metadata/UnregisterBrokerRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface UnregisterBrokerRecord {
  /** The broker id. */
  brokerId: number;
  /** The broker epoch. */
  brokerEpoch: bigint;
}

export function defaultUnregisterBrokerRecord(): UnregisterBrokerRecord {
  return {
    brokerId: 0,
    brokerEpoch: 0n,
  };
}

function writeUnregisterBrokerRecord(w: Writer, v: UnregisterBrokerRecord, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readUnregisterBrokerRecord(r: Reader, version: number): UnregisterBrokerRecord {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = 0n;
  fBrokerEpoch = r.int64();
  r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
}

/** The record type of UnregisterBrokerRecord in the metadata log (MetadataRecordSerde's api key). */
export const unregisterBrokerRecordApiKey = 1;

/** The versions of UnregisterBrokerRecord this codec reads and writes. */
export const unregisterBrokerRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkUnregisterBrokerRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `UnregisterBrokerRecord version ${version} is outside 0-0`);
  }
}

export function encodeUnregisterBrokerRecord(w: Writer, value: UnregisterBrokerRecord, version: number): void {
  checkUnregisterBrokerRecordVersion(version);
  writeUnregisterBrokerRecord(w, value, version);
}

export function decodeUnregisterBrokerRecord(r: Reader, version: number): UnregisterBrokerRecord {
  checkUnregisterBrokerRecordVersion(version);
  return readUnregisterBrokerRecord(r, version);
}
