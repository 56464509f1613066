// Generated from SaslAuthenticateResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SaslAuthenticateResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** The SASL authentication bytes from the server, as defined by the SASL mechanism. */
  authBytes: Buffer;
  /** Number of milliseconds after which only re-authentication over the existing connection to create a new session can occur. */
  sessionLifetimeMs: bigint;
}

export function defaultSaslAuthenticateResponse(): SaslAuthenticateResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    authBytes: Buffer.alloc(0),
    sessionLifetimeMs: 0n,
  };
}

function writeSaslAuthenticateResponse(w: Writer, v: SaslAuthenticateResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 2) { w.compactBytes(v.authBytes); } else { w.bytes(v.authBytes); }
  if (version >= 1) { w.int64(v.sessionLifetimeMs); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  let fAuthBytes: Buffer = Buffer.alloc(0);
  if (version >= 2) { fAuthBytes = r.compactBytes(); } else { fAuthBytes = r.bytes(); }
  let fSessionLifetimeMs: bigint = 0n;
  if (version >= 1) { fSessionLifetimeMs = r.int64(); }
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, authBytes: fAuthBytes, sessionLifetimeMs: fSessionLifetimeMs };
}

/** The versions of SaslAuthenticateResponse this codec reads and writes. */
export const saslAuthenticateResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkSaslAuthenticateResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `SaslAuthenticateResponse version ${version} is outside 0-2`);
  }
}

export function encodeSaslAuthenticateResponse(w: Writer, value: SaslAuthenticateResponse, version: number): void {
  checkSaslAuthenticateResponseVersion(version);
  writeSaslAuthenticateResponse(w, value, version);
}

export function decodeSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  checkSaslAuthenticateResponseVersion(version);
  return readSaslAuthenticateResponse(r, version);
}
