// Generated from internal/transaction-coordinator/TransactionLogValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readArrayNullable, readCompactArray, readCompactArrayNullable } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface TransactionLogValuePartitionsSchema {
  topic: string;
  partitionIds: number[];
}

export function defaultTransactionLogValuePartitionsSchema(): TransactionLogValuePartitionsSchema {
  return {
    topic: "",
    partitionIds: [],
  };
}

function writeTransactionLogValuePartitionsSchema(w: Writer, v: TransactionLogValuePartitionsSchema, version: number): void {
  if (version >= 1) { w.compactString(v.topic); } else { w.string(v.topic); }
  if (version >= 1) { w.unsignedVarint(v.partitionIds.length + 1); for (const item of v.partitionIds) { w.int32(item); } } else { w.int32(v.partitionIds.length); for (const item of v.partitionIds) { w.int32(item); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readTransactionLogValuePartitionsSchema(r: Reader, version: number): TransactionLogValuePartitionsSchema {
  let fTopic: string = "";
  if (version >= 1) { fTopic = r.compactString(); } else { fTopic = r.string(); }
  let fPartitionIds: number[] = [];
  if (version >= 1) { fPartitionIds = readCompactArray(r, 4, () => r.int32()); } else { fPartitionIds = readArray(r, 4, () => r.int32()); }
  if (version >= 1) r.taggedFields();
  return { topic: fTopic, partitionIds: fPartitionIds };
}

export interface TransactionLogValue {
  /** Producer id in use by the transactional id */
  producerId: bigint;
  /** Producer id used by the last committed transaction */
  previousProducerId: bigint;
  /** Latest producer ID sent to the producer for the given transactional ID */
  nextProducerId: bigint;
  /** Epoch associated with the producer id */
  producerEpoch: number;
  /** Transaction timeout in milliseconds */
  transactionTimeoutMs: number;
  /** TransactionState the transaction is in */
  transactionStatus: number;
  /** Set of partitions involved in the transaction */
  transactionPartitions: TransactionLogValuePartitionsSchema[] | null;
  /** Time the transaction was last updated */
  transactionLastUpdateTimestampMs: bigint;
  /** Time the transaction was started */
  transactionStartTimestampMs: bigint;
  /** The transaction version used by the client */
  clientTransactionVersion: number;
}

export function defaultTransactionLogValue(): TransactionLogValue {
  return {
    producerId: 0n,
    previousProducerId: -1n,
    nextProducerId: -1n,
    producerEpoch: 0,
    transactionTimeoutMs: 0,
    transactionStatus: 0,
    transactionPartitions: [],
    transactionLastUpdateTimestampMs: 0n,
    transactionStartTimestampMs: 0n,
    clientTransactionVersion: 0,
  };
}

function writeTransactionLogValue(w: Writer, v: TransactionLogValue, version: number): void {
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  w.int32(v.transactionTimeoutMs);
  w.int8(v.transactionStatus);
  if (version >= 1) { if (v.transactionPartitions === null) w.unsignedVarint(0); else { w.unsignedVarint(v.transactionPartitions.length + 1); for (const item of v.transactionPartitions) { writeTransactionLogValuePartitionsSchema(w, item, version); } } } else { if (v.transactionPartitions === null) w.int32(-1); else { w.int32(v.transactionPartitions.length); for (const item of v.transactionPartitions) { writeTransactionLogValuePartitionsSchema(w, item, version); } } }
  w.int64(v.transactionLastUpdateTimestampMs);
  w.int64(v.transactionStartTimestampMs);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readTransactionLogValue(r: Reader, version: number): TransactionLogValue {
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  const fPreviousProducerId: bigint = -1n;
  const fNextProducerId: bigint = -1n;
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  let fTransactionTimeoutMs: number = 0;
  fTransactionTimeoutMs = r.int32();
  let fTransactionStatus: number = 0;
  fTransactionStatus = r.int8();
  let fTransactionPartitions: TransactionLogValuePartitionsSchema[] | null = [];
  if (version >= 1) { fTransactionPartitions = readCompactArrayNullable(r, 1, () => readTransactionLogValuePartitionsSchema(r, version)); } else { fTransactionPartitions = readArrayNullable(r, 1, () => readTransactionLogValuePartitionsSchema(r, version)); }
  let fTransactionLastUpdateTimestampMs: bigint = 0n;
  fTransactionLastUpdateTimestampMs = r.int64();
  let fTransactionStartTimestampMs: bigint = 0n;
  fTransactionStartTimestampMs = r.int64();
  const fClientTransactionVersion: number = 0;
  if (version >= 1) r.taggedFields();
  return { producerId: fProducerId, previousProducerId: fPreviousProducerId, nextProducerId: fNextProducerId, producerEpoch: fProducerEpoch, transactionTimeoutMs: fTransactionTimeoutMs, transactionStatus: fTransactionStatus, transactionPartitions: fTransactionPartitions, transactionLastUpdateTimestampMs: fTransactionLastUpdateTimestampMs, transactionStartTimestampMs: fTransactionStartTimestampMs, clientTransactionVersion: fClientTransactionVersion };
}

/** The versions of TransactionLogValue this codec reads and writes. */
export const transactionLogValueVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkTransactionLogValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `TransactionLogValue version ${version} is outside 0-1`);
  }
}

export function encodeTransactionLogValue(w: Writer, value: TransactionLogValue, version: number): void {
  checkTransactionLogValueVersion(version);
  writeTransactionLogValue(w, value, version);
}

export function decodeTransactionLogValue(r: Reader, version: number): TransactionLogValue {
  checkTransactionLogValueVersion(version);
  return readTransactionLogValue(r, version);
}
