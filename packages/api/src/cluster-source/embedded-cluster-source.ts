/**
 * The cluster as the broker embedded in this process sees it. What the console polls (the overview, the topic
 * list, groups, offsets, traffic counters) is read in-process, without a round trip through the wire protocol;
 * a test checks it matches what the wire says. Topic details and changes, and record reads and writes, go
 * through the broker's own listener (WireTopicSource), so the console meets the same validation and errors as
 * any Kafka client. So do transactions (WireTransactions): the coordinator's and the partitions' state is read
 * and an abort written with Kafka's admin APIs, as kafka-transactions.sh would against this broker.
 */
import type { BrokerServices } from '@sluice/broker';
import { ClusterClient, KafkaError } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import {
  byName,
  type ClusterAuthorizer,
  type ClusterBrokers,
  type ClusterOverview,
  type ClusterSource,
  type CommittedOffset,
  type GroupDescription,
  type GroupListing,
  type PartitionOffsets,
  type PartitionReassignment,
  type PartitionSize,
  type TopicConfigDefinition,
  type TopicPartition,
  type TopicSummary,
} from './cluster-source.ts';
import { embeddedAuthorizer } from './cluster-authorizers.ts';
import {
  retentionOutlook,
  wireTopicCompaction,
  type CleanerOverview,
  type PartitionCleanerStatus,
  type TopicCompaction,
} from './compaction-status.ts';
import { decodeAssignment, decodeSubscribedTopics } from './consumer-protocol.ts';
import { EmbeddedClusterSecurity } from './embedded-security.ts';
import { WireTopicSource } from './wire-topics.ts';
import { cleanersFromLeaders, overviewOf, partitionCleanerOf } from './wire-cleaner.ts';
import { WireTransactions } from './wire-transactions.ts';

const underReplicated = (p: { isr: number[]; replicas: number[] }) => p.isr.length < p.replicas.length;

export class EmbeddedClusterSource extends WireTopicSource implements ClusterSource {
  readonly security: EmbeddedClusterSecurity;
  readonly transactions: WireTransactions;

  constructor(private readonly services: BrokerServices) {
    // The advertised listener is, by definition, where clients reach this broker.
    super(new ClusterClient(`${services.node.host}:${services.node.port}`, 'sluice-console'));
    this.security = new EmbeddedClusterSecurity(services, this.client);
    this.transactions = new WireTransactions(this.client);
  }

  /** The broker's own authorizer; the host is the address of the console's connections to the broker. */
  async authorizer(): Promise<ClusterAuthorizer | null> {
    const { authorizer } = this.services;
    if (!authorizer) return null;
    return embeddedAuthorizer(authorizer, (await this.client.any()).localAddress);
  }

