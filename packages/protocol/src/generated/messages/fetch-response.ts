// Generated from FetchResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { isDeepEqual, readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface FetchResponseEpochEndOffset {
  epoch: number;
  endOffset: bigint;
}

export function defaultFetchResponseEpochEndOffset(): FetchResponseEpochEndOffset {
  return {
    epoch: -1,
    endOffset: -1n,
  };
}

function writeFetchResponseEpochEndOffset(w: Writer, v: FetchResponseEpochEndOffset, version: number): void {
  if (version >= 12) { w.int32(v.epoch); }
  if (version >= 12) { w.int64(v.endOffset); }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseEpochEndOffset(r: Reader, version: number): FetchResponseEpochEndOffset {
  let fEpoch: number = -1;
  if (version >= 12) { fEpoch = r.int32(); }
  let fEndOffset: bigint = -1n;
  if (version >= 12) { fEndOffset = r.int64(); }
  if (version >= 12) r.taggedFields();
  return { epoch: fEpoch, endOffset: fEndOffset };
}

export interface FetchResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
}

export function defaultFetchResponseLeaderIdAndEpoch(): FetchResponseLeaderIdAndEpoch {
  return {
    leaderId: -1,
    leaderEpoch: -1,
  };
}

function writeFetchResponseLeaderIdAndEpoch(w: Writer, v: FetchResponseLeaderIdAndEpoch, version: number): void {
  if (version >= 12) { w.int32(v.leaderId); }
  if (version >= 12) { w.int32(v.leaderEpoch); }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseLeaderIdAndEpoch(r: Reader, version: number): FetchResponseLeaderIdAndEpoch {
  let fLeaderId: number = -1;
  if (version >= 12) { fLeaderId = r.int32(); }
  let fLeaderEpoch: number = -1;
  if (version >= 12) { fLeaderEpoch = r.int32(); }
  if (version >= 12) r.taggedFields();
  return { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface FetchResponseSnapshotId {
  endOffset: bigint;
  epoch: number;
}

export function defaultFetchResponseSnapshotId(): FetchResponseSnapshotId {
  return {
    endOffset: -1n,
    epoch: -1,
  };
}

function writeFetchResponseSnapshotId(w: Writer, v: FetchResponseSnapshotId, version: number): void {
  w.int64(v.endOffset);
  w.int32(v.epoch);
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseSnapshotId(r: Reader, version: number): FetchResponseSnapshotId {
  let fEndOffset: bigint = -1n;
  fEndOffset = r.int64();
  let fEpoch: number = -1;
  fEpoch = r.int32();
  if (version >= 12) r.taggedFields();
  return { endOffset: fEndOffset, epoch: fEpoch };
}

export interface FetchResponseAbortedTransaction {
  /** The producer id associated with the aborted transaction. */
  producerId: bigint;
  /** The first offset in the aborted transaction. */
  firstOffset: bigint;
}

export function defaultFetchResponseAbortedTransaction(): FetchResponseAbortedTransaction {
  return {
    producerId: 0n,
    firstOffset: 0n,
  };
}

function writeFetchResponseAbortedTransaction(w: Writer, v: FetchResponseAbortedTransaction, version: number): void {
  if (version >= 4) { w.int64(v.producerId); }
  if (version >= 4) { w.int64(v.firstOffset); }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseAbortedTransaction(r: Reader, version: number): FetchResponseAbortedTransaction {
  let fProducerId: bigint = 0n;
  if (version >= 4) { fProducerId = r.int64(); }
  let fFirstOffset: bigint = 0n;
  if (version >= 4) { fFirstOffset = r.int64(); }
  if (version >= 12) r.taggedFields();
  return { producerId: fProducerId, firstOffset: fFirstOffset };
}

export interface FetchResponsePartitionData {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no fetch error. */
  errorCode: number;
  /** The current high water mark. */
  highWatermark: bigint;
  /** The last stable offset (or LSO) of the partition. This is the last offset such that the state of all transactional records prior to this offset have been decided (ABORTED or COMMITTED) */
  lastStableOffset: bigint;
  /** The current log start offset. */
  logStartOffset: bigint;
  /** In case divergence is detected based on the `LastFetchedEpoch` and `FetchOffset` in the request, this field indicates the largest epoch and its end offset such that subsequent records are known to diverge */
  divergingEpoch: FetchResponseEpochEndOffset;
  currentLeader: FetchResponseLeaderIdAndEpoch;
  /** In the case of fetching an offset less than the LogStartOffset, this is the end offset and epoch that should be used in the FetchSnapshot request. */
  snapshotId: FetchResponseSnapshotId;
  /** The aborted transactions. */
  abortedTransactions: FetchResponseAbortedTransaction[] | null;
  /** The preferred read replica for the consumer to use on its next fetch request */
  preferredReadReplica: number;
  /** The record data. */
  records: Buffer | null;
}

export function defaultFetchResponsePartitionData(): FetchResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
    highWatermark: 0n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: defaultFetchResponseEpochEndOffset(),
    currentLeader: defaultFetchResponseLeaderIdAndEpoch(),
    snapshotId: defaultFetchResponseSnapshotId(),
    abortedTransactions: [],
    preferredReadReplica: -1,
    records: null,
  };
}

function writeFetchResponsePartitionData(w: Writer, v: FetchResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.int64(v.highWatermark);
  if (version >= 4) { w.int64(v.lastStableOffset); }
  if (version >= 5) { w.int64(v.logStartOffset); }
  if (version >= 4) { if (version >= 12) { if (v.abortedTransactions === null) w.unsignedVarint(0); else { w.unsignedVarint(v.abortedTransactions.length + 1); for (const item of v.abortedTransactions) { writeFetchResponseAbortedTransaction(w, item, version); } } } else { if (v.abortedTransactions === null) w.int32(-1); else { w.int32(v.abortedTransactions.length); for (const item of v.abortedTransactions) { writeFetchResponseAbortedTransaction(w, item, version); } } } }
  if (version >= 11) { w.int32(v.preferredReadReplica); }
  if (version >= 12) { w.compactNullableBytes(v.records); } else { w.nullableBytes(v.records); }
  if (version >= 12) {
    const writeDivergingEpoch = !isDeepEqual(v.divergingEpoch, defaultFetchResponseEpochEndOffset());
    const writeCurrentLeader = !isDeepEqual(v.currentLeader, defaultFetchResponseLeaderIdAndEpoch());
    const writeSnapshotId = !isDeepEqual(v.snapshotId, defaultFetchResponseSnapshotId());
    w.unsignedVarint((writeDivergingEpoch ? 1 : 0) + (writeCurrentLeader ? 1 : 0) + (writeSnapshotId ? 1 : 0));
    if (writeDivergingEpoch) w.taggedField(0, (t) => { writeFetchResponseEpochEndOffset(t, v.divergingEpoch, version); });
    if (writeCurrentLeader) w.taggedField(1, (t) => { writeFetchResponseLeaderIdAndEpoch(t, v.currentLeader, version); });
    if (writeSnapshotId) w.taggedField(2, (t) => { writeFetchResponseSnapshotId(t, v.snapshotId, version); });
  }
}

function readFetchResponsePartitionData(r: Reader, version: number): FetchResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fHighWatermark: bigint = 0n;
  fHighWatermark = r.int64();
  let fLastStableOffset: bigint = -1n;
  if (version >= 4) { fLastStableOffset = r.int64(); }
  let fLogStartOffset: bigint = -1n;
  if (version >= 5) { fLogStartOffset = r.int64(); }
  let fDivergingEpoch: FetchResponseEpochEndOffset = defaultFetchResponseEpochEndOffset();
  let fCurrentLeader: FetchResponseLeaderIdAndEpoch = defaultFetchResponseLeaderIdAndEpoch();
  let fSnapshotId: FetchResponseSnapshotId = defaultFetchResponseSnapshotId();
  let fAbortedTransactions: FetchResponseAbortedTransaction[] | null = [];
  if (version >= 4) { if (version >= 12) { fAbortedTransactions = readCompactArrayNullable(r, 1, () => readFetchResponseAbortedTransaction(r, version)); } else { fAbortedTransactions = readArrayNullable(r, 1, () => readFetchResponseAbortedTransaction(r, version)); } }
  let fPreferredReadReplica: number = -1;
  if (version >= 11) { fPreferredReadReplica = r.int32(); }
  let fRecords: Buffer | null = null;
  if (version >= 12) { fRecords = r.compactNullableBytes(); } else { fRecords = r.nullableBytes(); }
  if (version >= 12) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fDivergingEpoch = readFetchResponseEpochEndOffset(t, version); return true;
        case 1:
          fCurrentLeader = readFetchResponseLeaderIdAndEpoch(t, version); return true;
        case 2:
          fSnapshotId = readFetchResponseSnapshotId(t, version); return true;
        default:
          return false;
      }
    });
  }
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, highWatermark: fHighWatermark, lastStableOffset: fLastStableOffset, logStartOffset: fLogStartOffset, divergingEpoch: fDivergingEpoch, currentLeader: fCurrentLeader, snapshotId: fSnapshotId, abortedTransactions: fAbortedTransactions, preferredReadReplica: fPreferredReadReplica, records: fRecords };
}

