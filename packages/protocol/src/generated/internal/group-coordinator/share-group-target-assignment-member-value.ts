// Generated from internal/group-coordinator/ShareGroupTargetAssignmentMemberValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupTargetAssignmentMemberValueTopicPartition {
  topicId: string;
  partitions: number[];
}

export function defaultShareGroupTargetAssignmentMemberValueTopicPartition(): ShareGroupTargetAssignmentMemberValueTopicPartition {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareGroupTargetAssignmentMemberValueTopicPartition(w: Writer, v: ShareGroupTargetAssignmentMemberValueTopicPartition, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupTargetAssignmentMemberValueTopicPartition(r: Reader, version: number): ShareGroupTargetAssignmentMemberValueTopicPartition {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareGroupTargetAssignmentMemberValue {
  /** The assigned partitions. */
  topicPartitions: ShareGroupTargetAssignmentMemberValueTopicPartition[];
}

export function defaultShareGroupTargetAssignmentMemberValue(): ShareGroupTargetAssignmentMemberValue {
  return {
    topicPartitions: [],
  };
}

function writeShareGroupTargetAssignmentMemberValue(w: Writer, v: ShareGroupTargetAssignmentMemberValue, version: number): void {
  w.unsignedVarint(v.topicPartitions.length + 1); for (const item of v.topicPartitions) { writeShareGroupTargetAssignmentMemberValueTopicPartition(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupTargetAssignmentMemberValue(r: Reader, version: number): ShareGroupTargetAssignmentMemberValue {
  let fTopicPartitions: ShareGroupTargetAssignmentMemberValueTopicPartition[] = [];
  fTopicPartitions = readCompactArray(r, 1, () => readShareGroupTargetAssignmentMemberValueTopicPartition(r, version));
  r.taggedFields();
  return { topicPartitions: fTopicPartitions };
}

/** The versions of ShareGroupTargetAssignmentMemberValue this codec reads and writes. */
export const shareGroupTargetAssignmentMemberValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupTargetAssignmentMemberValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupTargetAssignmentMemberValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupTargetAssignmentMemberValue(w: Writer, value: ShareGroupTargetAssignmentMemberValue, version: number): void {
  checkShareGroupTargetAssignmentMemberValueVersion(version);
  writeShareGroupTargetAssignmentMemberValue(w, value, version);
}

export function decodeShareGroupTargetAssignmentMemberValue(r: Reader, version: number): ShareGroupTargetAssignmentMemberValue {
  checkShareGroupTargetAssignmentMemberValueVersion(version);
  return readShareGroupTargetAssignmentMemberValue(r, version);
}
