/**
 * ListOffsets MAX_TIMESTAMP at the storage level, against Kafka 3.9's UnifiedLog.fetchOffsetByTimestamp:
 * the record holding the largest timestamp, not its batch's last offset (KAFKA-16310), across segments,
 * compression, LogAppendTime, logs without timestamps, and a clean restart.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompressionCodec, encodeRecordBatch } from '@sluice/protocol';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { PartitionLog } from './partition-log.ts';

const T0 = 1_700_000_000_000;

function openLog(dir: string, overrides: Record<string, string> = {}) {
  const config = resolveLogConfig(new BrokerConfigStore(new Map()), new Map(Object.entries(overrides)));
  return new PartitionLog(dir, 't', 0, config, {
    recoveryPoint: 0,
    logStartOffset: 0,
    cleanShutdown: true,
    now: T0,
  });
}

/** One batch whose records carry these create times (-1: no timestamp), in order. */
function batchOf(timestamps: number[], compression: number = CompressionCodec.none) {
  return encodeRecordBatch({
    records: timestamps.map((t, i) => ({
      key: null,
      value: Buffer.from(`v${i}`),
      timestamp: BigInt(t),
    })),
    baseTimestamp: BigInt(timestamps[0]!),
    compression,
  });
}

describe('ListOffsets MAX_TIMESTAMP in the partition log', () => {
  it('answers the record with the largest timestamp inside its batch (KAFKA-16310)', async () => {
    const log = openLog(tempDataDir('sluice-maxts-'));
    log.appendAsLeader(await batchOf([T0 + 100, T0 + 400, T0 + 250]), 3, T0);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 1, timestamp: T0 + 400, leaderEpoch: 3 });
    log.appendAsLeader(await batchOf([T0 + 50, T0 + 900, T0 + 900, T0 + 10], CompressionCodec.gzip), 4, T0);
    // Two records share the max: the first of them, in the batch's own leader epoch.
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 4, timestamp: T0 + 900, leaderEpoch: 4 });
    // A later batch with a smaller max changes nothing.
    log.appendAsLeader(await batchOf([T0 + 800]), 5, T0);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 4, timestamp: T0 + 900, leaderEpoch: 4 });
    log.close();
  });

  it('finds it in an older segment, through the offset index, and again after a clean restart', async () => {
    const dir = tempDataDir('sluice-maxts-');
    const log = openLog(dir, { 'segment.bytes': '1000', 'index.interval.bytes': '200' });
    let offset = 0;
    let expected = { offset: -1, timestamp: -1 };
    for (let i = 0; i < 60; i++) {
      // The largest timestamp lands in the middle of batch 17, in neither the first nor the last segment.
      const peak = i === 17;
      const timestamps = [T0 + i, T0 + i + (peak ? 5000 : 1), T0 + i + 2];
      if (peak) expected = { offset: offset + 1, timestamp: T0 + i + 5000 };
      log.appendAsLeader(await batchOf(timestamps), 0, T0);
      offset += timestamps.length;
    }
    assert.ok(log.segmentCount >= 4, `only ${log.segmentCount} segments`);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { ...expected, leaderEpoch: 0 });
    log.close();
    const reopened = openLog(dir, { 'segment.bytes': '1000', 'index.interval.bytes': '200' });
    assert.deepEqual(await reopened.offsetOfMaxTimestamp(), { ...expected, leaderEpoch: 0 });
    reopened.close();
  });

  it('keeps the largest timestamp of the active segment across a clean restart', async () => {
    const dir = tempDataDir('sluice-maxts-');
    // Large index interval: the time index gets no entry while appending; close must write the last one.
    const log = openLog(dir, { 'index.interval.bytes': '100000' });
    log.appendAsLeader(await batchOf([T0 + 1, T0 + 2]), 0, T0);
    log.appendAsLeader(await batchOf([T0 + 30, T0 + 700, T0 + 5]), 0, T0);
    log.appendAsLeader(await batchOf([T0 + 6]), 0, T0);
    log.close();
    const reopened = openLog(dir, { 'index.interval.bytes': '100000' });
    assert.deepEqual(await reopened.offsetOfMaxTimestamp(), {
      offset: 3,
      timestamp: T0 + 700,
      leaderEpoch: 0,
    });
    reopened.close();
  });

  it('answers the first record of a LogAppendTime batch, with the broker time', async () => {
    const log = openLog(tempDataDir('sluice-maxts-'), { 'message.timestamp.type': 'LogAppendTime' });
    log.appendAsLeader(await batchOf([T0 + 100, T0 + 400, T0 + 250]), 2, T0 + 10);
    log.appendAsLeader(await batchOf([T0 + 100, T0 + 400]), 2, T0 + 20);
    log.appendAsLeader(await batchOf([T0 + 100]), 2, T0 + 15);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 3, timestamp: T0 + 20, leaderEpoch: 2 });
    log.close();
  });

  it('answers the first record with timestamp -1 when no record has a timestamp, and null when empty', async () => {
    const log = openLog(tempDataDir('sluice-maxts-'));
    assert.equal(await log.offsetOfMaxTimestamp(), null);
    log.appendAsLeader(await batchOf([-1, -1]), 1, T0);
    log.appendAsLeader(await batchOf([-1]), 1, T0);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 0, timestamp: -1, leaderEpoch: 1 });
    log.appendAsLeader(await batchOf([-1, T0 + 3]), 1, T0);
    assert.deepEqual(await log.offsetOfMaxTimestamp(), { offset: 4, timestamp: T0 + 3, leaderEpoch: 1 });
    log.close();
  });
});
