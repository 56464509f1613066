// Generated from TxnOffsetCommitResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface TxnOffsetCommitResponsePartition {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultTxnOffsetCommitResponsePartition(): TxnOffsetCommitResponsePartition {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeTxnOffsetCommitResponsePartition(w: Writer, v: TxnOffsetCommitResponsePartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitResponsePartition(r: Reader, version: number): TxnOffsetCommitResponsePartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 3) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface TxnOffsetCommitResponseTopic {
  /** The topic name. */
  name: string;
  /** The responses for each partition in the topic. */
  partitions: TxnOffsetCommitResponsePartition[];
}

export function defaultTxnOffsetCommitResponseTopic(): TxnOffsetCommitResponseTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeTxnOffsetCommitResponseTopic(w: Writer, v: TxnOffsetCommitResponseTopic, version: number): void {
  if (version >= 3) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 3) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeTxnOffsetCommitResponsePartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeTxnOffsetCommitResponsePartition(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitResponseTopic(r: Reader, version: number): TxnOffsetCommitResponseTopic {
  let fName: string = "";
  if (version >= 3) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: TxnOffsetCommitResponsePartition[] = [];
  if (version >= 3) { fPartitions = readCompactArray(r, 1, () => readTxnOffsetCommitResponsePartition(r, version)); } else { fPartitions = readArray(r, 1, () => readTxnOffsetCommitResponsePartition(r, version)); }
  if (version >= 3) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface TxnOffsetCommitResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The responses for each topic. */
  topics: TxnOffsetCommitResponseTopic[];
}

export function defaultTxnOffsetCommitResponse(): TxnOffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: [],
  };
}

function writeTxnOffsetCommitResponse(w: Writer, v: TxnOffsetCommitResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 3) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeTxnOffsetCommitResponseTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeTxnOffsetCommitResponseTopic(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitResponse(r: Reader, version: number): TxnOffsetCommitResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fTopics: TxnOffsetCommitResponseTopic[] = [];
  if (version >= 3) { fTopics = readCompactArray(r, 1, () => readTxnOffsetCommitResponseTopic(r, version)); } else { fTopics = readArray(r, 1, () => readTxnOffsetCommitResponseTopic(r, version)); }
  if (version >= 3) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, topics: fTopics };
}

/** The versions of TxnOffsetCommitResponse this codec reads and writes. */
export const txnOffsetCommitResponseVersions = { min: 0, max: 4, firstFlexible: 3 } as const;

function checkTxnOffsetCommitResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `TxnOffsetCommitResponse version ${version} is outside 0-4`);
  }
}

export function encodeTxnOffsetCommitResponse(w: Writer, value: TxnOffsetCommitResponse, version: number): void {
  checkTxnOffsetCommitResponseVersion(version);
  writeTxnOffsetCommitResponse(w, value, version);
}

export function decodeTxnOffsetCommitResponse(r: Reader, version: number): TxnOffsetCommitResponse {
  checkTxnOffsetCommitResponseVersion(version);
  return readTxnOffsetCommitResponse(r, version);
}
