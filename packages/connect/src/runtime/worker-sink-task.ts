/**
 * A sink task on a worker (WorkerSinkTask): a consumer in the group `connect-<connector>` reads the connector's
 * topics; each record runs through the converters and the transformation chain and the batch goes to the
 * task's put(). Offsets are committed every `offset.flush.interval.ms`, on a revocation and when the task
 * stops, after the task's preCommit() (which flushes by default) says which offsets it has made durable.
 *
 * At-least-once invariant: the offset committed for a partition is never past a record that put() has not
 * been given and flushed, or that was not reported (log, dead letter queue) under `errors.tolerance=all`.
 * A RetriableException from put() pauses consumption and retries the same batch after the task's timeout.
 */
import { SinkRecord, type TimestampType } from '../connector/connect-record.ts';
import type { ConnectorProps } from '../connector/connector.ts';
import type {
  ErrantRecordReporter,
  SinkTask,
  SinkTaskContext,
  TopicPartition,
  TopicPartitionOffsets,
} from '../connector/sink-connector.ts';
import { ConnectHeaders } from '../header/headers.ts';
import type { Converter, HeaderConverter } from '../storage/converter.ts';
import { applyChain, type TransformationStage } from '../transforms/transformation.ts';
import { ConnectException, RetriableException } from '../errors.ts';
import type { ConnectorTaskId } from './herder.ts';
import type { ConsumedRecord, RecordConsumer, TopicPartitionRef } from './kafka-clients.ts';
import { partitionKey } from './kafka-clients.ts';
import { SKIPPED, type RetryWithToleranceOperator, type Stage } from './error-handling.ts';
import { WorkerTask, type Logger, type TaskStatusListener } from './worker-task.ts';

export interface SinkTaskSetup {
  id: ConnectorTaskId;
  task: SinkTask;
  taskProps: ConnectorProps;
  subscription: string[] | RegExp;
  keyConverter: Converter;
  valueConverter: Converter;
  headerConverter: HeaderConverter;
  converterClasses: { key: string; value: string; header: string };
  stages: TransformationStage<SinkRecord>[];
  consumer: RecordConsumer;
  retry: RetryWithToleranceOperator;
  /** Reports a record the task itself found errant (ErrantRecordReporter); null without tolerance. */
  errantReporter: ((record: ConsumedRecord, error: Error) => Promise<void>) | null;
  offsetFlushIntervalMs: number;
  listener: TaskStatusListener;
  log: Logger;
  startPaused: boolean;
}

const POLL_TIMEOUT_MS = 500;
const DEFAULT_RETRY_TIMEOUT_MS = 1000;

export class WorkerSinkTask extends WorkerTask {
  /** Per partition: the offset after the last record handed to put() (or skipped). */
  private readonly currentOffsets = new Map<string, { topicPartition: TopicPartition; offset: bigint }>();
  /** Offsets of the polled batch, moved to currentOffsets once put() has taken the batch. */
  private readonly currentOffsetsPending = new Map<
    string,
    { topicPartition: TopicPartition; offset: bigint }
  >();
  /** Per partition: the last offset committed to the group. */
  private readonly committedOffsets = new Map<string, bigint>();
  private readonly seekRequests = new Map<string, { tp: TopicPartitionRef; offset: bigint }>();
  private readonly pausedByTask = new Map<string, TopicPartitionRef>();
  private retryBatch: SinkRecord[] | null = null;
  private retryTimeoutMs = DEFAULT_RETRY_TIMEOUT_MS;
  private commitRequested = false;
  private lastCommit = Date.now();
  private readonly consumedOf = new WeakMap<SinkRecord, ConsumedRecord>();
  private consumerPaused = false;

  constructor(private readonly setup: SinkTaskSetup) {
    super(setup.id, setup.listener, setup.log, setup.startPaused);
  }

  protected wakeUp(): void {}

