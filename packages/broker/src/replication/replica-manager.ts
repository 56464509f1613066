/**
 * The replicas this broker holds (Kafka's ReplicaManager): it turns the controller's partition registrations into
 * local leaders and followers, runs the follower fetchers, shrinks ISRs on a timer, holds the replication
 * throttles (leader and follower quotas, KIP-73), and answers the produce, fetch and offset handlers with the
 * partition to act on.
 *
 * Two modes, fixed at construction:
 * - a single broker (no AlterPartitionManager): every partition of the topic registry is led here with ISR [self],
 *   made on first use from the registry, its log unreplicated (the high watermark follows appends), as always;
 * - a cluster member: partitions exist only once applyDelta has given their registration; the logs of replicated
 *   partitions are replicated logs whose high watermark the leader's Partition (or the fetcher) moves.
 *
 * Invariants: at most one Partition per topic-partition, sharing the log manager's log; a follower is in exactly
 * one fetcher, fetching from the leader of its current registration; a replica removed from a partition's
 * assignment (or a deleted topic) stops fetching and its log is deleted.
 */
import type { BrokerConfigStore } from '../config/config-store.ts';
import type { NodeEndpoint } from '../broker-services.ts';
import type { Clock } from '../clock.ts';
import { resolveLogConfig, type LogConfig } from '../config/log-config.ts';
import type { Logger } from '../logger.ts';
import { NO_LEADER, type PartitionRegistration } from '../metadata/partition-registration.ts';
import type { TopicManager } from '../metadata/topic-manager.ts';
import type { TopicRegistry } from '../metadata/topic-registry.ts';
import type { LogManager } from '../storage/log-manager.ts';
import type { AlterPartitionManager } from './alter-partition-manager.ts';
import { Partition, type LeaderHint, type PartitionContext } from './partition.ts';
import { ReplicaFetcherManager } from './replica-fetcher.ts';
import {
  FOLLOWER_THROTTLED_REPLICAS,
  LEADER_THROTTLED_REPLICAS,
  ReplicationQuota,
  type ReplicationQuotaOptions,
} from './replication-quota.ts';

/** One partition's new state (registration null: the partition is gone, with its topic). */
export interface PartitionChange {
  topicName: string;
  topicId: string;
  partition: number;
  registration: PartitionRegistration | null;
}

export interface ReplicaManagerOptions {
  nodeId: number;
  config: BrokerConfigStore;
  clock: Clock;
  logger: Logger;
  logs: LogManager;
  topics: TopicRegistry;
  topicManager: TopicManager;
  /** Present on a cluster member; absent on a single broker. */
  alterPartition?: AlterPartitionManager;
  /** Kafka's isReplicaIsrEligible from the metadata (unfenced, not shutting down); all are eligible without. */
  isReplicaIsrEligible?: (brokerId: number) => boolean;
  /** Test seam: the highest Fetch version followers send. */
  maxFetchVersion?: number;
}

/**
 * Told when this broker's role for a partition changes through applyDelta (the group coordinator listens for
 * __consumer_offsets, as Kafka's onLeadershipChange callback tells its coordinators).
 */
export interface LeadershipListener {
  onBecomeLeader(topicName: string, partition: number, leaderEpoch: number): void;
  onBecomeFollower(topicName: string, partition: number, leaderEpoch: number): void;
  onRemoved(topicName: string, partition: number): void;
}

const key = (topic: string, partition: number) => `${topic}-${partition}`;

export class ReplicaManager {
  private readonly partitions = new Map<string, Partition>();
  /** Every registration applied, hosted here or not: the partition metadata this broker serves. */
  private readonly registrations = new Map<string, PartitionRegistration>();
  private readonly brokers = new Map<number, NodeEndpoint>();
  private readonly fetchers: ReplicaFetcherManager;
  private shrinkTimer: NodeJS.Timeout | null = null;
  private readonly listeners: LeadershipListener[] = [];
  readonly clustered: boolean;
  /** Throttles what this broker sends to followers, and what it fetches as one (KIP-73). */
  readonly leaderQuota: ReplicationQuota;
  readonly followerQuota: ReplicationQuota;