  /** The engine's own definitions, with the broker's effective defaults and the allowed values. */
  override async topicConfigDefinitions(): Promise<TopicConfigDefinition[]> {
    return this.services.config
      .describeTopic(new Map())
      .map((c) => ({
        name: c.name,
        type: c.def.type.toUpperCase(),
        defaultValue: c.value,
        documentation: c.def.documentation ?? null,
        validValues: c.def.validValues ? [...c.def.validValues] : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The overview from the broker's own state, as DescribeCluster and Metadata would give it (it polls too). */
  override async describeCluster(): Promise<ClusterOverview> {
    const { services } = this;
    const topics = services.topics.list();
    const partitions = topics.flatMap((topic) => topic.partitions);
    return {
      clusterId: services.topics.clusterId,
      controllerId: services.controllerId(),
      brokers: services
        .brokers()
        .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack }))
        .sort((a, b) => a.nodeId - b.nodeId),
      topics: topics.length,
      partitions: partitions.length,
      underReplicatedPartitions: partitions.filter(underReplicated).length,
      offlinePartitions: partitions.filter((p) => p.leaderId < 0).length,
    };
  }

  /**
   * In a KRaft cluster, as any Kafka client sees it (DescribeQuorum is forwarded to the quorum leader). A
   * standalone broker serves no DescribeQuorum: it is the whole of its cluster's metadata, a quorum of one that
   * leads itself, with no metadata log to replicate, so no epoch, high watermark or lag to report (all 0).
   */
  override async describeBrokers(): Promise<ClusterBrokers> {
    const brokers = await super.describeBrokers();
    if (this.services.cluster) return brokers;
    const now = this.services.clock.now();
    const self = this.services.node.nodeId;
    return {
      ...brokers,
      brokers: brokers.brokers.map((b) => (b.nodeId === self ? { ...b, quorumRole: 'voter' } : b)),
      quorum: {
        leaderId: self,
        leaderEpoch: 0,
        highWatermark: 0,
        voters: [
          { nodeId: self, logEndOffset: 0, lag: 0, lastFetchTimestamp: now, lastCaughtUpTimestamp: now },
        ],
        observers: [],
        standalone: true,
      },
      quorumError: null,
    };
  }

  /**
   * Every topic from the broker's registry and partition logs, in-process. The console polls this list; over
   * the wire it costs four requests encoded and decoded on both ends, about 0.8 s of this (the broker's) thread
   * at 10,000 topics, where this takes milliseconds. The figures are the ones ListOffsets and DescribeLogDirs
   * give: log start offset, high watermark and size on disk.
   */
  override async listTopics(): Promise<TopicSummary[]> {
    const { topics, topicManager } = this.services;
    return topics
      .list()
      .map((topic) => {
        let records = 0;
        let endOffsets = 0;
        let sizeBytes = 0;
        let underReplicatedPartitions = 0;
        for (const p of topic.partitions) {
          const log = topicManager.partitionLog(topic.name, p.partitionIndex);
          if (log) {
            records += log.highWatermark - log.logStartOffset;
            endOffsets += log.highWatermark;
            sizeBytes += log.size;
          }
          if (underReplicated(p)) underReplicatedPartitions++;
        }
        return {
          name: topic.name,
          topicId: topic.topicId,
          internal: topic.isInternal,
          partitions: topic.partitions.length,
          replicationFactor: topic.partitions[0]?.replicas.length ?? 0,
          sizeBytes,
          records,
          endOffsets,
          underReplicatedPartitions,
        };
      })
      .sort(byName);
  }

  /** As listTopics, in-process: the figures ListOffsets and DescribeLogDirs give, for every partition. */
  override async partitionSizes(): Promise<PartitionSize[]> {
    const { topics, topicManager } = this.services;
    return topics.list().flatMap((topic) =>
      topic.partitions.map(({ partitionIndex: partition }) => {
        const log = topicManager.partitionLog(topic.name, partition);
        return {
          topic: topic.name,
          partition,
          sizeBytes: log?.size ?? null,
          logStartOffset: log?.logStartOffset ?? null,
          highWatermark: log?.highWatermark ?? null,
        };
      }),
    );
  }

  override trafficTotals(): { bytesIn: number; bytesOut: number } {
    return { bytesIn: this.services.metrics.bytesIn, bytesOut: this.services.metrics.bytesOut };
  }

  async listGroups(): Promise<GroupListing[]> {
    return this.services.groups
      .list()
      .map(({ groupId, state, protocolType }) => ({ groupId, state, protocolType }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  async describeGroup(groupId: string): Promise<GroupDescription> {
    const group = this.services.groups.describe(groupId);
    if (group) {
      return {
        groupId,
        state: group.state,
        protocolType: group.protocolType,
        protocol: group.protocolName,
        members: group.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          host: m.clientHost,
          subscribedTopics: decodeSubscribedTopics(group.protocolType, m.metadata),
          assignment: decodeAssignment(group.protocolType, m.assignment),
        })),
      };
    }
    // A group of the consumer protocol (KIP-848): the coordinator assigns, and keeps topics by name.
    if (!this.services.groups.consumerGroups.get(groupId)) {
      return { groupId, state: 'Dead', protocolType: '', protocol: '', members: [] };
    }
    const described = this.services.groups.consumerGroups.describe(groupId, false);
    return {
      groupId,
      state: described.groupState,
      protocolType: 'consumer',
      protocol: described.assignorName,
      members: described.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.instanceId,
        clientId: m.clientId,
        host: m.clientHost,
        subscribedTopics: [...m.subscribedTopicNames].sort(),
        assignment: m.assignment.topicPartitions
          .flatMap(({ topicName: topic, partitions }) =>
            partitions.map((partition) => ({ topic, partition })),
          )
          .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
      })),
    };
  }

  async committedOffsets(groupId: string): Promise<CommittedOffset[]> {
    return this.services.groups.fetchOffsets(groupId, null).flatMap(({ topic, partition, committed }) =>
      committed
        ? [
            {
              topic,
              partition,
              offset: Number(committed.offset),
              metadata: committed.metadata,
              commitTimestamp: Number(committed.commitTimestamp),
            },
          ]
        : [],
    );
  }

  async partitionOffsets(topics: string[]): Promise<PartitionOffsets[]> {
    return [...new Set(topics)].flatMap((topic) =>
      (this.services.topics.get(topic)?.partitions ?? []).flatMap(({ partitionIndex: partition }) => {
        const log = this.services.topicManager.partitionLog(topic, partition);
        return log
          ? [{ topic, partition, logStartOffset: log.logStartOffset, highWatermark: log.highWatermark }]
          : [];
      }),
    );
  }

  async recordTimestamp({ topic, partition }: TopicPartition, offset: number): Promise<number | null> {
    return (
      (await this.services.topicManager.partitionLog(topic, partition)?.timestampAtOffset(offset)) ?? null
    );
  }

  /** This broker's cleaner status of every log it holds (its replicas, leader or follower). */
  private cleanerStatuses(): PartitionCleanerStatus[] {
    return this.services.logs.cleanerStatus();
  }

  /**
   * The configs and sizes over the wire, as for any cluster; the cleaner status and the retention outlook of
   * this broker's replica of each partition, in-process. In a cluster, a partition with no replica here is read
   * from its leader's HTTP listener, as the remote source reads every partition (wire-cleaner.ts).
   */
  override async topicCompaction(topic: string): Promise<TopicCompaction | null> {
    const detail = await this.compactionDetail(topic);
    if (!detail) return null;
    const self = this.services.node.nodeId;
    const statuses = new Map(
      this.cleanerStatuses()
        .filter((s) => s.topic === topic)
        .map((s) => [s.partition, s]),
    );
    const local = new Map(
      detail.partitions.flatMap((p) => {
        const log = this.services.topicManager.partitionLog(topic, p.partition);
        const cleaner = statuses.get(p.partition);
        return log && cleaner ? [[p.partition, { log, cleaner }] as const] : [];
      }),
    );
    const elsewhere = detail.partitions
      .filter((p) => !local.has(p.partition))
      .map((p) => ({ topic, partition: p.partition, leader: p.leader }));
    const cleaners = elsewhere.length === 0 ? [] : await cleanersFromLeaders(this.brokerCleaners, elsewhere);
    const fromLeaders = new Map(elsewhere.map((p, i) => [p.partition, cleaners[i]!]));
    return wireTopicCompaction(detail, (p) => {
      const held = local.get(p.partition);
      if (!held) return partitionCleanerOf(fromLeaders.get(p.partition)!);
      return {
        cleaner: held.cleaner,
        cleanerBrokerId: self,
        cleanerUnavailableReason: null,
        retention: retentionOutlook(held.log),
      };
    });
  }

  /**
   * This broker's compacted replicas, in-process; in a cluster, the compacted partitions with no replica here
   * from their leaders' HTTP listeners.
   */
  override async cleanerOverview(): Promise<CleanerOverview> {
    const self = this.services.node.nodeId;
    const compacted = this.cleanerStatuses().filter((s) => s.cleanupPolicy.includes('compact'));
    const held = new Set(compacted.map((s) => `${s.topic}-${s.partition}`));
    const elsewhere = this.services.topics
      .list()
      .filter((t) =>
        this.services.config.topicValue<string[]>('cleanup.policy', t.configs).includes('compact'),
      )
      .flatMap((t) =>
        t.partitions
          .filter((p) => !held.has(`${t.name}-${p.partitionIndex}`))
          .map((p) => ({ topic: t.name, partition: p.partitionIndex, leader: p.leaderId })),
      );
    const cleaners = elsewhere.length === 0 ? [] : await cleanersFromLeaders(this.brokerCleaners, elsewhere);
    return overviewOf(
      elsewhere,
      cleaners,
      compacted.map((s) => ({ ...s, brokerId: self })),
    );
  }

  /** Whether the broker runs a quorum controller (a cluster node), which serves reassignments. */
  private async hasController(): Promise<boolean> {
    return (await this.client.any()).supports(ApiKey.AlterPartitionReassignments);
  }

  /**
   * A broker on its own has no controller to reassign with, and no other broker to move to: it answers as a
   * one-broker Kafka cluster's controller would. Its own id as the target is the assignment it has (done at once),
   * any other broker is not registered, and there is never a reassignment in progress to cancel.
   */
  override async reassignPartition(
    topic: string,
    partition: number,
    replicas: number[] | null,
    throttle: number | null = null,
  ): Promise<void> {
    if (await this.hasController()) return super.reassignPartition(topic, partition, replicas, throttle);
    const found = this.services.topics.get(topic)?.partitions.find((p) => p.partitionIndex === partition);
    if (!found)
      throw new KafkaError(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        `topic ${topic} has no partition ${partition}`,
      );
    if (replicas === null)
      throw new KafkaError(ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, `no reassignment of ${topic}-${partition}`);
    const self = this.services.node.nodeId;
    const stranger = replicas.find((id) => id !== self);
    if (stranger !== undefined)
      throw new KafkaError(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `the assignment includes broker ${stranger}, but no such broker is registered`,
      );
    if (replicas.length !== 1)
      throw new KafkaError(ErrorCode.INVALID_REPLICA_ASSIGNMENT, 'the assignment lists a broker twice');
  }

  override async listReassignments(topic?: string): Promise<PartitionReassignment[]> {
    return (await this.hasController()) ? super.listReassignments(topic) : [];
  }

  /** Closes this source's connections; the broker belongs to the server that started it, and closes with it. */
  close(): void {
    this.client.close();
  }
}
