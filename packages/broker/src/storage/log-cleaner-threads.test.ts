/**
 * Cleaning on a cleaner thread: log.cleaner.io.max.bytes.per.second slows a pass down to its rate (all threads
 * together, and a changed rate applies to a running pass), the event loop
 * keeps serving while a pass runs, and segments deleted under a running pass (DeleteRecords, retention) make the
 * pass drop its result: nothing is swapped, the partition is not marked uncleanable, and the next pass cleans.
 * A follower's truncation into the segments a pass reads drops the pass the same way (Kafka pauses cleaning for
 * a truncation), and pulls the cleaner checkpoint down to the truncated log's active segment.
 * A crash after a cleaner thread wrote its cleaned copies, before the swap, leaves the log as it was.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { decodeRecordBatch, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { ManualClock } from '../clock.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { OncePerCauseLog, createLogger } from '../logger.ts';
import { compactSegments, releaseTask, snapshotCleaning } from './log-cleaner.ts';
import { LogManager } from './log-manager.ts';
import { PartitionLog } from './partition-log.ts';

function setup() {
  const clock = new ManualClock();
  const logger = createLogger('cleaner-threads-test', 'silent');
  const logs = new LogManager(
    tempDataDir('sluice-cleaner-threads-'),
    clock,
    logger,
    new OncePerCauseLog(logger),
  );
  const config = resolveLogConfig(
    new BrokerConfigStore(new Map()),
    new Map([
      ['cleanup.policy', 'compact'],
      ['segment.bytes', '4096'],
    ]),
  );
  return { clock, logs, config, log: logs.create('t', 0, config) };
}

async function fill(log: PartitionLog, count: number, now: number) {
  for (let i = 0; i < count; i++) {
    const batch = await encodeRecordBatch({
      records: [
        {
          key: Buffer.from(`k${i % 10}`),
          value: Buffer.from(`value-${String(i).padStart(6, '0')}`),
          timestamp: BigInt(now),
        },
      ],
    });
    log.appendAsLeader(batch, 0, now);
  }
}

async function contents(log: PartitionLog) {
  const out: string[] = [];
  let offset = log.logStartOffset;
  while (offset < log.logEndOffset) {
    const { batches } = splitBatches(log.read(offset, 1 << 20, true, 'logEnd').records);
    if (batches.length === 0) break;
    for (const { bytes, header } of batches) {
      for (const r of (await decodeRecordBatch(bytes)).records)
        out.push(`${r.offset} ${r.key?.toString()} ${r.value?.toString()}`);
      offset = Number(header.baseOffset) + header.lastOffsetDelta + 1;
    }
  }
  return out;
}

describe('log cleaner threads', () => {
  it('throttles a pass to log.cleaner.io.max.bytes.per.second while the event loop keeps running', async () => {
    const { clock, logs, log } = setup();
    await fill(log, 600, clock.now());
    const closedBytes = logs.cleanerStatus()[0]!.cleanableBytes;
    const rate = closedBytes * 2; // the reads alone take half a second at this rate
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = performance.now();
    const cleaned = await logs.cleanAll({
      dedupeBufferBytes: 1 << 20,
      threads: 1,
      ioMaxBytesPerSecond: rate,
    });
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    assert.equal(cleaned, 1);
    // The key map and the rewrite each read every cleanable byte: at least two passes over them at `rate`.
    assert.ok(
      elapsed >= 800,
      `a throttled pass over ${2 * closedBytes} bytes at ${rate} B/s took ${elapsed} ms`,
    );
    assert.ok(ticks >= elapsed / 10 / 3, `the event loop ran timers during the pass (${ticks} ticks)`);

    await fill(log, 600, clock.now());
    const unthrottledStart = performance.now();
    assert.equal(await logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1 }), 1);
    assert.ok(performance.now() - unthrottledStart < elapsed / 2, 'without a limit the pass is faster');
    logs.close();
  });

  it('shares log.cleaner.io.max.bytes.per.second among all cleaner threads, as one Kafka Throttler does', async () => {
    const { clock, logs, config, log } = setup();
    const other = logs.create('u', 0, config);
    await fill(log, 600, clock.now());
    await fill(other, 600, clock.now());
    const bytes = logs.cleanerStatus().reduce((sum, status) => sum + status.cleanableBytes, 0);
    const rate = bytes * 2; // both passes' reads alone take half a second at this rate, whatever the threads
    const started = performance.now();
    const cleaned = await logs.cleanAll({
      dedupeBufferBytes: 1 << 20,
      threads: 2,
      ioMaxBytesPerSecond: rate,
    });
    const elapsed = performance.now() - started;
    assert.equal(cleaned, 2);
    assert.ok(
      elapsed >= 800,
      `two threads cleaning ${2 * bytes} bytes at ${rate} B/s together took ${elapsed} ms`,
    );
    logs.close();
  });

  it('applies a changed rate (a dynamic config) to a pass already running', async () => {
    const { clock, logs, log } = setup();
    await fill(log, 600, clock.now());
    const slow = logs.cleanerStatus()[0]!.cleanableBytes / 10; // twenty seconds and more at this rate
    const started = performance.now();
    const pass = logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1, ioMaxBytesPerSecond: slow });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(logs.cleanerStatus()[0]!.cleaning, true);
    logs.reconfigureCleaner({ dedupeBufferBytes: 1 << 20, threads: 1, ioMaxBytesPerSecond: Infinity });
    assert.equal(await pass, 1);
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 5_000, `the pass ended ${elapsed} ms after it started, unthrottled`);
    logs.close();
  });

  it('drops a pass whose segments DeleteRecords removed meanwhile, without marking the partition', async () => {
    const { clock, logs, log } = setup();
    await fill(log, 600, clock.now());
    const secondSegment = log.closedSegments()[1]!.baseOffset;
    const before = await contents(log);
    const rate = logs.cleanerStatus()[0]!.cleanableBytes * 2;
    const pass = logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1, ioMaxBytesPerSecond: rate });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(logs.cleanerStatus()[0]!.cleaning, true, 'the pass is still running');
    assert.equal(log.deleteRecordsBefore(secondSegment).lowWatermark, secondSegment);
    assert.equal(await pass, 0, 'the pass was dropped');
    const status = logs.cleanerStatus()[0]!;
    assert.equal(status.uncleanableReason, null);
    assert.equal(status.passes, 0);
    assert.equal(status.firstDirtyOffset, secondSegment, 'the checkpoint did not move past the log start');
    assert.deepEqual(
      await contents(log),
      before.filter((line) => Number(line.split(' ')[0]) >= secondSegment),
      'nothing was swapped in',
    );
    assert.equal(await logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1 }), 1, 'the next pass cleans');
    logs.close();
  });

  it('drops a pass when a follower truncates into the segments it reads, and keeps the checkpoint below the truncation', async () => {
    const { clock, logs, log } = setup();
    await fill(log, 600, clock.now());
    assert.equal(await logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1 }), 1);
    const firstCheckpoint = log.cleanerCheckpoint;
    await fill(log, 600, clock.now());
    // A truncation point below the first pass's checkpoint, inside a closed segment the second pass reads.
    const truncateAt = firstCheckpoint - 3;
    const expected = (await contents(log)).filter((line) => Number(line.split(' ')[0]) < truncateAt);
    const rate = logs.cleanerStatus()[0]!.cleanableBytes * 2;
    const pass = logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1, ioMaxBytesPerSecond: rate });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(logs.cleanerStatus()[0]!.cleaning, true, 'the pass is still running');
    // What a follower does when its log diverged from the new leader's (ReplicaFetcher's truncation).
    assert.equal(log.truncateTo(truncateAt), true);
    assert.equal(await pass, 0, 'the pass was dropped');
    assert.equal(logs.cleanerStatus()[0]!.uncleanableReason, null);
    assert.deepEqual(await contents(log), expected, 'nothing was swapped in over the truncated log');
    assert.ok(
      log.cleanerCheckpoint <= log.activeSegment.baseOffset && log.cleanerCheckpoint < truncateAt,
      `the checkpoint ${log.cleanerCheckpoint} follows the truncation to ${truncateAt}`,
    );

    // Appended again above the truncation point, the records are dirty and the next pass compacts them.
    await fill(log, 600, clock.now());
    const beforeClean = await contents(log);
    assert.equal(await logs.cleanAll({ dedupeBufferBytes: 1 << 20, threads: 1 }), 1, 'the next pass cleans');
    const after = await contents(log);
    const latest = (lines: string[]) => new Map(lines.map((line) => [line.split(' ')[1], line] as const));
    assert.deepEqual(latest(after), latest(beforeClean), 'every key keeps its latest value at its offset');
    assert.ok(after.length < beforeClean.length, 'superseded records were removed');
    const offsets = after.map((line) => Number(line.split(' ')[0]));
    assert.ok(
      offsets.every((offset, i) => i === 0 || offset > offsets[i - 1]!),
      'offsets increase',
    );
    logs.close();
  });

  it('drops cleaned copies a crash left unswapped: the reopened log is as before', async () => {
    const { clock, log } = setup();
    await fill(log, 600, clock.now());
    const before = await contents(log);
    const snapshot = snapshotCleaning(log, clock.now(), { dedupeBufferBytes: 1 << 20 })!;
    const plan = await compactSegments(snapshot.task);
    releaseTask(snapshot.task);
    assert.ok(plan && plan.groups.some((g) => g.cleaned), 'the pass wrote cleaned copies');
    const copies = readdirSync(log.dir).filter((name) => name.startsWith('.cleaned-'));
    assert.equal(copies.length, plan.groups.filter((g) => g.cleaned).length);
    // The crash: the process ends here, before applyCleaning; nothing is closed cleanly.
    const reopened = new PartitionLog(log.dir, 't', 0, log.logConfig, {
      recoveryPoint: 0,
      logStartOffset: 0,
      cleanShutdown: false,
      now: clock.now(),
    });
    assert.deepEqual(await contents(reopened), before);
    assert.deepEqual(
      readdirSync(log.dir).filter((name) => name.startsWith('.cleaned')),
      [],
      'the copies were dropped',
    );
    reopened.close();
    log.close();
  });
});
