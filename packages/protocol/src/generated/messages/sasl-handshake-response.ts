// Generated from SaslHandshakeResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SaslHandshakeResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The mechanisms enabled in the server. */
  mechanisms: string[];
}

export function defaultSaslHandshakeResponse(): SaslHandshakeResponse {
  return {
    errorCode: 0,
    mechanisms: [],
  };
}

function writeSaslHandshakeResponse(w: Writer, v: SaslHandshakeResponse, version: number): void {
  w.int16(v.errorCode);
  w.int32(v.mechanisms.length); for (const item of v.mechanisms) { w.string(item); }
}

function readSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fMechanisms: string[] = [];
  fMechanisms = readArray(r, 2, () => r.string());
  return { errorCode: fErrorCode, mechanisms: fMechanisms };
}

/** The versions of SaslHandshakeResponse this codec reads and writes. */
export const saslHandshakeResponseVersions = { min: 0, max: 1 } as const;

function checkSaslHandshakeResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `SaslHandshakeResponse version ${version} is outside 0-1`);
  }
}

export function encodeSaslHandshakeResponse(w: Writer, value: SaslHandshakeResponse, version: number): void {
  checkSaslHandshakeResponseVersion(version);
  writeSaslHandshakeResponse(w, value, version);
}

export function decodeSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  checkSaslHandshakeResponseVersion(version);
  return readSaslHandshakeResponse(r, version);
}
