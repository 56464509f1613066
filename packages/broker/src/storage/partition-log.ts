/**
 * The log of one partition: an ordered list of segments in `<data-dir>/<topic>-<partition>/`.
 *
 * Invariants:
 * - segments are sorted by base offset; each segment's offsets lie below the next segment's base offset;
 *   only the last (active) segment is appended to;
 * - logStartOffset <= highWatermark <= logEndOffset; offsets below logStartOffset are never served;
 * - a batch is acknowledged only after it is written to the segment file (the page cache), so a killed
 *   process loses no acknowledged batch; the flush policy (flush.messages, flush.ms) adds fsyncs;
 * - the append path never decodes records: it reads batch headers, checks CRCs, and writes the producer's
 *   bytes with the broker's base offset and leader epoch patched in place (both lie outside the CRC);
 * - the leader epoch cache (leader-epoch-checkpoint) holds an entry for every epoch of the batches in the log,
 *   at the first offset written in it; truncation at either end truncates it too;
 * - a replicated log (options.replicated) does not move its high watermark on append: its owner (the Raft
 *   client, later the replica manager) sets it from what a majority or the ISR has, never past the log end offset;
 * - transactions (Kafka's UnifiedLog): logStartOffset <= lastStableOffset <= highWatermark, where the LSO is the
 *   first offset of the earliest transaction that is ongoing or whose marker is not yet below the high watermark
 *   (the first unstable offset, never below the log start offset), else the high watermark. A transaction
 *   aborted by a marker is entered in the marker's segment's .txnindex, by a leader and a follower alike, and
 *   read_committed reads return the aborted transactions overlapping what they read. Only control batches are
 *   decoded (for their marker); data batches are known by their headers alone.
 *
 * Offsets are JavaScript numbers inside the broker: exact up to 2^53, far beyond any real log.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ErrorCode,
  TimestampType,
  decodeRecordBatch,
  encodeEndTxnMarkerBatch,
  readBatchHeader,
  rewriteBatchCrc,
  verifyBatchCrc,
} from '@sluice/protocol';
import type { LogConfig } from '../config/log-config.ts';
import {
  BATCH_HEADER_BYTES,
  DELETED_FILE_SUFFIX,
  LOG_OVERHEAD,
  LogSegment,
  SEGMENT_FILE_SUFFIXES,
  segmentFileName,
  type SegmentConfig,
} from './log-segment.ts';
import { CLEANED_DIR_PATTERN, SWAP_RANGE_FILE, writeCleanedSegment } from './cleaned-segment.ts';
import { writeFileDurably } from './durable-file.ts';
import {
  ProducerStateManager,
  type CompletedTxn,
  type ProducerBatch,
  type TxnMarker,
  type AppendOrigin,
} from './producer-state.ts';
import type { AbortedTxn } from './transaction-index.ts';
import { LeaderEpochCache } from './leader-epoch-cache.ts';

export interface AppendResult {
  errorCode: number;
  errorMessage: string | null;
  /** Offset of the first record appended (or of the duplicate batch's first record). */
  baseOffset: number;
  /** The broker's append time when the topic uses LogAppendTime, else -1. */
  logAppendTime: number;
  logStartOffset: number;
}

export interface ReadResult {
  errorCode: number;
  records: Buffer;
  highWatermark: number;
  logStartOffset: number;
  lastStableOffset: number;
  /**
   * For a read up to the LSO ('lastStable') without error: the aborted transactions overlapping what was read
   * (Kafka's collectAbortedTransactions), empty when none; null for the other reads.
   */
  abortedTransactions: { producerId: bigint; firstOffset: bigint }[] | null;
}

/** Where a read stops: the high watermark (read_uncommitted consumers), the LSO (read_committed), the log end. */
export type ReadLimit = 'highWatermark' | 'lastStable' | 'logEnd';

export interface FollowerAppendResult {
  errorCode: number;
  errorMessage: string | null;
  /** The offsets of the first and last record appended; -1 when nothing was. */
  firstOffset: number;
  lastOffset: number;
}

export interface OffsetAndTimestamp {
  offset: number;
  timestamp: number;
}

export interface OffsetTimestampAndEpoch extends OffsetAndTimestamp {
  /** The partition leader epoch of the batch holding the record, or -1 when it has none. */
  leaderEpoch: number;
}

interface IncomingBatch {
  position: number;
  size: number;
  recordCount: number;
  maxTimestamp: number;
  producer: ProducerBatch | null;
}

function failure(errorCode: number, errorMessage: string, logStartOffset: number): AppendResult {
  return { errorCode, errorMessage, baseOffset: -1, logAppendTime: -1, logStartOffset };
}

export class PartitionLog {
  private segments: LogSegment[] = [];
  private logStartOffsetValue: number;
  private highWatermarkValue = 0;
  private unflushedMessages = 0;
  private lastFlushTime: number;
  /** Offset up to which data is known to be on disk (fsync'd): where recovery starts after a crash. */
  recoveryPoint: number;
  readonly producers = new ProducerStateManager();
  /**
   * The log cleaner's first dirty offset: records below it have been compacted at least once
   * (cleaner-offset-checkpoint). Only meaningful for compacted topics. Truncation keeps it at or below the active
   * segment's base offset (Kafka's maybeTruncateCheckpoint), so records appended again above a truncation point
   * are dirty, never taken for cleaned ones.
   */
  cleanerCheckpoint = 0;
  /**
   * segment.jitter.ms: the active segment rolls this much before segment.ms, drawn per segment (as Kafka does)
   * so that partitions created together do not all roll at the same moment.
   */
  private activeRollJitterMs = 0;
  /** During load after an unclean shutdown: the first segment whose aborted transaction index is rebuilt. */
  private rebuildTxnIndexesFrom = Number.POSITIVE_INFINITY;
  private readonly appendListeners = new Set<() => void>();
  /** Kafka's LeaderEpochFileCache: where each leader epoch starts in this log. */
  readonly leaderEpochs: LeaderEpochCache;
  /** Whether the high watermark is set by replication rather than following the log end offset. */
  private replicatedValue: boolean;

