/**
 * The __transaction_state topic as the transaction coordinator uses it: which partition holds a transactional id
 * (Kafka's `abs(transactionalId.hashCode) % transaction.state.log.num.partitions`), the settings Kafka creates it
 * with, and how a partition is replayed when this broker becomes its leader.
 *
 * Invariants: all records of a transactional id live in its one partition; a partition is replayed in offset
 * order up to its log end offset, the newest record of an id winning (as compaction keeps it).
 */
import {
  decodeRecordBatch,
  decodeTransactionLogRecord,
  splitBatches,
  type TransactionLogValue,
} from '@sluice/protocol';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { offsetsPartitionFor } from '../groups/offsets-topic.ts';
import type { PartitionLog } from '../storage/partition-log.ts';

export const TRANSACTION_STATE_TOPIC = '__transaction_state';

/** The partition of __transaction_state that holds a transactional id (the same hash as groups use). */
export function transactionPartitionFor(transactionalId: string, partitions: number): number {
  return offsetsPartitionFor(transactionalId, partitions);
}

/** The settings Kafka creates __transaction_state with (TransactionLog / TransactionStateManager). */
export function transactionTopicSpec(config: BrokerConfigStore) {
  return {
    partitions: config.getNumber('transaction.state.log.num.partitions'),
    replicationFactor: config.getNumber('transaction.state.log.replication.factor'),
    configs: new Map([
      ['cleanup.policy', 'compact'],
      ['compression.type', 'uncompressed'],
      ['min.insync.replicas', String(config.getNumber('transaction.state.log.min.isr'))],
      ['segment.bytes', String(config.getNumber('transaction.state.log.segment.bytes'))],
      ['unclean.leader.election.enable', 'false'],
    ]),
  };
}

/**
 * Replays a partition's records from its log start to the log end offset as it was when loading began.
 * `apply` gets each transactional id's records in order (a null value is a tombstone). Stops early when
 * `stillWanted` turns false (the partition was resigned meanwhile). Returns the number of records applied.
 */
export async function loadTransactionLog(
  log: PartitionLog,
  apply: (transactionalId: string, value: TransactionLogValue | null) => void,
  stillWanted: () => boolean,
  bufferBytes: number,
): Promise<number> {
  const end = log.logEndOffset;
  let offset = log.logStartOffset;
  let records = 0;
  while (offset < end && stillWanted()) {
    const read = log.read(offset, bufferBytes, true, 'logEnd');
    const { batches } = splitBatches(read.records);
    if (batches.length === 0) break;
    for (const { bytes, header } of batches) {
      const next = Number(header.baseOffset) + header.lastOffsetDelta + 1;
      if (next > end) return records;
      offset = next;
      if (header.isControl) continue;
      for (const record of (await decodeRecordBatch(bytes)).records) {
        if (!stillWanted()) return records;
        if (!record.key) continue;
        const { transactionalId, value } = decodeTransactionLogRecord(record.key, record.value);
        apply(transactionalId, value);
        records++;
      }
    }
  }
  return records;
}
