/**
 * The changes a run of metadata records makes to an image (Kafka's MetadataDelta): replay records in log order,
 * then `apply()` builds the next immutable MetadataImage, and `localChanges(brokerId)` tells a broker's replica
 * manager which partitions it now leads, follows or no longer hosts.
 *
 * Invariants: the base image is never mutated (collections are copied on first write); records are replayed
 * exactly as Kafka replays them: a PartitionChangeRecord whose leader is not -2 bumps the leader epoch (even if
 * the leader is the same broker), every PartitionChangeRecord bumps the partition epoch, a broker record for
 * another broker epoch than the registered one is ignored (it was written for a registration since replaced),
 * a ConfigRecord with a null value deletes the override, RemoveTopicRecord drops the topic and its configs, and
 * removing an ACL that does not exist is a replay error (the controller only writes removals of existing ids).
 */
import { ErrorCode } from '@sluice/protocol';
import type { MetadataRecord } from './metadata-record-serde.ts';
import {
  ConfigResourceType,
  configResourceKey,
  clientQuotaEntityKey,
  type BrokerRegistration,
  type ClientQuotaImage,
  type MetadataImage,
  type ScramCredential,
  type StandardAcl,
  type ProducerIdsImage,
  type TopicImage,
} from './metadata-image.ts';
import type { PartitionRegistration } from './partition-registration.ts';

/** BrokerRegistrationChangeRecord.fenced values (Kafka's BrokerRegistrationFencingChange). */
export const FencingChange = { NONE: 0, FENCE: 1, UNFENCE: -1 } as const;
/** BrokerRegistrationChangeRecord.inControlledShutdown values. */
export const ControlledShutdownChange = { NONE: 0, IN_CONTROLLED_SHUTDOWN: 1 } as const;

export const NO_LEADER_CHANGE = -2;

export class MetadataReplayError extends Error {
  override readonly name = 'MetadataReplayError';
  readonly errorCode = ErrorCode.UNKNOWN_SERVER_ERROR;
}

interface MutableTopic {
  name: string;
  id: string;
  partitions: Map<number, PartitionRegistration>;
}

/** What one broker's replica manager must do after a delta (Kafka's LocalReplicaChanges). */
export interface LocalReplicaChanges {
  /** Partitions this broker now leads (new, or with a new leader or partition epoch). */
  leaders: { topicId: string; topicName: string; partition: number; registration: PartitionRegistration }[];
  /** Partitions this broker now follows (new, or changed). */
  followers: { topicId: string; topicName: string; partition: number; registration: PartitionRegistration }[];
  /** Partitions this broker hosted and no longer does (deleted topic or removed replica). */
  deletes: { topicId: string; topicName: string; partition: number }[];
}

export function mergePartitionChange(
  partition: PartitionRegistration,
  change: {
    isr: readonly number[] | null;
    leader: number;
    replicas: readonly number[] | null;
    removingReplicas: readonly number[] | null;
    addingReplicas: readonly number[] | null;
    leaderRecoveryState: number;
  },
): PartitionRegistration {
  const leaderChanged = change.leader !== NO_LEADER_CHANGE;
  return {
    replicas: change.replicas ? [...change.replicas] : partition.replicas,
    isr: change.isr ? [...change.isr] : partition.isr,
    removingReplicas: change.removingReplicas ? [...change.removingReplicas] : partition.removingReplicas,
    addingReplicas: change.addingReplicas ? [...change.addingReplicas] : partition.addingReplicas,
    leader: leaderChanged ? change.leader : partition.leader,
    leaderRecoveryState:
      change.leaderRecoveryState === -1
        ? partition.leaderRecoveryState
        : (change.leaderRecoveryState as 0 | 1),
    leaderEpoch: leaderChanged ? partition.leaderEpoch + 1 : partition.leaderEpoch,
    partitionEpoch: partition.partitionEpoch + 1,
  };
}

export class MetadataDelta {
  private brokers: Map<number, BrokerRegistration> | null = null;
  /** Topics created or changed by this delta (by id); null marks a removed topic. */
  private readonly topics = new Map<string, MutableTopic | null>();
  private configs: Map<string, ReadonlyMap<string, string>> | null = null;
  private producerIds: ProducerIdsImage | null = null;
  private features: Map<string, number> | null = null;
  private acls: Map<string, StandardAcl> | null = null;
  private clientQuotas: Map<string, ClientQuotaImage> | null = null;
  private scramCredentials: Map<string, ReadonlyMap<number, ScramCredential>> | null = null;
  private offset: number;

  constructor(readonly image: MetadataImage) {
    this.offset = image.offset;
  }

  private brokerMap(): Map<number, BrokerRegistration> {
    this.brokers ??= new Map(this.image.brokers);
    return this.brokers;
  }

  private configMap(): Map<string, ReadonlyMap<string, string>> {
    this.configs ??= new Map(this.image.configs);
    return this.configs;
  }

