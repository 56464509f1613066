/**
 * Topics and records of any Kafka-compatible cluster over the wire protocol: Metadata, DescribeCluster,
 * DescribeLogDirs (sizes), DescribeConfigs with synonyms, CreateTopics, DeleteTopics, IncrementalAlterConfigs,
 * DeleteRecords, ListOffsets, Fetch and Produce (acks=all), and reassignments (AlterPartitionReassignments,
 * ListPartitionReassignments, throttles by IncrementalAlterConfigs). Both cluster sources use it: the remote one for
 * everything, the embedded one for every change and read that should behave exactly as a Kafka client sees
 * it (the broker validates and answers with Kafka's errors).
 */
import {
  AbortedTransactionFilter,
  BrokerCleanerStatusCache,
  IsolationLevel,
  KafkaError,
  alterPartitionReassignments,
  clearReassignmentThrottles,
  describeReplicaLogDirs,
  executeOffsetReset,
  listPartitionReassignments,
  setReassignmentThrottles,
  partitionForKey,
  planOffsetReset,
  throwIfError,
  type ClusterClient,
  type OffsetResetPlan,
} from '@sluice/client';
import type { OffsetResetInput } from '@sluice/validators';
import {
  ApiKey,
  ErrorCode,
  decodeRecordBatch,
  encodeRecordBatch,
  splitBatches,
  type MetadataResponseTopic,
} from '@sluice/protocol';
import {
  byName,
  type ClusterBrokers,
  type ClusterOverview,
  type ConsoleEntry,
  type EntriesRead,
  type PartitionReassignment,
  type PartitionPositions,
  type PartitionSize,
  type PartitionState,
  type ReplicaLogSize,
  type ProduceRequest,
  type ReadOptions,
  type TopicConfigDefinition,
  type TopicConfigEntry,
  type TopicDetail,
  type TopicSummary,
} from './cluster-source.ts';
import {
  wireTopicCompaction,
  type CleanerOverview,
  type CompactionWireDetail,
  type TopicCompaction,
} from './compaction-status.ts';
import { markerEntry, recordEntry } from './console-entries.ts';
import {
  describeBrokersOverWire,
  laggingReplicas,
  rememberBrokers,
  type BrokerAddressBook,
} from './wire-brokers.ts';
import { cleanersFromLeaders, clusterCleanerOverview, partitionCleanerOf } from './wire-cleaner.ts';

const EARLIEST = -2n;
const LATEST = -1n;
const FETCH_MAX_BYTES = 4 * 1024 * 1024;

/** Kafka's ConfigSource and ConfigType numbers, by name. */
const CONFIG_SOURCES = [
  'UNKNOWN',
  'TOPIC_CONFIG',
  'DYNAMIC_BROKER_CONFIG',
  'DYNAMIC_DEFAULT_BROKER_CONFIG',
  'STATIC_BROKER_CONFIG',
  'DEFAULT_CONFIG',
  'DYNAMIC_BROKER_LOGGER_CONFIG',
  'CLIENT_METRICS_CONFIG',
  'GROUP_CONFIG',
];
const configSourceName = (code: number) => CONFIG_SOURCES[code] ?? 'UNKNOWN';

const CONFIG_TYPES = [
  'UNKNOWN',
  'BOOLEAN',
  'STRING',
  'INT',
  'SHORT',
  'LONG',
  'DOUBLE',
  'LIST',
  'CLASS',
  'PASSWORD',
];

const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function underReplicated(p: MetadataResponseTopic['partitions'][number]): boolean {
  return p.isrNodes.length < p.replicaNodes.length;
}

/** The topic half of a ClusterSource over the wire; the sources add groups (and the embedded one, engine reads). */
export abstract class WireTopicSource {
  private readonly brokerAddresses: BrokerAddressBook = new Map();
  /** Each broker's cleaner status, read over its HTTP listener at most every few seconds. */
  protected readonly brokerCleaners: BrokerCleanerStatusCache;

