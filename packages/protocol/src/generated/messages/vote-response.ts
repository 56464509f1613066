// Generated from VoteResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface VoteResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  errorCode: number;
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
  /** True if the vote was granted and false otherwise */
  voteGranted: boolean;
}

export function defaultVoteResponsePartitionData(): VoteResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    leaderId: 0,
    leaderEpoch: 0,
    voteGranted: false,
  };
}

function writeVoteResponsePartitionData(w: Writer, v: VoteResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  w.bool(v.voteGranted);
  {
    w.unsignedVarint(0);
  }
}

function readVoteResponsePartitionData(r: Reader, version: number): VoteResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  let fVoteGranted: boolean = false;
  fVoteGranted = r.bool();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, voteGranted: fVoteGranted };
}

export interface VoteResponseTopicData {
  /** The topic name. */
  topicName: string;
  partitions: VoteResponsePartitionData[];
}

export function defaultVoteResponseTopicData(): VoteResponseTopicData {
  return {
    topicName: "",
    partitions: [],
  };
}

function writeVoteResponseTopicData(w: Writer, v: VoteResponseTopicData, version: number): void {
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeVoteResponsePartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readVoteResponseTopicData(r: Reader, version: number): VoteResponseTopicData {
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: VoteResponsePartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readVoteResponsePartitionData(r, version));
  r.taggedFields();
  return { topicName: fTopicName, partitions: fPartitions };
}

export interface VoteResponseNodeEndpoint {
  /** The ID of the associated node */
  nodeId: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultVoteResponseNodeEndpoint(): VoteResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

function writeVoteResponseNodeEndpoint(w: Writer, v: VoteResponseNodeEndpoint, version: number): void {
  if (version >= 1) { w.int32(v.nodeId); }
  if (version >= 1) { w.compactString(v.host); }
  if (version >= 1) { w.uint16(v.port); }
  {
    w.unsignedVarint(0);
  }
}

function readVoteResponseNodeEndpoint(r: Reader, version: number): VoteResponseNodeEndpoint {
  let fNodeId: number = 0;
  if (version >= 1) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 1) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 1) { fPort = r.uint16(); }
  r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort };
}

export interface VoteResponse {
  /** The top level error code. */
  errorCode: number;
  topics: VoteResponseTopicData[];
  /** Endpoints for all current-leaders enumerated in PartitionData */
  nodeEndpoints: VoteResponseNodeEndpoint[];
}

export function defaultVoteResponse(): VoteResponse {
  return {
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

function writeVoteResponse(w: Writer, v: VoteResponse, version: number): void {
  w.int16(v.errorCode);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeVoteResponseTopicData(w, item, version); }
  {
    const writeNodeEndpoints = version >= 1 && v.nodeEndpoints.length > 0;
    w.unsignedVarint((writeNodeEndpoints ? 1 : 0));
    if (writeNodeEndpoints) w.taggedField(0, (t) => { t.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeVoteResponseNodeEndpoint(t, item, version); } });
  }
}

function readVoteResponse(r: Reader, version: number): VoteResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTopics: VoteResponseTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readVoteResponseTopicData(r, version));
  let fNodeEndpoints: VoteResponseNodeEndpoint[] = [];
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 1) { fNodeEndpoints = readCompactArray(t, 1, () => readVoteResponseNodeEndpoint(t, version)); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
}

/** The versions of VoteResponse this codec reads and writes. */
export const voteResponseVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkVoteResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `VoteResponse version ${version} is outside 0-1`);
  }
}

export function encodeVoteResponse(w: Writer, value: VoteResponse, version: number): void {
  checkVoteResponseVersion(version);
  writeVoteResponse(w, value, version);
}

export function decodeVoteResponse(r: Reader, version: number): VoteResponse {
  checkVoteResponseVersion(version);
  return readVoteResponse(r, version);
}
