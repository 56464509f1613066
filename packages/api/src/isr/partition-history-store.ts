/**
 * The partition history in SQLite (`partition_states`, packages/db): the sampler appends changed states and
 * applies the retention policy; readers take one topic's states over a window, with the state each partition
 * was in when the window opened.
 *
 * Retention (the lag history's policy, LAG_HISTORY_RETENTION, or another RetentionPolicy): states younger than
 * the first tier are all kept; older ones keep, per partition, the last state of each bucket of their tier, so
 * the state at every bucket's end stays exact and the flaps inside a bucket merge into one change. A state past
 * maxAgeMs goes once a newer state of its partition exists, so a partition that has not changed in a month keeps
 * its current state; a tombstone past maxAgeMs goes too. The last state of a bucket is also the last of every
 * coarser bucket holding it, so deleting is idempotent and never removes a state a later run would keep.
 */
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { partitionStates, type Database } from '@sluice/db';
import { fullResolutionAgeMs, retentionBucketSql, type RetentionPolicy } from '../lag/lag-retention.ts';
import { partitionStateKey, type ObservedState, type PartitionState } from './partition-history.ts';

const CHUNK = 500;

/** Appends states observed at `at`, in one transaction. */
export async function writeStates(
  db: Database,
  at: number,
  states: readonly PartitionState[],
): Promise<void> {
  if (states.length === 0) return;
  await db.transaction(async (tx) => {
    for (let i = 0; i < states.length; i += CHUNK)
      await tx
        .insert(partitionStates)
        .values(states.slice(i, i + CHUNK).map((s) => ({ ...s, at: new Date(at) })));
  });
}

/** The last recorded state of every partition (tombstones included), by partitionStateKey. */
export async function latestStates(db: Database): Promise<Map<string, PartitionState>> {
  const rows = await db
    .select()
    .from(partitionStates)
    .where(
      inArray(
        partitionStates.id,
        db
          .select({ id: sql<number>`max(${partitionStates.id})` })
          .from(partitionStates)
          .groupBy(partitionStates.topic, partitionStates.partition),
      ),
    );
  return new Map(rows.map((r) => [partitionStateKey(r.topic, r.partition), toState(r)]));
}

function toState(row: typeof partitionStates.$inferSelect): PartitionState {
  return {
    topic: row.topic,
    topicId: row.topicId,
    partition: row.partition,
    leader: row.leader,
    leaderEpoch: row.leaderEpoch,
    replicas: row.replicas,
    isr: row.isr,
  };
}

/** Deletes what `policy` no longer keeps at `now`; resolves with how many states went. */
export async function applyRetention(db: Database, now: number, policy: RetentionPolicy): Promise<number> {
  const bucket = (column: string) => retentionBucketSql(column, now, policy);
  const result = await db.run(
    sql.raw(`
      delete from partition_states where id in (
        select id from (
          select id, at, replicas,
            lead(at) over (partition by topic, partition order by at, id) as next_at
          from partition_states
        )
        where (at < ${now - fullResolutionAgeMs(policy)} and next_at is not null and ${bucket('at')} = ${bucket('next_at')})
           or (at < ${now - policy.maxAgeMs} and (next_at is not null or replicas = '[]'))
      )`),
  );
  return result.rowsAffected;
}

/**
 * One topic's states from `since` on, oldest first, with each partition's last state before `since` (where the
 * window's lanes start), grouped by partition.
 */
export async function readTopicStates(
  db: Database,
  topic: string,
  since: number,
): Promise<Map<number, ObservedState[]>> {
  const before = db
    .select({ id: sql<number>`max(${partitionStates.id})` })
    .from(partitionStates)
    .where(and(eq(partitionStates.topic, topic), lt(partitionStates.at, new Date(since))))
    .groupBy(partitionStates.partition);
  const rows = await db
    .select()
    .from(partitionStates)
    .where(
      and(
        eq(partitionStates.topic, topic),
        sql`(${gte(partitionStates.at, new Date(since))} or ${inArray(partitionStates.id, before)})`,
      ),
    )
    .orderBy(asc(partitionStates.at), asc(partitionStates.id));
  const byPartition = new Map<number, ObservedState[]>();
  for (const row of rows) {
    const list = byPartition.get(row.partition) ?? [];
    list.push({ ...toState(row), at: row.at.getTime() });
    byPartition.set(row.partition, list);
  }
  return byPartition;
}