  /** The topic as this delta sees it, copied for writing; undefined when unknown or removed. */
  private mutableTopic(topicId: string): MutableTopic | undefined {
    const changed = this.topics.get(topicId);
    if (changed !== undefined) return changed ?? undefined;
    const base = this.image.topicsById.get(topicId);
    if (!base) return undefined;
    const copy = { name: base.name, id: base.id, partitions: new Map(base.partitions) };
    this.topics.set(topicId, copy);
    return copy;
  }

  /** Replays one record; `offset` is its offset in the log (advances the image's offset). */
  replay(record: MetadataRecord, offset?: number): void {
    if (offset !== undefined) this.offset = offset;
    switch (record.type) {
      case 'TopicRecord': {
        const { name, topicId } = record.data;
        this.topics.set(topicId, { name, id: topicId, partitions: new Map() });
        return;
      }
      case 'PartitionRecord': {
        const p = record.data;
        const topic = this.mutableTopic(p.topicId);
        if (!topic) throw new MetadataReplayError(`PartitionRecord for unknown topic ${p.topicId}`);
        topic.partitions.set(p.partitionId, {
          replicas: [...p.replicas],
          isr: [...p.isr],
          removingReplicas: [...p.removingReplicas],
          addingReplicas: [...p.addingReplicas],
          leader: p.leader,
          leaderRecoveryState: p.leaderRecoveryState === 1 ? 1 : 0,
          leaderEpoch: p.leaderEpoch,
          partitionEpoch: p.partitionEpoch,
        });
        return;
      }
      case 'PartitionChangeRecord': {
        const change = record.data;
        const topic = this.mutableTopic(change.topicId);
        const partition = topic?.partitions.get(change.partitionId);
        if (!topic || !partition) {
          throw new MetadataReplayError(
            `PartitionChangeRecord for unknown partition ${change.topicId}-${change.partitionId}`,
          );
        }
        topic.partitions.set(change.partitionId, mergePartitionChange(partition, change));
        return;
      }
      case 'RemoveTopicRecord': {
        const topic = this.mutableTopic(record.data.topicId);
        if (!topic)
          throw new MetadataReplayError(`RemoveTopicRecord for unknown topic ${record.data.topicId}`);
        this.topics.set(record.data.topicId, null);
        this.configMap().delete(configResourceKey(ConfigResourceType.TOPIC, topic.name));
        return;
      }
      case 'ConfigRecord': {
        const { resourceType, resourceName, name, value } = record.data;
        const key = configResourceKey(resourceType, resourceName);
        const configs = this.configMap();
        const next = new Map(configs.get(key) ?? []);
        if (value === null) next.delete(name);
        else next.set(name, value);
        if (next.size === 0) configs.delete(key);
        else configs.set(key, next);
        return;
      }
      case 'RegisterBrokerRecord': {
        const b = record.data;
        this.brokerMap().set(b.brokerId, {
          id: b.brokerId,
          epoch: Number(b.brokerEpoch),
          incarnationId: b.incarnationId,
          endpoints: b.endPoints.map((e) => ({ ...e })),
          rack: b.rack,
          fenced: b.fenced,
          inControlledShutdown: b.inControlledShutdown,
          features: new Map(
            b.features.map((f) => [f.name, { min: f.minSupportedVersion, max: f.maxSupportedVersion }]),
          ),
        });
        return;
      }
      case 'UnregisterBrokerRecord': {
        const existing = this.brokerMap().get(record.data.brokerId);
        if (existing && existing.epoch === Number(record.data.brokerEpoch)) {
          this.brokerMap().delete(record.data.brokerId);
        }
        return;
      }
      case 'FenceBrokerRecord':
      case 'UnfenceBrokerRecord': {
        this.changeBroker(record.data.id, record.data.epoch, {
          fenced: record.type === 'FenceBrokerRecord',
        });
        return;
      }
      case 'BrokerRegistrationChangeRecord': {
        const c = record.data;
        const change: Partial<BrokerRegistration> = {};
        if (c.fenced === FencingChange.FENCE) change.fenced = true;
        else if (c.fenced === FencingChange.UNFENCE) change.fenced = false;
        if (c.inControlledShutdown === ControlledShutdownChange.IN_CONTROLLED_SHUTDOWN) {
          change.inControlledShutdown = true;
        }
        this.changeBroker(c.brokerId, c.brokerEpoch, change);
        return;
      }
      case 'ProducerIdsRecord': {
        const p = record.data;
        this.producerIds = {
          nextProducerId: p.nextProducerId,
          brokerId: p.brokerId,
          brokerEpoch: p.brokerEpoch,
        };
        return;
      }
      case 'FeatureLevelRecord': {
        this.features ??= new Map(this.image.features);
        if (record.data.featureLevel === 0) this.features.delete(record.data.name);
        else this.features.set(record.data.name, record.data.featureLevel);
        return;
      }
      case 'AccessControlEntryRecord': {
        this.acls ??= new Map(this.image.acls);
        this.acls.set(record.data.id, { ...record.data });
        return;
      }
      case 'RemoveAccessControlEntryRecord': {
        this.acls ??= new Map(this.image.acls);
        if (!this.acls.delete(record.data.id)) {
          throw new MetadataReplayError(`RemoveAccessControlEntryRecord for unknown ACL ${record.data.id}`);
        }
        return;
      }
      case 'ClientQuotaRecord': {
        const { key, value, remove } = record.data;
        const entity = Object.fromEntries(record.data.entity.map((e) => [e.entityType, e.entityName]));
        const entityKey = clientQuotaEntityKey(entity);
        this.clientQuotas ??= new Map(this.image.clientQuotas);
        const quotas = new Map(this.clientQuotas.get(entityKey)?.quotas ?? []);
        if (remove) quotas.delete(key);
        else quotas.set(key, value);
        if (quotas.size === 0) this.clientQuotas.delete(entityKey);
        else this.clientQuotas.set(entityKey, { entity, quotas });
        return;
      }
      case 'UserScramCredentialRecord':
      case 'RemoveUserScramCredentialRecord': {
        const { name, mechanism } = record.data;
        this.scramCredentials ??= new Map(this.image.scramCredentials);
        const credentials = new Map(this.scramCredentials.get(name) ?? []);
        if (record.type === 'UserScramCredentialRecord') {
          const { salt, storedKey, serverKey, iterations } = record.data;
          credentials.set(mechanism, { salt, storedKey, serverKey, iterations });
        } else {
          credentials.delete(mechanism);
        }
        if (credentials.size === 0) this.scramCredentials.delete(name);
        else this.scramCredentials.set(name, credentials);
        return;
      }
      case 'NoOpRecord':
        return;
    }
  }

