// Generated from FetchSnapshotRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface FetchSnapshotRequestSnapshotId {
  endOffset: bigint;
  epoch: number;
}

export function defaultFetchSnapshotRequestSnapshotId(): FetchSnapshotRequestSnapshotId {
  return {
    endOffset: 0n,
    epoch: 0,
  };
}

function writeFetchSnapshotRequestSnapshotId(w: Writer, v: FetchSnapshotRequestSnapshotId, version: number): void {
  w.int64(v.endOffset);
  w.int32(v.epoch);
  {
    w.unsignedVarint(0);
  }
}

function readFetchSnapshotRequestSnapshotId(r: Reader, version: number): FetchSnapshotRequestSnapshotId {
  let fEndOffset: bigint = 0n;
  fEndOffset = r.int64();
  let fEpoch: number = 0;
  fEpoch = r.int32();
  r.taggedFields();
  return { endOffset: fEndOffset, epoch: fEpoch };
}

export interface FetchSnapshotRequestPartitionSnapshot {
  /** The partition index */
  partition: number;
  /** The current leader epoch of the partition, -1 for unknown leader epoch */
  currentLeaderEpoch: number;
  /** The snapshot endOffset and epoch to fetch */
  snapshotId: FetchSnapshotRequestSnapshotId;
  /** The byte position within the snapshot to start fetching from */
  position: bigint;
  /** The directory id of the follower fetching */
  replicaDirectoryId: string;
}

export function defaultFetchSnapshotRequestPartitionSnapshot(): FetchSnapshotRequestPartitionSnapshot {
  return {
    partition: 0,
    currentLeaderEpoch: 0,
    snapshotId: defaultFetchSnapshotRequestSnapshotId(),
    position: 0n,
    replicaDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

function writeFetchSnapshotRequestPartitionSnapshot(w: Writer, v: FetchSnapshotRequestPartitionSnapshot, version: number): void {
  w.int32(v.partition);
  w.int32(v.currentLeaderEpoch);
  writeFetchSnapshotRequestSnapshotId(w, v.snapshotId, version);
  w.int64(v.position);
  {
    const writeReplicaDirectoryId = version >= 1 && v.replicaDirectoryId !== "AAAAAAAAAAAAAAAAAAAAAA";
    w.unsignedVarint((writeReplicaDirectoryId ? 1 : 0));
    if (writeReplicaDirectoryId) w.taggedField(0, (t) => { t.uuid(v.replicaDirectoryId); });
  }
}

function readFetchSnapshotRequestPartitionSnapshot(r: Reader, version: number): FetchSnapshotRequestPartitionSnapshot {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fCurrentLeaderEpoch: number = 0;
  fCurrentLeaderEpoch = r.int32();
  let fSnapshotId: FetchSnapshotRequestSnapshotId = defaultFetchSnapshotRequestSnapshotId();
  fSnapshotId = readFetchSnapshotRequestSnapshotId(r, version);
  let fPosition: bigint = 0n;
  fPosition = r.int64();
  let fReplicaDirectoryId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          if (version >= 1) { fReplicaDirectoryId = t.uuid(); return true; } return false;
        default:
          return false;
      }
    });
  }
  return { partition: fPartition, currentLeaderEpoch: fCurrentLeaderEpoch, snapshotId: fSnapshotId, position: fPosition, replicaDirectoryId: fReplicaDirectoryId };
}

export interface FetchSnapshotRequestTopicSnapshot {
  /** The name of the topic to fetch */
  name: string;
  /** The partitions to fetch */
  partitions: FetchSnapshotRequestPartitionSnapshot[];
}

export function defaultFetchSnapshotRequestTopicSnapshot(): FetchSnapshotRequestTopicSnapshot {
  return {
    name: "",
    partitions: [],
  };
}

function writeFetchSnapshotRequestTopicSnapshot(w: Writer, v: FetchSnapshotRequestTopicSnapshot, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeFetchSnapshotRequestPartitionSnapshot(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readFetchSnapshotRequestTopicSnapshot(r: Reader, version: number): FetchSnapshotRequestTopicSnapshot {
  let fName: string = "";
  fName = r.compactString();
  let fPartitions: FetchSnapshotRequestPartitionSnapshot[] = [];
  fPartitions = readCompactArray(r, 1, () => readFetchSnapshotRequestPartitionSnapshot(r, version));
  r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface FetchSnapshotRequest {
  /** The clusterId if known, this is used to validate metadata fetches prior to broker registration */
  clusterId: string | null;
  /** The broker ID of the follower */
  replicaId: number;
  /** The maximum bytes to fetch from all of the snapshots */
  maxBytes: number;
  /** The topics to fetch */
  topics: FetchSnapshotRequestTopicSnapshot[];
}

export function defaultFetchSnapshotRequest(): FetchSnapshotRequest {
  return {
    clusterId: null,
    replicaId: -1,
    maxBytes: 2147483647,
    topics: [],
  };
}

function writeFetchSnapshotRequest(w: Writer, v: FetchSnapshotRequest, version: number): void {
  w.int32(v.replicaId);
  w.int32(v.maxBytes);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeFetchSnapshotRequestTopicSnapshot(w, item, version); }
  {
    const writeClusterId = v.clusterId !== null;
    w.unsignedVarint((writeClusterId ? 1 : 0));
    if (writeClusterId) w.taggedField(0, (t) => { t.compactNullableString(v.clusterId); });
  }
}

function readFetchSnapshotRequest(r: Reader, version: number): FetchSnapshotRequest {
  let fClusterId: string | null = null;
  let fReplicaId: number = -1;
  fReplicaId = r.int32();
  let fMaxBytes: number = 2147483647;
  fMaxBytes = r.int32();
  let fTopics: FetchSnapshotRequestTopicSnapshot[] = [];
  fTopics = readCompactArray(r, 1, () => readFetchSnapshotRequestTopicSnapshot(r, version));
  {
    r.taggedFields((tag, t) => {
      switch (tag) {
        case 0:
          fClusterId = t.compactNullableString(); return true;
        default:
          return false;
      }
    });
  }
  return { clusterId: fClusterId, replicaId: fReplicaId, maxBytes: fMaxBytes, topics: fTopics };
}

/** The versions of FetchSnapshotRequest this codec reads and writes. */
export const fetchSnapshotRequestVersions = { min: 0, max: 1, firstFlexible: 0 } as const;

function checkFetchSnapshotRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `FetchSnapshotRequest version ${version} is outside 0-1`);
  }
}

export function encodeFetchSnapshotRequest(w: Writer, value: FetchSnapshotRequest, version: number): void {
  checkFetchSnapshotRequestVersion(version);
  writeFetchSnapshotRequest(w, value, version);
}

export function decodeFetchSnapshotRequest(r: Reader, version: number): FetchSnapshotRequest {
  checkFetchSnapshotRequestVersion(version);
  return readFetchSnapshotRequest(r, version);
}
