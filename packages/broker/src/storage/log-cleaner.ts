/**
 * Log compaction for topics whose cleanup.policy includes "compact" (Kafka's LogCleaner and CleanerThread).
 *
 * A pass over one partition:
 * 1. the dirty section runs from the cleaner checkpoint (first dirty offset) to the first uncleanable offset:
 *    the active segment, segments reaching the LSO (nothing undecided is ever cleaned), segments holding records
 *    younger than min.compaction.lag.ms, and whatever does not fit the key map (log.cleaner.dedupe.buffer.size)
 *    stay uncleaned;
 * 2. a map from each key to its last offset is built over the dirty section, leaving out aborted transactions;
 * 3. every closed segment below the first uncleanable offset is rewritten keeping, for each key, only records
 *    at or after the offset the map holds (keys the map does not hold were cleaned before and are kept);
 *    records without a key are dropped; a tombstone (null value) is dropped once it was already below the
 *    previous first dirty offset and its batch is older than delete.retention.ms, so consumers that were behind
 *    see the deletion first; batches of aborted transactions are dropped (cleaned-transactions.ts);
 *    adjacent segments that together fit in segment.bytes are written as one (Kafka's groupSegmentsBySize);
 * 4. the checkpoint moves to the first uncleanable offset.
 *
 * Transaction markers, as Kafka's cleanInto: a marker stays while any batch of its transaction is left (an
 * ABORT keeps its .txnindex entry then); once none is, the marker is rewritten with a delete horizon (now +
 * delete.retention.ms, the batch's delete-horizon attribute) and a later pass past the horizon removes it. A
 * marker that is the last batch of its producer in the log, at the producer's epoch, stays (it holds the epoch
 * that fences). Unlike Kafka, a producer's last data batch is not kept as an empty batch when its records go:
 * the producer's sequence then lives on in the producer state and its snapshot, not in the log.
 *
 * Invariants: every kept record keeps its offset (batches are re-encoded with their original base offset,
 * last offset delta, producer fields and compression); a batch nothing was removed from is kept byte for byte;
 * a pass runs when the cleanable ratio (cleanable bytes / (clean + cleanable bytes), Kafka's cleanableRatio) is
 * above min.cleanable.dirty.ratio, or when max.compaction.lag.ms has passed for the first batch of the first dirty
 * segment and something is cleanable; a batch failing its CRC stops the pass (the log is marked uncleanable).
 *
 * Threads: snapshotCleaning takes, on the main thread, everything the pass decides from (the cleanable range, the
 * aborted transactions, the producers' last records, the config, a read-only descriptor per segment);
 * compactSegments (steps 1-3, on a cleaner thread or inline) reads only those descriptors and writes each group's
 * cleaned copy to a directory of its own (cleaned-segment.ts); applyCleaning swaps them in on the main thread, one
 * group per turn of the event loop, after checking that every segment read and not yet swapped is still
 * in the log (retention, DeleteRecords or truncation since the snapshot drop the pass), then moves the checkpoint.
 */
import { closeSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  TimestampType,
  decodeRecordBatch,
  encodeRecordBatch,
  readBatchHeader,
  rewriteBatchCrc,
  type RecordBatchHeader,
} from '@sluice/protocol';
import { CleanedTransactions } from './cleaned-transactions.ts';
import { writeCleanedSegment } from './cleaned-segment.ts';
import { CleanerThrottle, batchesOf, type SegmentToClean } from './cleaner-io.ts';
import { segmentFileName, type LogSegment, type SegmentConfig } from './log-segment.ts';
import type { PartitionLog } from './partition-log.ts';
import type { AbortedTxn } from './transaction-index.ts';

/** Roughly what one key map entry costs (a hashed key and an offset), as Kafka sizes its dedupe buffer. */
const MAP_ENTRY_BYTES = 24;
const ATTRIBUTES_OFFSET = 21;
/** Kafka's DELETE_HORIZON_FLAG_MASK: the batch's base timestamp is the time after which it may be deleted. */
const DELETE_HORIZON_BIT = 0x40;

