// Generated from ShareFetchResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ShareFetchResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch. */
  leaderEpoch: number;
}

export function defaultShareFetchResponseLeaderIdAndEpoch(): ShareFetchResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

function writeShareFetchResponseLeaderIdAndEpoch(w: Writer, v: ShareFetchResponseLeaderIdAndEpoch, version: number): void {
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchResponseLeaderIdAndEpoch(r: Reader, version: number): ShareFetchResponseLeaderIdAndEpoch {
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  r.taggedFields();
  return { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface ShareFetchResponseAcquiredRecords {
  /** The earliest offset in this batch of acquired records. */
  firstOffset: bigint;
  /** The last offset of this batch of acquired records. */
  lastOffset: bigint;
  /** The delivery count of this batch of acquired records. */
  deliveryCount: number;
}

export function defaultShareFetchResponseAcquiredRecords(): ShareFetchResponseAcquiredRecords {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryCount: 0,
  };
}

function writeShareFetchResponseAcquiredRecords(w: Writer, v: ShareFetchResponseAcquiredRecords, version: number): void {
  w.int64(v.firstOffset);
  w.int64(v.lastOffset);
  w.int16(v.deliveryCount);
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchResponseAcquiredRecords(r: Reader, version: number): ShareFetchResponseAcquiredRecords {
  let fFirstOffset: bigint = 0n;
  fFirstOffset = r.int64();
  let fLastOffset: bigint = 0n;
  fLastOffset = r.int64();
  let fDeliveryCount: number = 0;
  fDeliveryCount = r.int16();
  r.taggedFields();
  return { firstOffset: fFirstOffset, lastOffset: fLastOffset, deliveryCount: fDeliveryCount };
}

export interface ShareFetchResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The fetch error code, or 0 if there was no fetch error. */
  errorCode: number;
  /** The fetch error message, or null if there was no fetch error. */
  errorMessage: string | null;
  /** The acknowledge error code, or 0 if there was no acknowledge error. */
  acknowledgeErrorCode: number;
  /** The acknowledge error message, or null if there was no acknowledge error. */
  acknowledgeErrorMessage: string | null;
  currentLeader: ShareFetchResponseLeaderIdAndEpoch;
  /** The record data. */
  records: Buffer | null;
  /** The acquired records. */
  acquiredRecords: ShareFetchResponseAcquiredRecords[];
}

export function defaultShareFetchResponsePartitionData(): ShareFetchResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    acknowledgeErrorCode: 0,
    acknowledgeErrorMessage: null,
    currentLeader: defaultShareFetchResponseLeaderIdAndEpoch(),
    records: null,
    acquiredRecords: [],
  };
}

function writeShareFetchResponsePartitionData(w: Writer, v: ShareFetchResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.int16(v.acknowledgeErrorCode);
  w.compactNullableString(v.acknowledgeErrorMessage);
  writeShareFetchResponseLeaderIdAndEpoch(w, v.currentLeader, version);
  w.compactNullableBytes(v.records);
  w.unsignedVarint(v.acquiredRecords.length + 1); for (const item of v.acquiredRecords) { writeShareFetchResponseAcquiredRecords(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchResponsePartitionData(r: Reader, version: number): ShareFetchResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fAcknowledgeErrorCode: number = 0;
  fAcknowledgeErrorCode = r.int16();
  let fAcknowledgeErrorMessage: string | null = null;
  fAcknowledgeErrorMessage = r.compactNullableString();
  let fCurrentLeader: ShareFetchResponseLeaderIdAndEpoch = defaultShareFetchResponseLeaderIdAndEpoch();
  fCurrentLeader = readShareFetchResponseLeaderIdAndEpoch(r, version);
  let fRecords: Buffer | null = null;
  fRecords = r.compactNullableBytes();
  let fAcquiredRecords: ShareFetchResponseAcquiredRecords[] = [];
  fAcquiredRecords = readCompactArray(r, 1, () => readShareFetchResponseAcquiredRecords(r, version));
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, acknowledgeErrorCode: fAcknowledgeErrorCode, acknowledgeErrorMessage: fAcknowledgeErrorMessage, currentLeader: fCurrentLeader, records: fRecords, acquiredRecords: fAcquiredRecords };
}

export interface ShareFetchResponseShareFetchableTopicResponse {
  /** The unique topic ID. */
  topicId: string;
  /** The topic partitions. */
  partitions: ShareFetchResponsePartitionData[];
}

export function defaultShareFetchResponseShareFetchableTopicResponse(): ShareFetchResponseShareFetchableTopicResponse {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeShareFetchResponseShareFetchableTopicResponse(w: Writer, v: ShareFetchResponseShareFetchableTopicResponse, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeShareFetchResponsePartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchResponseShareFetchableTopicResponse(r: Reader, version: number): ShareFetchResponseShareFetchableTopicResponse {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ShareFetchResponsePartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readShareFetchResponsePartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ShareFetchResponseNodeEndpoint {
  /** The ID of the associated node. */
  nodeId: number;
  /** The node's hostname. */
  host: string;
  /** The node's port. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. */
  rack: string | null;
}

export function defaultShareFetchResponseNodeEndpoint(): ShareFetchResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

function writeShareFetchResponseNodeEndpoint(w: Writer, v: ShareFetchResponseNodeEndpoint, version: number): void {
  w.int32(v.nodeId);
  w.compactString(v.host);
  w.int32(v.port);
  w.compactNullableString(v.rack);
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchResponseNodeEndpoint(r: Reader, version: number): ShareFetchResponseNodeEndpoint {
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

export interface ShareFetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level response error code. */
  errorCode: number;
  /** The top-level error message, or null if there was no error. */
  errorMessage: string | null;
  /** The response topics. */
  responses: ShareFetchResponseShareFetchableTopicResponse[];
  /** Endpoints for all current leaders enumerated in PartitionData with error NOT_LEADER_OR_FOLLOWER. */
  nodeEndpoints: ShareFetchResponseNodeEndpoint[];
}

export function defaultShareFetchResponse(): ShareFetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    responses: [],
    nodeEndpoints: [],
  };
}

function writeShareFetchResponse(w: Writer, v: ShareFetchResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeShareFetchResponseShareFetchableTopicResponse(w, item, version); }
  w.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeShareFetchResponseNodeEndpoint(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareFetchResponse(r: Reader, version: number): ShareFetchResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fResponses: ShareFetchResponseShareFetchableTopicResponse[] = [];
  fResponses = readCompactArray(r, 1, () => readShareFetchResponseShareFetchableTopicResponse(r, version));
  let fNodeEndpoints: ShareFetchResponseNodeEndpoint[] = [];
  fNodeEndpoints = readCompactArray(r, 1, () => readShareFetchResponseNodeEndpoint(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, responses: fResponses, nodeEndpoints: fNodeEndpoints };
}

/** The versions of ShareFetchResponse this codec reads and writes. */
export const shareFetchResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareFetchResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareFetchResponse version ${version} is outside 0-0`);
  }
}

export function encodeShareFetchResponse(w: Writer, value: ShareFetchResponse, version: number): void {
  checkShareFetchResponseVersion(version);
  writeShareFetchResponse(w, value, version);
}

export function decodeShareFetchResponse(r: Reader, version: number): ShareFetchResponse {
  checkShareFetchResponseVersion(version);
  return readShareFetchResponse(r, version);
}
