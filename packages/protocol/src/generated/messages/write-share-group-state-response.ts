// Generated from WriteShareGroupStateResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface WriteShareGroupStateResponsePartitionResult {
  /** The partition index. */
  partition: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultWriteShareGroupStateResponsePartitionResult(): WriteShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

function writeWriteShareGroupStateResponsePartitionResult(w: Writer, v: WriteShareGroupStateResponsePartitionResult, version: number): void {
  w.int32(v.partition);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateResponsePartitionResult(r: Reader, version: number): WriteShareGroupStateResponsePartitionResult {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface WriteShareGroupStateResponseWriteStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: WriteShareGroupStateResponsePartitionResult[];
}

export function defaultWriteShareGroupStateResponseWriteStateResult(): WriteShareGroupStateResponseWriteStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeWriteShareGroupStateResponseWriteStateResult(w: Writer, v: WriteShareGroupStateResponseWriteStateResult, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeWriteShareGroupStateResponsePartitionResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateResponseWriteStateResult(r: Reader, version: number): WriteShareGroupStateResponseWriteStateResult {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: WriteShareGroupStateResponsePartitionResult[] = [];
  fPartitions = readCompactArray(r, 1, () => readWriteShareGroupStateResponsePartitionResult(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface WriteShareGroupStateResponse {
  /** The write results */
  results: WriteShareGroupStateResponseWriteStateResult[];
}

export function defaultWriteShareGroupStateResponse(): WriteShareGroupStateResponse {
  return {
    results: [],
  };
}

function writeWriteShareGroupStateResponse(w: Writer, v: WriteShareGroupStateResponse, version: number): void {
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeWriteShareGroupStateResponseWriteStateResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readWriteShareGroupStateResponse(r: Reader, version: number): WriteShareGroupStateResponse {
  let fResults: WriteShareGroupStateResponseWriteStateResult[] = [];
  fResults = readCompactArray(r, 1, () => readWriteShareGroupStateResponseWriteStateResult(r, version));
  r.taggedFields();
  return { results: fResults };
}

/** The versions of WriteShareGroupStateResponse this codec reads and writes. */
export const writeShareGroupStateResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkWriteShareGroupStateResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `WriteShareGroupStateResponse version ${version} is outside 0-0`);
  }
}

export function encodeWriteShareGroupStateResponse(w: Writer, value: WriteShareGroupStateResponse, version: number): void {
  checkWriteShareGroupStateResponseVersion(version);
  writeWriteShareGroupStateResponse(w, value, version);
}

export function decodeWriteShareGroupStateResponse(r: Reader, version: number): WriteShareGroupStateResponse {
  checkWriteShareGroupStateResponseVersion(version);
  return readWriteShareGroupStateResponse(r, version);
}
