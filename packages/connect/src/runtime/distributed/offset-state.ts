/**
 * The worker's view of the offsets topic (Kafka's KafkaOffsetBackingStore with OffsetUtils): the latest
 * offset bytes per key, and per connector the source partitions that have an offset.
 *
 * Invariants:
 * - keys are matched by their exact bytes, as Kafka matches them, never by their decoded JSON: two encodings
 *   of one partition (keys in another order) are two entries;
 * - a tombstone removes the key's offset and the partition from its connector's set;
 * - a key that is not [connector, partition map] is still stored by bytes, but lists under no connector.
 */
import { decodeOffsetKey, decodeOffsetValue, type OffsetMap } from './offset-records.ts';

export class OffsetTopicState {
  private readonly data = new Map<string, Buffer>();
  private readonly partitions = new Map<string, Map<string, OffsetMap>>();

  /** Applies one offsets-topic record; `key` null records are ignored as Kafka ignores them. */
  apply(key: Buffer | null, value: Buffer | null): void {
    if (key === null) return;
    const id = key.toString('base64');
    if (value === null) this.data.delete(id);
    else this.data.set(id, value);
    const decoded = decodeOffsetKey(key);
    if (decoded === null) return;
    const byKey = this.partitions.get(decoded.connector) ?? new Map<string, OffsetMap>();
    this.partitions.set(decoded.connector, byKey);
    if (value === null) byKey.delete(id);
    else byKey.set(id, decoded.partition);
  }

  /** The raw offset bytes stored for a key, or null. */
  get(key: Buffer): Buffer | null {
    return this.data.get(key.toString('base64')) ?? null;
  }

  /** The decoded offset for a key, or null when there is none. */
  offset(key: Buffer): OffsetMap | null {
    return decodeOffsetValue(this.get(key));
  }

  /** The source partitions of a connector that have an offset. */
  connectorPartitions(connector: string): OffsetMap[] {
    return [...(this.partitions.get(connector)?.values() ?? [])];
  }
}
