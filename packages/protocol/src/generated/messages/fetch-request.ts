// Generated from FetchRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { isDeepEqual, readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface FetchRequestReplicaState {
  /** The replica ID of the follower, or -1 if this request is from a consumer. */
  replicaId: number;
  /** The epoch of this follower, or -1 if not available. */
  replicaEpoch: bigint;
}

export function defaultFetchRequestReplicaState(): FetchRequestReplicaState {
  return {
    replicaId: -1,
    replicaEpoch: -1n,
  };
}

function writeFetchRequestReplicaState(w: Writer, v: FetchRequestReplicaState, version: number): void {
  if (version >= 15) { w.int32(v.replicaId); }
  if (version >= 15) { w.int64(v.replicaEpoch); }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchRequestReplicaState(r: Reader, version: number): FetchRequestReplicaState {
  let fReplicaId: number = -1;
  if (version >= 15) { fReplicaId = r.int32(); }
  let fReplicaEpoch: bigint = -1n;
  if (version >= 15) { fReplicaEpoch = r.int64(); }
  if (version >= 12) r.taggedFields();
  return { replicaId: fReplicaId, replicaEpoch: fReplicaEpoch };
}

export interface FetchRequestFetchPartition {
  /** The partition index. */
  partition: number;
  /** The current leader epoch of the partition. */
  currentLeaderEpoch: number;
  /** The message offset. */
  fetchOffset: bigint;
  /** The epoch of the last fetched record or -1 if there is none */
  lastFetchedEpoch: number;
  /** The earliest available offset of the follower replica.  The field is only used when the request is sent by the follower. */
  logStartOffset: bigint;
  /** The maximum bytes to fetch from this partition.  See KIP-74 for cases where this limit may not be honored. */
  partitionMaxBytes: number;
  /** The directory id of the follower fetching */
  replicaDirectoryId: string;
}

export function defaultFetchRequestFetchPartition(): FetchRequestFetchPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    fetchOffset: 0n,
    lastFetchedEpoch: -1,
    logStartOffset: -1n,
    partitionMaxBytes: 0,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeFetchRequestFetchPartition(w: Writer, v: FetchRequestFetchPartition, version: number): void {
  w.int32(v.partition);
  if (version >= 9) { w.int32(v.currentLeaderEpoch); }
  w.int64(v.fetchOffset);
  if (version >= 12) { w.int32(v.lastFetchedEpoch); }
  if (version >= 5) { w.int64(v.logStartOffset); }
  w.int32(v.partitionMaxBytes);
  if (version >= 12) {
    const writeReplicaDirectoryId = version >= 17 && v.replicaDirectoryId !== "AAAAAAAAAAAAAAAAAAAAAA";
    w.unsignedVarint((writeReplicaDirectoryId ? 1 : 0));
    if (writeReplicaDirectoryId) w.taggedField(0, (t) => { t.uuid(v.replicaDirectoryId); });
  }
}

function readFetchRequestFetchPartition(r: Reader, version: number): FetchRequestFetchPartition {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fCurrentLeaderEpoch: number = -1;
  if (version >= 9) { fCurrentLeaderEpoch = r.int32(); }
  let fFetchOffset: bigint = 0n;
  fFetchOffset = r.int64();
  let fLastFetchedEpoch: number = -1;
  if (version >= 12) { fLastFetchedEpoch = r.int32(); }
  let fLogStartOffset: bigint = -1n;
  if (version >= 5) { fLogStartOffset = r.int64(); }
  let fPartitionMaxBytes: number = 0;
  fPartitionMaxBytes = r.int32();
  let fReplicaDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 12) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 17) { fReplicaDirectoryId = t.uuid(); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { partition: fPartition, currentLeaderEpoch: fCurrentLeaderEpoch, fetchOffset: fFetchOffset, lastFetchedEpoch: fLastFetchedEpoch, logStartOffset: fLogStartOffset, partitionMaxBytes: fPartitionMaxBytes, replicaDirectoryId: fReplicaDirectoryId };
}

export interface FetchRequestFetchTopic {
  /** The name of the topic to fetch. */
  topic: string;
  /** The unique topic ID */
  topicId: string;
  /** The partitions to fetch. */
  partitions: FetchRequestFetchPartition[];
}

