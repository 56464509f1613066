// Generated from OffsetCommitRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetCommitRequestPartition {
  /** The partition index. */
  partitionIndex: number;
  /** The message offset to be committed. */
  committedOffset: bigint;
  /** The leader epoch of this partition. */
  committedLeaderEpoch: number;
  /** The timestamp of the commit. */
  commitTimestamp: bigint;
  /** Any associated metadata the client wants to keep. */
  committedMetadata: string | null;
}

export function defaultOffsetCommitRequestPartition(): OffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    commitTimestamp: -1n,
    committedMetadata: "",
  };
}

function writeOffsetCommitRequestPartition(w: Writer, v: OffsetCommitRequestPartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int64(v.committedOffset);
  if (version >= 6) { w.int32(v.committedLeaderEpoch); }
  if (version >= 1 && version <= 1) { w.int64(v.commitTimestamp); }
  if (version >= 8) { w.compactNullableString(v.committedMetadata); } else { w.nullableString(v.committedMetadata); }
  if (version >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitRequestPartition(r: Reader, version: number): OffsetCommitRequestPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fCommittedOffset: bigint = 0n;
  fCommittedOffset = r.int64();
  let fCommittedLeaderEpoch: number = -1;
  if (version >= 6) { fCommittedLeaderEpoch = r.int32(); }
  let fCommitTimestamp: bigint = -1n;
  if (version >= 1 && version <= 1) { fCommitTimestamp = r.int64(); }
  let fCommittedMetadata: string | null = "";
  if (version >= 8) { fCommittedMetadata = r.compactNullableString(); } else { fCommittedMetadata = r.nullableString(); }
  if (version >= 8) r.taggedFields();
  return { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, commitTimestamp: fCommitTimestamp, committedMetadata: fCommittedMetadata };
}

export interface OffsetCommitRequestTopic {
  /** The topic name. */
  name: string;
  /** Each partition to commit offsets for. */
  partitions: OffsetCommitRequestPartition[];
}

export function defaultOffsetCommitRequestTopic(): OffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeOffsetCommitRequestTopic(w: Writer, v: OffsetCommitRequestTopic, version: number): void {
  if (version >= 8) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 8) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeOffsetCommitRequestPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeOffsetCommitRequestPartition(w, item, version); } }
  if (version >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitRequestTopic(r: Reader, version: number): OffsetCommitRequestTopic {
  let fName: string = "";
  if (version >= 8) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: OffsetCommitRequestPartition[] = [];
  if (version >= 8) { fPartitions = readCompactArray(r, 1, () => readOffsetCommitRequestPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readOffsetCommitRequestPartition(r, version)); }
  if (version >= 8) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface OffsetCommitRequest {
  /** The unique group identifier. */
  groupId: string;
  /** The generation of the group if using the classic group protocol or the member epoch if using the consumer protocol. */
  generationIdOrMemberEpoch: number;
  /** The member ID assigned by the group coordinator. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
  /** The time period in ms to retain the offset. */
  retentionTimeMs: bigint;
  /** The topics to commit offsets for. */
  topics: OffsetCommitRequestTopic[];
}

export function defaultOffsetCommitRequest(): OffsetCommitRequest {
  return {
    groupId: "",
    generationIdOrMemberEpoch: -1,
    memberId: "",
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [],
  };
}

function writeOffsetCommitRequest(w: Writer, v: OffsetCommitRequest, version: number): void {
  if (version >= 8) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  if (version >= 1) { w.int32(v.generationIdOrMemberEpoch); }
  if (version >= 1) { if (version >= 8) { w.compactString(v.memberId); } else { w.string(v.memberId); } }
  if (version >= 7) { if (version >= 8) { w.compactNullableString(v.groupInstanceId); } else { w.nullableString(v.groupInstanceId); } }
  if (version >= 2 && version <= 4) { w.int64(v.retentionTimeMs); }
  if (version >= 8) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetCommitRequestTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeOffsetCommitRequestTopic(w, item, version); } }
  if (version >= 8) {
    w.unsignedVarint(0);
  }
}

function readOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  let fGroupId: string = "";
  if (version >= 8) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fGenerationIdOrMemberEpoch: number = -1;
  if (version >= 1) { fGenerationIdOrMemberEpoch = r.int32(); }
  let fMemberId: string = "";
  if (version >= 1) { if (version >= 8) { fMemberId = r.compactString(); } else { fMemberId = r.string(); } }
  let fGroupInstanceId: string | null = null;
  if (version >= 7) { if (version >= 8) { fGroupInstanceId = r.compactNullableString(); } else { fGroupInstanceId = r.nullableString(); } }
  let fRetentionTimeMs: bigint = -1n;
  if (version >= 2 && version <= 4) { fRetentionTimeMs = r.int64(); }
  let fTopics: OffsetCommitRequestTopic[] = [];
  if (version >= 8) { fTopics = readCompactArray(r, 1, () => readOffsetCommitRequestTopic(r, version)); } else { fTopics = readArray(r, 1, () => readOffsetCommitRequestTopic(r, version)); }
  if (version >= 8) r.taggedFields();
  return { groupId: fGroupId, generationIdOrMemberEpoch: fGenerationIdOrMemberEpoch, memberId: fMemberId, groupInstanceId: fGroupInstanceId, retentionTimeMs: fRetentionTimeMs, topics: fTopics };
}

/** The versions of OffsetCommitRequest this codec reads and writes. */
export const offsetCommitRequestVersions = { min: 0, max: 9, firstFlexible: 8 } as const;

function checkOffsetCommitRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 9) {
    throw new ProtocolError('unsupported', `OffsetCommitRequest version ${version} is outside 0-9`);
  }
}

export function encodeOffsetCommitRequest(w: Writer, value: OffsetCommitRequest, version: number): void {
  checkOffsetCommitRequestVersion(version);
  writeOffsetCommitRequest(w, value, version);
}

export function decodeOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  checkOffsetCommitRequestVersion(version);
  return readOffsetCommitRequest(r, version);
}
