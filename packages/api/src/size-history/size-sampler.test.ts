/**
 * The size history end to end against the real broker in this process and a real SQLite file: records produced
 * to a delete topic, sampler rounds through the embedded source and through the wire (a remote source on the same
 * broker), what compaction.sizeHistory answers, and the retention the sampler's rounds apply. Sizes are checked
 * against the segment files on disk and offsets against what was produced, not against the broker's own figures.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Broker, createLogger } from '@sluice/broker';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { createCaller } from '../root.ts';
import { writeSizes } from './size-history-store.ts';
import { SizeSampler } from './size-sampler.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-size-history-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const logDir = join(dir, 'kafka-logs');
const TOPIC = 'page-views';

let broker: Broker;
let database: ConsoleDatabase;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;

function as(role: UserRole) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster: embedded,
    user: { id: 1, username: `${role}-user`, role },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** Bytes of the partition's segment files on disk. */
function bytesOnDisk(topic: string, partition: number): number {
  const folder = join(logDir, `${topic}-${partition}`);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
}

async function produce(partition: number, records: number) {
  await embedded.produce({
    topic: TOPIC,
    partition,
    key: null,
    value: Buffer.from(`a page view on partition ${partition}`),
    headers: [],
    copies: records,
  });
}

async function storedRows() {
  const result = await database.client.execute({
    sql: 'select at, partition, size_bytes, log_start_offset, high_watermark from partition_size_samples where topic = ? order by id',
    args: [TOPIC],
  });
  return result.rows.map((r) => ({
    at: Number(r.at),
    partition: Number(r.partition),
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    logStartOffset: r.log_start_offset === null ? null : Number(r.log_start_offset),
    highWatermark: r.high_watermark === null ? null : Number(r.high_watermark),
  }));
}

