// Generated from internal/group-coordinator/ShareGroupStatePartitionMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupStatePartitionMetadataValueTopicPartitionsInfo {
  /** The topic identifier. */
  topicId: string;
  /** The topic name. */
  topicName: string;
  /** The partitions. */
  partitions: number[];
}

export function defaultShareGroupStatePartitionMetadataValueTopicPartitionsInfo(): ShareGroupStatePartitionMetadataValueTopicPartitionsInfo {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    partitions: [],
  };
}

function writeShareGroupStatePartitionMetadataValueTopicPartitionsInfo(w: Writer, v: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo, version: number): void {
  w.uuid(v.topicId);
  w.compactString(v.topicName);
  w.unsignedVarint(v.partitions.length + 1); for (const item of v.partitions) { w.int32(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupStatePartitionMetadataValueTopicPartitionsInfo(r: Reader, version: number): ShareGroupStatePartitionMetadataValueTopicPartitionsInfo {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fPartitions: number[] = [];
  fPartitions = readCompactArray(r, 4, () => r.int32());
  r.taggedFields();
  return { topicId: fTopicId, topicName: fTopicName, partitions: fPartitions };
}

export interface ShareGroupStatePartitionMetadataValueTopicInfo {
  /** The topic identifier. */
  topicId: string;
  /** The topic name. */
  topicName: string;
}

export function defaultShareGroupStatePartitionMetadataValueTopicInfo(): ShareGroupStatePartitionMetadataValueTopicInfo {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
  };
}

function writeShareGroupStatePartitionMetadataValueTopicInfo(w: Writer, v: ShareGroupStatePartitionMetadataValueTopicInfo, version: number): void {
  w.uuid(v.topicId);
  w.compactString(v.topicName);
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupStatePartitionMetadataValueTopicInfo(r: Reader, version: number): ShareGroupStatePartitionMetadataValueTopicInfo {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fTopicName: string = "";
  fTopicName = r.compactString();
  r.taggedFields();
  return { topicId: fTopicId, topicName: fTopicName };
}

export interface ShareGroupStatePartitionMetadataValue {
  /** The topics with initialized share-group state. */
  initializedTopics: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo[];
  /** The topics whose share-group state is being deleted. */
  deletingTopics: ShareGroupStatePartitionMetadataValueTopicInfo[];
}

export function defaultShareGroupStatePartitionMetadataValue(): ShareGroupStatePartitionMetadataValue {
  return {
    initializedTopics: [],
    deletingTopics: [],
  };
}

function writeShareGroupStatePartitionMetadataValue(w: Writer, v: ShareGroupStatePartitionMetadataValue, version: number): void {
  w.unsignedVarint(v.initializedTopics.length + 1); for (const item of v.initializedTopics) { writeShareGroupStatePartitionMetadataValueTopicPartitionsInfo(w, item, version); }
  w.unsignedVarint(v.deletingTopics.length + 1); for (const item of v.deletingTopics) { writeShareGroupStatePartitionMetadataValueTopicInfo(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupStatePartitionMetadataValue(r: Reader, version: number): ShareGroupStatePartitionMetadataValue {
  let fInitializedTopics: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo[] = [];
  fInitializedTopics = readCompactArray(r, 1, () => readShareGroupStatePartitionMetadataValueTopicPartitionsInfo(r, version));
  let fDeletingTopics: ShareGroupStatePartitionMetadataValueTopicInfo[] = [];
  fDeletingTopics = readCompactArray(r, 1, () => readShareGroupStatePartitionMetadataValueTopicInfo(r, version));
  r.taggedFields();
  return { initializedTopics: fInitializedTopics, deletingTopics: fDeletingTopics };
}

/** The versions of ShareGroupStatePartitionMetadataValue this codec reads and writes. */
export const shareGroupStatePartitionMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupStatePartitionMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupStatePartitionMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupStatePartitionMetadataValue(w: Writer, value: ShareGroupStatePartitionMetadataValue, version: number): void {
  checkShareGroupStatePartitionMetadataValueVersion(version);
  writeShareGroupStatePartitionMetadataValue(w, value, version);
}

export function decodeShareGroupStatePartitionMetadataValue(r: Reader, version: number): ShareGroupStatePartitionMetadataValue {
  checkShareGroupStatePartitionMetadataValueVersion(version);
  return readShareGroupStatePartitionMetadataValue(r, version);
}
