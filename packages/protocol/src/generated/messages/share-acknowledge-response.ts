// Generated from ShareAcknowledgeResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ShareAcknowledgeResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch. */
  leaderEpoch: number;
}

export function defaultShareAcknowledgeResponseLeaderIdAndEpoch(): ShareAcknowledgeResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

function writeShareAcknowledgeResponseLeaderIdAndEpoch(w: Writer, v: ShareAcknowledgeResponseLeaderIdAndEpoch, version: number): void {
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeResponseLeaderIdAndEpoch(r: Reader, version: number): ShareAcknowledgeResponseLeaderIdAndEpoch {
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  r.taggedFields();
  return { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface ShareAcknowledgeResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  currentLeader: ShareAcknowledgeResponseLeaderIdAndEpoch;
}

export function defaultShareAcknowledgeResponsePartitionData(): ShareAcknowledgeResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    currentLeader: defaultShareAcknowledgeResponseLeaderIdAndEpoch(),
  };
}

function writeShareAcknowledgeResponsePartitionData(w: Writer, v: ShareAcknowledgeResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  writeShareAcknowledgeResponseLeaderIdAndEpoch(w, v.currentLeader, version);
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeResponsePartitionData(r: Reader, version: number): ShareAcknowledgeResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fCurrentLeader: ShareAcknowledgeResponseLeaderIdAndEpoch = defaultShareAcknowledgeResponseLeaderIdAndEpoch();
  fCurrentLeader = readShareAcknowledgeResponseLeaderIdAndEpoch(r, version);
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, currentLeader: fCurrentLeader };
}

export interface ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  /** The unique topic ID. */
  topicId: string;
  /** The topic partitions. */
  partitions: ShareAcknowledgeResponsePartitionData[];
}

export function defaultShareAcknowledgeResponseShareAcknowledgeTopicResponse(): ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareAcknowledgeResponseShareAcknowledgeTopicResponse(w: Writer, v: ShareAcknowledgeResponseShareAcknowledgeTopicResponse, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeShareAcknowledgeResponsePartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeResponseShareAcknowledgeTopicResponse(r: Reader, version: number): ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ShareAcknowledgeResponsePartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readShareAcknowledgeResponsePartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareAcknowledgeResponseNodeEndpoint {
  /** The ID of the associated node. */
  nodeId: number;
  /** The node's hostname. */
  host: string;
  /** The node's port. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. */
  rack: string | null;
}

export function defaultShareAcknowledgeResponseNodeEndpoint(): ShareAcknowledgeResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

function writeShareAcknowledgeResponseNodeEndpoint(w: Writer, v: ShareAcknowledgeResponseNodeEndpoint, version: number): void {
  w.int32(v.nodeId);
  w.compactString(v.host);
  w.int32(v.port);
  w.compactNullableString(v.rack);
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeResponseNodeEndpoint(r: Reader, version: number): ShareAcknowledgeResponseNodeEndpoint {
  let fNodeId: number = 0;
  fNodeId = r.int32();
  let fHost: string = "";
  fHost = r.compactString();
  let fPort: number = 0;
  fPort = r.int32();
  let fRack: string | null = null;
  fRack = r.compactNullableString();
  r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
}

export interface ShareAcknowledgeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. */
  errorMessage: string | null;
  /** The response topics. */
  responses: ShareAcknowledgeResponseShareAcknowledgeTopicResponse[];
  /** Endpoints for all current leaders enumerated in PartitionData with error NOT_LEADER_OR_FOLLOWER. */
  nodeEndpoints: ShareAcknowledgeResponseNodeEndpoint[];
}

export function defaultShareAcknowledgeResponse(): ShareAcknowledgeResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    responses: [],
    nodeEndpoints: [],
  };
}

function writeShareAcknowledgeResponse(w: Writer, v: ShareAcknowledgeResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeShareAcknowledgeResponseShareAcknowledgeTopicResponse(w, item, version); }
  w.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeShareAcknowledgeResponseNodeEndpoint(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareAcknowledgeResponse(r: Reader, version: number): ShareAcknowledgeResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fResponses: ShareAcknowledgeResponseShareAcknowledgeTopicResponse[] = [];
  fResponses = readCompactArray(r, 1, () => readShareAcknowledgeResponseShareAcknowledgeTopicResponse(r, version));
  let fNodeEndpoints: ShareAcknowledgeResponseNodeEndpoint[] = [];
  fNodeEndpoints = readCompactArray(r, 1, () => readShareAcknowledgeResponseNodeEndpoint(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, responses: fResponses, nodeEndpoints: fNodeEndpoints };
}

/** The versions of ShareAcknowledgeResponse this codec reads and writes. */
export const shareAcknowledgeResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareAcknowledgeResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareAcknowledgeResponse version ${version} is outside 0-0`);
  }
}

export function encodeShareAcknowledgeResponse(w: Writer, value: ShareAcknowledgeResponse, version: number): void {
  checkShareAcknowledgeResponseVersion(version);
  writeShareAcknowledgeResponse(w, value, version);
}

export function decodeShareAcknowledgeResponse(r: Reader, version: number): ShareAcknowledgeResponse {
  checkShareAcknowledgeResponseVersion(version);
  return readShareAcknowledgeResponse(r, version);
}