  constructor(
    readonly dir: string,
    readonly topic: string,
    readonly partition: number,
    private config: LogConfig,
    options: {
      recoveryPoint: number;
      logStartOffset: number;
      cleanShutdown: boolean;
      now: number;
      /** A replica of a replicated partition: the high watermark starts here (default the log start offset). */
      replicated?: { highWatermark?: number };
    },
  ) {
    mkdirSync(dir, { recursive: true });
    this.lastFlushTime = options.now;
    this.recoveryPoint = options.recoveryPoint;
    this.logStartOffsetValue = options.logStartOffset;
    this.replicatedValue = options.replicated !== undefined;
    this.leaderEpochs = new LeaderEpochCache(dir);
    this.load(options.cleanShutdown);
    if (options.replicated) {
      const start = options.replicated.highWatermark ?? this.logStartOffset;
      this.setHighWatermark(Math.min(Math.max(start, this.logStartOffset), this.logEndOffset));
    }
  }

  /** Every high watermark change goes here: transactions whose marker it passes become stable. */
  private setHighWatermark(offset: number): void {
    this.highWatermarkValue = offset;
    this.producers.removeUnreplicatedTransactions(offset);
  }

  get segmentConfig(): SegmentConfig {
    return {
      indexIntervalBytes: this.config.indexIntervalBytes,
      maxIndexBytes: this.config.segmentIndexBytes,
    };
  }

  get activeSegment(): LogSegment {
    return this.segments.at(-1)!;
  }

  get logEndOffset(): number {
    return this.activeSegment.nextOffset;
  }

  get logStartOffset(): number {
    return this.logStartOffsetValue;
  }

  get highWatermark(): number {
    return this.highWatermarkValue;
  }

  get replicated(): boolean {
    return this.replicatedValue;
  }

  /**
   * Hands the high watermark to replication from now on: a log loaded before the broker learned that it is a
   * replica of a replicated partition (at start, every log is opened alike). The high watermark drops to
   * `highWatermark` (the replication-offset-checkpoint), never rises: what followed the log end offset until now
   * may include records the ISR never had.
   */
  becomeReplicated(highWatermark: number): void {
    if (this.replicatedValue) return;
    this.replicatedValue = true;
    this.setHighWatermark(Math.min(Math.max(highWatermark, this.logStartOffset), this.highWatermarkValue));
  }

  /**
   * The first offset of the earliest transaction that is ongoing or whose marker is not yet replicated, never
   * below the log start offset (Kafka's UnifiedLog.firstUnstableOffset); null when there is none.
   */
  get firstUnstableOffset(): number | null {
    const first = this.producers.firstUnstableOffset();
    return first === null ? null : Math.max(first, this.logStartOffset);
  }

  /** The LSO: what read_committed consumers may read up to (Kafka's UnifiedLog.lastStableOffset). */
  get lastStableOffset(): number {
    const first = this.firstUnstableOffset;
    return first !== null && first < this.highWatermark ? first : this.highWatermark;
  }

