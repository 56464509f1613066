// Generated from WriteTxnMarkersResponse.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  /** The partition index. */
  partitionIndex: number;
  /** The error code, or 0 if there was no error. */
  errorCode: number;
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  return {
    partitionIndex: 0,
    errorCode: 0,
  };
}

function writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w: Writer, v: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult, version: number): void {
  w.int32(v.partitionIndex);
  w.int16(v.errorCode);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r: Reader, version: number): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  let fPartitionIndex: number = 0;
  fPartitionIndex = r.int32();
  let fErrorCode: number = 0;
  fErrorCode = r.int16();
  if (version >= 1) r.taggedFields();
  return { partitionIndex: fPartitionIndex, errorCode: fErrorCode };
}

export interface WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  /** The topic name. */
  name: string;
  /** The results by partition. */
  partitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[];
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerTopicResult(): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  return {
    name: "",
    partitions: [],
  };
}

function writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w: Writer, v: WriteTxnMarkersResponseWritableTxnMarkerTopicResult, version: number): void {
  if (version >= 1) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 1) { w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w, item, version); } } else { w.int32(v.partitions.length); for (const item of v.partitions) { writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r: Reader, version: number): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  let fName: string = "";
  if (version >= 1) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[] = [];
  if (version >= 1) { fPartitions = readCompactArray(r, 1, () => readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r, version)); } else { fPartitions = readArray(r, 1, () => readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r, version)); }
  if (version >= 1) r.taggedFields();
  return { name: fName, partitions: fPartitions };
}

export interface WriteTxnMarkersResponseWritableTxnMarkerResult {
  /** The current producer ID in use by the transactional ID. */
  producerId: bigint;
  /** The results by topic. */
  topics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[];
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerResult(): WriteTxnMarkersResponseWritableTxnMarkerResult {
  return {
    producerId: 0n,
    topics: [],
  };
}

function writeWriteTxnMarkersResponseWritableTxnMarkerResult(w: Writer, v: WriteTxnMarkersResponseWritableTxnMarkerResult, version: number): void {
  w.int64(v.producerId);
  if (version >= 1) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersResponseWritableTxnMarkerResult(r: Reader, version: number): WriteTxnMarkersResponseWritableTxnMarkerResult {
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fTopics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[] = [];
  if (version >= 1) { fTopics = readCompactArray(r, 1, () => readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r, version)); } else { fTopics = readArray(r, 1, () => readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r, version)); }
  if (version >= 1) r.taggedFields();
  return { producerId: fProducerId, topics: fTopics };
}

export interface WriteTxnMarkersResponse {
  /** The results for writing makers. */
  markers: WriteTxnMarkersResponseWritableTxnMarkerResult[];
}

export function defaultWriteTxnMarkersResponse(): WriteTxnMarkersResponse {
  return {
    markers: [],
  };
}

function writeWriteTxnMarkersResponse(w: Writer, v: WriteTxnMarkersResponse, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.markers.length + 1); for (const item of v.markers) { writeWriteTxnMarkersResponseWritableTxnMarkerResult(w, item, version); } } else { w.int32(v.markers.length); for (const item of v.markers) { writeWriteTxnMarkersResponseWritableTxnMarkerResult(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersResponse(r: Reader, version: number): WriteTxnMarkersResponse {
  let fMarkers: WriteTxnMarkersResponseWritableTxnMarkerResult[] = [];
  if (version >= 1) { fMarkers = readCompactArray(r, 1, () => readWriteTxnMarkersResponseWritableTxnMarkerResult(r, version)); } else { fMarkers = readArray(r, 1, () => readWriteTxnMarkersResponseWritableTxnMarkerResult(r, version)); }
  if (version >= 1) r.taggedFields();
  return { markers: fMarkers };
}

/** The versions of WriteTxnMarkersResponse this codec reads and writes. */
export const writeTxnMarkersResponseVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkWriteTxnMarkersResponseVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `WriteTxnMarkersResponse version ${version} is outside 0-1`);
  }
}

export function encodeWriteTxnMarkersResponse(w: Writer, value: WriteTxnMarkersResponse, version: number): void {
  checkWriteTxnMarkersResponseVersion(version);
  writeWriteTxnMarkersResponse(w, value, version);
}

export function decodeWriteTxnMarkersResponse(r: Reader, version: number): WriteTxnMarkersResponse {
  checkWriteTxnMarkersResponseVersion(version);
  return readWriteTxnMarkersResponse(r, version);
}