  constructor(private readonly options: ReplicaManagerOptions) {
    this.clustered = options.alterPartition !== undefined;
    const { config } = options;
    const quota = (replicasConfig: ReplicationQuotaOptions['replicasConfig'], rate: string) =>
      new ReplicationQuota({
        brokerId: options.nodeId,
        clock: options.clock,
        replicasConfig,
        topicConfig: (topic, name) => options.topics.get(topic)?.configs.get(name),
        rate: () => config.getNumber(rate),
        windowCount: config.getNumber('replication.quota.window.num'),
        windowSizeMs: config.getNumber('replication.quota.window.size.seconds') * 1000,
      });
    this.leaderQuota = quota(LEADER_THROTTLED_REPLICAS, 'leader.replication.throttled.rate');
    this.followerQuota = quota(FOLLOWER_THROTTLED_REPLICAS, 'follower.replication.throttled.rate');
    this.fetchers = new ReplicaFetcherManager(
      {
        localBrokerId: options.nodeId,
        clock: options.clock,
        logger: options.logger,
        fetchMaxBytes: config.getNumber('replica.fetch.max.bytes'),
        responseMaxBytes: config.getNumber('replica.fetch.response.max.bytes'),
        minBytes: config.getNumber('replica.fetch.min.bytes'),
        waitMaxMs: config.getNumber('replica.fetch.wait.max.ms'),
        backoffMs: config.getNumber('replica.fetch.backoff.ms'),
        socketTimeoutMs: config.getNumber('replica.socket.timeout.ms'),
        quota: this.followerQuota,
        ...(options.maxFetchVersion !== undefined ? { maxFetchVersion: options.maxFetchVersion } : {}),
      },
      () => config.getNumber('num.replica.fetchers'),
    );
  }

  get nodeId(): number {
    return this.options.nodeId;
  }

  private replicaLagTimeMaxMs(): number {
    return this.options.config.getNumber('replica.lag.time.max.ms');
  }

  /** Starts the ISR shrink check, every replica.lag.time.max.ms / 2 as Kafka schedules it. */
  start(): void {
    if (!this.clustered || this.shrinkTimer) return;
    this.shrinkTimer = setInterval(
      () => {
        for (const partition of this.partitions.values()) partition.maybeShrinkIsr();
      },
      Math.max(1, Math.floor(this.replicaLagTimeMaxMs() / 2)),
    );
    this.shrinkTimer.unref();
  }

  private logConfig(topicName: string): LogConfig {
    const topic = this.options.topics.get(topicName);
    return topic
      ? this.options.topicManager.logConfig(topic)
      : resolveLogConfig(this.options.config, new Map());
  }

  private context(topicName: string): PartitionContext {
    return {
      localBrokerId: this.options.nodeId,
      clock: this.options.clock,
      logger: this.options.logger,
      alterPartition: this.options.alterPartition ?? null,
      replicaLagTimeMaxMs: () => this.replicaLagTimeMaxMs(),
      minInsyncReplicas: () => this.logConfig(topicName).minInsyncReplicas,
      isReplicaIsrEligible: (brokerId) => this.options.isReplicaIsrEligible?.(brokerId) ?? true,
    };
  }

  /**
   * Kafka's shouldLeaderThrottle: a follower outside the ISR of a throttled partition gets no records while the
   * leader's replication quota is exceeded.
   */
  shouldLeaderThrottle(partition: Partition, replicaId: number): boolean {
    return (
      !partition.isr.includes(replicaId) &&
      this.leaderQuota.isThrottled(partition.topicName, partition.index) &&
      this.leaderQuota.isQuotaExceeded()
    );
  }

  addLeadershipListener(listener: LeadershipListener): void {
    this.listeners.push(listener);
  }

  /** The partition as this broker holds it (leader or follower), or undefined when it holds no replica. */
  partition(topicName: string, index: number): Partition | undefined {
    const k = key(topicName, index);
    const existing = this.partitions.get(k);
    if (this.clustered) return existing;
    // A single broker: the registry is the truth; a partition is (re)made whenever its log or topic changed.
    const topic = this.options.topics.get(topicName);
    const metadata = topic?.partitions[index];
    const log = metadata && this.options.topicManager.partitionLog(topicName, index);
    if (!topic || !metadata || !log) {
      if (existing) this.dropPartition(k);
      return undefined;
    }
    if (existing && existing.log === log && existing.topicId === topic.topicId) return existing;
    if (existing) this.dropPartition(k);
    const partition = new Partition(topicName, topic.topicId, index, log, this.context(topicName));
    partition.makeLeader({
      replicas: metadata.replicas,
      isr: metadata.isr,
      removingReplicas: [],
      addingReplicas: [],
      leader: metadata.leaderId,
      leaderRecoveryState: 0,
      leaderEpoch: metadata.leaderEpoch,
      partitionEpoch: 0,
    });
    this.partitions.set(k, partition);
    return partition;
  }

  /** The latest registration applied for a partition (a cluster member), for Metadata answers. */
  registration(topicName: string, index: number): PartitionRegistration | undefined {
    return this.registrations.get(key(topicName, index));
  }

  /**
   * The leader and leader epoch clients should go to (the current_leader hint of Produce v10+ and Fetch v12+):
   * this broker's view of the partition, else the latest registration, else the topic registry's.
   */
  currentLeader(topicName: string, index: number): LeaderHint {
    const partition = this.partitions.get(key(topicName, index));
    if (partition && partition.leaderEpoch >= 0) return partition.leaderHint();
    const registration = this.registrations.get(key(topicName, index));
    if (registration) return { leaderId: registration.leader, leaderEpoch: registration.leaderEpoch };
    const metadata = this.options.topics.get(topicName)?.partitions[index];
    return metadata
      ? { leaderId: metadata.leaderId, leaderEpoch: metadata.leaderEpoch }
      : { leaderId: NO_LEADER, leaderEpoch: -1 };
  }

