// Generated from DeleteGroupsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteGroupsResponseDeletableGroupResult {
  /** The group id */
  groupId: string;
  /** The deletion error, or 0 if the deletion succeeded. */
  errorCode: number;
}

export function defaultDeleteGroupsResponseDeletableGroupResult(): DeleteGroupsResponseDeletableGroupResult {
  return {
    groupId: "",
    errorCode: 0,
  };
}

function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, v: DeleteGroupsResponseDeletableGroupResult, version: number): void {
  if (version >= 2) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  w.int16(v.errorCode);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteGroupsResponseDeletableGroupResult(r: Reader, version: number): DeleteGroupsResponseDeletableGroupResult {
  let fGroupId: string = "";
  if (version >= 2) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 2) r.taggedFields();
  return { groupId: fGroupId, errorCode: fErrorCode };
}

export interface DeleteGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The deletion results */
  results: DeleteGroupsResponseDeletableGroupResult[];
}

export function defaultDeleteGroupsResponse(): DeleteGroupsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

function writeDeleteGroupsResponse(w: Writer, v: DeleteGroupsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeDeleteGroupsResponseDeletableGroupResult(w, item, version); } } else { w.int32(v.results.length); for (const item of v.results) { writeDeleteGroupsResponseDeletableGroupResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteGroupsResponse(r: Reader, version: number): DeleteGroupsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResults: DeleteGroupsResponseDeletableGroupResult[] = [];
  if (version >= 2) { fResults = readCompactArray(r, 1, () => readDeleteGroupsResponseDeletableGroupResult(r, version)); } else { fResults = readArray(r, 1, () => readDeleteGroupsResponseDeletableGroupResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, results: fResults };
}

/** The versions of DeleteGroupsResponse this codec reads and writes. */
export const deleteGroupsResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkDeleteGroupsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `DeleteGroupsResponse version ${version} is outside 0-2`);
  }
}

export function encodeDeleteGroupsResponse(w: Writer, value: DeleteGroupsResponse, version: number): void {
  checkDeleteGroupsResponseVersion(version);
  writeDeleteGroupsResponse(w, value, version);
}

export function decodeDeleteGroupsResponse(r: Reader, version: number): DeleteGroupsResponse {
  checkDeleteGroupsResponseVersion(version);
  return readDeleteGroupsResponse(r, version);
}
