/**
 * The cluster as a Kafka principal may see and change it: the ClusterSource of a console user who has a Kafka
 * principal. Every call is first decided by the cluster's authorizer for that principal (ClusterSource.authorizer),
 * with the operations Kafka 3.9's request handlers require for the requests behind the call (KafkaApis), and a
 * refusal is the KafkaError those requests would answer:
 * - topics: Metadata and ListOffsets need DESCRIBE (unauthorized topics are left out of listings), Fetch READ,
 *   Produce WRITE, CreateTopics CREATE on the cluster or the topic, DeleteTopics and DeleteRecords DELETE,
 *   DescribeConfigs DESCRIBE_CONFIGS (the configs are left out), IncrementalAlterConfigs ALTER_CONFIGS, all
 *   refused with TOPIC_AUTHORIZATION_FAILED;
 * - groups: ListGroups shows the groups it may DESCRIBE; DescribeGroups and OffsetFetch need DESCRIBE,
 *   OffsetCommit READ on the group (and READ on each topic), DeleteGroups DELETE: GROUP_AUTHORIZATION_FAILED;
 * - SCRAM credentials, quotas and ACLs: as principal-cluster-security.ts says;
 * - transactions: ListTransactions shows the transactional ids it may DESCRIBE, and DescribeTransactions the
 *   partitions of topics it may DESCRIBE; DescribeProducers needs READ on the topic (the hanging transactions
 *   shown are those of topics it may READ); WriteTxnMarkers (an abort)
 *   CLUSTER_ACTION on the cluster: TRANSACTIONAL_ID_, TOPIC_ and CLUSTER_AUTHORIZATION_FAILED;
 * - the cluster: AlterPartitionReassignments needs ALTER, throttles (IncrementalAlterConfigs on brokers)
 *   ALTER_CONFIGS, ListPartitionReassignments and DescribeLogDirs DESCRIBE: CLUSTER_AUTHORIZATION_FAILED; the
 *   overview's counts cover the describable topics; brokers and the quorum are shown as they are (Metadata and
 *   DescribeCluster refuse no principal).
 * The calls themselves then run as the console (its own connection and principal): the cluster's authorizer
 * decides for the user's principal, the console's role checks still apply on top.
 *
 * Invariants: every ClusterSource method is listed here (a new one does not compile until it says what it
 * needs); a cluster without an authorizer allows everything, as Kafka does; a cluster whose ACLs cannot be read
 * refuses (the error propagates), never allows.
 */
import type { OffsetResetPlan } from '@sluice/client';
import { KafkaError } from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';
import type { OffsetResetInput } from '@sluice/validators';
import type {
  AclOperationName,
  AclResourceTypeName,
  ClusterAuthorizer,
  ClusterSource,
  ClusterTransactions,
  PartitionPositions,
  ProduceRequest,
  ReadOptions,
  TopicPartition,
} from './cluster-source.ts';
import type { ClusterSecurity } from './cluster-security.ts';
import { PrincipalClusterSecurity } from './principal-cluster-security.ts';

/** Kafka's name of the single cluster resource. */
const CLUSTER_NAME = 'kafka-cluster';

const REFUSAL: Record<AclResourceTypeName, number> = {
  TOPIC: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
  GROUP: ErrorCode.GROUP_AUTHORIZATION_FAILED,
  CLUSTER: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
  TRANSACTIONAL_ID: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
};

/** The source of each (cluster source, principal), so per-source state (topic rates) survives across requests. */
const principalSources = new WeakMap<ClusterSource, Map<string, PrincipalClusterSource>>();

/** The cluster as `principal` may use it; the same object for the same source and principal. */
export function asPrincipal(cluster: ClusterSource, principal: string): ClusterSource {
  let byPrincipal = principalSources.get(cluster);
  if (!byPrincipal) principalSources.set(cluster, (byPrincipal = new Map()));
  let source = byPrincipal.get(principal);
  if (!source) byPrincipal.set(principal, (source = new PrincipalClusterSource(cluster, principal)));
  return source;
}

/**
 * Refuses with Kafka's error unless a user with a Kafka principal may perform the operation, for what the console
 * keeps about a resource in its own database (lag and ISR history): no more visible than the resource itself.
 * Users without a principal, and a console without a cluster, pass.
 */
export async function authorizeUser(
  cluster: ClusterSource | null,
  user: { kafkaPrincipal?: string | null },
  operation: AclOperationName,
  resourceType: AclResourceTypeName,
  resourceName: string,
): Promise<void> {
  if (!cluster || !user.kafkaPrincipal) return;
  const source = asPrincipal(cluster, user.kafkaPrincipal) as PrincipalClusterSource;
  await source.require(operation, resourceType, resourceName);
}

export class PrincipalClusterSource implements ClusterSource {
  readonly security: ClusterSecurity;
  readonly transactions: ClusterTransactions;

  constructor(
    private readonly cluster: ClusterSource,
    readonly principal: string,
  ) {
    this.security = new PrincipalClusterSecurity(cluster.security, (operation, resourceType, name) =>
      this.require(operation, resourceType, name),
    );
    this.transactions = this.principalTransactions(cluster.transactions);
  }

