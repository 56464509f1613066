/**
 * Idempotent and transactional producer state of one partition, as Kafka's ProducerStateManager keeps it: per
 * producer id, the current epoch, the metadata of its last five appended batches (Kafka's max in-flight requests
 * per connection for idempotence), so a retried batch is recognised and answered with its original offsets, the
 * coordinator epoch of its last transaction marker and the first offset of its ongoing transaction.
 *
 * Transactions (Kafka's ProducerAppendInfo): a transactional batch from a producer without an ongoing transaction
 * starts one at its first offset; a marker (COMMIT or ABORT control batch) ends it. A completed transaction stays
 * "unreplicated" until the high watermark passes its marker. The first unstable offset is the smallest first
 * offset of an ongoing or unreplicated transaction: the partition's LSO never passes it.
 *
 * Invariants: `ongoing` holds exactly the producers whose entry has a currentTxnFirstOffset, in increasing first
 * offset (transactions start at the log end, so insertion order is offset order); a producer with an ongoing
 * transaction never expires.
 *
 * Rebuilt from the batch headers of the log when the log is loaded (control batches, which are tiny, are decoded
 * for their marker); a clean shutdown also leaves a snapshot (Kafka's .snapshot files play this part), with the
 * ongoing transactions, so the next clean start reads one small file instead of every batch header.
 */
import { ErrorCode, decodeEndTxnMarker, type RecordBatchHeader } from '@sluice/protocol';

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
  /** The coordinator epoch of the last marker written for the producer; -1 before any. */
  coordinatorEpoch: number;
  /** The first offset of the producer's ongoing transaction; -1 when none. */
  currentTxnFirstOffset: number;
}

export interface ProducerBatch {
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  /** Records in the batch (lastOffsetDelta + 1). */
  recordCount: number;
  maxTimestamp: number;
  /** A batch of a transaction (the header's transactional bit); absent for an idempotent producer's. */
  isTransactional?: boolean;
}

/** A transaction marker to write or replay for one producer. */
export interface TxnMarker {
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
  commit: boolean;
}

/** A transaction ended by a marker at `lastOffset` (Kafka's CompletedTxn). */
export interface CompletedTxn {
  producerId: bigint;
  firstOffset: number;
  lastOffset: number;
  aborted: boolean;
  /**
   * What goes into an aborted transaction index entry: the first offset of the earliest transaction of another
   * producer still ongoing, else lastOffset + 1 (Kafka's ProducerStateManager.lastStableOffset(completedTxn)).
   */
  lastStableOffset: number;
}

/** What DescribeProducers reports of one producer. */
export interface ProducerDescription {
  producerId: bigint;
  epoch: number;
  lastSequence: number;
  lastTimestamp: number;
  coordinatorEpoch: number;
  /** -1 when the producer has no ongoing transaction. */
  currentTxnStartOffset: number;
}

/** Who wrote a batch: a producer (its sequences are checked) or the broker's coordinator for one. */
export type AppendOrigin = 'client' | 'coordinator';

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; firstOffset: number; lastOffset: number }
  | { kind: 'error'; errorCode: number; message: string };

function lastSequenceOf(batch: ProducerBatch): number {
  // A batch without sequence (a coordinator's, baseSequence -1) has none either (Kafka's NO_SEQUENCE).
  if (batch.baseSequence < 0) return -1;
  // Sequences wrap from Int.MAX back to 0 (Kafka's DefaultRecordBatch.incrementSequence).
  const last = batch.baseSequence + batch.recordCount - 1;
  return last > MAX_SEQUENCE ? last - MAX_SEQUENCE - 1 : last;
}

function nextSequence(sequence: number): number {
  return sequence === MAX_SEQUENCE ? 0 : sequence + 1;
}

export class ProducerStateManager {
  private readonly producers = new Map<bigint, ProducerEntry>();
  /** Producer id -> first offset of its ongoing transaction, in increasing first offset. */
  private readonly ongoing = new Map<bigint, number>();
  /** Completed transactions whose marker is not yet below the high watermark, in marker order. */
  private unreplicated: CompletedTxn[] = [];

  get size(): number {
    return this.producers.size;
  }

  /**
   * Decides whether a batch from an idempotent producer may be appended. A batch the broker's own coordinator
   * writes for a producer (TxnOffsetCommit, origin 'coordinator') carries no sequence: only its epoch and the
   * transaction state are checked, as Kafka checks AppendOrigin.COORDINATOR appends.
   */
  check(batch: ProducerBatch, origin: AppendOrigin = 'client'): SequenceCheck {
    const entry = this.producers.get(batch.producerId);
    if (!entry) return { kind: 'append' };
    if (batch.producerEpoch < entry.epoch) {
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message: `Epoch ${batch.producerEpoch} of producer ${batch.producerId} is older than the current ${entry.epoch}`,
      };
    }
    if (origin === 'coordinator') return this.checkTxnState(batch, entry);
    if (batch.producerEpoch > entry.epoch) {
      if (batch.baseSequence !== 0) {
        return {
          kind: 'error',
          errorCode: ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
          message: `Invalid sequence number for new epoch ${batch.producerEpoch}: ${batch.baseSequence} (expected 0)`,
        };
      }
      return this.checkTxnState(batch, entry);
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
    return this.checkTxnState(batch, entry);
  }