  private context(): SinkTaskContext {
    const { consumer, taskProps } = this.setup;
    const offset = ((
      first: Iterable<readonly [TopicPartition, bigint]> | TopicPartition,
      second?: bigint,
    ) => {
      const entries: Iterable<readonly [TopicPartition, bigint]> =
        second === undefined
          ? (first as Iterable<readonly [TopicPartition, bigint]>)
          : [[first as TopicPartition, second]];
      for (const [tp, value] of entries) this.seekRequests.set(partitionKey(tp), { tp, offset: value });
    }) as SinkTaskContext['offset'];
    const errantRecordReporter: ErrantRecordReporter | null = this.setup.errantReporter && {
      report: async (record, error) => {
        const consumed = this.consumedOf.get(record);
        if (consumed) await this.setup.errantReporter!(consumed, error);
      },
    };
    return {
      configs: () => taskProps,
      offset,
      timeout: (ms: number) => {
        this.retryTimeoutMs = ms;
      },
      assignment: () => consumer.assignment(),
      pause: (...partitions: TopicPartition[]) => {
        for (const tp of partitions) this.pausedByTask.set(partitionKey(tp), tp);
        consumer.pause(partitions);
      },
      resume: (...partitions: TopicPartition[]) => {
        for (const tp of partitions) this.pausedByTask.delete(partitionKey(tp));
        if (!this.paused) consumer.resume(partitions);
      },
      requestCommit: () => {
        this.commitRequested = true;
      },
      errantRecordReporter: () => errantRecordReporter,
    };
  }

  protected async execute(): Promise<void> {
    const { task, taskProps, consumer, subscription } = this.setup;
    task.initialize(this.context());
    await task.start(taskProps);
    consumer.subscribe(subscription, {
      onPartitionsAssigned: async (partitions) => {
        await task.open(partitions);
        this.applySeeks();
        if (this.paused) consumer.pause(partitions);
      },
      onPartitionsRevoked: async (partitions) => {
        await this.commitOffsets(partitions);
        await task.close(partitions);
        for (const tp of partitions) this.currentOffsets.delete(partitionKey(tp));
      },
    });
    this.log('info', `${this.name} Sink task finished initialization and start`);
    this.listener.onTaskState(this.id, this.paused ? 'PAUSED' : 'RUNNING');
    while (!this.stopping) {
      this.syncPause();
      if (this.retryBatch !== null && !this.paused) {
        await this.deliver(this.retryBatch);
      } else {
        const consumed = await consumer.poll(POLL_TIMEOUT_MS);
        this.applySeeks();
        if (consumed.length > 0) await this.deliver(await this.convertAll(consumed));
      }
      if (this.commitRequested || Date.now() - this.lastCommit >= this.setup.offsetFlushIntervalMs) {
        this.commitRequested = false;
        await this.commitOffsets(null);
      }
    }
  }

  /** Pauses every assigned partition while the connector is paused or a batch waits for a retry. */
  private syncPause(): void {
    const { consumer } = this.setup;
    const shouldPause = this.paused || this.retryBatch !== null;
    if (shouldPause === this.consumerPaused) return;
    this.consumerPaused = shouldPause;
    const assignment = consumer.assignment();
    if (shouldPause) consumer.pause(assignment);
    else consumer.resume(assignment.filter((tp) => !this.pausedByTask.has(partitionKey(tp))));
  }

  private applySeeks(): void {
    for (const [key, { tp, offset }] of this.seekRequests) {
      if (!this.setup.consumer.assignment().some((assigned) => partitionKey(assigned) === key)) continue;
      this.setup.consumer.seek(tp, offset);
      this.currentOffsets.set(key, { topicPartition: tp, offset });
      this.seekRequests.delete(key);
    }
  }

