// Generated from ProduceRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ProduceRequestPartitionProduceData {
  /** The partition index. */
  index: number;
  /** The record data to be produced. */
  records: Buffer | null;
}

export function defaultProduceRequestPartitionProduceData(): ProduceRequestPartitionProduceData {
  return {
    index: 0,
    records: null,
  };
}

function writeProduceRequestPartitionProduceData(w: Writer, v: ProduceRequestPartitionProduceData, version: number): void {
  w.int32(v.index);
  if (version >= 9) { w.compactNullableBytes(v.records); } else { w.nullableBytes(v.records); }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceRequestPartitionProduceData(r: Reader, version: number): ProduceRequestPartitionProduceData {
  let fIndex: number = 0;
  fIndex = r.int32();
  let fRecords: Buffer | null = null;
  if (version >= 9) { fRecords = r.compactNullableBytes(); } else { fRecords = r.nullableBytes(); }
  if (version >= 9) r.taggedFields();
  return { index: fIndex, records: fRecords };
}

export interface ProduceRequestTopicProduceData {
  /** The topic name. */
  name: string;
  /** Each partition to produce to. */
  partitionData: ProduceRequestPartitionProduceData[];
}

export function defaultProduceRequestTopicProduceData(): ProduceRequestTopicProduceData {
  return {
    name: "",
    partitionData: [],
  };
}

function writeProduceRequestTopicProduceData(w: Writer, v: ProduceRequestTopicProduceData, version: number): void {
  if (version >= 9) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 9) { w.unsignedVarint(v.partitionData.length + 1); for (const item of v.partitionData) { writeProduceRequestPartitionProduceData(w, item, version); } } else { w.int32(v.partitionData.length); for (const item of v.partitionData) { writeProduceRequestPartitionProduceData(w, item, version); } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceRequestTopicProduceData(r: Reader, version: number): ProduceRequestTopicProduceData {
  let fName: string = "";
  if (version >= 9) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitionData: ProduceRequestPartitionProduceData[] = [];
  if (version >= 9) { fPartitionData = readCompactArray(r, 1, () => readProduceRequestPartitionProduceData(r, version)); } else { fPartitionData = readArray(r, 1, () => readProduceRequestPartitionProduceData(r, version)); }
  if (version >= 9) r.taggedFields();
  return { name: fName, partitionData: fPartitionData };
}

export interface ProduceRequest {
  /** The transactional ID, or null if the producer is not transactional. */
  transactionalId: string | null;
  /** The number of acknowledgments the producer requires the leader to have received before considering a request complete. Allowed values: 0 for no acknowledgments, 1 for only the leader and -1 for the full ISR. */
  acks: number;
  /** The timeout to await a response in milliseconds. */
  timeoutMs: number;
  /** Each topic to produce to. */
  topicData: ProduceRequestTopicProduceData[];
}

export function defaultProduceRequest(): ProduceRequest {
  return {
    transactionalId: null,
    acks: 0,
    timeoutMs: 0,
    topicData: [],
  };
}

function writeProduceRequest(w: Writer, v: ProduceRequest, version: number): void {
  if (version >= 3) { if (version >= 9) { w.compactNullableString(v.transactionalId); } else { w.nullableString(v.transactionalId); } }
  w.int16(v.acks);
  w.int32(v.timeoutMs);
  if (version >= 9) { w.unsignedVarint(v.topicData.length + 1); for (const item of v.topicData) { writeProduceRequestTopicProduceData(w, item, version); } } else { w.int32(v.topicData.length); for (const item of v.topicData) { writeProduceRequestTopicProduceData(w, item, version); } }
  if (version >= 9) {
    w.unsignedVarint(0);
  }
}

function readProduceRequest(r: Reader, version: number): ProduceRequest {
  let fTransactionalId: string | null = null;
  if (version >= 3) { if (version >= 9) { fTransactionalId = r.compactNullableString(); } else { fTransactionalId = r.nullableString(); } }
  let fAcks: number = 0;
  fAcks = r.int16();
  let fTimeoutMs: number = 0;
  fTimeoutMs = r.int32();
  let fTopicData: ProduceRequestTopicProduceData[] = [];
  if (version >= 9) { fTopicData = readCompactArray(r, 1, () => readProduceRequestTopicProduceData(r, version)); } else { fTopicData = readArray(r, 1, () => readProduceRequestTopicProduceData(r, version)); }
  if (version >= 9) r.taggedFields();
  return { transactionalId: fTransactionalId, acks: fAcks, timeoutMs: fTimeoutMs, topicData: fTopicData };
}

/** The versions of ProduceRequest this codec reads and writes. */
export const produceRequestVersions = { min: 0, max: 11, firstFlexible: 9 } as const;

function checkProduceRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 11) {
    throw new ProtocolError('unsupported', `ProduceRequest version ${version} is outside 0-11`);
  }
}

export function encodeProduceRequest(w: Writer, value: ProduceRequest, version: number): void {
  checkProduceRequestVersion(version);
  writeProduceRequest(w, value, version);
}

export function decodeProduceRequest(r: Reader, version: number): ProduceRequest {
  checkProduceRequestVersion(version);
  return readProduceRequest(r, version);
}
