// Generated from SaslAuthenticateRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SaslAuthenticateRequest {
  /** The SASL authentication bytes from the client, as defined by the SASL mechanism. */
  authBytes: Buffer;
}

export function defaultSaslAuthenticateRequest(): SaslAuthenticateRequest {
  return {
    authBytes: Buffer.alloc(0),
  };
}

function writeSaslAuthenticateRequest(w: Writer, v: SaslAuthenticateRequest, version: number): void {
  if (version >= 2) { w.compactBytes(v.authBytes); } else { w.bytes(v.authBytes); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  let fAuthBytes: Buffer = Buffer.alloc(0);
  if (version >= 2) { fAuthBytes = r.compactBytes(); } else { fAuthBytes = r.bytes(); }
  if (version >= 2) r.taggedFields();
  return { authBytes: fAuthBytes };
}

/** The versions of SaslAuthenticateRequest this codec reads and writes. */
export const saslAuthenticateRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkSaslAuthenticateRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `SaslAuthenticateRequest version ${version} is outside 0-2`);
  }
}

export function encodeSaslAuthenticateRequest(w: Writer, value: SaslAuthenticateRequest, version: number): void {
  checkSaslAuthenticateRequestVersion(version);
  writeSaslAuthenticateRequest(w, value, version);
}

export function decodeSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  checkSaslAuthenticateRequestVersion(version);
  return readSaslAuthenticateRequest(r, version);
}
