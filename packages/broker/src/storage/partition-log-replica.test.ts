/**
 * The replica side of the partition log: appends of leader-assigned batches, truncation (whole batches, indexes,
 * producer state, leader epochs), the settable high watermark, and the leader epoch cache across restarts.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { LEADER_EPOCH_CHECKPOINT_FILE } from './leader-epoch-cache.ts';
import { PartitionLog } from './partition-log.ts';

const T0 = 1_700_000_000_000;

function openLog(dir: string, overrides: Record<string, string> = {}, replicated = true) {
  const config = resolveLogConfig(new BrokerConfigStore(new Map()), new Map(Object.entries(overrides)));
  return new PartitionLog(dir, 't', 0, config, {
    recoveryPoint: 0,
    logStartOffset: 0,
    cleanShutdown: true,
    now: T0,
    ...(replicated ? { replicated: {} } : {}),
  });
}

/** A batch as a leader would send it: offsets and epoch assigned. */
function leaderBatch(baseOffset: number, count: number, epoch: number, producer?: [bigint, number]) {
  return encodeRecordBatch({
    baseOffset: BigInt(baseOffset),
    partitionLeaderEpoch: epoch,
    records: Array.from({ length: count }, (_, i) => ({
      key: null,
      value: Buffer.from(`e${epoch}-o${baseOffset + i}`),
      timestamp: BigInt(T0 + i),
    })),
    ...(producer ? { producerId: producer[0], producerEpoch: 0, baseSequence: producer[1] } : {}),
  });
}