export function defaultFetchRequestFetchTopic(): FetchRequestFetchTopic {
  return {
    topic: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeFetchRequestFetchTopic(w: Writer, v: FetchRequestFetchTopic, version: number): void {
  if (version <= 12) { if (version >= 12 && version <= 12) { w.compactString(v.topic); } else { w.string(v.topic); } }
  if (version >= 13) { w.uuid(v.topicId); }
  if (version >= 12) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeFetchRequestFetchPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeFetchRequestFetchPartition(w, item, version); } }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchRequestFetchTopic(r: Reader, version: number): FetchRequestFetchTopic {
  let fTopic: string = "";
  if (version <= 12) { if (version >= 12 && version <= 12) { fTopic = r.compactString(); } else { fTopic = r.string(); } }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 13) { fTopicId = r.uuid(); }
  let fPartitions: FetchRequestFetchPartition[] = [];
  if (version >= 12) { fPartitions = readCompactArray(r, 1, () => readFetchRequestFetchPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readFetchRequestFetchPartition(r, version)); }
  if (version >= 12) r.taggedFields();
  return { topic: fTopic, topicId: fTopicId, partitions: fPartitions };
}

export interface FetchRequestForgottenTopic {
  /** The topic name. */
  topic: string;
  /** The unique topic ID */
  topicId: string;
  /** The partitions indexes to forget. */
  partitions: number[];
}

export function defaultFetchRequestForgottenTopic(): FetchRequestForgottenTopic {
  return {
    topic: "",
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeFetchRequestForgottenTopic(w: Writer, v: FetchRequestForgottenTopic, version: number): void {
  if (version >= 7 && version <= 12) { if (version >= 12 && version <= 12) { w.compactString(v.topic); } else { w.string(v.topic); } }
  if (version >= 13) { w.uuid(v.topicId); }
  if (version >= 7) { if (version >= 12) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); } } }
  if (version >= 12) {
    w.unsignedVarint(0);
  }
}

function readFetchRequestForgottenTopic(r: Reader, version: number): FetchRequestForgottenTopic {
  let fTopic: string = "";
  if (version >= 7 && version <= 12) { if (version >= 12 && version <= 12) { fTopic = r.compactString(); } else { fTopic = r.string(); } }
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  if (version >= 13) { fTopicId = r.uuid(); }
  let fPartitions: number[] = [];
  if (version >= 7) { if (version >= 12) { fPartitions = readCompactArray(r, 4, () => r.int32()); } else { fPartitions = readArray(r, 4, () => r.int32()); } }
  if (version >= 12) r.taggedFields();
  return { topic: fTopic, topicId: fTopicId, partitions: fPartitions };
}

export interface FetchRequest {
  /** The clusterId if known. This is used to validate metadata fetches prior to broker registration. */
  clusterId: string | null;
  /** The broker ID of the follower, of -1 if this request is from a consumer. */
  replicaId: number;
  replicaState: FetchRequestReplicaState;
  /** The maximum time in milliseconds to wait for the response. */
  maxWaitMs: number;
  /** The minimum bytes to accumulate in the response. */
  minBytes: number;
  /** The maximum bytes to fetch.  See KIP-74 for cases where this limit may not be honored. */
  maxBytes: number;
  /** This setting controls the visibility of transactional records. Using READ_UNCOMMITTED (isolation_level = 0) makes all records visible. With READ_COMMITTED (isolation_level = 1), non-transactional and COMMITTED transactional records are visible. To be more concrete, READ_COMMITTED returns all data from offsets smaller than the current LSO (last stable offset), and enables the inclusion of the list of aborted transactions in the result, which allows consumers to discard ABORTED transactional records */
  isolationLevel: number;
  /** The fetch session ID. */
  sessionId: number;
  /** The fetch session epoch, which is used for ordering requests in a session. */
  sessionEpoch: number;
  /** The topics to fetch. */
  topics: FetchRequestFetchTopic[];
  /** In an incremental fetch request, the partitions to remove. */
  forgottenTopicsData: FetchRequestForgottenTopic[];
  /** Rack ID of the consumer making this request */
  rackId: string;
}

export function defaultFetchRequest(): FetchRequest {
  return {
    clusterId: null,
    replicaId: -1,
    replicaState: defaultFetchRequestReplicaState(),
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 2147483647,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [],
    forgottenTopicsData: [],
    rackId: "",
  };
}

