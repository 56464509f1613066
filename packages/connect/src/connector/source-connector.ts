/**
 * Source side of the plugin API (org.apache.kafka.connect.source.*): a SourceConnector splits a source system
 * into task configs; each SourceTask's `poll` returns SourceRecords. The worker converts and produces them and,
 * once Kafka has acknowledged them, commits each record's source offset under its source partition, so a
 * restarted task can ask its OffsetStorageReader where to resume (at-least-once unless exactly-once is enabled).
 */
import type { SourceRecord } from './connect-record.ts';
import { Connector } from './connector.ts';
import type { ConnectorContext, ConnectorProps, MaybePromise, Task } from './connector.ts';

/** A source partition or source offset: a small map of primitive values, as Kafka stores them as JSON. */
export type SourceMap = Readonly<Record<string, unknown>>;

/** Reads committed source offsets (org.apache.kafka.connect.storage.OffsetStorageReader). */
export interface OffsetStorageReader {
  /** The last committed offset for `partition`, or null when none was committed. */
  offset(partition: SourceMap): Promise<SourceMap | null>;
  /** Offsets for several partitions; partitions without a committed offset are absent. */
  offsets(partitions: readonly SourceMap[]): Promise<Map<SourceMap, SourceMap>>;
}

export interface SourceConnectorContext extends ConnectorContext {
  offsetStorageReader(): OffsetStorageReader;
}

/** Where exactly-once transactions end when `transaction.boundary` is `connector` (source.TransactionContext). */
export interface TransactionContext {
  commitTransaction(record?: SourceRecord): void;
  abortTransaction(record?: SourceRecord): void;
}

export interface SourceTaskContext {
  /** The task's configuration as the worker started it. */
  configs(): ConnectorProps;
  offsetStorageReader(): OffsetStorageReader;
  /** Null unless exactly-once support is enabled and the connector defines its own transaction boundaries. */
  transactionContext(): TransactionContext | null;
}

/** What the producer reported for a written record (org.apache.kafka.clients.producer.RecordMetadata). */
export interface RecordMetadata {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly timestamp: number;
}

/** source.ExactlyOnceSupport. */
export type ExactlyOnceSupport = 'SUPPORTED' | 'UNSUPPORTED';

/** source.ConnectorTransactionBoundaries. */
export type ConnectorTransactionBoundaries = 'SUPPORTED' | 'UNSUPPORTED';

/** source.SourceTask.TransactionBoundary, the values of `transaction.boundary`. */
export type TransactionBoundary = 'POLL' | 'INTERVAL' | 'CONNECTOR';

export const TRANSACTION_BOUNDARY_CONFIG = 'transaction.boundary';

export abstract class SourceConnector extends Connector {
  declare protected context: SourceConnectorContext | null;

  /** Whether the connector can run with exactly-once semantics for `connectorConfig`; null when it cannot tell. */
  exactlyOnceSupport(_connectorConfig: ConnectorProps): ExactlyOnceSupport | null {
    return null;
  }

  canDefineTransactionBoundaries(_connectorConfig: ConnectorProps): ConnectorTransactionBoundaries {
    return 'UNSUPPORTED';
  }

  /**
   * Called before the worker alters or resets this connector's offsets (KIP-875); a null offset means reset.
   * Return true to acknowledge, false (the default) when the connector does not check them; throw to refuse.
   */
  alterOffsets(
    _connectorConfig: ConnectorProps,
    _offsets: ReadonlyMap<SourceMap, SourceMap | null>,
  ): MaybePromise<boolean> {
    return false;
  }
}

export abstract class SourceTask implements Task {
  protected context: SourceTaskContext | null = null;

  initialize(context: SourceTaskContext): void {
    this.context = context;
  }

  abstract version(): string;
  abstract start(props: ConnectorProps): MaybePromise<void>;

  /**
   * The next batch of records, or null when there is nothing yet. May wait a little for data but should return
   * promptly after `stop()` so the worker can shut the task down.
   */
  abstract poll(): Promise<SourceRecord[] | null>;

  /** Called after the worker has committed offsets for everything polled so far. */
  commit(): MaybePromise<void> {}

  /** Called once Kafka has acknowledged `record` (metadata null when a transformation or error filtered it out). */
  commitRecord(_record: SourceRecord, _metadata: RecordMetadata | null): MaybePromise<void> {}

  /** Signals `poll` to return; may be called from outside the polling loop. */
  abstract stop(): MaybePromise<void>;
}
