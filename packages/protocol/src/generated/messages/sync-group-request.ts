// Generated from SyncGroupRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface SyncGroupRequestAssignment {
  /** The ID of the member to assign. */
  memberId: string;
  /** The member assignment. */
  assignment: Buffer;
}

export function defaultSyncGroupRequestAssignment(): SyncGroupRequestAssignment {
  return {
    memberId: "",
    assignment: Buffer.alloc(0),
  };
}

function writeSyncGroupRequestAssignment(w: Writer, v: SyncGroupRequestAssignment, version: number): void {
  if (version >= 4) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 4) { w.compactBytes(v.assignment); } else { w.bytes(v.assignment); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readSyncGroupRequestAssignment(r: Reader, version: number): SyncGroupRequestAssignment {
  let fMemberId: string = "";
  if (version >= 4) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fAssignment: Buffer = Buffer.alloc(0);
  if (version >= 4) { fAssignment = r.compactBytes(); } else { fAssignment = r.bytes(); }
  if (version >= 4) r.taggedFields();
  return { memberId: fMemberId, assignment: fAssignment };
}

export interface SyncGroupRequest {
  /** The unique group identifier. */
  groupId: string;
  /** The generation of the group. */
  generationId: number;
  /** The member ID assigned by the group. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
  /** The group protocol type. */
  protocolType: string | null;
  /** The group protocol name. */
  protocolName: string | null;
  /** Each assignment. */
  assignments: SyncGroupRequestAssignment[];
}

export function defaultSyncGroupRequest(): SyncGroupRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: [],
  };
}

function writeSyncGroupRequest(w: Writer, v: SyncGroupRequest, version: number): void {
  if (version >= 4) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  w.int32(v.generationId);
  if (version >= 4) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 3) { if (version >= 4) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 5) { w.compactNullableString(v.protocolType); }
  if (version >= 5) { w.compactNullableString(v.protocolName); }
  if (version >= 4) { w.unsignedVarint(v.assignments.length + 1); for (const item of v.assignments) { writeSyncGroupRequestAssignment(w, item, version); } } else { w.int32(v.assignments.length); for (const item of v.assignments) { writeSyncGroupRequestAssignment(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  let fGroupId: string = "";
  if (version >= 4) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fGenerationId: number = 0;
  fGenerationId = r.int32();
  let fMemberId: string = "";
  if (version >= 4) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 3) { if (version >= 4) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fProtocolType: string | null = null;
  if (version >= 5) { fProtocolType = r.compactNullableString(); }
  let fProtocolName: string | null = null;
  if (version >= 5) { fProtocolName = r.compactNullableString(); }
  let fAssignments: SyncGroupRequestAssignment[] = [];
  if (version >= 4) { fAssignments = readCompactArray(r, 1, () => readSyncGroupRequestAssignment(r, version)); } else { fAssignments = readArray(r, 1, () => readSyncGroupRequestAssignment(r, version)); }
  if (version >= 4) r.taggedFields();
  return { groupId: fGroupId, generationId: fGenerationId, memberId: fMemberId, groupInstanceId: fGroupInstanceId, protocolType: fProtocolType, protocolName: fProtocolName, assignments: fAssignments };
}

/** The versions of SyncGroupRequest this codec reads and writes. */
export const syncGroupRequestVersions = { min: 0, max: 5, firstFlexible: 4 } as const;

function checkSyncGroupRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `SyncGroupRequest version ${version} is outside 0-5`);
  }
}

export function encodeSyncGroupRequest(w: Writer, value: SyncGroupRequest, version: number): void {
  checkSyncGroupRequestVersion(version);
  writeSyncGroupRequest(w, value, version);
}

export function decodeSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  checkSyncGroupRequestVersion(version);
  return readSyncGroupRequest(r, version);
}