export interface FetchResponseFetchableTopicResponse {
  /** The topic name. */
  topic: string;
  /** The unique topic ID */
  topicId: string;
  /** The topic partitions. */
  partitions: FetchResponsePartitionData[];
}

export function defaultFetchResponseFetchableTopicResponse(): FetchResponseFetchableTopicResponse {
  return {
    topic: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeFetchResponseFetchableTopicResponse(w: Writer, v: FetchResponseFetchableTopicResponse, version: number): void {
  if (version <= 12) { if (version >= 12 && version <= 12) { w.compactString(v.topic); } else { w.string(v.topic); } }
  if (version >= 13) { w.uuid(v.topicId); }
  if (version >= 12) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeFetchResponsePartitionData(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeFetchResponsePartitionData(w, item, version); } }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseFetchableTopicResponse(r: Reader, version: number): FetchResponseFetchableTopicResponse {
  let fTopic: string = "";
  if (version <= 12) { if (version >= 12 && version <= 12) { fTopic = r.compactString(); } else { fTopic = r.string(); } }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 13) { fTopicId = r.uuid(); }
  let fPartitions: FetchResponsePartitionData[] = [];
  if (version >= 12) { fPartitions = readCompactArray(r, 1, () => readFetchResponsePartitionData(r, version)); } else { fPartitions = readArray(r, 1, () => readFetchResponsePartitionData(r, version)); }
  if (version >= 12) r.taggedFields();
  return { topic: fTopic, topicId: fTopicId, partitions: fPartitions };
}

export interface FetchResponseNodeEndpoint {
  /** The ID of the associated node. */
  nodeId: number;
  /** The node's hostname. */
  host: string;
  /** The node's port. */
  port: number;
  /** The rack of the node, or null if it has not been assigned to a rack. */
  rack: string | null;
}

export function defaultFetchResponseNodeEndpoint(): FetchResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
    rack: null,
  };
}