  get size(): number {
    return this.segments.reduce((sum, s) => sum + s.size, 0);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  updateConfig(config: LogConfig): void {
    this.config = config;
  }

  /** Called after every append, for delayed fetches waiting on new data. */
  onAppend(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  private load(cleanShutdown: boolean): void {
    this.finishInterruptedSwap();
    // Files of deleted segments whose unlinking a crash or a stop cut short (LogSegment.delete).
    for (const name of readdirSync(this.dir))
      if (name.endsWith(DELETED_FILE_SUFFIX)) rmSync(join(this.dir, name), { force: true });
    const baseOffsets = readdirSync(this.dir)
      .filter((name) => /^\d{20}\.log$/.test(name))
      .map((name) => Number(name.slice(0, 20)))
      .sort((a, b) => a - b);
    if (baseOffsets.length === 0) baseOffsets.push(this.logStartOffsetValue);
    this.segments = baseOffsets.map((base) => new LogSegment(this.dir, base, this.segmentConfig));
    if (cleanShutdown) {
      for (const [i, segment] of this.segments.entries()) {
        const next = this.segments[i + 1]?.baseOffset ?? this.scanNextOffset(segment);
        // A crash in the middle of swapping a cleaned segment in can leave it without its index files.
        if (segment.index.entries === 0 && segment.size > this.config.indexIntervalBytes) segment.recover();
        segment.loadCleanState(next);
      }
    } else {
      this.recoverFrom(this.recoveryPoint);
    }
    for (const segment of this.segments.slice(0, -1)) segment.releaseIndexes();
    this.logStartOffsetValue = Math.max(this.logStartOffsetValue, this.segments[0]!.baseOffset);
    this.recoveryPoint = Math.min(this.recoveryPoint, this.logEndOffset);
    this.activeRollJitterMs = this.drawRollJitter();
    if (!(cleanShutdown && this.loadProducerSnapshot()))
      this.rebuildProducerState(this.rebuildTxnIndexesFrom);
    this.setHighWatermark(this.logEndOffset);
    this.loadLeaderEpochs();
    // A snapshot describes the log as it was at one clean shutdown; once the log moves on it is stale.
    rmSync(join(this.dir, PRODUCER_SNAPSHOT_FILE), { force: true });
  }

  /**
   * A cleaning pass interrupted by a crash leaves `.cleaned-<base>/` directories behind (cleaned-segment.ts).
   * When one's new .log was already renamed in, the segments it replaced after the first are deleted now and the
   * new segment gets its .txnindex (the cleaned one, or none); either way the rest of the directory is dropped
   * (before the rename, the old segments are all still in place, with their .txnindex files).
   */
  private finishInterruptedSwap(): void {
    for (const entry of readdirSync(this.dir)) {
      if (!CLEANED_DIR_PATTERN.test(entry)) continue;
      const cleanedDir = join(this.dir, entry);
      const range = join(cleanedDir, SWAP_RANGE_FILE);
      if (existsSync(range)) {
        const [first, end, withTxnIndex] = readFileSync(range, 'utf8').trim().split(' ').map(Number) as [
          number,
          number,
          number | undefined,
        ];
        if (!existsSync(join(cleanedDir, segmentFileName(first, '.log')))) {
          for (const name of readdirSync(this.dir)) {
            const base = /^(\d{20})\.(log|index|timeindex|txnindex)$/.exec(name)?.[1];
            if (base !== undefined && Number(base) > first && Number(base) < end)
              rmSync(join(this.dir, name), { force: true });
          }
          const txnIndex = segmentFileName(first, '.txnindex');
          if (withTxnIndex !== 1) rmSync(join(this.dir, txnIndex), { force: true });
          else if (existsSync(join(cleanedDir, txnIndex)))
            renameSync(join(cleanedDir, txnIndex), join(this.dir, txnIndex));
        }
      }
      rmSync(cleanedDir, { recursive: true, force: true });
    }
  }

  /** The offset after the last batch of a segment, found by walking headers from its last index entry. */
  private scanNextOffset(segment: LogSegment): number {
    let position = segment.index.lookup(Number.MAX_SAFE_INTEGER).position;
    let next = segment.baseOffset;
    for (;;) {
      const batch = segment.batchAt(position);
      if (!batch) return Math.max(next, segment.baseOffset);
      next = batch.lastOffset + 1;
      position += batch.size;
    }
  }

  /**
   * Unclean start: validate every segment holding offsets at or after the recovery point. Their aborted
   * transaction indexes are emptied here and rebuilt by the producer state replay that follows.
   */
  private recoverFrom(recoveryPoint: number): void {
    let start = this.segments.findLastIndex((s) => s.baseOffset <= recoveryPoint);
    if (start < 0) start = 0;
    this.rebuildTxnIndexesFrom = this.segments[start]!.baseOffset;
    for (let i = 0; i < start; i++) this.segments[i]!.loadCleanState(this.segments[i + 1]!.baseOffset);
    for (let i = start; i < this.segments.length; i++) {
      const segment = this.segments[i]!;
      segment.txnIndex.reset();
      const result = segment.recover();
      if (result.truncatedBytes > 0 && i < this.segments.length - 1) {
        // Everything after a torn segment is unreachable: drop the later segments.
        for (const later of this.segments.splice(i + 1)) later.delete();
        break;
      }
    }
  }

  /** Loads the producer state a clean shutdown left, if it describes the log as it is now. */
  private loadProducerSnapshot(): boolean {
    const path = join(this.dir, PRODUCER_SNAPSHOT_FILE);
    if (!existsSync(path)) return false;
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0 || Number(text.slice(0, newline)) !== this.logEndOffset) return false;
    return this.producers.loadSnapshot(text.slice(newline + 1));
  }

  /**
   * Logs written before the cache existed (or whose checkpoint was lost) get it rebuilt from batch headers;
   * otherwise it is trimmed to the log as recovered, which a crash may have cut shorter than the checkpoint.
   */
  private loadLeaderEpochs(): void {
    if (!this.leaderEpochs.fileExists && this.logEndOffset > this.logStartOffset) {
      this.forEachBatchHeader((header) =>
        this.leaderEpochs.assign(header.partitionLeaderEpoch, Number(header.baseOffset)),
      );
    }
    this.leaderEpochs.truncateFromEnd(this.logEndOffset);
    this.leaderEpochs.truncateFromStart(this.logStartOffset);
  }

  private forEachBatchHeader(visit: (header: ReturnType<typeof readBatchHeader>) => void): void {
    for (const segment of this.segments) {
      let position = 0;
      while (position + BATCH_HEADER_BYTES <= segment.size) {
        const header = readBatchHeader(segment.readBytes(position, BATCH_HEADER_BYTES), 0);
        visit(header);
        position += header.batchLength + LOG_OVERHEAD;
      }
    }
  }

  /**
   * Replays every batch header of the log into a fresh producer state (control batches are read whole, for their
   * marker). Segments at or after `indexFrom` (recovered after an unclean shutdown, their .txnindex emptied)
   * get the aborted transactions the replay completes in them; the others already have them.
   */
  private rebuildProducerState(indexFrom = Number.POSITIVE_INFINITY): void {
    this.producers.clear();
    for (const segment of this.segments) {
      let position = 0;
      for (;;) {
        if (position + BATCH_HEADER_BYTES > segment.size) break;
        const header = readBatchHeader(segment.readBytes(position, BATCH_HEADER_BYTES), 0);
        const size = header.batchLength + LOG_OVERHEAD;
        const at = position;
        const completed = this.producers.replay(header, () => segment.readBytes(at, size));
        if (completed && segment.baseOffset >= indexFrom) this.indexAbortedTxn(segment, completed);
        position += size;
      }
    }
    this.rebuildTxnIndexesFrom = Number.POSITIVE_INFINITY;
  }

  private indexAbortedTxn(segment: LogSegment, completed: CompletedTxn): void {
    if (!completed.aborted) return;
    const { producerId, firstOffset, lastOffset, lastStableOffset } = completed;
    segment.txnIndex.append({ producerId, firstOffset, lastOffset, lastStableOffset });
  }

  /**
   * Validates the batches of a produce request (message format v2), assigns offsets and appends them.
   * `records` is owned by the caller's request and is patched in place. `origin` 'coordinator' is a batch the
   * group coordinator writes for a transactional producer (TxnOffsetCommit): no sequence is checked.
   */
  appendAsLeader(
    records: Buffer,
    leaderEpoch: number,
    now: number,
    origin: AppendOrigin = 'client',
  ): AppendResult {
    const parsed = this.parseIncoming(records, now);
    if ('errorCode' in parsed) return parsed;
    const batches = parsed;

    // Idempotence: a batch already in the log is answered with its original offsets.
    let duplicateOf: { firstOffset: number } | null = null;
    for (const batch of batches) {
      if (!batch.producer) continue;
      const check = this.producers.check(batch.producer, origin);
      if (check.kind === 'error') return failure(check.errorCode, check.message, this.logStartOffset);
      if (check.kind === 'duplicate') duplicateOf = { firstOffset: check.firstOffset };
    }
    if (duplicateOf) {
      return {
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        baseOffset: duplicateOf.firstOffset,
        logAppendTime: -1,
        logStartOffset: this.logStartOffset,
      };
    }

    const firstOffset = this.logEndOffset;
    const logAppendTime = this.config.messageTimestampType === 'LogAppendTime' ? now : -1;
    let nextOffset = firstOffset;
    let maxTimestamp = -1;
    let recordCount = 0;
    for (const batch of batches) {
      records.writeBigInt64BE(BigInt(nextOffset), batch.position);
      records.writeInt32BE(leaderEpoch, batch.position + LOG_OVERHEAD);
      if (logAppendTime >= 0) {
        // LogAppendTime: the broker's clock becomes the batch's timestamp; both fields lie inside the CRC.
        const bytes = records.subarray(batch.position, batch.position + batch.size);
        bytes.writeInt16BE(bytes.readInt16BE(ATTRIBUTES_OFFSET) | TIMESTAMP_TYPE_BIT, ATTRIBUTES_OFFSET);
        bytes.writeBigInt64BE(BigInt(now), MAX_TIMESTAMP_OFFSET);
        rewriteBatchCrc(bytes);
        batch.maxTimestamp = now;
      }
      nextOffset += batch.recordCount;
      recordCount += batch.recordCount;
      maxTimestamp = Math.max(maxTimestamp, batch.maxTimestamp);
    }
    const lastOffset = nextOffset - 1;

    this.maybeRoll(records.length, lastOffset, now);
    this.activeSegment.append(records, firstOffset, lastOffset, maxTimestamp, now);
    this.leaderEpochs.assign(leaderEpoch, firstOffset);
    let offset = firstOffset;
    for (const batch of batches) {
      if (batch.producer) this.producers.update(batch.producer, offset, offset + batch.recordCount - 1);
      offset += batch.recordCount;
    }
    // One replica: the high watermark follows the log end offset at once.
    if (!this.replicatedValue) this.setHighWatermark(this.logEndOffset);
    this.unflushedMessages += recordCount;
    if (this.unflushedMessages >= this.config.flushMessages) this.flush(now);
    for (const listener of this.appendListeners) listener();
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      baseOffset: firstOffset,
      logAppendTime,
      logStartOffset: this.logStartOffset,
    };
  }

