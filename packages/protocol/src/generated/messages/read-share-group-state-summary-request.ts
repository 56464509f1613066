// Generated from ReadShareGroupStateSummaryRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ReadShareGroupStateSummaryRequestPartitionData {
  /** The partition index. */
  partition: number;
  /** The leader epoch of the share-partition. */
  leaderEpoch: number;
}

export function defaultReadShareGroupStateSummaryRequestPartitionData(): ReadShareGroupStateSummaryRequestPartitionData {
  return {
    partition: 0,
    leaderEpoch: 0,
  };
}

function writeReadShareGroupStateSummaryRequestPartitionData(w: Writer, v: ReadShareGroupStateSummaryRequestPartitionData, version: number): void {
  w.int32(v.partition);
  w.int32(v.leaderEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateSummaryRequestPartitionData(r: Reader, version: number): ReadShareGroupStateSummaryRequestPartitionData {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  r.taggedFields();
  return { partition: fPartition, leaderEpoch: fLeaderEpoch };
}

export interface ReadShareGroupStateSummaryRequestReadStateSummaryData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: ReadShareGroupStateSummaryRequestPartitionData[];
}

export function defaultReadShareGroupStateSummaryRequestReadStateSummaryData(): ReadShareGroupStateSummaryRequestReadStateSummaryData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeReadShareGroupStateSummaryRequestReadStateSummaryData(w: Writer, v: ReadShareGroupStateSummaryRequestReadStateSummaryData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeReadShareGroupStateSummaryRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateSummaryRequestReadStateSummaryData(r: Reader, version: number): ReadShareGroupStateSummaryRequestReadStateSummaryData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ReadShareGroupStateSummaryRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readReadShareGroupStateSummaryRequestPartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ReadShareGroupStateSummaryRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: ReadShareGroupStateSummaryRequestReadStateSummaryData[];
}

export function defaultReadShareGroupStateSummaryRequest(): ReadShareGroupStateSummaryRequest {
  return {
    groupId: "",
    topics: [],
  };
}

function writeReadShareGroupStateSummaryRequest(w: Writer, v: ReadShareGroupStateSummaryRequest, version: number): void {
  w.compactString(v.groupId);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeReadShareGroupStateSummaryRequestReadStateSummaryData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateSummaryRequest(r: Reader, version: number): ReadShareGroupStateSummaryRequest {
  let fGroupId: string = "";
  fGroupId = r.compactString();
  let fTopics: ReadShareGroupStateSummaryRequestReadStateSummaryData[] = [];
  fTopics = readCompactArray(r, 1, () => readReadShareGroupStateSummaryRequestReadStateSummaryData(r, version));
  r.taggedFields();
  return { groupId: fGroupId, topics: fTopics };
}

/** The versions of ReadShareGroupStateSummaryRequest this codec reads and writes. */
export const readShareGroupStateSummaryRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkReadShareGroupStateSummaryRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ReadShareGroupStateSummaryRequest version ${version} is outside 0-0`);
  }
}

export function encodeReadShareGroupStateSummaryRequest(w: Writer, value: ReadShareGroupStateSummaryRequest, version: number): void {
  checkReadShareGroupStateSummaryRequestVersion(version);
  writeReadShareGroupStateSummaryRequest(w, value, version);
}

export function decodeReadShareGroupStateSummaryRequest(r: Reader, version: number): ReadShareGroupStateSummaryRequest {
  checkReadShareGroupStateSummaryRequestVersion(version);
  return readReadShareGroupStateSummaryRequest(r, version);
}
