// Generated from HeartbeatResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface HeartbeatResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultHeartbeatResponse(): HeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

function writeHeartbeatResponse(w: Writer, v: HeartbeatResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  w.int16(v.errorCode);
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readHeartbeatResponse(r: Reader, version: number): HeartbeatResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 4) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode };
}

/** The versions of HeartbeatResponse this codec reads and writes. */
export const heartbeatResponseVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkHeartbeatResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `HeartbeatResponse version ${version} is outside 0-4`);
  }
}

export function encodeHeartbeatResponse(w: Writer, value: HeartbeatResponse, version: number): void {
  checkHeartbeatResponseVersion(version);
  writeHeartbeatResponse(w, value, version);
}

export function decodeHeartbeatResponse(r: Reader, version: number): HeartbeatResponse {
  checkHeartbeatResponseVersion(version);
  return readHeartbeatResponse(r, version);
}
