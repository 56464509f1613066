/**
 * The compaction router against the real broker in this process, with a log whose state the test knows: keys
 * written over and over to one partition with 200-byte segments, so there are closed dirty segments. What the
 * router says is checked against the segment files on disk (sizes, base offsets) and the records left after
 * cleaning, not against the broker's own figures. A remote source reads the same topic over the wire; the broker
 * serves no HTTP listener (sluice.http.port -1, the default of a broker started in-process), so it says the
 * cleaner status is unavailable, and why, with sizes and configs only.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { Broker, createLogger } from '@sluice/broker';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { isRecord, type ClusterSource } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { createCaller } from '../root.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-compaction-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const logDir = join(dir, 'kafka-logs');

let broker: Broker;
let database: ConsoleDatabase;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;

function as(role: UserRole, cluster: ClusterSource = embedded) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-user`, role },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** The partition's segments as on disk: base offset (the file name) and size, in offset order. */
function segmentsOnDisk(topic: string, partition: number) {
  const folder = join(logDir, `${topic}-${partition}`);
  return readdirSync(folder)
    .filter((name) => /^\d{20}\.log$/.test(name))
    .map((name) => ({ baseOffset: Number(name.slice(0, 20)), size: statSync(join(folder, name)).size }))
    .sort((a, b) => a.baseOffset - b.baseOffset);
}

/** Kafka's dirty ratio from the files: closed segments ending past the first dirty offset over all closed. */
function dirtyFromDisk(topic: string, firstDirtyOffset: number) {
  const segments = segmentsOnDisk(topic, 0);
  const closed = segments.slice(0, -1);
  const cleanable = closed
    .filter((s, i) => segments[i + 1]!.baseOffset > firstDirtyOffset)
    .reduce((sum, s) => sum + s.size, 0);
  const total = closed.reduce((sum, s) => sum + s.size, 0);
  return { cleanable, total, closed };
}

async function produceRounds(topic: string, rounds: number, keys: number) {
  const operator = as('operator');
  for (let round = 0; round < rounds; round++)
    for (let key = 0; key < keys; key++)
      await operator.messages.produce({
        topic,
        partition: 0,
        key: `key-${key}`,
        value: `value ${round} of key ${key}`,
        headers: [],
        copies: 1,
      });
}

async function countRecords(topic: string): Promise<number> {
  let count = 0;
  let position = 0;
  for (;;) {
    const read = await embedded.readRecords(topic, new Map([[0, position]]), {
      maxRecords: 500,
      maxWaitMs: 0,
      isolationLevel: 'read_uncommitted',
    });
    count += read.entries.filter(isRecord).length;
    const next = read.next.get(0) ?? position;
    if (next === position || read.entries.length === 0) return count;
    position = next;
  }
}

