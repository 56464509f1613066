// Generated from ExpireDelegationTokenResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ExpireDelegationTokenResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The timestamp in milliseconds at which this token expires. */
  expiryTimestampMs: bigint;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
}

export function defaultExpireDelegationTokenResponse(): ExpireDelegationTokenResponse {
  return {
    errorCode: 0,
    expiryTimestampMs: 0n,
    throttleTimeMs: 0,
  };
}

function writeExpireDelegationTokenResponse(w: Writer, v: ExpireDelegationTokenResponse, version: number): void {
  w.int16(v.errorCode);
  w.int64(v.expiryTimestampMs);
  w.int32(v.throttleTimeMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readExpireDelegationTokenResponse(r: Reader, version: number): ExpireDelegationTokenResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fExpiryTimestampMs: bigint = 0n;
  fExpiryTimestampMs = r.int64();
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, expiryTimestampMs: fExpiryTimestampMs, throttleTimeMs: fThrottleTimeMs };
}

/** The versions of ExpireDelegationTokenResponse this codec reads and writes. */
export const expireDelegationTokenResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkExpireDelegationTokenResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `ExpireDelegationTokenResponse version ${version} is outside 0-2`);
  }
}

export function encodeExpireDelegationTokenResponse(w: Writer, value: ExpireDelegationTokenResponse, version: number): void {
  checkExpireDelegationTokenResponseVersion(version);
  writeExpireDelegationTokenResponse(w, value, version);
}

export function decodeExpireDelegationTokenResponse(r: Reader, version: number): ExpireDelegationTokenResponse {
  checkExpireDelegationTokenResponseVersion(version);
  return readExpireDelegationTokenResponse(r, version);
}
