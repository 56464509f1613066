// Generated from CreatePartitionsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreatePartitionsRequestCreatePartitionsAssignment {
  /** The assigned broker IDs. */
  brokerIds: number[];
}

export function defaultCreatePartitionsRequestCreatePartitionsAssignment(): CreatePartitionsRequestCreatePartitionsAssignment {
  return {
    brokerIds: [],
  };
}

function writeCreatePartitionsRequestCreatePartitionsAssignment(w: Writer, v: CreatePartitionsRequestCreatePartitionsAssignment, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.brokerIds.length + 1); for (const item of v.brokerIds) { w.int32(item); } } else { w.int32(v.brokerIds.length); for (const item of v.brokerIds) { w.int32(item); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsRequestCreatePartitionsAssignment(r: Reader, version: number): CreatePartitionsRequestCreatePartitionsAssignment {
  let fBrokerIds: number[] = [];
  if (version >= 2) { fBrokerIds = readCompactArray(r, 4, () => r.int32()); } else { fBrokerIds = readArray(r, 4, () => r.int32()); }
  if (version >= 2) r.taggedFields();
  return { brokerIds: fBrokerIds };
}

export interface CreatePartitionsRequestCreatePartitionsTopic {
  /** The topic name. */
  name: string;
  /** The new partition count. */
  count: number;
  /** The new partition assignments. */
  assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null;
}

export function defaultCreatePartitionsRequestCreatePartitionsTopic(): CreatePartitionsRequestCreatePartitionsTopic {
  return {
    name: "",
    count: 0,
    assignments: [],
  };
}

function writeCreatePartitionsRequestCreatePartitionsTopic(w: Writer, v: CreatePartitionsRequestCreatePartitionsTopic, version: number): void {
  if (version >= 2) { w.compactString(v.name); } else { w.string(v.name); }
  w.int32(v.count);
  if (version >= 2) { if (v.assignments === null) w.unsignedVarint(0); else { w.unsignedVarint(v.assignments.length + 1); for (const item of v.assignments) { writeCreatePartitionsRequestCreatePartitionsAssignment(w, item, version); } } } else { if (v.assignments === null) w.int32(-1); else { w.int32(v.assignments.length); for (const item of v.assignments) { writeCreatePartitionsRequestCreatePartitionsAssignment(w, item, version); } } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsRequestCreatePartitionsTopic(r: Reader, version: number): CreatePartitionsRequestCreatePartitionsTopic {
  let fName: string = "";
  if (version >= 2) { fName = r.compactString(); } else { fName = r.string(); }
  let fCount: number = 0;
  fCount = r.int32();
  let fAssignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null = [];
  if (version >= 2) { fAssignments = readCompactArrayNullable(r, 1, () => readCreatePartitionsRequestCreatePartitionsAssignment(r, version)); } else { fAssignments = readArrayNullable(r, 1, () => readCreatePartitionsRequestCreatePartitionsAssignment(r, version)); }
  if (version >= 2) r.taggedFields();
  return { name: fName, count: fCount, assignments: fAssignments };
}

export interface CreatePartitionsRequest {
  /** Each topic that we want to create new partitions inside. */
  topics: CreatePartitionsRequestCreatePartitionsTopic[];
  /** The time in ms to wait for the partitions to be created. */
  timeoutMs: number;
  /** If true, then validate the request, but don't actually increase the number of partitions. */
  validateOnly: boolean;
}

export function defaultCreatePartitionsRequest(): CreatePartitionsRequest {
  return {
    topics: [],
    timeoutMs: 0,
    validateOnly: false,
  };
}

function writeCreatePartitionsRequest(w: Writer, v: CreatePartitionsRequest, version: number): void {
  if (version >= 2) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeCreatePartitionsRequestCreatePartitionsTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeCreatePartitionsRequestCreatePartitionsTopic(w, item, version); } }
  w.int32(v.timeoutMs);
  w.bool(v.validateOnly);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readCreatePartitionsRequest(r: Reader, version: number): CreatePartitionsRequest {
  let fTopics: CreatePartitionsRequestCreatePartitionsTopic[] = [];
  if (version >= 2) { fTopics = readCompactArray(r, 1, () => readCreatePartitionsRequestCreatePartitionsTopic(r, version)); } else { fTopics = readArray(r, 1, () => readCreatePartitionsRequestCreatePartitionsTopic(r, version)); }
  let fTimeoutMs: number = 0;
  fTimeoutMs = r.int32();
  let fValidateOnly: boolean = false;
  fValidateOnly = r.bool();
  if (version >= 2) r.taggedFields();
  return { topics: fTopics, timeoutMs: fTimeoutMs, validateOnly: fValidateOnly };
}

/** The versions of CreatePartitionsRequest this codec reads and writes. */
export const createPartitionsRequestVersions = { min: 0, max: 3, firstFlexible: 2 } as const;

function checkCreatePartitionsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `CreatePartitionsRequest version ${version} is outside 0-3`);
  }
}

export function encodeCreatePartitionsRequest(w: Writer, value: CreatePartitionsRequest, version: number): void {
  checkCreatePartitionsRequestVersion(version);
  writeCreatePartitionsRequest(w, value, version);
}

export function decodeCreatePartitionsRequest(r: Reader, version: number): CreatePartitionsRequest {
  checkCreatePartitionsRequestVersion(version);
  return readCreatePartitionsRequest(r, version);
}
