// Generated from RemoveRaftVoterResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface RemoveRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultRemoveRaftVoterResponse(): RemoveRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeRemoveRaftVoterResponse(w: Writer, v: RemoveRaftVoterResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readRemoveRaftVoterResponse(r: Reader, version: number): RemoveRaftVoterResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

/** The versions of RemoveRaftVoterResponse this codec reads and writes. */
export const removeRaftVoterResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkRemoveRaftVoterResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `RemoveRaftVoterResponse version ${version} is outside 0-0`);
  }
}

export function encodeRemoveRaftVoterResponse(w: Writer, value: RemoveRaftVoterResponse, version: number): void {
  checkRemoveRaftVoterResponseVersion(version);
  writeRemoveRaftVoterResponse(w, value, version);
}

export function decodeRemoveRaftVoterResponse(r: Reader, version: number): RemoveRaftVoterResponse {
  checkRemoveRaftVoterResponseVersion(version);
  return readRemoveRaftVoterResponse(r, version);
}