  /** The endpoints of the given brokers, for the node_endpoints of Produce v10+ and Fetch v16+ answers. */
  endpointsOf(nodeIds: readonly number[]): NodeEndpoint[] {
    const endpoints: NodeEndpoint[] = [];
    for (const id of new Set(nodeIds)) {
      const endpoint = this.brokers.get(id);
      if (endpoint) endpoints.push(endpoint);
    }
    return endpoints.sort((a, b) => a.nodeId - b.nodeId);
  }

  /** The endpoint of a broker this one knows (itself included once told by applyDelta). */
  broker(nodeId: number): NodeEndpoint | undefined {
    return this.brokers.get(nodeId);
  }

  liveBrokers(): NodeEndpoint[] {
    return [...this.brokers.values()].sort((a, b) => a.nodeId - b.nodeId);
  }

  /**
   * Applies the controller's changes (Kafka's applyDelta): partitions led here become leaders, the others
   * followers of their leader (restarting their fetch when the leader or its epoch changed), and replicas no
   * longer assigned here stop and are deleted. `brokers` is every registered broker's endpoint.
   */
  applyDelta(changes: readonly PartitionChange[], brokers: readonly NodeEndpoint[]): void {
    for (const broker of brokers) this.brokers.set(broker.nodeId, { ...broker });
    const self = this.options.nodeId;
    for (const change of changes) {
      const k = key(change.topicName, change.partition);
      const { registration } = change;
      const existing = this.partitions.get(k);
      if (existing && existing.topicId !== change.topicId) this.removeReplica(k, existing);
      if (!registration) {
        this.registrations.delete(k);
        const current = this.partitions.get(k);
        if (current) this.removeReplica(k, current);
        continue;
      }
      this.registrations.set(k, registration);
      if (!registration.replicas.includes(self)) {
        const current = this.partitions.get(k);
        if (current) this.removeReplica(k, current);
        continue;
      }
      const partition = this.partitions.get(k) ?? this.createPartition(change);
      if (registration.leader === self) {
        const wasLeader = partition.isLeader;
        const epoch = partition.leaderEpoch;
        if (partition.makeLeader(registration)) {
          this.fetchers.removePartition(k);
          if (!wasLeader || epoch !== partition.leaderEpoch)
            for (const l of this.listeners)
              l.onBecomeLeader(change.topicName, change.partition, partition.leaderEpoch);
        }
        continue;
      }
      const wasLeader = partition.isLeader;
      const restart = partition.makeFollower(registration);
      if (restart || wasLeader)
        for (const l of this.listeners)
          l.onBecomeFollower(change.topicName, change.partition, partition.leaderEpoch);
      if (restart || !this.fetchers.isFetching(k)) {
        this.fetchers.removePartition(k);
        const leader = this.brokers.get(registration.leader);
        if (registration.leader !== NO_LEADER && leader) this.fetchers.addPartition(leader, partition);
      }
    }
    void this.fetchers.shutdownIdleFetchers();
  }

  private createPartition(change: PartitionChange): Partition {
    const { logs } = this.options;
    const replicated = (change.registration?.replicas.length ?? 1) > 1 || this.clustered;
    let log = logs.get(change.topicName, change.partition);
    if (!log) {
      log = logs.create(change.topicName, change.partition, this.logConfig(change.topicName), { replicated });
    } else if (replicated) {
      log.becomeReplicated(logs.checkpointedHighWatermark(change.topicName, change.partition) ?? 0);
    }
    const partition = new Partition(
      change.topicName,
      change.topicId,
      change.partition,
      log,
      this.context(change.topicName),
    );
    this.partitions.set(key(change.topicName, change.partition), partition);
    return partition;
  }

  private dropPartition(k: string): void {
    this.fetchers.removePartition(k);
    this.partitions.get(k)?.close();
    this.partitions.delete(k);
  }

  /** Kafka's stopReplicas with deletion: the replica leaves this broker. */
  private removeReplica(k: string, partition: Partition): void {
    this.dropPartition(k);
    for (const l of this.listeners) l.onRemoved(partition.topicName, partition.index);
    this.options.logs.delete(partition.topicName, partition.index);
    this.options.logger.info(`Deleted replica ${k} (no longer assigned to broker ${this.options.nodeId})`);
  }

  /** Leaders among the partitions held here (for tests and status pages). */
  leaders(): Partition[] {
    return [...this.partitions.values()].filter((p) => p.isLeader);
  }

  /** Stops the fetchers and the shrink timer; waiting acks=all appends fail. */
  async close(): Promise<void> {
    if (this.shrinkTimer) clearInterval(this.shrinkTimer);
    this.shrinkTimer = null;
    await this.fetchers.close();
    for (const partition of this.partitions.values()) partition.close();
    this.partitions.clear();
  }
}
