/**
 * The partition size history in SQLite (`partition_size_samples`, packages/db): the sampler appends changed
 * records and applies the retention policy; readers take one topic's records over a window, with the record
 * each partition had when the window opened.
 *
 * Records are appended in time order (one sampler, rounds never overlap, each dated when it starts), so of a
 * partition's records the largest id is the latest: the reads below take max(id) as "the last record".
 *
 * Retention (the lag history's policy, LAG_HISTORY_RETENTION, or another RetentionPolicy), as the partition
 * history's: records younger than the first tier are all kept; older ones keep, per partition, the last record of
 * each bucket of their tier, so the values at every bucket's end stay exact. A record past maxAgeMs goes once a
 * newer record of its partition exists, so a partition idle for a month keeps its current values; a tombstone
 * past maxAgeMs goes too. The last record of a bucket is also the last of every coarser bucket holding it, so
 * deleting is idempotent and never removes a record a later run would keep.
 */
import { and, asc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { partitionSizeSamples, type Database } from '@sluice/db';
import { fullResolutionAgeMs, retentionBucketSql, type RetentionPolicy } from '../lag/lag-retention.ts';
import { partitionSizeKey, type RecordedSize, type RecordedSizeAt } from './size-history.ts';

/** Rows per INSERT, well inside SQLite's limit on bound parameters. */
const CHUNK = 500;

/** Appends the records of a round taken at `at`, in one transaction. */
export async function writeSizes(db: Database, at: number, sizes: readonly RecordedSize[]): Promise<void> {
  if (sizes.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < sizes.length; i += CHUNK)
      await tx
        .insert(partitionSizeSamples)
        .values(sizes.slice(i, i + CHUNK).map((s) => ({ ...s, at: new Date(at) })));
  });
}

function toRecorded(row: typeof partitionSizeSamples.$inferSelect): RecordedSize {
  return {
    topic: row.topic,
    partition: row.partition,
    sizeBytes: row.sizeBytes,
    logStartOffset: row.logStartOffset,
    highWatermark: row.highWatermark,
  };
}

/** The last record of every partition (tombstones included), by partitionSizeKey. */
export async function latestSizes(db: Database): Promise<Map<string, RecordedSize>> {
  const rows = await db
    .select()
    .from(partitionSizeSamples)
    .where(
      inArray(
        partitionSizeSamples.id,
        db
          .select({ id: sql<number>`max(${partitionSizeSamples.id})` })
          .from(partitionSizeSamples)
          .groupBy(partitionSizeSamples.topic, partitionSizeSamples.partition),
      ),
    );
  return new Map(rows.map((r) => [partitionSizeKey(r.topic, r.partition), toRecorded(r)]));
}

/** Deletes what `policy` no longer keeps at `now`; resolves with how many records went. */
export async function applySizeRetention(
  db: Database,
  now: number,
  policy: RetentionPolicy,
): Promise<number> {
  const bucket = (column: string) => retentionBucketSql(column, now, policy);
  const result = await db.run(
    sql.raw(`
      delete from partition_size_samples where id in (
        select id from (
          select id, at, size_bytes,
            lead(at) over (partition by topic, partition order by at, id) as next_at
          from partition_size_samples
        )
        where (at < ${now - fullResolutionAgeMs(policy)} and next_at is not null and ${bucket('at')} = ${bucket('next_at')})
           or (at < ${now - policy.maxAgeMs} and (next_at is not null or size_bytes is null))
      )`),
  );
  return result.rowsAffected;
}

/**
 * One topic's records from `since` to `until`, oldest first, with each partition's last record before `since`
 * (its values when the window opens), grouped by partition.
 */
export async function readTopicSizes(
  db: Database,
  topic: string,
  since: number,
  until: number,
): Promise<Map<number, RecordedSizeAt[]>> {
  const before = db
    .select({ id: sql<number>`max(${partitionSizeSamples.id})` })
    .from(partitionSizeSamples)
    .where(and(eq(partitionSizeSamples.topic, topic), lt(partitionSizeSamples.at, new Date(since))))
    .groupBy(partitionSizeSamples.partition);
  const rows = await db
    .select()
    .from(partitionSizeSamples)
    .where(
      and(
        eq(partitionSizeSamples.topic, topic),
        sql`((${gte(partitionSizeSamples.at, new Date(since))} and ${lte(partitionSizeSamples.at, new Date(until))}) or ${inArray(partitionSizeSamples.id, before)})`,
      ),
    )
    .orderBy(asc(partitionSizeSamples.at), asc(partitionSizeSamples.id));
  const byPartition = new Map<number, RecordedSizeAt[]>();
  for (const row of rows) {
    const list = byPartition.get(row.partition) ?? [];
    list.push({ ...toRecorded(row), at: row.at.getTime() });
    byPartition.set(row.partition, list);
  }
  return byPartition;
}
