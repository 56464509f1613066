// Generated from AssignReplicasToDirsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AssignReplicasToDirsResponsePartitionData {
  /** The partition index */
  partitionIndex: number;
  /** The partition level error code */
  errorCode: number;
}

export function defaultAssignReplicasToDirsResponsePartitionData(): AssignReplicasToDirsResponsePartitionData {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeAssignReplicasToDirsResponsePartitionData(w: Writer, v: AssignReplicasToDirsResponsePartitionData, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsResponsePartitionData(r: Reader, version: number): AssignReplicasToDirsResponsePartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface AssignReplicasToDirsResponseTopicData {
  /** The ID of the assigned topic */
  topicId: string;
  partitions: AssignReplicasToDirsResponsePartitionData[];
}

export function defaultAssignReplicasToDirsResponseTopicData(): AssignReplicasToDirsResponseTopicData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeAssignReplicasToDirsResponseTopicData(w: Writer, v: AssignReplicasToDirsResponseTopicData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAssignReplicasToDirsResponsePartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsResponseTopicData(r: Reader, version: number): AssignReplicasToDirsResponseTopicData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: AssignReplicasToDirsResponsePartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readAssignReplicasToDirsResponsePartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface AssignReplicasToDirsResponseDirectoryData {
  /** The ID of the directory */
  id: string;
  topics: AssignReplicasToDirsResponseTopicData[];
}

export function defaultAssignReplicasToDirsResponseDirectoryData(): AssignReplicasToDirsResponseDirectoryData {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    topics: [],
  };
}

function writeAssignReplicasToDirsResponseDirectoryData(w: Writer, v: AssignReplicasToDirsResponseDirectoryData, version: number): void {
  w.uuid(v.id);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAssignReplicasToDirsResponseTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsResponseDirectoryData(r: Reader, version: number): AssignReplicasToDirsResponseDirectoryData {
  let fId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fId = r.uuid();
  let fTopics: AssignReplicasToDirsResponseTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readAssignReplicasToDirsResponseTopicData(r, version));
  r.taggedFields();
  return { id: fId, topics: fTopics };
}

export interface AssignReplicasToDirsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The top level response error code */
  errorCode: number;
  directories: AssignReplicasToDirsResponseDirectoryData[];
}

export function defaultAssignReplicasToDirsResponse(): AssignReplicasToDirsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    directories: [],
  };
}

function writeAssignReplicasToDirsResponse(w: Writer, v: AssignReplicasToDirsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.int16(v.errorCode);
  w.unsignedVarint(v.directories.length + 1); for (const item of v.directories) { writeAssignReplicasToDirsResponseDirectoryData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsResponse(r: Reader, version: number): AssignReplicasToDirsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fDirectories: AssignReplicasToDirsResponseDirectoryData[] = [];
  fDirectories = readCompactArray(r, 1, () => readAssignReplicasToDirsResponseDirectoryData(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, directories: fDirectories };
}

/** The versions of AssignReplicasToDirsResponse this codec reads and writes. */
export const assignReplicasToDirsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAssignReplicasToDirsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AssignReplicasToDirsResponse version ${version} is outside 0-0`);
  }
}

export function encodeAssignReplicasToDirsResponse(w: Writer, value: AssignReplicasToDirsResponse, version: number): void {
  checkAssignReplicasToDirsResponseVersion(version);
  writeAssignReplicasToDirsResponse(w, value, version);
}

export function decodeAssignReplicasToDirsResponse(r: Reader, version: number): AssignReplicasToDirsResponse {
  checkAssignReplicasToDirsResponseVersion(version);
  return readAssignReplicasToDirsResponse(r, version);
}
