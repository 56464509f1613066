// Generated from ListOffsetsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListOffsetsResponseListOffsetsPartitionResponse {
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. */
  errorCode: number;
  /** The result offsets. */
  oldStyleOffsets: bigint[];
  /** The timestamp associated with the returned offset. */
  timestamp: bigint;
  /** The returned offset. */
  offset: bigint;
  leaderEpoch: number;
}

export function defaultListOffsetsResponseListOffsetsPartitionResponse(): ListOffsetsResponseListOffsetsPartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    oldStyleOffsets: [],
    timestamp: -1n,
    offset: -1n,
    leaderEpoch: -1,
  };
}

function writeListOffsetsResponseListOffsetsPartitionResponse(w: Writer, v: ListOffsetsResponseListOffsetsPartitionResponse, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version <= 0) { w.int32(v.oldStyleOffsets.length); for (const item of v.oldStyleOffsets) { w.int64(item); } }
  if (version >= 1) { w.int64(v.timestamp); }
  if (version >= 1) { w.int64(v.offset); }
  if (version >= 4) { w.int32(v.leaderEpoch); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsResponseListOffsetsPartitionResponse(r: Reader, version: number): ListOffsetsResponseListOffsetsPartitionResponse {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fOldStyleOffsets: bigint[] = [];
  if (version <= 0) { fOldStyleOffsets = readArray(r, 8, () => r.int64()); }
  let fTimestamp: bigint = -1n;
  if (version >= 1) { fTimestamp = r.int64(); }
  let fOffset: bigint = -1n;
  if (version >= 1) { fOffset = r.int64(); }
  let fLeaderEpoch: number = -1;
  if (version >= 4) { fLeaderEpoch = r.int32(); }
  if (version >= 6) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, oldStyleOffsets: fOldStyleOffsets, timestamp: fTimestamp, offset: fOffset, leaderEpoch: fLeaderEpoch };
}

export interface ListOffsetsResponseListOffsetsTopicResponse {
  /** The topic name */
  name: string;
  /** Each partition in the response. */
  partitions: ListOffsetsResponseListOffsetsPartitionResponse[];
}

export function defaultListOffsetsResponseListOffsetsTopicResponse(): ListOffsetsResponseListOffsetsTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

function writeListOffsetsResponseListOffsetsTopicResponse(w: Writer, v: ListOffsetsResponseListOffsetsTopicResponse, version: number): void {
  if (version >= 6) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 6) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeListOffsetsResponseListOffsetsPartitionResponse(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeListOffsetsResponseListOffsetsPartitionResponse(w, item, version); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsResponseListOffsetsTopicResponse(r: Reader, version: number): ListOffsetsResponseListOffsetsTopicResponse {
  let fName: string = "";
  if (version >= 6) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: ListOffsetsResponseListOffsetsPartitionResponse[] = [];
  if (version >= 6) { fPartitions = readCompactArray(r, 1, () => readListOffsetsResponseListOffsetsPartitionResponse(r, version)); } else { fPartitions = readArray(r, 1, () => readListOffsetsResponseListOffsetsPartitionResponse(r, version)); }
  if (version >= 6) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface ListOffsetsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic in the response. */
  topics: ListOffsetsResponseListOffsetsTopicResponse[];
}

export function defaultListOffsetsResponse(): ListOffsetsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeListOffsetsResponse(w: Writer, v: ListOffsetsResponse, version: number): void {
  if (version >= 2) { w.int32(v.throttleTimeMs); }
  if (version >= 6) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeListOffsetsResponseListOffsetsTopicResponse(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeListOffsetsResponseListOffsetsTopicResponse(w, item, version); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsResponse(r: Reader, version: number): ListOffsetsResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 2) { fThrottleTimeMs = r.int32(); }
  let fTopics: ListOffsetsResponseListOffsetsTopicResponse[] = [];
  if (version >= 6) { fTopics = readCompactArray(r, 1, () => readListOffsetsResponseListOffsetsTopicResponse(r, version)); } else { fTopics = readArray(r, 1, () => readListOffsetsResponseListOffsetsTopicResponse(r, version)); }
  if (version >= 6) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of ListOffsetsResponse this codec reads and writes. */
export const listOffsetsResponseVersions = { min: 0, max: 10, firstFlexible: 6 } as const;

function checkListOffsetsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 10) {
    throw new ProtocolError('unsupported', `ListOffsetsResponse version ${version} is outside 0-10`);
  }
}

export function encodeListOffsetsResponse(w: Writer, value: ListOffsetsResponse, version: number): void {
  checkListOffsetsResponseVersion(version);
  writeListOffsetsResponse(w, value, version);
}

export function decodeListOffsetsResponse(r: Reader, version: number): ListOffsetsResponse {
  checkListOffsetsResponseVersion(version);
  return readListOffsetsResponse(r, version);
}
