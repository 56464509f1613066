// Generated from internal/metadata/UnfenceBrokerRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface UnfenceBrokerRecord {
  /** The broker ID to unfence. */
  id: number;
  /** The epoch of the broker to unfence. */
  epoch: bigint;
}

export function defaultUnfenceBrokerRecord(): UnfenceBrokerRecord {
  return {
    id: 0,
    epoch: 0n,
  };
}

function writeUnfenceBrokerRecord(w: Writer, v: UnfenceBrokerRecord, version: number): void {
  w.int32(v.id);
  w.int64(v.epoch);
  {
    w.unsignedVarint(0);
  }
}

function readUnfenceBrokerRecord(r: Reader, version: number): UnfenceBrokerRecord {
  let fId: number = 0;
  fId = r.int32();
  let fEpoch: bigint = 0n;
  fEpoch = r.int64();
  r.taggedFields();
  return { id: fId, epoch: fEpoch };
}

/** The record type of UnfenceBrokerRecord in the metadata log (MetadataRecordSerde's api key). */
export const unfenceBrokerRecordApiKey = 8;

/** The versions of UnfenceBrokerRecord this codec reads and writes. */
export const unfenceBrokerRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkUnfenceBrokerRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `UnfenceBrokerRecord version ${version} is outside 0-0`);
  }
}

export function encodeUnfenceBrokerRecord(w: Writer, value: UnfenceBrokerRecord, version: number): void {
  checkUnfenceBrokerRecordVersion(version);
  writeUnfenceBrokerRecord(w, value, version);
}

export function decodeUnfenceBrokerRecord(r: Reader, version: number): UnfenceBrokerRecord {
  checkUnfenceBrokerRecordVersion(version);
  return readUnfenceBrokerRecord(r, version);
}
