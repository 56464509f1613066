// Generated from AlterPartitionResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterPartitionResponsePartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The partition level error code */
  errorCode: number;
  /** The broker ID of the leader. */
  leaderId: number;
  /** The leader epoch. */
  leaderEpoch: number;
  /** The in-sync replica IDs. */
  isr: number[];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. */
  leaderRecoveryState: number;
  /** The current epoch for the partition for KRaft controllers. The current ZK version for the legacy controllers. */
  partitionEpoch: number;
}

export function defaultAlterPartitionResponsePartitionData(): AlterPartitionResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    isr: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

function writeAlterPartitionResponsePartitionData(w: Writer, v: AlterPartitionResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  w.unsignedVarint(v.isr.length + 1); for (const item of v.isr) { w.int32(item); }
  if (version >= 1) { w.int8(v.leaderRecoveryState); }
  w.int32(v.partitionEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionResponsePartitionData(r: Reader, version: number): AlterPartitionResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fIsr: number[] = [];
  fIsr = readCompactArray(r, 4, () => r.int32());
  let fLeaderRecoveryState: number = 0;
  if (version >= 1) { fLeaderRecoveryState = r.int8(); }
  let fPartitionEpoch: number = 0;
  fPartitionEpoch = r.int32();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, isr: fIsr, leaderRecoveryState: fLeaderRecoveryState, partitionEpoch: fPartitionEpoch };
}

export interface AlterPartitionResponseTopicData {
  /** The name of the topic */
  topicName: string;
  /** The ID of the topic */
  topicId: string;
  partitions: AlterPartitionResponsePartitionData[];
}

export function defaultAlterPartitionResponseTopicData(): AlterPartitionResponseTopicData {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeAlterPartitionResponseTopicData(w: Writer, v: AlterPartitionResponseTopicData, version: number): void {
  if (version <= 1) { w.compactString(v.topicName); }
  if (version >= 2) { w.uuid(v.topicId); }
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAlterPartitionResponsePartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionResponseTopicData(r: Reader, version: number): AlterPartitionResponseTopicData {
  let fTopicName: string = "";
  if (version <= 1) { fTopicName = r.compactString(); }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 2) { fTopicId = r.uuid(); }
  let fPartitions: AlterPartitionResponsePartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readAlterPartitionResponsePartitionData(r, version));
  r.taggedFields();
  return { topicName: fTopicName, topicId: fTopicId, partitions: fPartitions };
}

export interface AlterPartitionResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code */
  errorCode: number;
  topics: AlterPartitionResponseTopicData[];
}

export function defaultAlterPartitionResponse(): AlterPartitionResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
  };
}

function writeAlterPartitionResponse(w: Writer, v: AlterPartitionResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAlterPartitionResponseTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionResponse(r: Reader, version: number): AlterPartitionResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTopics: AlterPartitionResponseTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readAlterPartitionResponseTopicData(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, topics: fTopics };
}

/** The versions of AlterPartitionResponse this codec reads and writes. */
export const alterPartitionResponseVersions = { min: 0, max: 3, firstFlexible: 0 } as const;

function checkAlterPartitionResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `AlterPartitionResponse version ${version} is outside 0-3`);
  }
}

export function encodeAlterPartitionResponse(w: Writer, value: AlterPartitionResponse, version: number): void {
  checkAlterPartitionResponseVersion(version);
  writeAlterPartitionResponse(w, value, version);
}

export function decodeAlterPartitionResponse(r: Reader, version: number): AlterPartitionResponse {
  checkAlterPartitionResponseVersion(version);
  return readAlterPartitionResponse(r, version);
}
