// Generated from DeleteGroupsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteGroupsRequest {
  /** The group names to delete. */
  groupsNames: string[];
}

export function defaultDeleteGroupsRequest(): DeleteGroupsRequest {
  return {
    groupsNames: [],
  };
}

function writeDeleteGroupsRequest(w: Writer, v: DeleteGroupsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.groupsNames.length + 1); for (const item of v.groupsNames) { w.compactString(item); } } else { w.int32(v.groupsNames.length); for (const item of v.groupsNames) { w.string(item); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteGroupsRequest(r: Reader, version: number): DeleteGroupsRequest {
  let fGroupsNames: string[] = [];
  if (version >= 2) { fGroupsNames = readCompactArray(r, 1, () => r.compactString()); } else { fGroupsNames = readArray(r, 2, () => r.string()); }
  if (version >= 2) r.taggedFields();
  return { groupsNames: fGroupsNames };
}

/** The versions of DeleteGroupsRequest this codec reads and writes. */
export const deleteGroupsRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkDeleteGroupsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `DeleteGroupsRequest version ${version} is outside 0-2`);
  }
}

export function encodeDeleteGroupsRequest(w: Writer, value: DeleteGroupsRequest, version: number): void {
  checkDeleteGroupsRequestVersion(version);
  writeDeleteGroupsRequest(w, value, version);
}

export function decodeDeleteGroupsRequest(r: Reader, version: number): DeleteGroupsRequest {
  checkDeleteGroupsRequestVersion(version);
  return readDeleteGroupsRequest(r, version);
}
