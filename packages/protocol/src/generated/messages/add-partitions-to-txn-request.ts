// Generated from AddPartitionsToTxnRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  /** The name of the topic. */
  name: string;
  /** The partition indexes to add to the transaction */
  partitions: number[];
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTopic(): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w: Writer, v: AddPartitionsToTxnRequestAddPartitionsToTxnTopic, version: number): void {
  if (version >= 3) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 3) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r: Reader, version: number): AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  let fName: string = "";
  if (version >= 3) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: number[] = [];
  if (version >= 3) { fPartitions = readCompactArray(r, 4, () => r.int32()); } else { fPartitions = readArray(r, 4, () => r.int32()); }
  if (version >= 3) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  /** The transactional id corresponding to the transaction. */
  transactionalId: string;
  /** Current producer id in use by the transactional id. */
  producerId: bigint;
  /** Current epoch associated with the producer id. */
  producerEpoch: number;
  /** Boolean to signify if we want to check if the partition is in the transaction rather than add it. */
  verifyOnly: boolean;
  /** The partitions to add to the transaction. */
  topics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
}

export function defaultAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    verifyOnly: false,
    topics: [],
  };
}

function writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(w: Writer, v: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction, version: number): void {
  if (version >= 4) { w.compactString(v.transactionalId); }
  if (version >= 4) { w.int64(v.producerId); }
  if (version >= 4) { w.int16(v.producerEpoch); }
  if (version >= 4) { w.bool(v.verifyOnly); }
  if (version >= 4) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(r: Reader, version: number): AddPartitionsToTxnRequestAddPartitionsToTxnTransaction {
  let fTransactionalId: string = "";
  if (version >= 4) { fTransactionalId = r.compactString(); }
  let fProducerId: bigint = 0n;
  if (version >= 4) { fProducerId = r.int64(); }
  let fProducerEpoch: number = 0;
  if (version >= 4) { fProducerEpoch = r.int16(); }
  let fVerifyOnly: boolean = false;
  if (version >= 4) { fVerifyOnly = r.bool(); }
  let fTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[] = [];
  if (version >= 4) { fTopics = readCompactArray(r, 1, () => readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r, version)); }
  if (version >= 3) r.taggedFields();
  return { transactionalId: fTransactionalId, producerId: fProducerId, producerEpoch: fProducerEpoch, verifyOnly: fVerifyOnly, topics: fTopics };
}

export interface AddPartitionsToTxnRequest {
  /** List of transactions to add partitions to. */
  transactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[];
  /** The transactional id corresponding to the transaction. */
  v3AndBelowTransactionalId: string;
  /** Current producer id in use by the transactional id. */
  v3AndBelowProducerId: bigint;
  /** Current epoch associated with the producer id. */
  v3AndBelowProducerEpoch: number;
  /** The partitions to add to the transaction. */
  v3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
}

export function defaultAddPartitionsToTxnRequest(): AddPartitionsToTxnRequest {
  return {
    transactions: [],
    v3AndBelowTransactionalId: "",
    v3AndBelowProducerId: 0n,
    v3AndBelowProducerEpoch: 0,
    v3AndBelowTopics: [],
  };
}

function writeAddPartitionsToTxnRequest(w: Writer, v: AddPartitionsToTxnRequest, version: number): void {
  if (version >= 4) { w.unsignedVarint(v.transactions.length + 1); for (const item of v.transactions) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(w, item, version); } }
  if (version <= 3) { if (version >= 3 && version <= 3) { w.compactString(v.v3AndBelowTransactionalId); } else { w.string(v.v3AndBelowTransactionalId); } }
  if (version <= 3) { w.int64(v.v3AndBelowProducerId); }
  if (version <= 3) { w.int16(v.v3AndBelowProducerEpoch); }
  if (version <= 3) { if (version >= 3 && version <= 3) { w.unsignedVarint(v.v3AndBelowTopics.length + 1); for (const item of v.v3AndBelowTopics) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w, item, version); } } else { w.int32(v.v3AndBelowTopics.length); for (const item of v.v3AndBelowTopics) { writeAddPartitionsToTxnRequestAddPartitionsToTxnTopic(w, item, version); } } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readAddPartitionsToTxnRequest(r: Reader, version: number): AddPartitionsToTxnRequest {
  let fTransactions: AddPartitionsToTxnRequestAddPartitionsToTxnTransaction[] = [];
  if (version >= 4) { fTransactions = readCompactArray(r, 1, () => readAddPartitionsToTxnRequestAddPartitionsToTxnTransaction(r, version)); }
  let fV3AndBelowTransactionalId: string = "";
  if (version <= 3) { if (version >= 3 && version <= 3) { fV3AndBelowTransactionalId = r.compactString(); } else { fV3AndBelowTransactionalId = r.string(); } }
  let fV3AndBelowProducerId: bigint = 0n;
  if (version <= 3) { fV3AndBelowProducerId = r.int64(); }
  let fV3AndBelowProducerEpoch: number = 0;
  if (version <= 3) { fV3AndBelowProducerEpoch = r.int16(); }
  let fV3AndBelowTopics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[] = [];
  if (version <= 3) { if (version >= 3 && version <= 3) { fV3AndBelowTopics = readCompactArray(r, 1, () => readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r, version)); } else { fV3AndBelowTopics = readArray(r, 1, () => readAddPartitionsToTxnRequestAddPartitionsToTxnTopic(r, version)); } }
  if (version >= 3) r.taggedFields();
  return { transactions: fTransactions, v3AndBelowTransactionalId: fV3AndBelowTransactionalId, v3AndBelowProducerId: fV3AndBelowProducerId, v3AndBelowProducerEpoch: fV3AndBelowProducerEpoch, v3AndBelowTopics: fV3AndBelowTopics };
}

/** The versions of AddPartitionsToTxnRequest this codec reads and writes. */
export const addPartitionsToTxnRequestVersions = { min: 0, max: 5, firstFlexible: 3 } as const;

function checkAddPartitionsToTxnRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 5) {
    throw new ProtocolError('unsupported', `AddPartitionsToTxnRequest version ${version} is outside 0-5`);
  }
}

export function encodeAddPartitionsToTxnRequest(w: Writer, value: AddPartitionsToTxnRequest, version: number): void {
  checkAddPartitionsToTxnRequestVersion(version);
  writeAddPartitionsToTxnRequest(w, value, version);
}

export function decodeAddPartitionsToTxnRequest(r: Reader, version: number): AddPartitionsToTxnRequest {
  checkAddPartitionsToTxnRequestVersion(version);
  return readAddPartitionsToTxnRequest(r, version);
}
