/**
 * Transactions over Kafka's APIs, as Kafka's Admin client offers them (listTransactions, describeTransactions,
 * describeProducers, abortTransaction) for kafka-transactions.sh and the console:
 * - ListTransactions goes to every broker, since each is the coordinator of the transactional ids whose
 *   `__transaction_state` partitions it leads;
 * - DescribeTransactions goes to the transactional id's coordinator (FindCoordinator, key type TRANSACTION);
 * - DescribeProducers goes to the partition's leader, or to one chosen replica;
 * - an abort is WriteTxnMarkers (ABORT) to the partition's leader, for one producer on one partition, as the
 *   coordinator itself would write it: the way to close a hanging transaction the coordinator no longer knows.
 * Refusals are thrown as KafkaError with Kafka's error name.
 */
import { ApiKey, ErrorCode, type ApiKeyNumber } from '@sluice/protocol';
import { CoordinatorType, KafkaError, throwIfError, type ClusterClient } from './cluster-client.ts';
import type { KafkaConnection } from './connection.ts';

export interface TransactionListing {
  transactionalId: string;
  producerId: bigint;
  /** Kafka's TransactionState name: Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, ... */
  state: string;
  /** The broker that answered: the transactional id's coordinator. */
  coordinatorId: number;
}

export interface TransactionListFilters {
  /** Only these states (all when empty). */
  states?: readonly string[];
  /** Only these producer ids (all when empty). */
  producerIds?: readonly bigint[];
  /** Only transactions running longer than this (KIP-994, ListTransactions v1); all when absent. */
  minDurationMs?: number;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface TransactionDescription {
  coordinatorId: number;
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  state: string;
  transactionTimeoutMs: number;
  /** Epoch ms when the ongoing transaction started; null when none is (Kafka sends -1). */
  transactionStartTimeMs: number | null;
  /** The partitions of the ongoing transaction, or those still waiting for their markers. */
  topicPartitions: TopicPartitionRef[];
}

/** A producer a partition keeps state for (DescribeProducers). */
export interface ProducerState {
  producerId: bigint;
  producerEpoch: number;
  lastSequence: number;
  lastTimestamp: number;
  /** The epoch of the coordinator that wrote this producer's last marker; null when none did (-1). */
  coordinatorEpoch: number | null;
  /** The first offset of its open transaction on this partition; null when it has none open (-1). */
  currentTransactionStartOffset: bigint | null;
}

/** The producers of one partition, or why the broker would not say. */
export interface PartitionProducers extends TopicPartitionRef {
  producers: ProducerState[];
  error: KafkaError | null;
}

/** Kafka's AbortTransactionSpec: which producer's transaction to abort on which partition. */
export interface AbortTransactionSpec extends TopicPartitionRef {
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
}

/**
 * The broker's connection, refusing as Kafka's Admin client does (UnsupportedVersionException) when it does not
 * serve the API: these came with Kafka 3.0 (KIP-664).
 */
async function connectionFor(client: ClusterClient, nodeId: number, apiKey: ApiKeyNumber, name: string) {
  const connection: KafkaConnection = await client.broker(nodeId);
  if (!connection.supports(apiKey))
    throw new KafkaError(
      ErrorCode.UNSUPPORTED_VERSION,
      `broker ${nodeId} does not serve ${name} (Kafka 3.0+)`,
    );
  return connection;
}

/** Every transaction every broker coordinates, matching the filters; a broker's refusal is thrown. */
export async function listTransactions(
  client: ClusterClient,
  filters: TransactionListFilters = {},
): Promise<TransactionListing[]> {
  await client.metadata([]);
  const perBroker = await Promise.all(
    client.knownBrokers().map(async ({ nodeId }) => {
      const connection = await connectionFor(client, nodeId, ApiKey.ListTransactions, 'ListTransactions');
      if (filters.minDurationMs !== undefined && connection.versionFor(ApiKey.ListTransactions) < 1)
        throw new KafkaError(
          ErrorCode.UNSUPPORTED_VERSION,
          `broker ${nodeId} cannot filter transactions by duration (ListTransactions v1, KIP-994)`,
        );
      const response = await connection.request(ApiKey.ListTransactions, {
        stateFilters: [...(filters.states ?? [])],
        producerIdFilters: [...(filters.producerIds ?? [])],
        durationFilter: BigInt(filters.minDurationMs ?? -1),
      });
      throwIfError(response.errorCode, `ListTransactions on broker ${nodeId}`);
      return response.transactionStates.map((t) => ({
        transactionalId: t.transactionalId,
        producerId: t.producerId,
        state: t.transactionState,
        coordinatorId: nodeId,
      }));
    }),
  );
  return perBroker.flat().sort((a, b) => a.coordinatorId - b.coordinatorId || byTransactionalId(a, b));
}

const byTransactionalId = (a: { transactionalId: string }, b: { transactionalId: string }) =>
  a.transactionalId < b.transactionalId ? -1 : a.transactionalId > b.transactionalId ? 1 : 0;

/**
 * One transactional id at its coordinator (FindCoordinator). TRANSACTIONAL_ID_NOT_FOUND (and any other refusal)
 * is thrown as KafkaError.
 */
export async function describeTransaction(
  client: ClusterClient,
  transactionalId: string,
): Promise<TransactionDescription> {
  const coordinatorId = await client.findCoordinator(transactionalId, CoordinatorType.TRANSACTION);
  const described = (await describeTransactionsAt(client, coordinatorId, [transactionalId])).get(
    transactionalId,
  );
  if (described instanceof KafkaError) throw described;
  if (!described)
    throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, `DescribeTransactions gave no ${transactionalId}`);
  return described;
}

