/**
 * How long lag history is kept, and how finely, as it ages. The choice:
 *
 *   younger than 1 hour      every sample round (every 30 s by default: 120 rounds)
 *   1 hour to 1 day          one round per 5 minutes (276 rounds)
 *   1 day to 30 days         one round per hour (696 rounds)
 *   older than 30 days       deleted
 *
 * so a partition costs at most about 1,100 rows however long the console runs, the last hour keeps the detail
 * the status evaluator's window needs, and a month is enough for the trend of a chart.
 *
 * Whole rounds are kept or dropped (all rows of a round share its time), so the surviving history of every
 * partition of a group lines up. Within a tier, a round survives when it is the first of its bucket (buckets
 * are aligned to the epoch, and each tier's resolution divides the next one's), so a kept round stays kept
 * until its age moves it to a coarser tier: deleting is idempotent and never cascades.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RetentionTier {
  /** Rounds older than this... */
  olderThanMs: number;
  /** ...keep one round per this much time. */
  resolutionMs: number;
}

export interface RetentionPolicy {
  /** Ordered by age; each resolution divides the next. */
  tiers: RetentionTier[];
  maxAgeMs: number;
}

export const LAG_HISTORY_RETENTION: RetentionPolicy = {
  tiers: [
    { olderThanMs: HOUR, resolutionMs: 5 * MINUTE },
    { olderThanMs: DAY, resolutionMs: HOUR },
  ],
  maxAgeMs: 30 * DAY,
};

/** Only rounds older than this can be deleted: younger ones are kept at full resolution. */
export function fullResolutionAgeMs(policy: RetentionPolicy): number {
  return policy.tiers[0]?.olderThanMs ?? policy.maxAgeMs;
}

/**
 * A SQL expression numbering the retention bucket a time column's value falls in at `now`, for histories that
 * keep the last row of each bucket per partition: two times share a number exactly when they share a tier and a
 * bucket of it; a time in the full-resolution tier gets a number of its own.
 */
export function retentionBucketSql(column: string, now: number, policy: RetentionPolicy): string {
  const tiers = [...policy.tiers].sort((a, b) => b.olderThanMs - a.olderThanMs);
  // Tier i's buckets are numbered apart from every other tier's; the full-resolution tier keys on the time.
  const cases = tiers.map(
    (t, i) =>
      `when ${column} < ${now - t.olderThanMs} then ${(tiers.length - i) * 1e15} + ${column} / ${t.resolutionMs}`,
  );
  return `case ${cases.join(' ')} else -${column} end`;
}

/** The rounds (their times) of `rounds` to delete at `now`. */
export function roundsToDelete(rounds: number[], now: number, policy: RetentionPolicy): number[] {
  const deleted: number[] = [];
  let lastKept: number | null = null;
  for (const at of [...rounds].sort((a, b) => a - b)) {
    const age = now - at;
    if (age > policy.maxAgeMs) {
      deleted.push(at);
      continue;
    }
    const tier = policy.tiers.findLast((t) => age > t.olderThanMs);
    const bucket = (time: number) => Math.floor(time / tier!.resolutionMs);
    if (tier && lastKept !== null && bucket(lastKept) === bucket(at)) {
      deleted.push(at);
      continue;
    }
    lastKept = at;
  }
  return deleted;
}
