// Generated from InitializeShareGroupStateRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface InitializeShareGroupStateRequestPartitionData {
  /** The partition index. */
  partition: number;
  /** The state epoch for this share-partition. */
  stateEpoch: number;
  /** The share-partition start offset, or -1 if the start offset is not being initialized. */
  startOffset: bigint;
}

export function defaultInitializeShareGroupStateRequestPartitionData(): InitializeShareGroupStateRequestPartitionData {
  return {
    partition: 0,
    stateEpoch: 0,
    startOffset: 0n,
  };
}

function writeInitializeShareGroupStateRequestPartitionData(w: Writer, v: InitializeShareGroupStateRequestPartitionData, version: number): void {
  w.int32(v.partition);
  w.int32(v.stateEpoch);
  w.int64(v.startOffset);
  {
    w.unsignedVarint(0);
  }
}

function readInitializeShareGroupStateRequestPartitionData(r: Reader, version: number): InitializeShareGroupStateRequestPartitionData {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fStateEpoch: number = 0;
  fStateEpoch = r.int32();
  let fStartOffset: bigint = 0n;
  fStartOffset = r.int64();
  r.taggedFields();
  return { partition: fPartition, stateEpoch: fStateEpoch, startOffset: fStartOffset };
}

export interface InitializeShareGroupStateRequestInitializeStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: InitializeShareGroupStateRequestPartitionData[];
}

export function defaultInitializeShareGroupStateRequestInitializeStateData(): InitializeShareGroupStateRequestInitializeStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeInitializeShareGroupStateRequestInitializeStateData(w: Writer, v: InitializeShareGroupStateRequestInitializeStateData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeInitializeShareGroupStateRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readInitializeShareGroupStateRequestInitializeStateData(r: Reader, version: number): InitializeShareGroupStateRequestInitializeStateData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: InitializeShareGroupStateRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readInitializeShareGroupStateRequestPartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface InitializeShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: InitializeShareGroupStateRequestInitializeStateData[];
}

export function defaultInitializeShareGroupStateRequest(): InitializeShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

function writeInitializeShareGroupStateRequest(w: Writer, v: InitializeShareGroupStateRequest, version: number): void {
  w.compactString(v.groupId);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeInitializeShareGroupStateRequestInitializeStateData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readInitializeShareGroupStateRequest(r: Reader, version: number): InitializeShareGroupStateRequest {
  let fGroupId: string = "";
  fGroupId = r.compactString();
  let fTopics: InitializeShareGroupStateRequestInitializeStateData[] = [];
  fTopics = readCompactArray(r, 1, () => readInitializeShareGroupStateRequestInitializeStateData(r, version));
  r.taggedFields();
  return { groupId: fGroupId, topics: fTopics };
}

/** The versions of InitializeShareGroupStateRequest this codec reads and writes. */
export const initializeShareGroupStateRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkInitializeShareGroupStateRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `InitializeShareGroupStateRequest version ${version} is outside 0-0`);
  }
}

export function encodeInitializeShareGroupStateRequest(w: Writer, value: InitializeShareGroupStateRequest, version: number): void {
  checkInitializeShareGroupStateRequestVersion(version);
  writeInitializeShareGroupStateRequest(w, value, version);
}

export function decodeInitializeShareGroupStateRequest(r: Reader, version: number): InitializeShareGroupStateRequest {
  checkInitializeShareGroupStateRequestVersion(version);
  return readInitializeShareGroupStateRequest(r, version);
}
