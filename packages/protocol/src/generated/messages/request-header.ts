// Generated from RequestHeader.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface RequestHeader {
  /** The API key of this request. */
  requestApiKey: number;
  /** The API version of this request. */
  requestApiVersion: number;
  /** The correlation ID of this request. */
  correlationId: number;
  /** The client ID string. */
  clientId: string | null;
}

export function defaultRequestHeader(): RequestHeader {
  return {
    requestApiKey: 0,
    requestApiVersion: 0,
    correlationId: 0,
    clientId: "",
  };
}

function writeRequestHeader(w: Writer, v: RequestHeader, version: number): void {
  w.int16(v.requestApiKey);
  w.int16(v.requestApiVersion);
  w.int32(v.correlationId);
  if (version >= 1) { w.nullableString(v.clientId); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readRequestHeader(r: Reader, version: number): RequestHeader {
  let fRequestApiKey: number = 0;
  fRequestApiKey = r.int16();
  let fRequestApiVersion: number = 0;
  fRequestApiVersion = r.int16();
  let fCorrelationId: number = 0;
  fCorrelationId = r.int32();
  let fClientId: string | null = "";
  if (version >= 1) { fClientId = r.nullableString(); }
  if (version >= 2) r.taggedFields();
  return { requestApiKey: fRequestApiKey, requestApiVersion: fRequestApiVersion, correlationId: fCorrelationId, clientId: fClientId };
}

/** The versions of RequestHeader this codec reads and writes. */
export const requestHeaderVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkRequestHeaderVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `RequestHeader version ${version} is outside 0-2`);
  }
}

export function encodeRequestHeader(w: Writer, value: RequestHeader, version: number): void {
  checkRequestHeaderVersion(version);
  writeRequestHeader(w, value, version);
}

export function decodeRequestHeader(r: Reader, version: number): RequestHeader {
  checkRequestHeaderVersion(version);
  return readRequestHeader(r, version);
}
