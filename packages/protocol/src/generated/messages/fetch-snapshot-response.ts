// Generated from FetchSnapshotResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { isDeepEqual, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface FetchSnapshotResponseSnapshotId {
  endOffset: bigint;
  epoch: number;
}

export function defaultFetchSnapshotResponseSnapshotId(): FetchSnapshotResponseSnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

function writeFetchSnapshotResponseSnapshotId(w: Writer, v: FetchSnapshotResponseSnapshotId, version: number): void {
  w.int64(v.endOffset);
  w.int32(v.epoch);
  {
    w.unsignedVarint(0);
  }
}

function readFetchSnapshotResponseSnapshotId(r: Reader, version: number): FetchSnapshotResponseSnapshotId {
  let fEndOffset: bigint = 0n;
  fEndOffset = r.int64();
  let fEpoch: number = 0;
  fEpoch = r.int32();
  r.taggedFields();
  return { endOffset: fEndOffset, epoch: fEpoch };
}

export interface FetchSnapshotResponseLeaderIdAndEpoch {
  /** The ID of the current leader or -1 if the leader is unknown. */
  leaderId: number;
  /** The latest known leader epoch */
  leaderEpoch: number;
}

export function defaultFetchSnapshotResponseLeaderIdAndEpoch(): FetchSnapshotResponseLeaderIdAndEpoch {
  return {
    leaderId: 0,
    leaderEpoch: 0,
  };
}

function writeFetchSnapshotResponseLeaderIdAndEpoch(w: Writer, v: FetchSnapshotResponseLeaderIdAndEpoch, version: number): void {
  w.int32(v.leaderId);
  w.int32(v.leaderEpoch);
  {
    w.unsignedVarint(0);
  }
}

function readFetchSnapshotResponseLeaderIdAndEpoch(r: Reader, version: number): FetchSnapshotResponseLeaderIdAndEpoch {
  let fLeaderId: number = 0;
  fLeaderId = r.int32();
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  r.taggedFields();
  return { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch };
}

export interface FetchSnapshotResponsePartitionSnapshot {
  /** The partition index. */
  index: number;
  /** The error code, or 0 if there was no fetch error. */
  errorCode: number;
  /** The snapshot endOffset and epoch fetched */
  snapshotId: FetchSnapshotResponseSnapshotId;
  currentLeader: FetchSnapshotResponseLeaderIdAndEpoch;
  /** The total size of the snapshot. */
  size: bigint;
  /** The starting byte position within the snapshot included in the Bytes field. */
  position: bigint;
  /** Snapshot data in records format which may not be aligned on an offset boundary */
  unalignedRecords: Buffer;
}

export function defaultFetchSnapshotResponsePartitionSnapshot(): FetchSnapshotResponsePartitionSnapshot {
  return {
    index: 0,
    errorCode: 0,
    snapshotId: defaultFetchSnapshotResponseSnapshotId(),
    currentLeader: defaultFetchSnapshotResponseLeaderIdAndEpoch(),
    size: 0n,
    position: 0n,
    unalignedRecords: Buffer.alloc(0),
  };
}

function writeFetchSnapshotResponsePartitionSnapshot(w: Writer, v: FetchSnapshotResponsePartitionSnapshot, version: number): void {
  w.int32(v.index);
  w.int16(v.errorCode);
  writeFetchSnapshotResponseSnapshotId(w, v.snapshotId, version);
  w.int64(v.size);
  w.int64(v.position);
  w.compactBytes(v.unalignedRecords);
  {
    const writeCurrentLeader = !isDeepEqual(v.currentLeader, defaultFetchSnapshotResponseLeaderIdAndEpoch());
    w.unsignedVarint((writeCurrentLeader ? 1 : 0));
    if (writeCurrentLeader) w.taggedField(0, (t) => { writeFetchSnapshotResponseLeaderIdAndEpoch(t, v.currentLeader, version); });
  }
}

function readFetchSnapshotResponsePartitionSnapshot(r: Reader, version: number): FetchSnapshotResponsePartitionSnapshot {
  let fIndex: number = 0;
  fIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fSnapshotId: FetchSnapshotResponseSnapshotId = defaultFetchSnapshotResponseSnapshotId();
  fSnapshotId = readFetchSnapshotResponseSnapshotId(r, version);
  let fCurrentLeader: FetchSnapshotResponseLeaderIdAndEpoch = defaultFetchSnapshotResponseLeaderIdAndEpoch();
  let fSize: bigint = 0n;
  fSize = r.int64();
  let fPosition: bigint = 0n;
  fPosition = r.int64();
  let fUnalignedRecords: Buffer = Buffer.alloc(0);
  fUnalignedRecords = r.compactBytes();
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fCurrentLeader = readFetchSnapshotResponseLeaderIdAndEpoch(t, version); return true;
        default:
          return false;
      }
    });
  }
  return { index: fIndex, errorCode: fErrorCode, snapshotId: fSnapshotId, currentLeader: fCurrentLeader, size: fSize, position: fPosition, unalignedRecords: fUnalignedRecords };
}

