/**
 * Transactions of any Kafka-compatible cluster over Kafka's admin APIs (ListTransactions at every broker,
 * DescribeTransactions at each coordinator, DescribeProducers and WriteTxnMarkers at partition leaders,
 * DescribeConfigs for transaction.max.timeout.ms). Both cluster sources use it: the embedded broker answers
 * these as any Kafka cluster does, with its own authorization and errors.
 */
import {
  KafkaError,
  abortTransaction,
  describeBrokerConfigs,
  describePartitionProducers,
  describeTransactionsAt,
  findHangingTransactions,
  listTransactions,
  type ClusterClient,
} from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';
import type {
  ClusterTransactions,
  HangingTransaction,
  OpenTransaction,
  PartitionAbort,
  PartitionProducer,
  TopicPartition,
} from './cluster-source.ts';

/** The states of a transaction that has begun and not yet completed (Kafka's TransactionState). */
export const OPEN_STATES = ['Ongoing', 'PrepareCommit', 'PrepareAbort', 'PrepareEpochFence'];

export class WireTransactions implements ClusterTransactions {
  constructor(private readonly client: ClusterClient) {}

  async listOpen(): Promise<OpenTransaction[]> {
    const listed = await listTransactions(this.client, { states: OPEN_STATES });
    const byCoordinator = new Map<number, string[]>();
    for (const t of listed)
      byCoordinator.set(t.coordinatorId, [...(byCoordinator.get(t.coordinatorId) ?? []), t.transactionalId]);
    const described = await Promise.all(
      [...byCoordinator].map(([coordinatorId, ids]) =>
        describeTransactionsAt(this.client, coordinatorId, ids),
      ),
    );
    const open: OpenTransaction[] = [];
    for (const descriptions of described)
      for (const description of descriptions.values()) {
        // Completed or expired between the two requests: no longer open.
        if (description instanceof KafkaError) {
          if (description.errorCode === ErrorCode.TRANSACTIONAL_ID_NOT_FOUND) continue;
          throw description;
        }
        if (!OPEN_STATES.includes(description.state)) continue;
        open.push({
          transactionalId: description.transactionalId,
          coordinatorId: description.coordinatorId,
          producerId: Number(description.producerId),
          producerEpoch: description.producerEpoch,
          state: description.state,
          transactionTimeoutMs: description.transactionTimeoutMs,
          startTimeMs: description.transactionStartTimeMs,
          partitions: description.topicPartitions.sort((a, b) =>
            a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition,
          ),
        });
      }
    return open.sort((a, b) =>
      a.transactionalId < b.transactionalId ? -1 : a.transactionalId > b.transactionalId ? 1 : 0,
    );
  }

  async producers(partition: TopicPartition): Promise<PartitionProducer[]> {
    return (await describePartitionProducers(this.client, partition)).map((p) => ({
      producerId: Number(p.producerId),
      producerEpoch: p.producerEpoch,
      lastSequence: p.lastSequence,
      lastTimestamp: p.lastTimestamp,
      coordinatorEpoch: p.coordinatorEpoch,
      currentTransactionStartOffset:
        p.currentTransactionStartOffset === null ? null : Number(p.currentTransactionStartOffset),
    }));
  }

  async abort(producerId: number, partitions: readonly TopicPartition[]): Promise<PartitionAbort[]> {
    const results: PartitionAbort[] = [];
    for (const partition of partitions) {
      const open = (await this.producers(partition)).find(
        (p) => p.producerId === producerId && p.currentTransactionStartOffset !== null,
      );
      if (!open) {
        results.push({ ...partition, startOffset: null, producerEpoch: null, coordinatorEpoch: null });
        continue;
      }
      // A producer no marker has closed a transaction of yet has no coordinator epoch here; 0 is at most any
      // epoch a coordinator can have, as kafka-transactions.sh uses.
      const coordinatorEpoch = open.coordinatorEpoch ?? 0;
      await abortTransaction(this.client, {
        ...partition,
        producerId: BigInt(producerId),
        producerEpoch: open.producerEpoch,
        coordinatorEpoch,
      });
      results.push({
        ...partition,
        startOffset: open.currentTransactionStartOffset,
        producerEpoch: open.producerEpoch,
        coordinatorEpoch,
      });
    }
    return results;
  }

  async maxTimeoutMs(): Promise<number | null> {
    await this.client.metadata([]);
    const [broker] = this.client.knownBrokers();
    if (!broker) return null;
    let configs;
    try {
      configs = await describeBrokerConfigs(this.client, broker.nodeId, ['transaction.max.timeout.ms']);
    } catch (error) {
      if (error instanceof KafkaError && error.errorCode === ErrorCode.CLUSTER_AUTHORIZATION_FAILED)
        return null;
      throw error;
    }
    const value = Number(configs.get('transaction.max.timeout.ms'));
    return Number.isFinite(value) && value > 0 ? value : null;
  }

  async findHanging(maxTransactionTimeoutMs: number): Promise<HangingTransaction[]> {
    const metadata = await this.client.metadata(null);
    const partitions = metadata.topics
      .filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null)
      .flatMap((t) =>
        t.partitions
          .filter((p) => p.leaderId >= 0)
          .map((p) => ({ topic: t.name!, partition: p.partitionIndex })),
      );
    const hanging = await findHangingTransactions(this.client, partitions, { maxTransactionTimeoutMs });
    return hanging
      .map(({ topic, partition, producer }) => ({
        topic,
        partition,
        producerId: Number(producer.producerId),
        producerEpoch: producer.producerEpoch,
        coordinatorEpoch: producer.coordinatorEpoch,
        startOffset: Number(producer.currentTransactionStartOffset),
        lastTimestamp: producer.lastTimestamp,
      }))
      .sort((a, b) => a.lastTimestamp - b.lastTimestamp);
  }
}
