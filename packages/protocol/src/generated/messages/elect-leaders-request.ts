// Generated from ElectLeadersRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ElectLeadersRequestTopicPartitions {
  /** The name of a topic. */
  topic: string;
  /** The partitions of this topic whose leader should be elected. */
  partitions: number[];
}

export function defaultElectLeadersRequestTopicPartitions(): ElectLeadersRequestTopicPartitions {
  return {
    topic: "",
    partitions: [],
  };
}

function writeElectLeadersRequestTopicPartitions(w: Writer, v: ElectLeadersRequestTopicPartitions, version: number): void {
  if (version >= 2) { w.compactString(v.topic); } else { w.string(v.topic); }
  if (version >= 2) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readElectLeadersRequestTopicPartitions(r: Reader, version: number): ElectLeadersRequestTopicPartitions {
  let fTopic: string = "";
  if (version >= 2) { fTopic = r.compactString(); } else { fTopic = r.string(); }
  let fPartitions: number[] = [];
  if (version >= 2) { fPartitions = readCompactArray(r, 4, () => r.int32()); } else { fPartitions = readArray(r, 4, () => r.int32()); }
  if (version >= 2) r.taggedFields();
  return { topic: fTopic, partitions: fPartitions };
}

export interface ElectLeadersRequest {
  /** Type of elections to conduct for the partition. A value of '0' elects the preferred replica. A value of '1' elects the first live replica if there are no in-sync replica. */
  electionType: number;
  /** The topic partitions to elect leaders. */
  topicPartitions: ElectLeadersRequestTopicPartitions[] | null;
  /** The time in ms to wait for the election to complete. */
  timeoutMs: number;
}

export function defaultElectLeadersRequest(): ElectLeadersRequest {
  return {
    electionType: 0,
    topicPartitions: [],
    timeoutMs: 60000,
  };
}

function writeElectLeadersRequest(w: Writer, v: ElectLeadersRequest, version: number): void {
  if (version >= 1) { w.int8(v.electionType); }
  if (version >= 2) { if (v.topicPartitions === null) w.unsignedVarint(0); else { w.unsignedVarint(v.topicPartitions.length + 1); for (const item of v.topicPartitions) { writeElectLeadersRequestTopicPartitions(w, item, version); } } } else { if (v.topicPartitions === null) w.int32(-1); else { w.int32(v.topicPartitions.length); for (const item of v.topicPartitions) { writeElectLeadersRequestTopicPartitions(w, item, version); } } }
  w.int32(v.timeoutMs);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readElectLeadersRequest(r: Reader, version: number): ElectLeadersRequest {
  let fElectionType: number = 0;
  if (version >= 1) { fElectionType = r.int8(); }
  let fTopicPartitions: ElectLeadersRequestTopicPartitions[] | null = [];
  if (version >= 2) { fTopicPartitions = readCompactArrayNullable(r, 1, () => readElectLeadersRequestTopicPartitions(r, version)); } else { fTopicPartitions = readArrayNullable(r, 1, () => readElectLeadersRequestTopicPartitions(r, version)); }
  let fTimeoutMs: number = 60000;
  fTimeoutMs = r.int32();
  if (version >= 2) r.taggedFields();
  return { electionType: fElectionType, topicPartitions: fTopicPartitions, timeoutMs: fTimeoutMs };
}

/** The versions of ElectLeadersRequest this codec reads and writes. */
export const electLeadersRequestVersions = { min: 0, max: 2, firstFlexible: 2 } as const;

function checkElectLeadersRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 2) {
    throw new ProtocolError('unsupported', `ElectLeadersRequest version ${version} is outside 0-2`);
  }
}

export function encodeElectLeadersRequest(w: Writer, value: ElectLeadersRequest, version: number): void {
  checkElectLeadersRequestVersion(version);
  writeElectLeadersRequest(w, value, version);
}

export function decodeElectLeadersRequest(r: Reader, version: number): ElectLeadersRequest {
  checkElectLeadersRequestVersion(version);
  return readElectLeadersRequest(r, version);
}
