// Generated from DescribeLogDirsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeLogDirsResponseDescribeLogDirsPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The size of the log segments in this partition in bytes. */
  partitionSize: bigint;
  /** The lag of the log's LEO w.r.t. partition's HW (if it is the current log for the partition) or current replica's LEO (if it is the future log for the partition) */
  offsetLag: bigint;
  /** True if this log is created by AlterReplicaLogDirsRequest and will replace the current log of the replica in the future. */
  isFutureKey: boolean;
}

export function defaultDescribeLogDirsResponseDescribeLogDirsPartition(): DescribeLogDirsResponseDescribeLogDirsPartition {
  return {
    partitionIndex: 0,
    partitionSize: 0n,
    offsetLag: 0n,
    isFutureKey: false,
  };
}

function writeDescribeLogDirsResponseDescribeLogDirsPartition(w: Writer, v: DescribeLogDirsResponseDescribeLogDirsPartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int64(v.partitionSize);
  w.int64(v.offsetLag);
  w.bool(v.isFutureKey);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsPartition(r: Reader, version: number): DescribeLogDirsResponseDescribeLogDirsPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fPartitionSize: bigint = 0n;
  fPartitionSize = r.int64();
  let fOffsetLag: bigint = 0n;
  fOffsetLag = r.int64();
  let fIsFutureKey: boolean = false;
  fIsFutureKey = r.bool();
  if (version >= 2) r.taggedFields();
  return { partitionIndex: fPartitionIndex, partitionSize: fPartitionSize, offsetLag: fOffsetLag, isFutureKey: fIsFutureKey };
}

export interface DescribeLogDirsResponseDescribeLogDirsTopic {
  /** The topic name. */
  name: string;
  partitions: DescribeLogDirsResponseDescribeLogDirsPartition[];
}

export function defaultDescribeLogDirsResponseDescribeLogDirsTopic(): DescribeLogDirsResponseDescribeLogDirsTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeDescribeLogDirsResponseDescribeLogDirsTopic(w: Writer, v: DescribeLogDirsResponseDescribeLogDirsTopic, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDescribeLogDirsResponseDescribeLogDirsPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeDescribeLogDirsResponseDescribeLogDirsPartition(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsTopic(r: Reader, version: number): DescribeLogDirsResponseDescribeLogDirsTopic {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: DescribeLogDirsResponseDescribeLogDirsPartition[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 1, () => readDescribeLogDirsResponseDescribeLogDirsPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readDescribeLogDirsResponseDescribeLogDirsPartition(r, version)); }
  if (version >= 2) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface DescribeLogDirsResponseDescribeLogDirsResult {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The absolute log directory path. */
  logDir: string;
  /** Each topic. */
  topics: DescribeLogDirsResponseDescribeLogDirsTopic[];
  /** The total size in bytes of the volume the log directory is in. */
  totalBytes: bigint;
  /** The usable size in bytes of the volume the log directory is in. */
  usableBytes: bigint;
}

export function defaultDescribeLogDirsResponseDescribeLogDirsResult(): DescribeLogDirsResponseDescribeLogDirsResult {
  return {
    errorCode: 0,
    logDir: "",
    topics: [],
    totalBytes: -1n,
    usableBytes: -1n,
  };
}

function writeDescribeLogDirsResponseDescribeLogDirsResult(w: Writer, v: DescribeLogDirsResponseDescribeLogDirsResult, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactString(v.logDir); } else { w.string(v.logDir); }
  if (version >= 2) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeLogDirsResponseDescribeLogDirsTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeDescribeLogDirsResponseDescribeLogDirsTopic(w, item, version); } }
  if (version >= 4) { w.int64(v.totalBytes); }
  if (version >= 4) { w.int64(v.usableBytes); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsResult(r: Reader, version: number): DescribeLogDirsResponseDescribeLogDirsResult {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fLogDir: string = "";
  if (version >= 2) { fLogDir = r.compactString(); } else { fLogDir = r.string(); }
  let fTopics: DescribeLogDirsResponseDescribeLogDirsTopic[] = [];
  if (version >= 2) { fTopics = readCompactArray(r, 1, () => readDescribeLogDirsResponseDescribeLogDirsTopic(r, version)); } else { fTopics = readArray(r, 1, () => readDescribeLogDirsResponseDescribeLogDirsTopic(r, version)); }
  let fTotalBytes: bigint = -1n;
  if (version >= 4) { fTotalBytes = r.int64(); }
  let fUsableBytes: bigint = -1n;
  if (version >= 4) { fUsableBytes = r.int64(); }
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, logDir: fLogDir, topics: fTopics, totalBytes: fTotalBytes, usableBytes: fUsableBytes };
}

export interface DescribeLogDirsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The log directories. */
  results: DescribeLogDirsResponseDescribeLogDirsResult[];
}

export function defaultDescribeLogDirsResponse(): DescribeLogDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    results: [],
  };
}

function writeDescribeLogDirsResponse(w: Writer, v: DescribeLogDirsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 3) { w.int16(v.errorCode); }
  if (version >= 2) { w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeDescribeLogDirsResponseDescribeLogDirsResult(w, item, version); } } else { w.int32(v.results.length); for (const item of v.results) { writeDescribeLogDirsResponseDescribeLogDirsResult(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readDescribeLogDirsResponse(r: Reader, version: number): DescribeLogDirsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  if (version >= 3) { fErrorCode = r.int16(); }
  let fResults: DescribeLogDirsResponseDescribeLogDirsResult[] = [];
  if (version >= 2) { fResults = readCompactArray(r, 1, () => readDescribeLogDirsResponseDescribeLogDirsResult(r, version)); } else { fResults = readArray(r, 1, () => readDescribeLogDirsResponseDescribeLogDirsResult(r, version)); }
  if (version >= 2) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, results: fResults };
}

/** The versions of DescribeLogDirsResponse this codec reads and writes. */
export const describeLogDirsResponseVersions = { min: 0, max: 4, firstFlexible: 2 } as const;

function checkDescribeLogDirsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `DescribeLogDirsResponse version ${version} is outside 0-4`);
  }
}

export function encodeDescribeLogDirsResponse(w: Writer, value: DescribeLogDirsResponse, version: number): void {
  checkDescribeLogDirsResponseVersion(version);
  writeDescribeLogDirsResponse(w, value, version);
}

export function decodeDescribeLogDirsResponse(r: Reader, version: number): DescribeLogDirsResponse {
  checkDescribeLogDirsResponseVersion(version);
  return readDescribeLogDirsResponse(r, version);
}
