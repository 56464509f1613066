// Generated from LeaderAndIsrRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface LeaderAndIsrRequestLeaderAndIsrPartitionState {
  /** The topic name.  This is only present in v0 or v1. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The broker ID of the leader. */
  leader: number;
  /** The leader epoch. */
  leaderEpoch: number;
  /** The in-sync replica IDs. */
  isr: number[];
  /** The current epoch for the partition. The epoch is a monotonically increasing value which is incremented after every partition change. (Since the LeaderAndIsr request is only used by the legacy controller, this corresponds to the zkVersion) */
  partitionEpoch: number;
  /** The replica IDs. */
  replicas: number[];
  /** The replica IDs that we are adding this partition to, or null if no replicas are being added. */
  addingReplicas: number[];
  /** The replica IDs that we are removing this partition from, or null if no replicas are being removed. */
  removingReplicas: number[];
  /** Whether the replica should have existed on the broker or not. */
  isNew: boolean;
  /** 1 if the partition is recovering from an unclean leader election; 0 otherwise. */
  leaderRecoveryState: number;
}

export function defaultLeaderAndIsrRequestLeaderAndIsrPartitionState(): LeaderAndIsrRequestLeaderAndIsrPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    partitionEpoch: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
    isNew: false,
    leaderRecoveryState: 0,
  };
}

function writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w: Writer, v: LeaderAndIsrRequestLeaderAndIsrPartitionState, version: number): void {
  if (version <= 1) { w.string(v.topicName); }
  w.int32(v.partitionIndex);
  w.int32(v.controllerEpoch);
  w.int32(v.leader);
  w.int32(v.leaderEpoch);
  if (version >= 4) { w.unsignedVarint(v.isr.length + 1); for (const item of v.isr) { w.int32(item); } } else { w.int32(v.isr.length); for (const item of v.isr) { w.int32(item); } }
  w.int32(v.partitionEpoch);
  if (version >= 4) { w.unsignedVarint(v.replicas.length + 1); for (const item of v.replicas) { w.int32(item); } } else { w.int32(v.replicas.length); for (const item of v.replicas) { w.int32(item); } }
  if (version >= 3) { if (version >= 4) { w.unsignedVarint(v.addingReplicas.length + 1); for (const item of v.addingReplicas) { w.int32(item); } } else { w.int32(v.addingReplicas.length); for (const item of v.addingReplicas) { w.int32(item); } } }
  if (version >= 3) { if (version >= 4) { w.unsignedVarint(v.removingReplicas.length + 1); for (const item of v.removingReplicas) { w.int32(item); } } else { w.int32(v.removingReplicas.length); for (const item of v.removingReplicas) { w.int32(item); } } }
  if (version >= 1) { w.bool(v.isNew); }
  if (version >= 6) { w.int8(v.leaderRecoveryState); }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrRequestLeaderAndIsrPartitionState(r: Reader, version: number): LeaderAndIsrRequestLeaderAndIsrPartitionState {
  let fTopicName: string = "";
  if (version <= 1) { fTopicName = r.string(); }
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fControllerEpoch: number = 0;
  fControllerEpoch = r.int32();
  let fLeader: number = 0;
  fLeader = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fIsr: number[] = [];
  if (version >= 4) { fIsr = readCompactArray(r, 4, () => r.int32()); } else { fIsr = readArray(r, 4, () => r.int32()); }
  let fPartitionEpoch: number = 0;
  fPartitionEpoch = r.int32();
  let fReplicas: number[] = [];
  if (version >= 4) { fReplicas = readCompactArray(r, 4, () => r.int32()); } else { fReplicas = readArray(r, 4, () => r.int32()); }
  let fAddingReplicas: number[] = [];
  if (version >= 3) { if (version >= 4) { fAddingReplicas = readCompactArray(r, 4, () => r.int32()); } else { fAddingReplicas = readArray(r, 4, () => r.int32()); } }
  let fRemovingReplicas: number[] = [];
  if (version >= 3) { if (version >= 4) { fRemovingReplicas = readCompactArray(r, 4, () => r.int32()); } else { fRemovingReplicas = readArray(r, 4, () => r.int32()); } }
  let fIsNew: boolean = false;
  if (version >= 1) { fIsNew = r.bool(); }
  let fLeaderRecoveryState: number = 0;
  if (version >= 6) { fLeaderRecoveryState = r.int8(); }
  if (version >= 4) r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex, controllerEpoch: fControllerEpoch, leader: fLeader, leaderEpoch: fLeaderEpoch, isr: fIsr, partitionEpoch: fPartitionEpoch, replicas: fReplicas, addingReplicas: fAddingReplicas, removingReplicas: fRemovingReplicas, isNew: fIsNew, leaderRecoveryState: fLeaderRecoveryState };
}

