// Generated from ShareAcknowledgeRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ShareAcknowledgeRequestAcknowledgementBatch {
  /** First offset of batch of records to acknowledge. */
  firstOffset: bigint;
  /** Last offset (inclusive) of batch of records to acknowledge. */
  lastOffset: bigint;
  /** Array of acknowledge types - 0:Gap,1:Accept,2:Release,3:Reject. */
  acknowledgeTypes: number[];
}

export function defaultShareAcknowledgeRequestAcknowledgementBatch(): ShareAcknowledgeRequestAcknowledgementBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    acknowledgeTypes: [],
  };
}

function writeShareAcknowledgeRequestAcknowledgementBatch(w: Writer, v: ShareAcknowledgeRequestAcknowledgementBatch, version: number): void {
  w.int64(v.firstOffset);
  w.int64(v.lastOffset);
  w.unsignedVarint(v.acknowledgeTypes.length + 1); for (const item of v.acknowledgeTypes) { w.int8(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeRequestAcknowledgementBatch(r: Reader, version: number): ShareAcknowledgeRequestAcknowledgementBatch {
  let fFirstOffset: bigint = 0n;
  fFirstOffset = r.int64();
  let fLastOffset: bigint = 0n;
  fLastOffset = r.int64();
  let fAcknowledgeTypes: number[] = [];
  fAcknowledgeTypes = readCompactArray(r, 1, () => r.int8());
  r.taggedFields();
  return { firstOffset: fFirstOffset, lastOffset: fLastOffset, acknowledgeTypes: fAcknowledgeTypes };
}

export interface ShareAcknowledgeRequestAcknowledgePartition {
  /** The partition index. */
  partitionIndex: number;
  /** Record batches to acknowledge. */
  acknowledgementBatches: ShareAcknowledgeRequestAcknowledgementBatch[];
}

export function defaultShareAcknowledgeRequestAcknowledgePartition(): ShareAcknowledgeRequestAcknowledgePartition {
  return {
    partitionIndex: 0,
    acknowledgementBatches: [],
  };
}

function writeShareAcknowledgeRequestAcknowledgePartition(w: Writer, v: ShareAcknowledgeRequestAcknowledgePartition, version: number): void {
  w.int32(v.partitionIndex);
  w.unsignedVarint(v.acknowledgementBatches.length + 1); for (const item of v.acknowledgementBatches) { writeShareAcknowledgeRequestAcknowledgementBatch(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeRequestAcknowledgePartition(r: Reader, version: number): ShareAcknowledgeRequestAcknowledgePartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fAcknowledgementBatches: ShareAcknowledgeRequestAcknowledgementBatch[] = [];
  fAcknowledgementBatches = readCompactArray(r, 1, () => readShareAcknowledgeRequestAcknowledgementBatch(r, version));
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, acknowledgementBatches: fAcknowledgementBatches };
}

export interface ShareAcknowledgeRequestAcknowledgeTopic {
  /** The unique topic ID. */
  topicId: string;
  /** The partitions containing records to acknowledge. */
  partitions: ShareAcknowledgeRequestAcknowledgePartition[];
}

export function defaultShareAcknowledgeRequestAcknowledgeTopic(): ShareAcknowledgeRequestAcknowledgeTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareAcknowledgeRequestAcknowledgeTopic(w: Writer, v: ShareAcknowledgeRequestAcknowledgeTopic, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeShareAcknowledgeRequestAcknowledgePartition(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeRequestAcknowledgeTopic(r: Reader, version: number): ShareAcknowledgeRequestAcknowledgeTopic {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ShareAcknowledgeRequestAcknowledgePartition[] = [];
  fPartitions = readCompactArray(r, 1, () => readShareAcknowledgeRequestAcknowledgePartition(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareAcknowledgeRequest {
  /** The group identifier. */
  groupId: string | null;
  /** The member ID. */
  memberId: string | null;
  /** The current share session epoch: 0 to open a share session; -1 to close it; otherwise increments for consecutive requests. */
  shareSessionEpoch: number;
  /** The topics containing records to acknowledge. */
  topics: ShareAcknowledgeRequestAcknowledgeTopic[];
}

export function defaultShareAcknowledgeRequest(): ShareAcknowledgeRequest {
  return {
    groupId: null,
    memberId: "",
    shareSessionEpoch: 0,
    topics: [],
  };
}

function writeShareAcknowledgeRequest(w: Writer, v: ShareAcknowledgeRequest, version: number): void {
  w.compactNullableString(v.groupId);
  w.compactNullableString(v.memberId);
  w.int32(v.shareSessionEpoch);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeShareAcknowledgeRequestAcknowledgeTopic(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeRequest(r: Reader, version: number): ShareAcknowledgeRequest {
  let fGroupId: string | null = null;
  fGroupId = r.compactNullableString();
  let fMemberId: string | null = "";
  fMemberId = r.compactNullableString();
  let fShareSessionEpoch: number = 0;
  fShareSessionEpoch = r.int32();
  let fTopics: ShareAcknowledgeRequestAcknowledgeTopic[] = [];
  fTopics = readCompactArray(r, 1, () => readShareAcknowledgeRequestAcknowledgeTopic(r, version));
  r.taggedFields();
  return { groupId: fGroupId, memberId: fMemberId, shareSessionEpoch: fShareSessionEpoch, topics: fTopics };
}

/** The versions of ShareAcknowledgeRequest this codec reads and writes. */
export const shareAcknowledgeRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareAcknowledgeRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareAcknowledgeRequest version ${version} is outside 0-0`);
  }
}

export function encodeShareAcknowledgeRequest(w: Writer, value: ShareAcknowledgeRequest, version: number): void {
  checkShareAcknowledgeRequestVersion(version);
  writeShareAcknowledgeRequest(w, value, version);
}

export function decodeShareAcknowledgeRequest(r: Reader, version: number): ShareAcknowledgeRequest {
  checkShareAcknowledgeRequestVersion(version);
  return readShareAcknowledgeRequest(r, version);
}
