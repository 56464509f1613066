/**
 * The consumer's fetching (Kafka's Fetcher and CompletedFetch): one Fetch per leader for all the partitions it
 * leads, over a connection of the fetcher's own to each leader (a broker answers a connection's requests one at a
 * time, and a Fetch waits up to its maxWaitMs, which would hold up commits and other users of the client).
 *
 * Invariants:
 * - An answer is kept only for a partition still current (the same assignment) whose position is still the
 *   offset it was fetched from; a seek or a rebalance meanwhile discards it.
 * - Records below the fetch offset in a returned batch are dropped; control batches, and under read_committed
 *   the batches of aborted transactions, are skipped, and the fetch position moves past them.
 */
import {
  ApiKey,
  ErrorCode,
  apis,
  decodeRecordBatch,
  splitBatches,
  ZERO_UUID,
  type FetchResponsePartitionData,
  type MetadataResponseTopic,
} from '@sluice/protocol';
import { IsolationLevel, KafkaError, type ClusterClient } from './cluster-client.ts';
import type { KafkaConnection } from './connection.ts';
import type { TopicPartition } from './consumer-protocol.ts';
import type { ConsumerRecord } from './consumer.ts';
import { AbortedTransactionFilter } from './read-committed.ts';

/** The consumer's state of one assigned partition (Kafka's SubscriptionState.TopicPartitionState). */
export interface PartitionState {
  tp: TopicPartition;
  /** The offset of the next record poll returns; null until found (committed offset or reset). */
  position: bigint | null;
  paused: boolean;
  /** Fetched records from `position` on, not yet returned. */
  buffer: ConsumerRecord[];
  /** Where fetching goes on once the buffer is returned (past skipped control and aborted batches). */
  nextFetchOffset: bigint | null;
}

const STALE_METADATA_ERRORS = new Set<number>([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.KAFKA_STORAGE_ERROR,
  ErrorCode.UNKNOWN_TOPIC_ID,
  ErrorCode.INCONSISTENT_TOPIC_ID,
  ErrorCode.OFFSET_NOT_AVAILABLE,
  ErrorCode.REPLICA_NOT_AVAILABLE,
]);

export interface FetcherOptions {
  isolationLevel: IsolationLevel;
  fetchMinBytes: number;
  fetchMaxBytes: number;
  maxPartitionFetchBytes: number;
  clientRack: string | null;
  retryBackoffMs: number;
  onError: (error: Error, fatal: boolean) => void;
}

/** What the fetcher reads of the consumer's state. */
export interface FetchContext {
  /** The consumer's current state of a partition: answers for any other are dropped. */
  current(topic: string, partition: number): PartitionState | undefined;
  topic(name: string): MetadataResponseTopic | undefined;
  topicName(topicId: string): string | undefined;
  leaderOf(tp: TopicPartition): number | undefined;
}

