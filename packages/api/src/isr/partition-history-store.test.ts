/** The partition history in a real SQLite file: states written, read back for a window, downsampled in place. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import type { ClusterSource, PartitionState } from '../cluster-source/cluster-source.ts';
import { LAG_HISTORY_RETENTION } from '../lag/lag-retention.ts';
import { IsrSampler } from './isr-sampler.ts';
import { partitionStateKey } from './partition-history.ts';
import { applyRetention, latestStates, readTopicStates, writeStates } from './partition-history-store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Math.floor(1_700_000_000_000 / DAY) * DAY;

const dir = mkdtempSync(join(tmpdir(), 'sluice-isr-store-'));
let database: ConsoleDatabase;
beforeEach(async (context) => {
  database = await openDatabase(join(dir, `${context.name.replace(/\W+/g, '-')}.db`));
});
afterEach(() => database.close());
after(() => rmSync(dir, { recursive: true, force: true }));

const state = (partition: number, leader: number, isr: number[], topic = 't'): PartitionState => ({
  topic,
  topicId: `${topic}-id`,
  partition,
  leader,
  leaderEpoch: leader,
  replicas: [1, 2],
  isr,
});

async function timesOf(partition: number): Promise<number[]> {
  const rows = await database.client.execute({
    sql: 'select at from partition_states where topic = ? and partition = ? order by at',
    args: ['t', partition],
  });
  return rows.rows.map((r) => Number(r.at) - T0);
}

describe('partition history store', () => {
  it('reads a window with each partition’s state before it, and the latest state of every partition', async () => {
    await writeStates(database.db, T0, [state(0, 1, [1, 2]), state(1, 2, [2, 1]), state(0, 1, [1], 'u')]);
    await writeStates(database.db, T0 + MINUTE, [state(0, 1, [1])]);
    await writeStates(database.db, T0 + 2 * MINUTE, [state(0, 2, [2])]);
    const window = await readTopicStates(database.db, 't', T0 + MINUTE);
    assert.deepEqual(
      [...window].map(([p, list]) => [p, list.map((s) => [s.at - T0, s.leader, s.isr])]),
      [
        [
          0,
          [
            [0, 1, [1, 2]],
            [MINUTE, 1, [1]],
            [2 * MINUTE, 2, [2]],
          ],
        ],
        [1, [[0, 2, [2, 1]]]],
      ],
    );
    const latest = await latestStates(database.db);
    assert.deepEqual(latest.get(partitionStateKey('t', 0)), state(0, 2, [2]));
    assert.equal(latest.size, 3);
  });

  it('keeps the last recent change per bucket as states age, and a partition’s current state however old', async () => {
    // Partition 0 flaps every minute for two days; partition 1 changed once, 40 days ago.
    const now = T0 + 60 * DAY;
    await writeStates(database.db, now - 40 * DAY, [state(1, 1, [1, 2])]);
    await writeStates(database.db, now - 41 * DAY, [state(2, 1, [1]), state(2, 1, [1], 'gone')]);
    await writeStates(database.db, now - 40 * DAY, [{ ...state(2, -1, [], 'gone'), replicas: [] }]);
    for (let t = now - 2 * DAY; t <= now; t += MINUTE)
      await writeStates(database.db, t, [state(0, 1, (t / MINUTE) % 2 ? [1] : [1, 2])]);
    await applyRetention(database.db, now, LAG_HISTORY_RETENTION);
    const kept = (await timesOf(0)).map((t) => now - T0 - t);
    assert.equal(kept.filter((age) => age <= HOUR).length, 61, 'every change of the last hour');
    const day = kept.filter((age) => age > HOUR && age <= DAY);
    assert.ok(day.length >= 275 && day.length <= 277, `one per 5 minutes in the day: ${day.length}`);
    const older = kept.filter((age) => age > DAY);
    assert.ok(older.length >= 24 && older.length <= 25, `one per hour before: ${older.length}`);
    assert.deepEqual(await timesOf(1), [20 * DAY], 'the only state of partition 1 stays');
    const gone = await readTopicStates(database.db, 'gone', 0);
    assert.equal(gone.size, 0, 'a month-old tombstone goes with what it ended');

    const again = await applyRetention(database.db, now, LAG_HISTORY_RETENTION);
    assert.equal(again, 0, 'retention is idempotent');
  });

  it('samples changes only, and picks up after a restart from the database', async () => {
    let observed = [state(0, 1, [1, 2])];
    const source = { partitionStates: async () => observed } as unknown as ClusterSource;
    let now = T0;
    const sampler = new IsrSampler({ db: database.db, source, clock: () => now });
    assert.equal((await sampler.sampleOnce()).length, 1);
    now += 5000;
    assert.equal((await sampler.sampleOnce()).length, 0);
    observed = [state(0, 1, [1])];
    now += 5000;
    assert.equal((await sampler.sampleOnce()).length, 1);
    const restarted = new IsrSampler({ db: database.db, source, clock: () => now + 5000 });
    assert.deepEqual(await restarted.sampleOnce(), []);
    observed = [];
    assert.deepEqual(
      (await restarted.sampleOnce()).map((s) => s.replicas),
      [[]],
    );
    assert.deepEqual(await timesOf(0), [0, 10_000, 15_000]);
  });
});
