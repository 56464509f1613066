// Generated from OffsetForLeaderEpochRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  /** The partition index. */
  partition: number;
  /** An epoch used to fence consumers/replicas with old metadata. If the epoch provided by the client is larger than the current epoch known to the broker, then the UNKNOWN_LEADER_EPOCH error code will be returned. If the provided epoch is smaller, then the FENCED_LEADER_EPOCH error code will be returned. */
  currentLeaderEpoch: number;
  /** The epoch to look up an offset for. */
  leaderEpoch: number;
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderPartition(): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  return {
    partition: 0,
    currentLeaderEpoch: -1,
    leaderEpoch: 0,
  };
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w: Writer, v: OffsetForLeaderEpochRequestOffsetForLeaderPartition, version: number): void {
  w.int32(v.partition);
  if (version >= 2) { w.int32(v.currentLeaderEpoch); }
  w.int32(v.leaderEpoch);
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r: Reader, version: number): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fCurrentLeaderEpoch: number = -1;
  if (version >= 2) { fCurrentLeaderEpoch = r.int32(); }
  let fLeaderEpoch: number = 0;
  fLeaderEpoch = r.int32();
  if (version >= 4) r.taggedFields();
  return { partition: fPartition, currentLeaderEpoch: fCurrentLeaderEpoch, leaderEpoch: fLeaderEpoch };
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  /** The topic name. */
  topic: string;
  /** Each partition to get offsets for. */
  partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[];
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderTopic(): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  return {
    topic: "",
    partitions: [],
  };
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w: Writer, v: OffsetForLeaderEpochRequestOffsetForLeaderTopic, version: number): void {
  if (version >= 4) { w.compactString(v.topic); } else { w.string(v.topic); }
  if (version >= 4) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r: Reader, version: number): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  let fTopic: string = "";
  if (version >= 4) { fTopic = r.compactString(); } else { fTopic = r.string(); }
  let fPartitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[] = [];
  if (version >= 4) { fPartitions = readCompactArray(r, 1, () => readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r, version)); }
  if (version >= 4) r.taggedFields();
  return { topic: fTopic, partitions: fPartitions };
}

export interface OffsetForLeaderEpochRequest {
  /** The broker ID of the follower, of -1 if this request is from a consumer. */
  replicaId: number;
  /** Each topic to get offsets for. */
  topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[];
}

export function defaultOffsetForLeaderEpochRequest(): OffsetForLeaderEpochRequest {
  return {
    replicaId: -2,
    topics: [],
  };
}

function writeOffsetForLeaderEpochRequest(w: Writer, v: OffsetForLeaderEpochRequest, version: number): void {
  if (version >= 3) { w.int32(v.replicaId); }
  if (version >= 4) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w, item, version); } }
  if (version >= 4) {
    w.unsignedVarint(0);
  }
}

function readOffsetForLeaderEpochRequest(r: Reader, version: number): OffsetForLeaderEpochRequest {
  let fReplicaId: number = -2;
  if (version >= 3) { fReplicaId = r.int32(); }
  let fTopics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[] = [];
  if (version >= 4) { fTopics = readCompactArray(r, 1, () => readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r, version)); } else { fTopics = readArray(r, 1, () => readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r, version)); }
  if (version >= 4) r.taggedFields();
  return { replicaId: fReplicaId, topics: fTopics };
}

/** The versions of OffsetForLeaderEpochRequest this codec reads and writes. */
export const offsetForLeaderEpochRequestVersions = { min: 0, max: 4, firstFlexible: 4 } as const;

function checkOffsetForLeaderEpochRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `OffsetForLeaderEpochRequest version ${version} is outside 0-4`);
  }
}

export function encodeOffsetForLeaderEpochRequest(w: Writer, value: OffsetForLeaderEpochRequest, version: number): void {
  checkOffsetForLeaderEpochRequestVersion(version);
  writeOffsetForLeaderEpochRequest(w, value, version);
}

export function decodeOffsetForLeaderEpochRequest(r: Reader, version: number): OffsetForLeaderEpochRequest {
  checkOffsetForLeaderEpochRequestVersion(version);
  return readOffsetForLeaderEpochRequest(r, version);
}
