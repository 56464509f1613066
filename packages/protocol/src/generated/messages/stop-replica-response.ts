// Generated from StopReplicaResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface StopReplicaResponseStopReplicaPartitionError {
  /** The topic name. */
  topicName: string;
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no partition error. */
  errorCode: number;
}

export function defaultStopReplicaResponseStopReplicaPartitionError(): StopReplicaResponseStopReplicaPartitionError {
  return {
    topicName: "",
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeStopReplicaResponseStopReplicaPartitionError(w: Writer, v: StopReplicaResponseStopReplicaPartitionError, version: number): void {
  if (version >= 2) { w.compactString(v.topicName); } else { w.string(v.topicName); }
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaResponseStopReplicaPartitionError(r: Reader, version: number): StopReplicaResponseStopReplicaPartitionError {
  let fTopicName: string = "";
  if (version >= 2) { fTopicName = r.compactString(); } else { fTopicName = r.string(); }
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 2) r.taggedFields();
  return { topicName: fTopicName, partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface StopReplicaResponse {
  /** The top-level error code, or 0 if there was no top-level error. */
  errorCode: number;
  /** The responses for each partition. */
  partitionErrors: StopReplicaResponseStopReplicaPartitionError[];
}

export function defaultStopReplicaResponse(): StopReplicaResponse {
  return {
    errorCode: 0,
    partitionErrors: [],
  };
}

function writeStopReplicaResponse(w: Writer, v: StopReplicaResponse, version: number): void {
  w.int16(v.errorCode);
  if (version >= 2) { w.unsignedVarint(v.partitionErrors.length + 1); for (const item of v.partitionErrors) { writeStopReplicaResponseStopReplicaPartitionError(w, item, version); } } else { w.int32(v.partitionErrors.length); for (const item of v.partitionErrors) { writeStopReplicaResponseStopReplicaPartitionError(w, item, version); } }
  if (version >= 2) {
    w.unsignedVarint(0);
  }
}

function readStopReplicaResponse(r: Reader, version: number): StopReplicaResponse {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fPartitionErrors: StopReplicaResponseStopReplicaPartitionError[] = [];
  if (version >= 2) { fPartitionErrors = readCompactArray(r, 1, () => readStopReplicaResponseStopReplicaPartitionError(r, version)); } else { fPartitionErrors = readArray(r, 1, () => readStopReplicaResponseStopReplicaPartitionError(r, version)); }
  if (version >= 2) r.taggedFields();
  return { errorCode: fErrorCode, partitionErrors: fPartitionErrors };
}

/** The versions of StopReplicaResponse this codec reads and writes. */
export const stopReplicaResponseVersions = { min: 0, max: 4, firstFlexible: 2 } as const;

function checkStopReplicaResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `StopReplicaResponse version ${version} is outside 0-4`);
  }
}

export function encodeStopReplicaResponse(w: Writer, value: StopReplicaResponse, version: number): void {
  checkStopReplicaResponseVersion(version);
  writeStopReplicaResponse(w, value, version);
}

export function decodeStopReplicaResponse(r: Reader, version: number): StopReplicaResponse {
  checkStopReplicaResponseVersion(version);
  return readStopReplicaResponse(r, version);
}
