// Generated from DescribeTransactionsResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface DescribeTransactionsResponseTopicData {
  topic: string;
  partitions: number[];
}

export function defaultDescribeTransactionsResponseTopicData(): DescribeTransactionsResponseTopicData {
  return {
    topic: "",
    partitions: [],
  };
}

function writeDescribeTransactionsResponseTopicData(w: Writer, v: DescribeTransactionsResponseTopicData, version: number): void {
  w.compactString(v.topic);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTransactionsResponseTopicData(r: Reader, version: number): DescribeTransactionsResponseTopicData {
  let fTopic: string = "";
  fTopic = r.compactString();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topic: fTopic, partitions: fPartitions };
}

export interface DescribeTransactionsResponseTransactionState {
  errorCode: number;
  transactionalId: string;
  transactionState: string;
  transactionTimeoutMs: number;
  transactionStartTimeMs: bigint;
  producerId: bigint;
  producerEpoch: number;
  /** The set of partitions included in the current transaction (if active). When a transaction is preparing to commit or abort, this will include only partitions which do not have markers. */
  topics: DescribeTransactionsResponseTopicData[];
}

export function defaultDescribeTransactionsResponseTransactionState(): DescribeTransactionsResponseTransactionState {
  return {
    errorCode: 0,
    transactionalId: "",
    transactionState: "",
    transactionTimeoutMs: 0,
    transactionStartTimeMs: 0n,
    producerId: 0n,
    producerEpoch: 0,
    topics: [],
  };
}

function writeDescribeTransactionsResponseTransactionState(w: Writer, v: DescribeTransactionsResponseTransactionState, version: number): void {
  w.int16(v.errorCode);
  w.compactString(v.transactionalId);
  w.compactString(v.transactionState);
  w.int32(v.transactionTimeoutMs);
  w.int64(v.transactionStartTimeMs);
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeDescribeTransactionsResponseTopicData(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTransactionsResponseTransactionState(r: Reader, version: number): DescribeTransactionsResponseTransactionState {
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  let fTransactionalId: string = "";
  fTransactionalId = r.compactString();
  let fTransactionState: string = "";
  fTransactionState = r.compactString();
  let fTransactionTimeoutMs: number = 0;
  fTransactionTimeoutMs = r.int32();
  let fTransactionStartTimeMs: bigint = 0n;
  fTransactionStartTimeMs = r.int64();
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  let fTopics: DescribeTransactionsResponseTopicData[] = [];
  fTopics = readCompactArray(r, 1, () => readDescribeTransactionsResponseTopicData(r, version));
  r.taggedFields();
  return { errorCode: fErrorCode, transactionalId: fTransactionalId, transactionState: fTransactionState, transactionTimeoutMs: fTransactionTimeoutMs, transactionStartTimeMs: fTransactionStartTimeMs, producerId: fProducerId, producerEpoch: fProducerEpoch, topics: fTopics };
}

export interface DescribeTransactionsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  transactionStates: DescribeTransactionsResponseTransactionState[];
}

export function defaultDescribeTransactionsResponse(): DescribeTransactionsResponse {
  return {
    throttleTimeMs: 0,
    transactionStates: [],
  };
}

function writeDescribeTransactionsResponse(w: Writer, v: DescribeTransactionsResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  w.unsignedVarint(v.transactionStates.length + 1); for (const item of v.transactionStates) { writeDescribeTransactionsResponseTransactionState(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readDescribeTransactionsResponse(r: Reader, version: number): DescribeTransactionsResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fTransactionStates: DescribeTransactionsResponseTransactionState[] = [];
  fTransactionStates = readCompactArray(r, 1, () => readDescribeTransactionsResponseTransactionState(r, version));
  r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, transactionStates: fTransactionStates };
}

/** The versions of DescribeTransactionsResponse this codec reads and writes. */
export const describeTransactionsResponseVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkDescribeTransactionsResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `DescribeTransactionsResponse version ${version} is outside 0-0`);
  }
}

export function encodeDescribeTransactionsResponse(w: Writer, value: DescribeTransactionsResponse, version: number): void {
  checkDescribeTransactionsResponseVersion(version);
  writeDescribeTransactionsResponse(w, value, version);
}

export function decodeDescribeTransactionsResponse(r: Reader, version: number): DescribeTransactionsResponse {
  checkDescribeTransactionsResponseVersion(version);
  return readDescribeTransactionsResponse(r, version);
}