before(async () => {
  broker = await Broker.start({
    dataDir: logDir,
    port: 0,
    configs: new Map([['offsets.topic.num.partitions', '1']]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
  await embedded.createTopic({
    name: TOPIC,
    partitions: 2,
    replicationFactor: 1,
    configs: { 'cleanup.policy': 'delete', 'segment.bytes': '1024' },
    validateOnly: false,
  });
});

after(async () => {
  embedded?.close();
  remote?.close();
  database?.close();
  await broker?.close();
});

describe('size history', () => {
  const embeddedSampler = () => new SizeSampler({ db: database.db, source: embedded });
  let firstRoundAt = 0;
  let secondRoundAt = 0;

  it('records each partition’s size and offsets as on disk, then only what changed', async () => {
    await produce(0, 30);
    await produce(1, 10);
    const sampler = embeddedSampler();
    firstRoundAt = Date.now();
    await sampler.sampleOnce();
    const first = await storedRows();
    assert.deepEqual(
      first.map(({ at: _at, ...row }) => row),
      [
        { partition: 0, sizeBytes: bytesOnDisk(TOPIC, 0), logStartOffset: 0, highWatermark: 30 },
        { partition: 1, sizeBytes: bytesOnDisk(TOPIC, 1), logStartOffset: 0, highWatermark: 10 },
      ],
    );
    assert.ok(first[0]!.sizeBytes! > first[1]!.sizeBytes!, 'thirty records take more room than ten');
    assert.equal(first[0]!.at, first[1]!.at, 'the rows of a round share its time');

    assert.deepEqual(await sampler.sampleOnce(), [], 'nothing changed, nothing recorded');
    await produce(0, 40);
    secondRoundAt = Date.now();
    const changed = await sampler.sampleOnce();
    assert.deepEqual(changed, [
      {
        topic: TOPIC,
        partition: 0,
        sizeBytes: bytesOnDisk(TOPIC, 0),
        logStartOffset: 0,
        highWatermark: 70,
      },
    ]);
    assert.equal((await storedRows()).length, 3);
  });

  it('reads the same over the wire as in-process, so a remote cluster’s history matches', async () => {
    const wire = (await remote.partitionSizes()).filter((s) => s.topic === TOPIC);
    const inProcess = (await embedded.partitionSizes()).filter((s) => s.topic === TOPIC);
    assert.deepEqual(wire, inProcess);
    // A sampler on a fresh start carries on from the database: over the wire, nothing has changed.
    assert.deepEqual(
      (await new SizeSampler({ db: database.db, source: remote }).sampleOnce()).filter(
        (s) => s.topic === TOPIC,
      ),
      [],
    );
  });

  it('answers the topic’s size over the window, in total and per partition, to a viewer', async () => {
    const history = await as('viewer').compaction.sizeHistory({ topic: TOPIC, windowMinutes: 60 });
    const [p0first, p1, p0second] = await storedRows();
    assert.equal(history.bucketMs, 0);
    assert.ok(history.since <= firstRoundAt - 59 * 60_000 && history.until >= secondRoundAt);
    assert.deepEqual(
      history.partitions.map((p) => ({
        partition: p.partition,
        points: p.points.map(({ at, ...values }) => ({ at: at === history.until ? 'until' : at, ...values })),
      })),
      [
        {
          partition: 0,
          points: [
            { at: p0first!.at, sizeBytes: p0first!.sizeBytes, logStartOffset: 0, highWatermark: 30 },
            { at: p0second!.at, sizeBytes: p0second!.sizeBytes, logStartOffset: 0, highWatermark: 70 },
            { at: 'until', sizeBytes: p0second!.sizeBytes, logStartOffset: 0, highWatermark: 70 },
          ],
        },
        {
          partition: 1,
          points: [
            { at: p1!.at, sizeBytes: p1!.sizeBytes, logStartOffset: 0, highWatermark: 10 },
            { at: 'until', sizeBytes: p1!.sizeBytes, logStartOffset: 0, highWatermark: 10 },
          ],
        },
      ],
    );
    assert.deepEqual(history.total, [
      { at: p0first!.at, sizeBytes: p0first!.sizeBytes! + p1!.sizeBytes! },
      { at: p0second!.at, sizeBytes: p0second!.sizeBytes! + p1!.sizeBytes! },
      { at: history.until, sizeBytes: bytesOnDisk(TOPIC, 0) + bytesOnDisk(TOPIC, 1) },
    ]);
  });

  it('starts a window that opens after the last change from the values recorded before it', async () => {
    // Recorded two hours ago and unchanged since: an hour's window holds no record of this topic, only the
    // values it had when the window opened. No sampler runs here, so nothing tombstones it meanwhile.
    const idle = 'idle-views';
    const recordedAt = Date.now() - 2 * 60 * 60_000;
    await writeSizes(database.db, recordedAt, [
      { topic: idle, partition: 0, sizeBytes: 4096, logStartOffset: 10, highWatermark: 90 },
    ]);
    const history = await as('viewer').compaction.sizeHistory({ topic: idle, windowMinutes: 60 });
    assert.ok(history.since > recordedAt);
    assert.deepEqual(history.total, [
      { at: history.since, sizeBytes: 4096 },
      { at: history.until, sizeBytes: 4096 },
    ]);
    assert.deepEqual(history.partitions, [
      {
        partition: 0,
        points: [
          { at: history.since, sizeBytes: 4096, logStartOffset: 10, highWatermark: 90 },
          { at: history.until, sizeBytes: 4096, logStartOffset: 10, highWatermark: 90 },
        ],
      },
    ]);
  });

  it('records a new log start offset when records are deleted', async () => {
    const before = bytesOnDisk(TOPIC, 0);
    await embedded.deleteRecords(TOPIC, 0, 50);
    const changed = await embeddedSampler().sampleOnce();
    const p0 = changed.find((s) => s.topic === TOPIC && s.partition === 0);
    assert.equal(p0?.logStartOffset, 50);
    assert.equal(p0?.highWatermark, 70);
    assert.equal(p0?.sizeBytes, bytesOnDisk(TOPIC, 0));
    assert.ok(p0.sizeBytes <= before);
  });

  it('ends a deleted topic’s history with a tombstone, and the total with zero', async () => {
    await embedded.deleteTopic(TOPIC);
    const changed = (await embeddedSampler().sampleOnce())
      .filter((s) => s.topic === TOPIC)
      .sort((a, b) => a.partition - b.partition);
    assert.deepEqual(
      changed.map((s) => [s.partition, s.sizeBytes, s.logStartOffset, s.highWatermark]),
      [
        [0, null, null, null],
        [1, null, null, null],
      ],
    );
    const history = await as('viewer').compaction.sizeHistory({ topic: TOPIC, windowMinutes: 60 });
    assert.equal(history.total.at(-1)?.sizeBytes, 0);
    assert.ok(history.total.at(-1)!.at < history.until, 'the total ends at the tombstones, not at until');
    // Each partition's series ends at its last recorded values, before the tombstone: none reaches `until`.
    const lastRecorded = (await storedRows()).filter((r) => r.sizeBytes !== null);
    assert.deepEqual(
      history.partitions.map((p) => [p.partition, p.points.at(-1)]),
      [0, 1].map((partition) => {
        const { partition: _partition, ...values } = lastRecorded.findLast((r) => r.partition === partition)!;
        return [partition, values];
      }),
    );
  });
});

describe('size history retention', () => {
  it('is applied by the sampler’s rounds, at most once a minute', async () => {
    // A database of its own, so the rounds' tombstones and pruning touch only the records written here.
    const retained = await openDatabase(join(dir, 'retention.db'));
    try {
      const DAY = 24 * 60 * 60_000;
      const now = Date.now();
      let clock = now;
      // A topic the broker no longer has: its first round tombstones it, and nothing of it changes after.
      const gone = 'retired-views';
      const expired = { topic: gone, partition: 0, sizeBytes: 1, logStartOffset: 0, highWatermark: 1 };
      const rowsOfGone = async () =>
        (
          await retained.client.execute({
            sql: 'select at, size_bytes from partition_size_samples where topic = ? order by id',
            args: [gone],
          })
        ).rows.map((r) => [Number(r.at) - now, r.size_bytes === null ? null : Number(r.size_bytes)]);
      await writeSizes(retained.db, now - 40 * DAY, [expired]);
      await writeSizes(retained.db, now - DAY, [{ ...expired, sizeBytes: 2, highWatermark: 2 }]);

      const sampler = new SizeSampler({ db: retained.db, source: embedded, clock: () => clock });
      await sampler.sampleOnce();
      assert.deepEqual(
        await rowsOfGone(),
        [
          [-DAY, 2],
          [0, null],
        ],
        'the record past 30 days with a newer one went; the tombstone is new',
      );

      await writeSizes(retained.db, now - 40 * DAY, [expired]);
      clock += 30_000;
      await sampler.sampleOnce();
      assert.equal((await rowsOfGone()).length, 3, 'not again within the minute');
      clock += 30_000;
      await sampler.sampleOnce();
      assert.equal((await rowsOfGone()).length, 2, 'again once a minute has passed');
    } finally {
      retained.close();
    }
  });
});
