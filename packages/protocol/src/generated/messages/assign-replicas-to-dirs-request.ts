// Generated from AssignReplicasToDirsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AssignReplicasToDirsRequestPartitionData {
  /** The partition index */
  partitionIndex: number;
}

export function defaultAssignReplicasToDirsRequestPartitionData(): AssignReplicasToDirsRequestPartitionData {
  return {
    partitionIndex: 0,
  };
}

function writeAssignReplicasToDirsRequestPartitionData(w: Writer, v: AssignReplicasToDirsRequestPartitionData, version: number): void {
  w.int32(v.partitionIndex);
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsRequestPartitionData(r: Reader, version: number): AssignReplicasToDirsRequestPartitionData {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  r.taggedFields();
  return { partitionIndex: fPartitionIndex };
}

export interface AssignReplicasToDirsRequestTopicData {
  /** The ID of the assigned topic */
  topicId: string;
  partitions: AssignReplicasToDirsRequestPartitionData[];
}

export function defaultAssignReplicasToDirsRequestTopicData(): AssignReplicasToDirsRequestTopicData {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeAssignReplicasToDirsRequestTopicData(w: Writer, v: AssignReplicasToDirsRequestTopicData, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeAssignReplicasToDirsRequestPartitionData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsRequestTopicData(r: Reader, version: number): AssignReplicasToDirsRequestTopicData {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: AssignReplicasToDirsRequestPartitionData[] = [];
  fPartitions = readCompactArray(r, 1, () => readAssignReplicasToDirsRequestPartitionData(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface AssignReplicasToDirsRequestDirectoryData {
  /** The ID of the directory */
  id: string;
  topics: AssignReplicasToDirsRequestTopicData[];
}

export function defaultAssignReplicasToDirsRequestDirectoryData(): AssignReplicasToDirsRequestDirectoryData {
  return {
    id: "AAAAAAAAAAAAAAAAAAAAAA",
    topics: [],
  };
}

function writeAssignReplicasToDirsRequestDirectoryData(w: Writer, v: AssignReplicasToDirsRequestDirectoryData, version: number): void {
  w.uuid(v.id);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAssignReplicasToDirsRequestTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsRequestDirectoryData(r: Reader, version: number): AssignReplicasToDirsRequestDirectoryData {
  let fId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fId = r.uuid();
  let fTopics: AssignReplicasToDirsRequestTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readAssignReplicasToDirsRequestTopicData(r, version));
  r.taggedFields();
  return { id: fId, topics: fTopics };
}

export interface AssignReplicasToDirsRequest {
  /** The ID of the requesting broker */
  brokerId: number;
  /** The epoch of the requesting broker */
  brokerEpoch: bigint;
  directories: AssignReplicasToDirsRequestDirectoryData[];
}

export function defaultAssignReplicasToDirsRequest(): AssignReplicasToDirsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    directories: [],
  };
}

function writeAssignReplicasToDirsRequest(w: Writer, v: AssignReplicasToDirsRequest, version: number): void {
  w.int32(v.brokerId);
  w.int64(v.brokerEpoch);
  w.unsignedVarint(v.directories.length + 1); for (const item of v.directories) { writeAssignReplicasToDirsRequestDirectoryData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readAssignReplicasToDirsRequest(r: Reader, version: number): AssignReplicasToDirsRequest {
  let fBrokerId: number = 0;
  fBrokerId = r.int32();
  let fBrokerEpoch: bigint = -1n;
  fBrokerEpoch = r.int64();
  let fDirectories: AssignReplicasToDirsRequestDirectoryData[] = [];
  fDirectories = readCompactArray(r, 1, () => readAssignReplicasToDirsRequestDirectoryData(r, version));
  r.taggedFields();
  return { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, directories: fDirectories };
}

/** The versions of AssignReplicasToDirsRequest this codec reads and writes. */
export const assignReplicasToDirsRequestVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkAssignReplicasToDirsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `AssignReplicasToDirsRequest version ${version} is outside 0-0`);
  }
}

export function encodeAssignReplicasToDirsRequest(w: Writer, value: AssignReplicasToDirsRequest, version: number): void {
  checkAssignReplicasToDirsRequestVersion(version);
  writeAssignReplicasToDirsRequest(w, value, version);
}

export function decodeAssignReplicasToDirsRequest(r: Reader, version: number): AssignReplicasToDirsRequest {
  checkAssignReplicasToDirsRequestVersion(version);
  return readAssignReplicasToDirsRequest(r, version);
}
