// Generated from AlterUserScramCredentialsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  /** The user name. */
  user: string;
  /** The error code. */
  errorCode: number;
  /** The error message, if any. */
  errorMessage: string | null;
}

export function defaultAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(): AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
  };
}

function writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w: Writer, v: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult, version: number): void {
  w.compactString(v.user);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r: Reader, version: number): AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  let fUser: string = "";
  fUser = r.compactString();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { user: fUser, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface AlterUserScramCredentialsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for deletions and alterations, one per affected user. */
  results: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[];
}

export function defaultAlterUserScramCredentialsResponse(): AlterUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

function writeAlterUserScramCredentialsResponse(w: Writer, v: AlterUserScramCredentialsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterUserScramCredentialsResponse(r: Reader, version: number): AlterUserScramCredentialsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResults: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[] = [];
  fResults = readCompactArray(r, 1, () => readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, results: fResults };
}

/** The versions of AlterUserScramCredentialsResponse this codec reads and writes. */
export const alterUserScramCredentialsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAlterUserScramCredentialsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AlterUserScramCredentialsResponse version ${version} is outside 0-0`);
  }
}

export function encodeAlterUserScramCredentialsResponse(w: Writer, value: AlterUserScramCredentialsResponse, version: number): void {
  checkAlterUserScramCredentialsResponseVersion(version);
  writeAlterUserScramCredentialsResponse(w, value, version);
}

export function decodeAlterUserScramCredentialsResponse(r: Reader, version: number): AlterUserScramCredentialsResponse {
  checkAlterUserScramCredentialsResponseVersion(version);
  return readAlterUserScramCredentialsResponse(r, version);
}
