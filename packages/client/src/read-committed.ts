/**
 * What a read_committed Kafka consumer does with a Fetch response (Kafka's CompletedFetch): the leader returns
 * batches up to the last stable offset and names the aborted transactions among them (producer id and first
 * offset); the consumer drops the batches of those transactions itself. A producer's transactional batches are
 * aborted from the first offset of its aborted transaction up to its ABORT marker; its later batches belong to a
 * new transaction. Control batches (the markers) are never data.
 *
 * Feed it the batches of one partition in offset order, each Fetch response's aborted transactions first.
 */
import {
  ControlRecordType,
  decodeControlRecordKey,
  type FetchResponseAbortedTransaction,
  type RecordBatchHeader,
  type DecodedRecord,
} from '@sluice/protocol';

export class AbortedTransactionFilter {
  /** Aborted transactions not yet reached, by first offset. */
  private pending: FetchResponseAbortedTransaction[] = [];
  /** Producers whose transaction in progress here is an aborted one. */
  private readonly aborted = new Set<bigint>();

  /** The aborted transactions a Fetch response named (null or empty under read_uncommitted). */
  addAborted(transactions: readonly FetchResponseAbortedTransaction[] | null): void {
    if (!transactions || transactions.length === 0) return;
    this.pending = [...this.pending, ...transactions].sort((a, b) =>
      a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0,
    );
  }

  /**
   * Whether a data batch is part of an aborted transaction; for a control batch, notes its markers (an ABORT ends
   * its producer's aborted transaction) and answers false.
   */
  isAborted(header: RecordBatchHeader, controlRecords: readonly DecodedRecord[] = []): boolean {
    const lastOffset = header.baseOffset + BigInt(header.lastOffsetDelta);
    while (this.pending.length > 0 && this.pending[0]!.firstOffset <= lastOffset)
      this.aborted.add(this.pending.shift()!.producerId);
    if (header.isControl) {
      if (controlRecords.some((r) => markerOf(r)?.type === 'ABORT')) this.aborted.delete(header.producerId);
      return false;
    }
    return header.isTransactional && this.aborted.has(header.producerId);
  }
}

export interface TransactionMarker {
  type: 'COMMIT' | 'ABORT';
  coordinatorEpoch: number;
}

/** The transaction marker a control record holds; null for other control records (or malformed ones). */
export function markerOf(record: DecodedRecord): TransactionMarker | null {
  if (!record.key || record.key.length < 4) return null;
  const { type } = decodeControlRecordKey(record.key);
  if (type !== ControlRecordType.ABORT && type !== ControlRecordType.COMMIT) return null;
  // The value: version int16, coordinator epoch int32.
  const coordinatorEpoch = record.value && record.value.length >= 6 ? record.value.readInt32BE(2) : -1;
  return { type: type === ControlRecordType.COMMIT ? 'COMMIT' : 'ABORT', coordinatorEpoch };
}
