/**
 * Log compaction on real segment files: the latest record of each key survives at its offset, tombstones go
 * only after delete.retention.ms and a first pass, compressed and idempotent batches keep their fields, the
 * dirty ratio gates passes, and a compacted log reopens intact. Small segments are merged into segments of at
 * most segment.bytes, and a crash in the middle of a merge loses nothing and duplicates nothing.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CompressionCodec, decodeRecordBatch, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { cleanLog, needsCleaning } from './log-cleaner.ts';
import { PartitionLog } from './partition-log.ts';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;
const OPTIONS = { dedupeBufferBytes: 1 << 20 };

function openLog(dir: string, overrides: Record<string, string> = {}) {
  const config = resolveLogConfig(
    new BrokerConfigStore(new Map()),
    new Map(Object.entries({ 'cleanup.policy': 'compact', 'segment.bytes': '1024', ...overrides })),
  );
  return new PartitionLog(dir, 't', 0, config, {
    recoveryPoint: 0,
    logStartOffset: 0,
    cleanShutdown: true,
    now: T0,
  });
}

/** One record per batch: key, value (null for a tombstone), at `timestamp`. */
function record(
  key: string | null,
  value: string | null,
  timestamp = T0,
  compression: number = CompressionCodec.none,
) {
  return encodeRecordBatch({
    records: [
      {
        key: key === null ? null : Buffer.from(key),
        value: value === null ? null : Buffer.from(value),
        timestamp: BigInt(timestamp),
      },
    ],
    compression,
  });
}

/** Every record left in the log: [offset, key, value]. */
async function contents(log: PartitionLog) {
  const out: [number, string | null, string | null][] = [];
  let offset = log.logStartOffset;
  while (offset < log.logEndOffset) {
    const { records } = log.read(offset, 1 << 20, true, 'logEnd');
    const { batches } = splitBatches(records);
    if (batches.length === 0) break;
    for (const { bytes, header } of batches) {
      for (const r of (await decodeRecordBatch(bytes)).records)
        out.push([Number(r.offset), r.key?.toString() ?? null, r.value?.toString() ?? null]);
      offset = Number(header.baseOffset) + header.lastOffsetDelta + 1;
    }
  }
  return out;
}

