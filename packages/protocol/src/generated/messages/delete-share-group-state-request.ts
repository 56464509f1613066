// Generated from DeleteShareGroupStateRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteShareGroupStateRequestPartitionData {
  /** The partition index. */
  partition: number;
}

export function defaultDeleteShareGroupStateRequestPartitionData(): DeleteShareGroupStateRequestPartitionData {
  return {
    partition: 0,
  };
}

function writeDeleteShareGroupStateRequestPartitionData(w: Writer, v: DeleteShareGroupStateRequestPartitionData, version: number): void {
  w.int32(v.partition);
  {
    w.unsignedVarint(0);
  }
}

function readDeleteShareGroupStateRequestPartitionData(r: Reader, version: number): DeleteShareGroupStateRequestPartitionData {
  let fPartition: number = 0;
  fPartition = r.int32();
  r.taggedFields();
  return { partition: fPartition };
}

export interface DeleteShareGroupStateRequestDeleteStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: DeleteShareGroupStateRequestPartitionData[];
}

export function defaultDeleteShareGroupStateRequestDeleteStateData(): DeleteShareGroupStateRequestDeleteStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeDeleteShareGroupStateRequestDeleteStateData(w: Writer, v: DeleteShareGroupStateRequestDeleteStateData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDeleteShareGroupStateRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDeleteShareGroupStateRequestDeleteStateData(r: Reader, version: number): DeleteShareGroupStateRequestDeleteStateData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: DeleteShareGroupStateRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readDeleteShareGroupStateRequestPartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface DeleteShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: DeleteShareGroupStateRequestDeleteStateData[];
}

export function defaultDeleteShareGroupStateRequest(): DeleteShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

function writeDeleteShareGroupStateRequest(w: Writer, v: DeleteShareGroupStateRequest, version: number): void {
  w.compactString(v.groupId);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDeleteShareGroupStateRequestDeleteStateData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDeleteShareGroupStateRequest(r: Reader, version: number): DeleteShareGroupStateRequest {
  let fGroupId: string = "";
  fGroupId = r.compactString();
  let fTopics: DeleteShareGroupStateRequestDeleteStateData[] = [];
  fTopics = readCompactArray(r, 1, () => readDeleteShareGroupStateRequestDeleteStateData(r, version));
  r.taggedFields();
  return { groupId: fGroupId, topics: fTopics };
}

/** The versions of DeleteShareGroupStateRequest this codec reads and writes. */
export const deleteShareGroupStateRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDeleteShareGroupStateRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DeleteShareGroupStateRequest version ${version} is outside 0-0`);
  }
}

export function encodeDeleteShareGroupStateRequest(w: Writer, value: DeleteShareGroupStateRequest, version: number): void {
  checkDeleteShareGroupStateRequestVersion(version);
  writeDeleteShareGroupStateRequest(w, value, version);
}

export function decodeDeleteShareGroupStateRequest(r: Reader, version: number): DeleteShareGroupStateRequest {
  checkDeleteShareGroupStateRequestVersion(version);
  return readDeleteShareGroupStateRequest(r, version);
}
