/**
 * The log cleaner's words for the Compaction view and the Cleaner page: why a partition is or is not due for
 * cleaning, in Kafka's config names, so an operator knows which setting to change.
 */
import { formatDuration, formatTime } from '../../../../lib/format.ts';
import { formatRecordTimestamp } from '../../../../lib/record-view.ts';
import type { RouterOutputs } from '~/trpc/outputs';

/** A Cleaner page row: one partition as the broker `brokerId` reports its replica. */
export type CleanerOverviewRow = RouterOutputs['compaction']['cleaner']['partitions'][number];
/** A partition's cleaner status, whichever broker reported it. */
export type CleanerStatusRow = Omit<CleanerOverviewRow, 'brokerId'>;

const PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/** "45.2%". */
export function formatRatio(ratio: number): string {
  return PERCENT.format(ratio);
}

/** When the partition next becomes eligible for cleaning, and why. */
export function describeEligibility(status: CleanerStatusRow): string {
  const threshold = `min.cleanable.dirty.ratio (${formatRatio(status.minCleanableDirtyRatio)})`;
  if (status.cleaning) return 'Cleaning now';
  switch (status.eligibility) {
    case 'dirty-ratio':
      return `Due now: the dirty ratio exceeds ${threshold}`;
    case 'max-compaction-lag':
      return 'Due now: its oldest dirty record is older than max.compaction.lag.ms';
    case 'below-ratio':
      return status.dueByMaxLagAt === null
        ? `When the dirty ratio exceeds ${threshold}`
        : `By max.compaction.lag.ms at ${formatRecordTimestamp(status.dueByMaxLagAt)}, sooner if the dirty ratio exceeds ${threshold}`;
    case 'clean':
      return `Clean: once new writes roll segments and the dirty ratio exceeds ${threshold}`;
    case 'uncleanable':
      return 'Not until the broker restarts: the cleaner gave up on it';
    case 'not-compacted':
      return 'Never: cleanup.policy has no compact';
  }
}

/** The short form of describeEligibility, for a table cell. */
export function eligibilityLabel(status: CleanerStatusRow): string {
  if (status.cleaning) return 'Cleaning now';
  switch (status.eligibility) {
    case 'dirty-ratio':
      return 'Due: dirty ratio';
    case 'max-compaction-lag':
      return 'Due: max lag';
    case 'below-ratio':
      return status.dueByMaxLagAt === null
        ? 'Below ratio'
        : `By ${formatTime(new Date(status.dueByMaxLagAt))}`;
    case 'clean':
      return 'Clean';
    case 'uncleanable':
      return 'Uncleanable';
    case 'not-compacted':
      return 'Not compacted';
  }
}

/** When the last pass started, on this browser's clock face; "never" before the first since the broker started. */
export function formatLastPassTime(status: CleanerStatusRow): string {
  return status.lastPass ? formatTime(new Date(status.lastPass.startedAt)) : 'never';
}

export function formatPassDuration(status: CleanerStatusRow): string {
  const pass = status.lastPass;
  if (!pass) return '—';
  return pass.durationMs < 1000 ? `${pass.durationMs} ms` : formatDuration(pass.durationMs / 1000);
}
