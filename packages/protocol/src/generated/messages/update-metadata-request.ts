// Generated from UpdateMetadataRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface UpdateMetadataRequestUpdateMetadataPartitionState {
  /** In older versions of this RPC, the topic name. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The ID of the broker which is the current partition leader. */
  leader: number;
  /** The leader epoch of this partition. */
  leaderEpoch: number;
  /** The brokers which are in the ISR for this partition. */
  isr: number[];
  /** The Zookeeper version. */
  zkVersion: number;
  /** All the replicas of this partition. */
  replicas: number[];
  /** The replicas of this partition which are offline. */
  offlineReplicas: number[];
}

export function defaultUpdateMetadataRequestUpdateMetadataPartitionState(): UpdateMetadataRequestUpdateMetadataPartitionState {
  return {
    topicName: "",
    partitionIndex: 0,
    controllerEpoch: 0,
    leader: 0,
    leaderEpoch: 0,
    isr: [],
    zkVersion: 0,
    replicas: [],
    offlineReplicas: [],
  };
}

function writeUpdateMetadataRequestUpdateMetadataPartitionState(w: Writer, v: UpdateMetadataRequestUpdateMetadataPartitionState, version: number): void {
  if (version <= 4) { w.string(v.topicName); }
  w.int32(v.partitionIndex);
  w.int32(v.controllerEpoch);
  w.int32(v.leader);
  w.int32(v.leaderEpoch);
  if (version >= 6) { w.unsignedVarint(v.isr.length + 1); for (const item of v.isr) { w.int32(item); } } else { w.int32(v.isr.length); for (const item of v.isr) { w.int32(item); } }
  w.int32(v.zkVersion);
  if (version >= 6) { w.unsignedVarint(v.replicas.length + 1); for (const item of v.replicas) { w.int32(item); } } else { w.int32(v.replicas.length); for (const item of v.replicas) { w.int32(item); } }
  if (version >= 4) { if (version >= 6) { w.unsignedVarint(v.offlineReplicas.length + 1); for (const item of v.offlineReplicas) { w.int32(item); } } else { w.int32(v.offlineReplicas.length); for (const item of v.offlineReplicas) { w.int32(item); } } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readUpdateMetadataRequestUpdateMetadataPartitionState(r: Reader, version: number): UpdateMetadataRequestUpdateMetadataPartitionState {
  let fTopicName: string = "";
  if (version <= 4) { fTopicName = r.string(); }
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fControllerEpoch: number = 0;
  fControllerEpoch = r.int32();
  let fLeader: number = 0;
  fLeader = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fIsr: number[] = [];
  if (version >= 6) { fIsr = readCompactArray(r, 4, () => r.int32()); } else { fIsr = readArray(r, 4, () => r.int32()); }
  let fZkVersion: number = 0;
  fZkVersion = r.int32();
  let fReplicas: number[] = [];
  if (version >= 6) { fReplicas = readCompactArray(r, 4, () => r.int32()); } else { fReplicas = readArray(r, 4, () => r.int32()); }
  let fOfflineReplicas: number[] = [];
  if (version >= 4) { if (version >= 6) { fOfflineReplicas = readCompactArray(r, 4, () => r.int32()); } else { fOfflineReplicas = readArray(r, 4, () => r.int32()); } }
  if (version >= 6) r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex, controllerEpoch: fControllerEpoch, leader: fLeader, leaderEpoch: fLeaderEpoch, isr: fIsr, zkVersion: fZkVersion, replicas: fReplicas, offlineReplicas: fOfflineReplicas };
}

export interface UpdateMetadataRequestUpdateMetadataTopicState {
  /** The topic name. */
  topicName: string;
  /** The topic id. */
  topicId: string;
  /** The partition that we would like to update. */
  partitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[];
}

export function defaultUpdateMetadataRequestUpdateMetadataTopicState(): UpdateMetadataRequestUpdateMetadataTopicState {
  return {
    topicName: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitionStates: [],
  };
}

function writeUpdateMetadataRequestUpdateMetadataTopicState(w: Writer, v: UpdateMetadataRequestUpdateMetadataTopicState, version: number): void {
  if (version >= 5) { if (version >= 6) { w.compactString(v.topicName); } else { w.string(v.topicName); } }
  if (version >= 7) { w.uuid(v.topicId); }
  if (version >= 5) { if (version >= 6) { w.unsignedVarint(v.partitionStates.length + 1); for (const item of v.partitionStates) { writeUpdateMetadataRequestUpdateMetadataPartitionState(w, item, version); } } else { w.int32(v.partitionStates.length); for (const item of v.partitionStates) { writeUpdateMetadataRequestUpdateMetadataPartitionState(w, item, version); } } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readUpdateMetadataRequestUpdateMetadataTopicState(r: Reader, version: number): UpdateMetadataRequestUpdateMetadataTopicState {
  let fTopicName: string = "";
  if (version >= 5) { if (version >= 6) { fTopicName = r.compactString(); } else { fTopicName = r.string(); } }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 7) { fTopicId = r.uuid(); }
  let fPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[] = [];
  if (version >= 5) { if (version >= 6) { fPartitionStates = readCompactArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataPartitionState(r, version)); } else { fPartitionStates = readArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataPartitionState(r, version)); } }
  if (version >= 6) r.taggedFields();
  return { topicName: fTopicName, topicId: fTopicId, partitionStates: fPartitionStates };
}

