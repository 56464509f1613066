/**
 * A source task on a worker (WorkerSourceTask): polls the task, runs each record through the transformation
 * chain and the converters, and produces it; commits source offsets every `offset.flush.interval.ms` and when
 * the task stops.
 *
 * At-least-once invariant (Kafka's SubmittedRecords): a source offset is committed only once the record that
 * carried it and every record submitted before it from the same source partition has been acknowledged by
 * Kafka (or dropped by a transformation, or skipped under `errors.tolerance=all`). So after a crash the task
 * resumes at or before the first record Kafka does not hold; records after the last commit may be sent twice.
 */
import type { SourceRecord } from '../connector/connect-record.ts';
import type { SourceTask, SourceMap, SourceTaskContext } from '../connector/source-connector.ts';
import type { ConnectorProps } from '../connector/connector.ts';
import type { Converter, HeaderConverter } from '../storage/converter.ts';
import { applyChain, type TransformationStage } from '../transforms/transformation.ts';
import { ConnectException } from '../errors.ts';
import type { ConnectorTaskId } from './herder.ts';
import type { RecordProducer } from './kafka-clients.ts';
import { type OffsetBackingStore, ConnectorOffsetReader, offsetKey, canonicalJson } from './offset-store.ts';
import { SKIPPED, type RetryWithToleranceOperator } from './error-handling.ts';
import { WorkerTask, type Logger, type TaskStatusListener } from './worker-task.ts';

export interface SourceTaskSetup {
  id: ConnectorTaskId;
  task: SourceTask;
  taskProps: ConnectorProps;
  keyConverter: Converter;
  valueConverter: Converter;
  headerConverter: HeaderConverter;
  converterClasses: { key: string; value: string; header: string };
  stages: TransformationStage<SourceRecord>[];
  producer: RecordProducer;
  offsetStore: OffsetBackingStore;
  retry: RetryWithToleranceOperator;
  offsetFlushIntervalMs: number;
  listener: TaskStatusListener;
  log: Logger;
  startPaused: boolean;
}

interface Submitted {
  offset: SourceMap;
  acked: boolean;
}

/** Records submitted per source partition, in order (SubmittedRecords). */
class SubmittedRecords {
  private readonly byPartition = new Map<string, { partition: SourceMap; queue: Submitted[] }>();
  private inFlight = 0;
  private drained: (() => void)[] = [];

  submit(partition: SourceMap | null, offset: SourceMap | null): Submitted | null {
    if (partition === null || offset === null) return null;
    const key = canonicalJson(partition);
    const entry = this.byPartition.get(key) ?? { partition, queue: [] };
    this.byPartition.set(key, entry);
    const submitted = { offset, acked: false };
    entry.queue.push(submitted);
    this.inFlight++;
    return submitted;
  }

  ack(submitted: Submitted | null): void {
    if (submitted === null || submitted.acked) return;
    submitted.acked = true;
    this.inFlight--;
    if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
  }

  /** Per source partition, the offset of the last record of its acknowledged prefix; removes that prefix. */
  committable(): Map<string, { partition: SourceMap; offset: SourceMap }> {
    const result = new Map<string, { partition: SourceMap; offset: SourceMap }>();
    for (const [key, entry] of this.byPartition) {
      let last: Submitted | null = null;
      while (entry.queue.length > 0 && entry.queue[0]!.acked) last = entry.queue.shift()!;
      if (last !== null) result.set(key, { partition: entry.partition, offset: last.offset });
      if (entry.queue.length === 0) this.byPartition.delete(key);
    }
    return result;
  }

