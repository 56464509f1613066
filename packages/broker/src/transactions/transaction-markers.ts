/**
 * Transaction markers: how a transaction's end reaches its partitions (Kafka's TransactionMarkerChannelManager
 * and the WriteTxnMarkers side of ReplicaManager).
 *
 * - `LocalMarkerWriter` appends a COMMIT or ABORT control batch to partitions this broker leads and resolves once
 *   each is committed (the high watermark passed it). The WriteTxnMarkers handler and the local coordinator both
 *   use it, so a marker is written the same way wherever the coordinator lives. A marker on a __consumer_offsets
 *   partition also completes the group coordinator's pending transactional offsets.
 * - `TransactionMarkerChannel.send` delivers one transaction's markers to the leader of every partition, this
 *   broker's own through `writeLocalMarkers`, other brokers' through WriteTxnMarkers, retrying until every
 *   partition has its marker, its topic is gone, or the coordinator gives the transaction up.
 *
 * Invariant: a partition is done only once its leader acknowledged the marker as committed, or once the partition
 * no longer exists; until then it is retried (with a backoff), following leadership moves.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { CONSUMER_OFFSETS_TOPIC } from '../groups/offsets-topic.ts';
import type { Logger } from '../logger.ts';
import { NO_LEADER } from '../metadata/partition-registration.ts';
import type { TopicRegistry } from '../metadata/topic-registry.ts';
import { NodeClient } from '../replication/node-client.ts';
import type { ReplicaManager } from '../replication/replica-manager.ts';
import { partitionKey, type TxnPartition } from './transaction-metadata.ts';

export interface TxnMarker {
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
  commit: boolean;
}

export interface LocalMarkerWriterOptions {
  topics: TopicRegistry;
  replicaManager: ReplicaManager;
  /** How long to wait for a marker to be replicated to the ISR (request.timeout.ms). */
  timeoutMs: () => number;
  /** Told once a marker is committed on a __consumer_offsets partition. */
  onOffsetsMarker: (partition: number, producerId: bigint, commit: boolean) => void;
}

/**
 * Writes markers to partitions this broker leads, for the WriteTxnMarkers handler and the local coordinator.
 */
export class LocalMarkerWriter {
  constructor(private readonly options: LocalMarkerWriterOptions) {}

  /** Writes one marker to each partition; resolves with an error code per partition (by partitionKey). */
  async write(marker: TxnMarker, partitions: readonly TxnPartition[]): Promise<Map<string, number>> {
    const results = new Map<string, number>();
    await Promise.all(
      partitions.map(async (tp) => {
        results.set(partitionKey(tp), await this.writeOne(marker, tp));
      }),
    );
    return results;
  }

  private async writeOne(marker: TxnMarker, { topic, partition: index }: TxnPartition): Promise<number> {
    const { replicaManager, topics } = this.options;
    if (!topics.get(topic)?.partitions[index]) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    const partition = replicaManager.partition(topic, index);
    if (!partition) {
      return replicaManager.clustered
        ? ErrorCode.NOT_LEADER_OR_FOLLOWER
        : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    }
    if (!partition.isLeader) return ErrorCode.NOT_LEADER_OR_FOLLOWER;
    const appended = partition.appendTxnMarker(marker);
    if (appended.errorCode !== ErrorCode.NONE) return appended.errorCode;
    const committed = await partition.waitForHighWatermark(appended.baseOffset + 1, this.options.timeoutMs());
    if (committed.errorCode !== ErrorCode.NONE) return committed.errorCode;
    if (topic === CONSUMER_OFFSETS_TOPIC)
      this.options.onOffsetsMarker(index, marker.producerId, marker.commit);
    return ErrorCode.NONE;
  }
}

/** Partition errors after which the marker is not sent again. */
function isFinal(errorCode: number): boolean {
  return (
    errorCode === ErrorCode.NONE ||
    // A newer epoch already wrote to the partition: a later marker completed it (Kafka logs and moves on).
    errorCode === ErrorCode.INVALID_PRODUCER_EPOCH
  );
}

const RETRY_BACKOFF_MS = 100;

