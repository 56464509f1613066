/**
 * What the log cleaner and retention are doing with one partition, for the console, the CLI and /metrics:
 * Kafka shows these only as JMX metrics (LogCleaner, LogCleanerManager) and log lines.
 *
 * Times are epoch milliseconds on the broker's clock; offsets and byte counts are numbers.
 */
import { cleanableRange, isDue, maxCompactionLagDeadline } from './log-cleaner.ts';
import type { PartitionLog } from './partition-log.ts';

/** One finished compaction pass over a partition (Kafka logs these as "Log cleaner thread ... cleaned log"). */
export interface CleaningPass {
  startedAt: number;
  durationMs: number;
  segmentsCleaned: number;
  bytesBefore: number;
  bytesAfter: number;
  recordsRemoved: number;
  /** The first dirty offset after the pass. */
  cleanedUpTo: number;
}

/** Why a compacted partition is or is not due for cleaning, in the order the cleaner decides it. */
export type CleaningEligibility =
  /** cleanup.policy has no "compact". */
  | 'not-compacted'
  /** Every closed segment is below the first dirty offset. */
  | 'clean'
  /** The dirty ratio is above min.cleanable.dirty.ratio (Kafka compares strictly). */
  | 'dirty-ratio'
  /** The oldest dirty record is older than max.compaction.lag.ms. */
  | 'max-compaction-lag'
  /**
   * Dirty, but not due: the dirty ratio is at or below min.cleanable.dirty.ratio and the oldest dirty record is
   * within max.compaction.lag.ms, or nothing dirty is cleanable yet (past the LSO, or younger than
   * min.compaction.lag.ms).
   */
  | 'below-ratio'
  /** The cleaner gave up on the partition (see uncleanableReason) until the broker restarts. */
  | 'uncleanable';

export interface PartitionCleanerStatus {
  topic: string;
  partition: number;
  cleanupPolicy: string;
  /**
   * Bytes of the closed segments a pass would clean now (Kafka's cleanable bytes): from the first dirty offset to
   * the first uncleanable offset.
   */
  cleanableBytes: number;
  /** Bytes of every closed segment (the active segment is never cleaned): clean + cleanable + uncleanable. */
  closedBytes: number;
  /** Bytes of closed segments below the first dirty offset (Kafka's LogToClean.cleanBytes). */
  cleanBytes: number;
  /** Dirty bytes of closed segments a pass may not clean yet: past the LSO or younger than min.compaction.lag.ms. */
  uncleanableBytes: number;
  /**
   * cleanableBytes / (cleanBytes + cleanableBytes), Kafka's cleanableRatio, what min.cleanable.dirty.ratio is
   * compared with; 0 when both are 0.
   */
  dirtyRatio: number;
  /** The cleaner checkpoint (the log start offset when it lies outside the log): records before it were compacted. */
  firstDirtyOffset: number;
  /** Where a pass would stop now (Kafka's firstUncleanableDirtyOffset). */
  firstUncleanableOffset: number;
  minCleanableDirtyRatio: number;
  eligibility: CleaningEligibility;
  /**
   * When the partition becomes due by max.compaction.lag.ms if nothing else makes it due first; null when it is
   * due now, clean, not compacted or uncleanable. (Being due by dirty ratio depends on future writes.)
   */
  dueByMaxLagAt: number | null;
  /** A pass over this partition is running now. */
  cleaning: boolean;
  lastPass: CleaningPass | null;
  /** Totals since the broker started. */
  passes: number;
  bytesRemoved: number;
  recordsRemoved: number;
  /** Why the cleaner marked the partition uncleanable (Kafka's LogCleanerManager uncleanablePartitions). */
  uncleanableReason: string | null;
}

/** What the cleaner manager knows of a partition beyond its log: its passes and failures. */
export interface CleanerHistory {
  lastPass: CleaningPass | null;
  passes: number;
  bytesRemoved: number;
  recordsRemoved: number;
  cleaning: boolean;
  uncleanableReason: string | null;
}

export const NO_HISTORY: CleanerHistory = {
  lastPass: null,
  passes: 0,
  bytesRemoved: 0,
  recordsRemoved: 0,
  cleaning: false,
  uncleanableReason: null,
};

export function cleanerStatus(
  log: PartitionLog,
  now: number,
  history: CleanerHistory = NO_HISTORY,
): PartitionCleanerStatus {
  const config = log.logConfig;
  const range = cleanableRange(log, now);
  const compacted = config.cleanupPolicy.includes('compact');
  const due = isDue(log, range, now);
  let eligibility: CleaningEligibility;
  if (!compacted) eligibility = 'not-compacted';
  else if (history.uncleanableReason !== null) eligibility = 'uncleanable';
  else if (range.cleanableBytes + range.uncleanableBytes === 0) eligibility = 'clean';
  else eligibility = due ?? 'below-ratio';
  let dueByMaxLagAt = maxCompactionLagDeadline(log, range);
  // Nothing dirty is cleaned before its first segment is older than min.compaction.lag.ms; past the LSO, when the
  // transaction ends is unknown.
  if (dueByMaxLagAt !== null && range.cleanableBytes === 0) {
    const lsoBlocks = now - range.firstDirtySegmentLargestTimestamp >= config.minCompactionLagMs;
    dueByMaxLagAt = lsoBlocks
      ? null
      : Math.max(dueByMaxLagAt, range.firstDirtySegmentLargestTimestamp + config.minCompactionLagMs);
  }
  return {
    topic: log.topic,
    partition: log.partition,
    cleanupPolicy: config.cleanupPolicy.join(','),
    cleanableBytes: range.cleanableBytes,
    closedBytes: range.cleanBytes + range.cleanableBytes + range.uncleanableBytes,
    cleanBytes: range.cleanBytes,
    uncleanableBytes: range.uncleanableBytes,
    dirtyRatio: range.ratio,
    firstDirtyOffset: range.firstDirtyOffset,
    firstUncleanableOffset: range.firstUncleanableOffset,
    minCleanableDirtyRatio: config.minCleanableDirtyRatio,
    eligibility,
    dueByMaxLagAt:
      eligibility === 'below-ratio' && dueByMaxLagAt !== null && Number.isFinite(dueByMaxLagAt)
        ? dueByMaxLagAt
        : null,
    cleaning: history.cleaning,
    lastPass: history.lastPass,
    passes: history.passes,
    bytesRemoved: history.bytesRemoved,
    recordsRemoved: history.recordsRemoved,
    uncleanableReason: history.uncleanableReason,
  };
}