  private principalTransactions(transactions: ClusterTransactions): ClusterTransactions {
    return {
      listOpen: async () => {
        const [open, describable, topicDescribable] = await Promise.all([
          transactions.listOpen(),
          this.allowed('DESCRIBE', 'TRANSACTIONAL_ID'),
          this.allowed('DESCRIBE', 'TOPIC'),
        ]);
        return open
          .filter((t) => describable(t.transactionalId))
          .map((t) => ({ ...t, partitions: t.partitions.filter((p) => topicDescribable(p.topic)) }));
      },
      producers: async (partition) => {
        await this.require('READ', 'TOPIC', partition.topic);
        return transactions.producers(partition);
      },
      abort: async (producerId, partitions) => {
        await this.require('CLUSTER_ACTION', 'CLUSTER', CLUSTER_NAME);
        for (const topic of new Set(partitions.map((p) => p.topic)))
          await this.require('READ', 'TOPIC', topic);
        return transactions.abort(producerId, partitions);
      },
      maxTimeoutMs: () => transactions.maxTimeoutMs(),
      findHanging: async (maxTransactionTimeoutMs) => {
        const [hanging, readable] = await Promise.all([
          transactions.findHanging(maxTransactionTimeoutMs),
          this.allowed('READ', 'TOPIC'),
        ]);
        return hanging.filter((h) => readable(h.topic));
      },
    };
  }

  /** A predicate over resources of a type for one operation, decided by the cluster's current authorizer. */
  private async allowed(
    operation: AclOperationName,
    resourceType: AclResourceTypeName,
  ): Promise<(resourceName: string) => boolean> {
    const authorizer: ClusterAuthorizer | null = await this.cluster.authorizer();
    if (!authorizer) return () => true;
    return (resourceName) =>
      authorizer.allows({ principal: this.principal, operation, resourceType, resourceName });
  }

  /** Refuses with Kafka's error for the resource type unless the principal may perform the operation. */
  async require(
    operation: AclOperationName,
    resourceType: AclResourceTypeName,
    resourceName: string,
  ): Promise<void> {
    if ((await this.allowed(operation, resourceType))(resourceName)) return;
    const what =
      resourceType === 'CLUSTER'
        ? 'the cluster'
        : `${resourceType.toLowerCase().replace('_', ' ')} ${resourceName}`;
    throw new KafkaError(REFUSAL[resourceType], `${this.principal} may not ${operation} ${what}`);
  }

  async listGroups() {
    const [groups, describable] = await Promise.all([
      this.cluster.listGroups(),
      this.allowed('DESCRIBE', 'GROUP'),
    ]);
    return groups.filter((g) => describable(g.groupId));
  }

  async describeGroup(groupId: string) {
    await this.require('DESCRIBE', 'GROUP', groupId);
    return this.cluster.describeGroup(groupId);
  }

  async committedOffsets(groupId: string) {
    await this.require('DESCRIBE', 'GROUP', groupId);
    const [offsets, describable] = await Promise.all([
      this.cluster.committedOffsets(groupId),
      this.allowed('DESCRIBE', 'TOPIC'),
    ]);
    return offsets.filter((o) => describable(o.topic));
  }

  async partitionOffsets(topics: string[]) {
    const describable = await this.allowed('DESCRIBE', 'TOPIC');
    return this.cluster.partitionOffsets(topics.filter(describable));
  }

  /** A Fetch: without READ the timestamp is unknown (null) rather than an error, as lag views tolerate. */
  async recordTimestamp(partition: TopicPartition, offset: number) {
    if (!(await this.allowed('READ', 'TOPIC'))(partition.topic)) return null;
    return this.cluster.recordTimestamp(partition, offset);
  }

  /** The counts cover the topics the principal may describe, as Metadata would give them to it. */
  async describeCluster() {
    const [overview, authorizer] = await Promise.all([
      this.cluster.describeCluster(),
      this.cluster.authorizer(),
    ]);
    if (!authorizer) return overview;
    const partitions = await this.partitionStates();
    return {
      ...overview,
      topics: new Set(partitions.map((p) => p.topic)).size,
      partitions: partitions.length,
      underReplicatedPartitions: partitions.filter((p) => p.isr.length < p.replicas.length).length,
      offlinePartitions: partitions.filter((p) => p.leader < 0).length,
    };
  }

  describeBrokers() {
    return this.cluster.describeBrokers();
  }

  async listTopics() {
    const [topics, describable] = await Promise.all([
      this.cluster.listTopics(),
      this.allowed('DESCRIBE', 'TOPIC'),
    ]);
    return topics.filter((t) => describable(t.name));
  }

  async describeTopic(name: string) {
    await this.require('DESCRIBE', 'TOPIC', name);
    const [detail, configsDescribable] = await Promise.all([
      this.cluster.describeTopic(name),
      this.allowed('DESCRIBE_CONFIGS', 'TOPIC'),
    ]);
    if (!detail || configsDescribable(name)) return detail;
    return { ...detail, configs: [] };
  }

  topicConfigDefinitions() {
    return this.cluster.topicConfigDefinitions();
  }

