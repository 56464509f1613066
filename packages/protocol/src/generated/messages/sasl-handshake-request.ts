// Generated from SaslHandshakeRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SaslHandshakeRequest {
  /** The SASL mechanism chosen by the client. */
  mechanism: string;
}

export function defaultSaslHandshakeRequest(): SaslHandshakeRequest {
  return {
    mechanism: "",
  };
}

function writeSaslHandshakeRequest(w: Writer, v: SaslHandshakeRequest, version: number): void {
  w.string(v.mechanism);
}

function readSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  let fMechanism: string = "";
  fMechanism = r.string();
  return { mechanism: fMechanism };
}

/** The versions of SaslHandshakeRequest this codec reads and writes. */
export const saslHandshakeRequestVersions = { min: 0, max: 1 } as const;

function checkSaslHandshakeRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `SaslHandshakeRequest version ${version} is outside 0-1`);
  }
}

export function encodeSaslHandshakeRequest(w: Writer, value: SaslHandshakeRequest, version: number): void {
  checkSaslHandshakeRequestVersion(version);
  writeSaslHandshakeRequest(w, value, version);
}

export function decodeSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  checkSaslHandshakeRequestVersion(version);
  return readSaslHandshakeRequest(r, version);
}
