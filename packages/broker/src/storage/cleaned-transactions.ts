/**
 * What the log cleaner knows of transactions while it walks a log in offset order (Kafka's
 * CleanedTransactionMetadata): which data batches belong to aborted transactions (they are removed), and which
 * markers may go because nothing of their transaction is left.
 *
 * The aborted transactions come from the aborted transaction indexes of the range walked, sorted by first offset.
 * A transaction becomes "ongoing aborted" once the walk reaches its first offset and ends at its ABORT marker; a
 * transactional batch of a producer without one is committed data (or data still undecided above the LSO, which
 * the cleaner never reaches). A marker is discardable when no batch of its transaction was seen in this walk: its
 * data is gone (removed by an earlier pass, or compacted away). The cleaner then gives it a delete horizon and
 * removes it once the horizon has passed, so consumers reading meanwhile still see the transaction end.
 */
import { decodeEndTxnMarker, type RecordBatchHeader } from '@sluice/protocol';
import type { AbortedTxn } from './transaction-index.ts';

export class CleanedTransactions {
  private readonly pending: AbortedTxn[];
  private next = 0;
  private readonly ongoingAborted = new Map<bigint, { txn: AbortedTxn; lastObservedBatchOffset: number }>();
  private readonly ongoingCommitted = new Set<bigint>();
  /** Where the aborted transactions whose markers stay go: the .txnindex of the segment being written. */
  cleanedIndex: AbortedTxn[] | null = null;

  constructor(abortedTxns: readonly AbortedTxn[]) {
    this.pending = [...abortedTxns].sort((a, b) => a.firstOffset - b.firstOffset);
  }

  private consumeAbortedTxnsUpTo(offset: number): void {
    while (this.next < this.pending.length && this.pending[this.next]!.firstOffset <= offset) {
      const txn = this.pending[this.next++]!;
      if (!this.ongoingAborted.has(txn.producerId))
        this.ongoingAborted.set(txn.producerId, { txn, lastObservedBatchOffset: -1 });
    }
  }

  /** A data batch is read; true when it belongs to an aborted transaction (and is to be removed). */
  onBatchRead(header: RecordBatchHeader): boolean {
    const lastOffset = Number(header.baseOffset) + header.lastOffsetDelta;
    this.consumeAbortedTxnsUpTo(lastOffset);
    if (!header.isTransactional) return false;
    const aborted = this.ongoingAborted.get(header.producerId);
    if (aborted) {
      aborted.lastObservedBatchOffset = lastOffset;
      return true;
    }
    this.ongoingCommitted.add(header.producerId);
    return false;
  }

  /**
   * A control batch is read; true when it may be discarded: its transaction had no batch in this walk (an empty
   * control batch, already cleaned, too). An ABORT marker that stays keeps its aborted transaction index entry.
   */
  onControlBatchRead(header: RecordBatchHeader, bytes: Buffer): boolean {
    this.consumeAbortedTxnsUpTo(Number(header.baseOffset) + header.lastOffsetDelta);
    const marker = decodeEndTxnMarker(bytes);
    if (!marker) return true;
    if (marker.commit) return !this.ongoingCommitted.delete(header.producerId);
    const aborted = this.ongoingAborted.get(header.producerId);
    this.ongoingAborted.delete(header.producerId);
    if (aborted && aborted.lastObservedBatchOffset >= 0) {
      this.cleanedIndex?.push(aborted.txn);
      return false;
    }
    return true;
  }
}
