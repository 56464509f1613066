// Generated from internal/group-coordinator/ShareGroupMemberMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupMemberMetadataKey {
  /** The group id. */
  groupId: string;
  /** The member id. */
  memberId: string;
}

export function defaultShareGroupMemberMetadataKey(): ShareGroupMemberMetadataKey {
  return {
    groupId: "",
    memberId: "",
  };
}

function writeShareGroupMemberMetadataKey(w: Writer, v: ShareGroupMemberMetadataKey, version: number): void {
  w.string(v.groupId);
  w.string(v.memberId);
}

function readShareGroupMemberMetadataKey(r: Reader, version: number): ShareGroupMemberMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fMemberId: string = "";
  fMemberId = r.string();
  return { groupId: fGroupId, memberId: fMemberId };
}

/** The versions of ShareGroupMemberMetadataKey this codec reads and writes. */
export const shareGroupMemberMetadataKeyVersions = { min: 10, max: 10 } as const;

function checkShareGroupMemberMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 10 || version > 10) {
    throw new ProtocolError('unsupported', `ShareGroupMemberMetadataKey version ${version} is outside 10-10`);
  }
}

export function encodeShareGroupMemberMetadataKey(w: Writer, value: ShareGroupMemberMetadataKey, version: number): void {
  checkShareGroupMemberMetadataKeyVersion(version);
  writeShareGroupMemberMetadataKey(w, value, version);
}

export function decodeShareGroupMemberMetadataKey(r: Reader, version: number): ShareGroupMemberMetadataKey {
  checkShareGroupMemberMetadataKeyVersion(version);
  return readShareGroupMemberMetadataKey(r, version);
}