function writeFetchResponseNodeEndpoint(w: Writer, v: FetchResponseNodeEndpoint, version: number): void {
  if (version >= 16) { w.int32(v.nodeId); }
  if (version >= 16) { w.compactString(v.host); }
  if (version >= 16) { w.int32(v.port); }
  if (version >= 16) { w.compactNullableString(v.rack); }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchResponseNodeEndpoint(r: Reader, version: number): FetchResponseNodeEndpoint {
  let fNodeId: number = 0;
  if (version >= 16) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 16) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 16) { fPort = r.int32(); }
  let fRack: string | null = null;
  if (version >= 16) { fRack = r.compactNullableString(); }
  if (version >= 12) r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort, rack: fRack };
}

export interface FetchResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code. */
  errorCode: number;
  /** The fetch session ID, or 0 if this is not part of a fetch session. */
  sessionId: number;
  /** The response topics. */
  responses: FetchResponseFetchableTopicResponse[];
  /** Endpoints for all current-leaders enumerated in PartitionData, with errors NOT_LEADER_OR_FOLLOWER & FENCED_LEADER_EPOCH. */
  nodeEndpoints: FetchResponseNodeEndpoint[];
}

export function defaultFetchResponse(): FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [],
    nodeEndpoints: [],
  };
}

function writeFetchResponse(w: Writer, v: FetchResponse, version: number): void {
  if (version >= 1) { w.int32(v.throttleTimeMs); }
  if (version >= 7) { w.int16(v.errorCode); }
  if (version >= 7) { w.int32(v.sessionId); }
  if (version >= 12) { w.unsignedVarint(v.responses.length + 1); for (const item of v.responses) { writeFetchResponseFetchableTopicResponse(w, item, version); } } else { w.int32(v.responses.length); for (const item of v.responses) { writeFetchResponseFetchableTopicResponse(w, item, version); } }
  if (version >= 12) {
    const writeNodeEndpoints = version >= 16 && v.nodeEndpoints.length > 0;
    w.unsignedVarint((writeNodeEndpoints ? 1 : 0));
    if (writeNodeEndpoints) w.taggedField(0, (t) => { t.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeFetchResponseNodeEndpoint(t, item, version); } });
  }
}

function readFetchResponse(r: Reader, version: number): FetchResponse {
  let fThrottleTimeMs: number = 0;
  if (version >= 1) { fThrottleTimeMs = r.int32(); }
  let fErrorCode: number = 0;
  if (version >= 7) { fErrorCode = r.int16(); }
  let fSessionId: number = 0;
  if (version >= 7) { fSessionId = r.int32(); }
  let fResponses: FetchResponseFetchableTopicResponse[] = [];
  if (version >= 12) { fResponses = readCompactArray(r, 1, () => readFetchResponseFetchableTopicResponse(r, version)); } else { fResponses = readArray(r, 1, () => readFetchResponseFetchableTopicResponse(r, version)); }
  let fNodeEndpoints: FetchResponseNodeEndpoint[] = [];
  if (version >= 12) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 16) { fNodeEndpoints = readCompactArray(t, 1, () => readFetchResponseNodeEndpoint(t, version)); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, sessionId: fSessionId, responses: fResponses, nodeEndpoints: fNodeEndpoints };
}

/** The versions of FetchResponse this codec reads and writes. */
export const fetchResponseVersions = { min: 0, max: 17, firstFlexible: 12 } as const;

function checkFetchResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 17) {
    throw new ProtocolError('unsupported', `FetchResponse version ${version} is outside 0-17`);
  }
}

export function encodeFetchResponse(w: Writer, value: FetchResponse, version: number): void {
  checkFetchResponseVersion(version);
  writeFetchResponse(w, value, version);
}

export function decodeFetchResponse(r: Reader, version: number): FetchResponse {
  checkFetchResponseVersion(version);
  return readFetchResponse(r, version);
}
