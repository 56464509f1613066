// Generated from BeginQuorumEpochRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface BeginQuorumEpochRequestPartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The directory id of the receiving replica */
  voterDirectoryId: string;
  /** The ID of the newly elected leader */
  leaderId: number;
  /** The epoch of the newly elected leader */
  leaderEpoch: number;
}

export function defaultBeginQuorumEpochRequestPartitionData(): BeginQuorumEpochRequestPartitionData {
  return {
    partitionIndex: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    leaderId: 0,
    leaderEpoch: 0,
  };
}

function writeBeginQuorumEpochRequestPartitionData(w: Writer, v: BeginQuorumEpochRequestPartitionData, version: number): void {
  w.int32(v.partitionIndex);
  if (version >= 1) { w.uuid(v.voterDirectoryId); }
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochRequestPartitionData(r: Reader, version: number): BeginQuorumEpochRequestPartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fVoterDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 1) { fVoterDirectoryId = r.uuid(); }
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  if (version >= 1) r.taggedFields();
  return { partitionIndex: fPartitionIndex, voterDirectoryId: fVoterDirectoryId, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface BeginQuorumEpochRequestTopicData {
  /** The topic name */
  topicName: string;
  partitions: BeginQuorumEpochRequestPartitionData[];
}

export function defaultBeginQuorumEpochRequestTopicData(): BeginQuorumEpochRequestTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeBeginQuorumEpochRequestTopicData(w: Writer, v: BeginQuorumEpochRequestTopicData, version: number): void {
  if (version >= 1) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  if (version >= 1) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeBeginQuorumEpochRequestPartitionData(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeBeginQuorumEpochRequestPartitionData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochRequestTopicData(r: Reader, version: number): BeginQuorumEpochRequestTopicData {
  let fTopicName: string = "";
  if (version >= 1) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitions: BeginQuorumEpochRequestPartitionData[] = [];
  if (version >= 1) { fPartitions = readCompactArray(r, 1, () => readBeginQuorumEpochRequestPartitionData(r, version)); } else { fPartitions = readArray(r, 1, () => readBeginQuorumEpochRequestPartitionData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface BeginQuorumEpochRequestLeaderEndpoint {
  /** The name of the endpoint */
  name: string;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultBeginQuorumEpochRequestLeaderEndpoint(): BeginQuorumEpochRequestLeaderEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

function writeBeginQuorumEpochRequestLeaderEndpoint(w: Writer, v: BeginQuorumEpochRequestLeaderEndpoint, version: number): void {
  if (version >= 1) { w.compactString(v.name); }
  if (version >= 1) { w.compactString(v.host); }
  if (version >= 1) { w.uint16(v.port); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochRequestLeaderEndpoint(r: Reader, version: number): BeginQuorumEpochRequestLeaderEndpoint {
  let fName: string = "";
  if (version >= 1) { fName = r.compactString(); }
  let fHost: string = "";
  if (version >= 1) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 1) { fPort = r.uint16(); }
  if (version >= 1) r.taggedFields();
  return { name: fName, host: fHost, port: fPort };
}

export interface BeginQuorumEpochRequest {
  clusterId: string | null;
  /** The replica id of the voter receiving the request */
  voterId: number;
  topics: BeginQuorumEpochRequestTopicData[];
  /** Endpoints for the leader */
  leaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[];
}

export function defaultBeginQuorumEpochRequest(): BeginQuorumEpochRequest {
  return {
    clusterId: null,
    voterId: -1,
    topics: [],
    leaderEndpoints: [],
  };
}

function writeBeginQuorumEpochRequest(w: Writer, v: BeginQuorumEpochRequest, version: number): void {
  if (version >= 1) { w.compactNullableString(v.clusterId); } else { w.nullableString(v.clusterId); }
  if (version >= 1) { w.int32(v.voterId); }
  if (version >= 1) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeBeginQuorumEpochRequestTopicData(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeBeginQuorumEpochRequestTopicData(w, item, version); } }
  if (version >= 1) { w.unsignedVarint(v.leaderEndpoints.length + 1); for (const item of v.leaderEndpoints) { writeBeginQuorumEpochRequestLeaderEndpoint(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochRequest(r: Reader, version: number): BeginQuorumEpochRequest {
  let fClusterId: string | null = null;
  if (version >= 1) { fClusterId = r.compactNullableString(); } else { fClusterId = r.nullableString(); }
  let fVoterId: number = -1;
  if (version >= 1) { fVoterId = r.int32(); }
  let fTopics: BeginQuorumEpochRequestTopicData[] = [];
  if (version >= 1) { fTopics = readCompactArray(r, 1, () => readBeginQuorumEpochRequestTopicData(r, version)); } else { fTopics = readArray(r, 1, () => readBeginQuorumEpochRequestTopicData(r, version)); }
  let fLeaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[] = [];
  if (version >= 1) { fLeaderEndpoints = readCompactArray(r, 1, () => readBeginQuorumEpochRequestLeaderEndpoint(r, version)); }
  if (version >= 1) r.taggedFields();
  return { clusterId: fClusterId, voterId: fVoterId, topics: fTopics, leaderEndpoints: fLeaderEndpoints };
}

/** The versions of BeginQuorumEpochRequest this codec reads and writes. */
export const beginQuorumEpochRequestVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkBeginQuorumEpochRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `BeginQuorumEpochRequest version ${version} is outside 0-1`);
  }
}

export function encodeBeginQuorumEpochRequest(w: Writer, value: BeginQuorumEpochRequest, version: number): void {
  checkBeginQuorumEpochRequestVersion(version);
  writeBeginQuorumEpochRequest(w, value, version);
}

export function decodeBeginQuorumEpochRequest(r: Reader, version: number): BeginQuorumEpochRequest {
  checkBeginQuorumEpochRequestVersion(version);
  return readBeginQuorumEpochRequest(r, version);
}
