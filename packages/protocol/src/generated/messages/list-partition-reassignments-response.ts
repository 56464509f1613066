// Generated from ListPartitionReassignmentsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  /** The index of the partition. */
  partitionIndex: number;
  /** The current replica set. */
  replicas: number[];
  /** The set of replicas we are currently adding. */
  addingReplicas: number[];
  /** The set of replicas we are currently removing. */
  removingReplicas: number[];
}

export function defaultListPartitionReassignmentsResponseOngoingPartitionReassignment(): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  return {
    partitionIndex: 0,
    replicas: [],
    addingReplicas: [],
    removingReplicas: [],
  };
}

function writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w: Writer, v: ListPartitionReassignmentsResponseOngoingPartitionReassignment, version: number): void {
  w.int32(v.partitionIndex);
  w.unsignedVarint(v.replicas.length + 1); for (const item of v.replicas) { w.int32(item); }
  w.unsignedVarint(v.addingReplicas.length + 1); for (const item of v.addingReplicas) { w.int32(item); }
  w.unsignedVarint(v.removingReplicas.length + 1); for (const item of v.removingReplicas) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readListPartitionReassignmentsResponseOngoingPartitionReassignment(r: Reader, version: number): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fReplicas: number[] = [];
  fReplicas = readCompactArray(r, 4, () => r.int32());
  let fAddingReplicas: number[] = [];
  fAddingReplicas = readCompactArray(r, 4, () => r.int32());
  let fRemovingReplicas: number[] = [];
  fRemovingReplicas = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, replicas: fReplicas, addingReplicas: fAddingReplicas, removingReplicas: fRemovingReplicas };
}

export interface ListPartitionReassignmentsResponseOngoingTopicReassignment {
  /** The topic name. */
  name: string;
  /** The ongoing reassignments for each partition. */
  partitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[];
}

export function defaultListPartitionReassignmentsResponseOngoingTopicReassignment(): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  return {
    name: "",
    partitions: [],
  };
}

function writeListPartitionReassignmentsResponseOngoingTopicReassignment(w: Writer, v: ListPartitionReassignmentsResponseOngoingTopicReassignment, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readListPartitionReassignmentsResponseOngoingTopicReassignment(r: Reader, version: number): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  let fName: string = "";
  fName = r.compactString();
  let fPartitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[] = [];
  fPartitions = readCompactArray(r, 1, () => readListPartitionReassignmentsResponseOngoingPartitionReassignment(r, version));
  r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface ListPartitionReassignmentsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top-level error code, or 0 if there was no error */
  errorCode: number;
  /** The top-level error message, or null if there was no error. */
  errorMessage: string | null;
  /** The ongoing reassignments for each topic. */
  topics: ListPartitionReassignmentsResponseOngoingTopicReassignment[];
}

export function defaultListPartitionReassignmentsResponse(): ListPartitionReassignmentsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    topics: [],
  };
}

function writeListPartitionReassignmentsResponse(w: Writer, v: ListPartitionReassignmentsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeListPartitionReassignmentsResponseOngoingTopicReassignment(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readListPartitionReassignmentsResponse(r: Reader, version: number): ListPartitionReassignmentsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = "";
  fErrorMessage = r.compactNullableString();
  let fTopics: ListPartitionReassignmentsResponseOngoingTopicReassignment[] = [];
  fTopics = readCompactArray(r, 1, () => readListPartitionReassignmentsResponseOngoingTopicReassignment(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, topics: fTopics };
}

/** The versions of ListPartitionReassignmentsResponse this codec reads and writes. */
export const listPartitionReassignmentsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkListPartitionReassignmentsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ListPartitionReassignmentsResponse version ${version} is outside 0-0`);
  }
}

export function encodeListPartitionReassignmentsResponse(w: Writer, value: ListPartitionReassignmentsResponse, version: number): void {
  checkListPartitionReassignmentsResponseVersion(version);
  writeListPartitionReassignmentsResponse(w, value, version);
}

export function decodeListPartitionReassignmentsResponse(r: Reader, version: number): ListPartitionReassignmentsResponse {
  checkListPartitionReassignmentsResponseVersion(version);
  return readListPartitionReassignmentsResponse(r, version);
}
