/** The lag history in a real SQLite file: rounds written atomically, downsampled in place, read back. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import type { GroupLag, PartitionLag } from './compute-lag.ts';
import { LAG_HISTORY_RETENTION } from './lag-retention.ts';
import { readLagHistory, recentObservations, writeRound } from './lag-store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Math.floor(1_700_000_000_000 / DAY) * DAY;

const dir = mkdtempSync(join(tmpdir(), 'sluice-lag-store-'));
/** Retention works on rounds of every group, so each test has a database of its own. */
let database: ConsoleDatabase;
beforeEach(async (context) => {
  database = await openDatabase(join(dir, `${context.name.replace(/\W+/g, '-')}.db`));
});
afterEach(() => database.close());
after(() => rmSync(dir, { recursive: true, force: true }));

function partition(topic: string, index: number, committed: number | null, hwm: number): PartitionLag {
  return {
    topic,
    partition: index,
    committedOffset: committed,
    commitTimestamp: committed === null ? null : T0,
    logStartOffset: 0,
    logEndOffset: hwm,
    lag: hwm - (committed ?? 0),
    lagSeconds: hwm === committed ? 0 : 1.5,
    owner: null,
  };
}

function group(groupId: string, at: number, partitions: PartitionLag[]): GroupLag {
  return {
    at,
    group: { groupId, state: 'Stable', protocolType: 'consumer', protocol: 'range', members: [] },
    partitions,
    totalLag: partitions.reduce((s, p) => s + p.lag, 0),
    maxLagSeconds: null,
  };
}

async function roundsOf(groupId: string): Promise<number[]> {
  const rows = await database.client.execute({
    sql: 'select distinct at from lag_samples where group_id = ? order by at',
    args: [groupId],
  });
  return rows.rows.map((r) => Number(r.at));
}

describe('lag store', () => {
  it('writes a round, reads the recent window per partition and the history per round', async () => {
    for (let i = 0; i < 4; i++) {
      const at = T0 + i * 30_000;
      await writeRound(
        database.db,
        at,
        [group('g-read', at, [partition('t', 0, 10 * i, 50), partition('t', 1, null, 5 + i)])],
        LAG_HISTORY_RETENTION,
      );
    }
    const windows = await recentObservations(database.db, 'g-read', 3);
    assert.deepEqual(
      [...windows.keys()].map((k) => k.replace('\u0000', '-')),
      ['t-0', 't-1'],
    );
    const p0 = windows.get('t\u00000')!;
    assert.deepEqual(
      p0.map((o) => [o.at - T0, o.committedOffset, o.logEndOffset, o.lag, o.commitTimestamp]),
      [
        [30_000, 10, 50, 40, T0],
        [60_000, 20, 50, 30, T0],
        [90_000, 30, 50, 20, T0],
      ],
      'the last 3 rounds, oldest first',
    );
    assert.deepEqual(
      windows.get('t\u00001')!.map((o) => o.committedOffset),
      [null, null, null],
    );

    const history = await readLagHistory(database.db, { groupId: 'g-read' });
    assert.deepEqual(
      history.map((p) => [p.at.getTime() - T0, p.lag, p.lagSeconds]),
      [
        [0, 55, 1.5],
        [30_000, 46, 1.5],
        [60_000, 37, 1.5],
        [90_000, 28, 1.5],
      ],
    );
    const one = await readLagHistory(database.db, {
      groupId: 'g-read',
      topic: 't',
      partition: 1,
      since: T0 + 30_000,
      until: T0 + 60_000,
    });
    assert.deepEqual(
      one.map((p) => [p.at.getTime() - T0, p.lag]),
      [
        [30_000, 6],
        [60_000, 7],
      ],
    );
  });

  it('downsamples the stored rounds with age as each round is written', async () => {
    // Two days of rounds every 5 minutes, then one round "now": only the policy's rounds stay.
    for (let at = T0; at < T0 + 2 * DAY; at += 5 * MINUTE) {
      await database.client.execute({
        sql: `insert into lag_samples (at, group_id, topic, partition, committed_offset, log_start_offset,
              log_end_offset, lag) values (?, 'g-aged', 't', 0, 1, 0, 2, 1), (?, 'g-aged', 't', 1, 1, 0, 2, 1)`,
        args: [at, at],
      });
    }
    const now = T0 + 2 * DAY;
    const { deletedRounds } = await writeRound(
      database.db,
      now,
      [group('g-aged', now, [partition('t', 0, 1, 2)])],
      LAG_HISTORY_RETENTION,
    );
    const rounds = await roundsOf('g-aged');
    const age = (at: number) => now - at;
    assert.deepEqual(
      rounds.filter((at) => age(at) > DAY).map((at) => (at - T0) / HOUR),
      Array.from({ length: 24 }, (_, h) => h),
      'older than a day: one round per hour, on the hour',
    );
    assert.deepEqual(
      rounds.filter((at) => age(at) <= DAY).map((at) => (at - T0 - DAY) / MINUTE),
      Array.from({ length: 24 * 12 + 1 }, (_, i) => i * 5),
      'younger than a day: every 5-minute round (these were written 5 minutes apart)',
    );
    assert.equal(deletedRounds, 24 * 11);
    const rows = await database.client.execute(
      `select count(*) as n from lag_samples where group_id = 'g-aged' and at < ${now}`,
    );
    assert.equal(
      Number(rows.rows[0]!.n),
      rounds.length * 2 - 2,
      'both partitions of every kept round remain',
    );
  });

  it('writes a round in one transaction: a failing round leaves no rows and deletes nothing', async () => {
    const old = T0 - 40 * DAY;
    await writeRound(
      database.db,
      old,
      [group('g-atomic', old, [partition('t', 0, 1, 2)])],
      LAG_HISTORY_RETENTION,
    );
    const now = T0 + 3 * DAY;
    const duplicate = [partition('t', 0, 1, 2), partition('t', 0, 1, 2)];
    await assert.rejects(
      writeRound(
        database.db,
        now,
        [group('g-fresh', now, [partition('t', 5, 1, 2)]), group('g-atomic', now, duplicate)],
        LAG_HISTORY_RETENTION,
      ),
      (error: Error) => /UNIQUE/.test(String(error.cause ?? error)),
    );
    assert.deepEqual(await roundsOf('g-fresh'), [], 'no row of the failed round');
    assert.deepEqual(await roundsOf('g-atomic'), [old], 'the 40-day-old round was not deleted either');
  });
});
