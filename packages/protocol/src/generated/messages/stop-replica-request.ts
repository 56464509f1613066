// Generated from StopReplicaRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface StopReplicaRequestStopReplicaPartitionV0 {
  /** The topic name. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
}

export function defaultStopReplicaRequestStopReplicaPartitionV0(): StopReplicaRequestStopReplicaPartitionV0 {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

function writeStopReplicaRequestStopReplicaPartitionV0(w: Writer, v: StopReplicaRequestStopReplicaPartitionV0, version: number): void {
  if (version <= 0) { w.string(v.topicName); }
  if (version <= 0) { w.int32(v.partitionIndex); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaRequestStopReplicaPartitionV0(r: Reader, version: number): StopReplicaRequestStopReplicaPartitionV0 {
  let fTopicName: string = "";
  if (version <= 0) { fTopicName = r.string(); }
  let fPartitionIndex: number = 0;
  if (version <= 0) { fPartitionIndex = r.int32(); }
  if (version >= 2) r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex };
}

export interface StopReplicaRequestStopReplicaTopicV1 {
  /** The topic name. */
  name: string;
  /** The partition indexes. */
  partitionIndexes: number[];
}

export function defaultStopReplicaRequestStopReplicaTopicV1(): StopReplicaRequestStopReplicaTopicV1 {
  return {
    name: "",
    partitionIndexes: [],
  };
}

