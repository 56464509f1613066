// Generated from ReadShareGroupStateRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ReadShareGroupStateRequestPartitionData {
  /** The partition index. */
  partition: number;
  /** The leader epoch of the share-partition. */
  leaderEpoch: number;
}

export function defaultReadShareGroupStateRequestPartitionData(): ReadShareGroupStateRequestPartitionData {
  return {
    partition: 0,
    leaderEpoch: 0,
  };
}

function writeReadShareGroupStateRequestPartitionData(w: Writer, v: ReadShareGroupStateRequestPartitionData, version: number): void {
  w.int32(v.partition);
  w.int32(v.leaderEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateRequestPartitionData(r: Reader, version: number): ReadShareGroupStateRequestPartitionData {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  r.taggedFields();
  return { partition: fPartition, leaderEpoch: fLeaderEpoch };
}

export interface ReadShareGroupStateRequestReadStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: ReadShareGroupStateRequestPartitionData[];
}

export function defaultReadShareGroupStateRequestReadStateData(): ReadShareGroupStateRequestReadStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeReadShareGroupStateRequestReadStateData(w: Writer, v: ReadShareGroupStateRequestReadStateData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeReadShareGroupStateRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateRequestReadStateData(r: Reader, version: number): ReadShareGroupStateRequestReadStateData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ReadShareGroupStateRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readReadShareGroupStateRequestPartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ReadShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: ReadShareGroupStateRequestReadStateData[];
}

export function defaultReadShareGroupStateRequest(): ReadShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

function writeReadShareGroupStateRequest(w: Writer, v: ReadShareGroupStateRequest, version: number): void {
  w.compactString(v.groupId);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeReadShareGroupStateRequestReadStateData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateRequest(r: Reader, version: number): ReadShareGroupStateRequest {
  let fGroupId: string = "";
  fGroupId = r.compactString();
  let fTopics: ReadShareGroupStateRequestReadStateData[] = [];
  fTopics = readCompactArray(r, 1, () => readReadShareGroupStateRequestReadStateData(r, version));
  r.taggedFields();
  return { groupId: fGroupId, topics: fTopics };
}

/** The versions of ReadShareGroupStateRequest this codec reads and writes. */
export const readShareGroupStateRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkReadShareGroupStateRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ReadShareGroupStateRequest version ${version} is outside 0-0`);
  }
}

export function encodeReadShareGroupStateRequest(w: Writer, value: ReadShareGroupStateRequest, version: number): void {
  checkReadShareGroupStateRequestVersion(version);
  writeReadShareGroupStateRequest(w, value, version);
}

export function decodeReadShareGroupStateRequest(r: Reader, version: number): ReadShareGroupStateRequest {
  checkReadShareGroupStateRequestVersion(version);
  return readReadShareGroupStateRequest(r, version);
}
