// Generated from ShareFetchRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ShareFetchRequestAcknowledgementBatch {
  /** First offset of batch of records to acknowledge. */
  firstOffset: bigint;
  /** Last offset (inclusive) of batch of records to acknowledge. */
  lastOffset: bigint;
  /** Array of acknowledge types - 0:Gap,1:Accept,2:Release,3:Reject. */
  acknowledgeTypes: number[];
}

export function defaultShareFetchRequestAcknowledgementBatch(): ShareFetchRequestAcknowledgementBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    acknowledgeTypes: [],
  };
}

function writeShareFetchRequestAcknowledgementBatch(w: Writer, v: ShareFetchRequestAcknowledgementBatch, version: number): void {
  w.int64(v.firstOffset);
  w.int64(v.lastOffset);
  w.unsignedVarint(v.acknowledgeTypes.length + 1); for (const item of v.acknowledgeTypes) { w.int8(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchRequestAcknowledgementBatch(r: Reader, version: number): ShareFetchRequestAcknowledgementBatch {
  let fFirstOffset: bigint = 0n;
  fFirstOffset = r.int64();
  let fLastOffset: bigint = 0n;
  fLastOffset = r.int64();
  let fAcknowledgeTypes: number[] = [];
  fAcknowledgeTypes = readCompactArray(r, 1, () => r.int8());
  r.taggedFields();
  return { firstOffset: fFirstOffset, lastOffset: fLastOffset, acknowledgeTypes: fAcknowledgeTypes };
}

export interface ShareFetchRequestFetchPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The maximum bytes to fetch from this partition. 0 when only acknowledgement with no fetching is required. See KIP-74 for cases where this limit may not be honored. */
  partitionMaxBytes: number;
  /** Record batches to acknowledge. */
  acknowledgementBatches: ShareFetchRequestAcknowledgementBatch[];
}

export function defaultShareFetchRequestFetchPartition(): ShareFetchRequestFetchPartition {
  return {
    partitionIndex: 0,
    partitionMaxBytes: 0,
    acknowledgementBatches: [],
  };
}

function writeShareFetchRequestFetchPartition(w: Writer, v: ShareFetchRequestFetchPartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int32(v.partitionMaxBytes);
  w.unsignedVarint(v.acknowledgementBatches.length + 1); for (const item of v.acknowledgementBatches) { writeShareFetchRequestAcknowledgementBatch(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchRequestFetchPartition(r: Reader, version: number): ShareFetchRequestFetchPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fPartitionMaxBytes: number = 0;
  fPartitionMaxBytes = r.int32();
  let fAcknowledgementBatches: ShareFetchRequestAcknowledgementBatch[] = [];
  fAcknowledgementBatches = readCompactArray(r, 1, () => readShareFetchRequestAcknowledgementBatch(r, version));
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, partitionMaxBytes: fPartitionMaxBytes, acknowledgementBatches: fAcknowledgementBatches };
}

export interface ShareFetchRequestFetchTopic {
  /** The unique topic ID. */
  topicId: string;
  /** The partitions to fetch. */
  partitions: ShareFetchRequestFetchPartition[];
}

export function defaultShareFetchRequestFetchTopic(): ShareFetchRequestFetchTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareFetchRequestFetchTopic(w: Writer, v: ShareFetchRequestFetchTopic, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeShareFetchRequestFetchPartition(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchRequestFetchTopic(r: Reader, version: number): ShareFetchRequestFetchTopic {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ShareFetchRequestFetchPartition[] = [];
  fPartitions = readCompactArray(r, 1, () => readShareFetchRequestFetchPartition(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareFetchRequestForgottenTopic {
  /** The unique topic ID. */
  topicId: string;
  /** The partitions indexes to forget. */
  partitions: number[];
}

export function defaultShareFetchRequestForgottenTopic(): ShareFetchRequestForgottenTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareFetchRequestForgottenTopic(w: Writer, v: ShareFetchRequestForgottenTopic, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchRequestForgottenTopic(r: Reader, version: number): ShareFetchRequestForgottenTopic {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareFetchRequest {
  /** The group identifier. */
  groupId: string | null;
  /** The member ID. */
  memberId: string | null;
  /** The current share session epoch: 0 to open a share session; -1 to close it; otherwise increments for consecutive requests. */
  shareSessionEpoch: number;
  /** The maximum time in milliseconds to wait for the response. */
  maxWaitMs: number;
  /** The minimum bytes to accumulate in the response. */
  minBytes: number;
  /** The maximum bytes to fetch.  See KIP-74 for cases where this limit may not be honored. */
  maxBytes: number;
  /** The topics to fetch. */
  topics: ShareFetchRequestFetchTopic[];
  /** The partitions to remove from this share session. */
  forgottenTopicsData: ShareFetchRequestForgottenTopic[];
}

export function defaultShareFetchRequest(): ShareFetchRequest {
  return {
    groupId: null,
    memberId: "",
    shareSessionEpoch: 0,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    topics: [],
    forgottenTopicsData: [],
  };
}

function writeShareFetchRequest(w: Writer, v: ShareFetchRequest, version: number): void {
  w.compactNullableString(v.groupId);
  w.compactNullableString(v.memberId);
  w.int32(v.shareSessionEpoch);
  w.int32(v.maxWaitMs);
  w.int32(v.minBytes);
  w.int32(v.maxBytes);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeShareFetchRequestFetchTopic(w, item, version); }
  w.unsignedVarint(v.forgottenTopicsData.length + 1); for (const item of v.forgottenTopicsData) { writeShareFetchRequestForgottenTopic(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchRequest(r: Reader, version: number): ShareFetchRequest {
  let fGroupId: string | null = null;
  fGroupId = r.compactNullableString();
  let fMemberId: string | null = "";
  fMemberId = r.compactNullableString();
  let fShareSessionEpoch: number = 0;
  fShareSessionEpoch = r.int32();
  let fMaxWaitMs: number = 0;
  fMaxWaitMs = r.int32();
  let fMinBytes: number = 0;
  fMinBytes = r.int32();
  let fMaxBytes: number = 2147483647;
  fMaxBytes = r.int32();
  let fTopics: ShareFetchRequestFetchTopic[] = [];
  fTopics = readCompactArray(r, 1, () => readShareFetchRequestFetchTopic(r, version));
  let fForgottenTopicsData: ShareFetchRequestForgottenTopic[] = [];
  fForgottenTopicsData = readCompactArray(r, 1, () => readShareFetchRequestForgottenTopic(r, version));
  r.taggedFields();
  return { groupId: fGroupId, memberId: fMemberId, shareSessionEpoch: fShareSessionEpoch, maxWaitMs: fMaxWaitMs, minBytes: fMinBytes, maxBytes: fMaxBytes, topics: fTopics, forgottenTopicsData: fForgottenTopicsData };
}

/** The versions of ShareFetchRequest this codec reads and writes. */
export const shareFetchRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareFetchRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareFetchRequest version ${version} is outside 0-0`);
  }
}

export function encodeShareFetchRequest(w: Writer, value: ShareFetchRequest, version: number): void {
  checkShareFetchRequestVersion(version);
  writeShareFetchRequest(w, value, version);
}

export function decodeShareFetchRequest(r: Reader, version: number): ShareFetchRequest {
  checkShareFetchRequestVersion(version);
  return readShareFetchRequest(r, version);
}
