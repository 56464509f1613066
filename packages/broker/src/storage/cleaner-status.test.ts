/**
 * The cleaner status of logs whose state is known: byte counts are checked against the segment files on disk,
 * offsets against where the records were written, eligibility against min.cleanable.dirty.ratio,
 * min.compaction.lag.ms and max.compaction.lag.ms, and what the status calls cleanable against what a pass then
 * really cleans, with passes on the event loop and on a cleaner thread. A corrupt batch in one partition marks it uncleanable while another partition is cleaned.
 */
import assert from 'node:assert/strict';
import { openSync, readFileSync, readdirSync, statSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeRecordBatch, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { ManualClock } from '../clock.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { OncePerCauseLog, createLogger } from '../logger.ts';
import { LogManager } from './log-manager.ts';
import type { PartitionLog } from './partition-log.ts';

const HOUR = 3_600_000;

function manager(clock = new ManualClock()) {
  const logger = createLogger('cleaner-status-test', 'silent');
  return {
    clock,
    logs: new LogManager(tempDataDir('sluice-cleaner-status-'), clock, logger, new OncePerCauseLog(logger)),
  };
}

function config(overrides: Record<string, string> = {}) {
  return resolveLogConfig(
    new BrokerConfigStore(new Map()),
    new Map(Object.entries({ 'cleanup.policy': 'compact', 'segment.bytes': '1024', ...overrides })),
  );
}

async function append(log: PartitionLog, key: string, value: string | null, timestamp: number) {
  const batch = await encodeRecordBatch({
    records: [
      {
        key: Buffer.from(key),
        value: value === null ? null : Buffer.from(value),
        timestamp: BigInt(timestamp),
      },
    ],
  });
  return log.appendAsLeader(batch, 0, timestamp).baseOffset;
}

/** The segment files on disk, by base offset: the last is the active segment. */
function segmentFiles(log: PartitionLog): { base: number; bytes: number; path: string }[] {
  return readdirSync(log.dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({
      base: Number(name.slice(0, -4)),
      bytes: statSync(join(log.dir, name)).size,
      path: join(log.dir, name),
    }))
    .sort((a, b) => a.base - b.base);
}

const sum = (files: { bytes: number }[]) => files.reduce((total, f) => total + f.bytes, 0);

/** Every record in the log, in offset order. */
async function allRecords(log: PartitionLog) {
  const out: { offset: number; key: string; value: string | null }[] = [];
  let offset = log.logStartOffset;
  while (offset < log.logEndOffset) {
    const { batches } = splitBatches(log.read(offset, 1 << 20, true, 'logEnd').records);
    if (batches.length === 0) break;
    for (const { bytes, header } of batches) {
      for (const r of (await decodeRecordBatch(bytes)).records)
        out.push({ offset: Number(r.offset), key: r.key!.toString(), value: r.value?.toString() ?? null });
      offset = Number(header.baseOffset) + header.lastOffsetDelta + 1;
    }
  }
  return out;
}

function statusOf(logs: LogManager, topic: string, partition = 0) {
  const status = logs.cleanerStatus().find((s) => s.topic === topic && s.partition === partition);
  assert.ok(status, `a status for ${topic}-${partition}`);
  return status;
}

const MODES = [
  ['on the event loop', { dedupeBufferBytes: 1 << 20 }],
  ['on a cleaner thread', { dedupeBufferBytes: 1 << 20, threads: 1 }],
] as const;

for (const [mode, OPTIONS] of MODES)
  describe(`cleaner status, cleaning ${mode}`, () => {
    it('reports the bytes, offsets and ratio of a dirty log, and the pass that cleans it', async () => {
      const { clock, logs } = manager();
      const log = logs.create('t', 0, config({ 'min.cleanable.dirty.ratio': '0.5' }));
      const written = 60;
      for (let i = 0; i < written; i++)
        await append(log, `k${i % 5}`, `value-${String(i).padStart(4, '0')}`, clock.now());
      const files = segmentFiles(log);
      assert.ok(files.length >= 3, 'several segments rolled');
      const closed = files.slice(0, -1);
      const active = files.at(-1)!;

      const before = statusOf(logs, 't');
      assert.equal(before.cleanupPolicy, 'compact');
      assert.equal(before.firstDirtyOffset, 0);
      assert.equal(before.firstUncleanableOffset, active.base);
      assert.equal(before.closedBytes, sum(closed));
      assert.equal(before.cleanBytes, 0);
      assert.equal(before.cleanableBytes, sum(closed));
      assert.equal(before.uncleanableBytes, 0);
      assert.equal(before.dirtyRatio, 1);
      assert.equal(before.minCleanableDirtyRatio, 0.5);
      assert.equal(before.eligibility, 'dirty-ratio');
      assert.equal(before.dueByMaxLagAt, null);
      assert.equal(before.cleaning, false);
      assert.equal(before.lastPass, null);
      assert.equal(before.passes, 0);
      assert.equal(before.uncleanableReason, null);

      const recordsBefore = log.logEndOffset - log.logStartOffset;
      const pass = logs.cleanAll(OPTIONS);
      assert.equal(statusOf(logs, 't').cleaning, true, 'a pass is running');
      assert.equal(await pass, 1);

      const after = statusOf(logs, 't');
      const filesAfter = segmentFiles(log);
      assert.equal(after.cleaning, false);
      assert.equal(after.firstDirtyOffset, active.base, 'the checkpoint moved to where the pass stopped');
      assert.equal(after.eligibility, 'clean');
      assert.equal(after.dirtyRatio, 0);
      assert.equal(after.cleanableBytes, 0);
      assert.equal(after.cleanBytes, sum(filesAfter.slice(0, -1)));
      assert.equal(after.closedBytes, after.cleanBytes);
      assert.equal(after.passes, 1);
      const lastPass = after.lastPass!;
      assert.ok(lastPass, 'the pass is recorded');
      assert.equal(lastPass.startedAt, clock.now());
      assert.equal(lastPass.cleanedUpTo, active.base);
      assert.equal(lastPass.segmentsCleaned, closed.length);
      assert.equal(lastPass.bytesBefore, before.cleanableBytes);
      assert.equal(lastPass.bytesAfter, sum(filesAfter.slice(0, -1)));
      assert.equal(after.bytesRemoved, lastPass.bytesBefore - lastPass.bytesAfter);
      const recordsLeft = (await allRecords(log)).length;
      assert.equal(lastPass.recordsRemoved, recordsBefore - recordsLeft);
      assert.equal(after.recordsRemoved, lastPass.recordsRemoved);
      logs.close();
    });

    it('does not count segments younger than min.compaction.lag.ms as cleanable, and a pass stops where it says', async () => {
      const { clock, logs } = manager();
      const T0 = clock.now();
      const log = logs.create(
        't',
        0,
        config({
          'min.compaction.lag.ms': String(HOUR),
          'max.compaction.lag.ms': String(HOUR / 2),
          'min.cleanable.dirty.ratio': '0.1',
        }),
      );
      for (let i = 0; i < 30; i++) await append(log, `k${i % 4}`, `old-${String(i).padStart(4, '0')}`, T0);
      const firstYoung = await append(log, 'k0', 'young-0000', T0 + HOUR);
      for (let i = 1; i < 30; i++)
        await append(log, `k${i % 4}`, `young-${String(i).padStart(4, '0')}`, T0 + HOUR);
      const files = segmentFiles(log);
      const closed = files.slice(0, -1);

      clock.advance(HOUR / 2);
      const tooYoung = statusOf(logs, 't');
      assert.equal(tooYoung.cleanableBytes, 0, 'nothing is an hour old yet');
      assert.equal(tooYoung.uncleanableBytes, sum(closed));
      assert.equal(tooYoung.firstUncleanableOffset, 0);
      assert.equal(tooYoung.eligibility, 'below-ratio');
      assert.equal(
        tooYoung.dueByMaxLagAt,
        T0 + HOUR,
        'max.compaction.lag.ms passed at T0 + 30 min, but nothing is cleaned before min.compaction.lag.ms',
      );
      assert.equal(await logs.cleanAll(OPTIONS), 0, 'and the cleaner agrees');

      clock.advance(HOUR);
      const youngSegment = files.filter((f) => f.base <= firstYoung).at(-1)!;
      const cleanable = closed.filter((f) => f.base < youngSegment.base);
      assert.ok(
        cleanable.length > 0 && cleanable.length < closed.length,
        'some segments old enough, some not',
      );
      const partly = statusOf(logs, 't');
      assert.equal(partly.firstUncleanableOffset, youngSegment.base);
      assert.equal(partly.cleanableBytes, sum(cleanable));
      assert.equal(partly.uncleanableBytes, sum(closed) - sum(cleanable));
      assert.equal(partly.dirtyRatio, 1);
      assert.equal(partly.eligibility, 'dirty-ratio');

      assert.equal(await logs.cleanAll(OPTIONS), 1);
      const pass = statusOf(logs, 't').lastPass!;
      assert.equal(
        pass.cleanedUpTo,
        partly.firstUncleanableOffset,
        'the pass cleaned exactly what was cleanable',
      );
      assert.equal(pass.bytesBefore, partly.cleanableBytes);
      const latest = new Map((await allRecords(log)).map((r) => [r.key, r.value]));
      for (let k = 0; k < 4; k++) assert.match(latest.get(`k${k}`)!, /^young-/, 'the latest values survive');
      logs.close();
    });

    it('compares the dirty ratio with min.cleanable.dirty.ratio and becomes due by max.compaction.lag.ms', async () => {
      const { clock, logs } = manager();
      const T0 = clock.now();
      const log = logs.create(
        't',
        0,
        config({ 'min.cleanable.dirty.ratio': '0.9', 'max.compaction.lag.ms': String(2 * HOUR) }),
      );
      for (let i = 0; i < 40; i++) await append(log, `k${i % 3}`, `v-${String(i).padStart(4, '0')}`, T0);
      assert.equal(await logs.cleanAll(OPTIONS), 1, 'a fresh log is all dirty: ratio 1 > 0.9');
      const cleanedTo = statusOf(logs, 't').firstDirtyOffset;
      clock.advance(HOUR);
      // A little new dirt: records until one more segment closes.
      for (let i = 0; segmentFiles(log).at(-1)!.base === cleanedTo; i++)
        await append(log, `k${i % 3}`, `n-${String(i).padStart(4, '0')}`, clock.now());
      const files = segmentFiles(log);
      const clean = files.filter((f) => f.base < cleanedTo);
      const dirty = files.slice(0, -1).filter((f) => f.base >= cleanedTo);
      const status = statusOf(logs, 't');
      assert.equal(status.cleanBytes, sum(clean));
      assert.equal(status.cleanableBytes, sum(dirty));
      assert.equal(status.dirtyRatio, sum(dirty) / (sum(clean) + sum(dirty)));
      assert.ok(status.dirtyRatio < 0.9);
      assert.equal(status.eligibility, 'below-ratio');
      assert.equal(
        status.dueByMaxLagAt,
        T0 + 2 * HOUR,
        'the first batch of the first dirty segment (written at T0, before the pass) + max.compaction.lag.ms',
      );
      assert.equal(await logs.cleanAll(OPTIONS), 0);

      clock.advance(2 * HOUR + 1);
      const overdue = statusOf(logs, 't');
      assert.equal(overdue.eligibility, 'max-compaction-lag');
      assert.equal(overdue.dueByMaxLagAt, null);
      assert.equal(await logs.cleanAll(OPTIONS), 1);
      assert.equal(statusOf(logs, 't').passes, 2);

      const plain = logs.create('plain', 0, resolveLogConfig(new BrokerConfigStore(new Map()), new Map()));
      await append(plain, 'k', 'v', clock.now());
      assert.equal(statusOf(logs, 'plain').eligibility, 'not-compacted');
      logs.close();
    });

    it('marks a partition with a corrupt batch uncleanable, with the reason, while another is cleaned', async () => {
      const { clock, logs } = manager();
      const broken = logs.create('t', 0, config());
      const healthy = logs.create('t', 1, config());
      for (const log of [broken, healthy])
        for (let i = 0; i < 40; i++)
          await append(log, `k${i % 3}`, `value-${String(i).padStart(4, '0')}`, clock.now());
      // One byte of a record's value in the second batch of the first segment: the batch header stays readable, the
      // CRC no longer matches.
      const first = segmentFiles(broken)[0]!;
      const original = readFileSync(first.path);
      const secondBatch = original.readInt32BE(8) + 12;
      const fd = openSync(first.path, 'r+');
      writeSync(fd, Buffer.from([original[secondBatch + 70]! ^ 0xff]), 0, 1, secondBatch + 70);
      closeSync(fd);

      assert.equal(await logs.cleanAll(OPTIONS), 1, 'the healthy partition is cleaned');
      const bad = statusOf(logs, 't', 0);
      assert.equal(bad.eligibility, 'uncleanable');
      assert.match(bad.uncleanableReason ?? '', /corrupt batch .*CRC/);
      assert.equal(bad.passes, 0);
      assert.equal(bad.cleaning, false);
      const good = statusOf(logs, 't', 1);
      assert.equal(good.uncleanableReason, null);
      assert.equal(good.passes, 1);
      assert.equal(good.eligibility, 'clean');

      for (const log of [broken, healthy])
        for (let i = 0; i < 40; i++)
          await append(log, `k${i % 3}`, `again-${String(i).padStart(4, '0')}`, clock.now());
      assert.equal(
        await logs.cleanAll(OPTIONS),
        1,
        'the uncleanable partition is skipped; the other cleaned again',
      );
      assert.equal(statusOf(logs, 't', 0).passes, 0);
      assert.equal(statusOf(logs, 't', 1).passes, 2);
      assert.deepEqual(
        readFileSync(first.path),
        Buffer.concat([
          original.subarray(0, secondBatch + 70),
          Buffer.from([original[secondBatch + 70]! ^ 0xff]),
          original.subarray(secondBatch + 71),
        ]),
        'the corrupt segment was left as it was',
      );

      logs.delete('t', 0);
      logs.create('t', 0, config());
      assert.equal(statusOf(logs, 't', 0).uncleanableReason, null, 'a deleted log is forgotten');
      logs.close();
    });
  });
