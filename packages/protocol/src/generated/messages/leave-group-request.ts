// Generated from LeaveGroupRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface LeaveGroupRequestMemberIdentity {
  /** The member ID to remove from the group. */
  memberId: string;
  /** The group instance ID to remove from the group. */
  groupInstanceId: string | null;
  /** The reason why the member left the group. */
  reason: string | null;
}

export function defaultLeaveGroupRequestMemberIdentity(): LeaveGroupRequestMemberIdentity {
  return {
    memberId: "",
    groupInstanceId: null,
    reason: null,
  };
}

function writeLeaveGroupRequestMemberIdentity(w: Writer, v: LeaveGroupRequestMemberIdentity, version: number): void {
  if (version >= 3) { if (version >= 4) { w.compactString(v.memberId); } else { w.string(v.memberId); } }
  if (version >= 3) { if (version >= 4) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 5) { w.compactNullableString(v.reason); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaveGroupRequestMemberIdentity(r: Reader, version: number): LeaveGroupRequestMemberIdentity {
  let fMemberId: string = "";
  if (version >= 3) { if (version >= 4) { fMemberId = r.compactString(); } else { fMemberId = r.string(); } }
  let fGroupInstanceId: string | null = null;
  if (version >= 3) { if (version >= 4) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fReason: string | null = null;
  if (version >= 5) { fReason = r.compactNullableString(); }
  if (version >= 4) r.taggedFields();
  return { memberId: fMemberId, groupInstanceId: fGroupInstanceId, reason: fReason };
}

export interface LeaveGroupRequest {
  /** The ID of the group to leave. */
  groupId: string;
  /** The member ID to remove from the group. */
  memberId: string;
  /** List of leaving member identities. */
  members: LeaveGroupRequestMemberIdentity[];
}

export function defaultLeaveGroupRequest(): LeaveGroupRequest {
  return {
    groupId: "",
    memberId: "",
    members: [],
  };
}

function writeLeaveGroupRequest(w: Writer, v: LeaveGroupRequest, version: number): void {
  if (version >= 4) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  if (version <= 2) { w.string(v.memberId); }
  if (version >= 3) { if (version >= 4) { w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeLeaveGroupRequestMemberIdentity(w, item, version); } } else { w.int32(v.members.length); for (const item of v.members) { writeLeaveGroupRequestMemberIdentity(w, item, version); } } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  let fGroupId: string = "";
  if (version >= 4) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fMemberId: string = "";
  if (version <= 2) { fMemberId = r.string(); }
  let fMembers: LeaveGroupRequestMemberIdentity[] = [];
  if (version >= 3) { if (version >= 4) { fMembers = readCompactArray(r, 1, () => readLeaveGroupRequestMemberIdentity(r, version)); } else { fMembers = readArray(r, 1, () => readLeaveGroupRequestMemberIdentity(r, version)); } }
  if (version >= 4) r.taggedFields();
  return { groupId: fGroupId, memberId: fMemberId, members: fMembers };
}

/** The versions of LeaveGroupRequest this codec reads and writes. */
export const leaveGroupRequestVersions = { min: 0, max: 5, firstFlexible: 4 } as const;

function checkLeaveGroupRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `LeaveGroupRequest version ${version} is outside 0-5`);
  }
}

export function encodeLeaveGroupRequest(w: Writer, value: LeaveGroupRequest, version: number): void {
  checkLeaveGroupRequestVersion(version);
  writeLeaveGroupRequest(w, value, version);
}

export function decodeLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  checkLeaveGroupRequestVersion(version);
  return readLeaveGroupRequest(r, version);
}
