// Generated from LeaveGroupResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface LeaveGroupResponseMemberResponse {
  /** The member ID to remove from the group. */
  memberId: string;
  /** The group instance ID to remove from the group. */
  groupInstanceId: string | null;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultLeaveGroupResponseMemberResponse(): LeaveGroupResponseMemberResponse {
  return {
    memberId: "",
    groupInstanceId: "",
    errorCode: 0,
  };
}

function writeLeaveGroupResponseMemberResponse(w: Writer, v: LeaveGroupResponseMemberResponse, version: number): void {
  if (version >= 3) { if (version >= 4) { w.compactString(v.memberId); } else { w.string(v.memberId); } }
  if (version >= 3) { if (version >= 4) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 3) { w.int16(v.errorCode); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaveGroupResponseMemberResponse(r: Reader, version: number): LeaveGroupResponseMemberResponse {
  let fMemberId: string = "";
  if (version >= 3) { if (version >= 4) { fMemberId = r.compactString(); } else { fMemberId = r.string(); } }
  let fGroupInstanceId: string | null = "";
  if (version >= 3) { if (version >= 4) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fErrorCode: number = 0;
  if (version >= 3) { fErrorCode = r.int16(); }
  if (version >= 4) r.taggedFields();
  return { memberId: fMemberId, groupInstanceId: fGroupInstanceId, errorCode: fErrorCode };
}

export interface LeaveGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** List of leaving member responses. */
  members: LeaveGroupResponseMemberResponse[];
}

export function defaultLeaveGroupResponse(): LeaveGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    members: [],
  };
}

function writeLeaveGroupResponse(w: Writer, v: LeaveGroupResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  w.int16(v.errorCode);
  if (version >= 3) { if (version >= 4) { w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeLeaveGroupResponseMemberResponse(w, item, version); } } else { w.int32(v.members.length); for (const item of v.members) { writeLeaveGroupResponseMemberResponse(w, item, version); } } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaveGroupResponse(r: Reader, version: number): LeaveGroupResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fMembers: LeaveGroupResponseMemberResponse[] = [];
  if (version >= 3) { if (version >= 4) { fMembers = readCompactArray(r, 1, () => readLeaveGroupResponseMemberResponse(r, version)); } else { fMembers = readArray(r, 1, () => readLeaveGroupResponseMemberResponse(r, version)); } }
  if (version >= 4) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, members: fMembers };
}

/** The versions of LeaveGroupResponse this codec reads and writes. */
export const leaveGroupResponseVersions = { min: 0, max: 5, firstFlexible: 4 } as const;

function checkLeaveGroupResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `LeaveGroupResponse version ${version} is outside 0-5`);
  }
}

export function encodeLeaveGroupResponse(w: Writer, value: LeaveGroupResponse, version: number): void {
  checkLeaveGroupResponseVersion(version);
  writeLeaveGroupResponse(w, value, version);
}

export function decodeLeaveGroupResponse(r: Reader, version: number): LeaveGroupResponse {
  checkLeaveGroupResponseVersion(version);
  return readLeaveGroupResponse(r, version);
}
