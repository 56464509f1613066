/**
 * Idempotent producer state of one partition, as Kafka's ProducerStateManager keeps it: per producer id, the
 * current epoch and the metadata of its last five appended batches (Kafka's max in-flight requests per
 * connection for idempotence), so a retried batch is recognised and answered with its original offsets.
 *
 * Rebuilt from the batch headers of the log when the log is loaded, since every batch carries producer id,
 * epoch and sequences; a clean shutdown also leaves a snapshot (Kafka's .snapshot files play this part), so the
 * next clean start reads one small file instead of every batch header.
 */
import { ErrorCode } from '@sluice/protocol';

export const MAX_CACHED_BATCHES = 5;
const MAX_SEQUENCE = 2147483647;

interface BatchMetadata {
  firstSequence: number;
  lastSequence: number;
  firstOffset: number;
  lastOffset: number;
  timestamp: number;
}

interface ProducerEntry {
  epoch: number;
  batches: BatchMetadata[];
  lastTimestamp: number;
}

export interface ProducerBatch {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  /** Records in the batch (lastOffsetDelta + 1). */
  recordCount: number;
  maxTimestamp: number;
}

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; firstOffset: number; lastOffset: number }
  | { kind: 'error'; errorCode: number; message: string };

function lastSequenceOf(batch: ProducerBatch): number {
  // Sequences wrap from Int.MAX back to 0 (Kafka's DefaultRecordBatch.incrementSequence).
  const last = batch.baseSequence + batch.recordCount - 1;
  return last > MAX_SEQUENCE ? last - MAX_SEQUENCE - 1 : last;
}

function nextSequence(sequence: number): number {
  return sequence === MAX_SEQUENCE ? 0 : sequence + 1;
}

export class ProducerStateManager {
  private readonly producers = new Map<bigint, ProducerEntry>();

  get size(): number {
    return this.producers.size;
  }

  /** Decides whether a batch from an idempotent producer may be appended. */
  check(batch: ProducerBatch): SequenceCheck {
    const entry = this.producers.get(batch.producerId);
    if (!entry) return { kind: 'append' };
    if (batch.producerEpoch < entry.epoch) {
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `Epoch ${batch.producerEpoch} of producer ${batch.producerId} is older than the current ${entry.epoch}`,
      };
    }
    if (batch.producerEpoch > entry.epoch) {
      if (batch.baseSequence !== 0) {
        return {
          kind: 'error',
          errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          message: `Invalid sequence number for new epoch ${batch.producerEpoch}: ${batch.baseSequence} (expected 0)`,
        };
      }
      return { kind: 'append' };
    }
    const lastSequence = lastSequenceOf(batch);
    const duplicate = entry.batches.find(
      (b) => b.firstSequence === batch.baseSequence && b.lastSequence === lastSequence,
    );
    if (duplicate)
      return { kind: 'duplicate', firstOffset: duplicate.firstOffset, lastOffset: duplicate.lastOffset };
    const last = entry.batches.at(-1);
    if (last && batch.baseSequence !== nextSequence(last.lastSequence)) {
      return {
        kind: 'error',
        errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        message:
          `Out of order sequence number for producer ${batch.producerId}: ${batch.baseSequence} ` +
          `(incoming batch), ${last.lastSequence} (last appended)`,
      };
    }
    return { kind: 'append' };
  }

  /** Records an appended batch at [firstOffset, lastOffset]. */
  update(batch: ProducerBatch, firstOffset: number, lastOffset: number): void {
    let entry = this.producers.get(batch.producerId);
    if (!entry || batch.producerEpoch > entry.epoch) {
      entry = { epoch: batch.producerEpoch, batches: [], lastTimestamp: batch.maxTimestamp };
      this.producers.set(batch.producerId, entry);
    }
    entry.batches.push({
      firstSequence: batch.baseSequence,
      lastSequence: lastSequenceOf(batch),
      firstOffset,
      lastOffset,
      timestamp: batch.maxTimestamp,
    });
    if (entry.batches.length > MAX_CACHED_BATCHES) entry.batches.shift();
    entry.lastTimestamp = batch.maxTimestamp;
  }

  /** Forgets producers whose last batch is older than `expireBefore` (producer.id.expiration.ms). */
  expire(expireBefore: number): void {
    for (const [producerId, entry] of this.producers) {
      if (entry.lastTimestamp < expireBefore) this.producers.delete(producerId);
    }
  }

  /** Forgets everything (the log was truncated or rebuilt); the caller replays the log. */
  clear(): void {
    this.producers.clear();
  }

  /** The whole state, for a snapshot file. Producer ids are written as strings (they are 64-bit). */
  toSnapshot(): string {
    return JSON.stringify([...this.producers].map(([producerId, entry]) => [String(producerId), entry]));
  }

  /** Replaces the state with a snapshot's; false (and nothing changed) when it cannot be read. */
  loadSnapshot(text: string): boolean {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return false;
    }
    if (!Array.isArray(parsed)) return false;
    const entries = new Map<bigint, ProducerEntry>();
    for (const item of parsed) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !/^-?\d+$/.test(item[0])) return false;
      const entry = item[1] as ProducerEntry;
      if (typeof entry?.epoch !== 'number' || !Array.isArray(entry.batches)) return false;
      entries.set(BigInt(item[0]), entry);
    }
    this.producers.clear();
    for (const [producerId, entry] of entries) this.producers.set(producerId, entry);
    return true;
  }

  /** The producers known, for DescribeProducers and the console. */
  describe(): { producerId: bigint; epoch: number; lastSequence: number; lastTimestamp: number }[] {
    return [...this.producers].map(([producerId, entry]) => ({
      producerId,
      epoch: entry.epoch,
      lastSequence: entry.batches.at(-1)?.lastSequence ?? -1,
      lastTimestamp: entry.lastTimestamp,
    }));
  }
}
