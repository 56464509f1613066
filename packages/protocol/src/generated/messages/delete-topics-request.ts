// Generated from DeleteTopicsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteTopicsRequestDeleteTopicState {
  /** The topic name */
  name: string | null;
  /** The unique topic ID */
  topicId: string;
}

export function defaultDeleteTopicsRequestDeleteTopicState(): DeleteTopicsRequestDeleteTopicState {
  return {
    name: null,
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeDeleteTopicsRequestDeleteTopicState(w: Writer, v: DeleteTopicsRequestDeleteTopicState, version: number): void {
  if (version >= 6) { w.compactNullableString(v.name); }
  if (version >= 6) { w.uuid(v.topicId); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDeleteTopicsRequestDeleteTopicState(r: Reader, version: number): DeleteTopicsRequestDeleteTopicState {
  let fName: string | null = null;
  if (version >= 6) { fName = r.compactNullableString(); }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 6) { fTopicId = r.uuid(); }
  if (version >= 4) r.taggedFields();
  return { name: fName, topicId: fTopicId };
}

export interface DeleteTopicsRequest {
  /** The name or topic ID of the topic */
  topics: DeleteTopicsRequestDeleteTopicState[];
  /** The names of the topics to delete */
  topicNames: string[];
  /** The length of time in milliseconds to wait for the deletions to complete. */
  timeoutMs: number;
}

export function defaultDeleteTopicsRequest(): DeleteTopicsRequest {
  return {
    topics: [],
    topicNames: [],
    timeoutMs: 0,
  };
}

function writeDeleteTopicsRequest(w: Writer, v: DeleteTopicsRequest, version: number): void {
  if (version >= 6) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDeleteTopicsRequestDeleteTopicState(w, item, version); } }
  if (version <= 5) { if (version >= 4 && version <= 5) { w.unsignedVarint(v.topicNames.length + 1); for (const item of v.topicNames) { w.compactString(item); } } else { w.int32(v.topicNames.length); for (const item of v.topicNames) { w.string(item); } } }
  w.int32(v.timeoutMs);
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readDeleteTopicsRequest(r: Reader, version: number): DeleteTopicsRequest {
  let fTopics: DeleteTopicsRequestDeleteTopicState[] = [];
  if (version >= 6) { fTopics = readCompactArray(r, 1, () => readDeleteTopicsRequestDeleteTopicState(r, version)); }
  let fTopicNames: string[] = [];
  if (version <= 5) { if (version >= 4 && version <= 5) { fTopicNames = readCompactArray(r, 1, () => r.compactString()); } else { fTopicNames = readArray(r, 2, () => r.string()); } }
  let fTimeoutMs: number = 0;
  fTimeoutMs = r.int32();
  if (version >= 4) r.taggedFields();
  return { topics: fTopics, topicNames: fTopicNames, timeoutMs: fTimeoutMs };
}

/** The versions of DeleteTopicsRequest this codec reads and writes. */
export const deleteTopicsRequestVersions = { min: 0, max: 6, firstFlexible: 4 } as const;

function checkDeleteTopicsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 6) {
    throw new ProtocolError('unsupported', `DeleteTopicsRequest version ${version} is outside 0-6`);
  }
}

export function encodeDeleteTopicsRequest(w: Writer, value: DeleteTopicsRequest, version: number): void {
  checkDeleteTopicsRequestVersion(version);
  writeDeleteTopicsRequest(w, value, version);
}

export function decodeDeleteTopicsRequest(r: Reader, version: number): DeleteTopicsRequest {
  checkDeleteTopicsRequestVersion(version);
  return readDeleteTopicsRequest(r, version);
}
