// Generated from internal/group-coordinator/ConsumerGroupMemberMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupMemberMetadataKey {
  /** The group id. */
  groupId: string;
  /** The member id. */
  memberId: string;
}

export function defaultConsumerGroupMemberMetadataKey(): ConsumerGroupMemberMetadataKey {
  return {
    groupId: "",
    memberId: "",
  };
}

function writeConsumerGroupMemberMetadataKey(w: Writer, v: ConsumerGroupMemberMetadataKey, version: number): void {
  w.string(v.groupId);
  w.string(v.memberId);
}

function readConsumerGroupMemberMetadataKey(r: Reader, version: number): ConsumerGroupMemberMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fMemberId: string = "";
  fMemberId = r.string();
  return { groupId: fGroupId, memberId: fMemberId };
}

/** The versions of ConsumerGroupMemberMetadataKey this codec reads and writes. */
export const consumerGroupMemberMetadataKeyVersions = { min: 5, max: 5 } as const;

function checkConsumerGroupMemberMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 5 || version > 5) {
    throw new ProtocolError('unsupported', `ConsumerGroupMemberMetadataKey version ${version} is outside 5-5`);
  }
}

export function encodeConsumerGroupMemberMetadataKey(w: Writer, value: ConsumerGroupMemberMetadataKey, version: number): void {
  checkConsumerGroupMemberMetadataKeyVersion(version);
  writeConsumerGroupMemberMetadataKey(w, value, version);
}

export function decodeConsumerGroupMemberMetadataKey(r: Reader, version: number): ConsumerGroupMemberMetadataKey {
  checkConsumerGroupMemberMetadataKeyVersion(version);
  return readConsumerGroupMemberMetadataKey(r, version);
}
