// Generated from ReadShareGroupStateResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ReadShareGroupStateResponseStateBatch {
  /** The base offset of this state batch. */
  firstOffset: bigint;
  /** The last offset of this state batch. */
  lastOffset: bigint;
  /** The state - 0:Available,2:Acked,4:Archived. */
  deliveryState: number;
  /** The delivery count. */
  deliveryCount: number;
}

export function defaultReadShareGroupStateResponseStateBatch(): ReadShareGroupStateResponseStateBatch {
  return {
    firstOffset: 0n,
    lastOffset: 0n,
    deliveryState: 0,
    deliveryCount: 0,
  };
}

function writeReadShareGroupStateResponseStateBatch(w: Writer, v: ReadShareGroupStateResponseStateBatch, version: number): void {
  w.int64(v.firstOffset);
  w.int64(v.lastOffset);
  w.int8(v.deliveryState);
  w.int16(v.deliveryCount);
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateResponseStateBatch(r: Reader, version: number): ReadShareGroupStateResponseStateBatch {
  let fFirstOffset: bigint = 0n;
  fFirstOffset = r.int64();
  let fLastOffset: bigint = 0n;
  fLastOffset = r.int64();
  let fDeliveryState: number = 0;
  fDeliveryState = r.int8();
  let fDeliveryCount: number = 0;
  fDeliveryCount = r.int16();
  r.taggedFields();
  return { firstOffset: fFirstOffset, lastOffset: fLastOffset, deliveryState: fDeliveryState, deliveryCount: fDeliveryCount };
}

export interface ReadShareGroupStateResponsePartitionResult {
  /** The partition index. */
  partition: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
  /** The error message, or null if there was no error. */
  errorMessage: string | null;
  /** The state epoch for this share-partition. */
  stateEpoch: number;
  /** The share-partition start offset, which can be -1 if it is not yet initialized. */
  startOffset: bigint;
  stateBatches: ReadShareGroupStateResponseStateBatch[];
}

export function defaultReadShareGroupStateResponsePartitionResult(): ReadShareGroupStateResponsePartitionResult {
  return {
    partition: 0,
    errorCode: 0,
    errorMessage: null,
    stateEpoch: 0,
    startOffset: 0n,
    stateBatches: [],
  };
}

function writeReadShareGroupStateResponsePartitionResult(w: Writer, v: ReadShareGroupStateResponsePartitionResult, version: number): void {
  w.int32(v.partition);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.int32(v.stateEpoch);
  w.int64(v.startOffset);
  w.unsignedVarint(v.stateBatches.length + 1); for (const item of v.stateBatches) { writeReadShareGroupStateResponseStateBatch(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateResponsePartitionResult(r: Reader, version: number): ReadShareGroupStateResponsePartitionResult {
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
  let fStateBatches: ReadShareGroupStateResponseStateBatch[] = [];
  fStateBatches = readCompactArray(r, 1, () => readReadShareGroupStateResponseStateBatch(r, version));
  r.taggedFields();
  return { partition: fPartition, errorCode: fErrorCode, errorMessage: fErrorMessage, stateEpoch: fStateEpoch, startOffset: fStartOffset, stateBatches: fStateBatches };
}

export interface ReadShareGroupStateResponseReadStateResult {
  /** The topic identifier */
  topicId: string;
  /** The results for the partitions. */
  partitions: ReadShareGroupStateResponsePartitionResult[];
}

export function defaultReadShareGroupStateResponseReadStateResult(): ReadShareGroupStateResponseReadStateResult {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

function writeReadShareGroupStateResponseReadStateResult(w: Writer, v: ReadShareGroupStateResponseReadStateResult, version: number): void {
  w.uuid(v.topicId);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeReadShareGroupStateResponsePartitionResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateResponseReadStateResult(r: Reader, version: number): ReadShareGroupStateResponseReadStateResult {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fPartitions: ReadShareGroupStateResponsePartitionResult[] = [];
  fPartitions = readCompactArray(r, 1, () => readReadShareGroupStateResponsePartitionResult(r, version));
  r.taggedFields();
  return { topicId: fTopicId, partitions: fPartitions };
}

export interface ReadShareGroupStateResponse {
  /** The read results */
  results: ReadShareGroupStateResponseReadStateResult[];
}

export function defaultReadShareGroupStateResponse(): ReadShareGroupStateResponse {
  return {
    results: [],
  };
}

function writeReadShareGroupStateResponse(w: Writer, v: ReadShareGroupStateResponse, version: number): void {
  w.unsignedVarint(v.results.length + 1); for (const item of v.results) { writeReadShareGroupStateResponseReadStateResult(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readReadShareGroupStateResponse(r: Reader, version: number): ReadShareGroupStateResponse {
  let fResults: ReadShareGroupStateResponseReadStateResult[] = [];
  fResults = readCompactArray(r, 1, () => readReadShareGroupStateResponseReadStateResult(r, version));
  r.taggedFields();
  return { results: fResults };
}

/** The versions of ReadShareGroupStateResponse this codec reads and writes. */
export const readShareGroupStateResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkReadShareGroupStateResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ReadShareGroupStateResponse version ${version} is outside 0-0`);
  }
}

export function encodeReadShareGroupStateResponse(w: Writer, value: ReadShareGroupStateResponse, version: number): void {
  checkReadShareGroupStateResponseVersion(version);
  writeReadShareGroupStateResponse(w, value, version);
}

export function decodeReadShareGroupStateResponse(r: Reader, version: number): ReadShareGroupStateResponse {
  checkReadShareGroupStateResponseVersion(version);
  return readReadShareGroupStateResponse(r, version);
}
