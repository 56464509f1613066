/**
 * The cluster metadata as of one offset of the metadata log (Kafka's MetadataImage): brokers, topics with their
 * partitions, configs, the producer id block, feature levels, and the security metadata every broker of a cluster
 * enforces alike: ACLs, client quotas and SCRAM credentials. Built only by replaying records through a
 * MetadataDelta (metadata-delta.ts), written out as records by metadata-snapshot.ts.
 *
 * Invariants: an image is never mutated once built (every collection is a fresh Map owned by this image, and
 * nothing hands out a mutable reference), so a reader may keep one while the log moves on; `offset` is the
 * offset of the last record replayed into it (-1 for the empty image); `topicIdsByName` and `topicsById` hold the
 * same topics; a topic's partitions are numbered 0..n-1; `clientQuotas` holds no entity without a quota (an
 * entity whose last quota is removed is dropped) and is keyed by clientQuotaEntityKey of its entity.
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

/** One ACL as the metadata log holds it (AccessControlEntryRecord; Kafka's StandardAcl with its id). */
export interface StandardAcl {
  id: string;
  resourceType: number;
  resourceName: string;
  /** PatternType code: LITERAL (3) or PREFIXED (4). */
  patternType: number;
  /** "User:alice", or "User:*" for every principal. */
  principal: string;
  /** An IP address, or "*" for every host. */
  host: string;
  operation: number;
  /** AclPermissionType code: DENY (2) or ALLOW (3). */
  permissionType: number;
}

/**
 * A client quota entity (Kafka's ClientQuotaEntity): entity type ("user", "client-id" or "ip") to name, where
 * null names the default entity of that type. {user: 'alice', 'client-id': null} is alice's default client.
 */
export type ClientQuotaEntity = Readonly<Record<string, string | null>>;

export interface ClientQuotaImage {
  entity: ClientQuotaEntity;
  /** Quota name (producer_byte_rate, consumer_byte_rate, request_percentage, ...) to value. */
  quotas: ReadonlyMap<string, number>;
}

/** Kafka's ScramMechanism codes, as UserScramCredentialRecord and the SCRAM credential APIs carry them. */
export const ScramMechanism = { SCRAM_SHA_256: 1, SCRAM_SHA_512: 2 } as const;

/** A SCRAM credential as stored (RFC 5802): never the password, only what verifies a proof of it. */
export interface ScramCredential {
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
  iterations: number;
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
  /** ACLs by id. */
  acls: ReadonlyMap<string, StandardAcl>;
  /** Client quotas by clientQuotaEntityKey(entity). */
  clientQuotas: ReadonlyMap<string, ClientQuotaImage>;
  /** SCRAM credentials by user name, then by ScramMechanism code. */
  scramCredentials: ReadonlyMap<string, ReadonlyMap<number, ScramCredential>>;
}

export const EMPTY_METADATA_IMAGE: MetadataImage = {
  offset: -1,
  brokers: new Map(),
  topicsById: new Map(),
  topicIdsByName: new Map(),
  configs: new Map(),
  producerIds: { nextProducerId: 0n, brokerId: -1, brokerEpoch: -1n },
  features: new Map(),
  acls: new Map(),
  clientQuotas: new Map(),
  scramCredentials: new Map(),
};

/** The canonical key of a quota entity: its entity types in order, each with its name (null for the default). */
export function clientQuotaEntityKey(entity: ClientQuotaEntity): string {
  return JSON.stringify(
    Object.keys(entity)
      .sort()
      .map((type) => [type, entity[type]]),
  );
}

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
