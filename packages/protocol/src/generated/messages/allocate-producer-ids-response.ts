// Generated from AllocateProducerIdsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AllocateProducerIdsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code */
  errorCode: number;
  /** The first producer ID in this range, inclusive */
  producerIdStart: bigint;
  /** The number of producer IDs in this range */
  producerIdLen: number;
}

export function defaultAllocateProducerIdsResponse(): AllocateProducerIdsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerIdStart: 0n,
    producerIdLen: 0,
  };
}

function writeAllocateProducerIdsResponse(w: Writer, v: AllocateProducerIdsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.int64(v.producerIdStart);
  w.int32(v.producerIdLen);
  {
    w.unsignedVarint(0);
  }
}

function readAllocateProducerIdsResponse(r: Reader, version: number): AllocateProducerIdsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fProducerIdStart: bigint = 0n;
  fProducerIdStart = r.int64();
  let fProducerIdLen: number = 0;
  fProducerIdLen = r.int32();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, producerIdStart: fProducerIdStart, producerIdLen: fProducerIdLen };
}

/** The versions of AllocateProducerIdsResponse this codec reads and writes. */
export const allocateProducerIdsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAllocateProducerIdsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AllocateProducerIdsResponse version ${version} is outside 0-0`);
  }
}

export function encodeAllocateProducerIdsResponse(w: Writer, value: AllocateProducerIdsResponse, version: number): void {
  checkAllocateProducerIdsResponseVersion(version);
  writeAllocateProducerIdsResponse(w, value, version);
}

export function decodeAllocateProducerIdsResponse(r: Reader, version: number): AllocateProducerIdsResponse {
  checkAllocateProducerIdsResponseVersion(version);
  return readAllocateProducerIdsResponse(r, version);
}
