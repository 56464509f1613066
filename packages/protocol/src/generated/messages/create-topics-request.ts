// Generated from CreateTopicsRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface CreateTopicsRequestCreatableReplicaAssignment {
  /** The partition index. */
  partitionIndex: number;
  /** The brokers to place the partition on. */
  brokerIds: number[];
}

export function defaultCreateTopicsRequestCreatableReplicaAssignment(): CreateTopicsRequestCreatableReplicaAssignment {
  return {
    partitionIndex: 0,
    brokerIds: [],
  };
}

function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, v: CreateTopicsRequestCreatableReplicaAssignment, version: number): void {
  w.int32(v.partitionIndex);
  if (version >= 5) { w.unsignedVarint(v.brokerIds.length + 1); for (const item of v.brokerIds) { w.int32(item); } } else { w.int32(v.brokerIds.length); for (const item of v.brokerIds) { w.int32(item); } }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, version: number): CreateTopicsRequestCreatableReplicaAssignment {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fBrokerIds: number[] = [];
  if (version >= 5) { fBrokerIds = readCompactArray(r, 4, () => r.int32()); } else { fBrokerIds = readArray(r, 4, () => r.int32()); }
  if (version >= 5) r.taggedFields();
  return { partitionIndex: fPartitionIndex, brokerIds: fBrokerIds };
}

export interface CreateTopicsRequestCreatableTopicConfig {
  /** The configuration name. */
  name: string;
  /** The configuration value. */
  value: string | null;
}

export function defaultCreateTopicsRequestCreatableTopicConfig(): CreateTopicsRequestCreatableTopicConfig {
  return {
    name: "",
    value: "",
  };
}

function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, v: CreateTopicsRequestCreatableTopicConfig, version: number): void {
  if (version >= 5) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 5) { w.compactNullableString(v.value); } else { w.nullableString(v.value); }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequestCreatableTopicConfig(r: Reader, version: number): CreateTopicsRequestCreatableTopicConfig {
  let fName: string = "";
  if (version >= 5) { fName = r.compactString(); } else { fName = r.string(); }
  let fValue: string | null = "";
  if (version >= 5) { fValue = r.compactNullableString(); } else { fValue = r.nullableString(); }
  if (version >= 5) r.taggedFields();
  return { name: fName, value: fValue };
}

export interface CreateTopicsRequestCreatableTopic {
  /** The topic name. */
  name: string;
  /** The number of partitions to create in the topic, or -1 if we are either specifying a manual partition assignment or using the default partitions. */
  numPartitions: number;
  /** The number of replicas to create for each partition in the topic, or -1 if we are either specifying a manual partition assignment or using the default replication factor. */
  replicationFactor: number;
  /** The manual partition assignment, or the empty array if we are using automatic assignment. */
  assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  /** The custom topic configurations to set. */
  configs: CreateTopicsRequestCreatableTopicConfig[];
}

export function defaultCreateTopicsRequestCreatableTopic(): CreateTopicsRequestCreatableTopic {
  return {
    name: "",
    numPartitions: 0,
    replicationFactor: 0,
    assignments: [],
    configs: [],
  };
}

function writeCreateTopicsRequestCreatableTopic(w: Writer, v: CreateTopicsRequestCreatableTopic, version: number): void {
  if (version >= 5) { w.compactString(v.name); } else { w.string(v.name); }
  w.int32(v.numPartitions);
  w.int16(v.replicationFactor);
  if (version >= 5) { w.unsignedVarint(v.assignments.length + 1); for (const item of v.assignments) { writeCreateTopicsRequestCreatableReplicaAssignment(w, item, version); } } else { w.int32(v.assignments.length); for (const item of v.assignments) { writeCreateTopicsRequestCreatableReplicaAssignment(w, item, version); } }
  if (version >= 5) { w.unsignedVarint(v.configs.length + 1); for (const item of v.configs) { writeCreateTopicsRequestCreatableTopicConfig(w, item, version); } } else { w.int32(v.configs.length); for (const item of v.configs) { writeCreateTopicsRequestCreatableTopicConfig(w, item, version); } }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequestCreatableTopic(r: Reader, version: number): CreateTopicsRequestCreatableTopic {
  let fName: string = "";
  if (version >= 5) { fName = r.compactString(); } else { fName = r.string(); }
  let fNumPartitions: number = 0;
  fNumPartitions = r.int32();
  let fReplicationFactor: number = 0;
  fReplicationFactor = r.int16();
  let fAssignments: CreateTopicsRequestCreatableReplicaAssignment[] = [];
  if (version >= 5) { fAssignments = readCompactArray(r, 1, () => readCreateTopicsRequestCreatableReplicaAssignment(r, version)); } else { fAssignments = readArray(r, 1, () => readCreateTopicsRequestCreatableReplicaAssignment(r, version)); }
  let fConfigs: CreateTopicsRequestCreatableTopicConfig[] = [];
  if (version >= 5) { fConfigs = readCompactArray(r, 1, () => readCreateTopicsRequestCreatableTopicConfig(r, version)); } else { fConfigs = readArray(r, 1, () => readCreateTopicsRequestCreatableTopicConfig(r, version)); }
  if (version >= 5) r.taggedFields();
  return { name: fName, numPartitions: fNumPartitions, replicationFactor: fReplicationFactor, assignments: fAssignments, configs: fConfigs };
}

export interface CreateTopicsRequest {
  /** The topics to create. */
  topics: CreateTopicsRequestCreatableTopic[];
  /** How long to wait in milliseconds before timing out the request. */
  timeoutMs: number;
  /** If true, check that the topics can be created as specified, but don't create anything. */
  validateOnly: boolean;
}

export function defaultCreateTopicsRequest(): CreateTopicsRequest {
  return {
    topics: [],
    timeoutMs: 60000,
    validateOnly: false,
  };
}

function writeCreateTopicsRequest(w: Writer, v: CreateTopicsRequest, version: number): void {
  if (version >= 5) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeCreateTopicsRequestCreatableTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeCreateTopicsRequestCreatableTopic(w, item, version); } }
  w.int32(v.timeoutMs);
  if (version >= 1) { w.bool(v.validateOnly); }
  if (version >= 5) {
    w.unsignedVarint(0);
  }
}

function readCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  let fTopics: CreateTopicsRequestCreatableTopic[] = [];
  if (version >= 5) { fTopics = readCompactArray(r, 1, () => readCreateTopicsRequestCreatableTopic(r, version)); } else { fTopics = readArray(r, 1, () => readCreateTopicsRequestCreatableTopic(r, version)); }
  let fTimeoutMs: number = 60000;
  fTimeoutMs = r.int32();
  let fValidateOnly: boolean = false;
  if (version >= 1) { fValidateOnly = r.bool(); }
  if (version >= 5) r.taggedFields();
  return { topics: fTopics, timeoutMs: fTimeoutMs, validateOnly: fValidateOnly };
}

/** The versions of CreateTopicsRequest this codec reads and writes. */
export const createTopicsRequestVersions = { min: 0, max: 7, firstFlexible: 5 } as const;

function checkCreateTopicsRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 7) {
    throw new ProtocolError('unsupported', `CreateTopicsRequest version ${version} is outside 0-7`);
  }
}

export function encodeCreateTopicsRequest(w: Writer, value: CreateTopicsRequest, version: number): void {
  checkCreateTopicsRequestVersion(version);
  writeCreateTopicsRequest(w, value, version);
}

export function decodeCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  checkCreateTopicsRequestVersion(version);
  return readCreateTopicsRequest(r, version);
}