export interface FetchSnapshotResponseTopicSnapshot {
  /** The name of the topic to fetch. */
  name: string;
  /** The partitions to fetch. */
  partitions: FetchSnapshotResponsePartitionSnapshot[];
}

export function defaultFetchSnapshotResponseTopicSnapshot(): FetchSnapshotResponseTopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

function writeFetchSnapshotResponseTopicSnapshot(w: Writer, v: FetchSnapshotResponseTopicSnapshot, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeFetchSnapshotResponsePartitionSnapshot(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readFetchSnapshotResponseTopicSnapshot(r: Reader, version: number): FetchSnapshotResponseTopicSnapshot {
  let fName: string = "";
  fName = r.compactString();
  let fPartitions: FetchSnapshotResponsePartitionSnapshot[] = [];
  fPartitions = readCompactArray(r, 1, () => readFetchSnapshotResponsePartitionSnapshot(r, version));
  r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface FetchSnapshotResponseNodeEndpoint {
  /** The ID of the associated node */
  nodeId: number;
  /** The node's hostname */
  host: string;
  /** The node's port */
  port: number;
}

export function defaultFetchSnapshotResponseNodeEndpoint(): FetchSnapshotResponseNodeEndpoint {
  return {
    nodeId: 0,
    host: "",
    port: 0,
  };
}

function writeFetchSnapshotResponseNodeEndpoint(w: Writer, v: FetchSnapshotResponseNodeEndpoint, version: number): void {
  if (version >= 1) { w.int32(v.nodeId); }
  if (version >= 1) { w.compactString(v.host); }
  if (version >= 1) { w.uint16(v.port); }
  {
    w.unsignedVarint(0);
  }
}

function readFetchSnapshotResponseNodeEndpoint(r: Reader, version: number): FetchSnapshotResponseNodeEndpoint {
  let fNodeId: number = 0;
  if (version >= 1) { fNodeId = r.int32(); }
  let fHost: string = "";
  if (version >= 1) { fHost = r.compactString(); }
  let fPort: number = 0;
  if (version >= 1) { fPort = r.uint16(); }
  r.taggedFields();
  return { nodeId: fNodeId, host: fHost, port: fPort };
}

export interface FetchSnapshotResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code. */
  errorCode: number;
  /** The topics to fetch. */
  topics: FetchSnapshotResponseTopicSnapshot[];
  /** Endpoints for all current-leaders enumerated in PartitionSnapshot */
  nodeEndpoints: FetchSnapshotResponseNodeEndpoint[];
}

export function defaultFetchSnapshotResponse(): FetchSnapshotResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    topics: [],
    nodeEndpoints: [],
  };
}

function writeFetchSnapshotResponse(w: Writer, v: FetchSnapshotResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeFetchSnapshotResponseTopicSnapshot(w, item, version); }
  {
    const writeNodeEndpoints = version >= 1 && v.nodeEndpoints.length > 0;
    w.unsignedVarint((writeNodeEndpoints ? 1 : 0));
    if (writeNodeEndpoints) w.taggedField(0, (t) => { t.unsignedVarint(v.nodeEndpoints.length + 1); for (const item of v.nodeEndpoints) { writeFetchSnapshotResponseNodeEndpoint(t, item, version); } });
  }
}

function readFetchSnapshotResponse(r: Reader, version: number): FetchSnapshotResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTopics: FetchSnapshotResponseTopicSnapshot[] = [];
  fTopics = readCompactArray(r, 1, () => readFetchSnapshotResponseTopicSnapshot(r, version));
  let fNodeEndpoints: FetchSnapshotResponseNodeEndpoint[] = [];
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 1) { fNodeEndpoints = readCompactArray(t, 1, () => readFetchSnapshotResponseNodeEndpoint(t, version)); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, topics: fTopics, nodeEndpoints: fNodeEndpoints };
}

/** The versions of FetchSnapshotResponse this codec reads and writes. */
export const fetchSnapshotResponseVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkFetchSnapshotResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `FetchSnapshotResponse version ${version} is outside 0-1`);
  }
}

export function encodeFetchSnapshotResponse(w: Writer, value: FetchSnapshotResponse, version: number): void {
  checkFetchSnapshotResponseVersion(version);
  writeFetchSnapshotResponse(w, value, version);
}

export function decodeFetchSnapshotResponse(r: Reader, version: number): FetchSnapshotResponse {
  checkFetchSnapshotResponseVersion(version);
  return readFetchSnapshotResponse(r, version);
}
