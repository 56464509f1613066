// Generated from AddRaftVoterResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AddRaftVoterResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultAddRaftVoterResponse(): AddRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

function writeAddRaftVoterResponse(w: Writer, v: AddRaftVoterResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readAddRaftVoterResponse(r: Reader, version: number): AddRaftVoterResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

/** The versions of AddRaftVoterResponse this codec reads and writes. */
export const addRaftVoterResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAddRaftVoterResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AddRaftVoterResponse version ${version} is outside 0-0`);
  }
}

export function encodeAddRaftVoterResponse(w: Writer, value: AddRaftVoterResponse, version: number): void {
  checkAddRaftVoterResponseVersion(version);
  writeAddRaftVoterResponse(w, value, version);
}

export function decodeAddRaftVoterResponse(r: Reader, version: number): AddRaftVoterResponse {
  checkAddRaftVoterResponseVersion(version);
  return readAddRaftVoterResponse(r, version);
}
