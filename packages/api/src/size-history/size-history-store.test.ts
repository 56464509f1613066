/** The size history in a real SQLite file: records written, read back for a window, pruned in place. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import type { PartitionSize } from '../cluster-source/cluster-source.ts';
import { LAG_HISTORY_RETENTION } from '../lag/lag-retention.ts';
import { buildSizeHistory, changedSizes, type RecordedSize } from './size-history.ts';
import { applySizeRetention, latestSizes, readTopicSizes, writeSizes } from './size-history-store.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Math.floor(1_700_000_000_000 / DAY) * DAY;

const dir = mkdtempSync(join(tmpdir(), 'sluice-size-store-'));
let database: ConsoleDatabase;
beforeEach(async (context) => {
  database = await openDatabase(join(dir, `${context.name.replace(/\W+/g, '-')}.db`));
});
afterEach(() => database.close());
after(() => rmSync(dir, { recursive: true, force: true }));

const size = (partition: number, sizeBytes: number, topic = 't'): RecordedSize => ({
  topic,
  partition,
  sizeBytes,
  logStartOffset: 0,
  highWatermark: sizeBytes,
});
const tombstone = (partition: number, topic = 't'): RecordedSize => ({
  topic,
  partition,
  sizeBytes: null,
  logStartOffset: null,
  highWatermark: null,
});

async function rowsOf(topic: string, partition: number): Promise<{ at: number; sizeBytes: number | null }[]> {
  const result = await database.client.execute({
    sql: 'select at, size_bytes from partition_size_samples where topic = ? and partition = ? order by at',
    args: [topic, partition],
  });
  return result.rows.map((r) => ({
    at: Number(r.at) - T0,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
  }));
}

describe('size history store', () => {
  it('reads a window with each partition’s last record before it, and the last record of every partition', async () => {
    await writeSizes(database.db, T0, [size(0, 100), size(1, 500), size(0, 900, 'u')]);
    await writeSizes(database.db, T0 + MINUTE, [size(0, 200)]);
    await writeSizes(database.db, T0 + 2 * MINUTE, [size(0, 300)]);
    const window = await readTopicSizes(database.db, 't', T0 + MINUTE, T0 + 10 * MINUTE);
    assert.deepEqual(
      [...window].map(([p, list]) => [p, list.map((s) => [s.at - T0, s.sizeBytes])]),
      [
        [
          0,
          [
            [0, 100],
            [MINUTE, 200],
            [2 * MINUTE, 300],
          ],
        ],
        [1, [[0, 500]]],
      ],
    );
    const latest = await latestSizes(database.db);
    assert.deepEqual([...latest.values()].map((s) => [s.topic, s.partition, s.sizeBytes]).sort(), [
      ['t', 0, 300],
      ['t', 1, 500],
      ['u', 0, 900],
    ]);
  });

  it('prunes by the lag history’s tiers: the last record of each bucket, idle partitions kept, gone topics dropped', async () => {
    const now = T0 + 2 * HOUR;
    // Partition 0 grows by 10 bytes a minute for two hours.
    for (let minute = 0; minute <= 120; minute++)
      await writeSizes(database.db, T0 + minute * MINUTE, [size(0, 1000 + 10 * minute)]);
    // Partition 1 has been idle for 40 days: its one record is its current size.
    await writeSizes(database.db, T0 - 40 * DAY, [size(1, 4242)]);
    // Topic "gone" was deleted 35 days ago; topic "old" changed 40 and 31 days ago.
    await writeSizes(database.db, T0 - 40 * DAY, [size(0, 7, 'gone'), size(0, 1, 'old')]);
    await writeSizes(database.db, T0 - 35 * DAY, [tombstone(0, 'gone')]);
    await writeSizes(database.db, T0 - 31 * DAY, [size(0, 2, 'old')]);

    const deleted = await applySizeRetention(database.db, now, LAG_HISTORY_RETENTION);

    const kept = await rowsOf('t', 0);
    const olderThanAnHour = kept.filter((r) => r.at < HOUR);
    assert.deepEqual(
      olderThanAnHour.map((r) => r.at / MINUTE),
      [4, 9, 14, 19, 24, 29, 34, 39, 44, 49, 54, 59],
      'the last minute of each 5-minute bucket',
    );
    assert.ok(
      olderThanAnHour.every((r) => r.sizeBytes === 1000 + (10 * r.at) / MINUTE),
      'each kept record keeps its exact size',
    );
    assert.equal(kept.filter((r) => r.at >= HOUR).length, 61, 'the last hour at full resolution');
    assert.deepEqual(await rowsOf('t', 1), [{ at: -40 * DAY, sizeBytes: 4242 }]);
    assert.deepEqual(await rowsOf('gone', 0), []);
    assert.deepEqual(await rowsOf('old', 0), [{ at: -31 * DAY, sizeBytes: 2 }]);
    assert.equal(deleted, 121 - 73 + 2 + 1);

    assert.equal(await applySizeRetention(database.db, now, LAG_HISTORY_RETENTION), 0, 'idempotent');

    // A window over the pruned hour gives the same value at every kept point as before pruning.
    const history = buildSizeHistory(await readTopicSizes(database.db, 't', T0, now), T0, now, 500);
    const p0 = history.partitions.find((p) => p.partition === 0)!;
    assert.ok(p0.points.every((p) => p.sizeBytes === 1000 + (10 * (p.at - T0)) / MINUTE));
  });
});

describe('size history series', () => {
  it('records a partition only when it changed, and tombstones partitions whose topic is gone', () => {
    const previous = new Map([
      ['t\u00000', size(0, 100)],
      ['t\u00001', size(1, 100)],
      ['t\u00002', size(2, 100)],
      ['gone\u00000', size(0, 100, 'gone')],
    ]);
    const observed: PartitionSize[] = [
      { topic: 't', partition: 0, sizeBytes: 100, logStartOffset: 0, highWatermark: 100 },
      { topic: 't', partition: 1, sizeBytes: 100, logStartOffset: 1, highWatermark: 100 },
      // Its brokers did not answer: neither changed nor gone.
      { topic: 't', partition: 2, sizeBytes: null, logStartOffset: 0, highWatermark: 100 },
      { topic: 'new', partition: 0, sizeBytes: 0, logStartOffset: 0, highWatermark: 0 },
    ];
    assert.deepEqual(changedSizes(previous, observed), [
      { topic: 't', partition: 1, sizeBytes: 100, logStartOffset: 1, highWatermark: 100 },
      { topic: 'new', partition: 0, sizeBytes: 0, logStartOffset: 0, highWatermark: 0 },
      tombstone(0, 'gone'),
    ]);
  });

  it('sums partitions into steps, starts at the window with earlier values, and bounds the points', () => {
    const at = (minute: number) => T0 + minute * MINUTE;
    const records = new Map([
      [
        0,
        [
          { ...size(0, 100), at: at(-30) },
          { ...size(0, 300), at: at(10) },
        ],
      ],
      [1, [{ ...size(1, 50), at: at(20) }]],
    ]);
    const history = buildSizeHistory(records, at(0), at(60), 500);
    assert.deepEqual(
      history.total.map((p) => [(p.at - T0) / MINUTE, p.sizeBytes]),
      [
        [0, 100],
        [10, 300],
        [20, 350],
        [60, 350],
      ],
    );
    assert.deepEqual(
      history.partitions.map((p) => [p.partition, p.points.map((q) => [(q.at - T0) / MINUTE, q.sizeBytes])]),
      [
        [
          0,
          [
            [0, 100],
            [10, 300],
            [60, 300],
          ],
        ],
        [
          1,
          [
            [20, 50],
            [60, 50],
          ],
        ],
      ],
    );

    const busy = new Map([
      [0, Array.from({ length: 121 }, (_, minute) => ({ ...size(0, 1000 + minute), at: at(minute) }))],
    ]);
    const bounded = buildSizeHistory(busy, at(0), at(120), 10);
    assert.equal(bounded.bucketMs, 12 * MINUTE);
    assert.ok(bounded.total.length <= 12, `${bounded.total.length} points`);
    assert.deepEqual(bounded.total[0], { at: at(0), sizeBytes: 1000 });
    assert.deepEqual(bounded.total.at(-1), { at: at(120), sizeBytes: 1120 });
    assert.ok(
      bounded.total.every((p) => p.sizeBytes === 1000 + (p.at - T0) / MINUTE),
      'exact where kept',
    );
  });
});
