// Generated from DescribeUserScramCredentialsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeUserScramCredentialsResponseCredentialInfo {
  /** The SCRAM mechanism. */
  mechanism: number;
  /** The number of iterations used in the SCRAM credential. */
  iterations: number;
}

export function defaultDescribeUserScramCredentialsResponseCredentialInfo(): DescribeUserScramCredentialsResponseCredentialInfo {
  return {
    mechanism: 0,
    iterations: 0,
  };
}

function writeDescribeUserScramCredentialsResponseCredentialInfo(w: Writer, v: DescribeUserScramCredentialsResponseCredentialInfo, version: number): void {
  w.int8(v.mechanism);
  w.int32(v.iterations);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeUserScramCredentialsResponseCredentialInfo(r: Reader, version: number): DescribeUserScramCredentialsResponseCredentialInfo {
  let fMechanism: number = 0;
  fMechanism = r.int8();
  let fIterations: number = 0;
  fIterations = r.int32();
  r.taggedFields();
  return { mechanism: fMechanism, iterations: fIterations };
}

export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  /** The user name. */
  user: string;
  /** The user-level error code. */
  errorCode: number;
  /** The user-level error message, if any. */
  errorMessage: string | null;
  /** The mechanism and related information associated with the user's SCRAM credentials. */
  credentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[];
}

export function defaultDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  return {
    user: "",
    errorCode: 0,
    errorMessage: "",
    credentialInfos: [],
  };
}

function writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w: Writer, v: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult, version: number): void {
  w.compactString(v.user);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.credentialInfos.length + 1); for (const item of v.credentialInfos) { writeDescribeUserScramCredentialsResponseCredentialInfo(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r: Reader, version: number): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  let fUser: string = "";
  fUser = r.compactString();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  let fCredentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[] = [];
  fCredentialInfos = readCompactArray(r, 1, () => readDescribeUserScramCredentialsResponseCredentialInfo(r, version));
  r.taggedFields();
  return { user: fUser, errorCode: fErrorCode, errorMessage: fErrorMessage, credentialInfos: fCredentialInfos };
}

export interface DescribeUserScramCredentialsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The message-level error code, 0 except for user authorization or infrastructure issues. */
  errorCode: number;
  /** The message-level error message, if any. */
  errorMessage: string | null;
  /** The results for descriptions, one per user. */
  results: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[];
}

export function defaultDescribeUserScramCredentialsResponse(): DescribeUserScramCredentialsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    results: [],
  };
}

function writeDescribeUserScramCredentialsResponse(w: Writer, v: DescribeUserScramCredentialsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeUserScramCredentialsResponse(r: Reader, version: number): DescribeUserScramCredentialsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  let fResults: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[] = [];
  fResults = readCompactArray(r, 1, () => readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, results: fResults };
}

/** The versions of DescribeUserScramCredentialsResponse this codec reads and writes. */
export const describeUserScramCredentialsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeUserScramCredentialsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeUserScramCredentialsResponse version ${version} is outside 0-0`);
  }
}

export function encodeDescribeUserScramCredentialsResponse(w: Writer, value: DescribeUserScramCredentialsResponse, version: number): void {
  checkDescribeUserScramCredentialsResponseVersion(version);
  writeDescribeUserScramCredentialsResponse(w, value, version);
}

export function decodeDescribeUserScramCredentialsResponse(r: Reader, version: number): DescribeUserScramCredentialsResponse {
  checkDescribeUserScramCredentialsResponseVersion(version);
  return readDescribeUserScramCredentialsResponse(r, version);
}