  async createTopic(spec: Parameters<ClusterSource['createTopic']>[0]) {
    if (!(await this.allowed('CREATE', 'CLUSTER'))(CLUSTER_NAME))
      await this.require('CREATE', 'TOPIC', spec.name);
    return this.cluster.createTopic(spec);
  }

  async deleteTopic(name: string) {
    await this.require('DELETE', 'TOPIC', name);
    return this.cluster.deleteTopic(name);
  }

  async alterTopicConfigs(
    name: string,
    set: Record<string, string>,
    remove: string[],
    validateOnly: boolean,
  ) {
    await this.require('ALTER_CONFIGS', 'TOPIC', name);
    return this.cluster.alterTopicConfigs(name, set, remove, validateOnly);
  }

  async deleteRecords(topic: string, partition: number, beforeOffset: number) {
    await this.require('DELETE', 'TOPIC', topic);
    return this.cluster.deleteRecords(topic, partition, beforeOffset);
  }

  async offsetsForTimestamp(topic: string, partitions: number[], timestamp: number) {
    await this.require('DESCRIBE', 'TOPIC', topic);
    return this.cluster.offsetsForTimestamp(topic, partitions, timestamp);
  }

  async readRecords(topic: string, positions: PartitionPositions, options: ReadOptions) {
    await this.require('READ', 'TOPIC', topic);
    return this.cluster.readRecords(topic, positions, options);
  }

  async produce(request: ProduceRequest) {
    await this.require('WRITE', 'TOPIC', request.topic);
    return this.cluster.produce(request);
  }

  async planOffsetReset(input: OffsetResetInput) {
    await this.require('DESCRIBE', 'GROUP', input.groupId);
    return this.cluster.planOffsetReset(input);
  }

  async executeOffsetReset(plan: OffsetResetPlan) {
    await this.require('READ', 'GROUP', plan.groupId);
    for (const topic of new Set(plan.rows.map((r) => r.topic))) await this.require('READ', 'TOPIC', topic);
    return this.cluster.executeOffsetReset(plan);
  }

  async deleteGroup(groupId: string) {
    await this.require('DELETE', 'GROUP', groupId);
    return this.cluster.deleteGroup(groupId);
  }

  async partitionStates() {
    const [states, describable] = await Promise.all([
      this.cluster.partitionStates(),
      this.allowed('DESCRIBE', 'TOPIC'),
    ]);
    return states.filter((s) => describable(s.topic));
  }

  async partitionSizes() {
    const [sizes, describable] = await Promise.all([
      this.cluster.partitionSizes(),
      this.allowed('DESCRIBE', 'TOPIC'),
    ]);
    return sizes.filter((s) => describable(s.topic));
  }

  async reassignPartition(
    topic: string,
    partition: number,
    replicas: number[] | null,
    throttle?: number | null,
  ) {
    await this.require('ALTER', 'CLUSTER', CLUSTER_NAME);
    if (throttle) {
      await this.require('ALTER_CONFIGS', 'CLUSTER', CLUSTER_NAME);
      await this.require('ALTER_CONFIGS', 'TOPIC', topic);
    }
    return this.cluster.reassignPartition(topic, partition, replicas, throttle);
  }

  async listReassignments(topic?: string) {
    await this.require('DESCRIBE', 'CLUSTER', CLUSTER_NAME);
    return this.cluster.listReassignments(topic);
  }

  async replicaLogSizes(topic: string, partition: number) {
    await this.require('DESCRIBE', 'CLUSTER', CLUSTER_NAME);
    return this.cluster.replicaLogSizes(topic, partition);
  }

  async clearReplicationThrottles(topic: string) {
    await this.require('ALTER_CONFIGS', 'CLUSTER', CLUSTER_NAME);
    await this.require('ALTER_CONFIGS', 'TOPIC', topic);
    return this.cluster.clearReplicationThrottles(topic);
  }

  /** As describeTopic: DESCRIBE on the topic, and its configs only with DESCRIBE_CONFIGS. */
  async topicCompaction(topic: string) {
    await this.require('DESCRIBE', 'TOPIC', topic);
    const [compaction, configsDescribable] = await Promise.all([
      this.cluster.topicCompaction(topic),
      this.allowed('DESCRIBE_CONFIGS', 'TOPIC'),
    ]);
    if (!compaction || configsDescribable(topic)) return compaction;
    return { ...compaction, configs: compaction.configs.map((c) => ({ ...c, value: null, source: null })) };
  }

  /** The partitions of the topics the principal may DESCRIBE. */
  async cleanerOverview() {
    const [overview, describable] = await Promise.all([
      this.cluster.cleanerOverview(),
      this.allowed('DESCRIBE', 'TOPIC'),
    ]);
    return {
      ...overview,
      partitions: overview.partitions.filter((p) => describable(p.topic)),
      unread: overview.unread.filter((p) => describable(p.topic)),
    };
  }

  authorizer() {
    return this.cluster.authorizer();
  }

  trafficTotals() {
    return this.cluster.trafficTotals();
  }

  /** The cluster is the console's, shared by every request: not this view's to close. */
  close(): void {}
}
