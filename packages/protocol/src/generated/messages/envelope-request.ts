// Generated from EnvelopeRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface EnvelopeRequest {
  /** The embedded request header and data. */
  requestData: Buffer;
  /** Value of the initial client principal when the request is redirected by a broker. */
  requestPrincipal: Buffer | null;
  /** The original client's address in bytes. */
  clientHostAddress: Buffer;
}

export function defaultEnvelopeRequest(): EnvelopeRequest {
  return {
    requestData: Buffer.alloc(0),
    requestPrincipal: Buffer.alloc(0),
    clientHostAddress: Buffer.alloc(0),
  };
}

function writeEnvelopeRequest(w: Writer, v: EnvelopeRequest, version: number): void {
  w.compactBytes(v.requestData);
  w.compactNullableBytes(v.requestPrincipal);
  w.compactBytes(v.clientHostAddress);
  {
    w.unsignedVarint(0);
  }
}

function readEnvelopeRequest(r: Reader, version: number): EnvelopeRequest {
  let fRequestData: Buffer = Buffer.alloc(0);
  fRequestData = r.compactBytes();
  let fRequestPrincipal: Buffer | null = Buffer.alloc(0);
  fRequestPrincipal = r.compactNullableBytes();
  let fClientHostAddress: Buffer = Buffer.alloc(0);
  fClientHostAddress = r.compactBytes();
  r.taggedFields();
  return { requestData: fRequestData, requestPrincipal: fRequestPrincipal, clientHostAddress: fClientHostAddress };
}

/** The versions of EnvelopeRequest this codec reads and writes. */
export const envelopeRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkEnvelopeRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `EnvelopeRequest version ${version} is outside 0-0`);
  }
}

export function encodeEnvelopeRequest(w: Writer, value: EnvelopeRequest, version: number): void {
  checkEnvelopeRequestVersion(version);
  writeEnvelopeRequest(w, value, version);
}

export function decodeEnvelopeRequest(r: Reader, version: number): EnvelopeRequest {
  checkEnvelopeRequestVersion(version);
  return readEnvelopeRequest(r, version);
}