function writeStopReplicaRequestStopReplicaTopicV1(w: Writer, v: StopReplicaRequestStopReplicaTopicV1, version: number): void {
  if (version >= 1 && version <= 2) { if (version >= 2 && version <= 2) { w.compactString(v.name); } else { w.string(v.name); } }
  if (version >= 1 && version <= 2) { if (version >= 2 && version <= 2) { w.unsignedVarint(v.partitionIndexes.length + 1); for (const item of v.partitionIndexes) { w.int32(item); } } else { w.int32(v.partitionIndexes.length); for (const item of v.partitionIndexes) { w.int32(item); } } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaRequestStopReplicaTopicV1(r: Reader, version: number): StopReplicaRequestStopReplicaTopicV1 {
  let fName: string = "";
  if (version >= 1 && version <= 2) { if (version >= 2 && version <= 2) { fName = r.compactString(); } else { fName = r.string(); } }
  let fPartitionIndexes: number[] = [];
  if (version >= 1 && version <= 2) { if (version >= 2 && version <= 2) { fPartitionIndexes = readCompactArray(r, 4, () => r.int32()); } else { fPartitionIndexes = readArray(r, 4, () => r.int32()); } }
  if (version >= 2) r.taggedFields();
  return { name: fName, partitionIndexes: fPartitionIndexes };
}

export interface StopReplicaRequestStopReplicaPartitionState {
  /** The partition index. */
  partitionIndex: number;
  /** The leader epoch. */
  leaderEpoch: number;
  /** Whether this partition should be deleted. */
  deletePartition: boolean;
}

export function defaultStopReplicaRequestStopReplicaPartitionState(): StopReplicaRequestStopReplicaPartitionState {
  return {
    partitionIndex: 0,
    leaderEpoch: -1,
    deletePartition: false,
  };
}

function writeStopReplicaRequestStopReplicaPartitionState(w: Writer, v: StopReplicaRequestStopReplicaPartitionState, version: number): void {
  if (version >= 3) { w.int32(v.partitionIndex); }
  if (version >= 3) { w.int32(v.leaderEpoch); }
  if (version >= 3) { w.bool(v.deletePartition); }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaRequestStopReplicaPartitionState(r: Reader, version: number): StopReplicaRequestStopReplicaPartitionState {
  let fPartitionIndex: number = 0;
  if (version >= 3) { fPartitionIndex = r.int32(); }
  let fLeaderEpoch: number = -1;
  if (version >= 3) { fLeaderEpoch = r.int32(); }
  let fDeletePartition: boolean = false;
  if (version >= 3) { fDeletePartition = r.bool(); }
  if (version >= 2) r.taggedFields();
  return { partitionIndex: fPartitionIndex, leaderEpoch: fLeaderEpoch, deletePartition: fDeletePartition };
}

export interface StopReplicaRequestStopReplicaTopicState {
  /** The topic name. */
  topicName: string;
  /** The state of each partition */
  partitionStates: StopReplicaRequestStopReplicaPartitionState[];
}

export function defaultStopReplicaRequestStopReplicaTopicState(): StopReplicaRequestStopReplicaTopicState {
  return {
    topicName: "",
    partitionStates: [],
  };
}

function writeStopReplicaRequestStopReplicaTopicState(w: Writer, v: StopReplicaRequestStopReplicaTopicState, version: number): void {
  if (version >= 3) { w.compactString(v.topicName); }
  if (version >= 3) { w.unsignedVarint(v.partitionStates.length + 1); for (const item of v.partitionStates) { writeStopReplicaRequestStopReplicaPartitionState(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaRequestStopReplicaTopicState(r: Reader, version: number): StopReplicaRequestStopReplicaTopicState {
  let fTopicName: string = "";
  if (version >= 3) { fTopicName = r.compactString(); }
  let fPartitionStates: StopReplicaRequestStopReplicaPartitionState[] = [];
  if (version >= 3) { fPartitionStates = readCompactArray(r, 1, () => readStopReplicaRequestStopReplicaPartitionState(r, version)); }
  if (version >= 2) r.taggedFields();
  return { topicName: fTopicName, partitionStates: fPartitionStates };
}

export interface StopReplicaRequest {
  /** The controller id. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 */
  isKRaftController: boolean;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The broker epoch. */
  brokerEpoch: bigint;
  /** Whether these partitions should be deleted. */
  deletePartitions: boolean;
  /** The partitions to stop. */
  ungroupedPartitions: StopReplicaRequestStopReplicaPartitionV0[];
  /** The topics to stop. */
  topics: StopReplicaRequestStopReplicaTopicV1[];
  /** Each topic. */
  topicStates: StopReplicaRequestStopReplicaTopicState[];
}

export function defaultStopReplicaRequest(): StopReplicaRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    deletePartitions: false,
    ungroupedPartitions: [],
    topics: [],
    topicStates: [],
  };
}

function writeStopReplicaRequest(w: Writer, v: StopReplicaRequest, version: number): void {
  w.int32(v.controllerId);
  if (version >= 4) { w.bool(v.isKRaftController); }
  w.int32(v.controllerEpoch);
  if (version >= 1) { w.int64(v.brokerEpoch); }
  if (version <= 2) { w.bool(v.deletePartitions); }
  if (version <= 0) { w.int32(v.ungroupedPartitions.length); for (const item of v.ungroupedPartitions) { writeStopReplicaRequestStopReplicaPartitionV0(w, item, version); } }
  if (version >= 1 && version <= 2) { if (version >= 2 && version <= 2) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeStopReplicaRequestStopReplicaTopicV1(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeStopReplicaRequestStopReplicaTopicV1(w, item, version); } } }
  if (version >= 3) { w.unsignedVarint(v.topicStates.length + 1); for (const item of v.topicStates) { writeStopReplicaRequestStopReplicaTopicState(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaRequest(r: Reader, version: number): StopReplicaRequest {
  let fControllerId: number = 0;
  fControllerId = r.int32();
  let fIsKRaftController: boolean = false;
  if (version >= 4) { fIsKRaftController = r.bool(); }
  let fControllerEpoch: number = 0;
  fControllerEpoch = r.int32();
  let fBrokerEpoch: bigint = -1n;
  if (version >= 1) { fBrokerEpoch = r.int64(); }
  let fDeletePartitions: boolean = false;
  if (version <= 2) { fDeletePartitions = r.bool(); }
  let fUngroupedPartitions: StopReplicaRequestStopReplicaPartitionV0[] = [];
  if (version <= 0) { fUngroupedPartitions = readArray(r, 1, () => readStopReplicaRequestStopReplicaPartitionV0(r, version)); }
  let fTopics: StopReplicaRequestStopReplicaTopicV1[] = [];
  if (version >= 1 && version <= 2) { if (version >= 2 && version <= 2) { fTopics = readCompactArray(r, 1, () => readStopReplicaRequestStopReplicaTopicV1(r, version)); } else { fTopics = readArray(r, 1, () => readStopReplicaRequestStopReplicaTopicV1(r, version)); } }
  let fTopicStates: StopReplicaRequestStopReplicaTopicState[] = [];
  if (version >= 3) { fTopicStates = readCompactArray(r, 1, () => readStopReplicaRequestStopReplicaTopicState(r, version)); }
  if (version >= 2) r.taggedFields();
  return { controllerId: fControllerId, isKRaftController: fIsKRaftController, controllerEpoch: fControllerEpoch, brokerEpoch: fBrokerEpoch, deletePartitions: fDeletePartitions, ungroupedPartitions: fUngroupedPartitions, topics: fTopics, topicStates: fTopicStates };
}

/** The versions of StopReplicaRequest this codec reads and writes. */
export const stopReplicaRequestVersions = { min: 0, max: 4, firstFlexible: 2 } as const;

function checkStopReplicaRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `StopReplicaRequest version ${version} is outside 0-4`);
  }
}

export function encodeStopReplicaRequest(w: Writer, value: StopReplicaRequest, version: number): void {
  checkStopReplicaRequestVersion(version);
  writeStopReplicaRequest(w, value, version);
}

export function decodeStopReplicaRequest(r: Reader, version: number): StopReplicaRequest {
  checkStopReplicaRequestVersion(version);
  return readStopReplicaRequest(r, version);
}
