// Generated from DescribeGroupsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeGroupsRequest {
  /** The names of the groups to describe */
  groups: string[];
  /** Whether to include authorized operations. */
  includeAuthorizedOperations: boolean;
}

export function defaultDescribeGroupsRequest(): DescribeGroupsRequest {
  return {
    groups: [],
    includeAuthorizedOperations: false,
  };
}

function writeDescribeGroupsRequest(w: Writer, v: DescribeGroupsRequest, version: number): void {
  if (version >= 5) { w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { w.compactString(item); } } else { w.int32(v.groups.length); for (const item of v.groups) { w.string(item); } }
  if (version >= 3) { w.bool(v.includeAuthorizedOperations); }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readDescribeGroupsRequest(r: Reader, version: number): DescribeGroupsRequest {
  let fGroups: string[] = [];
  if (version >= 5) { fGroups = readCompactArray(r, 1, () => r.compactString()); } else { fGroups = readArray(r, 2, () => r.string()); }
  let fIncludeAuthorizedOperations: boolean = false;
  if (version >= 3) { fIncludeAuthorizedOperations = r.bool(); }
  if (version >= 5) r.taggedFields();
  return { groups: fGroups, includeAuthorizedOperations: fIncludeAuthorizedOperations };
}

/** The versions of DescribeGroupsRequest this codec reads and writes. */
export const describeGroupsRequestVersions = { min: 0, max: 5, firstFlexible: 5 } as const;

function checkDescribeGroupsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `DescribeGroupsRequest version ${version} is outside 0-5`);
  }
}

export function encodeDescribeGroupsRequest(w: Writer, value: DescribeGroupsRequest, version: number): void {
  checkDescribeGroupsRequestVersion(version);
  writeDescribeGroupsRequest(w, value, version);
}

export function decodeDescribeGroupsRequest(r: Reader, version: number): DescribeGroupsRequest {
  checkDescribeGroupsRequestVersion(version);
  return readDescribeGroupsRequest(r, version);
}
