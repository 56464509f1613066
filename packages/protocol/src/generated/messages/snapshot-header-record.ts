// Generated from SnapshotHeaderRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SnapshotHeaderRecord {
  /** The version of the snapshot header record */
  version: number;
  /** The append time of the last record from the log contained in this snapshot */
  lastContainedLogTimestamp: bigint;
}

export function defaultSnapshotHeaderRecord(): SnapshotHeaderRecord {
  return {
    version: 0,
    lastContainedLogTimestamp: 0n,
  };
}

function writeSnapshotHeaderRecord(w: Writer, v: SnapshotHeaderRecord, version: number): void {
  w.int16(v.version);
  w.int64(v.lastContainedLogTimestamp);
  {
    w.unsignedVarint(0);
  }
}

function readSnapshotHeaderRecord(r: Reader, version: number): SnapshotHeaderRecord {
  let fVersion: number = 0;
  fVersion = r.int16();
  let fLastContainedLogTimestamp: bigint = 0n;
  fLastContainedLogTimestamp = r.int64();
  r.taggedFields();
  return { version: fVersion, lastContainedLogTimestamp: fLastContainedLogTimestamp };
}

/** The versions of SnapshotHeaderRecord this codec reads and writes. */
export const snapshotHeaderRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkSnapshotHeaderRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `SnapshotHeaderRecord version ${version} is outside 0-0`);
  }
}

export function encodeSnapshotHeaderRecord(w: Writer, value: SnapshotHeaderRecord, version: number): void {
  checkSnapshotHeaderRecordVersion(version);
  writeSnapshotHeaderRecord(w, value, version);
}

export function decodeSnapshotHeaderRecord(r: Reader, version: number): SnapshotHeaderRecord {
  checkSnapshotHeaderRecordVersion(version);
  return readSnapshotHeaderRecord(r, version);
}
