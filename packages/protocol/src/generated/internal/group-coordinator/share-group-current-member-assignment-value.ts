// Generated from internal/group-coordinator/ShareGroupCurrentMemberAssignmentValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupCurrentMemberAssignmentValueTopicPartitions {
  /** The topic Id. */
  topicId: string;
  /** The partition Ids. */
  partitions: number[];
}

export function defaultShareGroupCurrentMemberAssignmentValueTopicPartitions(): ShareGroupCurrentMemberAssignmentValueTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareGroupCurrentMemberAssignmentValueTopicPartitions(w: Writer, v: ShareGroupCurrentMemberAssignmentValueTopicPartitions, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupCurrentMemberAssignmentValueTopicPartitions(r: Reader, version: number): ShareGroupCurrentMemberAssignmentValueTopicPartitions {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareGroupCurrentMemberAssignmentValue {
  /** The current member epoch that is expected from the member in the heartbeat request. */
  memberEpoch: number;
  /** If the last epoch bump is lost before reaching the member, the member will retry with the previous epoch. */
  previousMemberEpoch: number;
  /** The member state. See MemberState for the possible values. */
  state: number;
  /** The partitions assigned to (or owned by) this member. */
  assignedPartitions: ShareGroupCurrentMemberAssignmentValueTopicPartitions[];
}

export function defaultShareGroupCurrentMemberAssignmentValue(): ShareGroupCurrentMemberAssignmentValue {
  return {
    memberEpoch: 0,
    previousMemberEpoch: 0,
    state: 0,
    assignedPartitions: [],
  };
}

function writeShareGroupCurrentMemberAssignmentValue(w: Writer, v: ShareGroupCurrentMemberAssignmentValue, version: number): void {
  w.int32(v.memberEpoch);
  w.int32(v.previousMemberEpoch);
  w.int8(v.state);
  w.unsignedVarint(v.assignedPartitions.length + 1); for (const item of v.assignedPartitions) { writeShareGroupCurrentMemberAssignmentValueTopicPartitions(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupCurrentMemberAssignmentValue(r: Reader, version: number): ShareGroupCurrentMemberAssignmentValue {
  let fMemberEpoch: number = 0;
  fMemberEpoch = r.int32();
  let fPreviousMemberEpoch: number = 0;
  fPreviousMemberEpoch = r.int32();
  let fState: number = 0;
  fState = r.int8();
  let fAssignedPartitions: ShareGroupCurrentMemberAssignmentValueTopicPartitions[] = [];
  fAssignedPartitions = readCompactArray(r, 1, () => readShareGroupCurrentMemberAssignmentValueTopicPartitions(r, version));
  r.taggedFields();
  return { memberEpoch: fMemberEpoch, previousMemberEpoch: fPreviousMemberEpoch, state: fState, assignedPartitions: fAssignedPartitions };
}

/** The versions of ShareGroupCurrentMemberAssignmentValue this codec reads and writes. */
export const shareGroupCurrentMemberAssignmentValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupCurrentMemberAssignmentValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupCurrentMemberAssignmentValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupCurrentMemberAssignmentValue(w: Writer, value: ShareGroupCurrentMemberAssignmentValue, version: number): void {
  checkShareGroupCurrentMemberAssignmentValueVersion(version);
  writeShareGroupCurrentMemberAssignmentValue(w, value, version);
}

export function decodeShareGroupCurrentMemberAssignmentValue(r: Reader, version: number): ShareGroupCurrentMemberAssignmentValue {
  checkShareGroupCurrentMemberAssignmentValueVersion(version);
  return readShareGroupCurrentMemberAssignmentValue(r, version);
}
