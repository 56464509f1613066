// Generated from AlterReplicaLogDirsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w: Writer, v: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r: Reader, version: number): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 2) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  /** The name of the topic. */
  topicName: string;
  /** The results for each partition. */
  partitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[];
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w: Writer, v: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult, version: number): void {
  if (version >= 2) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r: Reader, version: number): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  let fTopicName: string = "";
  if (version >= 2) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 1, () => readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r, version)); } else { fPartitions = readArray(r, 1, () => readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface AlterReplicaLogDirsResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The results for each topic. */
  results: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[];
}

export function defaultAlterReplicaLogDirsResponse(): AlterReplicaLogDirsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

function writeAlterReplicaLogDirsResponse(w: Writer, v: AlterReplicaLogDirsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 2) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w, item, version); } } else { w.int32(v.results.length); for (const item of v.results) { writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readAlterReplicaLogDirsResponse(r: Reader, version: number): AlterReplicaLogDirsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fResults: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[] = [];
  if (version >= 2) { fResults = readCompactArray(r, 1, () => readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r, version)); } else { fResults = readArray(r, 1, () => readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, results: fResults };
}

/** The versions of AlterReplicaLogDirsResponse this codec reads and writes. */
export const alterReplicaLogDirsResponseVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkAlterReplicaLogDirsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `AlterReplicaLogDirsResponse version ${version} is outside 0-2`);
  }
}

export function encodeAlterReplicaLogDirsResponse(w: Writer, value: AlterReplicaLogDirsResponse, version: number): void {
  checkAlterReplicaLogDirsResponseVersion(version);
  writeAlterReplicaLogDirsResponse(w, value, version);
}

export function decodeAlterReplicaLogDirsResponse(r: Reader, version: number): AlterReplicaLogDirsResponse {
  checkAlterReplicaLogDirsResponseVersion(version);
  return readAlterReplicaLogDirsResponse(r, version);
}
