// Generated from AlterPartitionReassignmentsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AlterPartitionReassignmentsRequestReassignablePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The replicas to place the partitions on, or null to cancel a pending reassignment for this partition. */
  replicas: number[] | null;
}

export function defaultAlterPartitionReassignmentsRequestReassignablePartition(): AlterPartitionReassignmentsRequestReassignablePartition {
  return {
    partitionIndex: 0,
    replicas: null,
  };
}

function writeAlterPartitionReassignmentsRequestReassignablePartition(w: Writer, v: AlterPartitionReassignmentsRequestReassignablePartition, version: number): void {
  w.int32(v.partitionIndex);
  if (v.replicas === null) w.unsignedVarint(0); else { w.unsignedVarint(v.replicas.length + 1); for (const item of v.replicas) { w.int32(item); } }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionReassignmentsRequestReassignablePartition(r: Reader, version: number): AlterPartitionReassignmentsRequestReassignablePartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fReplicas: number[] | null = null;
  fReplicas = readCompactArrayNullable(r, 4, () => r.int32());
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, replicas: fReplicas };
}

export interface AlterPartitionReassignmentsRequestReassignableTopic {
  /** The topic name. */
  name: string;
  /** The partitions to reassign. */
  partitions: AlterPartitionReassignmentsRequestReassignablePartition[];
}

export function defaultAlterPartitionReassignmentsRequestReassignableTopic(): AlterPartitionReassignmentsRequestReassignableTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeAlterPartitionReassignmentsRequestReassignableTopic(w: Writer, v: AlterPartitionReassignmentsRequestReassignableTopic, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAlterPartitionReassignmentsRequestReassignablePartition(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionReassignmentsRequestReassignableTopic(r: Reader, version: number): AlterPartitionReassignmentsRequestReassignableTopic {
  let fName: string = "";
  fName = r.compactString();
  let fPartitions: AlterPartitionReassignmentsRequestReassignablePartition[] = [];
  fPartitions = readCompactArray(r, 1, () => readAlterPartitionReassignmentsRequestReassignablePartition(r, version));
  r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface AlterPartitionReassignmentsRequest {
  /** The time in ms to wait for the request to complete. */
  timeoutMs: number;
  /** The topics to reassign. */
  topics: AlterPartitionReassignmentsRequestReassignableTopic[];
}

export function defaultAlterPartitionReassignmentsRequest(): AlterPartitionReassignmentsRequest {
  return {
    timeoutMs: 60000,
    topics: [],
  };
}

function writeAlterPartitionReassignmentsRequest(w: Writer, v: AlterPartitionReassignmentsRequest, version: number): void {
  w.int32(v.timeoutMs);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAlterPartitionReassignmentsRequestReassignableTopic(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAlterPartitionReassignmentsRequest(r: Reader, version: number): AlterPartitionReassignmentsRequest {
  let fTimeoutMs: number = 60000;
  fTimeoutMs = r.int32();
  let fTopics: AlterPartitionReassignmentsRequestReassignableTopic[] = [];
  fTopics = readCompactArray(r, 1, () => readAlterPartitionReassignmentsRequestReassignableTopic(r, version));
  r.taggedFields();
  return { timeoutMs: fTimeoutMs, topics: fTopics };
}

/** The versions of AlterPartitionReassignmentsRequest this codec reads and writes. */
export const alterPartitionReassignmentsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAlterPartitionReassignmentsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AlterPartitionReassignmentsRequest version ${version} is outside 0-0`);
  }
}

export function encodeAlterPartitionReassignmentsRequest(w: Writer, value: AlterPartitionReassignmentsRequest, version: number): void {
  checkAlterPartitionReassignmentsRequestVersion(version);
  writeAlterPartitionReassignmentsRequest(w, value, version);
}

export function decodeAlterPartitionReassignmentsRequest(r: Reader, version: number): AlterPartitionReassignmentsRequest {
  checkAlterPartitionReassignmentsRequestVersion(version);
  return readAlterPartitionReassignmentsRequest(r, version);
}
