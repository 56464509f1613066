// Generated from internal/metadata/BeginTransactionRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface BeginTransactionRecord {
  /** An optional textual description of this transaction. */
  name: string | null;
}

export function defaultBeginTransactionRecord(): BeginTransactionRecord {
  return {
    name: null,
  };
}

function writeBeginTransactionRecord(w: Writer, v: BeginTransactionRecord, version: number): void {
  {
    const writeName = v.name !== null;
    w.unsignedVarint((writeName ? 1 : 0));
    if (writeName) w.taggedField(0, (t) => { t.compactNullableString(v.name); });
  }
}

function readBeginTransactionRecord(r: Reader, version: number): BeginTransactionRecord {
  let fName: string | null = null;
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fName = t.compactNullableString(); return true;
        default:
          return false;
      }
    });
  }
  return { name: fName };
}

/** The record type of BeginTransactionRecord in the metadata log (MetadataRecordSerde's api key). */
export const beginTransactionRecordApiKey = 23;

/** The versions of BeginTransactionRecord this codec reads and writes. */
export const beginTransactionRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkBeginTransactionRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `BeginTransactionRecord version ${version} is outside 0-0`);
  }
}

export function encodeBeginTransactionRecord(w: Writer, value: BeginTransactionRecord, version: number): void {
  checkBeginTransactionRecordVersion(version);
  writeBeginTransactionRecord(w, value, version);
}

export function decodeBeginTransactionRecord(r: Reader, version: number): BeginTransactionRecord {
  checkBeginTransactionRecordVersion(version);
  return readBeginTransactionRecord(r, version);
}
