// Generated from internal/group-coordinator/ConsumerGroupPartitionMetadataValue.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readCompactArray } from '../../../io/codec-helpers.ts';
import { ProtocolError } from '../../../io/protocol-error.ts';
import type { Reader } from '../../../io/reader.ts';
import type { Writer } from '../../../io/writer.ts';

export interface ConsumerGroupPartitionMetadataValuePartitionMetadata {
  /** The partition number. */
  partition: number;
  /** The set of racks that the partition is mapped to. */
  racks: string[];
}

export function defaultConsumerGroupPartitionMetadataValuePartitionMetadata(): ConsumerGroupPartitionMetadataValuePartitionMetadata {
  return {
    partition: 0,
    racks: [],
  };
}

function writeConsumerGroupPartitionMetadataValuePartitionMetadata(w: Writer, v: ConsumerGroupPartitionMetadataValuePartitionMetadata, version: number): void {
  w.int32(v.partition);
  w.unsignedVarint(v.racks.length + 1); for (const item of v.racks) { w.compactString(item); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupPartitionMetadataValuePartitionMetadata(r: Reader, version: number): ConsumerGroupPartitionMetadataValuePartitionMetadata {
  let fPartition: number = 0;
  fPartition = r.int32();
  let fRacks: string[] = [];
  fRacks = readCompactArray(r, 1, () => r.compactString());
  r.taggedFields();
  return { partition: fPartition, racks: fRacks };
}

export interface ConsumerGroupPartitionMetadataValueTopicMetadata {
  /** The topic id. */
  topicId: string;
  /** The topic name. */
  topicName: string;
  /** The number of partitions of the topic. */
  numPartitions: number;
  /** Deprecated: this field is not used after 4.0. Partitions mapped to a set of racks. If the rack information is unavailable for all the partitions, an empty list is stored */
  partitionMetadata: ConsumerGroupPartitionMetadataValuePartitionMetadata[];
}

export function defaultConsumerGroupPartitionMetadataValueTopicMetadata(): ConsumerGroupPartitionMetadataValueTopicMetadata {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    topicName: "",
    numPartitions: 0,
    partitionMetadata: [],
  };
}

function writeConsumerGroupPartitionMetadataValueTopicMetadata(w: Writer, v: ConsumerGroupPartitionMetadataValueTopicMetadata, version: number): void {
  w.uuid(v.topicId);
  w.compactString(v.topicName);
  w.int32(v.numPartitions);
  w.unsignedVarint(v.partitionMetadata.length + 1); for (const item of v.partitionMetadata) { writeConsumerGroupPartitionMetadataValuePartitionMetadata(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupPartitionMetadataValueTopicMetadata(r: Reader, version: number): ConsumerGroupPartitionMetadataValueTopicMetadata {
  let fTopicId: string = "AAAAAAAAAAAAAAAAAAAAAA";
  fTopicId = r.uuid();
  let fTopicName: string = "";
  fTopicName = r.compactString();
  let fNumPartitions: number = 0;
  fNumPartitions = r.int32();
  let fPartitionMetadata: ConsumerGroupPartitionMetadataValuePartitionMetadata[] = [];
  fPartitionMetadata = readCompactArray(r, 1, () => readConsumerGroupPartitionMetadataValuePartitionMetadata(r, version));
  r.taggedFields();
  return { topicId: fTopicId, topicName: fTopicName, numPartitions: fNumPartitions, partitionMetadata: fPartitionMetadata };
}

export interface ConsumerGroupPartitionMetadataValue {
  /** The list of topic metadata. */
  topics: ConsumerGroupPartitionMetadataValueTopicMetadata[];
}

export function defaultConsumerGroupPartitionMetadataValue(): ConsumerGroupPartitionMetadataValue {
  return {
    topics: [],
  };
}

function writeConsumerGroupPartitionMetadataValue(w: Writer, v: ConsumerGroupPartitionMetadataValue, version: number): void {
  w.unsignedVarint(v.topics.length + 1); for (const item of v.topics) { writeConsumerGroupPartitionMetadataValueTopicMetadata(w, item, version); }
  {
    w.unsignedVarint(0);
  }
}

function readConsumerGroupPartitionMetadataValue(r: Reader, version: number): ConsumerGroupPartitionMetadataValue {
  let fTopics: ConsumerGroupPartitionMetadataValueTopicMetadata[] = [];
  fTopics = readCompactArray(r, 1, () => readConsumerGroupPartitionMetadataValueTopicMetadata(r, version));
  r.taggedFields();
  return { topics: fTopics };
}

/** The versions of ConsumerGroupPartitionMetadataValue this codec reads and writes. */
export const consumerGroupPartitionMetadataValueVersions = { min: 0, max: 0, firstFlexible: 0 } as const;

function checkConsumerGroupPartitionMetadataValueVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 0) {
    throw new ProtocolError('unsupported', `ConsumerGroupPartitionMetadataValue version ${version} is outside 0-0`);
  }
}

export function encodeConsumerGroupPartitionMetadataValue(w: Writer, value: ConsumerGroupPartitionMetadataValue, version: number): void {
  checkConsumerGroupPartitionMetadataValueVersion(version);
  writeConsumerGroupPartitionMetadataValue(w, value, version);
}

export function decodeConsumerGroupPartitionMetadataValue(r: Reader, version: number): ConsumerGroupPartitionMetadataValue {
  checkConsumerGroupPartitionMetadataValueVersion(version);
  return readConsumerGroupPartitionMetadataValue(r, version);
}
