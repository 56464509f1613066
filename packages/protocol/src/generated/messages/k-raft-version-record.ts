// Generated from KRaftVersionRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface KRaftVersionRecord {
  /** The version of the kraft version record */
  version: number;
  /** The kraft protocol version */
  kRaftVersion: number;
}

export function defaultKRaftVersionRecord(): KRaftVersionRecord {
  return {
    version: 0,
    kRaftVersion: 0,
  };
}

function writeKRaftVersionRecord(w: Writer, v: KRaftVersionRecord, version: number): void {
  w.int16(v.version);
  w.int16(v.kRaftVersion);
  {
    w.unsignedVarint(0);
  }
}

function readKRaftVersionRecord(r: Reader, version: number): KRaftVersionRecord {
  let fVersion: number = 0;
  fVersion = r.int16();
  let fKRaftVersion: number = 0;
  fKRaftVersion = r.int16();
  r.taggedFields();
  return { version: fVersion, kRaftVersion: fKRaftVersion };
}

/** The versions of KRaftVersionRecord this codec reads and writes. */
export const kRaftVersionRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkKRaftVersionRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `KRaftVersionRecord version ${version} is outside 0-0`);
  }
}

export function encodeKRaftVersionRecord(w: Writer, value: KRaftVersionRecord, version: number): void {
  checkKRaftVersionRecordVersion(version);
  writeKRaftVersionRecord(w, value, version);
}

export function decodeKRaftVersionRecord(r: Reader, version: number): KRaftVersionRecord {
  checkKRaftVersionRecordVersion(version);
  return readKRaftVersionRecord(r, version);
}
