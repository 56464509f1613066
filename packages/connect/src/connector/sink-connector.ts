/**
 * Sink side of the plugin API (org.apache.kafka.connect.sink.*): the worker consumes the topics named by
 * `topics` or `topics.regex`, hands SinkRecords to each SinkTask's `put`, and commits consumer offsets only
 * for what `preCommit` (by default `flush`) reports as safely written to the sink system.
 */
import type { SinkRecord } from './connect-record.ts';
import { Connector } from './connector.ts';
import type { ConnectorContext, ConnectorProps, MaybePromise, Task } from './connector.ts';

export const TOPICS_CONFIG = 'topics';
export const TOPICS_REGEX_CONFIG = 'topics.regex';

/** org.apache.kafka.common.TopicPartition. */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** org.apache.kafka.clients.consumer.OffsetAndMetadata: the next offset to consume. */
export interface OffsetAndMetadata {
  readonly offset: bigint;
  readonly metadata?: string;
}

/** `topic-partition` as Kafka prints a TopicPartition, usable as a map key. */
export function topicPartitionKey(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** Offsets per partition, keyed by `topicPartitionKey` because JavaScript maps compare object keys by identity. */
export type TopicPartitionOffsets = ReadonlyMap<
  string,
  { topicPartition: TopicPartition; offset: OffsetAndMetadata }
>;

/** Reports a record the task could not write, to the dead letter queue or error log (sink.ErrantRecordReporter). */
export interface ErrantRecordReporter {
  report(record: SinkRecord, error: Error): Promise<void>;
}

export type SinkConnectorContext = ConnectorContext;

export interface SinkTaskContext {
  configs(): ConnectorProps;
  /** Rewinds (or skips) consumption of the given partitions to these offsets. */
  offset(offsets: Iterable<readonly [TopicPartition, bigint]>): void;
  offset(topicPartition: TopicPartition, offset: bigint): void;
  /** Asks the worker to retry `put` with the same records after `timeoutMs` (after a RetriableException). */
  timeout(timeoutMs: number): void;
  assignment(): readonly TopicPartition[];
  pause(...partitions: TopicPartition[]): void;
  resume(...partitions: TopicPartition[]): void;
  /** Asks for an offset commit (preCommit then consumer commit) as soon as possible. */
  requestCommit(): void;
  /** Null when the worker's error handling gives the task no reporter (`errors.tolerance=none`, no DLQ). */
  errantRecordReporter(): ErrantRecordReporter | null;
}

export abstract class SinkConnector extends Connector {
  declare protected context: SinkConnectorContext | null;

  /**
   * Called before the worker alters or resets this connector's consumer offsets (KIP-875); a null offset means
   * reset. Return true to acknowledge, false (the default) when the connector does not check them.
   */
  alterOffsets(
    _connectorConfig: ConnectorProps,
    _offsets: ReadonlyMap<string, { topicPartition: TopicPartition; offset: bigint | null }>,
  ): MaybePromise<boolean> {
    return false;
  }
}

export abstract class SinkTask implements Task {
  protected context: SinkTaskContext | null = null;

  initialize(context: SinkTaskContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: ConnectorProps): MaybePromise<void>;

  /** Writes (or buffers) records; throw a RetriableException to have the same batch retried. */
  abstract put(records: readonly SinkRecord[]): MaybePromise<void>;

  /** Makes everything `put` so far durable in the sink system. */
  flush(_currentOffsets: TopicPartitionOffsets): MaybePromise<void> {}

  /**
   * The offsets safe to commit; by default flushes and returns `currentOffsets`, as Kafka's default does.
   * Return an empty map to commit nothing.
   */
  async preCommit(currentOffsets: TopicPartitionOffsets): Promise<TopicPartitionOffsets> {
    await this.flush(currentOffsets);
    return currentOffsets;
  }

  /** Partitions newly assigned to this task after a rebalance. */
  open(_partitions: readonly TopicPartition[]): MaybePromise<void> {}

  /** Partitions taken away; flush and release anything held for them. */
  close(_partitions: readonly TopicPartition[]): MaybePromise<void> {}

  abstract stop(): MaybePromise<void>;
}