describe('log cleaner', () => {
  it('keeps the latest record of every key at its offset, drops keyless records, and reopens intact', async () => {
    const dir = tempDataDir('sluice-clean-');
    const log = openLog(dir);
    const written: [number, string | null, string][] = [];
    for (let i = 0; i < 60; i++) {
      const key = i % 7 === 3 ? null : `key-${i % 5}`;
      const offset = log.appendAsLeader(await record(key, `v${i}`, T0 + i), 0, T0 + i).baseOffset;
      written.push([offset, key, `v${i}`]);
    }
    assert.ok(log.closedSegments().length >= 3, `several segments rolled (${log.segmentCount})`);
    assert.ok(needsCleaning(log, T0 + 100), 'a log never cleaned is all dirty');
    const result = await cleanLog(log, T0 + 100, OPTIONS);
    assert.ok(result && result.segmentsCleaned > 0, 'a pass ran');
    assert.equal(result.cleanedUpTo, log.activeSegment.baseOffset, 'everything up to the active segment');
    assert.ok(result.bytesAfter < result.bytesBefore, 'bytes were reclaimed');

    const active = log.activeSegment.baseOffset;
    const expected = written.filter(([offset, key]) => {
      if (offset >= active) return true;
      if (key === null) return false;
      // The key map covers only what is cleaned: a newer record in the active segment does not count yet.
      return !written.some(([later, k]) => k === key && later > offset && later < active);
    });
    const actual = await contents(log);
    assert.deepEqual(actual, expected, 'latest per key below the active segment, everything in it');
    assert.equal(needsCleaning(log, T0 + 100), false, 'a clean log is not cleaned again');
    assert.equal(await cleanLog(log, T0 + 100, OPTIONS), null, 'nothing left to clean');

    log.close();
    const reopened = openLog(dir);
    assert.deepEqual(await contents(reopened), expected, 'the compacted segments reopen with their indexes');
    assert.equal(reopened.logEndOffset, 60, 'the log end offset is unchanged');
    reopened.close();
  });

  it('removes a tombstone only after a pass has seen it and delete.retention.ms has passed', async () => {
    const log = openLog(tempDataDir('sluice-clean-'), { 'delete.retention.ms': String(DAY) });
    await log.appendAsLeader(await record('gone', 'v0'), 0, T0);
    log.appendAsLeader(await record('gone', null), 0, T0);
    log.appendAsLeader(await record('kept', 'v1'), 0, T0);
    log.roll(T0);
    log.appendAsLeader(await record('other', 'v2'), 0, T0);

    await cleanLog(log, T0 + 2 * DAY, OPTIONS);
    assert.deepEqual(
      (await contents(log)).map(([, k, v]) => [k, v]),
      [
        ['gone', null],
        ['kept', 'v1'],
        ['other', 'v2'],
      ],
      'the first pass keeps the tombstone, so consumers that were behind see the deletion',
    );
    // New dirty data makes a second pass; the tombstone, now in the cleaned part and old, goes.
    log.roll(T0);
    log.appendAsLeader(await record('later', 'v3'), 0, T0);
    await cleanLog(log, T0 + 2 * DAY, OPTIONS);
    assert.deepEqual(
      (await contents(log)).map(([, k, v]) => [k, v]),
      [
        ['kept', 'v1'],
        ['other', 'v2'],
        ['later', 'v3'],
      ],
      'the tombstone is removed on a later pass',
    );
  });

  it('re-encodes partly kept batches with their compression, producer fields and last offset', async () => {
    const log = openLog(tempDataDir('sluice-clean-'), { 'segment.bytes': '1048576' });
    const batch = await encodeRecordBatch({
      records: ['a', 'b', 'a', 'c'].map((key, i) => ({
        key: Buffer.from(key),
        value: Buffer.from(`v${i}`),
        timestamp: BigInt(T0),
      })),
      compression: CompressionCodec.zstd,
      producerId: 42n,
      producerEpoch: 3,
      baseSequence: 0,
    });
    log.appendAsLeader(batch, 0, T0);
    log.roll(T0);
    log.appendAsLeader(await record('d', 'v9'), 0, T0);
    await cleanLog(log, T0, OPTIONS);
    const { records } = log.read(0, 1 << 20, true, 'logEnd');
    const first = splitBatches(records).batches[0]!;
    assert.equal(first.header.compression, CompressionCodec.zstd, 'compression kept');
    assert.equal(first.header.producerId, 42n, 'producer id kept');
    assert.equal(first.header.producerEpoch, 3, 'producer epoch kept');
    assert.equal(
      first.header.lastOffsetDelta,
      3,
      'last offset delta kept, so the producer state is unchanged',
    );
    assert.deepEqual(
      (await decodeRecordBatch(first.bytes)).records.map((r) => [Number(r.offset), r.key!.toString()]),
      [
        [1, 'b'],
        [2, 'a'],
        [3, 'c'],
      ],
      'the first "a" went; the others kept their offsets',
    );
  });

  it('waits for min.cleanable.dirty.ratio and leaves records younger than min.compaction.lag.ms', async () => {
    const log = openLog(tempDataDir('sluice-clean-'), {
      'min.cleanable.dirty.ratio': '0.9',
      'min.compaction.lag.ms': String(DAY),
    });
    for (let i = 0; i < 40; i++) log.appendAsLeader(await record(`k${i % 3}`, `v${i}`, T0), 0, T0);
    assert.equal(
      await cleanLog(log, T0 + 1000, OPTIONS),
      null,
      'records younger than the lag are not cleaned',
    );
    const result = await cleanLog(log, T0 + 2 * DAY, OPTIONS);
    assert.ok(result, 'once old enough they are');
    for (let i = 0; i < 3; i++)
      log.appendAsLeader(await record(`k${i}`, `again${i}`, T0 + 2 * DAY), 0, T0 + 2 * DAY);
    log.roll(T0 + 2 * DAY);
    assert.equal(needsCleaning(log, T0 + 4 * DAY), false, 'a little new dirt stays under a 0.9 ratio');
  });

  /**
   * 400 records over 10 keys, a batch each, in segments of 1 KiB, cleaned after each 200: the first pass
   * empties most segments (sizes are measured before cleaning, as Kafka's are), the second merges them.
   */
  async function compactedTwice(dir: string) {
    const log = openLog(dir);
    const write = async (from: number) => {
      for (let i = from; i < from + 200; i++)
        log.appendAsLeader(await record(`key-${i % 10}`, `v${i}`, T0 + i), 0, T0 + i);
    };
    await write(0);
    const first = await cleanLog(log, T0 + 1000, OPTIONS);
    assert.ok(first, 'the first pass ran');
    await write(200);
    return { log, firstPassEnd: first.cleanedUpTo, closedBeforeMerge: log.closedSegments().length };
  }

  it('merges adjacent small segments into segments of at most segment.bytes', async () => {
    const { log, firstPassEnd, closedBeforeMerge } = await compactedTwice(tempDataDir('sluice-clean-'));
    assert.ok(closedBeforeMerge >= 20, `many segments (${closedBeforeMerge})`);
    assert.ok(await cleanLog(log, T0 + 1000, OPTIONS), 'the second pass ran');
    const after = log.closedSegments();
    assert.equal(
      after.filter((segment) => segment.baseOffset < firstPassEnd).length,
      1,
      `the first pass emptied its segments, and the second merged them (${closedBeforeMerge} closed segments became ${after.length})`,
    );
    for (const segment of after)
      assert.ok(segment.size <= 1024, `a merged segment fits segment.bytes (${segment.size})`);
    const active = log.activeSegment.baseOffset;
    const kept = await contents(log);
    const cleanedKeys = kept.filter(([offset]) => offset < active).map(([, key]) => key);
    assert.equal(new Set(cleanedKeys).size, cleanedKeys.length, 'each key once below the active segment');
    for (const [offset, key, value] of kept)
      assert.equal(
        `${key}:${value}`,
        `key-${offset % 10}:v${offset}`,
        `offset ${offset} holds what was written there`,
      );
    log.close();
    const reopened = openLog(log.dir);
    assert.deepEqual(await contents(reopened), kept, 'the merged segments reopen intact');
    reopened.close();
  });

  it('drops the superseded segments a merge left behind when it crashed before deleting them', async () => {
    const dir = tempDataDir('sluice-clean-');
    const { log } = await compactedTwice(dir);
    const original = join(dir, 'before-the-merge');
    mkdirSync(original);
    const files = readdirSync(dir).filter((name) => /^\d{20}\.(log|index|timeindex)$/.test(name));
    for (const name of files) copyFileSync(join(dir, name), join(original, name));
    await cleanLog(log, T0 + 1000, OPTIONS);
    const merged = await contents(log);
    const segmentsAfter = log.segmentCount;
    log.close();

    // The state of a crash after a merged segment was renamed in, before the segments it replaced were
    // deleted: those are back, beside .cleaned/ and its note of what the merged segment replaces.
    const bases = (names: string[]) =>
      [...new Set(names.filter((n) => n.endsWith('.log')).map((n) => Number(n.slice(0, 20))))].sort(
        (a, b) => a - b,
      );
    const remaining = bases(readdirSync(dir));
    const replaced = bases(files).filter((base) => !remaining.includes(base));
    assert.ok(replaced.length > 0, 'the merge replaced segments');
    const first = remaining.filter((base) => base < replaced.at(-1)!).at(-1)!;
    const end = remaining.find((base) => base > replaced.at(-1)!)!;
    const restored = replaced.filter((base) => base > first && base < end);
    for (const name of files)
      if (restored.includes(Number(name.slice(0, 20)))) copyFileSync(join(original, name), join(dir, name));
    mkdirSync(join(dir, '.cleaned'));
    writeFileSync(join(dir, '.cleaned', 'replaces'), `${first} ${end}\n`);
    assert.equal(
      bases(readdirSync(dir)).length,
      segmentsAfter + restored.length,
      'the old segments are back',
    );

    const reopened = openLog(dir);
    assert.deepEqual(await contents(reopened), merged, 'every record once, as the merge left them');
    assert.equal(reopened.segmentCount, segmentsAfter, 'the superseded segments were dropped');
    assert.equal(reopened.logEndOffset, 400, 'the log end offset is unchanged');
    reopened.close();
  });
});
