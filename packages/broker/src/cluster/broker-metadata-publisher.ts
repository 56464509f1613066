/**
 * Applies each new metadata image to this broker (Kafka's BrokerMetadataPublisher): the topic registry the
 * request handlers read, topic config overrides, dynamic broker configs, the replica manager (which partitions
 * this broker leads, follows or must delete) and the set of live brokers that Metadata answers with.
 *
 * Invariants: the registry holds exactly the image's topics after every update; the replica manager is told of
 * every partition whose registration changed (by identity: an image shares unchanged registrations with the image
 * before it) and of every partition of a removed topic; a fenced or shutting-down broker is not live.
 */
import type { NodeEndpoint } from '../broker-services.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import type { Logger } from '../logger.ts';
import type { MetadataDelta } from '../metadata/metadata-delta.ts';
import {
  ConfigResourceType,
  parseConfigResourceKey,
  type BrokerRegistration,
  type MetadataImage,
  type TopicImage,
} from '../metadata/metadata-image.ts';
import type { TopicManager } from '../metadata/topic-manager.ts';
import type { PartitionMetadata, TopicRegistry } from '../metadata/topic-registry.ts';
import type { PartitionChange, ReplicaManager } from '../replication/replica-manager.ts';
import type { MetadataPublisher } from './metadata-loader.ts';

/** Topics Kafka marks internal in Metadata responses. */
const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state']);

function partitionMetadata(topic: TopicImage): PartitionMetadata[] {
  return [...topic.partitions]
    .sort(([a], [b]) => a - b)
    .map(([partitionIndex, registration]) => ({
      partitionIndex,
      leaderId: registration.leader,
      leaderEpoch: registration.leaderEpoch,
      replicas: [...registration.replicas],
      isr: [...registration.isr],
    }));
}

export class BrokerMetadataPublisher implements MetadataPublisher {
  readonly name = 'broker';
  private registrations: BrokerRegistration[] = [];
  private readonly byListener = new Map<string, { registered: NodeEndpoint[]; live: NodeEndpoint[] }>();

  constructor(
    private readonly nodeId: number,
    /** The inter-broker listener: the one followers fetch through, and Metadata's default. */
    private readonly listenerName: string,
    private readonly topics: TopicRegistry,
    private readonly topicManager: TopicManager,
    private readonly config: BrokerConfigStore,
    private readonly replicaManager: ReplicaManager,
    private readonly log: Logger,
  ) {}

  /** Unfenced brokers not shutting down, by node id: what Metadata lists. */
  liveBrokers(listenerName = this.listenerName): NodeEndpoint[] {
    return this.endpointsOn(listenerName).live;
  }

  /** Every registered broker, fenced or not. */
  registeredBrokers(listenerName = this.listenerName): NodeEndpoint[] {
    return this.endpointsOn(listenerName).registered;
  }

  onMetadataUpdate(delta: MetadataDelta, image: MetadataImage): void {
    const before = delta.image;
    const changes: PartitionChange[] = [];
    this.topics.batch(() => {
      for (const [topicId, topic] of before.topicsById) {
        const after = image.topicsById.get(topicId);
        if (after && after.name === topic.name) continue;
        this.topics.delete(topic.name);
        for (const partition of topic.partitions.keys())
          changes.push({ topicName: topic.name, topicId, partition, registration: null });
      }
      for (const [topicId, topic] of image.topicsById) {
        const previous = before.topicsById.get(topicId);
        if (previous === topic) continue;
        const partitions = partitionMetadata(topic);
        if (this.topics.get(topic.name)) this.topics.replacePartitions(topic.name, partitions);
        else
          this.topics.create({
            name: topic.name,
            topicId,
            isInternal: INTERNAL_TOPICS.has(topic.name),
            partitions,
            configs: new Map(image.configs.get(`${ConfigResourceType.TOPIC}:${topic.name}`) ?? []),
          });
        for (const [partition, registration] of topic.partitions)
          if (previous?.partitions.get(partition) !== registration)
            changes.push({ topicName: topic.name, topicId, partition, registration });
      }
    });
    this.applyConfigs(before, image);
    if (image.brokers !== before.brokers) this.updateBrokers(image.brokers);
    this.replicaManager.applyDelta(changes, this.registeredBrokers());
  }

  private applyConfigs(before: MetadataImage, image: MetadataImage): void {
    if (image.configs === before.configs) return;
    const keys = new Set([...before.configs.keys(), ...image.configs.keys()]);
    for (const key of keys) {
      const configs = image.configs.get(key);
      if (configs === before.configs.get(key)) continue;
      const { resourceType, resourceName } = parseConfigResourceKey(key);
      if (resourceType === ConfigResourceType.TOPIC) {
        if (!this.topics.get(resourceName)) continue;
        const result = this.topicManager.setTopicConfigs(resourceName, new Map(configs ?? []), false);
        if (result.errorCode !== 0)
          this.log.warn(
            `Topic ${resourceName}: configs from the metadata log refused: ${result.errorMessage}`,
          );
      } else if (resourceType === ConfigResourceType.BROKER) {
        const level = resourceName === '' ? 'cluster' : 'broker';
        if (level === 'broker' && resourceName !== String(this.nodeId)) continue;
        const current = this.config.dynamicOverrides(level);
        const next = new Map<string, string | null>(configs ?? []);
        for (const name of current.keys()) if (!next.has(name)) next.set(name, null);
        try {
          this.config.setDynamic(next, level);
          this.topicManager.refreshAllLogConfigs();
        } catch (error) {
          this.log.error(`Dynamic broker configs from the metadata log refused`, error);
        }
      }
    }
  }

  private updateBrokers(brokers: ReadonlyMap<number, BrokerRegistration>): void {
    this.registrations = [...brokers.values()].sort((a, b) => a.id - b.id);
    this.byListener.clear();
  }

  /** Registered and live brokers as reached through one listener (brokers without it are left out). */
  private endpointsOn(listenerName: string): { registered: NodeEndpoint[]; live: NodeEndpoint[] } {
    const cached = this.byListener.get(listenerName);
    if (cached) return cached;
    const endpoint = (broker: BrokerRegistration): NodeEndpoint | null => {
      const listener = broker.endpoints.find((e) => e.name === listenerName);
      return listener
        ? { nodeId: broker.id, host: listener.host, port: listener.port, rack: broker.rack }
        : null;
    };
    const registered = this.registrations.map(endpoint).filter((e): e is NodeEndpoint => e !== null);
    const live = this.registrations
      .filter((b) => !b.fenced && !b.inControlledShutdown)
      .map(endpoint)
      .filter((e): e is NodeEndpoint => e !== null);
    const result = { registered, live };
    this.byListener.set(listenerName, result);
    return result;
  }
}