export interface CleaningResult {
  segmentsCleaned: number;
  bytesBefore: number;
  bytesAfter: number;
  recordsRemoved: number;
  /** The new first dirty offset. */
  cleanedUpTo: number;
}

/**
 * Kafka's groupSegmentsBySize: runs of adjacent segments whose bytes together fit in segment.bytes (and whose
 * offsets a u32 relative offset reaches) are cleaned into one, so a compacted log does not keep every small
 * segment it ever rolled. `end` is the offset after the last segment.
 */
export function groupBySize<S extends { baseOffset: number; size: number }>(
  segments: readonly S[],
  end: number,
  maxBytes: number,
): S[][] {
  const groups: S[][] = [];
  let i = 0;
  while (i < segments.length) {
    const group = [segments[i]!];
    let bytes = segments[i]!.size;
    i++;
    while (i < segments.length) {
      const next = segments[i]!;
      const lastOffset = (segments[i + 1]?.baseOffset ?? end) - 1;
      if (bytes + next.size > maxBytes || lastOffset - group[0]!.baseOffset > 0xffffffff) break;
      group.push(next);
      bytes += next.size;
      i++;
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Kafka's LogCleanerManager.cleanableOffsets and LogToClean, over the closed segments (the active segment is
 * never cleaned): a segment is clean when it ends at or below the first dirty offset, cleanable when it is dirty
 * and ends at or below the first uncleanable offset, and uncleanable after that.
 */
export interface CleanableRange {
  /** The cleaner checkpoint, or the log start offset when the checkpoint is outside the log. */
  firstDirtyOffset: number;
  /**
   * Where cleaning must stop: the first dirty segment that reaches past the LSO (nothing undecided is cleaned) or
   * holds records younger than min.compaction.lag.ms, else the active segment's base offset.
   */
  firstUncleanableOffset: number;
  cleanBytes: number;
  cleanableBytes: number;
  /** Dirty bytes the cleaner may not touch yet (LSO, min.compaction.lag.ms). */
  uncleanableBytes: number;
  /** cleanableBytes / (cleanBytes + cleanableBytes), 0 when both are 0 (Kafka's LogToClean.cleanableRatio). */
  ratio: number;
  /** The first batch's max timestamp of the first dirty segment (Kafka's getFirstBatchTimestamp); -1 if none. */
  firstDirtyTimestamp: number;
  /** The largest timestamp of the first dirty segment, -1 when there is no dirty segment. */
  firstDirtySegmentLargestTimestamp: number;
}

export function cleanableRange(log: PartitionLog, now: number): CleanableRange {
  const config = log.logConfig;
  const closed = log.closedSegments();
  const checkpoint = log.cleanerCheckpoint;
  const firstDirtyOffset =
    checkpoint < log.logStartOffset || checkpoint > log.logEndOffset ? log.logStartOffset : checkpoint;
  const lastStableOffset = log.lastStableOffset;
  const range: CleanableRange = {
    firstDirtyOffset,
    firstUncleanableOffset: log.activeSegment.baseOffset,
    cleanBytes: 0,
    cleanableBytes: 0,
    uncleanableBytes: 0,
    ratio: 0,
    firstDirtyTimestamp: -1,
    firstDirtySegmentLargestTimestamp: -1,
  };
  let blocked = false;
  closed.forEach((segment, i) => {
    const end = closed[i + 1]?.baseOffset ?? log.activeSegment.baseOffset;
    if (end <= firstDirtyOffset) {
      range.cleanBytes += segment.size;
      return;
    }
    if (range.firstDirtySegmentLargestTimestamp < 0 && range.firstDirtyTimestamp < 0) {
      range.firstDirtyTimestamp = segment.batchAt(0)?.maxTimestamp ?? -1;
      range.firstDirtySegmentLargestTimestamp = segment.largestTimestamp;
    }
    if (!blocked && (end > lastStableOffset || now - segment.largestTimestamp < config.minCompactionLagMs)) {
      blocked = true;
      range.firstUncleanableOffset = Math.max(segment.baseOffset, firstDirtyOffset);
    }
    if (blocked) range.uncleanableBytes += segment.size;
    else range.cleanableBytes += segment.size;
  });
  const total = range.cleanBytes + range.cleanableBytes;
  range.ratio = total === 0 ? 0 : range.cleanableBytes / total;
  return range;
}

/** When max.compaction.lag.ms makes the log due: its oldest dirty record is older than that; null if never. */
export function maxCompactionLagDeadline(log: PartitionLog, range: CleanableRange): number | null {
  return range.firstDirtyTimestamp >= 0 ? range.firstDirtyTimestamp + log.logConfig.maxCompactionLagMs : null;
}

/**
 * Whether a compacted log is due for a pass, as Kafka's grabFilthiestCompactedLog decides: it has cleanable bytes,
 * and its cleanable ratio is above min.cleanable.dirty.ratio or its oldest dirty record is older than
 * max.compaction.lag.ms.
 */
export function isDue(
  log: PartitionLog,
  range: CleanableRange,
  now: number,
): 'dirty-ratio' | 'max-compaction-lag' | null {
  if (range.cleanableBytes === 0) return null;
  if (range.ratio > log.logConfig.minCleanableDirtyRatio) return 'dirty-ratio';
  const deadline = maxCompactionLagDeadline(log, range);
  return deadline !== null && now > deadline ? 'max-compaction-lag' : null;
}

/** Whether the log is due for a pass (its policy compacts, and it is dirty or overdue enough). */
export function needsCleaning(log: PartitionLog, now: number): boolean {
  if (!log.logConfig.cleanupPolicy.includes('compact')) return false;
  return isDue(log, cleanableRange(log, now), now) !== null;
}

/**
 * Everything a pass decides from, taken on the main thread at one moment, so the pass can run on a worker thread:
 * the closed segments up to the first uncleanable offset (each with its own read-only descriptor), the aborted
 * transactions and the producers' last records from the in-memory state, and the log's configuration.
 */
export interface CleaningTask {
  now: number;
  /** The partition directory: each group's cleaned copy is written to a directory of its own in it. */
  dir: string;
  segmentConfig: SegmentConfig;
  firstDirtyOffset: number;
  firstUncleanableOffset: number;
  segments: SegmentToClean[];
  /** Aborted transactions from the first dirty offset to the log end (for the key map). */
  dirtyAbortedTxns: AbortedTxn[];
  /** Aborted transactions from the first segment to the first uncleanable offset (for the rewrite). */
  abortedTxns: AbortedTxn[];
  lastRecordsOfProducers: Map<bigint, { lastDataOffset: number; epoch: number }>;
  segmentBytes: number;
  deleteRetentionMs: number;
  dedupeBufferBytes: number;
  /** The state of the throttle all cleaner threads share (CleanerThrottle; log.cleaner.io.max.bytes.per.second). */
  throttle: SharedArrayBuffer;
}

/**
 * What a pass produced: for each group of segments whose cleaning changed something, the directory its cleaned
 * copy was written to (cleaned-segment.ts), to be swapped in.
 */
export interface CleaningPlan {
  groups: {
    baseOffsets: number[];
    bytesBefore: number;
    /** null when nothing in the group changed: it stays as it is. */
    cleaned: { dir: string; bytes: number; withTxnIndex: boolean } | null;
  }[];
  recordsRemoved: number;
  cleanedUpTo: number;
}

export interface CleanerOptions {
  /** log.cleaner.dedupe.buffer.size */
  dedupeBufferBytes: number;
  /** The cleaner's I/O throttle (log.cleaner.io.max.bytes.per.second); none when absent. */
  throttle?: CleanerThrottle;
}

/** A task and the segments it was taken from (kept on the main thread: the swap checks they are still the log's). */
export interface CleaningSnapshot {
  task: CleaningTask;
  segments: readonly LogSegment[];
}

/**
 * Step 0, on the main thread: the snapshot a pass works from, or null when nothing is cleanable. The caller
 * closes the descriptors with releaseTask once the pass is over.
 */
export function snapshotCleaning(
  log: PartitionLog,
  now: number,
  options: CleanerOptions,
): CleaningSnapshot | null {
  const config = log.logConfig;
  const range = cleanableRange(log, now);
  if (range.firstUncleanableOffset <= range.firstDirtyOffset) return null;
  const closed = log.closedSegments();
  const segments: SegmentToClean[] = [];
  const originals: LogSegment[] = [];
  try {
    for (let i = 0; i < closed.length; i++) {
      const end = closed[i + 1]?.baseOffset ?? log.activeSegment.baseOffset;
      if (end > range.firstUncleanableOffset) break;
      const segment = closed[i]!;
      const path = join(segment.dir, segmentFileName(segment.baseOffset, '.log'));
      segments.push({ fd: openSync(path, 'r'), baseOffset: segment.baseOffset, size: segment.size, end });
      originals.push(segment);
    }
  } catch (error) {
    for (const segment of segments) closeSync(segment.fd);
    throw error;
  }
  const task: CleaningTask = {
    now,
    dir: log.dir,
    segmentConfig: log.segmentConfig,
    firstDirtyOffset: range.firstDirtyOffset,
    firstUncleanableOffset: range.firstUncleanableOffset,
    segments,
    dirtyAbortedTxns: log.collectAbortedTransactions(range.firstDirtyOffset, log.logEndOffset),
    abortedTxns: log.collectAbortedTransactions(segments[0]?.baseOffset ?? 0, range.firstUncleanableOffset),
    lastRecordsOfProducers: log.producers.lastRecordsOfProducers(),
    segmentBytes: config.segmentBytes,
    deleteRetentionMs: config.deleteRetentionMs,
    dedupeBufferBytes: options.dedupeBufferBytes,
    throttle: (options.throttle ?? CleanerThrottle.create(Infinity)).buffer,
  };
  return { task, segments: originals };
}

export function releaseTask(task: CleaningTask): void {
  for (const segment of task.segments) closeSync(segment.fd);
}

/**
 * Steps 1-3, on any thread: reads the segments and writes their cleaned copies, each group to a directory of its
 * own (cleaned-segment.ts); touches no segment of the log and no log state.
 */
export async function compactSegments(task: CleaningTask): Promise<CleaningPlan | null> {
  const { segments } = task;
  const previousCheckpoint = task.firstDirtyOffset;
  const throttler = CleanerThrottle.attach(task.throttle);

  // 1-2: the key map over the dirty section, stopping where the map is full.
  const capacity = Math.max(1, Math.floor(task.dedupeBufferBytes / MAP_ENTRY_BYTES));
  const latest = new Map<string, number>();
  let firstUncleanable = previousCheckpoint;
  const dirtyTransactions = new CleanedTransactions(task.dirtyAbortedTxns);
  for (const segment of segments) {
    if (segment.end <= previousCheckpoint) continue;
    const keys = new Map<string, number>();
    for await (const bytes of batchesOf(segment, throttler)) {
      const header = readBatchHeader(bytes, 0);
      if (header.isControl) {
        dirtyTransactions.onControlBatchRead(header, bytes);
        continue;
      }
      if (dirtyTransactions.onBatchRead(header)) continue;
      for (const record of (await decodeRecordBatch(bytes)).records) {
        if (record.key) keys.set(record.key.toString('latin1'), Number(record.offset));
      }
    }
    if (latest.size + keys.size > capacity && latest.size > 0) break;
    for (const [key, offset] of keys) latest.set(key, offset);
    firstUncleanable = segment.end;
  }
  if (firstUncleanable <= previousCheckpoint) return null;

  // 3: rewrite every closed segment below the first uncleanable offset.
  const plan: CleaningPlan = { groups: [], recordsRemoved: 0, cleanedUpTo: firstUncleanable };
  try {
    await rewriteGroups(task, segments, latest, plan, throttler);
  } catch (error) {
    for (const group of plan.groups)
      if (group.cleaned) rmSync(group.cleaned.dir, { recursive: true, force: true });
    throw error;
  }
  return plan;
}

/** Step 3 for every group of segments below `firstUncleanable`, each written to its directory as it is done. */
async function rewriteGroups(
  task: CleaningTask,
  segments: readonly SegmentToClean[],
  latest: ReadonlyMap<string, number>,
  plan: CleaningPlan,
  throttler: CleanerThrottle,
): Promise<void> {
  const { now } = task;
  const previousCheckpoint = task.firstDirtyOffset;
  const firstUncleanable = plan.cleanedUpTo;
  const cleanable = segments.filter((segment) => segment.end <= firstUncleanable);
  const transactions = new CleanedTransactions(task.abortedTxns);
  const lastRecordsOfProducers = task.lastRecordsOfProducers;
  for (const group of groupBySize(cleanable, firstUncleanable, task.segmentBytes)) {
    const kept: Buffer[] = [];
    const abortedTxns: AbortedTxn[] = [];
    transactions.cleanedIndex = abortedTxns;
    let changed = group.length > 1;
    // One batch at a time from disk: only what is kept is held, at most segment.bytes for the group.
    for (const segment of group) {
      for await (const bytes of batchesOf(segment, throttler)) {
        const header = readBatchHeader(bytes, 0);
        if (header.isControl) {
          const canDiscard = transactions.onControlBatchRead(header, bytes);
          const last = lastRecordsOfProducers.get(header.producerId);
          const lastOfProducer =
            last !== undefined && last.lastDataOffset < 0 && last.epoch === header.producerEpoch;
          if (!canDiscard || lastOfProducer || header.producerId < 0n) {
            kept.push(bytes);
          } else if (!header.hasDeleteHorizon) {
            kept.push(await withDeleteHorizon(bytes, header, now + task.deleteRetentionMs));
            changed = true;
          } else if (Number(header.baseTimestamp) > now) {
            kept.push(bytes);
          } else {
            plan.recordsRemoved += header.recordCount;
            changed = true;
          }
          continue;
        }
        if (transactions.onBatchRead(header)) {
          plan.recordsRemoved += header.recordCount;
          changed = true;
          continue;
        }
        const { records } = await decodeRecordBatch(bytes);
        const tombstonesExpire = now - Number(header.maxTimestamp) > task.deleteRetentionMs;
        const retained = records.filter((record) => {
          if (!record.key) return false;
          const offset = Number(record.offset);
          const last = latest.get(record.key.toString('latin1'));
          if (last !== undefined && offset < last) return false;
          return !(record.value === null && offset < previousCheckpoint && tombstonesExpire);
        });
        plan.recordsRemoved += records.length - retained.length;
        if (retained.length === records.length) {
          kept.push(bytes);
          continue;
        }
        changed = true;
        if (retained.length === 0) continue;
        const rewritten = await encodeRecordBatch({
          records: retained.map((r) => ({
            key: r.key,
            value: r.value,
            headers: r.headers,
            timestamp: r.timestamp,
            offsetDelta: Number(r.offset - header.baseOffset),
          })),
          baseOffset: header.baseOffset,
          partitionLeaderEpoch: header.partitionLeaderEpoch,
          compression: header.compression,
          timestampType: header.timestampType === TimestampType.LogAppendTime ? 1 : 0,
          isTransactional: header.isTransactional,
          baseTimestamp: header.baseTimestamp,
          ...(header.timestampType === TimestampType.LogAppendTime
            ? { maxTimestamp: header.maxTimestamp }
            : {}),
          producerId: header.producerId,
          producerEpoch: header.producerEpoch,
          baseSequence: header.baseSequence,
          lastOffsetDelta: header.lastOffsetDelta,
        });
        await throttler.maybeThrottle(rewritten.length);
        kept.push(rewritten);
      }
    }
    const first = group[0]!.baseOffset;
    plan.groups.push({
      baseOffsets: group.map((segment) => segment.baseOffset),
      bytesBefore: group.reduce((sum, segment) => sum + segment.size, 0),
      cleaned: changed
        ? {
            dir: writeCleanedSegment(
              task.dir,
              first,
              group.at(-1)!.end,
              kept,
              abortedTxns,
              task.segmentConfig,
              now,
            ),
            bytes: kept.reduce((sum, b) => sum + b.length, 0),
            withTxnIndex: abortedTxns.length > 0,
          }
        : null,
    });
  }
}

/**
 * Step 3's swaps and step 4, on the main thread: each changed group replaces its segments (crash-safe, see
 * PartitionLog.swapCleanedSegments), one group per turn of the event loop so requests are served between them;
 * then the checkpoint moves. Before each swap every segment of the snapshot not swapped yet must still be in the
 * log: the key map that decided what goes came from them. Null when they changed (retention, DeleteRecords,
 * truncation): the rest of the pass is dropped (groups already swapped stay, each a correct cleaning) and the next
 * pass starts over from the unchanged checkpoint.
 */
export async function applyCleaning(
  log: PartitionLog,
  snapshot: CleaningSnapshot,
  plan: CleaningPlan,
): Promise<CleaningResult | null> {
  const result: CleaningResult = {
    segmentsCleaned: 0,
    bytesBefore: 0,
    bytesAfter: 0,
    recordsRemoved: plan.recordsRemoved,
    cleanedUpTo: plan.cleanedUpTo,
  };
  const unswapped = new Set(snapshot.segments);
  try {
    for (const group of plan.groups) {
      const { cleaned } = group;
      if (cleaned && result.segmentsCleaned > 0) await new Promise((resolve) => setImmediate(resolve));
      const closed = new Set(log.closedSegments());
      if ([...unswapped].some((segment) => !closed.has(segment))) return null;
      result.bytesBefore += group.bytesBefore;
      const olds = group.baseOffsets.map((base) => snapshot.segments.find((s) => s.baseOffset === base)!);
      for (const old of olds) unswapped.delete(old);
      if (!cleaned) {
        result.bytesAfter += group.bytesBefore;
        continue;
      }
      if (!log.swapInCleanedSegment(olds, cleaned.dir, cleaned.withTxnIndex)) return null;
      result.segmentsCleaned += group.baseOffsets.length;
      result.bytesAfter += cleaned.bytes;
    }
  } finally {
    // Copies not swapped in (the pass was dropped) go; swapped ones are already gone.
    for (const group of plan.groups)
      if (group.cleaned) rmSync(group.cleaned.dir, { recursive: true, force: true });
  }
  log.cleanerCheckpoint = plan.cleanedUpTo;
  return result;
}

/** Runs one compaction pass over a log on this thread; null when there was nothing cleanable. */
export async function cleanLog(
  log: PartitionLog,
  now: number,
  options: CleanerOptions,
): Promise<CleaningResult | null> {
  const snapshot = snapshotCleaning(log, now, options);
  if (!snapshot) return null;
  try {
    const plan = await compactSegments(snapshot.task);
    return plan && (await applyCleaning(log, snapshot, plan));
  } finally {
    releaseTask(snapshot.task);
  }
}

/**
 * A marker batch rewritten with a delete horizon (Kafka's MemoryRecords.filterTo with deleteHorizonMs): the base
 * timestamp becomes the horizon and the delete-horizon attribute is set; every record keeps its timestamp and
 * offset, the batch its offsets, producer fields and max timestamp.
 */
async function withDeleteHorizon(bytes: Buffer, header: RecordBatchHeader, horizon: number): Promise<Buffer> {
  const { records } = await decodeRecordBatch(bytes);
  const rewritten = await encodeRecordBatch({
    records: records.map((r) => ({
      key: r.key,
      value: r.value,
      headers: r.headers,
      timestamp: r.timestamp,
      offsetDelta: Number(r.offset - header.baseOffset),
    })),
    baseOffset: header.baseOffset,
    partitionLeaderEpoch: header.partitionLeaderEpoch,
    compression: header.compression,
    isTransactional: header.isTransactional,
    isControl: true,
    baseTimestamp: BigInt(horizon),
    maxTimestamp: header.maxTimestamp,
    producerId: header.producerId,
    producerEpoch: header.producerEpoch,
    baseSequence: header.baseSequence,
    lastOffsetDelta: header.lastOffsetDelta,
  });
  rewritten.writeInt16BE(rewritten.readInt16BE(ATTRIBUTES_OFFSET) | DELETE_HORIZON_BIT, ATTRIBUTES_OFFSET);
  rewriteBatchCrc(rewritten);
  return rewritten;
}
