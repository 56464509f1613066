// Generated from WriteShareGroupStateRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface WriteShareGroupStateRequestStateBatch {
  /** The base offset of this state batch. */
  firstOffset: bigint;
  /** The last offset of this state batch. */
  lastOffset: bigint;
  /** The state - 0:Available,2:Acked,4:Archived */
  deliveryState: number;
  /** The delivery count. */
  deliveryCount: number;
}

export function defaultWriteShareGroupStateRequestStateBatch(): WriteShareGroupStateRequestStateBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryState: 0,
    deliveryCount: 0,
  };
}

function writeWriteShareGroupStateRequestStateBatch(w: Writer, v: WriteShareGroupStateRequestStateBatch, version: number): void {
  w.int64(v.firstOffset);
  w.int64(v.lastOffset);
  w.int8(v.deliveryState);
  w.int16(v.deliveryCount);
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateRequestStateBatch(r: Reader, version: number): WriteShareGroupStateRequestStateBatch {
  let fFirstOffset: bigint = 0n;
  fFirstOffset = r.int64();
  let fLastOffset: bigint = 0n;
  fLastOffset = r.int64();
  let fDeliveryState: number = 0;
  fDeliveryState = r.int8();
  let fDeliveryCount: number = 0;
  fDeliveryCount = r.int16();
  r.taggedFields();
  return { firstOffset: fFirstOffset, lastOffset: fLastOffset, deliveryState: fDeliveryState, deliveryCount: fDeliveryCount };
}

export interface WriteShareGroupStateRequestPartitionData {
  /** The partition index. */
  partition: number;
  /** The state epoch for this share-partition. */
  stateEpoch: number;
  /** The leader epoch of the share-partition. */
  leaderEpoch: number;
  /** The share-partition start offset, or -1 if the start offset is not being written. */
  startOffset: bigint;
  stateBatches: WriteShareGroupStateRequestStateBatch[];
}

export function defaultWriteShareGroupStateRequestPartitionData(): WriteShareGroupStateRequestPartitionData {
  return {
    partition: 0,
    stateEpoch: 0,
    leaderEpoch: 0,
    startOffset: 0n,
    stateBatches: [],
  };
}

function writeWriteShareGroupStateRequestPartitionData(w: Writer, v: WriteShareGroupStateRequestPartitionData, version: number): void {
  w.int32(v.partition);
  w.int32(v.stateEpoch);
  w.int32(v.leaderEpoch);
  w.int64(v.startOffset);
  w.unsignedVarint(v.stateBatches.length + 1); for (const item of v.stateBatches) { writeWriteShareGroupStateRequestStateBatch(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateRequestPartitionData(r: Reader, version: number): WriteShareGroupStateRequestPartitionData {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fStateEpoch: number = 0;
  fStateEpoch = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fStartOffset: bigint = 0n;
  fStartOffset = r.int64();
  let fStateBatches: WriteShareGroupStateRequestStateBatch[] = [];
  fStateBatches = readCompactArray(r, 1, () => readWriteShareGroupStateRequestStateBatch(r, version));
  r.taggedFields();
  return { partition: fPartition, stateEpoch: fStateEpoch, leaderEpoch: fLeaderEpoch, startOffset: fStartOffset, stateBatches: fStateBatches };
}

export interface WriteShareGroupStateRequestWriteStateData {
  /** The topic identifier. */
  topicId: string;
  /** The data for the partitions. */
  partitions: WriteShareGroupStateRequestPartitionData[];
}

export function defaultWriteShareGroupStateRequestWriteStateData(): WriteShareGroupStateRequestWriteStateData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeWriteShareGroupStateRequestWriteStateData(w: Writer, v: WriteShareGroupStateRequestWriteStateData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeWriteShareGroupStateRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateRequestWriteStateData(r: Reader, version: number): WriteShareGroupStateRequestWriteStateData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: WriteShareGroupStateRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readWriteShareGroupStateRequestPartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface WriteShareGroupStateRequest {
  /** The group identifier. */
  groupId: string;
  /** The data for the topics. */
  topics: WriteShareGroupStateRequestWriteStateData[];
}

export function defaultWriteShareGroupStateRequest(): WriteShareGroupStateRequest {
  return {
    groupId: "",
    topics: [],
  };
}

function writeWriteShareGroupStateRequest(w: Writer, v: WriteShareGroupStateRequest, version: number): void {
  w.compactString(v.groupId);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeWriteShareGroupStateRequestWriteStateData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateRequest(r: Reader, version: number): WriteShareGroupStateRequest {
  let fGroupId: string = "";
  fGroupId = r.compactString();
  let fTopics: WriteShareGroupStateRequestWriteStateData[] = [];
  fTopics = readCompactArray(r, 1, () => readWriteShareGroupStateRequestWriteStateData(r, version));
  r.taggedFields();
  return { groupId: fGroupId, topics: fTopics };
}

/** The versions of WriteShareGroupStateRequest this codec reads and writes. */
export const writeShareGroupStateRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkWriteShareGroupStateRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `WriteShareGroupStateRequest version ${version} is outside 0-0`);
  }
}

export function encodeWriteShareGroupStateRequest(w: Writer, value: WriteShareGroupStateRequest, version: number): void {
  checkWriteShareGroupStateRequestVersion(version);
  writeWriteShareGroupStateRequest(w, value, version);
}

export function decodeWriteShareGroupStateRequest(r: Reader, version: number): WriteShareGroupStateRequest {
  checkWriteShareGroupStateRequestVersion(version);
  return readWriteShareGroupStateRequest(r, version);
}
