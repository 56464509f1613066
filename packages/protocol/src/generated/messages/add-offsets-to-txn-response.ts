// Generated from AddOffsetsToTxnResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AddOffsetsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The response error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultAddOffsetsToTxnResponse(): AddOffsetsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

function writeAddOffsetsToTxnResponse(w: Writer, v: AddOffsetsToTxnResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddOffsetsToTxnResponse(r: Reader, version: number): AddOffsetsToTxnResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 3) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode };
}

/** The versions of AddOffsetsToTxnResponse this codec reads and writes. */
export const addOffsetsToTxnResponseVersions = { min: 0, max: 4, firstFlexible: 3 } as const;

function checkAddOffsetsToTxnResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `AddOffsetsToTxnResponse version ${version} is outside 0-4`);
  }
}

export function encodeAddOffsetsToTxnResponse(w: Writer, value: AddOffsetsToTxnResponse, version: number): void {
  checkAddOffsetsToTxnResponseVersion(version);
  writeAddOffsetsToTxnResponse(w, value, version);
}

export function decodeAddOffsetsToTxnResponse(r: Reader, version: number): AddOffsetsToTxnResponse {
  checkAddOffsetsToTxnResponseVersion(version);
  return readAddOffsetsToTxnResponse(r, version);
}
