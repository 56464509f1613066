// Generated from ShareGroupDescribeRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ShareGroupDescribeRequest {
  /** The ids of the groups to describe */
  groupIds: string[];
  /** Whether to include authorized operations. */
  includeAuthorizedOperations: boolean;
}

export function defaultShareGroupDescribeRequest(): ShareGroupDescribeRequest {
  return {
    groupIds: [],
    includeAuthorizedOperations: false,
  };
}

function writeShareGroupDescribeRequest(w: Writer, v: ShareGroupDescribeRequest, version: number): void {
  w.unsignedVarint(v.groupIds.length + 1); for (const item of v.groupIds) { w.compactString(item); }
  w.bool(v.includeAuthorizedOperations);
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupDescribeRequest(r: Reader, version: number): ShareGroupDescribeRequest {
  let fGroupIds: string[] = [];
  fGroupIds = readCompactArray(r, 1, () => r.compactString());
  let fIncludeAuthorizedOperations: boolean = false;
  fIncludeAuthorizedOperations = r.bool();
  r.taggedFields();
  return { groupIds: fGroupIds, includeAuthorizedOperations: fIncludeAuthorizedOperations };
}

/** The versions of ShareGroupDescribeRequest this codec reads and writes. */
export const shareGroupDescribeRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupDescribeRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupDescribeRequest version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupDescribeRequest(w: Writer, value: ShareGroupDescribeRequest, version: number): void {
  checkShareGroupDescribeRequestVersion(version);
  writeShareGroupDescribeRequest(w, value, version);
}

export function decodeShareGroupDescribeRequest(r: Reader, version: number): ShareGroupDescribeRequest {
  checkShareGroupDescribeRequestVersion(version);
  return readShareGroupDescribeRequest(r, version);
}
