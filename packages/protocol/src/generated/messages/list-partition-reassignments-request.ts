// Generated from ListPartitionReassignmentsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  /** The topic name */
  name: string;
  /** The partitions to list partition reassignments for. */
  partitionIndexes: number[];
}

export function defaultListPartitionReassignmentsRequestListPartitionReassignmentsTopics(): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  return {
    name: "",
    partitionIndexes: [],
  };
}

function writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w: Writer, v: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitionIndexes.length + 1); for (const item of v.partitionIndexes) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r: Reader, version: number): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  let fName: string = "";
  fName = r.compactString();
  let fPartitionIndexes: number[] = [];
  fPartitionIndexes = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { name: fName, partitionIndexes: fPartitionIndexes };
}

export interface ListPartitionReassignmentsRequest {
  /** The time in ms to wait for the request to complete. */
  timeoutMs: number;
  /** The topics to list partition reassignments for, or null to list everything. */
  topics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null;
}

export function defaultListPartitionReassignmentsRequest(): ListPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: null,
  };
}

function writeListPartitionReassignmentsRequest(w: Writer, v: ListPartitionReassignmentsRequest, version: number): void {
  w.int32(v.timeoutMs);
  if (v.topics === null) w.unsignedVarint(0); else { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w, item, version); } }
  {
    w.unsignedVarint(0);
  }
}

function readListPartitionReassignmentsRequest(r: Reader, version: number): ListPartitionReassignmentsRequest {
  let fTimeoutMs: number = 60000;
  fTimeoutMs = r.int32();
  let fTopics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null = null;
  fTopics = readCompactArrayNullable(r, 1, () => readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r, version));
  r.taggedFields();
  return { timeoutMs: fTimeoutMs, topics: fTopics };
}

/** The versions of ListPartitionReassignmentsRequest this codec reads and writes. */
export const listPartitionReassignmentsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkListPartitionReassignmentsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ListPartitionReassignmentsRequest version ${version} is outside 0-0`);
  }
}

export function encodeListPartitionReassignmentsRequest(w: Writer, value: ListPartitionReassignmentsRequest, version: number): void {
  checkListPartitionReassignmentsRequestVersion(version);
  writeListPartitionReassignmentsRequest(w, value, version);
}

export function decodeListPartitionReassignmentsRequest(r: Reader, version: number): ListPartitionReassignmentsRequest {
  checkListPartitionReassignmentsRequestVersion(version);
  return readListPartitionReassignmentsRequest(r, version);
}