  /**
   * Writes a transaction marker at the log end (Kafka's UnifiedLog.appendAsLeader with a coordinator origin): one
   * control batch, transactional, of the producer's id and epoch, without sequence, holding the marker. Checked
   * as Kafka's appendEndTxnMarker: an epoch older than the producer's is INVALID_PRODUCER_EPOCH, a coordinator
   * epoch older than that of the producer's last marker TRANSACTION_COORDINATOR_FENCED. It ends the producer's
   * ongoing transaction, if any (an ABORT enters it in the aborted transaction index); a marker for a producer
   * without one is written all the same.
   */
  appendTxnMarker(marker: TxnMarker, leaderEpoch: number, now: number): AppendResult {
    const refusal = this.producers.checkMarker(marker);
    if (refusal) return failure(refusal.errorCode, refusal.message, this.logStartOffset);
    const offset = this.logEndOffset;
    const batch = encodeEndTxnMarkerBatch({
      producerId: marker.producerId,
      producerEpoch: marker.producerEpoch,
      baseOffset: BigInt(offset),
      partitionLeaderEpoch: leaderEpoch,
      timestamp: BigInt(now),
      marker,
    });
    this.maybeRoll(batch.length, offset, now);
    const segment = this.activeSegment;
    segment.append(batch, offset, offset, now, now);
    this.leaderEpochs.assign(leaderEpoch, offset);
    const completed = this.producers.endTxn(marker, offset, now);
    if (completed) this.indexAbortedTxn(segment, completed);
    if (!this.replicatedValue) this.setHighWatermark(this.logEndOffset);
    this.unflushedMessages += 1;
    if (this.unflushedMessages >= this.config.flushMessages) this.flush(now);
    for (const listener of this.appendListeners) listener();
    return {
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      baseOffset: offset,
      logAppendTime: -1,
      logStartOffset: this.logStartOffset,
    };
  }

  /**
   * Appends batches whose offsets and leader epochs were assigned by a leader (a follower's fetched batches,
   * or batches the Raft leader built at the log end offset). Each batch must be v2, CRC-valid and internally
   * consistent, and start past the previous one's last offset, the first at or after the log end offset (gaps
   * are legal: a compacted leader's log has them). A partial batch at the end (a Fetch cut at max bytes) is
   * left out. Control batches are accepted: they are the leader's. Nothing is written unless every batch is valid.
   */
  appendAsFollower(records: Buffer, now: number): FollowerAppendResult {
    const fail = (errorCode: number, errorMessage: string): FollowerAppendResult => ({
      errorCode,
      errorMessage,
      firstOffset: -1,
      lastOffset: -1,
    });
    const headers: { header: ReturnType<typeof readBatchHeader>; position: number; size: number }[] = [];
    let expected = this.logEndOffset;
    let position = 0;
    let maxTimestamp = -1;
    while (records.length - position >= BATCH_HEADER_BYTES) {
      const header = readBatchHeader(records, position);
      const size = header.batchLength + LOG_OVERHEAD;
      if (header.batchLength < BATCH_HEADER_BYTES - LOG_OVERHEAD)
        return fail(ErrorCode.CORRUPT_MESSAGE, `Record batch length ${header.batchLength} is too small`);
      if (position + size > records.length) break;
      if (header.magic !== 2) return fail(ErrorCode.CORRUPT_MESSAGE, `Unexpected magic ${header.magic}`);
      if (!verifyBatchCrc(records.subarray(position, position + size)))
        return fail(ErrorCode.CORRUPT_MESSAGE, 'Record batch is corrupt (CRC-32C mismatch)');
      const base = Number(header.baseOffset);
      if (header.lastOffsetDelta < 0)
        return fail(ErrorCode.INVALID_RECORD, `Negative last offset delta ${header.lastOffsetDelta}`);
      if (base < expected)
        return fail(
          ErrorCode.INVALID_RECORD,
          `Batch at offset ${base} overlaps the log, which continues at ${expected}`,
        );
      headers.push({ header, position, size });
      expected = base + header.lastOffsetDelta + 1;
      maxTimestamp = Math.max(maxTimestamp, Number(header.maxTimestamp));
      position += size;
    }
    if (headers.length === 0) return fail(ErrorCode.CORRUPT_MESSAGE, 'No complete record batch to append');
    const bytes = records.subarray(0, position);
    const firstOffset = Number(headers[0]!.header.baseOffset);
    const lastOffset = expected - 1;
    this.maybeRoll(bytes.length, lastOffset, now);
    this.activeSegment.append(bytes, firstOffset, lastOffset, maxTimestamp, now);
    const segment = this.activeSegment;
    for (const { header, position: at, size } of headers) {
      this.leaderEpochs.assign(header.partitionLeaderEpoch, Number(header.baseOffset));
      const completed = this.producers.replay(header, () => records.subarray(at, at + size));
      if (completed) this.indexAbortedTxn(segment, completed);
    }
    this.unflushedMessages += lastOffset - firstOffset + 1;
    if (this.unflushedMessages >= this.config.flushMessages) this.flush(now);
    for (const listener of this.appendListeners) listener();
    return { errorCode: ErrorCode.NONE, errorMessage: null, firstOffset, lastOffset };
  }