  private async convertAll(consumed: ConsumedRecord[]): Promise<SinkRecord[]> {
    const { retry, keyConverter, valueConverter, headerConverter, converterClasses, stages } = this.setup;
    const records: SinkRecord[] = [];
    let lastTopic: string | null = null;
    for (const raw of consumed) {
      // A poll's records come a partition at a time: the herder hears of each run of one topic once.
      if (raw.topic !== lastTopic) this.listener.onActiveTopic(this.id, (lastTopic = raw.topic));
      const ctx = (stage: Stage, executingClass: string) => ({
        stage,
        executingClass,
        consumed: raw,
        describeRecord: () => `{topic='${raw.topic}', partition=${raw.partition}, offset=${raw.offset}}`,
      });
      const key = await retry.execute(ctx('KEY_CONVERTER', converterClasses.key), () =>
        keyConverter.toConnectData(raw.topic, raw.key),
      );
      const value = await retry.execute(ctx('VALUE_CONVERTER', converterClasses.value), () =>
        valueConverter.toConnectData(raw.topic, raw.value),
      );
      const headers = await retry.execute(ctx('HEADER_CONVERTER', converterClasses.header), () => {
        const converted = new ConnectHeaders();
        for (const header of raw.headers) {
          const sv = headerConverter.toConnectHeader(raw.topic, header.key, header.value);
          converted.add(header.key, sv.value, sv.schema);
        }
        return converted;
      });
      if (key !== SKIPPED && value !== SKIPPED && headers !== SKIPPED) {
        const record = new SinkRecord({
          topic: raw.topic,
          kafkaPartition: raw.partition,
          keySchema: key.schema,
          key: key.value,
          valueSchema: value.schema,
          value: value.value,
          kafkaOffset: raw.offset,
          timestamp: raw.timestamp < 0n ? null : Number(raw.timestamp),
          timestampType: (raw.timestamp < 0n
            ? 'NO_TIMESTAMP_TYPE'
            : raw.timestampType === 1
              ? 'LogAppendTime'
              : 'CreateTime') as TimestampType,
          headers,
        });
        const transformed = await retry.execute(ctx('TRANSFORMATION', 'TransformationChain'), () =>
          applyChain(stages, record),
        );
        if (transformed !== SKIPPED && transformed !== null) {
          this.consumedOf.set(transformed, raw);
          records.push(transformed);
        }
      }
      this.currentOffsetsPending.set(partitionKey(raw), {
        topicPartition: { topic: raw.topic, partition: raw.partition },
        offset: raw.offset + 1n,
      });
    }
    return records;
  }

  private async deliver(records: SinkRecord[]): Promise<void> {
    try {
      await this.setup.task.put(records);
      this.retryBatch = null;
      for (const [key, value] of this.currentOffsetsPending) this.currentOffsets.set(key, value);
      this.currentOffsetsPending.clear();
    } catch (error) {
      if (error instanceof RetriableException) {
        this.log(
          'warn',
          `${this.name} RetriableException from SinkTask: ${error.message}; retrying the batch in ${this.retryTimeoutMs} ms`,
        );
        this.retryBatch = records;
        this.syncPause();
        await new Promise((resolve) => setTimeout(resolve, this.retryTimeoutMs));
        return;
      }
      throw new ConnectException('Exiting WorkerSinkTask due to unrecoverable exception.', { cause: error });
    }
  }

  /**
   * Commits, for `partitions` (null: all assigned), the offsets preCommit() returns for the records put() has
   * taken. A commit that fails is logged and retried at the next interval, as Kafka's is.
   */
  private async commitOffsets(partitions: TopicPartitionRef[] | null): Promise<void> {
    this.lastCommit = Date.now();
    const wanted = partitions === null ? null : new Set(partitions.map(partitionKey));
    const asOffsets: TopicPartitionOffsets = new Map(
      [...this.currentOffsets]
        .filter(([key]) => wanted === null || wanted.has(key))
        .map(([key, { topicPartition, offset }]) => [key, { topicPartition, offset: { offset } }]),
    );
    if (asOffsets.size === 0) return;
    let toCommit: TopicPartitionOffsets;
    try {
      toCommit = await this.setup.task.preCommit(asOffsets);
    } catch (error) {
      this.log(
        'error',
        `${this.name} Offset commit failed, rewinding to last committed offsets: ${(error as Error).message}`,
      );
      for (const [key, { topicPartition }] of asOffsets) {
        const committed = this.committedOffsets.get(key);
        if (committed !== undefined) {
          this.setup.consumer.seek(topicPartition, committed);
          this.currentOffsets.set(key, { topicPartition, offset: committed });
        }
      }
      return;
    }
    const commit = new Map<string, { topic: string; partition: number; offset: bigint }>();
    for (const [key, { topicPartition, offset }] of toCommit) {
      if (this.committedOffsets.get(key) === offset.offset) continue;
      commit.set(key, {
        topic: topicPartition.topic,
        partition: topicPartition.partition,
        offset: offset.offset,
      });
    }
    if (commit.size === 0) return;
    try {
      await this.setup.consumer.commitSync([...commit.values()]);
      for (const [key, { offset }] of commit) this.committedOffsets.set(key, offset);
    } catch (error) {
      this.log('warn', `${this.name} Commit of offsets failed: ${(error as Error).message}`);
    }
  }

  protected async close(): Promise<void> {
    const { task, consumer } = this.setup;
    try {
      const assigned = consumer.assignment();
      await this.commitOffsets(null);
      await task.close(assigned);
    } finally {
      this.setup.retry.stop();
      await task.stop();
      await consumer.close();
    }
  }
}
