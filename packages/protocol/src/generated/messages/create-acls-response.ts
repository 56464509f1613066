// Generated from CreateAclsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreateAclsResponseAclCreationResult {
  /** The result error, or zero if there was no error. */
  errorCode: number;
  /** The result message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultCreateAclsResponseAclCreationResult(): CreateAclsResponseAclCreationResult {
  return {
    errorCode: 0,
    errorMessage: "",
  };
}

function writeCreateAclsResponseAclCreationResult(w: Writer, v: CreateAclsResponseAclCreationResult, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); } else { w.nullableString(v.errorMessage); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateAclsResponseAclCreationResult(r: Reader, version: number): CreateAclsResponseAclCreationResult {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); } else { fErrorMessage = r.nullableString(); }
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface CreateAclsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each ACL creation. */
  results: CreateAclsResponseAclCreationResult[];
}

export function defaultCreateAclsResponse(): CreateAclsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

function writeCreateAclsResponse(w: Writer, v: CreateAclsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeCreateAclsResponseAclCreationResult(w, item, version); } } else { w.int32(v.results.length); for (const item of v.results) { writeCreateAclsResponseAclCreationResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreateAclsResponse(r: Reader, version: number): CreateAclsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResults: CreateAclsResponseAclCreationResult[] = [];
  if (version >= 2) { fResults = readCompactArray(r, 1, () => readCreateAclsResponseAclCreationResult(r, version)); } else { fResults = readArray(r, 1, () => readCreateAclsResponseAclCreationResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, results: fResults };
}

/** The versions of CreateAclsResponse this codec reads and writes. */
export const createAclsResponseVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkCreateAclsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `CreateAclsResponse version ${version} is outside 0-3`);
  }
}

export function encodeCreateAclsResponse(w: Writer, value: CreateAclsResponse, version: number): void {
  checkCreateAclsResponseVersion(version);
  writeCreateAclsResponse(w, value, version);
}

export function decodeCreateAclsResponse(r: Reader, version: number): CreateAclsResponse {
  checkCreateAclsResponseVersion(version);
  return readCreateAclsResponse(r, version);
}
