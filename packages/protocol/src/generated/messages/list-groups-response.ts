// Generated from ListGroupsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListGroupsResponseListedGroup {
  /** The group ID. */
  groupId: string;
  /** The group protocol type. */
  protocolType: string;
  /** The group state name. */
  groupState: string;
  /** The group type name. */
  groupType: string;
}

export function defaultListGroupsResponseListedGroup(): ListGroupsResponseListedGroup {
  return {
    groupId: "",
    protocolType: "",
    groupState: "",
    groupType: "",
  };
}

function writeListGroupsResponseListedGroup(w: Writer, v: ListGroupsResponseListedGroup, version: number): void {
  if (version >= 3) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  if (version >= 3) { w.compactString(v.protocolType); } else { w.string(v.protocolType); }
  if (version >= 4) { w.compactString(v.groupState); }
  if (version >= 5) { w.compactString(v.groupType); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readListGroupsResponseListedGroup(r: Reader, version: number): ListGroupsResponseListedGroup {
  let fGroupId: string = "";
  if (version >= 3) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fProtocolType: string = "";
  if (version >= 3) { fProtocolType = r.compactString(); } else { fProtocolType = r.string(); }
  let fGroupState: string = "";
  if (version >= 4) { fGroupState = r.compactString(); }
  let fGroupType: string = "";
  if (version >= 5) { fGroupType = r.compactString(); }
  if (version >= 3) r.taggedFields();
  return { groupId: fGroupId, protocolType: fProtocolType, groupState: fGroupState, groupType: fGroupType };
}

export interface ListGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Each group in the response. */
  groups: ListGroupsResponseListedGroup[];
}

export function defaultListGroupsResponse(): ListGroupsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    groups: [],
  };
}

function writeListGroupsResponse(w: Writer, v: ListGroupsResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  w.int16(v.errorCode);
  if (version >= 3) { w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { writeListGroupsResponseListedGroup(w, item, version); } } else { w.int32(v.groups.length); for (const item of v.groups) { writeListGroupsResponseListedGroup(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readListGroupsResponse(r: Reader, version: number): ListGroupsResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fGroups: ListGroupsResponseListedGroup[] = [];
  if (version >= 3) { fGroups = readCompactArray(r, 1, () => readListGroupsResponseListedGroup(r, version)); } else { fGroups = readArray(r, 1, () => readListGroupsResponseListedGroup(r, version)); }
  if (version >= 3) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, groups: fGroups };
}

/** The versions of ListGroupsResponse this codec reads and writes. */
export const listGroupsResponseVersions = { min: 0, max: 5, firstFlexible: 3 } as const;

function checkListGroupsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `ListGroupsResponse version ${version} is outside 0-5`);
  }
}

export function encodeListGroupsResponse(w: Writer, value: ListGroupsResponse, version: number): void {
  checkListGroupsResponseVersion(version);
  writeListGroupsResponse(w, value, version);
}

export function decodeListGroupsResponse(r: Reader, version: number): ListGroupsResponse {
  checkListGroupsResponseVersion(version);
  return readListGroupsResponse(r, version);
}
