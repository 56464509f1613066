// Generated from ListOffsetsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListOffsetsRequestListOffsetsPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The current leader epoch. */
  currentLeaderEpoch: number;
  /** The current timestamp. */
  timestamp: bigint;
  /** The maximum number of offsets to report. */
  maxNumOffsets: number;
}

export function defaultListOffsetsRequestListOffsetsPartition(): ListOffsetsRequestListOffsetsPartition {
  return {
    partitionIndex: 0,
    currentLeaderEpoch: -1,
    timestamp: 0n,
    maxNumOffsets: 1,
  };
}

function writeListOffsetsRequestListOffsetsPartition(w: Writer, v: ListOffsetsRequestListOffsetsPartition, version: number): void {
  w.int32(v.partitionIndex);
  if (version >= 4) { w.int32(v.currentLeaderEpoch); }
  w.int64(v.timestamp);
  if (version <= 0) { w.int32(v.maxNumOffsets); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsRequestListOffsetsPartition(r: Reader, version: number): ListOffsetsRequestListOffsetsPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fCurrentLeaderEpoch: number = -1;
  if (version >= 4) { fCurrentLeaderEpoch = r.int32(); }
  let fTimestamp: bigint = 0n;
  fTimestamp = r.int64();
  let fMaxNumOffsets: number = 1;
  if (version <= 0) { fMaxNumOffsets = r.int32(); }
  if (version >= 6) r.taggedFields();
  return { partitionIndex: fPartitionIndex, currentLeaderEpoch: fCurrentLeaderEpoch, timestamp: fTimestamp, maxNumOffsets: fMaxNumOffsets };
}

export interface ListOffsetsRequestListOffsetsTopic {
  /** The topic name. */
  name: string;
  /** Each partition in the request. */
  partitions: ListOffsetsRequestListOffsetsPartition[];
}

export function defaultListOffsetsRequestListOffsetsTopic(): ListOffsetsRequestListOffsetsTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeListOffsetsRequestListOffsetsTopic(w: Writer, v: ListOffsetsRequestListOffsetsTopic, version: number): void {
  if (version >= 6) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 6) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeListOffsetsRequestListOffsetsPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeListOffsetsRequestListOffsetsPartition(w, item, version); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsRequestListOffsetsTopic(r: Reader, version: number): ListOffsetsRequestListOffsetsTopic {
  let fName: string = "";
  if (version >= 6) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: ListOffsetsRequestListOffsetsPartition[] = [];
  if (version >= 6) { fPartitions = readCompactArray(r, 1, () => readListOffsetsRequestListOffsetsPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readListOffsetsRequestListOffsetsPartition(r, version)); }
  if (version >= 6) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface ListOffsetsRequest {
  /** The broker ID of the requester, or -1 if this request is being made by a normal consumer. */
  replicaId: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records */
  isolationLevel: number;
  /** Each topic in the request. */
  topics: ListOffsetsRequestListOffsetsTopic[];
  /** The timeout to await a response in milliseconds for requests that require reading from remote storage for topics enabled with tiered storage. */
  timeoutMs: number;
}

export function defaultListOffsetsRequest(): ListOffsetsRequest {
  return {
    replicaId: 0,
    isolationLevel: 0,
    topics: [],
    timeoutMs: 0,
  };
}

function writeListOffsetsRequest(w: Writer, v: ListOffsetsRequest, version: number): void {
  w.int32(v.replicaId);
  if (version >= 2) { w.int8(v.isolationLevel); }
  if (version >= 6) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeListOffsetsRequestListOffsetsTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeListOffsetsRequestListOffsetsTopic(w, item, version); } }
  if (version >= 10) { w.int32(v.timeoutMs); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  let fReplicaId: number = 0;
  fReplicaId = r.int32();
  let fIsolationLevel: number = 0;
  if (version >= 2) { fIsolationLevel = r.int8(); }
  let fTopics: ListOffsetsRequestListOffsetsTopic[] = [];
  if (version >= 6) { fTopics = readCompactArray(r, 1, () => readListOffsetsRequestListOffsetsTopic(r, version)); } else { fTopics = readArray(r, 1, () => readListOffsetsRequestListOffsetsTopic(r, version)); }
  let fTimeoutMs: number = 0;
  if (version >= 10) { fTimeoutMs = r.int32(); }
  if (version >= 6) r.taggedFields();
  return { replicaId: fReplicaId, isolationLevel: fIsolationLevel, topics: fTopics, timeoutMs: fTimeoutMs };
}

/** The versions of ListOffsetsRequest this codec reads and writes. */
export const listOffsetsRequestVersions = { min: 0, max: 10, firstFlexible: 6 } as const;

function checkListOffsetsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 10) {
    throw new ProtocolError('unsupported', `ListOffsetsRequest version ${version} is outside 0-10`);
  }
}

export function encodeListOffsetsRequest(w: Writer, value: ListOffsetsRequest, version: number): void {
  checkListOffsetsRequestVersion(version);
  writeListOffsetsRequest(w, value, version);
}

export function decodeListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  checkListOffsetsRequestVersion(version);
  return readListOffsetsRequest(r, version);
}
