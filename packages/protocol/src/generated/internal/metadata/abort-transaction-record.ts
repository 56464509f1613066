// Generated from internal/metadata/AbortTransactionRecord.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface AbortTransactionRecord {
  /** An optional textual description of why the transaction was aborted. */
  reason: string | null;
}

export function defaultAbortTransactionRecord(): AbortTransactionRecord {
  return {
    reason: null,
  };
}

function writeAbortTransactionRecord(w: Writer, v: AbortTransactionRecord, version: number): void {
  {
    const writeReason = v.reason !== null;
    w.unsignedVarint((writeReason ? 1 : 0));
    if (writeReason) w.taggedField(0, (t) => { t.compactNullableString(v.reason); });
  }
}

function readAbortTransactionRecord(r: Reader, version: number): AbortTransactionRecord {
  let fReason: string | null = null;
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fReason = t.compactNullableString(); return true;
        default:
          return false;
      }
    });
  }
  return { reason: fReason };
}

/** The record type of AbortTransactionRecord in the metadata log (MetadataRecordSerde's api key). */
export const abortTransactionRecordApiKey = 25;

/** The versions of AbortTransactionRecord this codec reads and writes. */
export const abortTransactionRecordVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAbortTransactionRecordVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AbortTransactionRecord version ${version} is outside 0-0`);
  }
}

export function encodeAbortTransactionRecord(w: Writer, value: AbortTransactionRecord, version: number): void {
  checkAbortTransactionRecordVersion(version);
  writeAbortTransactionRecord(w, value, version);
}

export function decodeAbortTransactionRecord(r: Reader, version: number): AbortTransactionRecord {
  checkAbortTransactionRecordVersion(version);
  return readAbortTransactionRecord(r, version);
}