  constructor(protected readonly client: ClusterClient) {
    this.brokerCleaners = new BrokerCleanerStatusCache(client);
  }

  describeBrokers(): Promise<ClusterBrokers> {
    return describeBrokersOverWire(this.client, this.brokerAddresses);
  }

  trafficTotals(): { bytesIn: number; bytesOut: number } | null {
    return null;
  }

  async describeCluster(): Promise<ClusterOverview> {
    const [cluster, metadata] = await Promise.all([
      this.client.describeCluster(),
      this.client.metadata(null),
    ]);
    const partitions = metadata.topics.flatMap((t) => t.partitions);
    return {
      clusterId: cluster.clusterId,
      controllerId: cluster.controllerId,
      brokers: cluster.brokers
        .map((b) => ({ nodeId: b.brokerId, host: b.host, port: b.port, rack: b.rack }))
        .sort((a, b) => a.nodeId - b.nodeId),
      topics: metadata.topics.length,
      partitions: partitions.length,
      underReplicatedPartitions: partitions.filter(underReplicated).length,
      offlinePartitions: partitions.filter(
        (p) => p.leaderId < 0 || p.errorCode === ErrorCode.LEADER_NOT_AVAILABLE,
      ).length,
    };
  }

  /**
   * Offsets of every partition of `topics` (earliest and latest), in two batched ListOffsets per leader, and
   * with `withLastStable` a third: latest under READ_COMMITTED, the last stable offset. Offline partitions (no
   * leader) have no one to ask and are left out.
   */
  private async offsetsOf(topics: MetadataResponseTopic[], withLastStable = false) {
    const partitions = topics.flatMap((topic) =>
      topic.partitions.filter((p) => p.leaderId >= 0).map((p) => ({ topic, partition: p.partitionIndex })),
    );
    const [earliest, latest, lastStable] = await Promise.all([
      this.client.listOffsets(partitions, EARLIEST),
      this.client.listOffsets(partitions, LATEST),
      withLastStable
        ? this.client.listOffsets(partitions, LATEST, IsolationLevel.READ_COMMITTED)
        : new Map<string, bigint>(),
    ]);
    return { earliest, latest, lastStable };
  }