before(async () => {
  broker = await Broker.start({
    dataDir: logDir,
    port: 0,
    configs: new Map([
      ['log.cleaner.backoff.ms', '200'],
      ['offsets.topic.num.partitions', '1'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
});

after(async () => {
  embedded?.close();
  remote?.close();
  database?.close();
  await broker?.close();
});

describe('compaction router', () => {
  const topic = 'prices';
  const keys = 10;
  const rounds = 5;
  let producedFrom = 0;
  let producedUntil = 0;

  it('shows a delete-policy log as it is on disk, and when retention deletes its oldest segment', async () => {
    await as('operator').topics.create({
      name: topic,
      partitions: 1,
      replicationFactor: 1,
      configs: { 'cleanup.policy': 'delete', 'retention.ms': '86400000', 'segment.bytes': '200' },
      validateOnly: false,
    });
    producedFrom = Date.now();
    await produceRounds(topic, rounds, keys);
    producedUntil = Date.now();

    const viewer = as('viewer');
    const status = await viewer.compaction.topic({ topic });
    const onDisk = dirtyFromDisk(topic, 0);
    assert.ok(onDisk.closed.length >= 3, `several closed segments (${onDisk.closed.length})`);
    assert.equal(status.compacted, false);
    assert.equal(status.deletes, true);
    assert.equal(status.cleanerUnavailableReason, null);
    assert.equal(status.configs.find((c) => c.name === 'segment.bytes')?.value, '200');
    const [partition] = status.partitions;
    assert.ok(partition?.cleaner);
    assert.equal(partition.cleaner.eligibility, 'not-compacted');
    assert.equal(partition.cleaner.firstDirtyOffset, 0);
    assert.equal(partition.cleaner.closedBytes, onDisk.total);
    assert.equal(partition.cleaner.cleanableBytes, onDisk.cleanable);
    assert.equal(partition.cleaner.dirtyRatio, 1);
    assert.equal(partition.cleaner.lastPass, null);
    const size = segmentsOnDisk(topic, 0).reduce((sum, s) => sum + s.size, 0);
    assert.equal(partition.sizeBytes, size, 'DescribeLogDirs size is the files');

    const retention = partition.retention;
    assert.ok(retention);
    assert.equal(retention.blocked, false);
    assert.equal(retention.oldestSegmentBaseOffset, 0);
    assert.equal(retention.oldestSegmentBytes, onDisk.closed[0]!.size);
    assert.ok(
      retention.deleteByTimeAt !== null &&
        retention.deleteByTimeAt >= producedFrom + 86_400_000 &&
        retention.deleteByTimeAt <= producedUntil + 86_400_000,
      `the first segment's records' time + retention.ms (${retention.deleteByTimeAt})`,
    );
    assert.equal(retention.bytesUntilDeleteBySize, null, 'retention.bytes is -1');

    await as('operator').topics.alterConfigs({
      topic,
      set: { 'retention.bytes': String(size + 1000) },
      remove: [],
      validateOnly: false,
    });
    const bySize = (await viewer.compaction.topic({ topic })).partitions[0]!.retention;
    assert.equal(bySize?.bytesUntilDeleteBySize, 1000 + onDisk.closed[0]!.size);
  });

  it('tells what the wire gives of a remote broker without an HTTP listener, and why the cleaner is not read', async () => {
    const status = await as('viewer', remote).compaction.topic({ topic });
    assert.equal(
      status.cleanerUnavailableReason,
      'broker 1 has no sluice.http.port: its HTTP listener, where a Sluice broker reports its log cleaner, is off',
    );
    assert.equal(status.partitions[0]?.cleanerUnavailableReason, status.cleanerUnavailableReason);
    assert.equal(status.partitions[0]?.cleaner, null);
    assert.equal(status.partitions[0]?.retention, null);
    assert.equal(
      status.partitions[0]?.sizeBytes,
      segmentsOnDisk(topic, 0).reduce((sum, s) => sum + s.size, 0),
    );
    assert.equal(status.configs.find((c) => c.name === 'cleanup.policy')?.value, 'delete');
    const overview = await as('viewer', remote).compaction.cleaner();
    assert.match(overview.unavailableReason ?? '', /^no broker has sluice\.http\.port: /);
    assert.deepEqual(overview.partitions, []);
  });

  it('reports a cleaning pass: last pass, records removed, first dirty offset, then new dirt below the ratio', async () => {
    const recordsBefore = await countRecords(topic);
    assert.equal(recordsBefore, keys * rounds);
    await as('operator').topics.alterConfigs({
      topic,
      set: { 'cleanup.policy': 'compact', 'min.cleanable.dirty.ratio': '0.01' },
      remove: ['retention.bytes'],
      validateOnly: false,
    });
    const viewer = as('viewer');
    let cleaned = (await viewer.compaction.topic({ topic })).partitions[0]!.cleaner!;
    for (let waited = 0; cleaned.lastPass === null || cleaned.cleaning; waited += 100) {
      assert.ok(waited < 20_000, 'a cleaning pass within 20 s');
      await sleep(100);
      cleaned = (await viewer.compaction.topic({ topic })).partitions[0]!.cleaner!;
    }
    const pass = cleaned.lastPass!;
    const recordsAfter = await countRecords(topic);
    assert.ok(pass.recordsRemoved > 0, 'duplicates removed');
    assert.equal(cleaned.recordsRemoved, recordsBefore - recordsAfter, 'removed = records gone from the log');
    assert.ok(pass.startedAt >= producedUntil && pass.startedAt <= Date.now());
    assert.ok(pass.durationMs >= 0);
    assert.ok(cleaned.passes >= 1);
    assert.equal(cleaned.bytesRemoved >= pass.bytesBefore - pass.bytesAfter, true);
    assert.ok(pass.bytesAfter < pass.bytesBefore);
    assert.equal(cleaned.firstDirtyOffset, pass.cleanedUpTo);
    assert.ok(cleaned.firstDirtyOffset > 0);

    await as('operator').topics.alterConfigs({
      topic,
      set: { 'min.cleanable.dirty.ratio': '0.99' },
      remove: [],
      validateOnly: false,
    });
    // Let a pass that began before the change finish before writing more.
    await sleep(500);
    await produceRounds(topic, 2, keys);
    const dirty = (await viewer.compaction.topic({ topic })).partitions[0]!.cleaner!;
    const onDisk = dirtyFromDisk(topic, dirty.firstDirtyOffset);
    assert.equal(dirty.firstDirtyOffset, cleaned.firstDirtyOffset, 'no pass below the ratio');
    assert.equal(dirty.cleanableBytes, onDisk.cleanable);
    assert.equal(dirty.closedBytes, onDisk.total);
    assert.ok(dirty.dirtyRatio > 0 && dirty.dirtyRatio < 0.99, `dirty ratio ${dirty.dirtyRatio}`);
    assert.equal(dirty.dirtyRatio, onDisk.cleanable / onDisk.total);
    assert.equal(dirty.eligibility, 'below-ratio');
    assert.equal(dirty.minCleanableDirtyRatio, 0.99);

    const overview = await viewer.compaction.cleaner();
    assert.equal(overview.unavailableReason, null);
    const listed = overview.partitions.find((p) => p.topic === topic);
    assert.equal(listed?.dirtyRatio, dirty.dirtyRatio);
    assert.equal(listed?.brokerId, broker.services.node.nodeId);
    assert.ok(overview.partitions.every((p) => p.cleanupPolicy.includes('compact')));
    const ratios = overview.partitions.map((p) => p.dirtyRatio);
    assert.deepEqual(
      ratios,
      [...ratios].sort((a, b) => b - a),
      'most dirty first',
    );
    assert.deepEqual(overview.unread, []);
  });

  it('answers NOT_FOUND for an unknown topic', async () => {
    await assert.rejects(as('viewer').compaction.topic({ topic: 'nowhere' }), /no topic nowhere/);
  });
});