describe('PartitionLog as a replica', () => {
  it('appends leader batches as they are, tracking leader epochs', async () => {
    const dir = tempDataDir('sluice-replica-');
    const log = openLog(dir);
    const records = Buffer.concat([
      await leaderBatch(0, 3, 1),
      await leaderBatch(3, 2, 1),
      await leaderBatch(5, 4, 3),
    ]);
    const result = log.appendAsFollower(records, T0);
    assert.equal(result.errorCode, ErrorCode.NONE);
    assert.deepEqual([result.firstOffset, result.lastOffset], [0, 8]);
    assert.equal(log.logEndOffset, 9);
    assert.equal(log.highWatermark, 0, 'a replicated log waits to be told its high watermark');
    assert.deepEqual(log.endOffsetForEpoch(1), { epoch: 1, endOffset: 5 });
    assert.deepEqual(log.endOffsetForEpoch(2), { epoch: 1, endOffset: 5 });
    assert.deepEqual(log.endOffsetForEpoch(3), { epoch: 3, endOffset: 9 });
    assert.equal(log.endOffsetForEpoch(4), null);
    assert.equal(readFileSync(join(dir, LEADER_EPOCH_CHECKPOINT_FILE), 'utf8'), '0\n2\n1 0\n3 5\n');
    const read = log.read(0, 1 << 20, true, 'logEnd');
    assert.deepEqual(read.records, records, 'bytes are stored exactly as the leader sent them');
    log.close();
  });

  it('refuses corrupt batches and batches that overlap the log, writing nothing', async () => {
    const log = openLog(tempDataDir('sluice-replica-'));
    log.appendAsFollower(await leaderBatch(0, 3, 1), T0);
    const overlapping = log.appendAsFollower(await leaderBatch(2, 2, 1), T0);
    assert.equal(overlapping.errorCode, ErrorCode.INVALID_RECORD);
    const corrupt = await leaderBatch(3, 2, 1);
    corrupt.writeUInt8(corrupt.readUInt8(corrupt.length - 1) ^ 0xff, corrupt.length - 1);
    const good = await leaderBatch(3, 2, 1);
    assert.equal(
      log.appendAsFollower(Buffer.concat([good, corrupt]), T0).errorCode,
      ErrorCode.CORRUPT_MESSAGE,
    );
    assert.equal(log.logEndOffset, 3, 'a bad batch anywhere rejects the whole append');
    const partial = Buffer.concat([good, (await leaderBatch(5, 1, 1)).subarray(0, 40)]);
    assert.equal(log.appendAsFollower(partial, T0).lastOffset, 4, 'a trailing partial batch is left out');
    log.close();
  });

  it('moves the high watermark forward only, within the log', async () => {
    const log = openLog(tempDataDir('sluice-replica-'));
    log.appendAsFollower(await leaderBatch(0, 5, 1), T0);
    assert.equal(log.updateHighWatermark(3), 3);
    assert.equal(log.read(0, 1 << 20, true, 'highWatermark').records.length > 0, true);
    assert.equal(
      log.read(3, 1 << 20, true, 'highWatermark').records.length,
      0,
      'nothing past the high watermark',
    );
    assert.equal(log.updateHighWatermark(2), 3, 'never backwards');
    assert.equal(log.updateHighWatermark(99), 5, 'never past the log end offset');
    log.close();
  });

  it('truncates whole batches across segments with indexes, producer state and epochs', async () => {
    const dir = tempDataDir('sluice-replica-');
    const log = openLog(dir, { 'segment.bytes': '200', 'index.interval.bytes': '1' });
    let offset = 0;
    for (let epoch = 1; epoch <= 3; epoch++) {
      for (let i = 0; i < 4; i++) {
        log.appendAsFollower(await leaderBatch(offset, 2, epoch, [9n, offset]), T0);
        offset += 2;
      }
    }
    assert.equal(log.logEndOffset, 24);
    assert.ok(log.segmentCount > 3);
    log.updateHighWatermark(20);
    assert.equal(log.truncateTo(11), true);
    assert.equal(log.logEndOffset, 10, 'the batch 10-11 straddles 11 and goes whole');
    assert.equal(log.highWatermark, 10);
    assert.deepEqual(log.leaderEpochs.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 8 },
    ]);
    assert.deepEqual(log.endOffsetForEpoch(2), { epoch: 2, endOffset: 10 });
    const sequence = (baseSequence: number) =>
      log.producers.check({
        producerId: 9n,
        producerEpoch: 0,
        baseSequence,
        recordCount: 2,
        maxTimestamp: T0,
      }).kind;
    assert.equal(sequence(8), 'duplicate', 'the last kept batch is still known');
    assert.equal(sequence(10), 'append', 'the producer continues from the truncated end');
    assert.equal(sequence(12), 'error', 'the removed batches are forgotten');
    const read = log.read(8, 1 << 20, true, 'logEnd');
    assert.deepEqual(
      splitBatches(read.records).batches.map((b) => b.header.baseOffset),
      [8n],
    );
    // The log continues at the truncation point in a new epoch, and survives a restart.
    assert.equal(log.appendAsFollower(await leaderBatch(10, 3, 4), T0).errorCode, ErrorCode.NONE);
    log.close(true);
    const reopened = openLog(dir, { 'segment.bytes': '200', 'index.interval.bytes': '1' });
    assert.equal(reopened.logEndOffset, 13);
    assert.deepEqual(reopened.endOffsetForEpoch(2), { epoch: 2, endOffset: 10 });
    assert.deepEqual(reopened.endOffsetForEpoch(4), { epoch: 4, endOffset: 13 });
    assert.equal(reopened.truncateTo(13), false, 'truncating at the end removes nothing');
    reopened.close();
  });

  it('drops an epoch recorded at the log end by a brief leadership, though no batch goes (as UnifiedLog.truncateTo in Kafka)', async () => {
    const log = openLog(tempDataDir('sluice-replica-'));
    log.appendAsFollower(await leaderBatch(0, 4, 1), T0);
    // Led for a moment in epoch 3: the epoch is recorded at the log end, and nothing was appended in it.
    log.leaderEpochs.assign(3, 4);
    assert.deepEqual(log.endOffsetForEpoch(3), { epoch: 3, endOffset: 4 });
    // The next leader never had epoch 3; its log diverges at offset 4, which is where this one ends.
    assert.equal(log.truncateTo(4), false, 'no batch is removed');
    assert.equal(log.logEndOffset, 4);
    assert.deepEqual(log.leaderEpochs.epochEntries(), [{ epoch: 1, startOffset: 0 }]);
    log.close();
  });

  it('starts over at an offset, and rebuilds a lost epoch checkpoint from the batches', async () => {
    const dir = tempDataDir('sluice-replica-');
    const log = openLog(dir);
    log.appendAsFollower(Buffer.concat([await leaderBatch(0, 2, 1), await leaderBatch(2, 2, 2)]), T0);
    log.close(true);
    rmSync(join(dir, LEADER_EPOCH_CHECKPOINT_FILE));
    const reopened = openLog(dir);
    assert.deepEqual(reopened.leaderEpochs.epochEntries(), [
      { epoch: 1, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
    ]);
    reopened.truncateFullyAndStartAt(100);
    assert.deepEqual(
      [reopened.logStartOffset, reopened.logEndOffset, reopened.highWatermark],
      [100, 100, 100],
    );
    assert.equal(reopened.leaderEpochs.epochEntries().length, 0);
    assert.equal(reopened.appendAsFollower(await leaderBatch(100, 1, 5), T0).errorCode, ErrorCode.NONE);
    reopened.close();
  });

  it('keeps a single broker log as it was: the high watermark follows appends', async () => {
    const log = openLog(tempDataDir('sluice-replica-'), {}, false);
    log.appendAsLeader(await leaderBatch(0, 2, 0), 0, T0);
    assert.equal(log.highWatermark, 2);
    assert.deepEqual(log.leaderEpochs.epochEntries(), [{ epoch: 0, startOffset: 0 }]);
    log.close();
  });
});
