// Generated from BeginQuorumEpochResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface BeginQuorumEpochResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  errorCode: number;
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
}

export function defaultBeginQuorumEpochResponsePartitionData(): BeginQuorumEpochResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
  };
}

function writeBeginQuorumEpochResponsePartitionData(w: Writer, v: BeginQuorumEpochResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochResponsePartitionData(r: Reader, version: number): BeginQuorumEpochResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  if (version >= 1) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface BeginQuorumEpochResponseTopicData {
  /** The topic name. */
  topicName: string;
  partitions: BeginQuorumEpochResponsePartitionData[];
}

export function defaultBeginQuorumEpochResponseTopicData(): BeginQuorumEpochResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeBeginQuorumEpochResponseTopicData(w: Writer, v: BeginQuorumEpochResponseTopicData, version: number): void {
  if (version >= 1) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  if (version >= 1) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeBeginQuorumEpochResponsePartitionData(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeBeginQuorumEpochResponsePartitionData(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochResponseTopicData(r: Reader, version: number): BeginQuorumEpochResponseTopicData {
  let fTopicName: string = "";
  if (version >= 1) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitions: BeginQuorumEpochResponsePartitionData[] = [];
  if (version >= 1) { fPartitions = readCompactArray(r, 1, () => readBeginQuorumEpochResponsePartitionData(r, version)); } else { fPartitions = readArray(r, 1, () => readBeginQuorumEpochResponsePartitionData(r, version)); }
  if (version >= 1) r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface BeginQuorumEpochResponseNodeEndpoint {
  /** The ID of the associated node */
  nodeId: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultBeginQuorumEpochResponseNodeEndpoint(): BeginQuorumEpochResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

function writeBeginQuorumEpochResponseNodeEndpoint(w: Writer, v: BeginQuorumEpochResponseNodeEndpoint, version: number): void {
  if (version >= 1) { w.int32(v.nodeId); }
  if (version >= 1) { w.compactString(v.host); }
  if (version >= 1) { w.uint16(v.port); }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readBeginQuorumEpochResponseNodeEndpoint(r: Reader, version: number): BeginQuorumEpochResponseNodeEndpoint {
  let fNodeId: number = 0;
  if (version >= 1) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 1) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 1) { fPort = r.uint16(); }
  if (version >= 1) r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort };
}

export interface BeginQuorumEpochResponse {
  /** The top level error code. */
  errorCode: number;
  topics: BeginQuorumEpochResponseTopicData[];
  /** Endpoints for all leaders enumerated in PartitionData */
  nodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[];
}

export function defaultBeginQuorumEpochResponse(): BeginQuorumEpochResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

function writeBeginQuorumEpochResponse(w: Writer, v: BeginQuorumEpochResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 1) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeBeginQuorumEpochResponseTopicData(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeBeginQuorumEpochResponseTopicData(w, item, version); } }
  if (version >= 1) {
    const writeNodeEndpoints = v.nodeEndpoints.length > 0;
    w.unsignedVarint((writeNodeEndpoints ? 1 : 0));
    if (writeNodeEndpoints) w.taggedField(0, (t) => { t.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeBeginQuorumEpochResponseNodeEndpoint(t, item, version); } });
  }
}

function readBeginQuorumEpochResponse(r: Reader, version: number): BeginQuorumEpochResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTopics: BeginQuorumEpochResponseTopicData[] = [];
  if (version >= 1) { fTopics = readCompactArray(r, 1, () => readBeginQuorumEpochResponseTopicData(r, version)); } else { fTopics = readArray(r, 1, () => readBeginQuorumEpochResponseTopicData(r, version)); }
  let fNodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[] = [];
  if (version >= 1) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fNodeEndpoints = readCompactArray(t, 1, () => readBeginQuorumEpochResponseNodeEndpoint(t, version)); return true;
        default:
          return false;
      }
    });
  }
  return { errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
}

/** The versions of BeginQuorumEpochResponse this codec reads and writes. */
export const beginQuorumEpochResponseVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkBeginQuorumEpochResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `BeginQuorumEpochResponse version ${version} is outside 0-1`);
  }
}

export function encodeBeginQuorumEpochResponse(w: Writer, value: BeginQuorumEpochResponse, version: number): void {
  checkBeginQuorumEpochResponseVersion(version);
  writeBeginQuorumEpochResponse(w, value, version);
}

export function decodeBeginQuorumEpochResponse(r: Reader, version: number): BeginQuorumEpochResponse {
  checkBeginQuorumEpochResponseVersion(version);
  return readBeginQuorumEpochResponse(r, version);
}
