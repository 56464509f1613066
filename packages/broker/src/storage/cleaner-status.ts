/**
 * What the log cleaner and retention are doing with one partition, for the console, the CLI and /metrics:
 * Kafka shows these only as JMX metrics (LogCleaner, LogCleanerManager) and log lines.
 *
 * Times are epoch milliseconds on the broker's clock; offsets and byte counts are numbers.
 */
import { dirtyRatio } from './log-cleaner.ts';
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
  /** The dirty ratio reached min.cleanable.dirty.ratio. */
  | 'dirty-ratio'
  /** The oldest dirty record is older than max.compaction.lag.ms. */
  | 'max-compaction-lag'
  /** Dirty, but below min.cleanable.dirty.ratio and within max.compaction.lag.ms. */
  | 'below-ratio'
  /** The cleaner gave up on the partition (see uncleanableReason) until the broker restarts. */
  | 'uncleanable';

export interface PartitionCleanerStatus {
  topic: string;
  partition: number;
  cleanupPolicy: string;
  /** Bytes of closed segments at or after the first dirty offset (Kafka's cleanable bytes). */
  cleanableBytes: number;
  /** Bytes of every closed segment (the active segment is never cleaned). */
  closedBytes: number;
  /** cleanableBytes / closedBytes, 0 when there is no closed segment. */
  dirtyRatio: number;
  /** The cleaner checkpoint: records before it were compacted. */
  firstDirtyOffset: number;
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
  const { dirtyBytes, totalBytes } = dirtyRatio(log);
  const ratio = totalBytes === 0 ? 0 : dirtyBytes / totalBytes;
  const compacted = config.cleanupPolicy.includes('compact');
  const oldestDirty = log
    .closedSegments()
    .find((s, i, all) => (all[i + 1]?.baseOffset ?? log.activeSegment.baseOffset) > log.cleanerCheckpoint);
  const maxLagDeadline =
    oldestDirty && oldestDirty.maxTimestamp >= 0
      ? oldestDirty.maxTimestamp + config.maxCompactionLagMs
      : null;
  let eligibility: CleaningEligibility;
  if (!compacted) eligibility = 'not-compacted';
  else if (history.uncleanableReason !== null) eligibility = 'uncleanable';
  else if (dirtyBytes === 0) eligibility = 'clean';
  else if (ratio >= config.minCleanableDirtyRatio) eligibility = 'dirty-ratio';
  else if (maxLagDeadline !== null && now > maxLagDeadline) eligibility = 'max-compaction-lag';
  else eligibility = 'below-ratio';
  return {
    topic: log.topic,
    partition: log.partition,
    cleanupPolicy: config.cleanupPolicy.join(','),
    cleanableBytes: dirtyBytes,
    closedBytes: totalBytes,
    dirtyRatio: ratio,
    firstDirtyOffset: Math.max(log.cleanerCheckpoint, log.logStartOffset),
    minCleanableDirtyRatio: config.minCleanableDirtyRatio,
    eligibility,
    dueByMaxLagAt:
      eligibility === 'below-ratio' && maxLagDeadline !== null && Number.isFinite(maxLagDeadline)
        ? maxLagDeadline
        : null,
    cleaning: history.cleaning,
    lastPass: history.lastPass,
    passes: history.passes,
    bytesRemoved: history.bytesRemoved,
    recordsRemoved: history.recordsRemoved,
    uncleanableReason: history.uncleanableReason,
  };
}