function writeFetchRequest(w: Writer, v: FetchRequest, version: number): void {
  if (version <= 14) { w.int32(v.replicaId); }
  w.int32(v.maxWaitMs);
  w.int32(v.minBytes);
  if (version >= 3) { w.int32(v.maxBytes); }
  if (version >= 4) { w.int8(v.isolationLevel); }
  if (version >= 7) { w.int32(v.sessionId); }
  if (version >= 7) { w.int32(v.sessionEpoch); }
  if (version >= 12) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeFetchRequestFetchTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeFetchRequestFetchTopic(w, item, version); } }
  if (version >= 7) { if (version >= 12) { w.unsignedVarint(v.forgottenTopicsData.length + 1); for (const item of v.forgottenTopicsData) { writeFetchRequestForgottenTopic(w, item, version); } } else { w.int32(v.forgottenTopicsData.length); for (const item of v.forgottenTopicsData) { writeFetchRequestForgottenTopic(w, item, version); } } }
  if (version >= 11) { if (version >= 12) { w.compactString(v.rackId); } else { w.string(v.rackId); } }
  if (version >= 12) {
    const writeClusterId = v.clusterId !== null;
    const writeReplicaState = version >= 15 && !isDeepEqual(v.replicaState, defaultFetchRequestReplicaState());
    w.unsignedVarint((writeClusterId ? 1 : 0) + (writeReplicaState ? 1 : 0));
    if (writeClusterId) w.taggedField(0, (t) => { t.compactNullableString(v.clusterId); });
    if (writeReplicaState) w.taggedField(1, (t) => { writeFetchRequestReplicaState(t, v.replicaState, version); });
  }
}

function readFetchRequest(r: Reader, version: number): FetchRequest {
  let fClusterId: string | null = null;
  let fReplicaId: number = -1;
  if (version <= 14) { fReplicaId = r.int32(); }
  let fReplicaState: FetchRequestReplicaState = defaultFetchRequestReplicaState();
  let fMaxWaitMs: number = 0;
  fMaxWaitMs = r.int32();
  let fMinBytes: number = 0;
  fMinBytes = r.int32();
  let fMaxBytes: number = 2147483647;
  if (version >= 3) { fMaxBytes = r.int32(); }
  let fIsolationLevel: number = 0;
  if (version >= 4) { fIsolationLevel = r.int8(); }
  let fSessionId: number = 0;
  if (version >= 7) { fSessionId = r.int32(); }
  let fSessionEpoch: number = -1;
  if (version >= 7) { fSessionEpoch = r.int32(); }
  let fTopics: FetchRequestFetchTopic[] = [];
  if (version >= 12) { fTopics = readCompactArray(r, 1, () => readFetchRequestFetchTopic(r, version)); } else { fTopics = readArray(r, 1, () => readFetchRequestFetchTopic(r, version)); }
  let fForgottenTopicsData: FetchRequestForgottenTopic[] = [];
  if (version >= 7) { if (version >= 12) { fForgottenTopicsData = readCompactArray(r, 1, () => readFetchRequestForgottenTopic(r, version)); } else { fForgottenTopicsData = readArray(r, 1, () => readFetchRequestForgottenTopic(r, version)); } }
  let fRackId: string = "";
  if (version >= 11) { if (version >= 12) { fRackId = r.compactString(); } else { fRackId = r.string(); } }
  if (version >= 12) {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fClusterId = t.compactNullableString(); return true;
        case 1:
          if (version >= 15) { fReplicaState = readFetchRequestReplicaState(t, version); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { clusterId: fClusterId, replicaId: fReplicaId, replicaState: fReplicaState, maxWaitMs: fMaxWaitMs, minBytes: fMinBytes, maxBytes: fMaxBytes, isolationLevel: fIsolationLevel, sessionId: fSessionId, sessionEpoch: fSessionEpoch, topics: fTopics, forgottenTopicsData: fForgottenTopicsData, rackId: fRackId };
}

/** The versions of FetchRequest this codec reads and writes. */
export const fetchRequestVersions = { min: 0, max: 17, firstFlexible: 12 } as const;

function checkFetchRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 17) {
    throw new ProtocolError('unsupported', `FetchRequest version ${version} is outside 0-17`);
  }
}

export function encodeFetchRequest(w: Writer, value: FetchRequest, version: number): void {
  checkFetchRequestVersion(version);
  writeFetchRequest(w, value, version);
}

export function decodeFetchRequest(r: Reader, version: number): FetchRequest {
  checkFetchRequestVersion(version);
  return readFetchRequest(r, version);
}
