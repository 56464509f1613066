// Generated from DescribeGroupsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeGroupsResponseDescribedGroupMember {
  /** The member ID assigned by the group coordinator. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
  /** The client ID used in the member's latest join group request. */
  clientId: string;
  /** The client host. */
  clientHost: string;
  /** The metadata corresponding to the current group protocol in use. */
  memberMetadata: Buffer;
  /** The current assignment provided by the group leader. */
  memberAssignment: Buffer;
}

export function defaultDescribeGroupsResponseDescribedGroupMember(): DescribeGroupsResponseDescribedGroupMember {
  return {
    memberId: "",
    groupInstanceId: null,
    clientId: "",
    clientHost: "",
    memberMetadata: Buffer.alloc(0),
    memberAssignment: Buffer.alloc(0),
  };
}

function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, v: DescribeGroupsResponseDescribedGroupMember, version: number): void {
  if (version >= 5) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 4) { if (version >= 5) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 5) { w.compactString(v.clientId); } else { w.string(v.clientId); }
  if (version >= 5) { w.compactString(v.clientHost); } else { w.string(v.clientHost); }
  if (version >= 5) { w.compactBytes(v.memberMetadata); } else { w.bytes(v.memberMetadata); }
  if (version >= 5) { w.compactBytes(v.memberAssignment); } else { w.bytes(v.memberAssignment); }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readDescribeGroupsResponseDescribedGroupMember(r: Reader, version: number): DescribeGroupsResponseDescribedGroupMember {
  let fMemberId: string = "";
  if (version >= 5) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 4) { if (version >= 5) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fClientId: string = "";
  if (version >= 5) { fClientId = r.compactString(); } else { fClientId = r.string(); }
  let fClientHost: string = "";
  if (version >= 5) { fClientHost = r.compactString(); } else { fClientHost = r.string(); }
  let fMemberMetadata: Buffer = Buffer.alloc(0);
  if (version >= 5) { fMemberMetadata = r.compactBytes(); } else { fMemberMetadata = r.bytes(); }
  let fMemberAssignment: Buffer = Buffer.alloc(0);
  if (version >= 5) { fMemberAssignment = r.compactBytes(); } else { fMemberAssignment = r.bytes(); }
  if (version >= 5) r.taggedFields();
  return { memberId: fMemberId, groupInstanceId: fGroupInstanceId, clientId: fClientId, clientHost: fClientHost, memberMetadata: fMemberMetadata, memberAssignment: fMemberAssignment };
}

export interface DescribeGroupsResponseDescribedGroup {
  /** The describe error, or 0 if there was no error. */
  errorCode: number;
  /** The group ID string. */
  groupId: string;
  /** The group state string, or the empty string. */
  groupState: string;
  /** The group protocol type, or the empty string. */
  protocolType: string;
  /** The group protocol data, or the empty string. */
  protocolData: string;
  /** The group members. */
  members: DescribeGroupsResponseDescribedGroupMember[];
  /** 32-bit bitfield to represent authorized operations for this group. */
  authorizedOperations: number;
}

export function defaultDescribeGroupsResponseDescribedGroup(): DescribeGroupsResponseDescribedGroup {
  return {
    errorCode: 0,
    groupId: "",
    groupState: "",
    protocolType: "",
    protocolData: "",
    members: [],
    authorizedOperations: -2147483648,
  };
}

function writeDescribeGroupsResponseDescribedGroup(w: Writer, v: DescribeGroupsResponseDescribedGroup, version: number): void {
  w.int16(v.errorCode);
  if (version >= 5) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  if (version >= 5) { w.compactString(v.groupState); } else { w.string(v.groupState); }
  if (version >= 5) { w.compactString(v.protocolType); } else { w.string(v.protocolType); }
  if (version >= 5) { w.compactString(v.protocolData); } else { w.string(v.protocolData); }
  if (version >= 5) { w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeDescribeGroupsResponseDescribedGroupMember(w, item, version); } } else { w.int32(v.members.length); for (const item of v.members) { writeDescribeGroupsResponseDescribedGroupMember(w, item, version); } }
  if (version >= 3) { w.int32(v.authorizedOperations); }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readDescribeGroupsResponseDescribedGroup(r: Reader, version: number): DescribeGroupsResponseDescribedGroup {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fGroupId: string = "";
  if (version >= 5) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fGroupState: string = "";
  if (version >= 5) { fGroupState = r.compactString(); } else { fGroupState = r.string(); }
  let fProtocolType: string = "";
  if (version >= 5) { fProtocolType = r.compactString(); } else { fProtocolType = r.string(); }
  let fProtocolData: string = "";
  if (version >= 5) { fProtocolData = r.compactString(); } else { fProtocolData = r.string(); }
  let fMembers: DescribeGroupsResponseDescribedGroupMember[] = [];
  if (version >= 5) { fMembers = readCompactArray(r, 1, () => readDescribeGroupsResponseDescribedGroupMember(r, version)); } else { fMembers = readArray(r, 1, () => readDescribeGroupsResponseDescribedGroupMember(r, version)); }
  let fAuthorizedOperations: number = -2147483648;
  if (version >= 3) { fAuthorizedOperations = r.int32(); }
  if (version >= 5) r.taggedFields();
  return { errorCode: fErrorCode, groupId: fGroupId, groupState: fGroupState, protocolType: fProtocolType, protocolData: fProtocolData, members: fMembers, authorizedOperations: fAuthorizedOperations };
}

export interface DescribeGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each described group. */
  groups: DescribeGroupsResponseDescribedGroup[];
}

export function defaultDescribeGroupsResponse(): DescribeGroupsResponse {
  return {
    throttleTimeMs: 0,
    groups: [],
  };
}

function writeDescribeGroupsResponse(w: Writer, v: DescribeGroupsResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  if (version >= 5) { w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { writeDescribeGroupsResponseDescribedGroup(w, item, version); } } else { w.int32(v.groups.length); for (const item of v.groups) { writeDescribeGroupsResponseDescribedGroup(w, item, version); } }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readDescribeGroupsResponse(r: Reader, version: number): DescribeGroupsResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fGroups: DescribeGroupsResponseDescribedGroup[] = [];
  if (version >= 5) { fGroups = readCompactArray(r, 1, () => readDescribeGroupsResponseDescribedGroup(r, version)); } else { fGroups = readArray(r, 1, () => readDescribeGroupsResponseDescribedGroup(r, version)); }
  if (version >= 5) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, groups: fGroups };
}

/** The versions of DescribeGroupsResponse this codec reads and writes. */
export const describeGroupsResponseVersions = { min: 0, max: 5, firstFlexible: 5 } as const;

function checkDescribeGroupsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `DescribeGroupsResponse version ${version} is outside 0-5`);
  }
}

export function encodeDescribeGroupsResponse(w: Writer, value: DescribeGroupsResponse, version: number): void {
  checkDescribeGroupsResponseVersion(version);
  writeDescribeGroupsResponse(w, value, version);
}

export function decodeDescribeGroupsResponse(r: Reader, version: number): DescribeGroupsResponse {
  checkDescribeGroupsResponseVersion(version);
  return readDescribeGroupsResponse(r, version);
}
