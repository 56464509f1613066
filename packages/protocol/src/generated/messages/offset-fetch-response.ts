// Generated from OffsetFetchResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetFetchResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The committed message offset. */
  committedOffset: bigint;
  /** The leader epoch. */
  committedLeaderEpoch: number;
  /** The partition metadata. */
  metadata: string | null;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultOffsetFetchResponsePartition(): OffsetFetchResponsePartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

function writeOffsetFetchResponsePartition(w: Writer, v: OffsetFetchResponsePartition, version: number): void {
  if (version <= 7) { w.int32(v.partitionIndex); }
  if (version <= 7) { w.int64(v.committedOffset); }
  if (version >= 5 && version <= 7) { w.int32(v.committedLeaderEpoch); }
  if (version <= 7) { if (version >= 6 && version <= 7) { w.compactNullableString(v.metadata); } else { w.nullableString(v.metadata); } }
  if (version <= 7) { w.int16(v.errorCode); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponsePartition(r: Reader, version: number): OffsetFetchResponsePartition {
  let fPartitionIndex: number = 0;
  if (version <= 7) { fPartitionIndex = r.int32(); }
  let fCommittedOffset: bigint = 0n;
  if (version <= 7) { fCommittedOffset = r.int64(); }
  let fCommittedLeaderEpoch: number = -1;
  if (version >= 5 && version <= 7) { fCommittedLeaderEpoch = r.int32(); }
  let fMetadata: string | null = "";
  if (version <= 7) { if (version >= 6 && version <= 7) { fMetadata = r.compactNullableString(); } else { fMetadata = r.nullableString(); } }
  let fErrorCode: number = 0;
  if (version <= 7) { fErrorCode = r.int16(); }
  if (version >= 6) r.taggedFields();
  return { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, metadata: fMetadata, errorCode: fErrorCode };
}

export interface OffsetFetchResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses per partition */
  partitions: OffsetFetchResponsePartition[];
}

export function defaultOffsetFetchResponseTopic(): OffsetFetchResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeOffsetFetchResponseTopic(w: Writer, v: OffsetFetchResponseTopic, version: number): void {
  if (version <= 7) { if (version >= 6 && version <= 7) { w.compactString(v.name); } else { w.string(v.name); } }
  if (version <= 7) { if (version >= 6 && version <= 7) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeOffsetFetchResponsePartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetFetchResponsePartition(w, item, version); } } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponseTopic(r: Reader, version: number): OffsetFetchResponseTopic {
  let fName: string = "";
  if (version <= 7) { if (version >= 6 && version <= 7) { fName = r.compactString(); } else { fName = r.string(); } }
  let fPartitions: OffsetFetchResponsePartition[] = [];
  if (version <= 7) { if (version >= 6 && version <= 7) { fPartitions = readCompactArray(r, 1, () => readOffsetFetchResponsePartition(r, version)); } else { fPartitions = readArray(r, 1, () => readOffsetFetchResponsePartition(r, version)); } }
  if (version >= 6) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface OffsetFetchResponsePartitions {
  /** The partition index. */
  partitionIndex: number;
  /** The committed message offset. */
  committedOffset: bigint;
  /** The leader epoch. */
  committedLeaderEpoch: number;
  /** The partition metadata. */
  metadata: string | null;
  /** The partition-level error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultOffsetFetchResponsePartitions(): OffsetFetchResponsePartitions {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    metadata: "",
    errorCode: 0,
  };
}

function writeOffsetFetchResponsePartitions(w: Writer, v: OffsetFetchResponsePartitions, version: number): void {
  if (version >= 8) { w.int32(v.partitionIndex); }
  if (version >= 8) { w.int64(v.committedOffset); }
  if (version >= 8) { w.int32(v.committedLeaderEpoch); }
  if (version >= 8) { w.compactNullableString(v.metadata); }
  if (version >= 8) { w.int16(v.errorCode); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponsePartitions(r: Reader, version: number): OffsetFetchResponsePartitions {
  let fPartitionIndex: number = 0;
  if (version >= 8) { fPartitionIndex = r.int32(); }
  let fCommittedOffset: bigint = 0n;
  if (version >= 8) { fCommittedOffset = r.int64(); }
  let fCommittedLeaderEpoch: number = -1;
  if (version >= 8) { fCommittedLeaderEpoch = r.int32(); }
  let fMetadata: string | null = "";
  if (version >= 8) { fMetadata = r.compactNullableString(); }
  let fErrorCode: number = 0;
  if (version >= 8) { fErrorCode = r.int16(); }
  if (version >= 6) r.taggedFields();
  return { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, metadata: fMetadata, errorCode: fErrorCode };
}

export interface OffsetFetchResponseTopics {
  /** The topic name. */
  name: string;
  /** The responses per partition */
  partitions: OffsetFetchResponsePartitions[];
}

export function defaultOffsetFetchResponseTopics(): OffsetFetchResponseTopics {
  return {
    name: "",
    partitions: [],
  };
}

function writeOffsetFetchResponseTopics(w: Writer, v: OffsetFetchResponseTopics, version: number): void {
  if (version >= 8) { w.compactString(v.name); }
  if (version >= 8) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeOffsetFetchResponsePartitions(w, item, version); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponseTopics(r: Reader, version: number): OffsetFetchResponseTopics {
  let fName: string = "";
  if (version >= 8) { fName = r.compactString(); }
  let fPartitions: OffsetFetchResponsePartitions[] = [];
  if (version >= 8) { fPartitions = readCompactArray(r, 1, () => readOffsetFetchResponsePartitions(r, version)); }
  if (version >= 6) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface OffsetFetchResponseGroup {
  /** The group ID. */
  groupId: string;
  /** The responses per topic. */
  topics: OffsetFetchResponseTopics[];
  /** The group-level error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultOffsetFetchResponseGroup(): OffsetFetchResponseGroup {
  return {
    groupId: "",
    topics: [],
    errorCode: 0,
  };
}

function writeOffsetFetchResponseGroup(w: Writer, v: OffsetFetchResponseGroup, version: number): void {
  if (version >= 8) { w.compactString(v.groupId); }
  if (version >= 8) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetFetchResponseTopics(w, item, version); } }
  if (version >= 8) { w.int16(v.errorCode); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponseGroup(r: Reader, version: number): OffsetFetchResponseGroup {
  let fGroupId: string = "";
  if (version >= 8) { fGroupId = r.compactString(); }
  let fTopics: OffsetFetchResponseTopics[] = [];
  if (version >= 8) { fTopics = readCompactArray(r, 1, () => readOffsetFetchResponseTopics(r, version)); }
  let fErrorCode: number = 0;
  if (version >= 8) { fErrorCode = r.int16(); }
  if (version >= 6) r.taggedFields();
  return { groupId: fGroupId, topics: fTopics, errorCode: fErrorCode };
}

export interface OffsetFetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses per topic. */
  topics: OffsetFetchResponseTopic[];
  /** The top-level error code, or 0 if there was no error. */
  errorCode: number;
  /** The responses per group id. */
  groups: OffsetFetchResponseGroup[];
}

export function defaultOffsetFetchResponse(): OffsetFetchResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    errorCode: 0,
    groups: [],
  };
}

function writeOffsetFetchResponse(w: Writer, v: OffsetFetchResponse, version: number): void {
  if (version >= 3) { w.int32(v.throttleTimeMs); }
  if (version <= 7) { if (version >= 6 && version <= 7) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetFetchResponseTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeOffsetFetchResponseTopic(w, item, version); } } }
  if (version >= 2 && version <= 7) { w.int16(v.errorCode); }
  if (version >= 8) { w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { writeOffsetFetchResponseGroup(w, item, version); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchResponse(r: Reader, version: number): OffsetFetchResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 3) { fThrottleTimeMs = r.int32(); }
  let fTopics: OffsetFetchResponseTopic[] = [];
  if (version <= 7) { if (version >= 6 && version <= 7) { fTopics = readCompactArray(r, 1, () => readOffsetFetchResponseTopic(r, version)); } else { fTopics = readArray(r, 1, () => readOffsetFetchResponseTopic(r, version)); } }
  let fErrorCode: number = 0;
  if (version >= 2 && version <= 7) { fErrorCode = r.int16(); }
  let fGroups: OffsetFetchResponseGroup[] = [];
  if (version >= 8) { fGroups = readCompactArray(r, 1, () => readOffsetFetchResponseGroup(r, version)); }
  if (version >= 6) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics, errorCode: fErrorCode, groups: fGroups };
}

/** The versions of OffsetFetchResponse this codec reads and writes. */
export const offsetFetchResponseVersions = { min: 0, max: 9, firstFlexible: 6 } as const;

function checkOffsetFetchResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 9) {
    throw new ProtocolError('unsupported', `OffsetFetchResponse version ${version} is outside 0-9`);
  }
}

export function encodeOffsetFetchResponse(w: Writer, value: OffsetFetchResponse, version: number): void {
  checkOffsetFetchResponseVersion(version);
  writeOffsetFetchResponse(w, value, version);
}

export function decodeOffsetFetchResponse(r: Reader, version: number): OffsetFetchResponse {
  checkOffsetFetchResponseVersion(version);
  return readOffsetFetchResponse(r, version);
}
