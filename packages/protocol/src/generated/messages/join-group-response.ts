// Generated from JoinGroupResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { notNull, readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface JoinGroupResponseMember {
  /** The group member ID. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
  /** The group member metadata. */
  metadata: Buffer;
}

export function defaultJoinGroupResponseMember(): JoinGroupResponseMember {
  return {
    memberId: "",
    groupInstanceId: null,
    metadata: Buffer.alloc(0),
  };
}

function writeJoinGroupResponseMember(w: Writer, v: JoinGroupResponseMember, version: number): void {
  if (version >= 6) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 5) { if (version >= 6) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 6) { w.compactBytes(v.metadata); } else { w.bytes(v.metadata); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readJoinGroupResponseMember(r: Reader, version: number): JoinGroupResponseMember {
  let fMemberId: string = "";
  if (version >= 6) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 5) { if (version >= 6) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fMetadata: Buffer = Buffer.alloc(0);
  if (version >= 6) { fMetadata = r.compactBytes(); } else { fMetadata = r.bytes(); }
  if (version >= 6) r.taggedFields();
  return { memberId: fMemberId, groupInstanceId: fGroupInstanceId, metadata: fMetadata };
}

export interface JoinGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The generation ID of the group. */
  generationId: number;
  /** The group protocol name. */
  protocolType: string | null;
  /** The group protocol selected by the coordinator. */
  protocolName: string | null;
  /** The leader of the group. */
  leader: string;
  /** True if the leader must skip running the assignment. */
  skipAssignment: boolean;
  /** The member ID assigned by the group coordinator. */
  memberId: string;
  members: JoinGroupResponseMember[];
}

export function defaultJoinGroupResponse(): JoinGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: -1,
    protocolType: null,
    protocolName: "",
    leader: "",
    skipAssignment: false,
    memberId: "",
    members: [],
  };
}

function writeJoinGroupResponse(w: Writer, v: JoinGroupResponse, version: number): void {
  if (version >= 2) { w.int32(v.throttleTimeMs); }
  w.int16(v.errorCode);
  w.int32(v.generationId);
  if (version >= 7) { w.compactNullableString(v.protocolType); }
  if (version >= 7) { w.compactNullableString(v.protocolName); } else if (version >= 6 && version <= 6) { { const value = notNull(v.protocolName, 'JoinGroupResponse.ProtocolName', version); w.compactString(value); } } else { { const value = notNull(v.protocolName, 'JoinGroupResponse.ProtocolName', version); w.string(value); } }
  if (version >= 6) { w.compactString(v.leader); } else { w.string(v.leader); }
  if (version >= 9) { w.bool(v.skipAssignment); }
  if (version >= 6) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 6) { w.unsignedVarint(v.members.length + 1); for (const item of v.members) { writeJoinGroupResponseMember(w, item, version); } } else { w.int32(v.members.length); for (const item of v.members) { writeJoinGroupResponseMember(w, item, version); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readJoinGroupResponse(r: Reader, version: number): JoinGroupResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 2) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fGenerationId: number = -1;
  fGenerationId = r.int32();
  let fProtocolType: string | null = null;
  if (version >= 7) { fProtocolType = r.compactNullableString(); }
  let fProtocolName: string | null = "";
  if (version >= 7) { fProtocolName = r.compactNullableString(); } else if (version >= 6 && version <= 6) { fProtocolName = r.compactString(); } else { fProtocolName = r.string(); }
  let fLeader: string = "";
  if (version >= 6) { fLeader = r.compactString(); } else { fLeader = r.string(); }
  let fSkipAssignment: boolean = false;
  if (version >= 9) { fSkipAssignment = r.bool(); }
  let fMemberId: string = "";
  if (version >= 6) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fMembers: JoinGroupResponseMember[] = [];
  if (version >= 6) { fMembers = readCompactArray(r, 1, () => readJoinGroupResponseMember(r, version)); } else { fMembers = readArray(r, 1, () => readJoinGroupResponseMember(r, version)); }
  if (version >= 6) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, generationId: fGenerationId, protocolType: fProtocolType, protocolName: fProtocolName, leader: fLeader, skipAssignment: fSkipAssignment, memberId: fMemberId, members: fMembers };
}

/** The versions of JoinGroupResponse this codec reads and writes. */
export const joinGroupResponseVersions = { min: 0, max: 9, firstFlexible: 6 } as const;

function checkJoinGroupResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 9) {
    throw new ProtocolError('unsupported', `JoinGroupResponse version ${version} is outside 0-9`);
  }
}

export function encodeJoinGroupResponse(w: Writer, value: JoinGroupResponse, version: number): void {
  checkJoinGroupResponseVersion(version);
  writeJoinGroupResponse(w, value, version);
}

export function decodeJoinGroupResponse(r: Reader, version: number): JoinGroupResponse {
  checkJoinGroupResponseVersion(version);
  return readJoinGroupResponse(r, version);
}
