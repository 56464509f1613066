// Generated from internal/metadata/EndTransactionRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface EndTransactionRecord {
}

export function defaultEndTransactionRecord(): EndTransactionRecord {
  return {
  };
}

function writeEndTransactionRecord(w: Writer, v: EndTransactionRecord, version: number): void {
  {
    w.unsignedVarint(0);
  }
}

function readEndTransactionRecord(r: Reader, version: number): EndTransactionRecord {
  r.taggedFields();
  return {  };
}

/** The record type of EndTransactionRecord in the metadata log (MetadataRecordSerde's api key). */
export const endTransactionRecordApiKey = 24;

/** The versions of EndTransactionRecord this codec reads and writes. */
export const endTransactionRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkEndTransactionRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `EndTransactionRecord version ${version} is outside 0-0`);
  }
}

export function encodeEndTransactionRecord(w: Writer, value: EndTransactionRecord, version: number): void {
  checkEndTransactionRecordVersion(version);
  writeEndTransactionRecord(w, value, version);
}

export function decodeEndTransactionRecord(r: Reader, version: number): EndTransactionRecord {
  checkEndTransactionRecordVersion(version);
  return readEndTransactionRecord(r, version);
}
