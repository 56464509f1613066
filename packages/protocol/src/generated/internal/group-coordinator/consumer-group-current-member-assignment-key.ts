// Generated from internal/group-coordinator/ConsumerGroupCurrentMemberAssignmentKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupCurrentMemberAssignmentKey {
  /** The group id. */
  groupId: string;
  /** The member id. */
  memberId: string;
}

export function defaultConsumerGroupCurrentMemberAssignmentKey(): ConsumerGroupCurrentMemberAssignmentKey {
  return {
    groupId: "",
    memberId: "",
  };
}

function writeConsumerGroupCurrentMemberAssignmentKey(w: Writer, v: ConsumerGroupCurrentMemberAssignmentKey, version: number): void {
  w.string(v.groupId);
  w.string(v.memberId);
}

function readConsumerGroupCurrentMemberAssignmentKey(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fMemberId: string = "";
  fMemberId = r.string();
  return { groupId: fGroupId, memberId: fMemberId };
}

/** The versions of ConsumerGroupCurrentMemberAssignmentKey this codec reads and writes. */
export const consumerGroupCurrentMemberAssignmentKeyVersions = { min: 8, max: 8 } as const;

function checkConsumerGroupCurrentMemberAssignmentKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 8 || version > 8) {
    throw new ProtocolError('unsupported', `ConsumerGroupCurrentMemberAssignmentKey version ${version} is outside 8-8`);
  }
}

export function encodeConsumerGroupCurrentMemberAssignmentKey(w: Writer, value: ConsumerGroupCurrentMemberAssignmentKey, version: number): void {
  checkConsumerGroupCurrentMemberAssignmentKeyVersion(version);
  writeConsumerGroupCurrentMemberAssignmentKey(w, value, version);
}

export function decodeConsumerGroupCurrentMemberAssignmentKey(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentKey {
  checkConsumerGroupCurrentMemberAssignmentKeyVersion(version);
  return readConsumerGroupCurrentMemberAssignmentKey(r, version);
}
