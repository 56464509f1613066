// Generated from OffsetForLeaderEpochResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetForLeaderEpochResponseEpochEndOffset {
  /** The error code 0, or if there was no error. */
  errorCode: number;
  /** The partition index. */
  partition: number;
  /** The leader epoch of the partition. */
  leaderEpoch: number;
  /** The end offset of the epoch. */
  endOffset: bigint;
}

export function defaultOffsetForLeaderEpochResponseEpochEndOffset(): OffsetForLeaderEpochResponseEpochEndOffset {
  return {
    errorCode: 0,
    partition: 0,
    leaderEpoch: -1,
    endOffset: -1n,
  };
}

function writeOffsetForLeaderEpochResponseEpochEndOffset(w: Writer, v: OffsetForLeaderEpochResponseEpochEndOffset, version: number): void {
  w.int16(v.errorCode);
  w.int32(v.partition);
  if (version >= 1) { w.int32(v.leaderEpoch); }
  w.int64(v.endOffset);
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetForLeaderEpochResponseEpochEndOffset(r: Reader, version: number): OffsetForLeaderEpochResponseEpochEndOffset {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fPartition: number = 0;
  fPartition = r.int32();
  let fLeaderEpoch: number = -1;
  if (version >= 1) { fLeaderEpoch = r.int32(); }
  let fEndOffset: bigint = -1n;
  fEndOffset = r.int64();
  if (version >= 4) r.taggedFields();
  return { errorCode: fErrorCode, partition: fPartition, leaderEpoch: fLeaderEpoch, endOffset: fEndOffset };
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  /** The topic name. */
  topic: string;
  /** Each partition in the topic we fetched offsets for. */
  partitions: OffsetForLeaderEpochResponseEpochEndOffset[];
}

export function defaultOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  return {
    topic: "",
    partitions: [],
  };
}

function writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w: Writer, v: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult, version: number): void {
  if (version >= 4) { w.compactString(v.topic); } else { w.string(v.topic); }
  if (version >= 4) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeOffsetForLeaderEpochResponseEpochEndOffset(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetForLeaderEpochResponseEpochEndOffset(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r: Reader, version: number): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  let fTopic: string = "";
  if (version >= 4) { fTopic = r.compactString(); } else { fTopic = r.string(); }
  let fPartitions: OffsetForLeaderEpochResponseEpochEndOffset[] = [];
  if (version >= 4) { fPartitions = readCompactArray(r, 1, () => readOffsetForLeaderEpochResponseEpochEndOffset(r, version)); } else { fPartitions = readArray(r, 1, () => readOffsetForLeaderEpochResponseEpochEndOffset(r, version)); }
  if (version >= 4) r.taggedFields();
  return { topic: fTopic, partitions: fPartitions };
}

export interface OffsetForLeaderEpochResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic we fetched offsets for. */
  topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[];
}

export function defaultOffsetForLeaderEpochResponse(): OffsetForLeaderEpochResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeOffsetForLeaderEpochResponse(w: Writer, v: OffsetForLeaderEpochResponse, version: number): void {
  if (version >= 2) { w.int32(v.throttleTimeMs); }
  if (version >= 4) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetForLeaderEpochResponse(r: Reader, version: number): OffsetForLeaderEpochResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 2) { fThrottleTimeMs = r.int32(); }
  let fTopics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[] = [];
  if (version >= 4) { fTopics = readCompactArray(r, 1, () => readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r, version)); } else { fTopics = readArray(r, 1, () => readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r, version)); }
  if (version >= 4) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of OffsetForLeaderEpochResponse this codec reads and writes. */
export const offsetForLeaderEpochResponseVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkOffsetForLeaderEpochResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `OffsetForLeaderEpochResponse version ${version} is outside 0-4`);
  }
}

export function encodeOffsetForLeaderEpochResponse(w: Writer, value: OffsetForLeaderEpochResponse, version: number): void {
  checkOffsetForLeaderEpochResponseVersion(version);
  writeOffsetForLeaderEpochResponse(w, value, version);
}

export function decodeOffsetForLeaderEpochResponse(r: Reader, version: number): OffsetForLeaderEpochResponse {
  checkOffsetForLeaderEpochResponseVersion(version);
  return readOffsetForLeaderEpochResponse(r, version);
}
