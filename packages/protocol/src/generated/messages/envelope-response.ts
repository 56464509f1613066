// Generated from EnvelopeResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface EnvelopeResponse {
  /** The embedded response header and data. */
  responseData: Buffer | null;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultEnvelopeResponse(): EnvelopeResponse {
  return {
    responseData: null,
    errorCode: 0,
  };
}

function writeEnvelopeResponse(w: Writer, v: EnvelopeResponse, version: number): void {
  w.compactNullableBytes(v.responseData);
  w.int16(v.errorCode);
  {
    w.unsignedVarint(0);
  }
}

function readEnvelopeResponse(r: Reader, version: number): EnvelopeResponse {
  let fResponseData: Buffer | null = null;
  fResponseData = r.compactNullableBytes();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  r.taggedFields();
  return { responseData: fResponseData, errorCode: fErrorCode };
}

/** The versions of EnvelopeResponse this codec reads and writes. */
export const envelopeResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkEnvelopeResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `EnvelopeResponse version ${version} is outside 0-0`);
  }
}

export function encodeEnvelopeResponse(w: Writer, value: EnvelopeResponse, version: number): void {
  checkEnvelopeResponseVersion(version);
  writeEnvelopeResponse(w, value, version);
}

export function decodeEnvelopeResponse(r: Reader, version: number): EnvelopeResponse {
  checkEnvelopeResponseVersion(version);
  return readEnvelopeResponse(r, version);
}
