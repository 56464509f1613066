// Generated from internal/group-coordinator/ShareGroupPartitionMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ShareGroupPartitionMetadataValuePartitionMetadata {
  /** The partition number. */
  partition: number;
  /** The set of racks that the partition is mapped to. */
  racks: string[];
}

export function defaultShareGroupPartitionMetadataValuePartitionMetadata(): ShareGroupPartitionMetadataValuePartitionMetadata {
  return {
    partition: 0,
    racks: [],
  };
}

function writeShareGroupPartitionMetadataValuePartitionMetadata(w: Writer, v: ShareGroupPartitionMetadataValuePartitionMetadata, version: number): void {
  w.int32(v.partition);
  w.unsignedVarint(v.racks.length + 1); for (const item of v.racks) { w.compactString(item); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupPartitionMetadataValuePartitionMetadata(r: Reader, version: number): ShareGroupPartitionMetadataValuePartitionMetadata {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fRacks: string[] = [];
  fRacks = readCompactArray(r, 1, () => r.compactString());
  r.taggedFields();
  return { partition: fPartition, racks: fRacks };
}

export interface ShareGroupPartitionMetadataValueTopicMetadata {
  /** The topic id. */
  topicId: string;
  /** The topic name. */
  topicName: string;
  /** The number of partitions of the topic. */
  numPartitions: number;
  /** Partitions mapped to a set of racks. If the rack information is unavailable for all the partitions, an empty list is stored */
  partitionMetadata: ShareGroupPartitionMetadataValuePartitionMetadata[];
}

export function defaultShareGroupPartitionMetadataValueTopicMetadata(): ShareGroupPartitionMetadataValueTopicMetadata {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    numPartitions: 0,
    partitionMetadata: [],
  };
}

function writeShareGroupPartitionMetadataValueTopicMetadata(w: Writer, v: ShareGroupPartitionMetadataValueTopicMetadata, version: number): void {
  w.uuid(v.topicId);
  w.compactString(v.topicName);
  w.int32(v.numPartitions);
  w.unsignedVarint(v.partitionMetadata.length + 1); for (const item of v.partitionMetadata) { writeShareGroupPartitionMetadataValuePartitionMetadata(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupPartitionMetadataValueTopicMetadata(r: Reader, version: number): ShareGroupPartitionMetadataValueTopicMetadata {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fNumPartitions: number = 0;
  fNumPartitions = r.int32();
  let fPartitionMetadata: ShareGroupPartitionMetadataValuePartitionMetadata[] = [];
  fPartitionMetadata = readCompactArray(r, 1, () => readShareGroupPartitionMetadataValuePartitionMetadata(r, version));
  r.taggedFields();
  return { topicId: fTopicId, topicName: fTopicName, numPartitions: fNumPartitions, partitionMetadata: fPartitionMetadata };
}

export interface ShareGroupPartitionMetadataValue {
  /** The list of topic metadata. */
  topics: ShareGroupPartitionMetadataValueTopicMetadata[];
}

export function defaultShareGroupPartitionMetadataValue(): ShareGroupPartitionMetadataValue {
  return {
    topics: [],
  };
}

function writeShareGroupPartitionMetadataValue(w: Writer, v: ShareGroupPartitionMetadataValue, version: number): void {
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeShareGroupPartitionMetadataValueTopicMetadata(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readShareGroupPartitionMetadataValue(r: Reader, version: number): ShareGroupPartitionMetadataValue {
  let fTopics: ShareGroupPartitionMetadataValueTopicMetadata[] = [];
  fTopics = readCompactArray(r, 1, () => readShareGroupPartitionMetadataValueTopicMetadata(r, version));
  r.taggedFields();
  return { topics: fTopics };
}

/** The versions of ShareGroupPartitionMetadataValue this codec reads and writes. */
export const shareGroupPartitionMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkShareGroupPartitionMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ShareGroupPartitionMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeShareGroupPartitionMetadataValue(w: Writer, value: ShareGroupPartitionMetadataValue, version: number): void {
  checkShareGroupPartitionMetadataValueVersion(version);
  writeShareGroupPartitionMetadataValue(w, value, version);
}

export function decodeShareGroupPartitionMetadataValue(r: Reader, version: number): ShareGroupPartitionMetadataValue {
  checkShareGroupPartitionMetadataValueVersion(version);
  return readShareGroupPartitionMetadataValue(r, version);
}
