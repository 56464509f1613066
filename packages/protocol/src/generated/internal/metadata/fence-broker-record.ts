// Generated from internal/metadata/FenceBrokerRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface FenceBrokerRecord {
  /** The broker ID to fence. It will be removed from all ISRs. */
  id: number;
  /** The epoch of the broker to fence. */
  epoch: bigint;
}

export function defaultFenceBrokerRecord(): FenceBrokerRecord {
  return {
    id: 0,
    epoch: 0n,
  };
}

function writeFenceBrokerRecord(w: Writer, v: FenceBrokerRecord, version: number): void {
  w.int32(v.id);
  w.int64(v.epoch);
  {
    w.unsignedVarint(0);
  }
}

function readFenceBrokerRecord(r: Reader, version: number): FenceBrokerRecord {
  let fId: number = 0;
  fId = r.int32();
  let fEpoch: bigint = 0n;
  fEpoch = r.int64();
  r.taggedFields();
  return { id: fId, epoch: fEpoch };
}

/** The record type of FenceBrokerRecord in the metadata log (MetadataRecordSerde's api key). */
export const fenceBrokerRecordApiKey = 7;

/** The versions of FenceBrokerRecord this codec reads and writes. */
export const fenceBrokerRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkFenceBrokerRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `FenceBrokerRecord version ${version} is outside 0-0`);
  }
}

export function encodeFenceBrokerRecord(w: Writer, value: FenceBrokerRecord, version: number): void {
  checkFenceBrokerRecordVersion(version);
  writeFenceBrokerRecord(w, value, version);
}

export function decodeFenceBrokerRecord(r: Reader, version: number): FenceBrokerRecord {
  checkFenceBrokerRecordVersion(version);
  return readFenceBrokerRecord(r, version);
}
