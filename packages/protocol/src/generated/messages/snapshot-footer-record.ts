// Generated from SnapshotFooterRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SnapshotFooterRecord {
  /** The version of the snapshot footer record */
  version: number;
}

export function defaultSnapshotFooterRecord(): SnapshotFooterRecord {
  return {
    version: 0,
  };
}

function writeSnapshotFooterRecord(w: Writer, v: SnapshotFooterRecord, version: number): void {
  w.int16(v.version);
  {
    w.unsignedVarint(0);
  }
}

function readSnapshotFooterRecord(r: Reader, version: number): SnapshotFooterRecord {
  let fVersion: number = 0;
  fVersion = r.int16();
  r.taggedFields();
  return { version: fVersion };
}

/** The versions of SnapshotFooterRecord this codec reads and writes. */
export const snapshotFooterRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkSnapshotFooterRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `SnapshotFooterRecord version ${version} is outside 0-0`);
  }
}

export function encodeSnapshotFooterRecord(w: Writer, value: SnapshotFooterRecord, version: number): void {
  checkSnapshotFooterRecordVersion(version);
  writeSnapshotFooterRecord(w, value, version);
}

export function decodeSnapshotFooterRecord(r: Reader, version: number): SnapshotFooterRecord {
  checkSnapshotFooterRecordVersion(version);
  return readSnapshotFooterRecord(r, version);
}