export interface TransactionMarkerChannelOptions {
  nodeId: number;
  topics: TopicRegistry;
  replicaManager: ReplicaManager;
  logger: Logger;
  requestTimeoutMs: () => number;
  writeLocal: (marker: TxnMarker, partitions: readonly TxnPartition[]) => Promise<Map<string, number>>;
}

export class TransactionMarkerChannel {
  private readonly clients = new Map<number, NodeClient>();
  private closed = false;

  constructor(private readonly options: TransactionMarkerChannelOptions) {}

  /**
   * Delivers `marker` to every partition. Resolves true once all have it (or are gone), false when
   * `stillWanted` turned false first (this broker stopped coordinating the transaction) or a partition
   * answered TRANSACTION_COORDINATOR_FENCED (a newer coordinator owns it).
   */
  async send(
    transactionalId: string,
    marker: TxnMarker,
    partitions: readonly TxnPartition[],
    stillWanted: () => boolean,
  ): Promise<boolean> {
    let remaining = [...partitions];
    while (remaining.length > 0) {
      if (this.closed || !stillWanted()) return false;
      // A partition whose topic is gone needs no marker (Kafka drops it the same way).
      remaining = remaining.filter((tp) => this.options.topics.get(tp.topic)?.partitions[tp.partition]);
      const byLeader = new Map<number, TxnPartition[]>();
      for (const tp of remaining) {
        const { leaderId } = this.options.replicaManager.currentLeader(tp.topic, tp.partition);
        if (leaderId === NO_LEADER) continue;
        const list = byLeader.get(leaderId) ?? [];
        list.push(tp);
        byLeader.set(leaderId, list);
      }
      const results = new Map<string, number>();
      await Promise.all(
        [...byLeader].map(async ([leaderId, tps]) => {
          const answered = await this.deliver(leaderId, marker, tps);
          for (const [key, code] of answered) results.set(key, code);
        }),
      );
      if ([...results.values()].includes(ErrorCode.TRANSACTION_COORDINATOR_FENCED)) {
        this.options.logger.warn(
          `markers of transaction ${transactionalId} were refused: a newer coordinator owns it`,
        );
        return false;
      }
      remaining = remaining.filter((tp) => {
        const code = results.get(partitionKey(tp));
        return code === undefined || !isFinal(code);
      });
      if (remaining.length > 0) await new Promise((resolve) => setTimeout(resolve, RETRY_BACKOFF_MS));
    }
    return true;
  }

  private async deliver(
    leaderId: number,
    marker: TxnMarker,
    partitions: TxnPartition[],
  ): Promise<Map<string, number>> {
    if (leaderId === this.options.nodeId) return this.options.writeLocal(marker, partitions);
    const results = new Map<string, number>();
    const endpoint = this.options.replicaManager.broker(leaderId);
    if (!endpoint) return results;
    let client = this.clients.get(leaderId);
    if (!client) {
      client = new NodeClient(
        endpoint,
        `broker-${this.options.nodeId}-txn-marker-sender`,
        this.options.requestTimeoutMs(),
      );
      this.clients.set(leaderId, client);
    } else {
      client.setAddress(endpoint);
    }
    const byTopic = new Map<string, number[]>();
    for (const { topic, partition } of partitions)
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
    try {
      const version = await client.version(ApiKey.WriteTxnMarkers, 1);
      if (version < 0) return results;
      const response = await client.send(ApiKey.WriteTxnMarkers, version, {
        markers: [
          {
            producerId: marker.producerId,
            producerEpoch: marker.producerEpoch,
            transactionResult: marker.commit,
            coordinatorEpoch: marker.coordinatorEpoch,
            topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
          },
        ],
      });
      for (const answer of response.markers)
        for (const topic of answer.topics)
          for (const p of topic.partitions)
            results.set(partitionKey({ topic: topic.name, partition: p.partitionIndex }), p.errorCode);
    } catch (error) {
      this.options.logger.debug(`WriteTxnMarkers to broker ${leaderId} failed: ${String(error)}`);
    }
    return results;
  }

  close(): void {
    this.closed = true;
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
