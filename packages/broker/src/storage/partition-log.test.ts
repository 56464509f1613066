/**
 * The partition log with real files: offsets, idempotence, rolling, retention, DeleteRecords, LogAppendTime,
 * timestamp lookup, and recovery, driven by an explicit clock.
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, decodeRecordBatch, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { PartitionLog } from './partition-log.ts';

const T0 = 1_700_000_000_000;

function config(overrides: Record<string, string> = {}) {
  return resolveLogConfig(new BrokerConfigStore(new Map()), new Map(Object.entries(overrides)));
}

function openLog(dir: string, overrides: Record<string, string> = {}, cleanShutdown = true) {
  return new PartitionLog(dir, 't', 0, config(overrides), {
    recoveryPoint: 0,
    logStartOffset: 0,
    cleanShutdown,
    now: T0,
  });
}

async function batch(
  count: number,
  options: { timestamp?: number; producer?: [bigint, number, number]; size?: number } = {},
) {
  const timestamp = BigInt(options.timestamp ?? T0);
  return encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({
      key: Buffer.from(`k${i}`),
      value: Buffer.alloc(options.size ?? 10, 0x41 + (i % 26)),
      timestamp: timestamp + BigInt(i),
    })),
    ...(options.producer
      ? {
          producerId: options.producer[0],
          producerEpoch: options.producer[1],
          baseSequence: options.producer[2],
        }
      : {}),
  });
}

/** A batch as producers that leave timestamps unset send it: every record, and the batch, at -1. */
function batchWithoutTimestamps(count: number, size: number) {
  return encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({
      key: Buffer.from(`k${i}`),
      value: Buffer.alloc(size, 0x61 + (i % 26)),
      timestamp: -1n,
    })),
    baseTimestamp: -1n,
  });
}

const tempDir = () => tempDataDir('sluice-log-');

