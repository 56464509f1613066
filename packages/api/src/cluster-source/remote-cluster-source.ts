/**
 * A Kafka-compatible cluster reached over the wire protocol (Sluice or Apache Kafka), through packages/client:
 * ListGroups on every broker, DescribeGroups and OffsetFetch at the group's coordinator (FindCoordinator),
 * ListOffsets and a one-batch Fetch at partition leaders.
 *
 * OffsetFetch does not return when an offset was committed, so commit timestamps are null here; the lag
 * evaluator then dates a commit by the first sample that saw it.
 */
import { ClusterClient, KafkaError, type ConnectionSecurity } from '@sluice/client';
import { ErrorCode, decodeRecordBatch, splitBatches, type MetadataResponseTopic } from '@sluice/protocol';
import { RemoteAuthorizer } from './cluster-authorizers.ts';
import type {
  ClusterAuthorizer,
  ClusterSource,
  CommittedOffset,
  GroupDescription,
  GroupListing,
  PartitionOffsets,
  TopicPartition,
} from './cluster-source.ts';
import { decodeAssignment, decodeSubscribedTopics } from './consumer-protocol.ts';
import { WireTopicSource } from './wire-topics.ts';
import { WireTransactions } from './wire-transactions.ts';
import { WireClusterSecurity } from './wire-security.ts';

const EARLIEST = -2n;
const LATEST = -1n;

export class RemoteClusterSource extends WireTopicSource implements ClusterSource {
  readonly security = new WireClusterSecurity(this.client);
  readonly transactions = new WireTransactions(this.client);
  private readonly remoteAuthorizer = new RemoteAuthorizer(this.client);

  /**
   * A source over a new client for `bootstrap` ("host:port,host:port"), with `security` for a TLS or SASL
   * listener; connects on first use (or `connect`).
   */
  static forBootstrap(
    bootstrap: string,
    options: { clientId?: string; security?: ConnectionSecurity } = {},
  ): RemoteClusterSource {
    return new RemoteClusterSource(
      new ClusterClient(bootstrap, options.clientId ?? 'sluice-console', {
        ...(options.security ? { security: options.security } : {}),
      }),
    );
  }

  /**
   * Opens the connection to the cluster now: a KafkaAuthenticationError when it refuses the TLS or SASL
   * settings, another error when no bootstrap server answers.
   */
  async connect(): Promise<void> {
    await this.client.any();
  }

  /** The cluster's ACLs and authorizer settings, read with DescribeAcls and DescribeConfigs, cached briefly. */
  authorizer(): Promise<ClusterAuthorizer | null> {
    return this.remoteAuthorizer.current();
  }

  async listGroups(): Promise<GroupListing[]> {
    return this.client.listGroups();
  }

  async describeGroup(groupId: string): Promise<GroupDescription> {
    const group = await this.client.describeGroup(groupId);
    return {
      groupId,
      state: group.groupState,
      protocolType: group.protocolType,
      protocol: group.protocolData,
      members: group.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        host: m.clientHost,
        subscribedTopics: decodeSubscribedTopics(group.protocolType, m.memberMetadata),
        assignment: decodeAssignment(group.protocolType, m.memberAssignment),
      })),
    };
  }

  async committedOffsets(groupId: string): Promise<CommittedOffset[]> {
    return (await this.client.fetchOffsets(groupId)).map((o) => ({
      topic: o.topic,
      partition: o.partition,
      offset: Number(o.offset),
      metadata: o.metadata ?? '',
      commitTimestamp: null,
    }));
  }

  async partitionOffsets(topics: string[]): Promise<PartitionOffsets[]> {
    const unique = [...new Set(topics)];
    if (unique.length === 0) return [];
    const metadata = await this.client.metadata(unique);
    const known = metadata.topics.filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null);
    const perTopic = await Promise.all(
      known.map((topic) =>
        Promise.all(
          topic.partitions
            .map((p) => p.partitionIndex)
            .sort((a, b) => a - b)
            .map(async (partition) => {
              const [logStartOffset, highWatermark] = await Promise.all([
                this.client.listOffset(topic, partition, EARLIEST),
                this.client.listOffset(topic, partition, LATEST),
              ]);
              return {
                topic: topic.name!,
                partition,
                logStartOffset: Number(logStartOffset),
                highWatermark: Number(highWatermark),
              };
            }),
        ),
      ),
    );
    return perTopic.flat();
  }

  async recordTimestamp({ topic: name, partition }: TopicPartition, offset: number): Promise<number | null> {
    const topic = await this.client.topic(name);
    let position = BigInt(offset);
    for (;;) {
      const data = await this.fetchOneBatch(topic, partition, position);
      if (data === null) return null;
      if (position < data.logStartOffset) position = data.logStartOffset;
      const { batches } = splitBatches(data.records);
      if (batches.length === 0) return null;
      for (const { header, bytes } of batches) {
        if (header.isControl) continue;
        const found = (await decodeRecordBatch(bytes)).records.find((r) => r.offset >= position);
        if (found) return Number(found.timestamp);
      }
      // Only control records or compacted-away offsets up to here: read on from the next batch.
      const last = batches.at(-1)!.header;
      position = last.baseOffset + BigInt(last.lastOffsetDelta) + 1n;
    }
  }

  /**
   * One Fetch that returns at least the batch holding `position` (maxBytes 1: brokers send the first batch
   * whole however large, KIP-74), without waiting for new data. Null at or past the high watermark. A
   * position below the log start offset (retention moved it) reads from the log start offset.
   */
  private async fetchOneBatch(topic: MetadataResponseTopic, partition: number, position: bigint) {
    let data;
    try {
      data = await this.client.fetch(topic, partition, position, { maxWaitMs: 0, maxBytes: 1 });
    } catch (error) {
      if (!(error instanceof KafkaError) || error.errorCode !== ErrorCode.OFFSET_OUT_OF_RANGE) throw error;
      const logStartOffset = await this.client.listOffset(topic, partition, EARLIEST);
      if (position >= logStartOffset) throw error;
      data = await this.client.fetch(topic, partition, logStartOffset, { maxWaitMs: 0, maxBytes: 1 });
    }
    if (position >= data.highWatermark || !data.records || data.records.length === 0) return null;
    return { records: data.records, logStartOffset: data.logStartOffset };
  }

  close(): void {
    this.client.close();
  }
}
