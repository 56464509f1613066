/**
 * One segment of a partition log: `<base offset, 20 digits>.log` with its `.index` and `.timeindex`, and its
 * `.txnindex` once a transaction is aborted in it (transaction-index.ts).
 *
 * On disk, the .log file is a concatenation of record batches exactly as producers sent them (message format
 * v2), with baseOffset and partitionLeaderEpoch assigned by the broker. Invariants:
 * - batches are contiguous from position 0, offsets strictly increase, and every batch's offsets lie in
 *   [baseOffset of the segment, next segment's base offset);
 * - relative offsets and positions fit in u32 (the log rolls before they would not);
 * - only CRC-valid, complete batches are trusted on recovery; anything after the first bad one is truncated.
 *
 * Appends go through `writeSync` to the page cache; fsync happens only when the flush policy asks for it, as
 * Kafka does by default. A crashed process loses nothing the kernel accepted.
 */
import {
  close,
  closeSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readBatchHeader, verifyBatchCrc } from '@sluice/protocol';
import { OffsetIndex, OFFSET_INDEX_ENTRY_BYTES } from './offset-index.ts';
import { TimeIndex, TIME_INDEX_ENTRY_BYTES } from './time-index.ts';
import { TransactionIndex } from './transaction-index.ts';

/** baseOffset (8) + batchLength (4): what must be read to know a batch's extent. */
export const LOG_OVERHEAD = 12;
/** The full v2 batch header; enough to know offsets, timestamps and producer fields without records. */
export const BATCH_HEADER_BYTES = 61;
const RECOVERY_READ_BYTES = 8 * 1024 * 1024;

export type SegmentFileSuffix = '.log' | '.index' | '.timeindex' | '.txnindex';
export const SEGMENT_FILE_SUFFIXES: readonly SegmentFileSuffix[] = [
  '.log',
  '.index',
  '.timeindex',
  '.txnindex',
];

/**
 * What a deleted segment's files are renamed to before they are unlinked off the event loop (Kafka's
 * LogFileUtils.DELETED_FILE_SUFFIX). Unlinking a large file frees its blocks inside the syscall, which on ext4
 * can take tens of milliseconds while another thread fsyncs; a rename does not. Load drops any left by a crash.
 */
export const DELETED_FILE_SUFFIX = '.deleted';

/** Unlinks files in libuv's thread pool; a file already gone (its directory removed meanwhile) is no error. */
export function unlinkInBackground(paths: readonly string[]): void {
  for (const path of paths) void rm(path, { force: true }).catch(() => undefined);
}

export function segmentFileName(baseOffset: number, suffix: SegmentFileSuffix): string {
  return `${String(baseOffset).padStart(20, '0')}${suffix}`;
}

export interface SegmentConfig {
  indexIntervalBytes: number;
  /** segment.index.bytes: bounds both index files' entry counts. */
  maxIndexBytes: number;
}

/** Where a batch lies in the segment file and what its header says. */
export interface BatchLocation {
  position: number;
  size: number;
  baseOffset: number;
  lastOffset: number;
  maxTimestamp: number;
}

export interface RecoveryResult {
  validBytes: number;
  truncatedBytes: number;
  batches: number;
  /** The offset after the last valid batch, or the segment's base offset when it holds none. */
  nextOffset: number;
}

export class LogSegment {
  readonly index: OffsetIndex;
  readonly timeIndex: TimeIndex;
  readonly txnIndex: TransactionIndex;
  private readonly fd: number;
  private sizeInBytes: number;
  private bytesSinceLastIndexEntry = 0;
  /** Largest record timestamp in the segment and the offset of the batch holding it (-1 when empty). */
  maxTimestamp = -1;
  offsetOfMaxTimestamp = -1;
  /** When the segment got its first batch (for segment.ms), or null while empty. */
  firstAppendTime: number | null = null;
  /** The next offset this segment would assign; equal to baseOffset while empty. */
  nextOffset: number;

  constructor(
    readonly dir: string,
    readonly baseOffset: number,
    private readonly config: SegmentConfig,
  ) {
    const logPath = join(dir, segmentFileName(baseOffset, '.log'));
    this.fd = openSync(logPath, existsSync(logPath) ? 'r+' : 'w+');
    let index: OffsetIndex | undefined;
    try {
      this.sizeInBytes = fstatSync(this.fd).size;
      index = new OffsetIndex(
        join(dir, segmentFileName(baseOffset, '.index')),
        baseOffset,
        Math.floor(config.maxIndexBytes / OFFSET_INDEX_ENTRY_BYTES),
      );
      this.timeIndex = new TimeIndex(
        join(dir, segmentFileName(baseOffset, '.timeindex')),
        baseOffset,
        Math.floor(config.maxIndexBytes / TIME_INDEX_ENTRY_BYTES),
      );
    } catch (error) {
      // Out of file descriptors, say: a half-opened segment must not keep what it did open.
      closeSync(this.fd);
      index?.close();
      throw error;
    }
    this.index = index;
    this.txnIndex = new TransactionIndex(join(dir, segmentFileName(baseOffset, '.txnindex')));
    this.nextOffset = baseOffset;
  }