  /**
   * Sets the high watermark of a replicated log (clamped to [log start offset, log end offset]). It may move
   * back only through truncation; a lower value here is ignored.
   */
  updateHighWatermark(offset: number): number {
    const clamped = Math.min(Math.max(offset, this.logStartOffset), this.logEndOffset);
    if (clamped > this.highWatermarkValue) {
      this.setHighWatermark(clamped);
      for (const listener of this.appendListeners) listener();
    }
    return this.highWatermarkValue;
  }

  /**
   * The end offset of `epoch` in this log and the epoch it belongs to (Kafka's UnifiedLog.endOffsetForEpoch), or
   * null when the epoch is newer than any in the log.
   */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } | null {
    const answer = this.leaderEpochs.endOffsetFor(epoch, this.logEndOffset);
    return answer.endOffset < 0 ? null : answer;
  }

  /**
   * Removes every batch at or after `offset` (whole batches: one straddling `offset` goes too, so the log may end
   * below it), with their index entries, producer state and leader epochs. The high watermark and recovery point
   * follow the log end offset down. Returns false when there was nothing to remove.
   *
   * Leader epochs starting at or after `offset` go even when no batch does (Kafka's UnifiedLog.truncateTo): a
   * replica that led briefly records its epoch at its log end offset before any append, an epoch the next leader
   * never had; kept, it would make every fetch of this follower diverge at the same place, forever.
   */
  truncateTo(offset: number): boolean {
    if (offset >= this.logEndOffset) {
      this.leaderEpochs.truncateFromEnd(offset);
      return false;
    }
    if (offset < this.logStartOffset) {
      this.truncateFullyAndStartAt(offset);
      return true;
    }
    // Closed segments above `offset` go and the one holding it becomes the active segment, so a cleaning pass
    // reading them finds them gone from closedSegments() at its swap and is dropped (applyCleaning).
    while (this.segments.length > 1 && this.activeSegment.baseOffset > offset) this.segments.pop()!.delete();
    this.activeSegment.truncateToOffset(offset);
    this.cleanerCheckpoint = Math.min(this.cleanerCheckpoint, this.activeSegment.baseOffset);
    this.leaderEpochs.truncateFromEnd(this.logEndOffset);
    this.recoveryPoint = Math.min(this.recoveryPoint, this.logEndOffset);
    this.rebuildProducerState();
    this.setHighWatermark(Math.min(this.highWatermarkValue, this.logEndOffset));
    return true;
  }

  /**
   * Drops the whole log and starts it empty at `offset` (a replica that installs a snapshot, or that is told to
   * start beyond everything it has).
   */
  truncateFullyAndStartAt(offset: number): void {
    for (const segment of this.segments) segment.delete();
    this.segments = [new LogSegment(this.dir, offset, this.segmentConfig)];
    this.logStartOffsetValue = offset;
    this.recoveryPoint = offset;
    this.cleanerCheckpoint = offset;
    this.leaderEpochs.clearAndFlush();
    this.producers.clear();
    this.setHighWatermark(offset);
  }

  private parseIncoming(records: Buffer, now: number): IncomingBatch[] | AppendResult {
    const batches: IncomingBatch[] = [];
    const start = this.logStartOffset;
    let position = 0;
    while (position < records.length) {
      if (records.length - position < BATCH_HEADER_BYTES) {
        return failure(ErrorCode.CORRUPT_MESSAGE, 'Record batch is truncated', start);
      }
      const batchLength = records.readInt32BE(position + 8);
      const size = batchLength + LOG_OVERHEAD;
      if (batchLength < BATCH_HEADER_BYTES - LOG_OVERHEAD || position + size > records.length) {
        return failure(
          ErrorCode.CORRUPT_MESSAGE,
          `Record batch size ${size} does not fit the request`,
          start,
        );
      }
      const batch = records.subarray(position, position + size);
      const header = readBatchHeader(batch, 0);
      if (header.magic !== 2) {
        return failure(
          ErrorCode.CORRUPT_MESSAGE,
          `Unexpected magic ${header.magic} in a v2 record set`,
          start,
        );
      }
      if (size > this.config.maxMessageBytes) {
        return failure(
          ErrorCode.MESSAGE_TOO_LARGE,
          `The record batch size ${size} exceeds max.message.bytes ${this.config.maxMessageBytes}`,
          start,
        );
      }
      if (!verifyBatchCrc(batch)) {
        return failure(ErrorCode.CORRUPT_MESSAGE, 'Record batch is corrupt (CRC-32C mismatch)', start);
      }
      if (header.recordCount <= 0 || header.lastOffsetDelta !== header.recordCount - 1) {
        return failure(
          ErrorCode.INVALID_RECORD,
          `Inconsistent batch: ${header.recordCount} records, last offset delta ${header.lastOffsetDelta}`,
          start,
        );
      }
      if (header.isControl) {
        return failure(ErrorCode.INVALID_RECORD, 'Control batches are written by the broker only', start);
      }
      if (header.isTransactional && header.producerId < 0n) {
        return failure(ErrorCode.INVALID_RECORD, 'A transactional batch needs a producer id', start);
      }
      const maxTimestamp = Number(header.maxTimestamp);
      // Records without a timestamp (-1) are not checked against the bounds, as in Kafka's LogValidator.
      if (this.config.messageTimestampType === 'CreateTime' && maxTimestamp !== NO_TIMESTAMP) {
        const tooOld = maxTimestamp < now - this.config.messageTimestampBeforeMaxMs;
        const tooNew = maxTimestamp > now + this.config.messageTimestampAfterMaxMs;
        if (tooOld || tooNew) {
          return failure(
            ErrorCode.INVALID_TIMESTAMP,
            `Timestamp ${maxTimestamp} is out of range (message.timestamp.${tooOld ? 'before' : 'after'}.max.ms)`,
            start,
          );
        }
      }
      batches.push({
        position,
        size,
        recordCount: header.recordCount,
        maxTimestamp,
        producer:
          header.producerId >= 0n
            ? {
                producerId: header.producerId,
                producerEpoch: header.producerEpoch,
                baseSequence: header.baseSequence,
                recordCount: header.recordCount,
                maxTimestamp,
                isTransactional: header.isTransactional,
              }
            : null,
      });
      position += size;
    }
    if (batches.length === 0)
      return failure(ErrorCode.CORRUPT_MESSAGE, 'Produce request has no record batch', start);
    return batches;
  }

  /**
   * Kafka's roll rules: size, age, full indexes, offsets beyond u32 range. Age counts from the segment's first
   * append on the broker's clock (Kafka uses the first batch's timestamp, which makes producers with old
   * create-times roll a segment per append).
   */
  private maybeRoll(incomingBytes: number, lastOffset: number, now: number): void {
    const active = this.activeSegment;
    if (active.isEmpty) return;
    const tooBig = active.size > this.config.segmentBytes - incomingBytes;
    const tooOld =
      active.firstAppendTime !== null &&
      now - active.firstAppendTime > this.config.segmentMs - this.activeRollJitterMs;
    const indexFull = active.index.isFull || active.timeIndex.isFull;
    if (tooBig || tooOld || indexFull || !active.canHold(incomingBytes, lastOffset)) this.roll(now);
  }

  /**
   * Starts a new active segment at the log end offset. The previous segment is fsync'd in the background, as
   * Kafka does on roll; the recovery point moves past it only once that flush has completed, so a crash in
   * between still recovers the segment.
   */
  roll(now: number): LogSegment {
    const previous = this.activeSegment;
    previous.indexMaxTimestamp();
    const segment = new LogSegment(this.dir, this.logEndOffset, this.segmentConfig);
    this.segments.push(segment);
    this.activeRollJitterMs = this.drawRollJitter();
    previous.flushInBackground((error) => {
      // A truncation meanwhile may have removed the new segment: the recovery point never passes the log's end.
      // After deleteAll there is no log left to recover.
      if (!error && this.segments.length > 0)
        this.recoveryPoint = Math.min(Math.max(this.recoveryPoint, segment.baseOffset), this.logEndOffset);
      // Closed segments are only read: their indexes need no descriptors (the log file keeps its one).
      if (this.segments.includes(previous)) previous.releaseIndexes();
    });
    this.lastFlushTime = now;
    return segment;
  }

  /**
   * Reads batches from `fetchOffset` for a consumer (up to the high watermark, or for read_committed up to the
   * LSO, with the aborted transactions overlapping what it reads) or a replica (up to the log end offset).
   */
  read(fetchOffset: number, maxBytes: number, minOneBatch: boolean, upTo: ReadLimit): ReadResult {
    const lastStableOffset = this.lastStableOffset;
    const committed = upTo === 'lastStable';
    const result = (errorCode: number, records: Buffer): ReadResult => ({
      errorCode,
      records,
      highWatermark: this.highWatermark,
      logStartOffset: this.logStartOffset,
      lastStableOffset,
      abortedTransactions:
        committed && errorCode === ErrorCode.NONE ? this.abortedTransactionsOf(fetchOffset, records) : null,
    });
    const limit =
      upTo === 'highWatermark' ? this.highWatermark : committed ? lastStableOffset : this.logEndOffset;
    if (fetchOffset < this.logStartOffset || fetchOffset > this.logEndOffset) {
      return result(ErrorCode.OFFSET_OUT_OF_RANGE, EMPTY);
    }
    if (fetchOffset >= limit) return result(ErrorCode.NONE, EMPTY);
    let index = this.segments.findLastIndex((s) => s.baseOffset <= fetchOffset);
    if (index < 0) index = 0;
    for (; index < this.segments.length; index++) {
      const segment = this.segments[index]!;
      const first = segment.findBatch(fetchOffset);
      if (!first) continue;
      if (first.baseOffset >= limit) return result(ErrorCode.NONE, EMPTY);
      // Stop at the limit: batches past it (appended but not yet committed) must not be served.
      let end = segment.size;
      if (limit < segment.nextOffset) end = segment.findBatch(limit)?.position ?? segment.size;
      let length = Math.min(maxBytes, end - first.position);
      if (length < first.size && minOneBatch) length = first.size;
      if (length <= 0) return result(ErrorCode.NONE, EMPTY);
      return result(ErrorCode.NONE, segment.readBytes(first.position, length));
    }
    return result(ErrorCode.NONE, EMPTY);
  }

  /**
   * The aborted transactions a read_committed consumer needs for `records` read from `fetchOffset`: those whose
   * range overlaps [fetchOffset, the end of the last batch read). Only batch headers of the read are looked at.
   */
  private abortedTransactionsOf(
    fetchOffset: number,
    records: Buffer,
  ): { producerId: bigint; firstOffset: bigint }[] {
    if (records.length === 0) return [];
    let upperBound = fetchOffset;
    for (let at = 0; at + BATCH_HEADER_BYTES <= records.length;) {
      upperBound =
        Number(records.readBigInt64BE(at)) + records.readInt32BE(at + LAST_OFFSET_DELTA_OFFSET) + 1;
      at += records.readInt32BE(at + 8) + LOG_OVERHEAD;
    }
    return this.collectAbortedTransactions(fetchOffset, upperBound).map((txn) => ({
      producerId: txn.producerId,
      firstOffset: BigInt(txn.firstOffset),
    }));
  }

  /**
   * Kafka's UnifiedLog.collectAbortedTransactions: every aborted transaction with lastOffset >= `startOffset` and
   * firstOffset < `upperBoundOffset`, from the segment holding `startOffset` on (an entry lives in its marker's
   * segment, at or after the transaction's data), until an entry's last stable offset shows no later one can overlap.
   */
  collectAbortedTransactions(startOffset: number, upperBoundOffset: number): AbortedTxn[] {
    const found: AbortedTxn[] = [];
    let index = this.segments.findLastIndex((s) => s.baseOffset <= startOffset);
    if (index < 0) index = 0;
    for (; index < this.segments.length; index++) {
      if (this.segments[index]!.txnIndex.collect(startOffset, upperBoundOffset, found)) break;
    }
    return found;
  }

  /**
   * The first record whose timestamp is at or after `timestamp` (ListOffsets by time), or null. The time index
   * finds the batch; the batch is decoded to find the record, as Kafka does.
   */
  async offsetForTimestamp(timestamp: number): Promise<OffsetAndTimestamp | null> {
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestamp) continue;
      let position = segment.findBatchByTimestamp(timestamp)?.position;
      while (position !== undefined) {
        const batch = segment.batchAt(position);
        if (!batch) break;
        const { records } = await decodeRecordBatch(segment.readBytes(batch.position, batch.size));
        const found = records.find(
          (r) => r.timestamp >= BigInt(timestamp) && r.offset >= BigInt(this.logStartOffset),
        );
        if (found) return { offset: Number(found.offset), timestamp: Number(found.timestamp) };
        position += batch.size;
      }
    }
    return null;
  }

  /**
   * The timestamp of the first record at or after `offset` (the next record a consumer positioned there would
   * read; compaction may have removed the record at `offset` itself), or null when that is at or past the high
   * watermark. Offsets below the log start offset read from the log start offset. A LogAppendTime batch stamps
   * every record with its max timestamp, read from the header; a CreateTime batch is decoded, since a record's
   * timestamp is a delta inside the (possibly compressed) records.
   */
  async timestampAtOffset(offset: number): Promise<number | null> {
    const from = Math.max(offset, this.logStartOffset);
    if (from >= this.highWatermark) return null;
    let index = this.segments.findLastIndex((s) => s.baseOffset <= from);
    if (index < 0) index = 0;
    for (; index < this.segments.length; index++) {
      const segment = this.segments[index]!;
      let batch = segment.findBatch(from);
      while (batch && batch.baseOffset < this.highWatermark) {
        const bytes = segment.readBytes(batch.position, batch.size);
        const header = readBatchHeader(bytes, 0);
        if (!header.isControl) {
          if (header.timestampType === TimestampType.LogAppendTime) return Number(header.maxTimestamp);
          const { records } = await decodeRecordBatch(bytes);
          const found = records.find((r) => r.offset >= BigInt(from));
          if (found) return Number(found.timestamp);
        }
        batch = segment.batchAt(batch.position + batch.size);
      }
      if (batch) return null;
    }
    return null;
  }

  /**
   * ListOffsets MAX_TIMESTAMP (KIP-734) as Kafka 3.9's UnifiedLog.fetchOffsetByTimestamp answers it: in the
   * first segment with the largest timestamp, the batch that holds it, and in that batch the first record whose
   * timestamp is the batch's max timestamp (KAFKA-16310: the record, not the batch's last offset). In a
   * LogAppendTime batch every record carries the max timestamp, so that is its first record. The leader epoch is
   * the batch's. A log without timestamps answers its first record with timestamp -1; an empty log, null.
   * Segments track their largest timestamp, so this reads one batch, never the whole log.
   */
  async offsetOfMaxTimestamp(): Promise<OffsetTimestampAndEpoch | null> {
    let segment = this.segments[0]!;
    for (const candidate of this.segments) {
      if (candidate.maxTimestamp > segment.maxTimestamp) segment = candidate;
    }
    const batch = segment.batchOfMaxTimestamp();
    if (!batch) return null;
    const { header, records } = await decodeRecordBatch(segment.readBytes(batch.position, batch.size));
    const record = records.find((r) => r.timestamp === header.maxTimestamp);
    if (!record) return null;
    return {
      offset: Number(record.offset),
      timestamp: Number(header.maxTimestamp),
      leaderEpoch: header.partitionLeaderEpoch >= 0 ? header.partitionLeaderEpoch : -1,
    };
  }

  /** DeleteRecords: moves the log start offset forward and drops segments wholly below it. */
  deleteRecordsBefore(offset: number): { errorCode: number; lowWatermark: number } {
    if (offset > this.highWatermark || offset < 0) {
      return { errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, lowWatermark: this.logStartOffset };
    }
    if (offset > this.logStartOffset) {
      this.logStartOffsetValue = offset;
      this.deleteSegmentsWhile((segment, next) => next !== undefined && next.baseOffset <= offset);
    }
    return { errorCode: ErrorCode.NONE, lowWatermark: this.logStartOffset };
  }

  /**
   * Retention: deletes whole segments past retention.ms or beyond retention.bytes; never the active one, never
   * one holding offsets at or past the high watermark (Kafka's deletableSegments: the log start offset never
   * passes it), and only when cleanup.policy includes delete (a compact-only topic keeps every key's latest
   * record forever). As in Kafka, the LSO does not hold retention back: an ongoing transaction whose first
   * records are deleted stays ongoing, and the first unstable offset becomes the log start offset.
   */
  enforceRetention(now: number): number {
    let deleted = 0;
    if (!this.config.cleanupPolicy.includes('delete')) return 0;
    const belowHighWatermark = (next: LogSegment | undefined): next is LogSegment =>
      next !== undefined && next.baseOffset <= this.highWatermark;
    if (this.config.retentionMs >= 0) {
      deleted += this.deleteSegmentsWhile(
        (segment, next) =>
          belowHighWatermark(next) && now - segment.largestTimestamp > this.config.retentionMs,
      );
    }
    if (this.config.retentionBytes >= 0) {
      let excess = this.size - this.config.retentionBytes;
      deleted += this.deleteSegmentsWhile((segment, next) => {
        if (!belowHighWatermark(next) || excess < segment.size) return false;
        excess -= segment.size;
        return true;
      });
    }
    return deleted;
  }

  private deleteSegmentsWhile(
    predicate: (segment: LogSegment, next: LogSegment | undefined) => boolean,
  ): number {
    let count = 0;
    while (this.segments.length > 1 && predicate(this.segments[0]!, this.segments[1])) {
      this.segments.shift()!.delete();
      count++;
    }
    this.logStartOffsetValue = Math.max(this.logStartOffsetValue, this.segments[0]!.baseOffset);
    this.leaderEpochs.truncateFromStart(this.logStartOffsetValue);
    // Kafka's onLogStartOffsetIncremented: completed transactions wholly below the log start are gone.
    this.producers.removeUnreplicatedTransactions(this.logStartOffsetValue);
    return count;
  }

  private drawRollJitter(): number {
    const bound = Math.min(this.config.segmentJitterMs, this.config.segmentMs);
    return bound > 0 && Number.isFinite(bound) ? Math.floor(Math.random() * bound) : 0;
  }

  get logConfig(): LogConfig {
    return this.config;
  }

  /** Every segment but the active one: what the log cleaner may rewrite. */
  closedSegments(): readonly LogSegment[] {
    return this.segments.slice(0, -1);
  }

  /**
   * Replaces `olds` (adjacent closed segments) with one segment holding `batches`, at the first one's base
   * offset: writeCleanedSegment, then swapInCleanedSegment (cleaned-segment.ts states the crash safety). Returns
   * false when the segments are no longer all in the log (retention or DeleteRecords removed some meanwhile).
   * `abortedTxns` become the new segment's .txnindex.
   */
  swapCleanedSegments(
    olds: readonly LogSegment[],
    batches: Buffer[],
    now: number,
    abortedTxns: readonly AbortedTxn[] = [],
  ): boolean {
    if (!this.holdsClosed(olds)) return false;
    const end = olds.at(-1)!.nextOffset;
    const dir = writeCleanedSegment(
      this.dir,
      olds[0]!.baseOffset,
      end,
      batches,
      abortedTxns,
      this.segmentConfig,
      now,
    );
    return this.swapInCleanedSegment(olds, dir, abortedTxns.length > 0);
  }

  /** Whether `segments` are adjacent closed segments of this log, in order. */
  private holdsClosed(segments: readonly LogSegment[]): boolean {
    const at = this.segments.indexOf(segments[0]!);
    const last = at + segments.length - 1;
    return (
      at >= 0 && last < this.segments.length - 1 && segments.every((s, i) => this.segments[at + i] === s)
    );
  }

  /**
   * The commit of a swap: the cleaned segment written to `cleanedDir` (writeCleanedSegment) replaces `olds`.
   * False, and the directory removed, when `olds` are no longer all in the log.
   */
  swapInCleanedSegment(olds: readonly LogSegment[], cleanedDir: string, withTxnIndex: boolean): boolean {
    if (!this.holdsClosed(olds)) {
      rmSync(cleanedDir, { recursive: true, force: true });
      return false;
    }
    const at = this.segments.indexOf(olds[0]!);
    const first = olds[0]!;
    const nextOffset = olds.at(-1)!.nextOffset;
    // The first old .log stays open across the rename over it, so that its blocks are freed by the close in the
    // thread pool and not inside the rename on this thread; the other old segments' files go the same way
    // (LogSegment.delete). Only renames and small files are done here, between requests.
    first.closeIndexes();
    for (const suffix of ['.index', '.timeindex'] as const)
      rmSync(join(this.dir, segmentFileName(first.baseOffset, suffix)), { force: true });
    for (const suffix of SEGMENT_FILE_SUFFIXES) {
      const name = segmentFileName(first.baseOffset, suffix);
      if (existsSync(join(cleanedDir, name))) renameSync(join(cleanedDir, name), join(this.dir, name));
    }
    first.closeLogInBackground();
    if (!withTxnIndex)
      rmSync(join(this.dir, segmentFileName(first.baseOffset, '.txnindex')), { force: true });
    for (const old of olds.slice(1)) old.delete();
    rmSync(cleanedDir, { recursive: true, force: true });
    const replacement = new LogSegment(this.dir, first.baseOffset, this.segmentConfig);
    // A scan rebuilds exact timestamps; the segment still ends where the last one did, even if its last records went.
    replacement.recover();
    replacement.nextOffset = nextOffset;
    replacement.releaseIndexes();
    this.segments.splice(at, olds.length, replacement);
    return true;
  }

  /** fsyncs the active segment when flush.ms has elapsed since the last flush. */
  maybeFlushOnTime(now: number): void {
    if (this.unflushedMessages > 0 && now - this.lastFlushTime >= this.config.flushMs) this.flush(now);
  }

  flush(now: number): void {
    this.activeSegment.flush();
    this.recoveryPoint = this.logEndOffset;
    this.unflushedMessages = 0;
    this.lastFlushTime = now;
  }

  /** Closes the segments; `withSnapshot` (a clean shutdown, after a flush) also saves the producer state. */
  close(withSnapshot = false): void {
    if (withSnapshot)
      writeFileDurably(
        join(this.dir, PRODUCER_SNAPSHOT_FILE),
        `${this.logEndOffset}\n${this.producers.toSnapshot()}`,
      );
    for (const segment of this.segments) segment.close();
  }

  /** Closes and removes every segment (topic deletion); the directory is removed by the log manager. */
  deleteAll(): void {
    for (const segment of this.segments) segment.delete();
    this.segments = [];
  }
}

const EMPTY = Buffer.alloc(0);
/** Kafka's RecordBatch.NO_TIMESTAMP: a batch whose records carry no timestamp. */
const NO_TIMESTAMP = -1;
/** The producer state at the last clean shutdown: the log end offset it describes, a newline, then the state. */
const PRODUCER_SNAPSHOT_FILE = 'producer-state.snapshot';
const ATTRIBUTES_OFFSET = 21;
const LAST_OFFSET_DELTA_OFFSET = 23;
const MAX_TIMESTAMP_OFFSET = 35;
const TIMESTAMP_TYPE_BIT = 0x08;