  private checkTxnState(batch: ProducerBatch, entry: ProducerEntry): SequenceCheck {
    if (entry.currentTxnFirstOffset >= 0 && batch.isTransactional !== true) {
      return {
        kind: 'error',
        errorCode: ErrorCode.INVALID_TXN_STATE,
        message:
          `Expected a transactional write from producer ${batch.producerId}: its transaction started at ` +
          `offset ${entry.currentTxnFirstOffset} is still ongoing`,
      };
    }
    return { kind: 'append' };
  }

  /** Records an appended batch at [firstOffset, lastOffset]; a transactional one may start a transaction. */
  update(batch: ProducerBatch, firstOffset: number, lastOffset: number): void {
    const entry = this.entryFor(batch.producerId, batch.producerEpoch);
    if (batch.isTransactional === true && entry.currentTxnFirstOffset < 0) {
      entry.currentTxnFirstOffset = firstOffset;
      this.ongoing.set(batch.producerId, firstOffset);
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

  /**
   * The producer's entry at `epoch`: a new one, or the current one, whose batch metadata a newer epoch clears
   * (Kafka's maybeUpdateProducerEpoch; the coordinator epoch and an ongoing transaction carry over).
   */
  private entryFor(producerId: bigint, epoch: number): ProducerEntry {
    let entry = this.producers.get(producerId);
    if (!entry) {
      entry = { epoch, batches: [], lastTimestamp: -1, coordinatorEpoch: -1, currentTxnFirstOffset: -1 };
      this.producers.set(producerId, entry);
    } else if (epoch > entry.epoch) {
      entry.epoch = epoch;
      entry.batches = [];
    }
    return entry;
  }

  /**
   * Kafka's ProducerAppendInfo.appendEndTxnMarker checks, for a marker the coordinator asks the leader to write:
   * an epoch older than the producer's is INVALID_PRODUCER_EPOCH, a coordinator epoch older than the one of the
   * producer's last marker TRANSACTION_COORDINATOR_FENCED. Null when the marker may be written.
   */
  checkMarker(marker: TxnMarker): { errorCode: number; message: string } | null {
    const entry = this.producers.get(marker.producerId);
    if (!entry) return null;
    if (marker.producerEpoch < entry.epoch) {
      return {
        errorCode: ErrorCode.INVALID_PRODUCER_EPOCH,
        message:
          `Transaction marker epoch ${marker.producerEpoch} of producer ${marker.producerId} is older than ` +
          `the current ${entry.epoch}`,
      };
    }
    if (marker.coordinatorEpoch < entry.coordinatorEpoch) {
      return {
        errorCode: ErrorCode.TRANSACTION_COORDINATOR_FENCED,
        message:
          `Transaction marker of producer ${marker.producerId} has coordinator epoch ${marker.coordinatorEpoch}, ` +
          `older than the ${entry.coordinatorEpoch} of its last marker`,
      };
    }
    return null;
  }

  /**
   * Records a marker written (or replayed) at `offset`: the producer's ongoing transaction, if any, is completed
   * and returned (it stays unstable until the high watermark passes `offset`); a marker for a producer without
   * one completes nothing (Kafka writes it all the same). The producer's epoch moves up to the marker's.
   */
  endTxn(marker: TxnMarker, offset: number, timestamp: number): CompletedTxn | null {
    const entry = this.entryFor(marker.producerId, marker.producerEpoch);
    let completed: CompletedTxn | null = null;
    if (entry.currentTxnFirstOffset >= 0) {
      this.ongoing.delete(marker.producerId);
      let lastStableOffset = offset + 1;
      for (const firstOffset of this.ongoing.values()) {
        lastStableOffset = firstOffset;
        break;
      }
      completed = {
        producerId: marker.producerId,
        firstOffset: entry.currentTxnFirstOffset,
        lastOffset: offset,
        aborted: !marker.commit,
        lastStableOffset,
      };
      this.unreplicated.push(completed);
    }
    entry.currentTxnFirstOffset = -1;
    entry.coordinatorEpoch = marker.coordinatorEpoch;
    entry.lastTimestamp = timestamp;
    return completed;
  }

  /**
   * Applies one batch already in the log (a follower's append, or a replay of the log at load or after a
   * truncation) as the leader applied it when it wrote the batch: no check refuses it, since the leader checked.
   * Only a control batch is read beyond its header (`batchBytes`), for its marker. Returns the transaction a marker
   * completed, for the aborted transaction index.
   */
  replay(header: RecordBatchHeader, batchBytes: () => Buffer): CompletedTxn | null {
    if (header.producerId < 0n) return null;
    const base = Number(header.baseOffset);
    if (header.isControl) {
      const marker = decodeEndTxnMarker(batchBytes());
      if (!marker) return null;
      return this.endTxn(
        { producerId: header.producerId, producerEpoch: header.producerEpoch, ...marker },
        base,
        Number(header.maxTimestamp),
      );
    }
    this.update(
      {
        producerId: header.producerId,
        producerEpoch: header.producerEpoch,
        baseSequence: header.baseSequence,
        recordCount: header.lastOffsetDelta + 1,
        maxTimestamp: Number(header.maxTimestamp),
        isTransactional: header.isTransactional,
      },
      base,
      base + header.lastOffsetDelta,
    );
    return null;
  }

  /**
   * The first offset of the earliest ongoing transaction or completed one whose marker is not yet replicated
   * (Kafka's firstUnstableOffset), or null when every transaction is decided and replicated.
   */
  firstUnstableOffset(): number | null {
    // Every read asks: without transactions this must cost nothing.
    if (this.ongoing.size === 0 && this.unreplicated.length === 0) return null;
    let first: number | null = null;
    for (const firstOffset of this.ongoing.values()) {
      first = firstOffset;
      break;
    }
    for (const txn of this.unreplicated)
      if (first === null || txn.firstOffset < first) first = txn.firstOffset;
    return first;
  }

  /** Completed transactions whose marker is now below `offset` (the high watermark, or the log start offset) are stable. */
  removeUnreplicatedTransactions(offset: number): void {
    if (this.unreplicated.length === 0) return;
    this.unreplicated = this.unreplicated.filter((txn) => txn.lastOffset >= offset);
  }

  /** The first offsets of the ongoing transactions, by producer id. */
  ongoingTransactions(): ReadonlyMap<bigint, number> {
    return this.ongoing;
  }

  /**
   * The last offsets that hold each producer's state in the log, for the log cleaner (Kafka's
   * lastRecordsOfActiveProducers): the last data batch's last offset (-1 when none is cached) and the epoch.
   */
  lastRecordsOfProducers(): Map<bigint, { lastDataOffset: number; epoch: number }> {
    const out = new Map<bigint, { lastDataOffset: number; epoch: number }>();
    for (const [producerId, entry] of this.producers)
      out.set(producerId, { lastDataOffset: entry.batches.at(-1)?.lastOffset ?? -1, epoch: entry.epoch });
    return out;
  }

  /**
   * Forgets producers whose last batch is older than `expireBefore` (producer.id.expiration.ms), never one with
   * an ongoing transaction (Kafka's isProducerExpired).
   */
  expire(expireBefore: number): void {
    for (const [producerId, entry] of this.producers) {
      if (entry.currentTxnFirstOffset < 0 && entry.lastTimestamp < expireBefore)
        this.producers.delete(producerId);
    }
  }

  /** Forgets everything (the log was truncated or rebuilt); the caller replays the log. */
  clear(): void {
    this.producers.clear();
    this.ongoing.clear();
    this.unreplicated = [];
  }

  /**
   * The whole state, for a snapshot file. Producer ids are written as strings (they are 64-bit). Ongoing
   * transactions are in their producers' entries; unreplicated completed ones are not kept (nor are they in
   * Kafka's snapshots): a clean shutdown has nothing left unreplicated that matters after restart.
   */
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
      const entry = item[1] as Partial<ProducerEntry> | null;
      if (typeof entry?.epoch !== 'number' || !Array.isArray(entry.batches)) return false;
      // Snapshots from before transactions lack the last two fields.
      entries.set(BigInt(item[0]), {
        epoch: entry.epoch,
        batches: entry.batches,
        lastTimestamp: entry.lastTimestamp ?? -1,
        coordinatorEpoch: entry.coordinatorEpoch ?? -1,
        currentTxnFirstOffset: entry.currentTxnFirstOffset ?? -1,
      });
    }
    this.clear();
    for (const [producerId, entry] of entries) this.producers.set(producerId, entry);
    const ongoing = [...entries]
      .filter(([, entry]) => entry.currentTxnFirstOffset >= 0)
      .sort(([, a], [, b]) => a.currentTxnFirstOffset - b.currentTxnFirstOffset);
    for (const [producerId, entry] of ongoing) this.ongoing.set(producerId, entry.currentTxnFirstOffset);
    return true;
  }

  /** The producers known, for DescribeProducers and the console. */
  describe(): ProducerDescription[] {
    return [...this.producers].map(([producerId, entry]) => describeEntry(producerId, entry));
  }

  /** One producer's state, or undefined when unknown. */
  describeProducer(producerId: bigint): ProducerDescription | undefined {
    const entry = this.producers.get(producerId);
    return entry && describeEntry(producerId, entry);
  }
}

function describeEntry(producerId: bigint, entry: ProducerEntry): ProducerDescription {
  return {
    producerId,
    epoch: entry.epoch,
    lastSequence: entry.batches.at(-1)?.lastSequence ?? -1,
    lastTimestamp: entry.lastTimestamp,
    coordinatorEpoch: entry.coordinatorEpoch,
    currentTxnStartOffset: entry.currentTxnFirstOffset,
  };
}
