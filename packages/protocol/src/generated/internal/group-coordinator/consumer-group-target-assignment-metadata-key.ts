// Generated from internal/group-coordinator/ConsumerGroupTargetAssignmentMetadataKey.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupTargetAssignmentMetadataKey {
  /** The group id. */
  groupId: string;
}

export function defaultConsumerGroupTargetAssignmentMetadataKey(): ConsumerGroupTargetAssignmentMetadataKey {
  return {
    groupId: "",
  };
}

function writeConsumerGroupTargetAssignmentMetadataKey(w: Writer, v: ConsumerGroupTargetAssignmentMetadataKey, version: number): void {
  w.string(v.groupId);
}

function readConsumerGroupTargetAssignmentMetadataKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataKey {
  let fGroupId: string = "";
  fGroupId = r.string();
  return { groupId: fGroupId };
}

/** The versions of ConsumerGroupTargetAssignmentMetadataKey this codec reads and writes. */
export const consumerGroupTargetAssignmentMetadataKeyVersions = { min: 6, max: 6 } as const;

function checkConsumerGroupTargetAssignmentMetadataKeyVersion(version: number): void {
  if (!Number.isInteger(version) || version < 6 || version > 6) {
    throw new ProtocolError('unsupported', `ConsumerGroupTargetAssignmentMetadataKey version ${version} is outside 6-6`);
  }
}

export function encodeConsumerGroupTargetAssignmentMetadataKey(w: Writer, value: ConsumerGroupTargetAssignmentMetadataKey, version: number): void {
  checkConsumerGroupTargetAssignmentMetadataKeyVersion(version);
  writeConsumerGroupTargetAssignmentMetadataKey(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMetadataKey(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataKey {
  checkConsumerGroupTargetAssignmentMetadataKeyVersion(version);
  return readConsumerGroupTargetAssignmentMetadataKey(r, version);
}
