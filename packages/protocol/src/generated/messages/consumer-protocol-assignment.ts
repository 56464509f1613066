// Generated from ConsumerProtocolAssignment.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ConsumerProtocolAssignmentTopicPartition {
  topic: string;
  partitions: number[];
}

export function defaultConsumerProtocolAssignmentTopicPartition(): ConsumerProtocolAssignmentTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

function writeConsumerProtocolAssignmentTopicPartition(w: Writer, v: ConsumerProtocolAssignmentTopicPartition, version: number): void {
  w.string(v.topic);
  w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); }
}

function readConsumerProtocolAssignmentTopicPartition(r: Reader, version: number): ConsumerProtocolAssignmentTopicPartition {
  let fTopic: string = "";
  fTopic = r.string();
  let fPartitions: number[] = [];
  fPartitions = readArray(r, 4, () => r.int32());
  return { topic: fTopic, partitions: fPartitions };
}

export interface ConsumerProtocolAssignment {
  assignedPartitions: ConsumerProtocolAssignmentTopicPartition[];
  userData: Buffer | null;
}

export function defaultConsumerProtocolAssignment(): ConsumerProtocolAssignment {
  return {
    assignedPartitions: [],
    userData: null,
  };
}

function writeConsumerProtocolAssignment(w: Writer, v: ConsumerProtocolAssignment, version: number): void {
  w.int32(v.assignedPartitions.length); for (const item of v.assignedPartitions) { writeConsumerProtocolAssignmentTopicPartition(w, item, version); }
  w.nullableBytes(v.userData);
}

function readConsumerProtocolAssignment(r: Reader, version: number): ConsumerProtocolAssignment {
  let fAssignedPartitions: ConsumerProtocolAssignmentTopicPartition[] = [];
  fAssignedPartitions = readArray(r, 1, () => readConsumerProtocolAssignmentTopicPartition(r, version));
  let fUserData: Buffer | null = null;
  fUserData = r.nullableBytes();
  return { assignedPartitions: fAssignedPartitions, userData: fUserData };
}

/** The versions of ConsumerProtocolAssignment this codec reads and writes. */
export const consumerProtocolAssignmentVersions = { min: 0, max: 3 } as const;

function checkConsumerProtocolAssignmentVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `ConsumerProtocolAssignment version ${version} is outside 0-3`);
  }
}

export function encodeConsumerProtocolAssignment(w: Writer, value: ConsumerProtocolAssignment, version: number): void {
  checkConsumerProtocolAssignmentVersion(version);
  writeConsumerProtocolAssignment(w, value, version);
}

export function decodeConsumerProtocolAssignment(r: Reader, version: number): ConsumerProtocolAssignment {
  checkConsumerProtocolAssignmentVersion(version);
  return readConsumerProtocolAssignment(r, version);
}