export interface LeaderAndIsrRequestLeaderAndIsrTopicState {
  /** The topic name. */
  topicName: string;
  /** The unique topic ID. */
  topicId: string;
  /** The state of each partition */
  partitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[];
}

export function defaultLeaderAndIsrRequestLeaderAndIsrTopicState(): LeaderAndIsrRequestLeaderAndIsrTopicState {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionStates: [],
  };
}

function writeLeaderAndIsrRequestLeaderAndIsrTopicState(w: Writer, v: LeaderAndIsrRequestLeaderAndIsrTopicState, version: number): void {
  if (version >= 2) { if (version >= 4) { w.compactString(v.topicName); } else { w.string(v.topicName); } }
  if (version >= 5) { w.uuid(v.topicId); }
  if (version >= 2) { if (version >= 4) { w.unsignedVarint(v.partitionStates.length + 1); for (const item of v.partitionStates) { writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w, item, version); } } else { w.int32(v.partitionStates.length); for (const item of v.partitionStates) { writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w, item, version); } } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrRequestLeaderAndIsrTopicState(r: Reader, version: number): LeaderAndIsrRequestLeaderAndIsrTopicState {
  let fTopicName: string = "";
  if (version >= 2) { if (version >= 4) { fTopicName = r.compactString(); } else { fTopicName = r.string(); } }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 5) { fTopicId = r.uuid(); }
  let fPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[] = [];
  if (version >= 2) { if (version >= 4) { fPartitionStates = readCompactArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrPartitionState(r, version)); } else { fPartitionStates = readArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrPartitionState(r, version)); } }
  if (version >= 4) r.taggedFields();
  return { topicName: fTopicName, topicId: fTopicId, partitionStates: fPartitionStates };
}

export interface LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  /** The leader's broker ID. */
  brokerId: number;
  /** The leader's hostname. */
  hostName: string;
  /** The leader's port. */
  port: number;
}

export function defaultLeaderAndIsrRequestLeaderAndIsrLiveLeader(): LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  return {
    brokerId: 0,
    hostName: "",
    port: 0,
  };
}

function writeLeaderAndIsrRequestLeaderAndIsrLiveLeader(w: Writer, v: LeaderAndIsrRequestLeaderAndIsrLiveLeader, version: number): void {
  w.int32(v.brokerId);
  if (version >= 4) { w.compactString(v.hostName); } else { w.string(v.hostName); }
  w.int32(v.port);
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrRequestLeaderAndIsrLiveLeader(r: Reader, version: number): LeaderAndIsrRequestLeaderAndIsrLiveLeader {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fHostName: string = "";
  if (version >= 4) { fHostName = r.compactString(); } else { fHostName = r.string(); }
  let fPort: number = 0;
  fPort = r.int32();
  if (version >= 4) r.taggedFields();
  return { brokerId: fBrokerId, hostName: fHostName, port: fPort };
}

export interface LeaderAndIsrRequest {
  /** The current controller ID. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 */
  isKRaftController: boolean;
  /** The current controller epoch. */
  controllerEpoch: number;
  /** The current broker epoch. */
  brokerEpoch: bigint;
  /** The type that indicates whether all topics are included in the request */
  type: number;
  /** The state of each partition, in a v0 or v1 message. */
  ungroupedPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[];
  /** Each topic. */
  topicStates: LeaderAndIsrRequestLeaderAndIsrTopicState[];
  /** The current live leaders. */
  liveLeaders: LeaderAndIsrRequestLeaderAndIsrLiveLeader[];
}

export function defaultLeaderAndIsrRequest(): LeaderAndIsrRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    type: 0,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveLeaders: [],
  };
}

