// Generated from LeaderAndIsrResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface LeaderAndIsrResponseLeaderAndIsrPartitionError {
  /** The topic name. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultLeaderAndIsrResponseLeaderAndIsrPartitionError(): LeaderAndIsrResponseLeaderAndIsrPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w: Writer, v: LeaderAndIsrResponseLeaderAndIsrPartitionError, version: number): void {
  if (version <= 4) { if (version >= 4 && version <= 4) { w.compactString(v.topicName); } else { w.string(v.topicName); } }
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrResponseLeaderAndIsrPartitionError(r: Reader, version: number): LeaderAndIsrResponseLeaderAndIsrPartitionError {
  let fTopicName: string = "";
  if (version <= 4) { if (version >= 4 && version <= 4) { fTopicName = r.compactString(); } else { fTopicName = r.string(); } }
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 4) r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface LeaderAndIsrResponseLeaderAndIsrTopicError {
  /** The unique topic ID */
  topicId: string;
  /** Each partition. */
  partitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[];
}

export function defaultLeaderAndIsrResponseLeaderAndIsrTopicError(): LeaderAndIsrResponseLeaderAndIsrTopicError {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionErrors: [],
  };
}

function writeLeaderAndIsrResponseLeaderAndIsrTopicError(w: Writer, v: LeaderAndIsrResponseLeaderAndIsrTopicError, version: number): void {
  if (version >= 5) { w.uuid(v.topicId); }
  if (version >= 5) { w.unsignedVarint(v.partitionErrors.length + 1); for (const item of v.partitionErrors) { writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrResponseLeaderAndIsrTopicError(r: Reader, version: number): LeaderAndIsrResponseLeaderAndIsrTopicError {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 5) { fTopicId = r.uuid(); }
  let fPartitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[] = [];
  if (version >= 5) { fPartitionErrors = readCompactArray(r, 1, () => readLeaderAndIsrResponseLeaderAndIsrPartitionError(r, version)); }
  if (version >= 4) r.taggedFields();
  return { topicId: fTopicId, partitionErrors: fPartitionErrors };
}

export interface LeaderAndIsrResponse {
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** Each partition in v0 to v4 message. */
  partitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[];
  /** Each topic */
  topics: LeaderAndIsrResponseLeaderAndIsrTopicError[];
}

export function defaultLeaderAndIsrResponse(): LeaderAndIsrResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
    topics: [],
  };
}

function writeLeaderAndIsrResponse(w: Writer, v: LeaderAndIsrResponse, version: number): void {
  w.int16(v.errorCode);
  if (version <= 4) { if (version >= 4 && version <= 4) { w.unsignedVarint(v.partitionErrors.length + 1); for (const item of v.partitionErrors) { writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w, item, version); } } else { w.int32(v.partitionErrors.length); for (const item of v.partitionErrors) { writeLeaderAndIsrResponseLeaderAndIsrPartitionError(w, item, version); } } }
  if (version >= 5) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeLeaderAndIsrResponseLeaderAndIsrTopicError(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrResponse(r: Reader, version: number): LeaderAndIsrResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fPartitionErrors: LeaderAndIsrResponseLeaderAndIsrPartitionError[] = [];
  if (version <= 4) { if (version >= 4 && version <= 4) { fPartitionErrors = readCompactArray(r, 1, () => readLeaderAndIsrResponseLeaderAndIsrPartitionError(r, version)); } else { fPartitionErrors = readArray(r, 1, () => readLeaderAndIsrResponseLeaderAndIsrPartitionError(r, version)); } }
  let fTopics: LeaderAndIsrResponseLeaderAndIsrTopicError[] = [];
  if (version >= 5) { fTopics = readCompactArray(r, 1, () => readLeaderAndIsrResponseLeaderAndIsrTopicError(r, version)); }
  if (version >= 4) r.taggedFields();
  return { errorCode: fErrorCode, partitionErrors: fPartitionErrors, topics: fTopics };
}

/** The versions of LeaderAndIsrResponse this codec reads and writes. */
export const leaderAndIsrResponseVersions = { min: 0, max: 7, firstFlexible: 4 } as const;

function checkLeaderAndIsrResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 7) {
    throw new ProtocolError('unsupported', `LeaderAndIsrResponse version ${version} is outside 0-7`);
  }
}

export function encodeLeaderAndIsrResponse(w: Writer, value: LeaderAndIsrResponse, version: number): void {
  checkLeaderAndIsrResponseVersion(version);
  writeLeaderAndIsrResponse(w, value, version);
}

export function decodeLeaderAndIsrResponse(r: Reader, version: number): LeaderAndIsrResponse {
  checkLeaderAndIsrResponseVersion(version);
  return readLeaderAndIsrResponse(r, version);
}
