/**
 * A cleaned segment on its way in (the log cleaner's half of Kafka's segment swap). A pass writes each group's
 * compacted copy to `.cleaned-<first base offset>/` in the partition directory: the .log, its indexes and, when
 * aborted transactions stay, a .txnindex, all fsync'd, and last a note `replaces` ("<first base offset> <end
 * offset> <1 if a .txnindex goes with it>", written durably) naming the segments it replaces. Writing touches
 * nothing outside that directory, so it may run on a cleaner thread while the log serves requests.
 *
 * PartitionLog.swapInCleanedSegment then renames the new .log over the first old segment's (the commit point,
 * atomic), deletes the other old segments and removes the directory. A crash before the rename leaves the old
 * segments whole and the directory is dropped at load; after it, load finishes the swap from the note
 * (PartitionLog.finishInterruptedSwap). `.cleaned/`, the directory of earlier versions, is read the same way.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readBatchHeader } from '@sluice/protocol';
import { writeFileDurably } from './durable-file.ts';
import { LogSegment, type SegmentConfig } from './log-segment.ts';
import type { AbortedTxn } from './transaction-index.ts';

export const SWAP_RANGE_FILE = 'replaces';
/**
 * The cleaned .log is fsync'd every this many bytes as it is written, not once at the end (as RocksDB's
 * bytes_per_sync does): on ext4 one fsync of a whole 16 MiB segment holds the journal long enough to stall the
 * request thread's appends for tens of milliseconds; a megabyte at a time keeps each stall short.
 */
const SYNC_EVERY_BYTES = 2 ** 20;
export const CLEANED_DIR_PATTERN = /^\.cleaned(-\d+)?$/;

export function cleanedDirName(firstBaseOffset: number): string {
  return `.cleaned-${firstBaseOffset}`;
}

/** Writes the cleaned copy of the segments [firstBaseOffset, endOffset); returns its directory. */
export function writeCleanedSegment(
  logDir: string,
  firstBaseOffset: number,
  endOffset: number,
  batches: readonly Buffer[],
  abortedTxns: readonly AbortedTxn[],
  segmentConfig: SegmentConfig,
  now: number,
): string {
  const dir = join(logDir, cleanedDirName(firstBaseOffset));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const cleaned = new LogSegment(dir, firstBaseOffset, segmentConfig);
  let unsynced = 0;
  for (const batch of batches) {
    const header = readBatchHeader(batch, 0);
    const base = Number(header.baseOffset);
    cleaned.append(batch, base, base + header.lastOffsetDelta, Number(header.maxTimestamp), now);
    unsynced += batch.length;
    if (unsynced >= SYNC_EVERY_BYTES) {
      cleaned.flushLog();
      unsynced = 0;
    }
  }
  for (const txn of abortedTxns) cleaned.txnIndex.append(txn);
  cleaned.flush();
  cleaned.close();
  // Last: the note makes the directory a swap load() may finish (once the .log is renamed out of it).
  writeFileDurably(
    join(dir, SWAP_RANGE_FILE),
    `${firstBaseOffset} ${endOffset} ${abortedTxns.length > 0 ? 1 : 0}\n`,
  );
  return dir;
}
