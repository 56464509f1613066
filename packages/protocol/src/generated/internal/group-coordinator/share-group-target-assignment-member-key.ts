// Generated from internal/group-coordinator/ShareGroupTargetAssignmentMemberKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupTargetAssignmentMemberKey {
  /** The group id. */
  groupId: string;
  /** The member id. */
  memberId: string;
}

export function defaultShareGroupTargetAssignmentMemberKey(): ShareGroupTargetAssignmentMemberKey {
  return {
    groupId: "",
    memberId: "",
  };
}

function writeShareGroupTargetAssignmentMemberKey(w: Writer, v: ShareGroupTargetAssignmentMemberKey, version: number): void {
  w.string(v.groupId);
  w.string(v.memberId);
}

function readShareGroupTargetAssignmentMemberKey(r: Reader, version: number): ShareGroupTargetAssignmentMemberKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fMemberId: string = "";
  fMemberId = r.string();
  return { groupId: fGroupId, memberId: fMemberId };
}

/** The versions of ShareGroupTargetAssignmentMemberKey this codec reads and writes. */
export const shareGroupTargetAssignmentMemberKeyVersions = { min: 13, max: 13 } as const;

function checkShareGroupTargetAssignmentMemberKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 13 || version > 13) {
    throw new ProtocolError('unsupported', `ShareGroupTargetAssignmentMemberKey version ${version} is outside 13-13`);
  }
}

export function encodeShareGroupTargetAssignmentMemberKey(w: Writer, value: ShareGroupTargetAssignmentMemberKey, version: number): void {
  checkShareGroupTargetAssignmentMemberKeyVersion(version);
  writeShareGroupTargetAssignmentMemberKey(w, value, version);
}

export function decodeShareGroupTargetAssignmentMemberKey(r: Reader, version: number): ShareGroupTargetAssignmentMemberKey {
  checkShareGroupTargetAssignmentMemberKeyVersion(version);
  return readShareGroupTargetAssignmentMemberKey(r, version);
}
