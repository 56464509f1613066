// Generated from InitProducerIdResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface InitProducerIdResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The current producer id. */
  producerId: bigint;
  /** The current epoch associated with the producer id. */
  producerEpoch: number;
}

export function defaultInitProducerIdResponse(): InitProducerIdResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: 0,
  };
}

function writeInitProducerIdResponse(w: Writer, v: InitProducerIdResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fProducerId: bigint = -1n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, producerId: fProducerId, producerEpoch: fProducerEpoch };
}

/** The versions of InitProducerIdResponse this codec reads and writes. */
export const initProducerIdResponseVersions = { min: 0, max: 5, firstFlexible: 2 } as const;

function checkInitProducerIdResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `InitProducerIdResponse version ${version} is outside 0-5`);
  }
}

export function encodeInitProducerIdResponse(w: Writer, value: InitProducerIdResponse, version: number): void {
  checkInitProducerIdResponseVersion(version);
  writeInitProducerIdResponse(w, value, version);
}

export function decodeInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  checkInitProducerIdResponseVersion(version);
  return readInitProducerIdResponse(r, version);
}
