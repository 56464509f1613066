// Generated from OffsetDeleteRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetDeleteRequestPartition {
  /** The partition index. */
  partitionIndex: number;
}

export function defaultOffsetDeleteRequestPartition(): OffsetDeleteRequestPartition {
  return {
    partitionIndex: 0,
  };
}

function writeOffsetDeleteRequestPartition(w: Writer, v: OffsetDeleteRequestPartition, version: number): void {
  w.int32(v.partitionIndex);
}

function readOffsetDeleteRequestPartition(r: Reader, version: number): OffsetDeleteRequestPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  return { partitionIndex: fPartitionIndex };
}

export interface OffsetDeleteRequestTopic {
  /** The topic name. */
  name: string;
  /** Each partition to delete offsets for. */
  partitions: OffsetDeleteRequestPartition[];
}

export function defaultOffsetDeleteRequestTopic(): OffsetDeleteRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeOffsetDeleteRequestTopic(w: Writer, v: OffsetDeleteRequestTopic, version: number): void {
  w.string(v.name);
  w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetDeleteRequestPartition(w, item, version); }
}

function readOffsetDeleteRequestTopic(r: Reader, version: number): OffsetDeleteRequestTopic {
  let fName: string = "";
  fName = r.string();
  let fPartitions: OffsetDeleteRequestPartition[] = [];
  fPartitions = readArray(r, 1, () => readOffsetDeleteRequestPartition(r, version));
  return { name: fName, partitions: fPartitions };
}

export interface OffsetDeleteRequest {
  /** The unique group identifier. */
  groupId: string;
  /** The topics to delete offsets for */
  topics: OffsetDeleteRequestTopic[];
}

export function defaultOffsetDeleteRequest(): OffsetDeleteRequest {
  return {
    groupId: "",
    topics: [],
  };
}

function writeOffsetDeleteRequest(w: Writer, v: OffsetDeleteRequest, version: number): void {
  w.string(v.groupId);
  w.int32(v.topics.length); for (const item of v.topics) { writeOffsetDeleteRequestTopic(w, item, version); }
}

function readOffsetDeleteRequest(r: Reader, version: number): OffsetDeleteRequest {
  let fGroupId: string = "";
  fGroupId = r.string();
  let fTopics: OffsetDeleteRequestTopic[] = [];
  fTopics = readArray(r, 1, () => readOffsetDeleteRequestTopic(r, version));
  return { groupId: fGroupId, topics: fTopics };
}

/** The versions of OffsetDeleteRequest this codec reads and writes. */
export const offsetDeleteRequestVersions = { min: 0, max: 0 } as const;

function checkOffsetDeleteRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `OffsetDeleteRequest version ${version} is outside 0-0`);
  }
}

export function encodeOffsetDeleteRequest(w: Writer, value: OffsetDeleteRequest, version: number): void {
  checkOffsetDeleteRequestVersion(version);
  writeOffsetDeleteRequest(w, value, version);
}

export function decodeOffsetDeleteRequest(r: Reader, version: number): OffsetDeleteRequest {
  checkOffsetDeleteRequestVersion(version);
  return readOffsetDeleteRequest(r, version);
}
