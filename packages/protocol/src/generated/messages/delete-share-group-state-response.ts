// Generated from DeleteShareGroupStateResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DeleteShareGroupStateResponsePartitionResult {
  /** The partition index. */
  partition: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
}

export function defaultDeleteShareGroupStateResponsePartitionResult(): DeleteShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
  };
}

function writeDeleteShareGroupStateResponsePartitionResult(w: Writer, v: DeleteShareGroupStateResponsePartitionResult, version: number): void {
  w.int32(v.partition);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  {
    w.unsignedVarint(0);
  }
}

function readDeleteShareGroupStateResponsePartitionResult(r: Reader, version: number): DeleteShareGroupStateResponsePartitionResult {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  r.taggedFields();
  return { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage };
}

export interface DeleteShareGroupStateResponseDeleteStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: DeleteShareGroupStateResponsePartitionResult[];
}

export function defaultDeleteShareGroupStateResponseDeleteStateResult(): DeleteShareGroupStateResponseDeleteStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeDeleteShareGroupStateResponseDeleteStateResult(w: Writer, v: DeleteShareGroupStateResponseDeleteStateResult, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDeleteShareGroupStateResponsePartitionResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDeleteShareGroupStateResponseDeleteStateResult(r: Reader, version: number): DeleteShareGroupStateResponseDeleteStateResult {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: DeleteShareGroupStateResponsePartitionResult[] = [];
  fPartitions = readCompactArray(r, 1, () => readDeleteShareGroupStateResponsePartitionResult(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface DeleteShareGroupStateResponse {
  /** The delete results */
  results: DeleteShareGroupStateResponseDeleteStateResult[];
}

export function defaultDeleteShareGroupStateResponse(): DeleteShareGroupStateResponse {
  return {
    results: [],
  };
}

function writeDeleteShareGroupStateResponse(w: Writer, v: DeleteShareGroupStateResponse, version: number): void {
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeDeleteShareGroupStateResponseDeleteStateResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDeleteShareGroupStateResponse(r: Reader, version: number): DeleteShareGroupStateResponse {
  let fResults: DeleteShareGroupStateResponseDeleteStateResult[] = [];
  fResults = readCompactArray(r, 1, () => readDeleteShareGroupStateResponseDeleteStateResult(r, version));
  r.taggedFields();
  return { results: fResults };
}

/** The versions of DeleteShareGroupStateResponse this codec reads and writes. */
export const deleteShareGroupStateResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDeleteShareGroupStateResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DeleteShareGroupStateResponse version ${version} is outside 0-0`);
  }
}

export function encodeDeleteShareGroupStateResponse(w: Writer, value: DeleteShareGroupStateResponse, version: number): void {
  checkDeleteShareGroupStateResponseVersion(version);
  writeDeleteShareGroupStateResponse(w, value, version);
}

export function decodeDeleteShareGroupStateResponse(r: Reader, version: number): DeleteShareGroupStateResponse {
  checkDeleteShareGroupStateResponseVersion(version);
  return readDeleteShareGroupStateResponse(r, version);
}