  get size(): number {
    return this.sizeInBytes;
  }

  get isEmpty(): boolean {
    return this.sizeInBytes === 0;
  }

  /**
   * Kafka's LogSegment.largestTimestamp, what time-based retention and min.compaction.lag.ms go by: the
   * largest record timestamp, or, when no record carries one (all -1), when the log file was last written.
   */
  get largestTimestamp(): number {
    return this.maxTimestamp >= 0 ? this.maxTimestamp : Math.floor(fstatSync(this.fd).mtimeMs);
  }

  /**
   * Appends batches (already validated, offsets assigned) occupying [firstOffset, lastOffset].
   * `maxTimestamp` is the newest record timestamp among them (-1 when none carries one).
   *
   * All or nothing: when a write fails (ENOSPC, EIO), the log file and both indexes are cut back to where they
   * were and the error is rethrown, so no partial batch is ever left in the segment and the next append writes
   * where this one began.
   */
  append(batches: Buffer, firstOffset: number, lastOffset: number, maxTimestamp: number, now: number): void {
    const position = this.sizeInBytes;
    const indexEntries = this.index.entries;
    const timeIndexEntries = this.timeIndex.entries;
    const grows = maxTimestamp > this.maxTimestamp;
    const newMaxTimestamp = grows ? maxTimestamp : this.maxTimestamp;
    const newOffsetOfMaxTimestamp = grows ? lastOffset : this.offsetOfMaxTimestamp;
    // Kafka indexes the first offset of an append once index.interval.bytes have accumulated since the last entry.
    const indexDue = this.bytesSinceLastIndexEntry > this.config.indexIntervalBytes;
    try {
      let written = 0;
      while (written < batches.length) {
        written += writeSync(this.fd, batches, written, batches.length - written, position + written);
      }
      if (indexDue) {
        this.index.append(firstOffset, position);
        this.timeIndex.maybeAppend(newMaxTimestamp, newOffsetOfMaxTimestamp);
      }
    } catch (error) {
      this.undoAppend(position, indexEntries, timeIndexEntries);
      throw error;
    }
    this.sizeInBytes += batches.length;
    if (this.firstAppendTime === null) this.firstAppendTime = now;
    this.maxTimestamp = newMaxTimestamp;
    this.offsetOfMaxTimestamp = newOffsetOfMaxTimestamp;
    this.bytesSinceLastIndexEntry = (indexDue ? 0 : this.bytesSinceLastIndexEntry) + batches.length;
    this.nextOffset = lastOffset + 1;
  }

  /**
   * Cuts the files back after a failed append. Shrinking a file needs no free space, so this works on a full
   * disk; should it fail too, the in-memory size still ends at `position`, reads never go past it, the next
   * append overwrites whatever was left there, and recovery after a crash truncates it (its CRC cannot match).
   */
  private undoAppend(position: number, indexEntries: number, timeIndexEntries: number): void {
    try {
      ftruncateSync(this.fd, position);
      this.index.truncateEntries(indexEntries);
      this.timeIndex.truncateEntries(timeIndexEntries);
    } catch {
      // Covered above: nothing past `position` is ever served.
    }
  }

  /** Would appending `bytes` overflow the u32 positions or relative offsets this segment can index? */
  canHold(bytes: number, lastOffset: number): boolean {
    return this.sizeInBytes + bytes <= 0xffffffff && lastOffset - this.baseOffset <= 0xffffffff;
  }

  /** Reads `length` bytes from `position`, clamped to the segment's end. */
  readBytes(position: number, length: number): Buffer {
    const end = Math.min(this.sizeInBytes, position + length);
    if (end <= position) return Buffer.alloc(0);
    const out = Buffer.allocUnsafe(end - position);
    let filled = 0;
    while (filled < out.length) {
      const n = readSync(this.fd, out, filled, out.length - filled, position + filled);
      if (n === 0) break;
      filled += n;
    }
    return filled === out.length ? out : out.subarray(0, filled);
  }

