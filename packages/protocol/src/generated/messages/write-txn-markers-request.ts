// Generated from WriteTxnMarkersRequest.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray, readCompactArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface WriteTxnMarkersRequestWritableTxnMarkerTopic {
  /** The topic name. */
  name: string;
  /** The indexes of the partitions to write transaction markers for. */
  partitionIndexes: number[];
}

export function defaultWriteTxnMarkersRequestWritableTxnMarkerTopic(): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  return {
    name: "",
    partitionIndexes: [],
  };
}

function writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w: Writer, v: WriteTxnMarkersRequestWritableTxnMarkerTopic, version: number): void {
  if (version >= 1) { w.compactString(v.name); } else { w.string(v.name); }
  if (version >= 1) { w.unsignedVarint(v.partitionIndexes.length + 1); for (const item of v.partitionIndexes) { w.int32(item); } } else { w.int32(v.partitionIndexes.length); for (const item of v.partitionIndexes) { w.int32(item); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersRequestWritableTxnMarkerTopic(r: Reader, version: number): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  let fName: string = "";
  if (version >= 1) { fName = r.compactString(); } else { fName = r.string(); }
  let fPartitionIndexes: number[] = [];
  if (version >= 1) { fPartitionIndexes = readCompactArray(r, 4, () => r.int32()); } else { fPartitionIndexes = readArray(r, 4, () => r.int32()); }
  if (version >= 1) r.taggedFields();
  return { name: fName, partitionIndexes: fPartitionIndexes };
}

export interface WriteTxnMarkersRequestWritableTxnMarker {
  /** The current producer ID. */
  producerId: bigint;
  /** The current epoch associated with the producer ID. */
  producerEpoch: number;
  /** The result of the transaction to write to the partitions (false = ABORT, true = COMMIT). */
  transactionResult: boolean;
  /** Each topic that we want to write transaction marker(s) for. */
  topics: WriteTxnMarkersRequestWritableTxnMarkerTopic[];
  /** Epoch associated with the transaction state partition hosted by this transaction coordinator */
  coordinatorEpoch: number;
}

export function defaultWriteTxnMarkersRequestWritableTxnMarker(): WriteTxnMarkersRequestWritableTxnMarker {
  return {
    producerId: 0n,
    producerEpoch: 0,
    transactionResult: false,
    topics: [],
    coordinatorEpoch: 0,
  };
}

function writeWriteTxnMarkersRequestWritableTxnMarker(w: Writer, v: WriteTxnMarkersRequestWritableTxnMarker, version: number): void {
  w.int64(v.producerId);
  w.int16(v.producerEpoch);
  w.bool(v.transactionResult);
  if (version >= 1) { w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w, item, version); } } else { w.int32(v.topics.length); for (const item of v.topics) { writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w, item, version); } }
  w.int32(v.coordinatorEpoch);
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersRequestWritableTxnMarker(r: Reader, version: number): WriteTxnMarkersRequestWritableTxnMarker {
  let fProducerId: bigint = 0n;
  fProducerId = r.int64();
  let fProducerEpoch: number = 0;
  fProducerEpoch = r.int16();
  let fTransactionResult: boolean = false;
  fTransactionResult = r.bool();
  let fTopics: WriteTxnMarkersRequestWritableTxnMarkerTopic[] = [];
  if (version >= 1) { fTopics = readCompactArray(r, 1, () => readWriteTxnMarkersRequestWritableTxnMarkerTopic(r, version)); } else { fTopics = readArray(r, 1, () => readWriteTxnMarkersRequestWritableTxnMarkerTopic(r, version)); }
  let fCoordinatorEpoch: number = 0;
  fCoordinatorEpoch = r.int32();
  if (version >= 1) r.taggedFields();
  return { producerId: fProducerId, producerEpoch: fProducerEpoch, transactionResult: fTransactionResult, topics: fTopics, coordinatorEpoch: fCoordinatorEpoch };
}

export interface WriteTxnMarkersRequest {
  /** The transaction markers to be written. */
  markers: WriteTxnMarkersRequestWritableTxnMarker[];
}

export function defaultWriteTxnMarkersRequest(): WriteTxnMarkersRequest {
  return {
    markers: [],
  };
}

function writeWriteTxnMarkersRequest(w: Writer, v: WriteTxnMarkersRequest, version: number): void {
  if (version >= 1) { w.unsignedVarint(v.markers.length + 1); for (const item of v.markers) { writeWriteTxnMarkersRequestWritableTxnMarker(w, item, version); } } else { w.int32(v.markers.length); for (const item of v.markers) { writeWriteTxnMarkersRequestWritableTxnMarker(w, item, version); } }
  if (version >= 1) {
    w.unsignedVarint(0);
  }
}

function readWriteTxnMarkersRequest(r: Reader, version: number): WriteTxnMarkersRequest {
  let fMarkers: WriteTxnMarkersRequestWritableTxnMarker[] = [];
  if (version >= 1) { fMarkers = readCompactArray(r, 1, () => readWriteTxnMarkersRequestWritableTxnMarker(r, version)); } else { fMarkers = readArray(r, 1, () => readWriteTxnMarkersRequestWritableTxnMarker(r, version)); }
  if (version >= 1) r.taggedFields();
  return { markers: fMarkers };
}

/** The versions of WriteTxnMarkersRequest this codec reads and writes. */
export const writeTxnMarkersRequestVersions = { min: 0, max: 1, firstFlexible: 1 } as const;

function checkWriteTxnMarkersRequestVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 1) {
    throw new ProtocolError('unsupported', `WriteTxnMarkersRequest version ${version} is outside 0-1`);
  }
}

export function encodeWriteTxnMarkersRequest(w: Writer, value: WriteTxnMarkersRequest, version: number): void {
  checkWriteTxnMarkersRequestVersion(version);
  writeWriteTxnMarkersRequest(w, value, version);
}

export function decodeWriteTxnMarkersRequest(r: Reader, version: number): WriteTxnMarkersRequest {
  checkWriteTxnMarkersRequestVersion(version);
  return readWriteTxnMarkersRequest(r, version);
}
