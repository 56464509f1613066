/**
 * Source offsets in a Kafka topic (KafkaOffsetBackingStore), for distributed workers: `offset.storage.topic`,
 * compacted, `offset.storage.partitions` partitions. Each commit is produced keyed (Kafka's partitioner puts a
 * source partition's offsets in one topic partition, so their order holds); every worker reads the whole topic
 * into memory, and a read first reads to the end of the topic, so it sees every commit acknowledged before it.
 *
 * Keys are stored in the canonical form of offset-store.ts; a key another writer put in another key order is
 * canonicalized as it is read, so lookups find it.
 */
import type { ClusterClient } from '@sluice/client';
import { KafkaBasedLog } from './kafka-based-log.ts';
import type { RecordProducer } from './kafka-clients.ts';
import { canonicalJson, parseOffsetKey, type OffsetBackingStore } from './offset-store.ts';

export class KafkaOffsetBackingStore implements OffsetBackingStore {
  private readonly data = new Map<string, string>();
  private readonly log: KafkaBasedLog;

  constructor(
    client: ClusterClient,
    topic: { name: string; partitions: number; replicationFactor: number },
    producer: RecordProducer,
    logger: (level: 'info' | 'warn' | 'error', message: string) => void,
  ) {
    this.log = new KafkaBasedLog(
      client,
      topic,
      producer,
      (record) => {
        if (record.key === null) return;
        const parsed = parseOffsetKey(record.key.toString('utf8'));
        if (parsed === null) return;
        const key = canonicalJson([parsed.connector, parsed.partition]);
        if (record.value === null) this.data.delete(key);
        else this.data.set(key, record.value.toString('utf8'));
      },
      logger,
    );
  }

  start(): Promise<void> {
    return this.log.start();
  }

  stop(): Promise<void> {
    return this.log.stop();
  }

  async get(keys: readonly string[]): Promise<Map<string, string | null>> {
    await this.log.readToEnd();
    return new Map(keys.map((key) => [key, this.data.get(key) ?? null]));
  }

  async set(entries: ReadonlyMap<string, string | null>): Promise<void> {
    await Promise.all(
      [...entries].map(([key, value]) =>
        this.log.send(Buffer.from(key, 'utf8'), value === null ? null : Buffer.from(value, 'utf8')),
      ),
    );
  }

  async connectorKeys(connector: string): Promise<string[]> {
    await this.log.readToEnd();
    return [...this.data.keys()].filter((key) => parseOffsetKey(key)?.connector === connector);
  }
}
