// Generated from ControllerRegistrationResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ControllerRegistrationResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The response error code. */
  errorCode: number;
  /** The response error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultControllerRegistrationResponse(): ControllerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeControllerRegistrationResponse(w: Writer, v: ControllerRegistrationResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readControllerRegistrationResponse(r: Reader, version: number): ControllerRegistrationResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

/** The versions of ControllerRegistrationResponse this codec reads and writes. */
export const controllerRegistrationResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkControllerRegistrationResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ControllerRegistrationResponse version ${version} is outside 0-0`);
  }
}

export function encodeControllerRegistrationResponse(w: Writer, value: ControllerRegistrationResponse, version: number): void {
  checkControllerRegistrationResponseVersion(version);
  writeControllerRegistrationResponse(w, value, version);
}

export function decodeControllerRegistrationResponse(r: Reader, version: number): ControllerRegistrationResponse {
  checkControllerRegistrationResponseVersion(version);
  return readControllerRegistrationResponse(r, version);
}
