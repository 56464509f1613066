// Generated from ControlledShutdownResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ControlledShutdownResponseRemainingPartition {
  /** The name of the topic. */
  topicName: string;
  /** The index of the partition. */
  partitionIndex: number;
}

export function defaultControlledShutdownResponseRemainingPartition(): ControlledShutdownResponseRemainingPartition {
  return {
    topicName: "",
    partitionIndex: 0,
  };
}

function writeControlledShutdownResponseRemainingPartition(w: Writer, v: ControlledShutdownResponseRemainingPartition, version: number): void {
  if (version >= 3) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  w.int32(v.partitionIndex);
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readControlledShutdownResponseRemainingPartition(r: Reader, version: number): ControlledShutdownResponseRemainingPartition {
  let fTopicName: string = "";
  if (version >= 3) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  if (version >= 3) r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex };
}

export interface ControlledShutdownResponse {
  /** The top-level error code. */
  errorCode: number;
  /** The partitions that the broker still leads. */
  remainingPartitions: ControlledShutdownResponseRemainingPartition[];
}

export function defaultControlledShutdownResponse(): ControlledShutdownResponse {
  return {
    errorCode: 0,
    remainingPartitions: [],
  };
}

function writeControlledShutdownResponse(w: Writer, v: ControlledShutdownResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 3) { w.unsignedVarint(v.remainingPartitions.length + 1); for (const item of v.remainingPartitions) { writeControlledShutdownResponseRemainingPartition(w, item, version); } } else { w.int32(v.remainingPartitions.length); for (const item of v.remainingPartitions) { writeControlledShutdownResponseRemainingPartition(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readControlledShutdownResponse(r: Reader, version: number): ControlledShutdownResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fRemainingPartitions: ControlledShutdownResponseRemainingPartition[] = [];
  if (version >= 3) { fRemainingPartitions = readCompactArray(r, 1, () => readControlledShutdownResponseRemainingPartition(r, version)); } else { fRemainingPartitions = readArray(r, 1, () => readControlledShutdownResponseRemainingPartition(r, version)); }
  if (version >= 3) r.taggedFields();
  return { errorCode: fErrorCode, remainingPartitions: fRemainingPartitions };
}

/** The versions of ControlledShutdownResponse this codec reads and writes. */
export const controlledShutdownResponseVersions = { min: 0, max: 3, firstFlexible: 3 } as const;

function checkControlledShutdownResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `ControlledShutdownResponse version ${version} is outside 0-3`);
  }
}

export function encodeControlledShutdownResponse(w: Writer, value: ControlledShutdownResponse, version: number): void {
  checkControlledShutdownResponseVersion(version);
  writeControlledShutdownResponse(w, value, version);
}

export function decodeControlledShutdownResponse(r: Reader, version: number): ControlledShutdownResponse {
  checkControlledShutdownResponseVersion(version);
  return readControlledShutdownResponse(r, version);
}
