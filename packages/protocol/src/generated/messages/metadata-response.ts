// Generated from MetadataResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { notNull, readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface MetadataResponseBroker {
  /** The broker ID. */
  nodeId: number;
  /** The broker hostname. */
  host: string;
  /** The broker port. */
  port: number;
  /** The rack of the broker, or null if it has not been assigned to a rack. */
  rack: string | null;
}

export function defaultMetadataResponseBroker(): MetadataResponseBroker {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

function writeMetadataResponseBroker(w: Writer, v: MetadataResponseBroker, version: number): void {
  w.int32(v.nodeId);
  if (version >= 9) { w.compactString(v.host); } else { w.string(v.host); }
  w.int32(v.port);
  if (version >= 1) { if (version >= 9) { w.compactNullableString(v.rack); } else { w.nullableString(v.rack); } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponseBroker(r: Reader, version: number): MetadataResponseBroker {
  let fNodeId: number = 0;
  fNodeId = r.int32();
  let fHost: string = "";
  if (version >= 9) { fHost = r.compactString(); } else { fHost = r.string(); }
  let fPort: number = 0;
  fPort = r.int32();
  let fRack: string | null = null;
  if (version >= 1) { if (version >= 9) { fRack = r.compactNullableString(); } else { fRack = r.nullableString(); } }
  if (version >= 9) r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
}

export interface MetadataResponsePartition {
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
  /** The set of offline replicas of this partition. */
  offlineReplicas: number[];
}

export function defaultMetadataResponsePartition(): MetadataResponsePartition {
  return {
    errorCode: 0,
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: -1,
    replicaNodes: [],
    isrNodes: [],
    offlineReplicas: [],
  };
}

function writeMetadataResponsePartition(w: Writer, v: MetadataResponsePartition, version: number): void {
  w.int16(v.errorCode);
  w.int32(v.partitionIndex);
  w.int32(v.leaderId);
  if (version >= 7) { w.int32(v.leaderEpoch); }
  if (version >= 9) { w.unsignedVarint(v.replicaNodes.length + 1); for (const item of v.replicaNodes) { w.int32(item); } } else { w.int32(v.replicaNodes.length); for (const item of v.replicaNodes) { w.int32(item); } }
  if (version >= 9) { w.unsignedVarint(v.isrNodes.length + 1); for (const item of v.isrNodes) { w.int32(item); } } else { w.int32(v.isrNodes.length); for (const item of v.isrNodes) { w.int32(item); } }
  if (version >= 5) { if (version >= 9) { w.unsignedVarint(v.offlineReplicas.length + 1); for (const item of v.offlineReplicas) { w.int32(item); } } else { w.int32(v.offlineReplicas.length); for (const item of v.offlineReplicas) { w.int32(item); } } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponsePartition(r: Reader, version: number): MetadataResponsePartition {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = -1;
  if (version >= 7) { fLeaderEpoch = r.int32(); }
  let fReplicaNodes: number[] = [];
  if (version >= 9) { fReplicaNodes = readCompactArray(r, 4, () => r.int32()); } else { fReplicaNodes = readArray(r, 4, () => r.int32()); }
  let fIsrNodes: number[] = [];
  if (version >= 9) { fIsrNodes = readCompactArray(r, 4, () => r.int32()); } else { fIsrNodes = readArray(r, 4, () => r.int32()); }
  let fOfflineReplicas: number[] = [];
  if (version >= 5) { if (version >= 9) { fOfflineReplicas = readCompactArray(r, 4, () => r.int32()); } else { fOfflineReplicas = readArray(r, 4, () => r.int32()); } }
  if (version >= 9) r.taggedFields();
  return { errorCode: fErrorCode, partitionIndex: fPartitionIndex, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, replicaNodes: fReplicaNodes, isrNodes: fIsrNodes, offlineReplicas: fOfflineReplicas };
}

export interface MetadataResponseTopic {
  /** The topic error, or 0 if there was no error. */
  errorCode: number;
  /** The topic name. Null for non-existing topics queried by ID. This is never null when ErrorCode is zero. One of Name and TopicId is always populated. */
  name: string | null;
  /** The topic id. Zero for non-existing topics queried by name. This is never zero when ErrorCode is zero. One of Name and TopicId is always populated. */
  topicId: string;
  /** True if the topic is internal. */
  isInternal: boolean;
  /** Each partition in the topic. */
  partitions: MetadataResponsePartition[];
  /** 32-bit bitfield to represent authorized operations for this topic. */
  topicAuthorizedOperations: number;
}

export function defaultMetadataResponseTopic(): MetadataResponseTopic {
  return {
    errorCode: 0,
    name: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: -2147483648,
  };
}

function writeMetadataResponseTopic(w: Writer, v: MetadataResponseTopic, version: number): void {
  w.int16(v.errorCode);
  if (version >= 12) { w.compactNullableString(v.name); } else if (version >= 9 && version <= 11) { { const value = notNull(v.name, 'MetadataResponse.Name', version); w.compactString(value); } } else { { const value = notNull(v.name, 'MetadataResponse.Name', version); w.string(value); } }
  if (version >= 10) { w.uuid(v.topicId); }
  if (version >= 1) { w.bool(v.isInternal); }
  if (version >= 9) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeMetadataResponsePartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeMetadataResponsePartition(w, item, version); } }
  if (version >= 8) { w.int32(v.topicAuthorizedOperations); }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponseTopic(r: Reader, version: number): MetadataResponseTopic {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fName: string | null = "";
  if (version >= 12) { fName = r.compactNullableString(); } else if (version >= 9 && version <= 11) { fName = r.compactString(); } else { fName = r.string(); }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 10) { fTopicId = r.uuid(); }
  let fIsInternal: boolean = false;
  if (version >= 1) { fIsInternal = r.bool(); }
  let fPartitions: MetadataResponsePartition[] = [];
  if (version >= 9) { fPartitions = readCompactArray(r, 1, () => readMetadataResponsePartition(r, version)); } else { fPartitions = readArray(r, 1, () => readMetadataResponsePartition(r, version)); }
  let fTopicAuthorizedOperations: number = -2147483648;
  if (version >= 8) { fTopicAuthorizedOperations = r.int32(); }
  if (version >= 9) r.taggedFields();
  return { errorCode: fErrorCode, name: fName, topicId: fTopicId, isInternal: fIsInternal, partitions: fPartitions, topicAuthorizedOperations: fTopicAuthorizedOperations };
}

export interface MetadataResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** A list of brokers present in the cluster. */
  brokers: MetadataResponseBroker[];
  /** The cluster ID that responding broker belongs to. */
  clusterId: string | null;
  /** The ID of the controller broker. */
  controllerId: number;
  /** Each topic in the response. */
  topics: MetadataResponseTopic[];
  /** 32-bit bitfield to represent authorized operations for this cluster. */
  clusterAuthorizedOperations: number;
}

export function defaultMetadataResponse(): MetadataResponse {
  return {
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    topics: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

function writeMetadataResponse(w: Writer, v: MetadataResponse, version: number): void {
  if (version >= 3) { w.int32(v.throttleTimeMs); }
  if (version >= 9) { w.unsignedVarint(v.brokers.length + 1); for (const item of v.brokers) { writeMetadataResponseBroker(w, item, version); } } else { w.int32(v.brokers.length); for (const item of v.brokers) { writeMetadataResponseBroker(w, item, version); } }
  if (version >= 2) { if (version >= 9) { w.compactNullableString(v.clusterId); } else { w.nullableString(v.clusterId); } }
  if (version >= 1) { w.int32(v.controllerId); }
  if (version >= 9) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeMetadataResponseTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeMetadataResponseTopic(w, item, version); } }
  if (version >= 8 && version <= 10) { w.int32(v.clusterAuthorizedOperations); }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readMetadataResponse(r: Reader, version: number): MetadataResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 3) { fThrottleTimeMs = r.int32(); }
  let fBrokers: MetadataResponseBroker[] = [];
  if (version >= 9) { fBrokers = readCompactArray(r, 1, () => readMetadataResponseBroker(r, version)); } else { fBrokers = readArray(r, 1, () => readMetadataResponseBroker(r, version)); }
  let fClusterId: string | null = null;
  if (version >= 2) { if (version >= 9) { fClusterId = r.compactNullableString(); } else { fClusterId = r.nullableString(); } }
  let fControllerId: number = -1;
  if (version >= 1) { fControllerId = r.int32(); }
  let fTopics: MetadataResponseTopic[] = [];
  if (version >= 9) { fTopics = readCompactArray(r, 1, () => readMetadataResponseTopic(r, version)); } else { fTopics = readArray(r, 1, () => readMetadataResponseTopic(r, version)); }
  let fClusterAuthorizedOperations: number = -2147483648;
  if (version >= 8 && version <= 10) { fClusterAuthorizedOperations = r.int32(); }
  if (version >= 9) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, brokers: fBrokers, clusterId: fClusterId, controllerId: fControllerId, topics: fTopics, clusterAuthorizedOperations: fClusterAuthorizedOperations };
}

/** The versions of MetadataResponse this codec reads and writes. */
export const metadataResponseVersions = { min: 0, max: 12, firstFlexible: 9 } as const;

function checkMetadataResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 12) {
    throw new ProtocolError('unsupported', `MetadataResponse version ${version} is outside 0-12`);
  }
}

export function encodeMetadataResponse(w: Writer, value: MetadataResponse, version: number): void {
  checkMetadataResponseVersion(version);
  writeMetadataResponse(w, value, version);
}

export function decodeMetadataResponse(r: Reader, version: number): MetadataResponse {
  checkMetadataResponseVersion(version);
  return readMetadataResponse(r, version);
}