  private changeBroker(brokerId: number, epoch: bigint, change: Partial<BrokerRegistration>): void {
    const existing = this.brokerMap().get(brokerId);
    if (!existing || existing.epoch !== Number(epoch)) return;
    // Unfencing also ends a controlled shutdown: the broker registered again and is back.
    const next = { ...existing, ...change };
    if (change.fenced === false) next.inControlledShutdown = false;
    this.brokerMap().set(brokerId, next);
  }

  /** The next image: the base image with every replayed record applied. */
  apply(): MetadataImage {
    let topicsById: ReadonlyMap<string, TopicImage> = this.image.topicsById;
    let topicIdsByName: ReadonlyMap<string, string> = this.image.topicIdsByName;
    if (this.topics.size > 0) {
      const byId = new Map(this.image.topicsById);
      const byName = new Map(this.image.topicIdsByName);
      for (const [id, topic] of this.topics) {
        const before = byId.get(id);
        if (before) byName.delete(before.name);
        if (topic === null) {
          byId.delete(id);
        } else {
          byId.set(id, { name: topic.name, id, partitions: new Map(topic.partitions) });
          byName.set(topic.name, id);
        }
      }
      topicsById = byId;
      topicIdsByName = byName;
    }
    return {
      offset: this.offset,
      brokers: this.brokers ? new Map(this.brokers) : this.image.brokers,
      topicsById,
      topicIdsByName,
      configs: this.configs ? new Map(this.configs) : this.image.configs,
      producerIds: this.producerIds ?? this.image.producerIds,
      features: this.features ? new Map(this.features) : this.image.features,
      acls: this.acls ? new Map(this.acls) : this.image.acls,
      clientQuotas: this.clientQuotas ? new Map(this.clientQuotas) : this.image.clientQuotas,
      scramCredentials: this.scramCredentials ? new Map(this.scramCredentials) : this.image.scramCredentials,
    };
  }

  /** Topic ids removed by this delta. */
  deletedTopicIds(): string[] {
    return [...this.topics]
      .filter(([id, t]) => t === null && this.image.topicsById.has(id))
      .map(([id]) => id);
  }

  /** Whether any broker registration changed. */
  brokersChanged(): boolean {
    return this.brokers !== null;
  }

  localChanges(brokerId: number): LocalReplicaChanges {
    const changes: LocalReplicaChanges = { leaders: [], followers: [], deletes: [] };
    for (const [topicId, topic] of this.topics) {
      const before = this.image.topicsById.get(topicId);
      if (topic === null) {
        if (!before) continue;
        for (const [partition, registration] of before.partitions) {
          if (registration.replicas.includes(brokerId)) {
            changes.deletes.push({ topicId, topicName: before.name, partition });
          }
        }
        continue;
      }
      for (const [partition, registration] of topic.partitions) {
        const previous = before?.partitions.get(partition);
        if (previous === registration) continue;
        const entry = { topicId, topicName: topic.name, partition, registration };
        if (registration.replicas.includes(brokerId)) {
          if (registration.leader === brokerId) changes.leaders.push(entry);
          else changes.followers.push(entry);
        } else if (previous?.replicas.includes(brokerId)) {
          changes.deletes.push({ topicId, topicName: topic.name, partition });
        }
      }
    }
    return changes;
  }
}

/** Replays records (with their offsets) onto an image and returns the next one. */
export function replayRecords(
  image: MetadataImage,
  records: readonly { record: MetadataRecord; offset: number }[],
): MetadataImage {
  const delta = new MetadataDelta(image);
  for (const { record, offset } of records) delta.replay(record, offset);
  return delta.apply();
}