export interface UpdateMetadataRequestUpdateMetadataEndpoint {
  /** The port of this endpoint */
  port: number;
  /** The hostname of this endpoint */
  host: string;
  /** The listener name. */
  listener: string;
  /** The security protocol type. */
  securityProtocol: number;
}

export function defaultUpdateMetadataRequestUpdateMetadataEndpoint(): UpdateMetadataRequestUpdateMetadataEndpoint {
  return {
    port: 0,
    host: "",
    listener: "",
    securityProtocol: 0,
  };
}

function writeUpdateMetadataRequestUpdateMetadataEndpoint(w: Writer, v: UpdateMetadataRequestUpdateMetadataEndpoint, version: number): void {
  if (version >= 1) { w.int32(v.port); }
  if (version >= 1) { if (version >= 6) { w.compactString(v.host); } else { w.string(v.host); } }
  if (version >= 3) { if (version >= 6) { w.compactString(v.listener); } else { w.string(v.listener); } }
  if (version >= 1) { w.int16(v.securityProtocol); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readUpdateMetadataRequestUpdateMetadataEndpoint(r: Reader, version: number): UpdateMetadataRequestUpdateMetadataEndpoint {
  let fPort: number = 0;
  if (version >= 1) { fPort = r.int32(); }
  let fHost: string = "";
  if (version >= 1) { if (version >= 6) { fHost = r.compactString(); } else { fHost = r.string(); } }
  let fListener: string = "";
  if (version >= 3) { if (version >= 6) { fListener = r.compactString(); } else { fListener = r.string(); } }
  let fSecurityProtocol: number = 0;
  if (version >= 1) { fSecurityProtocol = r.int16(); }
  if (version >= 6) r.taggedFields();
  return { port: fPort, host: fHost, listener: fListener, securityProtocol: fSecurityProtocol };
}

export interface UpdateMetadataRequestUpdateMetadataBroker {
  /** The broker id. */
  id: number;
  /** The broker hostname. */
  v0Host: string;
  /** The broker port. */
  v0Port: number;
  /** The broker endpoints. */
  endpoints: UpdateMetadataRequestUpdateMetadataEndpoint[];
  /** The rack which this broker belongs to. */
  rack: string | null;
}

export function defaultUpdateMetadataRequestUpdateMetadataBroker(): UpdateMetadataRequestUpdateMetadataBroker {
  return {
    id: 0,
    v0Host: "",
    v0Port: 0,
    endpoints: [],
    rack: "",
  };
}

function writeUpdateMetadataRequestUpdateMetadataBroker(w: Writer, v: UpdateMetadataRequestUpdateMetadataBroker, version: number): void {
  w.int32(v.id);
  if (version <= 0) { w.string(v.v0Host); }
  if (version <= 0) { w.int32(v.v0Port); }
  if (version >= 1) { if (version >= 6) { w.unsignedVarint(v.endpoints.length + 1); for (const item of v.endpoints) { writeUpdateMetadataRequestUpdateMetadataEndpoint(w, item, version); } } else { w.int32(v.endpoints.length); for (const item of v.endpoints) { writeUpdateMetadataRequestUpdateMetadataEndpoint(w, item, version); } } }
  if (version >= 2) { if (version >= 6) { w.compactNullableString(v.rack); } else { w.nullableString(v.rack); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readUpdateMetadataRequestUpdateMetadataBroker(r: Reader, version: number): UpdateMetadataRequestUpdateMetadataBroker {
  let fId: number = 0;
  fId = r.int32();
  let fV0Host: string = "";
  if (version <= 0) { fV0Host = r.string(); }
  let fV0Port: number = 0;
  if (version <= 0) { fV0Port = r.int32(); }
  let fEndpoints: UpdateMetadataRequestUpdateMetadataEndpoint[] = [];
  if (version >= 1) { if (version >= 6) { fEndpoints = readCompactArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataEndpoint(r, version)); } else { fEndpoints = readArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataEndpoint(r, version)); } }
  let fRack: string | null = "";
  if (version >= 2) { if (version >= 6) { fRack = r.compactNullableString(); } else { fRack = r.nullableString(); } }
  if (version >= 6) r.taggedFields();
  return { id: fId, v0Host: fV0Host, v0Port: fV0Port, endpoints: fEndpoints, rack: fRack };
}

export interface UpdateMetadataRequest {
  /** The controller id. */
  controllerId: number;
  /** If KRaft controller id is used during migration. See KIP-866 */
  isKRaftController: boolean;
  /** Indicates if this request is a Full metadata snapshot (2), Incremental (1), or Unknown (0). Using during ZK migration, see KIP-866 */
  type: number;
  /** The controller epoch. */
  controllerEpoch: number;
  /** The broker epoch. */
  brokerEpoch: bigint;
  /** In older versions of this RPC, each partition that we would like to update. */
  ungroupedPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[];
  /** In newer versions of this RPC, each topic that we would like to update. */
  topicStates: UpdateMetadataRequestUpdateMetadataTopicState[];
  liveBrokers: UpdateMetadataRequestUpdateMetadataBroker[];
}

export function defaultUpdateMetadataRequest(): UpdateMetadataRequest {
  return {
    controllerId: 0,
    isKRaftController: false,
    type: 0,
    controllerEpoch: 0,
    brokerEpoch: -1n,
    ungroupedPartitionStates: [],
    topicStates: [],
    liveBrokers: [],
  };
}

function writeUpdateMetadataRequest(w: Writer, v: UpdateMetadataRequest, version: number): void {
  w.int32(v.controllerId);
  if (version >= 8) { w.bool(v.isKRaftController); }
  w.int32(v.controllerEpoch);
  if (version >= 5) { w.int64(v.brokerEpoch); }
  if (version <= 4) { w.int32(v.ungroupedPartitionStates.length); for (const item of v.ungroupedPartitionStates) { writeUpdateMetadataRequestUpdateMetadataPartitionState(w, item, version); } }
  if (version >= 5) { if (version >= 6) { w.unsignedVarint(v.topicStates.length + 1); for (const item of v.topicStates) { writeUpdateMetadataRequestUpdateMetadataTopicState(w, item, version); } } else { w.int32(v.topicStates.length); for (const item of v.topicStates) { writeUpdateMetadataRequestUpdateMetadataTopicState(w, item, version); } } }
  if (version >= 6) { w.unsignedVarint(v.liveBrokers.length + 1); for (const item of v.liveBrokers) { writeUpdateMetadataRequestUpdateMetadataBroker(w, item, version); } } else { w.int32(v.liveBrokers.length); for (const item of v.liveBrokers) { writeUpdateMetadataRequestUpdateMetadataBroker(w, item, version); } }
  if (version >= 6) {
    const writeType = version >= 8 && v.type !== 0;
    w.unsignedVarint((writeType ? 1 : 0));
    if (writeType) w.taggedField(0, (t) => { t.int8(v.type); });
  }
}

function readUpdateMetadataRequest(r: Reader, version: number): UpdateMetadataRequest {
  let fControllerId: number = 0;
  fControllerId = r.int32();
  let fIsKRaftController: boolean = false;
  if (version >= 8) { fIsKRaftController = r.bool(); }
  let fType: number = 0;
  let fControllerEpoch: number = 0;
  fControllerEpoch = r.int32();
  let fBrokerEpoch: bigint = -1n;
  if (version >= 5) { fBrokerEpoch = r.int64(); }
  let fUngroupedPartitionStates: UpdateMetadataRequestUpdateMetadataPartitionState[] = [];
  if (version <= 4) { fUngroupedPartitionStates = readArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataPartitionState(r, version)); }
  let fTopicStates: UpdateMetadataRequestUpdateMetadataTopicState[] = [];
  if (version >= 5) { if (version >= 6) { fTopicStates = readCompactArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataTopicState(r, version)); } else { fTopicStates = readArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataTopicState(r, version)); } }
  let fLiveBrokers: UpdateMetadataRequestUpdateMetadataBroker[] = [];
  if (version >= 6) { fLiveBrokers = readCompactArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataBroker(r, version)); } else { fLiveBrokers = readArray(r, 1, () => readUpdateMetadataRequestUpdateMetadataBroker(r, version)); }
  if (version >= 6) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 8) { fType = t.int8(); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { controllerId: fControllerId, isKRaftController: fIsKRaftController, type: fType, controllerEpoch: fControllerEpoch, brokerEpoch: fBrokerEpoch, ungroupedPartitionStates: fUngroupedPartitionStates, topicStates: fTopicStates, liveBrokers: fLiveBrokers };
}

/** The versions of UpdateMetadataRequest this codec reads and writes. */
export const updateMetadataRequestVersions = { min: 0, max: 8, firstFlexible: 6 } as const;

function checkUpdateMetadataRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 8) {
    throw new ProtocolError('unsupported', `UpdateMetadataRequest version ${version} is outside 0-8`);
  }
}

export function encodeUpdateMetadataRequest(w: Writer, value: UpdateMetadataRequest, version: number): void {
  checkUpdateMetadataRequestVersion(version);
  writeUpdateMetadataRequest(w, value, version);
}

export function decodeUpdateMetadataRequest(r: Reader, version: number): UpdateMetadataRequest {
  checkUpdateMetadataRequestVersion(version);
  return readUpdateMetadataRequest(r, version);
}
