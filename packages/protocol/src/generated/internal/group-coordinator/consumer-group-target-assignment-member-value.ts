// Generated from internal/group-coordinator/ConsumerGroupTargetAssignmentMemberValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupTargetAssignmentMemberValueTopicPartition {
  topicId: string;
  partitions: number[];
}

export function defaultConsumerGroupTargetAssignmentMemberValueTopicPartition(): ConsumerGroupTargetAssignmentMemberValueTopicPartition {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeConsumerGroupTargetAssignmentMemberValueTopicPartition(w: Writer, v: ConsumerGroupTargetAssignmentMemberValueTopicPartition, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupTargetAssignmentMemberValueTopicPartition(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberValueTopicPartition {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ConsumerGroupTargetAssignmentMemberValue {
  /** The assigned partitions. */
  topicPartitions: ConsumerGroupTargetAssignmentMemberValueTopicPartition[];
}

export function defaultConsumerGroupTargetAssignmentMemberValue(): ConsumerGroupTargetAssignmentMemberValue {
  return {
    topicPartitions: [],
  };
}

function writeConsumerGroupTargetAssignmentMemberValue(w: Writer, v: ConsumerGroupTargetAssignmentMemberValue, version: number): void {
  w.unsignedVarint(v.topicPartitions.length + 1); for (const item of v.topicPartitions) { writeConsumerGroupTargetAssignmentMemberValueTopicPartition(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupTargetAssignmentMemberValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberValue {
  let fTopicPartitions: ConsumerGroupTargetAssignmentMemberValueTopicPartition[] = [];
  fTopicPartitions = readCompactArray(r, 1, () => readConsumerGroupTargetAssignmentMemberValueTopicPartition(r, version));
  r.taggedFields();
  return { topicPartitions: fTopicPartitions };
}

/** The versions of ConsumerGroupTargetAssignmentMemberValue this codec reads and writes. */
export const consumerGroupTargetAssignmentMemberValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupTargetAssignmentMemberValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupTargetAssignmentMemberValue version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupTargetAssignmentMemberValue(w: Writer, value: ConsumerGroupTargetAssignmentMemberValue, version: number): void {
  checkConsumerGroupTargetAssignmentMemberValueVersion(version);
  writeConsumerGroupTargetAssignmentMemberValue(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMemberValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberValue {
  checkConsumerGroupTargetAssignmentMemberValueVersion(version);
  return readConsumerGroupTargetAssignmentMemberValue(r, version);
}
