// Generated from AddPartitionsToTxnResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  /** The partition indexes. */
  partitionIndex: number;
  /** The response error code. */
  partitionErrorCode: number;
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  return {
    partitionIndex: 0,
    partitionErrorCode: 0,
  };
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w: Writer, v: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.partitionErrorCode);
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r: Reader, version: number): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fPartitionErrorCode: number = 0;
  fPartitionErrorCode = r.int16();
  if (version >= 3) r.taggedFields();
  return { partitionIndex: fPartitionIndex, partitionErrorCode: fPartitionErrorCode };
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  /** The topic name. */
  name: string;
  /** The results for each partition */
  resultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[];
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  return {
    name: "",
    resultsByPartition: [],
  };
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w: Writer, v: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult, version: number): void {
  if (version >= 3) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 3) { w.unsignedVarint(v.resultsByPartition.length + 1); for (const item of v.resultsByPartition) { writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w, item, version); } } else { w.int32(v.resultsByPartition.length); for (const item of v.resultsByPartition) { writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r: Reader, version: number): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  let fName: string = "";
  if (version >= 3) { fName = r.compactString(); } else { fName = r.string(); }
  let fResultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[] = [];
  if (version >= 3) { fResultsByPartition = readCompactArray(r, 1, () => readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r, version)); } else { fResultsByPartition = readArray(r, 1, () => readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r, version)); }
  if (version >= 3) r.taggedFields();
  return { name: fName, resultsByPartition: fResultsByPartition };
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  /** The transactional id corresponding to the transaction. */
  transactionalId: string;
  /** The results for each topic. */
  topicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnResult(): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  return {
    transactionalId: "",
    topicResults: [],
  };
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(w: Writer, v: AddPartitionsToTxnResponseAddPartitionsToTxnResult, version: number): void {
  if (version >= 4) { w.compactString(v.transactionalId); }
  if (version >= 4) { w.unsignedVarint(v.topicResults.length + 1); for (const item of v.topicResults) { writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnResult(r: Reader, version: number): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  let fTransactionalId: string = "";
  if (version >= 4) { fTransactionalId = r.compactString(); }
  let fTopicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] = [];
  if (version >= 4) { fTopicResults = readCompactArray(r, 1, () => readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r, version)); }
  if (version >= 3) r.taggedFields();
  return { transactionalId: fTransactionalId, topicResults: fTopicResults };
}

export interface AddPartitionsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. */
  throttleTimeMs: number;
  /** The response top level error code. */
  errorCode: number;
  /** Results categorized by transactional ID. */
  resultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[];
  /** The results for each topic. */
  resultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
}

export function defaultAddPartitionsToTxnResponse(): AddPartitionsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    resultsByTransaction: [],
    resultsByTopicV3AndBelow: [],
  };
}

function writeAddPartitionsToTxnResponse(w: Writer, v: AddPartitionsToTxnResponse, version: number): void {
  w.int32(v.throttleTimeMs);
  if (version >= 4) { w.int16(v.errorCode); }
  if (version >= 4) { w.unsignedVarint(v.resultsByTransaction.length + 1); for (const item of v.resultsByTransaction) { writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(w, item, version); } }
  if (version <= 3) { if (version >= 3 && version <= 3) { w.unsignedVarint(v.resultsByTopicV3AndBelow.length + 1); for (const item of v.resultsByTopicV3AndBelow) { writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w, item, version); } } else { w.int32(v.resultsByTopicV3AndBelow.length); for (const item of v.resultsByTopicV3AndBelow) { writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w, item, version); } } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnResponse(r: Reader, version: number): AddPartitionsToTxnResponse {
  let fThrottleTimeMs: number = 0;
  fThrottleTimeMs = r.int32();
  let fErrorCode: number = 0;
  if (version >= 4) { fErrorCode = r.int16(); }
  let fResultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[] = [];
  if (version >= 4) { fResultsByTransaction = readCompactArray(r, 1, () => readAddPartitionsToTxnResponseAddPartitionsToTxnResult(r, version)); }
  let fResultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] = [];
  if (version <= 3) { if (version >= 3 && version <= 3) { fResultsByTopicV3AndBelow = readCompactArray(r, 1, () => readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r, version)); } else { fResultsByTopicV3AndBelow = readArray(r, 1, () => readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r, version)); } }
  if (version >= 3) r.taggedFields();
  return { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, resultsByTransaction: fResultsByTransaction, resultsByTopicV3AndBelow: fResultsByTopicV3AndBelow };
}

/** The versions of AddPartitionsToTxnResponse this codec reads and writes. */
export const addPartitionsToTxnResponseVersions = { min: 0, max: 5, firstFlexible: 3 } as const;

function checkAddPartitionsToTxnResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `AddPartitionsToTxnResponse version ${version} is outside 0-5`);
  }
}

export function encodeAddPartitionsToTxnResponse(w: Writer, value: AddPartitionsToTxnResponse, version: number): void {
  checkAddPartitionsToTxnResponseVersion(version);
  writeAddPartitionsToTxnResponse(w, value, version);
}

export function decodeAddPartitionsToTxnResponse(r: Reader, version: number): AddPartitionsToTxnResponse {
  checkAddPartitionsToTxnResponseVersion(version);
  return readAddPartitionsToTxnResponse(r, version);
}
