// Generated from DescribeQuorumRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeQuorumRequestPartitionData {
  /** The partition index. */
  partitionIndex: number;
}

export function defaultDescribeQuorumRequestPartitionData(): DescribeQuorumRequestPartitionData {
  return {
    partitionIndex: 0,
  };
}

function writeDescribeQuorumRequestPartitionData(w: Writer, v: DescribeQuorumRequestPartitionData, version: number): void {
  w.int32(v.partitionIndex);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumRequestPartitionData(r: Reader, version: number): DescribeQuorumRequestPartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex };
}

export interface DescribeQuorumRequestTopicData {
  /** The topic name. */
  topicName: string;
  partitions: DescribeQuorumRequestPartitionData[];
}

export function defaultDescribeQuorumRequestTopicData(): DescribeQuorumRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeDescribeQuorumRequestTopicData(w: Writer, v: DescribeQuorumRequestTopicData, version: number): void {
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDescribeQuorumRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumRequestTopicData(r: Reader, version: number): DescribeQuorumRequestTopicData {
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: DescribeQuorumRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readDescribeQuorumRequestPartitionData(r, version));
  r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface DescribeQuorumRequest {
  topics: DescribeQuorumRequestTopicData[];
}

export function defaultDescribeQuorumRequest(): DescribeQuorumRequest {
  return {
    topics: [],
  };
}

function writeDescribeQuorumRequest(w: Writer, v: DescribeQuorumRequest, version: number): void {
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeQuorumRequestTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumRequest(r: Reader, version: number): DescribeQuorumRequest {
  let fTopics: DescribeQuorumRequestTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeQuorumRequestTopicData(r, version));
  r.taggedFields();
  return { topics: fTopics };
}

/** The versions of DescribeQuorumRequest this codec reads and writes. */
export const describeQuorumRequestVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkDescribeQuorumRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `DescribeQuorumRequest version ${version} is outside 0-2`);
  }
}

export function encodeDescribeQuorumRequest(w: Writer, value: DescribeQuorumRequest, version: number): void {
  checkDescribeQuorumRequestVersion(version);
  writeDescribeQuorumRequest(w, value, version);
}

export function decodeDescribeQuorumRequest(r: Reader, version: number): DescribeQuorumRequest {
  checkDescribeQuorumRequestVersion(version);
  return readDescribeQuorumRequest(r, version);
}
