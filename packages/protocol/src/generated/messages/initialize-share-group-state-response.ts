// Generated from InitializeShareGroupStateResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface InitializeShareGroupStateResponsePartitionResult {
  /** The partition index. */
  partition: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultInitializeShareGroupStateResponsePartitionResult(): InitializeShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

function writeInitializeShareGroupStateResponsePartitionResult(w: Writer, v: InitializeShareGroupStateResponsePartitionResult, version: number): void {
  w.int32(v.partition);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readInitializeShareGroupStateResponsePartitionResult(r: Reader, version: number): InitializeShareGroupStateResponsePartitionResult {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface InitializeShareGroupStateResponseInitializeStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: InitializeShareGroupStateResponsePartitionResult[];
}

export function defaultInitializeShareGroupStateResponseInitializeStateResult(): InitializeShareGroupStateResponseInitializeStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeInitializeShareGroupStateResponseInitializeStateResult(w: Writer, v: InitializeShareGroupStateResponseInitializeStateResult, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeInitializeShareGroupStateResponsePartitionResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readInitializeShareGroupStateResponseInitializeStateResult(r: Reader, version: number): InitializeShareGroupStateResponseInitializeStateResult {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: InitializeShareGroupStateResponsePartitionResult[] = [];
  fPartitions = readCompactArray(r, 1, () => readInitializeShareGroupStateResponsePartitionResult(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface InitializeShareGroupStateResponse {
  /** The initialization results */
  results: InitializeShareGroupStateResponseInitializeStateResult[];
}

export function defaultInitializeShareGroupStateResponse(): InitializeShareGroupStateResponse {
  return {
    results: [],
  };
}

function writeInitializeShareGroupStateResponse(w: Writer, v: InitializeShareGroupStateResponse, version: number): void {
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeInitializeShareGroupStateResponseInitializeStateResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readInitializeShareGroupStateResponse(r: Reader, version: number): InitializeShareGroupStateResponse {
  let fResults: InitializeShareGroupStateResponseInitializeStateResult[] = [];
  fResults = readCompactArray(r, 1, () => readInitializeShareGroupStateResponseInitializeStateResult(r, version));
  r.taggedFields();
  return { results: fResults };
}

/** The versions of InitializeShareGroupStateResponse this codec reads and writes. */
export const initializeShareGroupStateResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkInitializeShareGroupStateResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `InitializeShareGroupStateResponse version ${version} is outside 0-0`);
  }
}

export function encodeInitializeShareGroupStateResponse(w: Writer, value: InitializeShareGroupStateResponse, version: number): void {
  checkInitializeShareGroupStateResponseVersion(version);
  writeInitializeShareGroupStateResponse(w, value, version);
}

export function decodeInitializeShareGroupStateResponse(r: Reader, version: number): InitializeShareGroupStateResponse {
  checkInitializeShareGroupStateResponseVersion(version);
  return readInitializeShareGroupStateResponse(r, version);
}
