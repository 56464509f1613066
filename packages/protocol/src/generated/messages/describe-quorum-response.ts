// Generated from DescribeQuorumResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeQuorumResponseReplicaState {
  replicaId: number;
  replicaDirectoryId: string;
  /** The last known log end offset of the follower or -1 if it is unknown */
  logEndOffset: bigint;
  /** The last known leader wall clock time time when a follower fetched from the leader. This is reported as -1 both for the current leader or if it is unknown for a voter */
  lastFetchTimestamp: bigint;
  /** The leader wall clock append time of the offset for which the follower made the most recent fetch request. This is reported as the current time for the leader and -1 if unknown for a voter */
  lastCaughtUpTimestamp: bigint;
}

export function defaultDescribeQuorumResponseReplicaState(): DescribeQuorumResponseReplicaState {
  return {
    replicaId: 0,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    logEndOffset: 0n,
    lastFetchTimestamp: -1n,
    lastCaughtUpTimestamp: -1n,
  };
}

function writeDescribeQuorumResponseReplicaState(w: Writer, v: DescribeQuorumResponseReplicaState, version: number): void {
  w.int32(v.replicaId);
  if (version >= 2) { w.uuid(v.replicaDirectoryId); }
  w.int64(v.logEndOffset);
  if (version >= 1) { w.int64(v.lastFetchTimestamp); }
  if (version >= 1) { w.int64(v.lastCaughtUpTimestamp); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumResponseReplicaState(r: Reader, version: number): DescribeQuorumResponseReplicaState {
  let fReplicaId: number = 0;
  fReplicaId = r.int32();
  let fReplicaDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 2) { fReplicaDirectoryId = r.uuid(); }
  let fLogEndOffset: bigint = 0n;
  fLogEndOffset = r.int64();
  let fLastFetchTimestamp: bigint = -1n;
  if (version >= 1) { fLastFetchTimestamp = r.int64(); }
  let fLastCaughtUpTimestamp: bigint = -1n;
  if (version >= 1) { fLastCaughtUpTimestamp = r.int64(); }
  r.taggedFields();
  return { replicaId: fReplicaId, replicaDirectoryId: fReplicaDirectoryId, logEndOffset: fLogEndOffset, lastFetchTimestamp: fLastFetchTimestamp, lastCaughtUpTimestamp: fLastCaughtUpTimestamp };
}

export interface DescribeQuorumResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
  highWatermark: bigint;
  currentVoters: DescribeQuorumResponseReplicaState[];
  observers: DescribeQuorumResponseReplicaState[];
}

export function defaultDescribeQuorumResponsePartitionData(): DescribeQuorumResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: "",
    leaderId: 0,
    leaderEpoch: 0,
    highWatermark: 0n,
    currentVoters: [],
    observers: [],
  };
}

function writeDescribeQuorumResponsePartitionData(w: Writer, v: DescribeQuorumResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); }
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  w.int64(v.highWatermark);
  w.unsignedVarint(v.currentVoters.length + 1); for (const item of v.currentVoters) { writeDescribeQuorumResponseReplicaState(w, item, version); }
  w.unsignedVarint(v.observers.length + 1); for (const item of v.observers) { writeDescribeQuorumResponseReplicaState(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumResponsePartitionData(r: Reader, version: number): DescribeQuorumResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); }
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fHighWatermark: bigint = 0n;
  fHighWatermark = r.int64();
  let fCurrentVoters: DescribeQuorumResponseReplicaState[] = [];
  fCurrentVoters = readCompactArray(r, 1, () => readDescribeQuorumResponseReplicaState(r, version));
  let fObservers: DescribeQuorumResponseReplicaState[] = [];
  fObservers = readCompactArray(r, 1, () => readDescribeQuorumResponseReplicaState(r, version));
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, highWatermark: fHighWatermark, currentVoters: fCurrentVoters, observers: fObservers };
}

export interface DescribeQuorumResponseTopicData {
  /** The topic name. */
  topicName: string;
  partitions: DescribeQuorumResponsePartitionData[];
}

