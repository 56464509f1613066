// Generated from internal/group-coordinator/ConsumerGroupTargetAssignmentMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupTargetAssignmentMetadataValue {
  /** The assignment epoch. */
  assignmentEpoch: number;
}

export function defaultConsumerGroupTargetAssignmentMetadataValue(): ConsumerGroupTargetAssignmentMetadataValue {
  return {
    assignmentEpoch: 0,
  };
}

function writeConsumerGroupTargetAssignmentMetadataValue(w: Writer, v: ConsumerGroupTargetAssignmentMetadataValue, version: number): void {
  w.int32(v.assignmentEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupTargetAssignmentMetadataValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataValue {
  let fAssignmentEpoch: number = 0;
  fAssignmentEpoch = r.int32();
  r.taggedFields();
  return { assignmentEpoch: fAssignmentEpoch };
}

/** The versions of ConsumerGroupTargetAssignmentMetadataValue this codec reads and writes. */
export const consumerGroupTargetAssignmentMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupTargetAssignmentMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupTargetAssignmentMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupTargetAssignmentMetadataValue(w: Writer, value: ConsumerGroupTargetAssignmentMetadataValue, version: number): void {
  checkConsumerGroupTargetAssignmentMetadataValueVersion(version);
  writeConsumerGroupTargetAssignmentMetadataValue(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMetadataValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMetadataValue {
  checkConsumerGroupTargetAssignmentMetadataValueVersion(version);
  return readConsumerGroupTargetAssignmentMetadataValue(r, version);
}