describe('PartitionLog', () => {
  it('assigns offsets and reads back the same records', async () => {
    const log = openLog(tempDir());
    assert.equal(log.appendAsLeader(await batch(3), 0, T0).baseOffset, 0);
    assert.equal(log.appendAsLeader(await batch(2), 0, T0).baseOffset, 3);
    assert.equal(log.logEndOffset, 5);
    assert.equal(log.highWatermark, 5);
    const read = log.read(3, 1 << 20, true, 'highWatermark');
    const { batches } = splitBatches(read.records);
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.header.baseOffset, 3n);
    const decoded = await decodeRecordBatch(batches[0]!.bytes);
    assert.deepEqual(
      decoded.records.map((r) => r.offset),
      [3n, 4n],
    );
    assert.equal(log.read(6, 100, true, 'highWatermark').errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    log.close();
  });

  it('answers a retried idempotent batch with its original offset and rejects gaps', async () => {
    const log = openLog(tempDir());
    const first = await batch(5, { producer: [7n, 0, 0] });
    assert.equal(log.appendAsLeader(Buffer.from(first), 0, T0).baseOffset, 0);
    assert.equal(log.appendAsLeader(await batch(5, { producer: [7n, 0, 5] }), 0, T0).baseOffset, 5);
    const retry = log.appendAsLeader(Buffer.from(first), 0, T0);
    assert.equal(retry.errorCode, ErrorCode.NONE);
    assert.equal(retry.baseOffset, 0, 'duplicate answered with its original offset');
    assert.equal(log.logEndOffset, 10, 'duplicate not appended');
    const gap = log.appendAsLeader(await batch(1, { producer: [7n, 0, 12] }), 0, T0);
    assert.equal(gap.errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    const stale = log.appendAsLeader(await batch(1, { producer: [7n, -1, 10] }), 0, T0);
    assert.equal(stale.errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    log.close();
  });

  it('saves the producer state at a clean shutdown and loads it instead of scanning the log', async () => {
    const dir = tempDir();
    let log = openLog(dir);
    const first = await batch(3, { producer: [11n, 0, 0] });
    log.appendAsLeader(Buffer.from(first), 0, T0);
    log.close(true);
    const snapshot = join(dir, 'producer-state.snapshot');
    assert.ok(
      readFileSync(snapshot, 'utf8').startsWith('3\n'),
      'the snapshot names the log end offset it describes',
    );

    // A retry after the restart is still recognised; the snapshot is used once and removed.
    log = openLog(dir);
    assert.equal(
      log.appendAsLeader(Buffer.from(first), 0, T0).baseOffset,
      0,
      'the retry gets its original offset',
    );
    assert.equal(existsSync(snapshot), false, 'a loaded snapshot is removed: the log moves on from here');
    log.close(true);

    // The snapshot, not the log, is what a clean start reads: a producer only the snapshot knows is known.
    const [endOffset] = readFileSync(snapshot, 'utf8').split('\n');
    const forged = JSON.stringify([
      [
        '99',
        {
          epoch: 4,
          batches: [{ firstSequence: 0, lastSequence: 0, firstOffset: 1, lastOffset: 1, timestamp: T0 }],
          lastTimestamp: T0,
        },
      ],
    ]);
    writeFileSync(snapshot, `${endOffset}\n${forged}`);
    log = openLog(dir);
    assert.equal(
      log.appendAsLeader(await batch(1, { producer: [99n, 3, 1] }), 0, T0).errorCode,
      ErrorCode.INVALID_PRODUCER_EPOCH,
      'epoch 4 of producer 99 came from the snapshot',
    );
    log.close(true);
    // A snapshot of another log end offset is stale: the log is scanned instead.
    writeFileSync(snapshot, `12345\n${forged}`);
    log = openLog(dir);
    assert.equal(
      log.appendAsLeader(await batch(1, { producer: [99n, 3, 0] }), 0, T0).errorCode,
      ErrorCode.NONE,
      'the stale snapshot was ignored',
    );
    log.close();
  });

  it('rejects corrupt, oversized and inconsistent batches', async () => {
    const log = openLog(tempDir(), { 'max.message.bytes': '2000' });
    const corrupt = await batch(2);
    corrupt[corrupt.length - 1]! ^= 1;
    assert.equal(log.appendAsLeader(corrupt, 0, T0).errorCode, ErrorCode.CORRUPT_MESSAGE);
    assert.equal(
      log.appendAsLeader(await batch(3, { size: 1000 }), 0, T0).errorCode,
      ErrorCode.MESSAGE_TOO_LARGE,
    );
    assert.equal(
      log.appendAsLeader(Buffer.from('not a batch at all, just bytes'), 0, T0).errorCode,
      ErrorCode.CORRUPT_MESSAGE,
    );
    assert.equal(log.logEndOffset, 0);
    log.close();
  });

  it('rolls segments by size and by age, and keeps 20-digit file names', async () => {
    const dir = tempDir();
    const log = openLog(dir, { 'segment.bytes': '1000', 'segment.ms': '60000' });
    for (let i = 0; i < 5; i++) log.appendAsLeader(await batch(4, { size: 100 }), 0, T0);
    assert.ok(log.segmentCount >= 3, `size roll: ${log.segmentCount} segments`);
    const before = log.segmentCount;
    log.appendAsLeader(await batch(1), 0, T0 + 61_000);
    log.appendAsLeader(await batch(1), 0, T0 + 122_000);
    assert.ok(log.segmentCount > before, 'age roll');
    const files = readdirSync(dir);
    assert.ok(files.includes('00000000000000000000.log'), `20-digit names: ${files.join(' ')}`);
    assert.equal(
      files.filter((f) => /^\d{20}\.(index|timeindex)$/.test(f)).length,
      2 * log.segmentCount,
      'both index files of every segment',
    );
    log.close();
  });

  it('rolls up to segment.jitter.ms before segment.ms, drawn per segment', async () => {
    // With a jitter as long as segment.ms, each log rolls somewhere in (0, segment.ms]: halfway there, some
    // logs have rolled and some have not (all 20 on one side has odds of 2 in a million).
    let rolled = 0;
    for (let i = 0; i < 20; i++) {
      const log = openLog(tempDir(), { 'segment.ms': '60000', 'segment.jitter.ms': '60000' });
      log.appendAsLeader(await batch(1), 0, T0);
      log.appendAsLeader(await batch(1), 0, T0 + 30_000);
      if (log.segmentCount > 1) rolled++;
      log.close();
    }
    assert.ok(rolled > 0 && rolled < 20, `${rolled} of 20 logs rolled halfway through segment.ms`);
    const plain = openLog(tempDir(), { 'segment.ms': '60000' });
    plain.appendAsLeader(await batch(1), 0, T0);
    plain.appendAsLeader(await batch(1), 0, T0 + 59_999);
    assert.equal(plain.segmentCount, 1, 'without jitter, not before segment.ms');
    plain.close();
  });

  it('holds one file descriptor per closed segment: index files are opened only to be written', async () => {
    const openFds = () => readdirSync('/proc/self/fd').length;
    const before = openFds();
    // An index entry for every batch, so every segment writes (and opens) both index files.
    const log = openLog(tempDir(), { 'segment.bytes': '1000', 'index.interval.bytes': '1' });
    for (let i = 0; i < 20; i++) log.appendAsLeader(await batch(2, { size: 100 }), 0, T0);
    // Rolled segments give up their index descriptors once their background flush is done.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const used = openFds() - before;
    assert.ok(
      used <= log.segmentCount + 2,
      `${used} descriptors for ${log.segmentCount} segments (a log file each, and the active segment's indexes)`,
    );
    assert.ok(log.segmentCount >= 5, `several segments (${log.segmentCount})`);
    log.close();
    assert.equal(openFds(), before, 'closing the log releases every descriptor');
  });

  it('deletes whole segments past retention.ms and retention.bytes, never the active one', async () => {
    const log = openLog(tempDir(), { 'segment.bytes': '600', 'retention.ms': '3600000' });
    for (let i = 0; i < 6; i++) log.appendAsLeader(await batch(4, { size: 100, timestamp: T0 + i }), 0, T0);
    const segments = log.segmentCount;
    assert.equal(log.enforceRetention(T0 + 1000), 0, 'nothing has expired yet');
    assert.equal(
      log.enforceRetention(T0 + 3_600_000 + 10),
      segments - 1,
      'all but the active segment expire',
    );
    assert.equal(log.logStartOffset, log.logEndOffset - 4);
    log.updateConfig(config({ 'segment.bytes': '600', 'retention.bytes': '700' }));
    for (let i = 0; i < 6; i++) log.appendAsLeader(await batch(4, { size: 100 }), 0, T0 + 10_000_000);
    log.enforceRetention(T0 + 10_000_000);
    assert.ok(log.size <= 700 + 600, `size ${log.size} bounded by retention.bytes plus one segment`);
    log.close();
  });

  it('renames a deleted segment to .deleted at once, unlinks it off the event loop, and drops leftovers at load', async () => {
    const dir = tempDir();
    const log = openLog(dir, { 'segment.bytes': '600', 'retention.ms': '3600000' });
    for (let i = 0; i < 3; i++) log.appendAsLeader(await batch(4, { size: 100, timestamp: T0 + i }), 0, T0);
    const segmentFiles = () => readdirSync(dir).filter((name) => /^\d{20}\./.test(name));
    const first = segmentFiles().find((name) => name.endsWith('.log'))!;
    assert.equal(log.enforceRetention(T0 + 3_600_000 + 10), 2, 'two closed segments expire');
    assert.ok(!existsSync(join(dir, first)), 'no file of a deleted segment stays under its own name');
    for (let waited = 0; segmentFiles().some((n) => n.endsWith('.deleted')) && waited < 5000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(
      segmentFiles().filter((name) => name.endsWith('.deleted')),
      [],
      'unlinked in the background',
    );
    log.close();

    // A crash between the rename and the unlink leaves .deleted files; load removes them and ignores them.
    writeFileSync(join(dir, `${first}.deleted`), Buffer.alloc(64, 1));
    const reopened = openLog(dir, { 'segment.bytes': '600', 'retention.ms': '3600000' });
    assert.ok(!existsSync(join(dir, `${first}.deleted`)));
    assert.equal(reopened.logStartOffset, 8);
    assert.equal(reopened.logEndOffset, 12);
    reopened.close();
  });

  // Regression (issue 11): sarama and message format v0 send batches whose timestamps are all -1. Appends failed
  // with ERR_OUT_OF_RANGE from the time index once a segment had taken index.interval.bytes.
  it('stores, indexes and recovers batches without timestamps, mixed with timestamped ones', async () => {
    const noTimestamp = () => batchWithoutTimestamps(3, 40);
    const dir = tempDir();
    const overrides = { 'index.interval.bytes': '256', 'segment.bytes': '8192' };
    const log = openLog(dir, overrides);
    for (let i = 0; i < 100; i++) assert.equal(log.appendAsLeader(await noTimestamp(), 0, T0).errorCode, 0);
    for (let i = 0; i < 20; i++)
      log.appendAsLeader(await batch(3, { timestamp: T0 + 10 * i, size: 40 }), 0, T0);
    for (let i = 0; i < 100; i++) assert.equal(log.appendAsLeader(await noTimestamp(), 0, T0).errorCode, 0);
    assert.equal(log.logEndOffset, 660);
    assert.ok(log.segmentCount >= 3, `several segments (${log.segmentCount})`);
    assert.deepEqual(await log.offsetForTimestamp(T0), { offset: 300, timestamp: T0 });
    assert.deepEqual(await log.offsetForTimestamp(T0 + 50), { offset: 315, timestamp: T0 + 50 });
    assert.equal(await log.offsetForTimestamp(T0 + 1000), null);
    log.close();

    // An unclean start rebuilds every index from the batches and must accept the same log.
    const recovered = openLog(dir, overrides, false);
    assert.equal(recovered.logEndOffset, 660);
    assert.deepEqual(await recovered.offsetForTimestamp(T0 + 50), { offset: 315, timestamp: T0 + 50 });
    const offsets: bigint[] = [];
    for (let next = 0; next < 660;) {
      const { batches } = splitBatches(recovered.read(next, 1 << 20, true, 'highWatermark').records);
      for (const { bytes } of batches)
        for (const record of (await decodeRecordBatch(bytes)).records) offsets.push(record.offset);
      next = Number(offsets.at(-1)!) + 1;
    }
    assert.deepEqual(
      offsets,
      Array.from({ length: 660 }, (_, i) => BigInt(i)),
    );
    assert.equal(recovered.appendAsLeader(await noTimestamp(), 0, T0).baseOffset, 660);
    recovered.close();
  });

  it('expires segments without timestamps by when they were last written, as Kafka does', async () => {
    const log = openLog(tempDir(), { 'segment.bytes': '600', 'retention.ms': '3600000' });
    for (let i = 0; i < 6; i++) log.appendAsLeader(await batchWithoutTimestamps(4, 100), 0, T0);
    const now = Date.now();
    assert.equal(log.enforceRetention(now), 0, 'just written: nothing has expired');
    const segments = log.segmentCount;
    const longAgo = new Date(now - 2 * 3_600_000);
    for (const name of readdirSync(log.dir).filter((n) => n.endsWith('.log')))
      utimesSync(join(log.dir, name), longAgo, longAgo);
    assert.equal(log.enforceRetention(now), segments - 1, 'all but the active segment expire');
    log.close();
  });

  it('moves the log start offset with DeleteRecords', async () => {
    const log = openLog(tempDir(), { 'segment.bytes': '500' });
    for (let i = 0; i < 6; i++) log.appendAsLeader(await batch(4, { size: 100 }), 0, T0);
    assert.equal(log.deleteRecordsBefore(10).lowWatermark, 10);
    assert.equal(log.read(9, 1000, true, 'highWatermark').errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    assert.equal(log.read(10, 1000, true, 'highWatermark').errorCode, ErrorCode.NONE);
    assert.equal(log.deleteRecordsBefore(1000).errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
    log.close();
  });

  it('stamps LogAppendTime batches with the broker clock and keeps them CRC-valid', async () => {
    const log = openLog(tempDir(), { 'message.timestamp.type': 'LogAppendTime' });
    const result = log.appendAsLeader(await batch(3, { timestamp: 5 }), 0, T0 + 42);
    assert.equal(result.logAppendTime, T0 + 42);
    const decoded = await decodeRecordBatch(log.read(0, 1 << 20, true, 'highWatermark').records);
    assert.equal(decoded.header.timestampType, 1);
    assert.deepEqual(
      decoded.records.map((r) => r.timestamp),
      [BigInt(T0 + 42), BigInt(T0 + 42), BigInt(T0 + 42)],
    );
    log.close();
  });

  it('finds the exact record for a timestamp', async () => {
    const log = openLog(tempDir(), { 'index.interval.bytes': '1' });
    for (let i = 0; i < 10; i++) log.appendAsLeader(await batch(10, { timestamp: T0 + i * 100 }), 0, T0);
    assert.deepEqual(await log.offsetForTimestamp(T0 + 305), { offset: 35, timestamp: T0 + 305 });
    assert.deepEqual(await log.offsetForTimestamp(T0 - 5), { offset: 0, timestamp: T0 });
    assert.equal(await log.offsetForTimestamp(T0 + 5000), null);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 99, timestamp: T0 + 909, leaderEpoch: 0 });
    log.close();
  });

  it('gives the timestamp of the record at an offset, across batches and segments, null at the high watermark', async () => {
    const log = openLog(tempDir(), { 'segment.bytes': '700', 'index.interval.bytes': '1' });
    // Create times out of order inside a batch: the record's own timestamp, not the batch's first or max.
    for (let i = 0; i < 6; i++) {
      log.appendAsLeader(
        await encodeRecordBatch({
          records: [0, 1, 2, 3].map((r) => ({
            key: null,
            value: Buffer.alloc(100, r),
            timestamp: BigInt(T0 + i * 1000 + (r % 2 === 0 ? 500 - r : r)),
          })),
        }),
        0,
        T0,
      );
    }
    assert.ok(log.segmentCount >= 3, `the batches span ${log.segmentCount} segments`);
    for (const [offset, expected] of [
      [0, T0 + 500],
      [1, T0 + 1],
      [2, T0 + 498],
      [13, T0 + 3001],
      [22, T0 + 5498],
      [23, T0 + 5003],
    ] as const) {
      assert.equal(await log.timestampAtOffset(offset), expected, `offset ${offset}`);
    }
    assert.equal(await log.timestampAtOffset(24), null, 'at the high watermark');
    assert.equal(await log.timestampAtOffset(99), null, 'past the high watermark');
    log.deleteRecordsBefore(9);
    assert.equal(
      await log.timestampAtOffset(2),
      T0 + 2001,
      'below the log start offset: the first record kept',
    );
    log.close();

    const appendTime = openLog(tempDir(), { 'message.timestamp.type': 'LogAppendTime' });
    appendTime.appendAsLeader(await batch(3, { timestamp: 5 }), 0, T0 + 42);
    assert.equal(
      await appendTime.timestampAtOffset(1),
      T0 + 42,
      'LogAppendTime: the batch header stamps all',
    );
    appendTime.close();
  });

  it('flushes as flush.messages and flush.ms say, and leaves writes to the page cache by default', async () => {
    const byDefault = openLog(tempDir());
    byDefault.appendAsLeader(await batch(3), 0, T0);
    assert.equal(byDefault.recoveryPoint, 0, 'default: no fsync, the recovery point stays behind');
    byDefault.close();
    const everyMessage = openLog(tempDir(), { 'flush.messages': '1' });
    everyMessage.appendAsLeader(await batch(3), 0, T0);
    assert.equal(everyMessage.recoveryPoint, 3, 'flush.messages=1: fsync before the append returns');
    everyMessage.close();
    const timed = openLog(tempDir(), { 'flush.ms': '1000' });
    timed.appendAsLeader(await batch(2), 0, T0);
    timed.maybeFlushOnTime(T0 + 500);
    assert.equal(timed.recoveryPoint, 0);
    timed.maybeFlushOnTime(T0 + 1000);
    assert.equal(timed.recoveryPoint, 2, 'flush.ms elapsed: flushed');
    timed.close();
  });

  it('recovers after an unclean stop: truncates a torn tail, keeps producer state', async () => {
    const dir = tempDir();
    const log = openLog(dir);
    const first = await batch(5, { producer: [9n, 0, 0] });
    log.appendAsLeader(Buffer.from(first), 0, T0);
    log.appendAsLeader(await batch(5, { producer: [9n, 0, 5] }), 0, T0);
    log.close();
    appendFileSync(join(dir, '00000000000000000000.log'), Buffer.alloc(33, 7));
    const reopened = openLog(dir, {}, false);
    assert.equal(reopened.logEndOffset, 10);
    assert.equal(
      reopened.appendAsLeader(Buffer.from(first), 0, T0).baseOffset,
      0,
      'duplicate still detected',
    );
    assert.equal(reopened.appendAsLeader(await batch(1), 0, T0).baseOffset, 10);
    reopened.close();
  });
});
