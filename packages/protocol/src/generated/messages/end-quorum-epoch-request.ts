// Generated from EndQuorumEpochRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface EndQuorumEpochRequestReplicaInfo {
  candidateId: number;
  candidateDirectoryId: string;
}

export function defaultEndQuorumEpochRequestReplicaInfo(): EndQuorumEpochRequestReplicaInfo {
  return {
    candidateId: 0,
    candidateDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeEndQuorumEpochRequestReplicaInfo(w: Writer, v: EndQuorumEpochRequestReplicaInfo, version: number): void {
  if (version >= 1) { w.int32(v.candidateId); }
  if (version >= 1) { w.uuid(v.candidateDirectoryId); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochRequestReplicaInfo(r: Reader, version: number): EndQuorumEpochRequestReplicaInfo {
  let fCandidateId: number = 0;
  if (version >= 1) { fCandidateId = r.int32(); }
  let fCandidateDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 1) { fCandidateDirectoryId = r.uuid(); }
  if (version >= 1) r.taggedFields();
  return { candidateId: fCandidateId, candidateDirectoryId: fCandidateDirectoryId };
}

export interface EndQuorumEpochRequestPartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The current leader ID that is resigning */
  leaderId: number;
  /** The current epoch */
  leaderEpoch: number;
  /** A sorted list of preferred successors to start the election */
  preferredSuccessors: number[];
  /** A sorted list of preferred candidates to start the election */
  preferredCandidates: EndQuorumEpochRequestReplicaInfo[];
}

export function defaultEndQuorumEpochRequestPartitionData(): EndQuorumEpochRequestPartitionData {
  return {
    partitionIndex: 0,
    leaderId: 0,
    leaderEpoch: 0,
    preferredSuccessors: [],
    preferredCandidates: [],
  };
}

function writeEndQuorumEpochRequestPartitionData(w: Writer, v: EndQuorumEpochRequestPartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  if (version <= 0) { w.int32(v.preferredSuccessors.length); for (const item of v.preferredSuccessors) { w.int32(item); } }
  if (version >= 1) { w.unsignedVarint(v.preferredCandidates.length + 1); for (const item of v.preferredCandidates) { writeEndQuorumEpochRequestReplicaInfo(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochRequestPartitionData(r: Reader, version: number): EndQuorumEpochRequestPartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fPreferredSuccessors: number[] = [];
  if (version <= 0) { fPreferredSuccessors = readArray(r, 4, () => r.int32()); }
  let fPreferredCandidates: EndQuorumEpochRequestReplicaInfo[] = [];
  if (version >= 1) { fPreferredCandidates = readCompactArray(r, 1, () => readEndQuorumEpochRequestReplicaInfo(r, version)); }
  if (version >= 1) r.taggedFields();
  return { partitionIndex: fPartitionIndex, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, preferredSuccessors: fPreferredSuccessors, preferredCandidates: fPreferredCandidates };
}

export interface EndQuorumEpochRequestTopicData {
  /** The topic name. */
  topicName: string;
  partitions: EndQuorumEpochRequestPartitionData[];
}

export function defaultEndQuorumEpochRequestTopicData(): EndQuorumEpochRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeEndQuorumEpochRequestTopicData(w: Writer, v: EndQuorumEpochRequestTopicData, version: number): void {
  if (version >= 1) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  if (version >= 1) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeEndQuorumEpochRequestPartitionData(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeEndQuorumEpochRequestPartitionData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochRequestTopicData(r: Reader, version: number): EndQuorumEpochRequestTopicData {
  let fTopicName: string = "";
  if (version >= 1) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitions: EndQuorumEpochRequestPartitionData[] = [];
  if (version >= 1) { fPartitions = readCompactArray(r, 1, () => readEndQuorumEpochRequestPartitionData(r, version)); } else { fPartitions = readArray(r, 1, () => readEndQuorumEpochRequestPartitionData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface EndQuorumEpochRequestLeaderEndpoint {
  /** The name of the endpoint */
  name: string;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultEndQuorumEpochRequestLeaderEndpoint(): EndQuorumEpochRequestLeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

function writeEndQuorumEpochRequestLeaderEndpoint(w: Writer, v: EndQuorumEpochRequestLeaderEndpoint, version: number): void {
  if (version >= 1) { w.compactString(v.name); }
  if (version >= 1) { w.compactString(v.host); }
  if (version >= 1) { w.uint16(v.port); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochRequestLeaderEndpoint(r: Reader, version: number): EndQuorumEpochRequestLeaderEndpoint {
  let fName: string = "";
  if (version >= 1) { fName = r.compactString(); }
  let fHost: string = "";
  if (version >= 1) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 1) { fPort = r.uint16(); }
  if (version >= 1) r.taggedFields();
  return { name: fName, host: fHost, port: fPort };
}

export interface EndQuorumEpochRequest {
  clusterId: string | null;
  topics: EndQuorumEpochRequestTopicData[];
  /** Endpoints for the leader */
  leaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[];
}

export function defaultEndQuorumEpochRequest(): EndQuorumEpochRequest {
  return {
    clusterId: null,
    topics: [],
    leaderEndpoints: [],
  };
}

function writeEndQuorumEpochRequest(w: Writer, v: EndQuorumEpochRequest, version: number): void {
  if (version >= 1) { w.compactNullableString(v.clusterId); } else { w.nullableString(v.clusterId); }
  if (version >= 1) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeEndQuorumEpochRequestTopicData(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeEndQuorumEpochRequestTopicData(w, item, version); } }
  if (version >= 1) { w.unsignedVarint(v.leaderEndpoints.length + 1); for (const item of v.leaderEndpoints) { writeEndQuorumEpochRequestLeaderEndpoint(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readEndQuorumEpochRequest(r: Reader, version: number): EndQuorumEpochRequest {
  let fClusterId: string | null = null;
  if (version >= 1) { fClusterId = r.compactNullableString(); } else { fClusterId = r.nullableString(); }
  let fTopics: EndQuorumEpochRequestTopicData[] = [];
  if (version >= 1) { fTopics = readCompactArray(r, 1, () => readEndQuorumEpochRequestTopicData(r, version)); } else { fTopics = readArray(r, 1, () => readEndQuorumEpochRequestTopicData(r, version)); }
  let fLeaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[] = [];
  if (version >= 1) { fLeaderEndpoints = readCompactArray(r, 1, () => readEndQuorumEpochRequestLeaderEndpoint(r, version)); }
  if (version >= 1) r.taggedFields();
  return { clusterId: fClusterId, topics: fTopics, leaderEndpoints: fLeaderEndpoints };
}

/** The versions of EndQuorumEpochRequest this codec reads and writes. */
export const endQuorumEpochRequestVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkEndQuorumEpochRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `EndQuorumEpochRequest version ${version} is outside 0-1`);
  }
}

export function encodeEndQuorumEpochRequest(w: Writer, value: EndQuorumEpochRequest, version: number): void {
  checkEndQuorumEpochRequestVersion(version);
  writeEndQuorumEpochRequest(w, value, version);
}

export function decodeEndQuorumEpochRequest(r: Reader, version: number): EndQuorumEpochRequest {
  checkEndQuorumEpochRequestVersion(version);
  return readEndQuorumEpochRequest(r, version);
}
