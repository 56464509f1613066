// Generated from DescribeProducersResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeProducersResponseProducerState {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: bigint;
  coordinatorEpoch: number;
  currentTxnStartOffset: bigint;
}

export function defaultDescribeProducersResponseProducerState(): DescribeProducersResponseProducerState {
  return {
    producerId: 0n,
    producerEpoch: 0,
    lastSequence: -1,
    lastTimestamp: -1n,
    coordinatorEpoch: 0,
    currentTxnStartOffset: -1n,
  };
}

function writeDescribeProducersResponseProducerState(w: Writer, v: DescribeProducersResponseProducerState, version: number): void {
  w.int64(v.producerId);
  w.int32(v.producerEpoch);
  w.int32(v.lastSequence);
  w.int64(v.lastTimestamp);
  w.int32(v.coordinatorEpoch);
  w.int64(v.currentTxnStartOffset);
  {
    w.unsignedVarint(0);
  }
}

function readDescribeProducersResponseProducerState(r: Reader, version: number): DescribeProducersResponseProducerState {
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int32();
  let fLastSequence: number = -1;
  fLastSequence = r.int32();
  let fLastTimestamp: bigint = -1n;
  fLastTimestamp = r.int64();
  let fCoordinatorEpoch: number = 0;
  fCoordinatorEpoch = r.int32();
  let fCurrentTxnStartOffset: bigint = -1n;
  fCurrentTxnStartOffset = r.int64();
  r.taggedFields();
  return { producerId: fProducerId, producerEpoch: fProducerEpoch, lastSequence: fLastSequence, lastTimestamp: fLastTimestamp, coordinatorEpoch: fCoordinatorEpoch, currentTxnStartOffset: fCurrentTxnStartOffset };
}

export interface DescribeProducersResponsePartitionResponse {
  /** The partition index. */
  partitionIndex: number;
  /** The partition error code, or 0 if there was no error. */
  errorCode: number;
  /** The partition error message, which may be null if no additional details are available */
  errorMessage: string | null;
  activeProducers: DescribeProducersResponseProducerState[];
}

export function defaultDescribeProducersResponsePartitionResponse(): DescribeProducersResponsePartitionResponse {
  return {
    partitionIndex: 0,
    errorCode: 0,
    errorMessage: null,
    activeProducers: [],
  };
}

function writeDescribeProducersResponsePartitionResponse(w: Writer, v: DescribeProducersResponsePartitionResponse, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  w.compactNullableString(v.errorMessage);
  w.unsignedVarint(v.activeProducers.length + 1); for (const item of v.activeProducers) { writeDescribeProducersResponseProducerState(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeProducersResponsePartitionResponse(r: Reader, version: number): DescribeProducersResponsePartitionResponse {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fErrorMessage: string | null = null;
  fErrorMessage = r.compactNullableString();
  let fActiveProducers: DescribeProducersResponseProducerState[] = [];
  fActiveProducers = readCompactArray(r, 1, () => readDescribeProducersResponseProducerState(r, version));
  r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode, errorMessage: fErrorMessage, activeProducers: fActiveProducers };
}

export interface DescribeProducersResponseTopicResponse {
  /** The topic name */
  name: string;
  /** Each partition in the response. */
  partitions: DescribeProducersResponsePartitionResponse[];
}

export function defaultDescribeProducersResponseTopicResponse(): DescribeProducersResponseTopicResponse {
  return {
    name: "",
    partitions: [],
  };
}

function writeDescribeProducersResponseTopicResponse(w: Writer, v: DescribeProducersResponseTopicResponse, version: number): void {
  w.compactString(v.name);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeDescribeProducersResponsePartitionResponse(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeProducersResponseTopicResponse(r: Reader, version: number): DescribeProducersResponseTopicResponse {
  let fName: string = "";
  fName = r.compactString();
  let fPartitions: DescribeProducersResponsePartitionResponse[] = [];
  fPartitions = readCompactArray(r, 1, () => readDescribeProducersResponsePartitionResponse(r, version));
  r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface DescribeProducersResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** Each topic in the response. */
  topics: DescribeProducersResponseTopicResponse[];
}

export function defaultDescribeProducersResponse(): DescribeProducersResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeDescribeProducersResponse(w: Writer, v: DescribeProducersResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeProducersResponseTopicResponse(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeProducersResponse(r: Reader, version: number): DescribeProducersResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fTopics: DescribeProducersResponseTopicResponse[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeProducersResponseTopicResponse(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of DescribeProducersResponse this codec reads and writes. */
export const describeProducersResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeProducersResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeProducersResponse version ${version} is outside 0-0`);
  }
}

export function encodeDescribeProducersResponse(w: Writer, value: DescribeProducersResponse, version: number): void {
  checkDescribeProducersResponseVersion(version);
  writeDescribeProducersResponse(w, value, version);
}

export function decodeDescribeProducersResponse(r: Reader, version: number): DescribeProducersResponse {
  checkDescribeProducersResponseVersion(version);
  return readDescribeProducersResponse(r, version);
}
