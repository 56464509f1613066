// Generated from HeartbeatRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface HeartbeatRequest {
  /** The group id. */
  groupId: string;
  /** The generation of the group. */
  generationId: number;
  /** The member ID. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
}

export function defaultHeartbeatRequest(): HeartbeatRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
  };
}

function writeHeartbeatRequest(w: Writer, v: HeartbeatRequest, version: number): void {
  if (version >= 4) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  w.int32(v.generationId);
  if (version >= 4) { w.compactString(v.memberId); } else { w.string(v.memberId); }
  if (version >= 3) { if (version >= 4) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  let fGroupId: string = "";
  if (version >= 4) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fGenerationId: number = 0;
  fGenerationId = r.int32();
  let fMemberId: string = "";
  if (version >= 4) { fMemberId = r.compactString(); } else { fMemberId = r.string(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 3) { if (version >= 4) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  if (version >= 4) r.taggedFields();
  return { groupId: fGroupId, generationId: fGenerationId, memberId: fMemberId, groupInstanceId: fGroupInstanceId };
}

/** The versions of HeartbeatRequest this codec reads and writes. */
export const heartbeatRequestVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkHeartbeatRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `HeartbeatRequest version ${version} is outside 0-4`);
  }
}

export function encodeHeartbeatRequest(w: Writer, value: HeartbeatRequest, version: number): void {
  checkHeartbeatRequestVersion(version);
  writeHeartbeatRequest(w, value, version);
}

export function decodeHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  checkHeartbeatRequestVersion(version);
  return readHeartbeatRequest(r, version);
}
