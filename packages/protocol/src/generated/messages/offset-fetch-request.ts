// Generated from OffsetFetchRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { notNull, readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface OffsetFetchRequestTopic {
  /** The topic name. */
  name: string;
  /** The partition indexes we would like to fetch offsets for. */
  partitionIndexes: number[];
}

export function defaultOffsetFetchRequestTopic(): OffsetFetchRequestTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

function writeOffsetFetchRequestTopic(w: Writer, v: OffsetFetchRequestTopic, version: number): void {
  if (version <= 7) { if (version >= 6 && version <= 7) { w.compactString(v.name); } else { w.string(v.name); } }
  if (version <= 7) { if (version >= 6 && version <= 7) { w.unsignedVarint(v.partitionIndexes.length + 1); for (const item of v.partitionIndexes) { w.int32(item); } } else { w.int32(v.partitionIndexes.length); for (const item of v.partitionIndexes) { w.int32(item); } } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchRequestTopic(r: Reader, version: number): OffsetFetchRequestTopic {
  let fName: string = "";
  if (version <= 7) { if (version >= 6 && version <= 7) { fName = r.compactString(); } else { fName = r.string(); } }
  let fPartitionIndexes: number[] = [];
  if (version <= 7) { if (version >= 6 && version <= 7) { fPartitionIndexes = readCompactArray(r, 4, () => r.int32()); } else { fPartitionIndexes = readArray(r, 4, () => r.int32()); } }
  if (version >= 6) r.taggedFields();
  return { name: fName, partitionIndexes: fPartitionIndexes };
}

export interface OffsetFetchRequestTopics {
  /** The topic name. */
  name: string;
  /** The partition indexes we would like to fetch offsets for. */
  partitionIndexes: number[];
}

export function defaultOffsetFetchRequestTopics(): OffsetFetchRequestTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}

function writeOffsetFetchRequestTopics(w: Writer, v: OffsetFetchRequestTopics, version: number): void {
  if (version >= 8) { w.compactString(v.name); }
  if (version >= 8) { w.unsignedVarint(v.partitionIndexes.length + 1); for (const item of v.partitionIndexes) { w.int32(item); } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchRequestTopics(r: Reader, version: number): OffsetFetchRequestTopics {
  let fName: string = "";
  if (version >= 8) { fName = r.compactString(); }
  let fPartitionIndexes: number[] = [];
  if (version >= 8) { fPartitionIndexes = readCompactArray(r, 4, () => r.int32()); }
  if (version >= 6) r.taggedFields();
  return { name: fName, partitionIndexes: fPartitionIndexes };
}

export interface OffsetFetchRequestGroup {
  /** The group ID. */
  groupId: string;
  /** The member ID assigned by the group coordinator if using the new consumer protocol (KIP-848). */
  memberId: string | null;
  /** The member epoch if using the new consumer protocol (KIP-848). */
  memberEpoch: number;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. */
  topics: OffsetFetchRequestTopics[] | null;
}

export function defaultOffsetFetchRequestGroup(): OffsetFetchRequestGroup {
  return {
    groupId: "",
    memberId: null,
    memberEpoch: -1,
    topics: [],
  };
}

function writeOffsetFetchRequestGroup(w: Writer, v: OffsetFetchRequestGroup, version: number): void {
  if (version >= 8) { w.compactString(v.groupId); }
  if (version >= 9) { w.compactNullableString(v.memberId); }
  if (version >= 9) { w.int32(v.memberEpoch); }
  if (version >= 8) { if (v.topics === null) w.unsignedVarint(0); else { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetFetchRequestTopics(w, item, version); } } }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchRequestGroup(r: Reader, version: number): OffsetFetchRequestGroup {
  let fGroupId: string = "";
  if (version >= 8) { fGroupId = r.compactString(); }
  let fMemberId: string | null = null;
  if (version >= 9) { fMemberId = r.compactNullableString(); }
  let fMemberEpoch: number = -1;
  if (version >= 9) { fMemberEpoch = r.int32(); }
  let fTopics: OffsetFetchRequestTopics[] | null = [];
  if (version >= 8) { fTopics = readCompactArrayNullable(r, 1, () => readOffsetFetchRequestTopics(r, version)); }
  if (version >= 6) r.taggedFields();
  return { groupId: fGroupId, memberId: fMemberId, memberEpoch: fMemberEpoch, topics: fTopics };
}

export interface OffsetFetchRequest {
  /** The group to fetch offsets for. */
  groupId: string;
  /** Each topic we would like to fetch offsets for, or null to fetch offsets for all topics. */
  topics: OffsetFetchRequestTopic[] | null;
  /** Each group we would like to fetch offsets for */
  groups: OffsetFetchRequestGroup[];
  /** Whether broker should hold on returning unstable offsets but set a retriable error code for the partitions. */
  requireStable: boolean;
}

export function defaultOffsetFetchRequest(): OffsetFetchRequest {
  return {
    groupId: "",
    topics: [],
    groups: [],
    requireStable: false,
  };
}

function writeOffsetFetchRequest(w: Writer, v: OffsetFetchRequest, version: number): void {
  if (version <= 7) { if (version >= 6 && version <= 7) { w.compactString(v.groupId); } else { w.string(v.groupId); } }
  if (version <= 7) { if (version >= 6 && version <= 7) { if (v.topics === null) w.unsignedVarint(0); else { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeOffsetFetchRequestTopic(w, item, version); } } } else if (version >= 2 && version <= 5) { if (v.topics === null) w.int32(-1); else { w.int32(v.topics.length); for (const item of v.topics) { writeOffsetFetchRequestTopic(w, item, version); } } } else { { const value = notNull(v.topics, 'OffsetFetchRequest.Topics', version); w.int32(value.length); for (const item of value) { writeOffsetFetchRequestTopic(w, item, version); } } } }
  if (version >= 8) { w.unsignedVarint(v.groups.length + 1); for (const item of v.groups) { writeOffsetFetchRequestGroup(w, item, version); } }
  if (version >= 7) { w.bool(v.requireStable); }
  if (version >= 6) {
    w.unsignedVarint(0);
  }
}

function readOffsetFetchRequest(r: Reader, version: number): OffsetFetchRequest {
  let fGroupId: string = "";
  if (version <= 7) { if (version >= 6 && version <= 7) { fGroupId = r.compactString(); } else { fGroupId = r.string(); } }
  let fTopics: OffsetFetchRequestTopic[] | null = [];
  if (version <= 7) { if (version >= 6 && version <= 7) { fTopics = readCompactArrayNullable(r, 1, () => readOffsetFetchRequestTopic(r, version)); } else if (version >= 2 && version <= 5) { fTopics = readArrayNullable(r, 1, () => readOffsetFetchRequestTopic(r, version)); } else { fTopics = readArray(r, 1, () => readOffsetFetchRequestTopic(r, version)); } }
  let fGroups: OffsetFetchRequestGroup[] = [];
  if (version >= 8) { fGroups = readCompactArray(r, 1, () => readOffsetFetchRequestGroup(r, version)); }
  let fRequireStable: boolean = false;
  if (version >= 7) { fRequireStable = r.bool(); }
  if (version >= 6) r.taggedFields();
  return { groupId: fGroupId, topics: fTopics, groups: fGroups, requireStable: fRequireStable };
}

/** The versions of OffsetFetchRequest this codec reads and writes. */
export const offsetFetchRequestVersions = { min: 0, max: 9, firstFlexible: 6 } as const;

function checkOffsetFetchRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 9) {
    throw new ProtocolError('unsupported', `OffsetFetchRequest version ${version} is outside 0-9`);
  }
}

export function encodeOffsetFetchRequest(w: Writer, value: OffsetFetchRequest, version: number): void {
  checkOffsetFetchRequestVersion(version);
  writeOffsetFetchRequest(w, value, version);
}

export function decodeOffsetFetchRequest(r: Reader, version: number): OffsetFetchRequest {
  checkOffsetFetchRequestVersion(version);
  return readOffsetFetchRequest(r, version);
}