function writeLeaderAndIsrRequest(w: Writer, v: LeaderAndIsrRequest, version: number): void {
  w.int32(v.controllerId);
  if (version >= 7) { w.bool(v.isKRaftController); }
  w.int32(v.controllerEpoch);
  if (version >= 2) { w.int64(v.brokerEpoch); }
  if (version >= 5) { w.int8(v.type); }
  if (version <= 1) { w.int32(v.ungroupedPartitionStates.length); for (const item of v.ungroupedPartitionStates) { writeLeaderAndIsrRequestLeaderAndIsrPartitionState(w, item, version); } }
  if (version >= 2) { if (version >= 4) { w.unsignedVarint(v.topicStates.length + 1); for (const item of v.topicStates) { writeLeaderAndIsrRequestLeaderAndIsrTopicState(w, item, version); } } else { w.int32(v.topicStates.length); for (const item of v.topicStates) { writeLeaderAndIsrRequestLeaderAndIsrTopicState(w, item, version); } } }
  if (version >= 4) { w.unsignedVarint(v.liveLeaders.length + 1); for (const item of v.liveLeaders) { writeLeaderAndIsrRequestLeaderAndIsrLiveLeader(w, item, version); } } else { w.int32(v.liveLeaders.length); for (const item of v.liveLeaders) { writeLeaderAndIsrRequestLeaderAndIsrLiveLeader(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readLeaderAndIsrRequest(r: Reader, version: number): LeaderAndIsrRequest {
  let fControllerId: number = 0;
  fControllerId = r.int32();
  let fIsKRaftController: boolean = false;
  if (version >= 7) { fIsKRaftController = r.bool(); }
  let fControllerEpoch: number = 0;
  fControllerEpoch = r.int32();
  let fBrokerEpoch: bigint = -1n;
  if (version >= 2) { fBrokerEpoch = r.int64(); }
  let fType: number = 0;
  if (version >= 5) { fType = r.int8(); }
  let fUngroupedPartitionStates: LeaderAndIsrRequestLeaderAndIsrPartitionState[] = [];
  if (version <= 1) { fUngroupedPartitionStates = readArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrPartitionState(r, version)); }
  let fTopicStates: LeaderAndIsrRequestLeaderAndIsrTopicState[] = [];
  if (version >= 2) { if (version >= 4) { fTopicStates = readCompactArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrTopicState(r, version)); } else { fTopicStates = readArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrTopicState(r, version)); } }
  let fLiveLeaders: LeaderAndIsrRequestLeaderAndIsrLiveLeader[] = [];
  if (version >= 4) { fLiveLeaders = readCompactArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrLiveLeader(r, version)); } else { fLiveLeaders = readArray(r, 1, () => readLeaderAndIsrRequestLeaderAndIsrLiveLeader(r, version)); }
  if (version >= 4) r.taggedFields();
  return { controllerId: fControllerId, isKRaftController: fIsKRaftController, controllerEpoch: fControllerEpoch, brokerEpoch: fBrokerEpoch, type: fType, ungroupedPartitionStates: fUngroupedPartitionStates, topicStates: fTopicStates, liveLeaders: fLiveLeaders };
}

/** The versions of LeaderAndIsrRequest this codec reads and writes. */
export const leaderAndIsrRequestVersions = { min: 0, max: 7, firstFlexible: 4 } as const;

function checkLeaderAndIsrRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 7) {
    throw new ProtocolError('unsupported', `LeaderAndIsrRequest version ${version} is outside 0-7`);
  }
}

export function encodeLeaderAndIsrRequest(w: Writer, value: LeaderAndIsrRequest, version: number): void {
  checkLeaderAndIsrRequestVersion(version);
  writeLeaderAndIsrRequest(w, value, version);
}

export function decodeLeaderAndIsrRequest(r: Reader, version: number): LeaderAndIsrRequest {
  checkLeaderAndIsrRequestVersion(version);
  return readLeaderAndIsrRequest(r, version);
}
