/**
 * The cluster metadata as of one offset of the metadata log (Kafka's MetadataImage): brokers, topics with their
 * partitions, configs, the producer id block and feature levels. Built only by replaying records through a
 * MetadataDelta (metadata-delta.ts), written out as records by metadata-snapshot.ts.
 *
 * Invariants: an image is never mutated once built (every collection is a fresh Map owned by this image, and
 * nothing hands out a mutable reference), so a reader may keep one while the log moves on; `offset` is the
 * offset of the last record replayed into it (-1 for the empty image); `topicIdsByName` and `topicsById` hold the
 * same topics; a topic's partitions are numbered 0..n-1.
 */
import type { PartitionRegistration } from './partition-registration.ts';

export interface BrokerEndpoint {
  name: string;
  host: string;
  port: number;
  securityProtocol: number;
}

export interface BrokerRegistration {
  id: number;
  /** The offset of the broker's RegisterBrokerRecord: changes every time the broker registers. */
  epoch: number;
  incarnationId: string;
  endpoints: readonly BrokerEndpoint[];
  rack: string | null;
  fenced: boolean;
  inControlledShutdown: boolean;
  /** Supported feature ranges the broker registered with. */
  features: ReadonlyMap<string, { min: number; max: number }>;
}

export interface TopicImage {
  name: string;
  id: string;
  partitions: ReadonlyMap<number, PartitionRegistration>;
}

/** Kafka's ConfigResource types as ConfigRecord stores them. */
export const ConfigResourceType = { TOPIC: 2, BROKER: 4 } as const;

export interface ProducerIdsImage {
  /** The first producer id of the next block the controller hands out. */
  nextProducerId: bigint;
  /** The broker that received the last block and its epoch then (-1 before any). */
  brokerId: number;
  brokerEpoch: bigint;
}

export interface MetadataImage {
  offset: number;
  brokers: ReadonlyMap<number, BrokerRegistration>;
  topicsById: ReadonlyMap<string, TopicImage>;
  topicIdsByName: ReadonlyMap<string, string>;
  /** Config overrides by resource (see configResourceKey), each a map of name to value. */
  configs: ReadonlyMap<string, ReadonlyMap<string, string>>;
  producerIds: ProducerIdsImage;
  features: ReadonlyMap<string, number>;
}

export const EMPTY_METADATA_IMAGE: MetadataImage = {
  offset: -1,
  brokers: new Map(),
  topicsById: new Map(),
  topicIdsByName: new Map(),
  configs: new Map(),
  producerIds: { nextProducerId: 0n, brokerId: -1, brokerEpoch: -1n },
  features: new Map(),
};

export function configResourceKey(resourceType: number, resourceName: string): string {
  return `${resourceType}:${resourceName}`;
}

export function parseConfigResourceKey(key: string): { resourceType: number; resourceName: string } {
  const colon = key.indexOf(':');
  return { resourceType: Number(key.slice(0, colon)), resourceName: key.slice(colon + 1) };
}

export function topicByName(image: MetadataImage, name: string): TopicImage | undefined {
  const id = image.topicIdsByName.get(name);
  return id === undefined ? undefined : image.topicsById.get(id);
}

/** The config overrides of a resource (empty when it has none). */
export function resourceConfigs(
  image: MetadataImage,
  resourceType: number,
  resourceName: string,
): ReadonlyMap<string, string> {
  return image.configs.get(configResourceKey(resourceType, resourceName)) ?? new Map();
}

/** An active broker may lead and join ISRs: registered, unfenced and not shutting down. */
export function isActiveBroker(image: MetadataImage, brokerId: number): boolean {
  const broker = image.brokers.get(brokerId);
  return broker !== undefined && !broker.fenced && !broker.inControlledShutdown;
}