/**
 * Transactional ids at one coordinator in one DescribeTransactions (ids ListTransactions found there): each
 * description, or the coordinator's refusal of that id (TRANSACTIONAL_ID_NOT_FOUND, NOT_COORDINATOR, ...).
 */
export async function describeTransactionsAt(
  client: ClusterClient,
  coordinatorId: number,
  transactionalIds: readonly string[],
): Promise<Map<string, TransactionDescription | KafkaError>> {
  const response = await (
    await connectionFor(client, coordinatorId, ApiKey.DescribeTransactions, 'DescribeTransactions')
  ).request(ApiKey.DescribeTransactions, { transactionalIds: [...transactionalIds] });
  return new Map(
    response.transactionStates.map((state) => [
      state.transactionalId,
      state.errorCode !== ErrorCode.NONE
        ? new KafkaError(state.errorCode, `transactional id ${state.transactionalId}`)
        : {
            coordinatorId,
            transactionalId: state.transactionalId,
            producerId: state.producerId,
            producerEpoch: state.producerEpoch,
            state: state.transactionState,
            transactionTimeoutMs: state.transactionTimeoutMs,
            transactionStartTimeMs:
              state.transactionStartTimeMs >= 0n ? Number(state.transactionStartTimeMs) : null,
            topicPartitions: state.topics.flatMap(({ topic, partitions }) =>
              partitions.map((partition) => ({ topic, partition })),
            ),
          },
    ]),
  );
}

/**
 * The producers of each partition, from its leader (one request per leader) or, with `brokerId`, from that
 * broker's replica. A partition the broker refuses carries its error; a failed request is thrown.
 */