  /** Resolves when every submitted record is acknowledged, or after `timeoutMs`. */
  awaitAllAcked(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.drained.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

export class WorkerSourceTask extends WorkerTask {
  private readonly submitted = new SubmittedRecords();
  private producerFailure: unknown = null;
  private lastCommit = Date.now();
  private committing: Promise<void> = Promise.resolve();
  private readonly reader: ConnectorOffsetReader;

  constructor(private readonly setup: SourceTaskSetup) {
    super(setup.id, setup.listener, setup.log, setup.startPaused);
    this.reader = new ConnectorOffsetReader(setup.offsetStore, setup.id.connector);
  }

  protected wakeUp(): void {}

  protected async execute(): Promise<void> {
    const { task, taskProps } = this.setup;
    const context: SourceTaskContext = {
      configs: () => taskProps,
      offsetStorageReader: () => this.reader,
      transactionContext: () => null,
    };
    task.initialize(context);
    await task.start(taskProps);
    this.log('info', `${this.name} Source task finished initialization and start`);
    this.listener.onTaskState(this.id, this.paused ? 'PAUSED' : 'RUNNING');
    while (!this.stopping) {
      if (this.paused) {
        await this.awaitResume();
        continue;
      }
      if (this.producerFailure !== null) throw this.producerFailure;
      const records = await task.poll();
      if (records !== null) for (const record of records) await this.send(record);
      if (Date.now() - this.lastCommit >= this.setup.offsetFlushIntervalMs) await this.commitOffsets();
    }
    await this.commitOffsets();
  }

  private async send(record: SourceRecord): Promise<void> {
    const { retry, stages, keyConverter, valueConverter, headerConverter, converterClasses, producer } =
      this.setup;
    const describe = (): string => record.toString();
    const context = (
      stage: 'TRANSFORMATION' | 'KEY_CONVERTER' | 'VALUE_CONVERTER' | 'HEADER_CONVERTER',
      cls: string,
    ) => ({
      stage,
      executingClass: cls,
      consumed: null,
      describeRecord: describe,
    });
    const submitted = this.submitted.submit(record.sourcePartition, record.sourceOffset);
    const transformed = await retry.execute(context('TRANSFORMATION', 'TransformationChain'), () =>
      applyChain(stages, record),
    );
    if (transformed === SKIPPED || transformed === null) {
      this.submitted.ack(submitted);
      await this.setup.task.commitRecord(record, null);
      return;
    }
    const key = await retry.execute(context('KEY_CONVERTER', converterClasses.key), () =>
      keyConverter.fromConnectData(
        transformed.topic,
        transformed.keySchema,
        transformed.key,
        transformed.headers,
      ),
    );
    const value = await retry.execute(context('VALUE_CONVERTER', converterClasses.value), () =>
      valueConverter.fromConnectData(
        transformed.topic,
        transformed.valueSchema,
        transformed.value,
        transformed.headers,
      ),
    );
    const headers = await retry.execute(context('HEADER_CONVERTER', converterClasses.header), () =>
      [...transformed.headers].map((header) => {
        const bytes = headerConverter.fromConnectHeader(
          transformed.topic,
          header.key,
          header.schema,
          header.value,
        );
        return { key: header.key, value: bytes === null ? null : Buffer.from(bytes) };
      }),
    );
    if (key === SKIPPED || value === SKIPPED || headers === SKIPPED) {
      this.submitted.ack(submitted);
      return;
    }
    producer
      .send({
        topic: transformed.topic,
        partition: transformed.kafkaPartition ?? undefined,
        key: key === null ? null : Buffer.from(key),
        value: value === null ? null : Buffer.from(value),
        headers,
        timestamp: transformed.timestamp === null ? undefined : BigInt(transformed.timestamp),
      })
      .then(
        async (metadata) => {
          this.submitted.ack(submitted);
          this.listener.onActiveTopic(this.id, metadata.topic);
          await this.setup.task.commitRecord(record, {
            topic: metadata.topic,
            partition: metadata.partition,
            offset: metadata.offset,
            timestamp: Number(metadata.timestamp),
          });
        },
        (error: unknown) => {
          if (retry.toleratesAll) {
            this.log(
              'warn',
              `${this.name} failed to send record to ${transformed.topic}, skipping it: ${(error as Error).message}`,
            );
            this.submitted.ack(submitted);
            return;
          }
          this.producerFailure ??= new ConnectException(
            'Unrecoverable exception from producer send callback',
            {
              cause: error,
            },
          );
        },
      );
  }

  /** Writes the committable source offsets to the offset store, then calls the task's commit(). */
  commitOffsets(): Promise<void> {
    this.committing = this.committing.then(async () => {
      this.lastCommit = Date.now();
      const committable = this.submitted.committable();
      if (committable.size === 0) return;
      const entries = new Map<string, string | null>();
      for (const { partition, offset } of committable.values())
        entries.set(offsetKey(this.id.connector, partition), canonicalJson(offset));
      await this.setup.offsetStore.set(entries);
      await this.setup.task.commit();
    });
    return this.committing;
  }

  protected async close(): Promise<void> {
    await this.submitted.awaitAllAcked(5000);
    await this.commitOffsets().catch((error: unknown) =>
      this.log('error', `${this.name} Failed to commit offsets: ${(error as Error).message}`),
    );
    this.setup.retry.stop();
    await this.setup.task.stop();
    await this.setup.producer.close();
  }
}
