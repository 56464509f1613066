// Generated from DeleteRecordsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteRecordsResponseDeleteRecordsPartitionResult {
  /** The partition index. */
  partitionIndex: number;
  /** The partition low water mark. */
  lowWatermark: bigint;
  /** The deletion error code, or 0 if the deletion succeeded. */
  errorCode: number;
}

export function defaultDeleteRecordsResponseDeleteRecordsPartitionResult(): DeleteRecordsResponseDeleteRecordsPartitionResult {
  return {
    partitionIndex: 0,
    lowWatermark: 0n,
    errorCode: 0,
  };
}

function writeDeleteRecordsResponseDeleteRecordsPartitionResult(w: Writer, v: DeleteRecordsResponseDeleteRecordsPartitionResult, version: number): void {
  w.int32(v.partitionIndex);
  w.int64(v.lowWatermark);
  w.int16(v.errorCode);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsResponseDeleteRecordsPartitionResult(r: Reader, version: number): DeleteRecordsResponseDeleteRecordsPartitionResult {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fLowWatermark: bigint = 0n;
  fLowWatermark = r.int64();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 2) r.taggedFields();
  return { partitionIndex: fPartitionIndex, lowWatermark: fLowWatermark, errorCode: fErrorCode };
}

export interface DeleteRecordsResponseDeleteRecordsTopicResult {
  /** The topic name. */
  name: string;
  /** Each partition that we wanted to delete records from. */
  partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[];
}

export function defaultDeleteRecordsResponseDeleteRecordsTopicResult(): DeleteRecordsResponseDeleteRecordsTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

function writeDeleteRecordsResponseDeleteRecordsTopicResult(w: Writer, v: DeleteRecordsResponseDeleteRecordsTopicResult, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDeleteRecordsResponseDeleteRecordsPartitionResult(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeDeleteRecordsResponseDeleteRecordsPartitionResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsResponseDeleteRecordsTopicResult(r: Reader, version: number): DeleteRecordsResponseDeleteRecordsTopicResult {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: DeleteRecordsResponseDeleteRecordsPartitionResult[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 1, () => readDeleteRecordsResponseDeleteRecordsPartitionResult(r, version)); } else { fPartitions = readArray(r, 1, () => readDeleteRecordsResponseDeleteRecordsPartitionResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface DeleteRecordsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic that we wanted to delete records from. */
  topics: DeleteRecordsResponseDeleteRecordsTopicResult[];
}

export function defaultDeleteRecordsResponse(): DeleteRecordsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeDeleteRecordsResponse(w: Writer, v: DeleteRecordsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDeleteRecordsResponseDeleteRecordsTopicResult(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeDeleteRecordsResponseDeleteRecordsTopicResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDeleteRecordsResponse(r: Reader, version: number): DeleteRecordsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fTopics: DeleteRecordsResponseDeleteRecordsTopicResult[] = [];
  if (version >= 2) { fTopics = readCompactArray(r, 1, () => readDeleteRecordsResponseDeleteRecordsTopicResult(r, version)); } else { fTopics = readArray(r, 1, () => readDeleteRecordsResponseDeleteRecordsTopicResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of DeleteRecordsResponse this codec reads and writes. */
export const deleteRecordsResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkDeleteRecordsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `DeleteRecordsResponse version ${version} is outside 0-2`);
  }
}

export function encodeDeleteRecordsResponse(w: Writer, value: DeleteRecordsResponse, version: number): void {
  checkDeleteRecordsResponseVersion(version);
  writeDeleteRecordsResponse(w, value, version);
}

export function decodeDeleteRecordsResponse(r: Reader, version: number): DeleteRecordsResponse {
  checkDeleteRecordsResponseVersion(version);
  return readDeleteRecordsResponse(r, version);
}