export async function describeProducers(
  client: ClusterClient,
  partitions: readonly TopicPartitionRef[],
  brokerId?: number,
): Promise<PartitionProducers[]> {
  const byBroker = new Map<number, TopicPartitionRef[]>();
  if (brokerId !== undefined) byBroker.set(brokerId, [...partitions]);
  else {
    const metadata = await client.metadata([...new Set(partitions.map((p) => p.topic))]);
    for (const p of partitions) {
      const topic = metadata.topics.find((t) => t.name === p.topic);
      throwIfError(topic?.errorCode ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic ${p.topic}`);
      const leader = topic!.partitions.find((q) => q.partitionIndex === p.partition)?.leaderId;
      if (leader === undefined)
        throw new KafkaError(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          `topic ${p.topic} has no partition ${p.partition}`,
        );
      if (leader < 0)
        throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, `${p.topic}-${p.partition} has no leader`);
      byBroker.set(leader, [...(byBroker.get(leader) ?? []), p]);
    }
  }
  const answered = await Promise.all(
    [...byBroker].map(async ([nodeId, wanted]) => {
      const byTopic = new Map<string, number[]>();
      for (const { topic, partition } of wanted)
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
      const response = await (
        await connectionFor(client, nodeId, ApiKey.DescribeProducers, 'DescribeProducers')
      ).request(ApiKey.DescribeProducers, {
        topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })),
      });
      return response.topics.flatMap((topic) =>
        topic.partitions.map((p): PartitionProducers => ({
          topic: topic.name,
          partition: p.partitionIndex,
          error: p.errorCode === ErrorCode.NONE ? null : new KafkaError(p.errorCode, p.errorMessage),
          producers: p.activeProducers.map((s) => ({
            producerId: s.producerId,
            producerEpoch: s.producerEpoch,
            lastSequence: s.lastSequence,
            lastTimestamp: Number(s.lastTimestamp),
            coordinatorEpoch: s.coordinatorEpoch >= 0 ? s.coordinatorEpoch : null,
            currentTransactionStartOffset: s.currentTxnStartOffset >= 0n ? s.currentTxnStartOffset : null,
          })),
        })),
      );
    }),
  );
  return answered.flat();
}

/** The producers of one partition; the broker's refusal is thrown. */
export async function describePartitionProducers(
  client: ClusterClient,
  partition: TopicPartitionRef,
  brokerId?: number,
): Promise<ProducerState[]> {
  const [result] = await describeProducers(client, [partition], brokerId);
  if (!result) throw new KafkaError(ErrorCode.UNKNOWN_SERVER_ERROR, 'DescribeProducers gave no partition');
  if (result.error) throw result.error;
  return result.producers;
}

/**
 * The abort of the transaction that starts at `startOffset` on a partition (kafka-transactions.sh abort
 * --start-offset): its producer, epoch and coordinator epoch from the leader's DescribeProducers. A producer
 * whose transaction no marker has closed yet has no coordinator epoch; 0 is used then, which is at most any
 * epoch a coordinator could have, as Kafka's tool does.
 */
export async function abortSpecAtOffset(
  client: ClusterClient,
  partition: TopicPartitionRef,
  startOffset: bigint,
): Promise<AbortTransactionSpec | null> {
  const producers = await describePartitionProducers(client, partition);
  const found = producers.find((p) => p.currentTransactionStartOffset === startOffset);
  if (!found) return null;
  return {
    ...partition,
    producerId: found.producerId,
    producerEpoch: found.producerEpoch,
    coordinatorEpoch: found.coordinatorEpoch ?? 0,
  };
}

/** WriteTxnMarkers with one ABORT marker, to the partition's leader; its refusal is thrown. */
export async function abortTransaction(client: ClusterClient, spec: AbortTransactionSpec): Promise<void> {
  const topic = await client.topic(spec.topic);
  const leader = topic.partitions.find((p) => p.partitionIndex === spec.partition)?.leaderId;
  if (leader === undefined)
    throw new KafkaError(
      ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      `topic ${spec.topic} has no partition ${spec.partition}`,
    );
  const response = await (
    await client.broker(leader)
  ).request(ApiKey.WriteTxnMarkers, {
    markers: [
      {
        producerId: spec.producerId,
        producerEpoch: spec.producerEpoch,
        transactionResult: false,
        coordinatorEpoch: spec.coordinatorEpoch,
        topics: [{ name: spec.topic, partitionIndexes: [spec.partition] }],
      },
    ],
  });
  const result = response.markers
    .find((m) => m.producerId === spec.producerId)
    ?.topics.find((t) => t.name === spec.topic)
    ?.partitions.find((p) => p.partitionIndex === spec.partition);
  if (!result)
    throw new KafkaError(
      ErrorCode.UNKNOWN_SERVER_ERROR,
      `WriteTxnMarkers gave no result for producer ${spec.producerId} on ${spec.topic}-${spec.partition}`,
    );
  throwIfError(
    result.errorCode,
    `WriteTxnMarkers (ABORT) for producer ${spec.producerId} epoch ${spec.producerEpoch} ` +
      `coordinator epoch ${spec.coordinatorEpoch} on ${spec.topic}-${spec.partition}`,
  );
}

/** Partitions per DescribeProducers in the hanging search (TransactionsCommand's MAX_BATCH_SIZE). */
const FIND_HANGING_BATCH = 500;

/** A transaction open on one partition, as that partition's leader (or a replica) reports it. */
export interface PartitionTransaction extends TopicPartitionRef {
  producer: ProducerState & { currentTransactionStartOffset: bigint };
}

/**
 * Kafka's find-hanging search (TransactionsCommand): of the transactions open on the partitions (DescribeProducers
 * at their leaders, or at `brokerId`'s replicas), those whose producer wrote nothing for longer than
 * `maxTransactionTimeoutMs` and whose coordinator will never write their marker there: no transactional id lists
 * the producer id (ListTransactions), or its transaction no longer includes the partition (DescribeTransactions).
 * A partition the broker refuses fails the search.
 */
export async function findHangingTransactions(
  client: ClusterClient,
  partitions: readonly TopicPartitionRef[],
  options: { maxTransactionTimeoutMs: number; brokerId?: number; now?: number },
): Promise<PartitionTransaction[]> {
  const now = options.now ?? Date.now();
  const candidates: PartitionTransaction[] = [];
  const described: PartitionProducers[] = [];
  // A broker with thousands of partitions is asked a batch at a time, as Kafka's tool does.
  for (let i = 0; i < partitions.length; i += FIND_HANGING_BATCH)
    described.push(
      ...(await describeProducers(client, partitions.slice(i, i + FIND_HANGING_BATCH), options.brokerId)),
    );
  for (const result of described) {
    if (result.error) throw result.error;
    for (const producer of result.producers) {
      const start = producer.currentTransactionStartOffset;
      if (start !== null && now - producer.lastTimestamp > options.maxTransactionTimeoutMs)
        candidates.push({
          topic: result.topic,
          partition: result.partition,
          producer: { ...producer, currentTransactionStartOffset: start },
        });
    }
  }
  if (candidates.length === 0) return [];

  const producerIds = [...new Set(candidates.map((c) => c.producer.producerId))];
  const listed = (await listTransactions(client, { producerIds })).filter((t) =>
    producerIds.includes(t.producerId),
  );
  const byCoordinator = new Map<number, string[]>();
  for (const t of listed)
    byCoordinator.set(t.coordinatorId, [...(byCoordinator.get(t.coordinatorId) ?? []), t.transactionalId]);
  const partitionsOf = new Map<bigint, TopicPartitionRef[]>();
  for (const [coordinatorId, ids] of byCoordinator) {
    const described = await describeTransactionsAt(client, coordinatorId, ids);
    for (const t of listed.filter((l) => l.coordinatorId === coordinatorId)) {
      const description = described.get(t.transactionalId);
      if (description instanceof KafkaError && description.errorCode !== ErrorCode.TRANSACTIONAL_ID_NOT_FOUND)
        throw description;
      if (description && !(description instanceof KafkaError))
        partitionsOf.set(t.producerId, description.topicPartitions);
    }
  }
  // The coordinator still writes markers to the partitions it lists (ongoing, or pending commit or abort).
  return candidates.filter(
    (c) =>
      !partitionsOf
        .get(c.producer.producerId)
        ?.some((p) => p.topic === c.topic && p.partition === c.partition),
  );
}
