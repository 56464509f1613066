// Generated from internal/group-coordinator/ShareGroupCurrentMemberAssignmentKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupCurrentMemberAssignmentKey {
  /** The group id. */
  groupId: string;
  /** The member id. */
  memberId: string;
}

export function defaultShareGroupCurrentMemberAssignmentKey(): ShareGroupCurrentMemberAssignmentKey {
  return {
    groupId: "",
    memberId: "",
  };
}

function writeShareGroupCurrentMemberAssignmentKey(w: Writer, v: ShareGroupCurrentMemberAssignmentKey, version: number): void {
  w.string(v.groupId);
  w.string(v.memberId);
}

function readShareGroupCurrentMemberAssignmentKey(r: Reader, version: number): ShareGroupCurrentMemberAssignmentKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fMemberId: string = "";
  fMemberId = r.string();
  return { groupId: fGroupId, memberId: fMemberId };
}

/** The versions of ShareGroupCurrentMemberAssignmentKey this codec reads and writes. */
export const shareGroupCurrentMemberAssignmentKeyVersions = { min: 14, max: 14 } as const;

function checkShareGroupCurrentMemberAssignmentKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 14 || version > 14) {
    throw new ProtocolError('unsupported', `ShareGroupCurrentMemberAssignmentKey version ${version} is outside 14-14`);
  }
}

export function encodeShareGroupCurrentMemberAssignmentKey(w: Writer, value: ShareGroupCurrentMemberAssignmentKey, version: number): void {
  checkShareGroupCurrentMemberAssignmentKeyVersion(version);
  writeShareGroupCurrentMemberAssignmentKey(w, value, version);
}

export function decodeShareGroupCurrentMemberAssignmentKey(r: Reader, version: number): ShareGroupCurrentMemberAssignmentKey {
  checkShareGroupCurrentMemberAssignmentKeyVersion(version);
  return readShareGroupCurrentMemberAssignmentKey(r, version);
}
