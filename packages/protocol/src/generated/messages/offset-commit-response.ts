// Generated from OffsetCommitResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetCommitResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultOffsetCommitResponsePartition(): OffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeOffsetCommitResponsePartition(w: Writer, v: OffsetCommitResponsePartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitResponsePartition(r: Reader, version: number): OffsetCommitResponsePartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 8) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface OffsetCommitResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses for each partition in the topic. */
  partitions: OffsetCommitResponsePartition[];
}

export function defaultOffsetCommitResponseTopic(): OffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeOffsetCommitResponseTopic(w: Writer, v: OffsetCommitResponseTopic, version: number): void {
  if (version >= 8) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 8) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeOffsetCommitResponsePartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetCommitResponsePartition(w, item, version); } }
  if (version >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitResponseTopic(r: Reader, version: number): OffsetCommitResponseTopic {
  let fName: string = "";
  if (version >= 8) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: OffsetCommitResponsePartition[] = [];
  if (version >= 8) { fPartitions = readCompactArray(r, 1, () => readOffsetCommitResponsePartition(r, version)); } else { fPartitions = readArray(r, 1, () => readOffsetCommitResponsePartition(r, version)); }
  if (version >= 8) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface OffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each topic. */
  topics: OffsetCommitResponseTopic[];
}

export function defaultOffsetCommitResponse(): OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeOffsetCommitResponse(w: Writer, v: OffsetCommitResponse, version: number): void {
  if (version >= 3) { w.int32(v.throttleTimeMs); }
  if (version >= 8) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetCommitResponseTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeOffsetCommitResponseTopic(w, item, version); } }
  if (version >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitResponse(r: Reader, version: number): OffsetCommitResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 3) { fThrottleTimeMs = r.int32(); }
  let fTopics: OffsetCommitResponseTopic[] = [];
  if (version >= 8) { fTopics = readCompactArray(r, 1, () => readOffsetCommitResponseTopic(r, version)); } else { fTopics = readArray(r, 1, () => readOffsetCommitResponseTopic(r, version)); }
  if (version >= 8) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of OffsetCommitResponse this codec reads and writes. */
export const offsetCommitResponseVersions = { min: 0, max: 9, firstFlexible: 8 } as const;

function checkOffsetCommitResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 9) {
    throw new ProtocolError('unsupported', `OffsetCommitResponse version ${version} is outside 0-9`);
  }
}

export function encodeOffsetCommitResponse(w: Writer, value: OffsetCommitResponse, version: number): void {
  checkOffsetCommitResponseVersion(version);
  writeOffsetCommitResponse(w, value, version);
}

export function decodeOffsetCommitResponse(r: Reader, version: number): OffsetCommitResponse {
  checkOffsetCommitResponseVersion(version);
  return readOffsetCommitResponse(r, version);
}
