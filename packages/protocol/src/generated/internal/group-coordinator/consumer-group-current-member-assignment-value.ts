// Generated from internal/group-coordinator/ConsumerGroupCurrentMemberAssignmentValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupCurrentMemberAssignmentValueTopicPartitions {
  /** The topic Id. */
  topicId: string;
  /** The partition Ids. */
  partitions: number[];
}

export function defaultConsumerGroupCurrentMemberAssignmentValueTopicPartitions(): ConsumerGroupCurrentMemberAssignmentValueTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeConsumerGroupCurrentMemberAssignmentValueTopicPartitions(w: Writer, v: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupCurrentMemberAssignmentValueTopicPartitions(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentValueTopicPartitions {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ConsumerGroupCurrentMemberAssignmentValue {
  /** The current member epoch that is expected from the member in the heartbeat request. */
  memberEpoch: number;
  /** If the last epoch bump is lost before reaching the member, the member will retry with the previous epoch. */
  previousMemberEpoch: number;
  /** The member state. See MemberState for the possible values. */
  state: number;
  /** The partitions assigned to (or owned by) this member. */
  assignedPartitions: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[];
  /** The partitions that must be revoked by this member. */
  partitionsPendingRevocation: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[];
}

export function defaultConsumerGroupCurrentMemberAssignmentValue(): ConsumerGroupCurrentMemberAssignmentValue {
  return {
    memberEpoch: 0,
    previousMemberEpoch: 0,
    state: 0,
    assignedPartitions: [],
    partitionsPendingRevocation: [],
  };
}

function writeConsumerGroupCurrentMemberAssignmentValue(w: Writer, v: ConsumerGroupCurrentMemberAssignmentValue, version: number): void {
  w.int32(v.memberEpoch);
  w.int32(v.previousMemberEpoch);
  w.int8(v.state);
  w.unsignedVarint(v.assignedPartitions.length + 1); for (const item of v.assignedPartitions) { writeConsumerGroupCurrentMemberAssignmentValueTopicPartitions(w, item, version); }
  w.unsignedVarint(v.partitionsPendingRevocation.length + 1); for (const item of v.partitionsPendingRevocation) { writeConsumerGroupCurrentMemberAssignmentValueTopicPartitions(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupCurrentMemberAssignmentValue(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentValue {
  let fMemberEpoch: number = 0;
  fMemberEpoch = r.int32();
  let fPreviousMemberEpoch: number = 0;
  fPreviousMemberEpoch = r.int32();
  let fState: number = 0;
  fState = r.int8();
  let fAssignedPartitions: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[] = [];
  fAssignedPartitions = readCompactArray(r, 1, () => readConsumerGroupCurrentMemberAssignmentValueTopicPartitions(r, version));
  let fPartitionsPendingRevocation: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[] = [];
  fPartitionsPendingRevocation = readCompactArray(r, 1, () => readConsumerGroupCurrentMemberAssignmentValueTopicPartitions(r, version));
  r.taggedFields();
  return { memberEpoch: fMemberEpoch, previousMemberEpoch: fPreviousMemberEpoch, state: fState, assignedPartitions: fAssignedPartitions, partitionsPendingRevocation: fPartitionsPendingRevocation };
}

/** The versions of ConsumerGroupCurrentMemberAssignmentValue this codec reads and writes. */
export const consumerGroupCurrentMemberAssignmentValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupCurrentMemberAssignmentValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupCurrentMemberAssignmentValue version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupCurrentMemberAssignmentValue(w: Writer, value: ConsumerGroupCurrentMemberAssignmentValue, version: number): void {
  checkConsumerGroupCurrentMemberAssignmentValueVersion(version);
  writeConsumerGroupCurrentMemberAssignmentValue(w, value, version);
}

export function decodeConsumerGroupCurrentMemberAssignmentValue(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentValue {
  checkConsumerGroupCurrentMemberAssignmentValueVersion(version);
  return readConsumerGroupCurrentMemberAssignmentValue(r, version);
}
