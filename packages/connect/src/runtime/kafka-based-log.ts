/**
 * A log kept in a Kafka topic, read whole by every worker (KafkaBasedLog): the distributed worker's config,
 * offset and status stores. On start it creates the topic when missing (compacted, as Kafka Connect creates
 * its internal topics), reads every partition from the beginning, and keeps reading in the background;
 * `readToEnd()` resolves once everything written before the call has been handed to the callback.
 *
 * Invariant: records reach the callback in offset order per partition, each once per log instance, and a
 * record this worker wrote is seen through the same path as anyone else's (the callback is the only reader).
 */
import type { ClusterClient } from '@sluice/client';
import type { MetadataResponseTopic } from '@sluice/protocol';
import { ErrorCode, decodeRecordBatch, splitBatches } from '@sluice/protocol';
import { ConnectException } from '../errors.ts';
import type { ConsumedRecord, ProducedRecordMetadata, RecordProducer } from './kafka-clients.ts';

export interface KafkaBasedLogTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
}

const FETCH_WAIT_MS = 500;
const RETRY_MS = 500;

export class KafkaBasedLog {
  private topic: MetadataResponseTopic | null = null;
  private readonly positions = new Map<number, bigint>();
  private readonly waiters: { targets: Map<number, bigint>; resolve: () => void }[] = [];
  private running = false;
  private readers: Promise<void>[] = [];

  constructor(
    private readonly client: ClusterClient,
    private readonly spec: KafkaBasedLogTopic,
    private readonly producer: RecordProducer,
    private readonly onRecord: (record: ConsumedRecord) => void,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.ensureTopic();
    this.topic = await this.client.topic(this.spec.name);
    const earliest = await this.client.listOffsets(
      this.topic.partitions.map((p) => ({ topic: this.topic!, partition: p.partitionIndex })),
      -2n,
    );
    for (const p of this.topic.partitions)
      this.positions.set(p.partitionIndex, earliest.get(`${this.spec.name}\u0000${p.partitionIndex}`) ?? 0n);
    this.running = true;
    this.readers = this.topic.partitions.map((p) => this.readPartition(p.partitionIndex));
    await this.readToEnd();
  }

  private async ensureTopic(): Promise<void> {
    const [result] = await this.client.createTopics([
      {
        name: this.spec.name,
        numPartitions: this.spec.partitions,
        replicationFactor: this.spec.replicationFactor,
        assignments: [],
        configs: [{ name: 'cleanup.policy', value: 'compact' }],
      },
    ]);
    if (result && result.errorCode !== ErrorCode.NONE && result.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS)
      throw new ConnectException(
        `Unable to create topic '${this.spec.name}': ${result.errorMessage ?? `error ${result.errorCode}`}`,
      );
    if (result?.errorCode === ErrorCode.NONE)
      this.log('info', `Created topic ${this.spec.name} (compacted, ${this.spec.partitions} partition(s))`);
  }

  private async readPartition(partition: number): Promise<void> {
    while (this.running) {
      try {
        const position = this.positions.get(partition)!;
        const data = await this.client.fetch(this.topic!, partition, position, { maxWaitMs: FETCH_WAIT_MS });
        let next = position;
        for (const { header, bytes } of splitBatches(data.records ?? Buffer.alloc(0)).batches) {
          const lastOffset = header.baseOffset + BigInt(header.lastOffsetDelta);
          if (lastOffset < next) continue;
          if (!header.isControl) {
            const { records } = await decodeRecordBatch(bytes);
            for (const record of records) {
              if (record.offset < next) continue;
              this.onRecord({
                topic: this.spec.name,
                partition,
                offset: record.offset,
                timestamp: record.timestamp,
                timestampType: 0,
                key: record.key,
                value: record.value,
                headers: record.headers,
              });
            }
          }
          next = lastOffset + 1n;
        }
        this.positions.set(partition, next);
        this.releaseWaiters();
      } catch (error) {
        if (!this.running) return;
        this.log(
          'warn',
          `Reading ${this.spec.name}-${partition} failed, retrying: ${(error as Error).message}`,
        );
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        try {
          this.topic = await this.client.topic(this.spec.name);
        } catch {
          // the next fetch reports it
        }
      }
    }
  }

  private releaseWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if ([...waiter.targets].every(([partition, end]) => (this.positions.get(partition) ?? 0n) >= end)) {
        this.waiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  /** Resolves once every record written before this call has been read (the end offsets at the call). */
  async readToEnd(): Promise<void> {
    const topic = this.topic!;
    const ends = await this.client.listOffsets(
      topic.partitions.map((p) => ({ topic, partition: p.partitionIndex })),
      -1n,
    );
    const targets = new Map(
      topic.partitions.map((p) => [
        p.partitionIndex,
        ends.get(`${this.spec.name}\u0000${p.partitionIndex}`) ?? 0n,
      ]),
    );
    await new Promise<void>((resolve) => {
      this.waiters.push({ targets, resolve });
      this.releaseWaiters();
    });
  }

  send(key: Buffer, value: Buffer | null, partition?: number): Promise<ProducedRecordMetadata> {
    return this.producer.send({
      topic: this.spec.name,
      key,
      value,
      ...(partition === undefined ? {} : { partition }),
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.producer.flush().catch(() => undefined);
    await this.producer.close();
    await Promise.all(this.readers);
  }
}