export interface FetchResult {
  /** Partitions whose fetch offset the leader no longer has; their positions are cleared. */
  outOfRange: PartitionState[];
  /** A leader moved or is unknown: refresh the metadata. */
  staleMetadata: boolean;
  /** A partition error fetching cannot go past (authorization, an old message format ...). */
  error: Error | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Fetcher {
  private readonly connections = new Map<number, Promise<KafkaConnection>>();

  constructor(
    private readonly client: ClusterClient,
    private readonly options: FetcherOptions,
    private readonly context: FetchContext,
  ) {}

  /** Fetches the partitions (their buffers empty) from their positions, waiting up to maxWaitMs for data. */
  async fetch(states: PartitionState[], maxWaitMs: number): Promise<FetchResult> {
    const result: FetchResult = { outOfRange: [], staleMetadata: false, error: null };
    const byLeader = new Map<number, PartitionState[]>();
    for (const state of states) {
      if (state.buffer.length > 0 || state.position === null) continue;
      const leader = this.context.leaderOf(state.tp);
      if (leader === undefined) {
        result.staleMetadata = true;
        continue;
      }
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), state]);
    }
    if (byLeader.size === 0) {
      await sleep(Math.min(maxWaitMs, this.options.retryBackoffMs));
      return result;
    }
    await Promise.all(
      [...byLeader].map(([leader, group]) => this.fetchFrom(leader, group, maxWaitMs, result)),
    );
    return result;
  }

  close(): void {
    for (const connection of this.connections.values())
      void connection.then(
        (c) => c.close(),
        () => undefined,
      );
    this.connections.clear();
  }

  private async fetchFrom(
    leader: number,
    states: PartitionState[],
    maxWaitMs: number,
    result: FetchResult,
  ): Promise<void> {
    const fetchOffsets = new Map(states.map((s) => [s, s.position!]));
    const grouped = new Map<string, PartitionState[]>();
    for (const s of states) grouped.set(s.tp.topic, [...(grouped.get(s.tp.topic) ?? []), s]);
    let response;
    try {
      const connection = await this.connection(leader);
      response = await connection.request(ApiKey.Fetch, {
        ...apis[ApiKey.Fetch].defaultRequest(),
        replicaId: -1,
        maxWaitMs,
        minBytes: this.options.fetchMinBytes,
        maxBytes: this.options.fetchMaxBytes,
        isolationLevel: this.options.isolationLevel,
        sessionId: 0,
        sessionEpoch: -1,
        topics: [...grouped].map(([topic, group]) => ({
          topic,
          topicId: this.context.topic(topic)?.topicId ?? ZERO_UUID,
          partitions: group.map((s) => ({
            partition: s.tp.partition,
            currentLeaderEpoch: -1,
            fetchOffset: fetchOffsets.get(s)!,
            lastFetchedEpoch: -1,
            logStartOffset: -1n,
            partitionMaxBytes: this.options.maxPartitionFetchBytes,
            replicaDirectoryId: ZERO_UUID,
          })),
        })),
        forgottenTopicsData: [],
        rackId: this.options.clientRack ?? '',
      });
    } catch (error) {
      result.staleMetadata = true;
      this.options.onError(error as Error, false);
      await sleep(this.options.retryBackoffMs);
      return;
    }
    if (response.errorCode !== ErrorCode.NONE) {
      result.staleMetadata = true;
      this.options.onError(new KafkaError(response.errorCode, `Fetch from broker ${leader}`), false);
      return;
    }
    let leaderMoved = false;
    for (const topicResponse of response.responses) {
      const topic = topicResponse.topic || this.context.topicName(topicResponse.topicId) || '';
      for (const data of topicResponse.partitions) {
        const state = this.context.current(topic, data.partitionIndex);
        // Dropped when the partition was revoked, or sought, while the fetch was out.
        if (!state || !fetchOffsets.has(state)) continue;
        const fetchOffset = fetchOffsets.get(state)!;
        if (state.position !== fetchOffset || state.buffer.length > 0) continue;
        if (data.errorCode === ErrorCode.OFFSET_OUT_OF_RANGE) {
          state.position = null;
          state.nextFetchOffset = null;
          result.outOfRange.push(state);
          continue;
        }
        if (STALE_METADATA_ERRORS.has(data.errorCode)) {
          result.staleMetadata = true;
          leaderMoved = true;
          continue;
        }
        if (data.errorCode !== ErrorCode.NONE) {
          result.error ??= new KafkaError(data.errorCode, `Fetch ${topic}-${data.partitionIndex}`);
          continue;
        }
        const error = await this.takeRecords(state, topic, data, fetchOffset);
        result.error ??= error;
      }
    }
    // A leader that moved answers at once: give the election time before fetching again.
    if (leaderMoved) await sleep(this.options.retryBackoffMs);
  }

  private async connection(nodeId: number): Promise<KafkaConnection> {
    const existing = this.connections.get(nodeId);
    if (existing) {
      const connection = await existing.catch(() => null);
      if (connection && !connection.closed) return connection;
      if (this.connections.get(nodeId) === existing) this.connections.delete(nodeId);
    }
    let opening = this.connections.get(nodeId);
    if (!opening) {
      opening = this.client.connectTo(nodeId);
      this.connections.set(nodeId, opening);
    }
    return opening;
  }

  /** Buffers a partition's records from the fetch offset on; an error when it cannot read them. */
  private async takeRecords(
    state: PartitionState,
    topic: string,
    data: FetchResponsePartitionData,
    fetchOffset: bigint,
  ): Promise<Error | null> {
    const readCommitted = this.options.isolationLevel === IsolationLevel.READ_COMMITTED;
    const aborted = new AbortedTransactionFilter();
    if (readCommitted) aborted.addAborted(data.abortedTransactions);
    let next = fetchOffset;
    const records: ConsumerRecord[] = [];
    for (const { header, bytes } of splitBatches(data.records ?? Buffer.alloc(0)).batches) {
      const lastOffset = header.baseOffset + BigInt(header.lastOffsetDelta);
      if (lastOffset < next) continue;
      if (header.magic !== 2)
        return new KafkaError(
          ErrorCode.UNSUPPORTED_VERSION,
          `${topic}-${state.tp.partition} at ${header.baseOffset}: message format v${header.magic} is not read by this consumer`,
        );
      if (header.isControl) {
        if (readCommitted) aborted.isAborted(header, (await decodeRecordBatch(bytes)).records);
        next = lastOffset + 1n;
        continue;
      }
      if (readCommitted && aborted.isAborted(header)) {
        next = lastOffset + 1n;
        continue;
      }
      const batch = await decodeRecordBatch(bytes);
      for (const r of batch.records)
        if (r.offset >= next)
          records.push({
            topic,
            partition: state.tp.partition,
            offset: r.offset,
            timestamp: r.timestamp,
            timestampType: header.timestampType,
            key: r.key,
            value: r.value,
            headers: r.headers,
          });
      next = lastOffset + 1n;
    }
    // The partition may have been revoked or sought while batches were decoded.
    if (this.context.current(topic, state.tp.partition) !== state) return null;
    if (state.position !== fetchOffset || state.buffer.length > 0) return null;
    if (records.length === 0) {
      if (next > fetchOffset) state.position = next;
      state.nextFetchOffset = null;
      return null;
    }
    state.buffer = records;
    state.nextFetchOffset = next;
    return null;
  }
}
