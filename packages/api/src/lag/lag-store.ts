/**
 * The lag history in SQLite (`lag_samples`, packages/db): one transaction per sample round writes the round and
 * applies the retention policy; readers take a group's recent window (for status and drain estimates) or its
 * history for a chart.
 */
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { lagSamples, type Database } from '@sluice/db';
import type { LagHistoryInput } from '@sluice/validators';
import { partitionKey, type GroupLag } from './compute-lag.ts';
import type { LagObservation } from './lag-status.ts';
import { fullResolutionAgeMs, roundsToDelete, type RetentionPolicy } from './lag-retention.ts';

/** Rows per INSERT or IN list, well inside SQLite's limit on bound parameters. */
const CHUNK = 500;

export interface StoredObservation extends LagObservation {
  logStartOffset: number;
}

export interface LagHistoryPoint {
  at: Date;
  /** The group's (or the partition's) lag in records. */
  lag: number;
  /** The largest lag in seconds of the round, null when none could be read. */
  lagSeconds: number | null;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Writes one sample round taken at `at` and deletes what the retention policy no longer keeps, atomically. */
export async function writeRound(
  db: Database,
  at: number,
  groups: GroupLag[],
  policy: RetentionPolicy,
): Promise<{ rows: number; deletedRounds: number }> {
  const rows = groups.flatMap((g) =>
    g.partitions.map((p) => ({
      at: new Date(at),
      groupId: g.group.groupId,
      topic: p.topic,
      partition: p.partition,
      committedOffset: p.committedOffset,
      commitTimestamp: p.commitTimestamp === null ? null : new Date(p.commitTimestamp),
      logStartOffset: p.logStartOffset,
      logEndOffset: p.logEndOffset,
      lag: p.lag,
      lagSeconds: p.lagSeconds,
    })),
  );
  return db.transaction(async (tx) => {
    for (const chunk of chunks(rows)) await tx.insert(lagSamples).values(chunk);
    // The distinct round times, by one index seek per round rather than a scan of every row.
    const olderThan = at - fullResolutionAgeMs(policy);
    const rounds = await tx.all<{ at: number }>(sql`
      with recursive rounds(at) as (
        select min(at) from lag_samples where at < ${olderThan}
        union all
        select (select min(at) from lag_samples where at > rounds.at and at < ${olderThan})
        from rounds where rounds.at is not null
      )
      select at from rounds where at is not null`);
    const deleted = roundsToDelete(
      rounds.map((r) => Number(r.at)),
      at,
      policy,
    );
    for (const chunk of chunks(deleted)) {
      await tx.delete(lagSamples).where(
        inArray(
          lagSamples.at,
          chunk.map((d) => new Date(d)),
        ),
      );
    }
    return { rows: rows.length, deletedRounds: deleted.length };
  });
}

/** The group's observations in its last `rounds` sample rounds, per partition (partitionKey), oldest first. */
export async function recentObservations(
  db: Database,
  groupId: string,
  rounds: number,
): Promise<Map<string, StoredObservation[]>> {
  const recent = await db
    .selectDistinct({ at: lagSamples.at })
    .from(lagSamples)
    .where(eq(lagSamples.groupId, groupId))
    .orderBy(desc(lagSamples.at))
    .limit(rounds);
  const windows = new Map<string, StoredObservation[]>();
  const oldest = recent.at(-1)?.at;
  if (!oldest) return windows;
  const rows = await db
    .select()
    .from(lagSamples)
    .where(and(eq(lagSamples.groupId, groupId), gte(lagSamples.at, oldest)))
    .orderBy(asc(lagSamples.at));
  for (const row of rows) {
    const key = partitionKey(row);
    const window = windows.get(key) ?? [];
    window.push({
      at: row.at.getTime(),
      committedOffset: row.committedOffset,
      commitTimestamp: row.commitTimestamp?.getTime() ?? null,
      logStartOffset: row.logStartOffset,
      logEndOffset: row.logEndOffset,
      lag: row.lag,
    });
    windows.set(key, window);
  }
  return windows;
}

/**
 * The group's lag per sample round, oldest first: the sum over its partitions (or one partition's), and the
 * largest lag in seconds. Retention bounds the answer to about 1,100 rounds at the default interval.
 */
export async function readLagHistory(db: Database, input: LagHistoryInput): Promise<LagHistoryPoint[]> {
  const conditions = [eq(lagSamples.groupId, input.groupId)];
  if (input.topic !== undefined && input.partition !== undefined) {
    conditions.push(eq(lagSamples.topic, input.topic), eq(lagSamples.partition, input.partition));
  }
  if (input.since !== undefined) conditions.push(gte(lagSamples.at, new Date(input.since)));
  if (input.until !== undefined) conditions.push(lte(lagSamples.at, new Date(input.until)));
  return db
    .select({
      at: lagSamples.at,
      lag: sql<number>`sum(${lagSamples.lag})`.mapWith(Number),
      lagSeconds: sql<number | null>`max(${lagSamples.lagSeconds})`,
    })
    .from(lagSamples)
    .where(and(...conditions))
    .groupBy(lagSamples.at)
    .orderBy(asc(lagSamples.at));
}
