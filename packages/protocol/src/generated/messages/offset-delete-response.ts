// Generated from OffsetDeleteResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetDeleteResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultOffsetDeleteResponsePartition(): OffsetDeleteResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeOffsetDeleteResponsePartition(w: Writer, v: OffsetDeleteResponsePartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
}

function readOffsetDeleteResponsePartition(r: Reader, version: number): OffsetDeleteResponsePartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface OffsetDeleteResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses for each partition in the topic. */
  partitions: OffsetDeleteResponsePartition[];
}

export function defaultOffsetDeleteResponseTopic(): OffsetDeleteResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeOffsetDeleteResponseTopic(w: Writer, v: OffsetDeleteResponseTopic, version: number): void {
  w.string(v.name);
  w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetDeleteResponsePartition(w, item, version); }
}

function readOffsetDeleteResponseTopic(r: Reader, version: number): OffsetDeleteResponseTopic {
  let fName: string = "";
  fName = r.string();
  let fPartitions: OffsetDeleteResponsePartition[] = [];
  fPartitions = readArray(r, 1, () => readOffsetDeleteResponsePartition(r, version));
  return { name: fName, partitions: fPartitions };
}

export interface OffsetDeleteResponse {
  /** The top-level error code, or 0 if there was no error. */
  errorCode: number;
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each topic. */
  topics: OffsetDeleteResponseTopic[];
}

export function defaultOffsetDeleteResponse(): OffsetDeleteResponse {
  return {
    errorCode: 0,
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeOffsetDeleteResponse(w: Writer, v: OffsetDeleteResponse, version: number): void {
  w.int16(v.errorCode);
  w.int32(v.throttleTimeMs);
  w.int32(v.topics.length); for (const item of v.topics) { writeOffsetDeleteResponseTopic(w, item, version); }
}

function readOffsetDeleteResponse(r: Reader, version: number): OffsetDeleteResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fTopics: OffsetDeleteResponseTopic[] = [];
  fTopics = readArray(r, 1, () => readOffsetDeleteResponseTopic(r, version));
  return { errorCode: fErrorCode, throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of OffsetDeleteResponse this codec reads and writes. */
export const offsetDeleteResponseVersions = { min: 0, max: 0 } as const;

function checkOffsetDeleteResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `OffsetDeleteResponse version ${version} is outside 0-0`);
  }
}

export function encodeOffsetDeleteResponse(w: Writer, value: OffsetDeleteResponse, version: number): void {
  checkOffsetDeleteResponseVersion(version);
  writeOffsetDeleteResponse(w, value, version);
}

export function decodeOffsetDeleteResponse(r: Reader, version: number): OffsetDeleteResponse {
  checkOffsetDeleteResponseVersion(version);
  return readOffsetDeleteResponse(r, version);
}
