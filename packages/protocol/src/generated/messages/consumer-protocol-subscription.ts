// Generated from ConsumerProtocolSubscription.json. DO NOT EDIT.
// Regenerate with `npm run generate` (packages/protocol/scripts/generate.ts).
import { readArray } from '../../io/codec-helpers.ts';
import { ProtocolError } from '../../io/protocol-error.ts';
import type { Reader } from '../../io/reader.ts';
import type { Writer } from '../../io/writer.ts';

export interface ConsumerProtocolSubscriptionTopicPartition {
  topic: string;
  partitions: number[];
}

export function defaultConsumerProtocolSubscriptionTopicPartition(): ConsumerProtocolSubscriptionTopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

function writeConsumerProtocolSubscriptionTopicPartition(w: Writer, v: ConsumerProtocolSubscriptionTopicPartition, version: number): void {
  if (version >= 1) { w.string(v.topic); }
  if (version >= 1) { w.int32(v.partitions.length); for (const item of v.partitions) { w.int32(item); } }
}

function readConsumerProtocolSubscriptionTopicPartition(r: Reader, version: number): ConsumerProtocolSubscriptionTopicPartition {
  let fTopic: string = "";
  if (version >= 1) { fTopic = r.string(); }
  let fPartitions: number[] = [];
  if (version >= 1) { fPartitions = readArray(r, 4, () => r.int32()); }
  return { topic: fTopic, partitions: fPartitions };
}

export interface ConsumerProtocolSubscription {
  topics: string[];
  userData: Buffer | null;
  ownedPartitions: ConsumerProtocolSubscriptionTopicPartition[];
  generationId: number;
  rackId: string | null;
}

export function defaultConsumerProtocolSubscription(): ConsumerProtocolSubscription {
  return {
    topics: [],
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  };
}

function writeConsumerProtocolSubscription(w: Writer, v: ConsumerProtocolSubscription, version: number): void {
  w.int32(v.topics.length); for (const item of v.topics) { w.string(item); }
  w.nullableBytes(v.userData);
  if (version >= 1) { w.int32(v.ownedPartitions.length); for (const item of v.ownedPartitions) { writeConsumerProtocolSubscriptionTopicPartition(w, item, version); } }
  if (version >= 2) { w.int32(v.generationId); }
  if (version >= 3) { w.nullableString(v.rackId); }
}

function readConsumerProtocolSubscription(r: Reader, version: number): ConsumerProtocolSubscription {
  let fTopics: string[] = [];
  fTopics = readArray(r, 2, () => r.string());
  let fUserData: Buffer | null = null;
  fUserData = r.nullableBytes();
  let fOwnedPartitions: ConsumerProtocolSubscriptionTopicPartition[] = [];
  if (version >= 1) { fOwnedPartitions = readArray(r, 1, () => readConsumerProtocolSubscriptionTopicPartition(r, version)); }
  let fGenerationId: number = -1;
  if (version >= 2) { fGenerationId = r.int32(); }
  let fRackId: string | null = null;
  if (version >= 3) { fRackId = r.nullableString(); }
  return { topics: fTopics, userData: fUserData, ownedPartitions: fOwnedPartitions, generationId: fGenerationId, rackId: fRackId };
}

/** The versions of ConsumerProtocolSubscription this codec reads and writes. */
export const consumerProtocolSubscriptionVersions = { min: 0, max: 3 } as const;

function checkConsumerProtocolSubscriptionVersion(version: number): void {
  if (!Number.isInteger(version) || version < 0 || version > 3) {
    throw new ProtocolError('unsupported', `ConsumerProtocolSubscription version ${version} is outside 0-3`);
  }
}

export function encodeConsumerProtocolSubscription(w: Writer, value: ConsumerProtocolSubscription, version: number): void {
  checkConsumerProtocolSubscriptionVersion(version);
  writeConsumerProtocolSubscription(w, value, version);
}

export function decodeConsumerProtocolSubscription(r: Reader, version: number): ConsumerProtocolSubscription {
  checkConsumerProtocolSubscriptionVersion(version);
  return readConsumerProtocolSubscription(r, version);
}
