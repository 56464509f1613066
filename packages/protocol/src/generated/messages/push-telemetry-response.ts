// Generated from PushTelemetryResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface PushTelemetryResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultPushTelemetryResponse(): PushTelemetryResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

function writePushTelemetryResponse(w: Writer, v: PushTelemetryResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  {
    w.unsignedVarint(0);
  }
}

function readPushTelemetryResponse(r: Reader, version: number): PushTelemetryResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode };
}

/** The versions of PushTelemetryResponse this codec reads and writes. */
export const pushTelemetryResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkPushTelemetryResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `PushTelemetryResponse version ${version} is outside 0-0`);
  }
}

export function encodePushTelemetryResponse(w: Writer, value: PushTelemetryResponse, version: number): void {
  checkPushTelemetryResponseVersion(version);
  writePushTelemetryResponse(w, value, version);
}

export function decodePushTelemetryResponse(r: Reader, version: number): PushTelemetryResponse {
  checkPushTelemetryResponseVersion(version);
  return readPushTelemetryResponse(r, version);
}
