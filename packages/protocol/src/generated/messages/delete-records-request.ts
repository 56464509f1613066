// Generated from DeleteRecordsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteRecordsRequestDeleteRecordsPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The deletion offset. */
  offset: bigint;
}

export function defaultDeleteRecordsRequestDeleteRecordsPartition(): DeleteRecordsRequestDeleteRecordsPartition {
  return {
    partitionIndex: 0,
    offset: 0n,
  };
}

function writeDeleteRecordsRequestDeleteRecordsPartition(w: Writer, v: DeleteRecordsRequestDeleteRecordsPartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int64(v.offset);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsRequestDeleteRecordsPartition(r: Reader, version: number): DeleteRecordsRequestDeleteRecordsPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fOffset: bigint = 0n;
  fOffset = r.int64();
  if (version >= 2) r.taggedFields();
  return { partitionIndex: fPartitionIndex, offset: fOffset };
}

export interface DeleteRecordsRequestDeleteRecordsTopic {
  /** The topic name. */
  name: string;
  /** Each partition that we want to delete records from. */
  partitions: DeleteRecordsRequestDeleteRecordsPartition[];
}

export function defaultDeleteRecordsRequestDeleteRecordsTopic(): DeleteRecordsRequestDeleteRecordsTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeDeleteRecordsRequestDeleteRecordsTopic(w: Writer, v: DeleteRecordsRequestDeleteRecordsTopic, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDeleteRecordsRequestDeleteRecordsPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeDeleteRecordsRequestDeleteRecordsPartition(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsRequestDeleteRecordsTopic(r: Reader, version: number): DeleteRecordsRequestDeleteRecordsTopic {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: DeleteRecordsRequestDeleteRecordsPartition[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 1, () => readDeleteRecordsRequestDeleteRecordsPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readDeleteRecordsRequestDeleteRecordsPartition(r, version)); }
  if (version >= 2) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface DeleteRecordsRequest {
  /** Each topic that we want to delete records from. */
  topics: DeleteRecordsRequestDeleteRecordsTopic[];
  /** How long to wait for the deletion to complete, in milliseconds. */
  timeoutMs: number;
}

export function defaultDeleteRecordsRequest(): DeleteRecordsRequest {
  return {
    topics: [],
    timeoutMs: 0,
  };
}

function writeDeleteRecordsRequest(w: Writer, v: DeleteRecordsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDeleteRecordsRequestDeleteRecordsTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeDeleteRecordsRequestDeleteRecordsTopic(w, item, version); } }
  w.int32(v.timeoutMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsRequest(r: Reader, version: number): DeleteRecordsRequest {
  let fTopics: DeleteRecordsRequestDeleteRecordsTopic[] = [];
  if (version >= 2) { fTopics = readCompactArray(r, 1, () => readDeleteRecordsRequestDeleteRecordsTopic(r, version)); } else { fTopics = readArray(r, 1, () => readDeleteRecordsRequestDeleteRecordsTopic(r, version)); }
  let fTimeoutMs: number = 0;
  fTimeoutMs = r.int32();
  if (version >= 2) r.taggedFields();
  return { topics: fTopics, timeoutMs: fTimeoutMs };
}

/** The versions of DeleteRecordsRequest this codec reads and writes. */
export const deleteRecordsRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkDeleteRecordsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `DeleteRecordsRequest version ${version} is outside 0-2`);
  }
}

export function encodeDeleteRecordsRequest(w: Writer, value: DeleteRecordsRequest, version: number): void {
  checkDeleteRecordsRequestVersion(version);
  writeDeleteRecordsRequest(w, value, version);
}

export function decodeDeleteRecordsRequest(r: Reader, version: number): DeleteRecordsRequest {
  checkDeleteRecordsRequestVersion(version);
  return readDeleteRecordsRequest(r, version);
}