  /** Reads the header of the batch at `position`, or null past the end. */
  batchAt(position: number): BatchLocation | null {
    if (position + BATCH_HEADER_BYTES > this.sizeInBytes) return null;
    const header = readBatchHeader(this.readBytes(position, BATCH_HEADER_BYTES), 0);
    const baseOffset = Number(header.baseOffset);
    return {
      position,
      size: header.batchLength + LOG_OVERHEAD,
      baseOffset,
      lastOffset: baseOffset + header.lastOffsetDelta,
      maxTimestamp: Number(header.maxTimestamp),
    };
  }

  /** The first batch whose last offset is at or after `offset`, starting from the index's hint. */
  findBatch(offset: number): BatchLocation | null {
    let position = this.index.lookup(offset).position;
    for (;;) {
      const batch = this.batchAt(position);
      if (!batch) return null;
      if (batch.lastOffset >= offset) return batch;
      position += batch.size;
    }
  }

  /** The first batch whose max timestamp is at or after `timestamp`. */
  findBatchByTimestamp(timestamp: number): BatchLocation | null {
    const hint = this.timeIndex.lookupBefore(timestamp);
    let position = hint ? this.index.lookup(hint.offset).position : 0;
    for (;;) {
      const batch = this.batchAt(position);
      if (!batch) return null;
      if (batch.maxTimestamp >= timestamp) return batch;
      position += batch.size;
    }
  }

  /**
   * The batch holding the segment's largest timestamp, as Kafka's UnifiedLog finds it for ListOffsets
   * MAX_TIMESTAMP: from the offset index entry at or before the offset tracked with that timestamp (the last
   * offset of its batch), the first batch whose max timestamp equals it. A segment without timestamps tracks its
   * base offset (Kafka reads an empty time index as (NO_TIMESTAMP, base offset)): its first batch without one.
   */
  batchOfMaxTimestamp(): BatchLocation | null {
    const tracked = this.offsetOfMaxTimestamp >= 0 ? this.offsetOfMaxTimestamp : this.baseOffset;
    let position = this.index.lookup(tracked).position;
    for (;;) {
      const batch = this.batchAt(position);
      if (!batch) return null;
      if (batch.maxTimestamp === this.maxTimestamp) return batch;
      position += batch.size;
    }
  }

  /**
   * Indexes the segment's largest timestamp however few bytes came since the last time index entry, so that a
   * clean restart, which reads it back from the time index (loadCleanState), knows it: Kafka's
   * onBecomeInactiveSegment on roll, and LogSegment.close.
   */
  indexMaxTimestamp(): void {
    this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
  }

  /**
   * Validates every batch from the start, rebuilding both indexes and the segment's timestamps, and truncates
   * the file after the last complete, CRC-valid batch with increasing offsets.
   */
  recover(): RecoveryResult {
    this.index.truncateEntries(0);
    this.timeIndex.truncateFromOffset(this.baseOffset);
    this.maxTimestamp = -1;
    this.offsetOfMaxTimestamp = -1;
    this.bytesSinceLastIndexEntry = 0;
    let position = 0;
    let batches = 0;
    let expectedMinOffset = this.baseOffset;
    const fileSize = this.sizeInBytes;
    let window: Buffer = Buffer.alloc(0);
    let windowStart = 0;
    scan: while (position + LOG_OVERHEAD <= fileSize) {
      // Keep a read window covering at least the batch at `position`.
      if (position + LOG_OVERHEAD > windowStart + window.length) {
        window = this.readBytes(position, RECOVERY_READ_BYTES);
        windowStart = position;
      }
      const local = position - windowStart;
      const batchLength = window.readInt32BE(local + 8);
      const size = batchLength + LOG_OVERHEAD;
      if (batchLength < BATCH_HEADER_BYTES - LOG_OVERHEAD || position + size > fileSize) break;
      if (local + size > window.length) {
        window = this.readBytes(position, Math.max(RECOVERY_READ_BYTES, size));
        windowStart = position;
      }
      const batch = window.subarray(position - windowStart, position - windowStart + size);
      let header;
      try {
        header = readBatchHeader(batch, 0);
        if (header.magic !== 2 || !verifyBatchCrc(batch)) break scan;
      } catch {
        break;
      }
      const baseOffset = Number(header.baseOffset);
      const lastOffset = baseOffset + header.lastOffsetDelta;
      if (baseOffset < expectedMinOffset || lastOffset < baseOffset) break;
      const maxTimestamp = Number(header.maxTimestamp);
      if (this.bytesSinceLastIndexEntry > this.config.indexIntervalBytes) {
        this.index.append(baseOffset, position);
        this.bytesSinceLastIndexEntry = 0;
      }
      if (maxTimestamp > this.maxTimestamp) {
        this.maxTimestamp = maxTimestamp;
        this.offsetOfMaxTimestamp = lastOffset;
      }
      this.timeIndex.maybeAppend(this.maxTimestamp, this.offsetOfMaxTimestamp);
      this.bytesSinceLastIndexEntry += size;
      expectedMinOffset = lastOffset + 1;
      position += size;
      batches++;
    }
    const truncatedBytes = fileSize - position;
    if (truncatedBytes > 0) this.truncateToPosition(position);
    this.nextOffset = expectedMinOffset;
    return { validBytes: position, truncatedBytes, batches, nextOffset: expectedMinOffset };
  }

