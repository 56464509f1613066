// Generated from UnregisterBrokerResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UnregisterBrokerResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The top-level error message, or `null` if there was no top-level error. */
  errorMessage: string | null;
}

export function defaultUnregisterBrokerResponse(): UnregisterBrokerResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeUnregisterBrokerResponse(w: Writer, v: UnregisterBrokerResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readUnregisterBrokerResponse(r: Reader, version: number): UnregisterBrokerResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

/** The versions of UnregisterBrokerResponse this codec reads and writes. */
export const unregisterBrokerResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkUnregisterBrokerResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `UnregisterBrokerResponse version ${version} is outside 0-0`);
  }
}

export function encodeUnregisterBrokerResponse(w: Writer, value: UnregisterBrokerResponse, version: number): void {
  checkUnregisterBrokerResponseVersion(version);
  writeUnregisterBrokerResponse(w, value, version);
}

export function decodeUnregisterBrokerResponse(r: Reader, version: number): UnregisterBrokerResponse {
  checkUnregisterBrokerResponseVersion(version);
  return readUnregisterBrokerResponse(r, version);
}
