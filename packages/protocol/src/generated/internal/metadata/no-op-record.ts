// Generated from internal/metadata/NoOpRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface NoOpRecord {
}

export function defaultNoOpRecord(): NoOpRecord {
  return {
  };
}

function writeNoOpRecord(w: Writer, v: NoOpRecord, version: number): void {
  {
    w.unsignedVarint(0);
  }
}

function readNoOpRecord(r: Reader, version: number): NoOpRecord {
  r.taggedFields();
  return {  };
}

/** The record type of NoOpRecord in the metadata log (MetadataRecordSerde's api key). */
export const noOpRecordApiKey = 20;

/** The versions of NoOpRecord this codec reads and writes. */
export const noOpRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkNoOpRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `NoOpRecord version ${version} is outside 0-0`);
  }
}

export function encodeNoOpRecord(w: Writer, value: NoOpRecord, version: number): void {
  checkNoOpRecordVersion(version);
  writeNoOpRecord(w, value, version);
}

export function decodeNoOpRecord(r: Reader, version: number): NoOpRecord {
  checkNoOpRecordVersion(version);
  return readNoOpRecord(r, version);
}
