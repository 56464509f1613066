// Generated from ReadShareGroupStateSummaryResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ReadShareGroupStateSummaryResponsePartitionResult {
  /** The partition index. */
  partition: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** The state epoch of the share-partition. */
  stateEpoch: number;
  /** The share-partition start offset. */
  startOffset: bigint;
}

export function defaultReadShareGroupStateSummaryResponsePartitionResult(): ReadShareGroupStateSummaryResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
    stateEpoch: 0,
    startOffset: 0n,
  };
}

function writeReadShareGroupStateSummaryResponsePartitionResult(w: Writer, v: ReadShareGroupStateSummaryResponsePartitionResult, version: number): void {
  w.int32(v.partition);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.int32(v.stateEpoch);
  w.int64(v.startOffset);
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateSummaryResponsePartitionResult(r: Reader, version: number): ReadShareGroupStateSummaryResponsePartitionResult {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fStateEpoch: number = 0;
  fStateEpoch = r.int32();
  let fStartOffset: bigint = 0n;
  fStartOffset = r.int64();
  r.taggedFields();
  return { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage, stateEpoch: fStateEpoch, startOffset: fStartOffset };
}

export interface ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: ReadShareGroupStateSummaryResponsePartitionResult[];
}

export function defaultReadShareGroupStateSummaryResponseReadStateSummaryResult(): ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeReadShareGroupStateSummaryResponseReadStateSummaryResult(w: Writer, v: ReadShareGroupStateSummaryResponseReadStateSummaryResult, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeReadShareGroupStateSummaryResponsePartitionResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateSummaryResponseReadStateSummaryResult(r: Reader, version: number): ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ReadShareGroupStateSummaryResponsePartitionResult[] = [];
  fPartitions = readCompactArray(r, 1, () => readReadShareGroupStateSummaryResponsePartitionResult(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ReadShareGroupStateSummaryResponse {
  /** The read results */
  results: ReadShareGroupStateSummaryResponseReadStateSummaryResult[];
}

export function defaultReadShareGroupStateSummaryResponse(): ReadShareGroupStateSummaryResponse {
  return {
    results: [],
  };
}

function writeReadShareGroupStateSummaryResponse(w: Writer, v: ReadShareGroupStateSummaryResponse, version: number): void {
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeReadShareGroupStateSummaryResponseReadStateSummaryResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateSummaryResponse(r: Reader, version: number): ReadShareGroupStateSummaryResponse {
  let fResults: ReadShareGroupStateSummaryResponseReadStateSummaryResult[] = [];
  fResults = readCompactArray(r, 1, () => readReadShareGroupStateSummaryResponseReadStateSummaryResult(r, version));
  r.taggedFields();
  return { results: fResults };
}

/** The versions of ReadShareGroupStateSummaryResponse this codec reads and writes. */
export const readShareGroupStateSummaryResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkReadShareGroupStateSummaryResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ReadShareGroupStateSummaryResponse version ${version} is outside 0-0`);
  }
}

export function encodeReadShareGroupStateSummaryResponse(w: Writer, value: ReadShareGroupStateSummaryResponse, version: number): void {
  checkReadShareGroupStateSummaryResponseVersion(version);
  writeReadShareGroupStateSummaryResponse(w, value, version);
}

export function decodeReadShareGroupStateSummaryResponse(r: Reader, version: number): ReadShareGroupStateSummaryResponse {
  checkReadShareGroupStateSummaryResponseVersion(version);
  return readReadShareGroupStateSummaryResponse(r, version);
}
