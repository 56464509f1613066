// Generated from internal/group-coordinator/ConsumerGroupTargetAssignmentMemberKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupTargetAssignmentMemberKey {
  /** The group id. */
  groupId: string;
  /** The member id. */
  memberId: string;
}

export function defaultConsumerGroupTargetAssignmentMemberKey(): ConsumerGroupTargetAssignmentMemberKey {
  return {
    groupId: "",
    memberId: "",
  };
}

function writeConsumerGroupTargetAssignmentMemberKey(w: Writer, v: ConsumerGroupTargetAssignmentMemberKey, version: number): void {
  w.string(v.groupId);
  w.string(v.memberId);
}

function readConsumerGroupTargetAssignmentMemberKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fMemberId: string = "";
  fMemberId = r.string();
  return { groupId: fGroupId, memberId: fMemberId };
}

/** The versions of ConsumerGroupTargetAssignmentMemberKey this codec reads and writes. */
export const consumerGroupTargetAssignmentMemberKeyVersions = { min: 7, max: 7 } as const;

function checkConsumerGroupTargetAssignmentMemberKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 7 || version > 7) {
    throw new ProtocolError('unsupported', `ConsumerGroupTargetAssignmentMemberKey version ${version} is outside 7-7`);
  }
}

export function encodeConsumerGroupTargetAssignmentMemberKey(w: Writer, value: ConsumerGroupTargetAssignmentMemberKey, version: number): void {
  checkConsumerGroupTargetAssignmentMemberKeyVersion(version);
  writeConsumerGroupTargetAssignmentMemberKey(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMemberKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberKey {
  checkConsumerGroupTargetAssignmentMemberKeyVersion(version);
  return readConsumerGroupTargetAssignmentMemberKey(r, version);
}