export function defaultDescribeQuorumResponseTopicData(): DescribeQuorumResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeDescribeQuorumResponseTopicData(w: Writer, v: DescribeQuorumResponseTopicData, version: number): void {
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDescribeQuorumResponsePartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumResponseTopicData(r: Reader, version: number): DescribeQuorumResponseTopicData {
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: DescribeQuorumResponsePartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readDescribeQuorumResponsePartitionData(r, version));
  r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface DescribeQuorumResponseListener {
  /** The name of the endpoint */
  name: string;
  /** The hostname */
  host: string;
  /** The port */
  port: number;
}

export function defaultDescribeQuorumResponseListener(): DescribeQuorumResponseListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

function writeDescribeQuorumResponseListener(w: Writer, v: DescribeQuorumResponseListener, version: number): void {
  if (version >= 2) { w.compactString(v.name); }
  if (version >= 2) { w.compactString(v.host); }
  if (version >= 2) { w.uint16(v.port); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumResponseListener(r: Reader, version: number): DescribeQuorumResponseListener {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); }
  let fHost: string = "";
  if (version >= 2) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 2) { fPort = r.uint16(); }
  r.taggedFields();
  return { name: fName, host: fHost, port: fPort };
}

export interface DescribeQuorumResponseNode {
  /** The ID of the associated node */
  nodeId: number;
  /** The listeners of this controller */
  listeners: DescribeQuorumResponseListener[];
}

export function defaultDescribeQuorumResponseNode(): DescribeQuorumResponseNode {
  return {
    nodeId: 0,
    listeners: [],
  };
}

function writeDescribeQuorumResponseNode(w: Writer, v: DescribeQuorumResponseNode, version: number): void {
  if (version >= 2) { w.int32(v.nodeId); }
  if (version >= 2) { w.unsignedVarint(v.listeners.length + 1); for (const item of v.listeners) { writeDescribeQuorumResponseListener(w, item, version); } }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumResponseNode(r: Reader, version: number): DescribeQuorumResponseNode {
  let fNodeId: number = 0;
  if (version >= 2) { fNodeId = r.int32(); }
  let fListeners: DescribeQuorumResponseListener[] = [];
  if (version >= 2) { fListeners = readCompactArray(r, 1, () => readDescribeQuorumResponseListener(r, version)); }
  r.taggedFields();
  return { nodeId: fNodeId, listeners: fListeners };
}

export interface DescribeQuorumResponse {
  /** The top level error code. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  topics: DescribeQuorumResponseTopicData[];
  nodes: DescribeQuorumResponseNode[];
}

export function defaultDescribeQuorumResponse(): DescribeQuorumResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    topics: [],
    nodes: [],
  };
}

function writeDescribeQuorumResponse(w: Writer, v: DescribeQuorumResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.compactNullableString(v.errorMessage); }
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeQuorumResponseTopicData(w, item, version); }
  if (version >= 2) { w.unsignedVarint(v.nodes.length + 1); for (const item of v.nodes) { writeDescribeQuorumResponseNode(w, item, version); } }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeQuorumResponse(r: Reader, version: number): DescribeQuorumResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  if (version >= 2) { fErrorMessage = r.compactNullableString(); }
  let fTopics: DescribeQuorumResponseTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeQuorumResponseTopicData(r, version));
  let fNodes: DescribeQuorumResponseNode[] = [];
  if (version >= 2) { fNodes = readCompactArray(r, 1, () => readDescribeQuorumResponseNode(r, version)); }
  r.taggedFields();
  return { errorCode: fErrorCode, errorMessage: fErrorMessage, topics: fTopics, nodes: fNodes };
}

/** The versions of DescribeQuorumResponse this codec reads and writes. */
export const describeQuorumResponseVersions = { min: 0, max: 2, firstFlexible: 0 } as const;

function checkDescribeQuorumResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `DescribeQuorumResponse version ${version} is outside 0-2`);
  }
}

export function encodeDescribeQuorumResponse(w: Writer, value: DescribeQuorumResponse, version: number): void {
  checkDescribeQuorumResponseVersion(version);
  writeDescribeQuorumResponse(w, value, version);
}

export function decodeDescribeQuorumResponse(r: Reader, version: number): DescribeQuorumResponse {
  checkDescribeQuorumResponseVersion(version);
  return readDescribeQuorumResponse(r, version);
}