  /** Rebuilds in-memory timestamps after a clean load, from the time index's last entry. */
  loadCleanState(nextOffset: number): void {
    const last = this.timeIndex.last;
    if (last) {
      this.maxTimestamp = last.timestamp;
      this.offsetOfMaxTimestamp = last.offset;
    }
    this.nextOffset = nextOffset;
  }

  /** Drops every batch at or after `offset`; batches are never split. */
  truncateToOffset(offset: number): void {
    const batch = this.findBatch(offset);
    if (!batch) return;
    // A batch straddling `offset` is removed whole: its records cannot be cut out without rewriting it.
    this.truncateToPosition(batch.position);
    this.txnIndex.truncateTo(batch.baseOffset);
    // Truncation is rare (torn tails, replica divergence): recomputing the segment's state by a scan is simplest.
    this.recover();
  }

  private truncateToPosition(position: number): void {
    ftruncateSync(this.fd, position);
    this.sizeInBytes = position;
    this.index.truncateToPosition(position);
  }

  /**
   * fsyncs the segment's log file off the event loop (libuv's thread pool), calling `done` when it is on disk.
   * Used for rolled segments, which are no longer written; an error (the segment was deleted meanwhile) means
   * nothing is left to make durable.
   */
  flushInBackground(done: (error: Error | null) => void): void {
    fdatasync(this.fd, (logError) => {
      if (logError) return done(logError);
      this.index.flushInBackground((indexError) => {
        if (indexError) return done(indexError);
        this.timeIndex.flushInBackground((timeIndexError) => {
          if (timeIndexError) return done(timeIndexError);
          try {
            // Rarely dirty (only where a transaction was aborted), and then a few entries: fsync'd in place.
            this.txnIndex.flush();
          } catch (error) {
            return done(error as Error);
          }
          done(null);
        });
      });
    });
  }

  /** Closes the index files' descriptors until the next write: for segments no longer appended to. */
  releaseIndexes(): void {
    this.index.release();
    this.timeIndex.release();
  }

  /** fsyncs the log file alone (its data; the indexes are fsync'd by flush). */
  flushLog(): void {
    fdatasyncSync(this.fd);
  }

  flush(): void {
    fdatasyncSync(this.fd);
    this.index.flush();
    this.timeIndex.flush();
    this.txnIndex.flush();
  }

  close(): void {
    this.closeIndexes();
    closeSync(this.fd);
  }

  /**
   * Closes the index files only. The log's descriptor stays open for closeLogInBackground: swapping a cleaned
   * segment in renames the new .log over this one's, and while a descriptor holds the old file the rename does
   * not free its blocks on the event loop (the last close does, in the thread pool).
   */
  closeIndexes(): void {
    try {
      this.indexMaxTimestamp();
    } catch {
      // As Kafka's close swallows it: a full disk must not keep the segment open; recovery rebuilds the index.
    }
    this.index.close();
    this.timeIndex.close();
  }

  /** Closes the log's descriptor in libuv's thread pool (after closeIndexes). */
  closeLogInBackground(): void {
    close(this.fd, () => undefined);
  }

  /**
   * Closes and removes the segment's files: each is renamed to `<name>.deleted` here, which is cheap, and
   * unlinked in the thread pool (DELETED_FILE_SUFFIX says why). Once this returns no file of the segment is
   * under its own name, so a segment with the same base offset may be created at once.
   */
  delete(): void {
    this.close();
    const deleted: string[] = [];
    for (const suffix of SEGMENT_FILE_SUFFIXES) {
      const path = join(this.dir, segmentFileName(this.baseOffset, suffix));
      try {
        renameSync(path, path + DELETED_FILE_SUFFIX);
        deleted.push(path + DELETED_FILE_SUFFIX);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    unlinkInBackground(deleted);
  }
}
