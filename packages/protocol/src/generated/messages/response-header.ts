// Generated from ResponseHeader.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ResponseHeader {
  /** The correlation ID of this response. */
  correlationId: number;
}

export function defaultResponseHeader(): ResponseHeader {
  return {
    correlationId: 0,
  };
}

function writeResponseHeader(w: Writer, v: ResponseHeader, version: number): void {
  w.int32(v.correlationId);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readResponseHeader(r: Reader, version: number): ResponseHeader {
  let fCorrelationId: number = 0;
  fCorrelationId = r.int32();
  if (version >= 1) r.taggedFields();
  return { correlationId: fCorrelationId };
}

/** The versions of ResponseHeader this codec reads and writes. */
export const responseHeaderVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkResponseHeaderVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `ResponseHeader version ${version} is outside 0-1`);
  }
}

export function encodeResponseHeader(w: Writer, value: ResponseHeader, version: number): void {
  checkResponseHeaderVersion(version);
  writeResponseHeader(w, value, version);
}

export function decodeResponseHeader(r: Reader, version: number): ResponseHeader {
  checkResponseHeaderVersion(version);
  return readResponseHeader(r, version);
}