  async listTopics(): Promise<TopicSummary[]> {
    const metadata = await this.client.metadata(null);
    const topics = metadata.topics.filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null);
    const [{ earliest, latest }, sizes] = await Promise.all([
      this.offsetsOf(topics),
      this.client.partitionSizes().catch(() => null),
    ]);
    return topics
      .map((topic) => {
        const name = topic.name!;
        let records = 0;
        let endOffsets = 0;
        let sizeBytes: number | null = sizes ? 0 : null;
        for (const p of topic.partitions) {
          endOffsets += Number(latest.get(key(name, p.partitionIndex)) ?? 0n);
          records += Number(
            (latest.get(key(name, p.partitionIndex)) ?? 0n) -
              (earliest.get(key(name, p.partitionIndex)) ?? 0n),
          );
          if (sizeBytes !== null) sizeBytes += sizes!.get(key(name, p.partitionIndex)) ?? 0;
        }
        return {
          name,
          topicId: topic.topicId,
          internal: topic.isInternal,
          partitions: topic.partitions.length,
          replicationFactor: topic.partitions[0]?.replicaNodes.length ?? 0,
          sizeBytes,
          records,
          endOffsets,
          underReplicatedPartitions: topic.partitions.filter(underReplicated).length,
        };
      })
      .sort(byName);
  }

  /** Metadata, two ListOffsets per leader and DescribeLogDirs at every broker: the topic list's requests. */
  async partitionSizes(): Promise<PartitionSize[]> {
    const metadata = await this.client.metadata(null);
    const topics = metadata.topics.filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null);
    const [{ earliest, latest }, sizes] = await Promise.all([
      this.offsetsOf(topics),
      this.client.partitionSizes().catch(() => null),
    ]);
    const offset = (offsets: Map<string, bigint>, at: string) => {
      const found = offsets.get(at);
      return found === undefined ? null : Number(found);
    };
    return topics.flatMap((t) =>
      t.partitions.map((p) => {
        const at = key(t.name!, p.partitionIndex);
        return {
          topic: t.name!,
          partition: p.partitionIndex,
          sizeBytes: sizes?.get(at) ?? null,
          logStartOffset: offset(earliest, at),
          highWatermark: offset(latest, at),
        };
      }),
    );
  }

  async describeTopic(name: string): Promise<TopicDetail | null> {
    const metadata = await this.client.metadata([name]);
    const topic = metadata.topics[0];
    if (!topic || topic.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) return null;
    throwIfError(topic.errorCode, `topic ${name}`);
    const [{ earliest, latest, lastStable }, sizes, configs, lagging] = await Promise.all([
      this.offsetsOf([topic], true),
      this.client.partitionSizes().catch(() => null),
      this.client.describeTopicConfigsInDetail(name),
      laggingReplicas(this.client, name, topic.partitions, new Set(metadata.brokers.map((b) => b.nodeId))),
    ]);
    const partitions = topic.partitions
      .map((p) => ({
        partition: p.partitionIndex,
        leader: p.leaderId,
        leaderEpoch: p.leaderEpoch,
        replicas: p.replicaNodes,
        isr: p.isrNodes,
        offlineReplicas: p.offlineReplicas,
        logStartOffset: Number(earliest.get(key(name, p.partitionIndex)) ?? 0n),
        highWatermark: Number(latest.get(key(name, p.partitionIndex)) ?? 0n),
        lastStableOffset: Number(lastStable.get(key(name, p.partitionIndex)) ?? 0n),
        sizeBytes: sizes ? (sizes.get(key(name, p.partitionIndex)) ?? 0) : null,
        underReplicated: underReplicated(p),
        offline: p.leaderId < 0,
        laggingReplicas: lagging.get(p.partitionIndex) ?? [],
      }))
      .sort((a, b) => a.partition - b.partition);
    return {
      name,
      topicId: topic.topicId,
      internal: topic.isInternal,
      replicationFactor: partitions[0]?.replicas.length ?? 0,
      sizeBytes: sizes ? partitions.reduce((sum, p) => sum + (p.sizeBytes ?? 0), 0) : null,
      records: partitions.reduce((sum, p) => sum + p.highWatermark - p.logStartOffset, 0),
      underReplicatedPartitions: partitions.filter((p) => p.underReplicated).length,
      partitions,
      configs: configs
        .map((c): TopicConfigEntry => ({
          name: c.name,
          value: c.value,
          source: configSourceName(c.configSource),
          isDefault: c.configSource === 5,
          readOnly: c.readOnly,
          sensitive: c.isSensitive,
          // The first synonym is the value itself; the next is what it falls back to.
          defaultValue: c.synonyms.find((s) => s.source !== c.configSource)?.value ?? null,
          type: CONFIG_TYPES[c.configType] ?? 'UNKNOWN',
          documentation: c.documentation,
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /**
   * Over the wire, DescribeConfigs of an existing topic lists every topic config with its type and
   * documentation; for each, the value a topic gets without an override is its first non-topic synonym.
   * Empty on a cluster without topics to ask about.
   */
  async topicConfigDefinitions(): Promise<TopicConfigDefinition[]> {
    const metadata = await this.client.metadata(null);
    const any = metadata.topics.find(
      (t) => t.errorCode === ErrorCode.NONE && t.name !== null && !t.isInternal,
    );
    if (!any) return [];
    const configs = await this.client.describeTopicConfigsInDetail(any.name!);
    return configs
      .map((c) => ({
        name: c.name,
        type: CONFIG_TYPES[c.configType] ?? 'UNKNOWN',
        defaultValue:
          c.configSource === 1 ? (c.synonyms.find((s) => s.source !== 1)?.value ?? null) : c.value,
        documentation: c.documentation,
        validValues: null,
      }))
      .sort(byName);
  }

  async createTopic(spec: {
    name: string;
    partitions: number;
    replicationFactor: number;
    configs: Record<string, string>;
    validateOnly: boolean;
  }): Promise<void> {
    const [result] = await this.client.createTopics(
      [
        {
          name: spec.name,
          numPartitions: spec.partitions,
          replicationFactor: spec.replicationFactor,
          assignments: [],
          configs: Object.entries(spec.configs).map(([name, value]) => ({ name, value })),
        },
      ],
      spec.validateOnly,
    );
    throwIfError(result!.errorCode, result!.errorMessage);
  }

  async deleteTopic(name: string): Promise<void> {
    const [result] = await this.client.deleteTopics([name]);
    throwIfError(result!.errorCode, result!.errorMessage);
  }

  async alterTopicConfigs(
    name: string,
    set: Record<string, string>,
    remove: string[],
    validateOnly: boolean,
  ): Promise<void> {
    const changes = new Map<string, string | null>(Object.entries(set));
    for (const configName of remove) changes.set(configName, null);
    await this.client.alterTopicConfigs(name, changes, validateOnly);
  }

  async deleteRecords(topic: string, partition: number, beforeOffset: number): Promise<number> {
    const metadata = await this.client.topic(topic);
    return Number(await this.client.deleteRecords(metadata, partition, BigInt(beforeOffset)));
  }

  async offsetsForTimestamp(
    topic: string,
    partitions: number[],
    timestamp: number,
  ): Promise<PartitionPositions> {
    const metadata = await this.client.topic(topic);
    const wanted = partitions.map((partition) => ({ topic: metadata, partition }));
    const [found, latest] = await Promise.all([
      this.client.listOffsets(wanted, BigInt(timestamp)),
      this.client.listOffsets(wanted, LATEST),
    ]);
    return new Map(
      partitions.map((p) => {
        const offset = found.get(key(topic, p)) ?? -1n;
        return [p, Number(offset >= 0n ? offset : latest.get(key(topic, p))!)];
      }),
    );
  }

  async readRecords(
    topic: string,
    positions: PartitionPositions,
    options: ReadOptions,
  ): Promise<EntriesRead> {
    const metadata = await this.client.topic(topic);
    const perPartition = await Promise.all(
      [...positions].map(([partition, offset]) => this.readPartition(metadata, partition, offset, options)),
    );
    return {
      entries: perPartition.flatMap((read) => read.entries),
      next: new Map(perPartition.map((read, i) => [[...positions.keys()][i]!, read.next])),
    };
  }

  /**
   * Reads one partition as a consumer of the isolation level would, keeping the transaction markers as marker
   * entries: under read_committed the leader stops at the last stable offset and names the aborted transactions
   * in what it returns, whose records are left out here (AbortedTransactionFilter).
   */
  private async readPartition(
    topic: MetadataResponseTopic,
    partition: number,
    from: number,
    options: ReadOptions,
  ): Promise<{ entries: ConsoleEntry[]; next: number }> {
    const isolationLevel =
      options.isolationLevel === 'read_committed'
        ? IsolationLevel.READ_COMMITTED
        : IsolationLevel.READ_UNCOMMITTED;
    const aborted = new AbortedTransactionFilter();
    const out: ConsoleEntry[] = [];
    let position = BigInt(from);
    let waitMs = options.maxWaitMs;
    const done = () => ({ entries: out, next: Number(position) });
    while (out.length < options.maxRecords) {
      let data;
      try {
        data = await this.client.fetch(topic, partition, position, {
          maxWaitMs: waitMs,
          maxBytes: FETCH_MAX_BYTES,
          isolationLevel,
        });
      } catch (error) {
        // Retention moved the log start past the position: read on from there.
        if (!(error instanceof KafkaError) || error.errorCode !== ErrorCode.OFFSET_OUT_OF_RANGE) throw error;
        const start = await this.client.listOffset(topic, partition, EARLIEST);
        if (position >= start) return done();
        position = start;
        continue;
      }
      // What this isolation level may read up to: the high watermark, or the last stable offset.
      const end =
        isolationLevel === IsolationLevel.READ_COMMITTED && data.lastStableOffset >= 0n
          ? data.lastStableOffset
          : data.highWatermark;
      aborted.addAborted(isolationLevel === IsolationLevel.READ_COMMITTED ? data.abortedTransactions : null);
      const { batches } = splitBatches(data.records ?? Buffer.alloc(0));
      if (batches.length === 0) return done();
      for (const { header, bytes } of batches) {
        if (header.baseOffset >= end) return done();
        const { records } = await decodeRecordBatch(bytes);
        // Records of an aborted transaction are read past without an entry (read_committed).
        const skip = aborted.isAborted(header, header.isControl ? records : []);
        for (const r of records) {
          if (r.offset < position || r.offset >= end) continue;
          const entry = header.isControl
            ? markerEntry(partition, header, r)
            : skip
              ? null
              : recordEntry(partition, header, r);
          if (entry) out.push(entry);
          position = r.offset + 1n;
          if (out.length === options.maxRecords) return done();
        }
        // Past the whole batch, offsets compaction removed included, but never past what may be read.
        const batchEnd = header.baseOffset + BigInt(header.lastOffsetDelta) + 1n;
        const readTo = batchEnd < end ? batchEnd : end;
        if (readTo > position) position = readTo;
      }
      if (position >= end) return done();
      // Only the first fetch waits for data; the rest read what is already there.
      waitMs = 0;
    }
    return done();
  }

  async produce(request: ProduceRequest): Promise<{ partition: number; offset: number }[]> {
    const topic = await this.client.topic(request.topic);
    const count = topic.partitions.length;
    let partition = request.partition;
    if (partition === undefined)
      partition = request.key ? partitionForKey(request.key, count) : Math.floor(Math.random() * count);
    if (partition < 0 || partition >= count)
      throw new KafkaError(
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        `topic ${request.topic} has no partition ${partition}`,
      );
    const timestamp = BigInt(Date.now());
    const batch = await encodeRecordBatch({
      records: Array.from({ length: request.copies }, () => ({
        key: request.key,
        value: request.value,
        headers: request.headers,
        timestamp,
      })),
    });
    const base = Number(await this.client.produce(topic, partition, batch, -1));
    return Array.from({ length: request.copies }, (_, i) => ({ partition: partition!, offset: base + i }));
  }

  planOffsetReset(input: OffsetResetInput): Promise<OffsetResetPlan> {
    return planOffsetReset(this.client, input);
  }

  executeOffsetReset(plan: OffsetResetPlan): Promise<void> {
    return executeOffsetReset(this.client, plan);
  }

  async deleteGroup(groupId: string): Promise<number> {
    return (await this.client.deleteGroups([groupId])).get(groupId) ?? ErrorCode.UNKNOWN_SERVER_ERROR;
  }

  async partitionStates(): Promise<PartitionState[]> {
    const metadata = await this.client.metadata(null);
    rememberBrokers(this.brokerAddresses, metadata);
    return metadata.topics
      .filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null)
      .flatMap((t) =>
        t.partitions.map((p) => ({
          topic: t.name!,
          topicId: t.topicId,
          partition: p.partitionIndex,
          leader: p.leaderId,
          leaderEpoch: p.leaderEpoch,
          replicas: p.replicaNodes,
          isr: p.isrNodes,
        })),
      );
  }

  async reassignPartition(
    topic: string,
    partition: number,
    replicas: number[] | null,
    throttle: number | null = null,
  ): Promise<void> {
    if (!(await this.client.any()).supports(ApiKey.AlterPartitionReassignments))
      throw new KafkaError(
        ErrorCode.UNSUPPORTED_VERSION,
        'the cluster does not support AlterPartitionReassignments (KIP-455, Kafka 2.4)',
      );
    if (replicas !== null && throttle !== null) {
      const metadata = await this.client.topic(topic);
      const current = metadata.partitions.find((p) => p.partitionIndex === partition);
      if (!current)
        throw new KafkaError(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          `topic ${topic} has no partition ${partition}`,
        );
      await setReassignmentThrottles(
        this.client,
        [{ topic, partition, current: current.replicaNodes, target: replicas }],
        throttle,
      );
    }
    await alterPartitionReassignments(this.client, [{ topic, partition, replicas }]);
  }

  async listReassignments(topic?: string): Promise<PartitionReassignment[]> {
    if (!(await this.client.any()).supports(ApiKey.ListPartitionReassignments)) return [];
    if (topic === undefined) return listPartitionReassignments(this.client, null);
    // ListPartitionReassignments names partitions; the topic's come from Metadata.
    const metadata = await this.client.metadata([topic]);
    const found = metadata.topics[0];
    if (!found || found.errorCode !== ErrorCode.NONE) return [];
    return listPartitionReassignments(this.client, [
      { name: topic, partitionIndexes: found.partitions.map((p) => p.partitionIndex) },
    ]);
  }

  async replicaLogSizes(topic: string, partition: number): Promise<ReplicaLogSize[]> {
    return describeReplicaLogDirs(this.client, topic, partition);
  }

  async clearReplicationThrottles(topic: string): Promise<void> {
    await clearReassignmentThrottles(this.client, [topic]);
  }

  /**
   * What the compaction view shows of a topic from the wire: leaders, sizes and configs. Not describeTopic,
   * whose ListOffsets at every leader would fail the whole view while a stopped leader is not yet fenced.
   * A partition no broker reported in DescribeLogDirs (its only replica down) has no size: null, not 0.
   */
  protected async compactionDetail(name: string): Promise<CompactionWireDetail | null> {
    const metadata = await this.client.metadata([name]);
    const topic = metadata.topics[0];
    if (!topic || topic.errorCode === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) return null;
    throwIfError(topic.errorCode, `topic ${name}`);
    const [sizes, configs] = await Promise.all([
      this.client.partitionSizes().catch(() => null),
      this.client.describeTopicConfigsInDetail(name),
    ]);
    return {
      name,
      configs: configs.map((c) => ({
        name: c.name,
        value: c.value,
        source: configSourceName(c.configSource),
      })),
      partitions: topic.partitions
        .map((p) => ({
          partition: p.partitionIndex,
          leader: p.leaderId,
          sizeBytes: sizes?.get(key(name, p.partitionIndex)) ?? null,
        }))
        .sort((a, b) => a.partition - b.partition),
    };
  }

  /**
   * Sizes and configs over the wire protocol; each partition's cleaner status from its leader's HTTP listener
   * (wire-cleaner.ts), or why it cannot be read. The retention outlook needs the segments: never read remotely.
   */
  async topicCompaction(topic: string): Promise<TopicCompaction | null> {
    const detail = await this.compactionDetail(topic);
    if (!detail) return null;
    const led = detail.partitions.map((p) => ({ topic, partition: p.partition, leader: p.leader }));
    const cleaners = await cleanersFromLeaders(this.brokerCleaners, led);
    const byPartition = new Map(led.map((p, i) => [p.partition, cleaners[i]!]));
    return wireTopicCompaction(detail, (p) => partitionCleanerOf(byPartition.get(p.partition)!));
  }

  /** Every compacted partition of the cluster, each from its leader's HTTP listener (wire-cleaner.ts). */
  async cleanerOverview(): Promise<CleanerOverview> {
    return clusterCleanerOverview(this.client, this.brokerCleaners);
  }
}
