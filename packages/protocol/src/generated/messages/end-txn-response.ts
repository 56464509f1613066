// Generated from EndTxnResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface EndTxnResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The producer ID. */
  producerId: bigint;
  /** The current epoch associated with the producer. */
  producerEpoch: number;
}

export function defaultEndTxnResponse(): EndTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}

function writeEndTxnResponse(w: Writer, v: EndTxnResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  if (version >= 5) { w.int64(v.producerId); }
  if (version >= 5) { w.int16(v.producerEpoch); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readEndTxnResponse(r: Reader, version: number): EndTxnResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fProducerId: bigint = -1n;
  if (version >= 5) { fProducerId = r.int64(); }
  let fProducerEpoch: number = -1;
  if (version >= 5) { fProducerEpoch = r.int16(); }
  if (version >= 3) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, producerId: fProducerId, producerEpoch: fProducerEpoch };
}

/** The versions of EndTxnResponse this codec reads and writes. */
export const endTxnResponseVersions = { min: 0, max: 5, firstFlexible: 3 } as const;

function checkEndTxnResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `EndTxnResponse version ${version} is outside 0-5`);
  }
}

export function encodeEndTxnResponse(w: Writer, value: EndTxnResponse, version: number): void {
  checkEndTxnResponseVersion(version);
  writeEndTxnResponse(w, value, version);
}

export function decodeEndTxnResponse(r: Reader, version: number): EndTxnResponse {
  checkEndTxnResponseVersion(version);
  return readEndTxnResponse(r, version);
}
