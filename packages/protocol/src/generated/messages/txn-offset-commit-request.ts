// Generated from TxnOffsetCommitRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface TxnOffsetCommitRequestPartition {
  /** The index of the partition within the topic. */
  partitionIndex: number;
  /** The message offset to be committed. */
  committedOffset: bigint;
  /** The leader epoch of the last consumed record. */
  committedLeaderEpoch: number;
  /** Any associated metadata the client wants to keep. */
  committedMetadata: string | null;
}

export function defaultTxnOffsetCommitRequestPartition(): TxnOffsetCommitRequestPartition {
  return {
    partitionIndex: 0,
    committedOffset: 0n,
    committedLeaderEpoch: -1,
    committedMetadata: "",
  };
}

function writeTxnOffsetCommitRequestPartition(w: Writer, v: TxnOffsetCommitRequestPartition, version: number): void {
  w.int32(v.partitionIndex);
  w.int64(v.committedOffset);
  if (version >= 2) { w.int32(v.committedLeaderEpoch); }
  if (version >= 3) { w.compactNullableString(v.committedMetadata); } else { w.nullableString(v.committedMetadata); }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitRequestPartition(r: Reader, version: number): TxnOffsetCommitRequestPartition {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fCommittedOffset: bigint = 0n;
  fCommittedOffset = r.int64();
  let fCommittedLeaderEpoch: number = -1;
  if (version >= 2) { fCommittedLeaderEpoch = r.int32(); }
  let fCommittedMetadata: string | null = "";
  if (version >= 3) { fCommittedMetadata = r.compactNullableString(); } else { fCommittedMetadata = r.nullableString(); }
  if (version >= 3) r.taggedFields();
  return { partitionIndex: fPartitionIndex, committedOffset: fCommittedOffset, committedLeaderEpoch: fCommittedLeaderEpoch, committedMetadata: fCommittedMetadata };
}

export interface TxnOffsetCommitRequestTopic {
  /** The topic name. */
  name: string;
  /** The partitions inside the topic that we want to commit offsets for. */
  partitions: TxnOffsetCommitRequestPartition[];
}

export function defaultTxnOffsetCommitRequestTopic(): TxnOffsetCommitRequestTopic {
  return {
    name: "",
    partitions: [],
  };
}

function writeTxnOffsetCommitRequestTopic(w: Writer, v: TxnOffsetCommitRequestTopic, version: number): void {
  if (version >= 3) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 3) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeTxnOffsetCommitRequestPartition(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeTxnOffsetCommitRequestPartition(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitRequestTopic(r: Reader, version: number): TxnOffsetCommitRequestTopic {
  let fName: string = "";
  if (version >= 3) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: TxnOffsetCommitRequestPartition[] = [];
  if (version >= 3) { fPartitions = readCompactArray(r, 1, () => readTxnOffsetCommitRequestPartition(r, version)); } else { fPartitions = readArray(r, 1, () => readTxnOffsetCommitRequestPartition(r, version)); }
  if (version >= 3) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface TxnOffsetCommitRequest {
  /** The ID of the transaction. */
  transactionalId: string;
  /** The ID of the group. */
  groupId: string;
  /** The current producer ID in use by the transactional ID. */
  producerId: bigint;
  /** The current epoch associated with the producer ID. */
  producerEpoch: number;
  /** The generation of the consumer. */
  generationId: number;
  /** The member ID assigned by the group coordinator. */
  memberId: string;
  /** The unique identifier of the consumer instance provided by end user. */
  groupInstanceId: string | null;
  /** Each topic that we want to commit offsets for. */
  topics: TxnOffsetCommitRequestTopic[];
}

export function defaultTxnOffsetCommitRequest(): TxnOffsetCommitRequest {
  return {
    transactionalId: "",
    groupId: "",
    producerId: 0n,
    producerEpoch: 0,
    generationId: -1,
    memberId: "",
    groupInstanceId: null,
    topics: [],
  };
}

function writeTxnOffsetCommitRequest(w: Writer, v: TxnOffsetCommitRequest, version: number): void {
  if (version >= 3) { w.compactString(v.transactionalId); } else { w.string(v.transactionalId); }
  if (version >= 3) { w.compactString(v.groupId); } else { w.string(v.groupId); }
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  if (version >= 3) { w.int32(v.generationId); }
  if (version >= 3) { w.compactString(v.memberId); }
  if (version >= 3) { w.compactNullableString(v.groupInstanceId); }
  if (version >= 3) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeTxnOffsetCommitRequestTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeTxnOffsetCommitRequestTopic(w, item, version); } }
  if (version >= 3) {
    w.unsignedVarint(0);
  }
}

function readTxnOffsetCommitRequest(r: Reader, version: number): TxnOffsetCommitRequest {
  let fTransactionalId: string = "";
  if (version >= 3) { fTransactionalId = r.compactString(); } else { fTransactionalId = r.string(); }
  let fGroupId: string = "";
  if (version >= 3) { fGroupId = r.compactString(); } else { fGroupId = r.string(); }
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  let fGenerationId: number = -1;
  if (version >= 3) { fGenerationId = r.int32(); }
  let fMemberId: string = "";
  if (version >= 3) { fMemberId = r.compactString(); }
  let fGroupInstanceId: string | null = null;
  if (version >= 3) { fGroupInstanceId = r.compactNullableString(); }
  let fTopics: TxnOffsetCommitRequestTopic[] = [];
  if (version >= 3) { fTopics = readCompactArray(r, 1, () => readTxnOffsetCommitRequestTopic(r, version)); } else { fTopics = readArray(r, 1, () => readTxnOffsetCommitRequestTopic(r, version)); }
  if (version >= 3) r.taggedFields();
  return { transactionalId: fTransactionalId, groupId: fGroupId, producerId: fProducerId, producerEpoch: fProducerEpoch, generationId: fGenerationId, memberId: fMemberId, groupInstanceId: fGroupInstanceId, topics: fTopics };
}

/** The versions of TxnOffsetCommitRequest this codec reads and writes. */
export const txnOffsetCommitRequestVersions = { min: 0, max: 4, firstFlexible: 3 } as const;

function checkTxnOffsetCommitRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 4) {
    throw new ProtocolError('unsupported', `TxnOffsetCommitRequest version ${version} is outside 0-4`);
  }
}

export function encodeTxnOffsetCommitRequest(w: Writer, value: TxnOffsetCommitRequest, version: number): void {
  checkTxnOffsetCommitRequestVersion(version);
  writeTxnOffsetCommitRequest(w, value, version);
}

export function decodeTxnOffsetCommitRequest(r: Reader, version: number): TxnOffsetCommitRequest {
  checkTxnOffsetCommitRequestVersion(version);
  return readTxnOffsetCommitRequest(r, version);
}
