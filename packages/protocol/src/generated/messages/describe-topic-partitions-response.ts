// Generated from DescribeTopicPartitionsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeTopicPartitionsResponsePartition {
  /** The partition error, or 0 if there was no error. */
  errorCode: number;
  /** The partition index. */
  partitionIndex: number;
  /** The ID of the leader broker. */
  leaderId: number;
  /** The leader epoch of this partition. */
  leaderEpoch: number;
  /** The set of all nodes that host this partition. */
  replicaNodes: number[];
  /** The set of nodes that are in sync with the leader for this partition. */
  isrNodes: number[];
  /** The new eligible leader replicas otherwise. */
  eligibleLeaderReplicas: number[] | null;
  /** The last known ELR. */
  lastKnownElr: number[] | null;
  /** The set of offline replicas of this partition. */
  offlineReplicas: number[];
}

export function defaultDescribeTopicPartitionsResponsePartition(): DescribeTopicPartitionsResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    eligibleLeaderReplicas: null,
    lastKnownElr: null,
    offlineReplicas: [],
  };
}

function writeDescribeTopicPartitionsResponsePartition(w: Writer, v: DescribeTopicPartitionsResponsePartition, version: number): void {
  w.int16(v.errorCode);
  w.int32(v.partitionIndex);
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  w.unsignedVarint(v.replicaNodes.length + 1); for (const item of v.replicaNodes) { w.int32(item); }
  w.unsignedVarint(v.isrNodes.length + 1); for (const item of v.isrNodes) { w.int32(item); }
  if (v.eligibleLeaderReplicas === null) w.unsignedVarint(0); else { w.unsignedVarint(v.eligibleLeaderReplicas.length + 1); for (const item of v.eligibleLeaderReplicas) { w.int32(item); } }
  if (v.lastKnownElr === null) w.unsignedVarint(0); else { w.unsignedVarint(v.lastKnownElr.length + 1); for (const item of v.lastKnownElr) { w.int32(item); } }
  w.unsignedVarint(v.offlineReplicas.length + 1); for (const item of v.offlineReplicas) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsResponsePartition(r: Reader, version: number): DescribeTopicPartitionsResponsePartition {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = -1;
  fLeaderEpoch = r.int32();
  let fReplicaNodes: number[] = [];
  fReplicaNodes = readCompactArray(r, 4, () => r.int32());
  let fIsrNodes: number[] = [];
  fIsrNodes = readCompactArray(r, 4, () => r.int32());
  let fEligibleLeaderReplicas: number[] | null = null;
  fEligibleLeaderReplicas = readCompactArrayNullable(r, 4, () => r.int32());
  let fLastKnownElr: number[] | null = null;
  fLastKnownElr = readCompactArrayNullable(r, 4, () => r.int32());
  let fOfflineReplicas: number[] = [];
  fOfflineReplicas = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { errorCode: fErrorCode, partitionIndex: fPartitionIndex, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, replicaNodes: fReplicaNodes, isrNodes: fIsrNodes, eligibleLeaderReplicas: fEligibleLeaderReplicas, lastKnownElr: fLastKnownElr, offlineReplicas: fOfflineReplicas };
}

export interface DescribeTopicPartitionsResponseTopic {
  /** The topic error, or 0 if there was no error. */
  errorCode: number;
  /** The topic name. */
  name: string | null;
  /** The topic id. */
  topicId: string;
  /** True if the topic is internal. */
  isInternal: boolean;
  /** Each partition in the topic. */
  partitions: DescribeTopicPartitionsResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. */
  topicAuthorizedOperations: number;
}

export function defaultDescribeTopicPartitionsResponseTopic(): DescribeTopicPartitionsResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

function writeDescribeTopicPartitionsResponseTopic(w: Writer, v: DescribeTopicPartitionsResponseTopic, version: number): void {
  w.int16(v.errorCode);
  w.compactNullableString(v.name);
  w.uuid(v.topicId);
  w.bool(v.isInternal);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDescribeTopicPartitionsResponsePartition(w, item, version); }
  w.int32(v.topicAuthorizedOperations);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsResponseTopic(r: Reader, version: number): DescribeTopicPartitionsResponseTopic {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fName: string | null = "";
  fName = r.compactNullableString();
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fIsInternal: boolean = false;
  fIsInternal = r.bool();
  let fPartitions: DescribeTopicPartitionsResponsePartition[] = [];
  fPartitions = readCompactArray(r, 1, () => readDescribeTopicPartitionsResponsePartition(r, version));
  let fTopicAuthorizedOperations: number = -2147483648;
  fTopicAuthorizedOperations = r.int32();
  r.taggedFields();
  return { errorCode: fErrorCode, name: fName, topicId: fTopicId, isInternal: fIsInternal, partitions: fPartitions, topicAuthorizedOperations: fTopicAuthorizedOperations };
}

export interface DescribeTopicPartitionsResponseCursor {
  /** The name for the first topic to process */
  topicName: string;
  /** The partition index to start with */
  partitionIndex: number;
}

export function defaultDescribeTopicPartitionsResponseCursor(): DescribeTopicPartitionsResponseCursor {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

function writeDescribeTopicPartitionsResponseCursor(w: Writer, v: DescribeTopicPartitionsResponseCursor, version: number): void {
  w.compactString(v.topicName);
  w.int32(v.partitionIndex);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsResponseCursor(r: Reader, version: number): DescribeTopicPartitionsResponseCursor {
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex };
}

export interface DescribeTopicPartitionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic in the response. */
  topics: DescribeTopicPartitionsResponseTopic[];
  /** The next topic and partition index to fetch details for. */
  nextCursor: DescribeTopicPartitionsResponseCursor | null;
}

export function defaultDescribeTopicPartitionsResponse(): DescribeTopicPartitionsResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
    nextCursor: null,
  };
}

function writeDescribeTopicPartitionsResponse(w: Writer, v: DescribeTopicPartitionsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeTopicPartitionsResponseTopic(w, item, version); }
  if (v.nextCursor === null) w.int8(-1); else { w.int8(1); writeDescribeTopicPartitionsResponseCursor(w, v.nextCursor, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTopicPartitionsResponse(r: Reader, version: number): DescribeTopicPartitionsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fTopics: DescribeTopicPartitionsResponseTopic[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeTopicPartitionsResponseTopic(r, version));
  let fNextCursor: DescribeTopicPartitionsResponseCursor | null = null;
  fNextCursor = (r.int8() < 0 ? null : readDescribeTopicPartitionsResponseCursor(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics, nextCursor: fNextCursor };
}

/** The versions of DescribeTopicPartitionsResponse this codec reads and writes. */
export const describeTopicPartitionsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeTopicPartitionsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeTopicPartitionsResponse version ${version} is outside 0-0`);
  }
}

export function encodeDescribeTopicPartitionsResponse(w: Writer, value: DescribeTopicPartitionsResponse, version: number): void {
  checkDescribeTopicPartitionsResponseVersion(version);
  writeDescribeTopicPartitionsResponse(w, value, version);
}

export function decodeDescribeTopicPartitionsResponse(r: Reader, version: number): DescribeTopicPartitionsResponse {
  checkDescribeTopicPartitionsResponseVersion(version);
  return readDescribeTopicPartitionsResponse(r, version);
}
