// Generated from AlterPartitionRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterPartitionRequestBrokerState {
  /** The ID of the broker. */
  brokerId: number;
  /** The epoch of the broker. It will be -1 if the epoch check is not supported. */
  brokerEpoch: bigint;
}

export function defaultAlterPartitionRequestBrokerState(): AlterPartitionRequestBrokerState {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

function writeAlterPartitionRequestBrokerState(w: Writer, v: AlterPartitionRequestBrokerState, version: number): void {
  if (version >= 3) { w.int32(v.brokerId); }
  if (version >= 3) { w.int64(v.brokerEpoch); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionRequestBrokerState(r: Reader, version: number): AlterPartitionRequestBrokerState {
  let fBrokerId: number = 0;
  if (version >= 3) { fBrokerId = r.int32(); }
  let fBrokerEpoch: bigint = -1n;
  if (version >= 3) { fBrokerEpoch = r.int64(); }
  r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
}

export interface AlterPartitionRequestPartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The leader epoch of this partition */
  leaderEpoch: number;
  /** The ISR for this partition. Deprecated since version 3. */
  newIsr: number[];
  newIsrWithEpochs: AlterPartitionRequestBrokerState[];
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. */
  leaderRecoveryState: number;
  /** The expected epoch of the partition which is being updated. For legacy cluster this is the ZkVersion in the LeaderAndIsr request. */
  partitionEpoch: number;
}

export function defaultAlterPartitionRequestPartitionData(): AlterPartitionRequestPartitionData {
  return {
    partitionIndex: 0,
    leaderEpoch: 0,
    newIsr: [],
    newIsrWithEpochs: [],
    leaderRecoveryState: 0,
    partitionEpoch: 0,
  };
}

function writeAlterPartitionRequestPartitionData(w: Writer, v: AlterPartitionRequestPartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int32(v.leaderEpoch);
  if (version <= 2) { w.unsignedVarint(v.newIsr.length + 1); for (const item of v.newIsr) { w.int32(item); } }
  if (version >= 3) { w.unsignedVarint(v.newIsrWithEpochs.length + 1); for (const item of v.newIsrWithEpochs) { writeAlterPartitionRequestBrokerState(w, item, version); } }
  if (version >= 1) { w.int8(v.leaderRecoveryState); }
  w.int32(v.partitionEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionRequestPartitionData(r: Reader, version: number): AlterPartitionRequestPartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fNewIsr: number[] = [];
  if (version <= 2) { fNewIsr = readCompactArray(r, 4, () => r.int32()); }
  let fNewIsrWithEpochs: AlterPartitionRequestBrokerState[] = [];
  if (version >= 3) { fNewIsrWithEpochs = readCompactArray(r, 1, () => readAlterPartitionRequestBrokerState(r, version)); }
  let fLeaderRecoveryState: number = 0;
  if (version >= 1) { fLeaderRecoveryState = r.int8(); }
  let fPartitionEpoch: number = 0;
  fPartitionEpoch = r.int32();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, leaderEpoch: fLeaderEpoch, newIsr: fNewIsr, newIsrWithEpochs: fNewIsrWithEpochs, leaderRecoveryState: fLeaderRecoveryState, partitionEpoch: fPartitionEpoch };
}

export interface AlterPartitionRequestTopicData {
  /** The name of the topic to alter ISRs for */
  topicName: string;
  /** The ID of the topic to alter ISRs for */
  topicId: string;
  partitions: AlterPartitionRequestPartitionData[];
}

export function defaultAlterPartitionRequestTopicData(): AlterPartitionRequestTopicData {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeAlterPartitionRequestTopicData(w: Writer, v: AlterPartitionRequestTopicData, version: number): void {
  if (version <= 1) { w.compactString(v.topicName); }
  if (version >= 2) { w.uuid(v.topicId); }
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAlterPartitionRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionRequestTopicData(r: Reader, version: number): AlterPartitionRequestTopicData {
  let fTopicName: string = "";
  if (version <= 1) { fTopicName = r.compactString(); }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 2) { fTopicId = r.uuid(); }
  let fPartitions: AlterPartitionRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readAlterPartitionRequestPartitionData(r, version));
  r.taggedFields();
  return { topicName: fTopicName, topicId: fTopicId, partitions: fPartitions };
}

export interface AlterPartitionRequest {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker */
  brokerEpoch: bigint;
  topics: AlterPartitionRequestTopicData[];
}

export function defaultAlterPartitionRequest(): AlterPartitionRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    topics: [],
  };
}

function writeAlterPartitionRequest(w: Writer, v: AlterPartitionRequest, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAlterPartitionRequestTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionRequest(r: Reader, version: number): AlterPartitionRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = -1n;
  fBrokerEpoch = r.int64();
  let fTopics: AlterPartitionRequestTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readAlterPartitionRequestTopicData(r, version));
  r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, topics: fTopics };
}

/** The versions of AlterPartitionRequest this codec reads and writes. */
export const alterPartitionRequestVersions = { min: 0, max: 3, firstFlexible: 0 } as const;

function checkAlterPartitionRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `AlterPartitionRequest version ${version} is outside 0-3`);
  }
}

export function encodeAlterPartitionRequest(w: Writer, value: AlterPartitionRequest, version: number): void {
  checkAlterPartitionRequestVersion(version);
  writeAlterPartitionRequest(w, value, version);
}

export function decodeAlterPartitionRequest(r: Reader, version: number): AlterPartitionRequest {
  checkAlterPartitionRequestVersion(version);
  return readAlterPartitionRequest(r, version);
}
