/**
 * The metadata log on disk: where a fetching replica stands (valid, diverging, or needing the snapshot), snapshot
 * files by Kafka's names with their header and footer, the log start offset after a snapshot and a restart, and
 * recovery from a torn write at the end.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { decodeControlRecordKey, decodeRecordBatch, splitBatches } from '@sluice/protocol';
import { SNAPSHOT_FOOTER_CONTROL_TYPE, SNAPSHOT_HEADER_CONTROL_TYPE } from './control-records.ts';
import { RaftLog, encodeLeaderBatch, snapshotFileName } from './raft-log.ts';

const root = mkdtempSync(join(tmpdir(), 'sluice-raft-log-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function append(log: RaftLog, epoch: number, values: string[]): Promise<void> {
  const batch = await encodeLeaderBatch(
    values.map((v) => ({ key: null, value: Buffer.from(v) })),
    epoch,
    Date.now(),
  );
  log.appendLeaderBatch(batch, Date.now());
}

describe('RaftLog', () => {
  const dir = join(root, 'a');
  let log: RaftLog;

  it('names snapshots <end offset, 20 digits>-<epoch, 10 digits>.checkpoint', () => {
    assert.equal(
      snapshotFileName({ endOffset: 150, epoch: 3 }),
      '00000000000000000150-0000000003.checkpoint',
    );
  });

  it('tells a fetching replica whether it may continue, or where its log diverges', async () => {
    log = new RaftLog(dir, Date.now());
    assert.deepEqual(log.validateOffsetAndEpoch(0, 0), { kind: 'valid' });
    await append(log, 1, ['a', 'b', 'c']);
    await append(log, 3, ['d', 'e', 'f']);
    assert.equal(log.lastFetchedEpoch(), 3);
    assert.deepEqual(log.validateOffsetAndEpoch(6, 3), { kind: 'valid' });
    assert.deepEqual(log.validateOffsetAndEpoch(4, 3), { kind: 'valid' });
    assert.deepEqual(log.validateOffsetAndEpoch(3, 1), { kind: 'valid' });
    assert.deepEqual(log.validateOffsetAndEpoch(7, 3), { kind: 'diverging', epoch: 3, endOffset: 6 });
    // A replica with offsets of epoch 2, which this log never had: its epoch-2 suffix diverges after epoch 1.
    assert.deepEqual(log.validateOffsetAndEpoch(5, 2), { kind: 'diverging', epoch: 1, endOffset: 3 });
    assert.deepEqual(log.validateOffsetAndEpoch(5, 1), { kind: 'diverging', epoch: 1, endOffset: 3 });
  });

  it('truncates to the end of the diverging epoch', async () => {
    const other = new RaftLog(join(root, 'b'), Date.now());
    await append(other, 1, ['a', 'b', 'c']);
    await append(other, 2, ['x', 'y']);
    assert.equal(other.truncateToEndOffset({ epoch: 1, endOffset: 3 }), 3);
    assert.equal(other.lastFetchedEpoch(), 1);
    other.close();
  });

  it('stores a snapshot with its header and footer, then starts the log at its end offset', async () => {
    await assert.rejects(
      log.createSnapshot({ endOffset: 3, epoch: 1 }, [Buffer.from('s')], Date.now()),
      /high watermark/,
    );
    log.updateHighWatermark(6);
    await assert.rejects(
      log.createSnapshot({ endOffset: 3, epoch: 3 }, [Buffer.from('s')], Date.now()),
      /epoch 1, not 3/,
    );
    await log.createSnapshot(
      { endOffset: 3, epoch: 1 },
      ['abc-1', 'abc-2'].map((v) => Buffer.from(v)),
      Date.now(),
    );
    assert.equal(log.startOffset, 3);
    assert.deepEqual(log.latestSnapshot(), { endOffset: 3, epoch: 1 });

    const bytes = log.snapshotBytes({ endOffset: 3, epoch: 1 })!;
    const { batches } = splitBatches(bytes);
    assert.equal(batches.length, 3);
    const controlType = async (i: number) =>
      decodeControlRecordKey((await decodeRecordBatch(batches[i]!.bytes)).records[0]!.key!).type;
    assert.equal(await controlType(0), SNAPSHOT_HEADER_CONTROL_TYPE);
    assert.equal(await controlType(2), SNAPSHOT_FOOTER_CONTROL_TYPE);
    assert.deepEqual(
      (await log.readSnapshot({ endOffset: 3, epoch: 1 })).map((b) => b.toString()),
      ['abc-1', 'abc-2'],
    );

    assert.deepEqual(log.validateOffsetAndEpoch(2, 1), { kind: 'snapshot', id: { endOffset: 3, epoch: 1 } });
    assert.deepEqual(log.validateOffsetAndEpoch(3, 0), { kind: 'snapshot', id: { endOffset: 3, epoch: 1 } });
    assert.deepEqual(log.validateOffsetAndEpoch(3, 1), { kind: 'valid' });
  });

  it('restarts with its snapshot and log, and drops a torn write at the end', async () => {
    log.close();
    const segment = readdirSync(log.dir)
      .filter((f) => f.endsWith('.log'))
      .sort()
      .at(-1)!;
    appendFileSync(join(log.dir, segment), Buffer.from([0, 0, 0, 0, 0, 0, 0, 6, 0, 0, 1, 0, 9, 9]));
    const reopened = new RaftLog(dir, Date.now());
    assert.equal(reopened.startOffset, 3);
    assert.equal(reopened.endOffset, 6);
    assert.equal(reopened.lastFetchedEpoch(), 3);
    assert.deepEqual(reopened.latestSnapshot(), { endOffset: 3, epoch: 1 });
    await append(reopened, 4, ['g']);
    assert.equal(reopened.endOffset, 7);
    reopened.close();
  });

  it('installs a fetched snapshot only when it is whole and CRC-valid', async () => {
    const follower = new RaftLog(join(root, 'c'), Date.now());
    const leaderBytes = new RaftLog(dir, Date.now());
    const bytes = leaderBytes.snapshotBytes({ endOffset: 3, epoch: 1 })!;
    leaderBytes.close();
    const corrupt = Buffer.from(bytes);
    corrupt[corrupt.length - 1] = corrupt[corrupt.length - 1]! ^ 0xff;
    assert.throws(() => follower.installSnapshot({ endOffset: 3, epoch: 1 }, corrupt), /CRC-valid/);
    assert.throws(
      () => follower.installSnapshot({ endOffset: 3, epoch: 1 }, bytes.subarray(0, 30)),
      /CRC-valid/,
    );
    follower.installSnapshot({ endOffset: 3, epoch: 1 }, bytes);
    assert.equal(follower.startOffset, 3);
    assert.equal(follower.endOffset, 3);
    assert.equal(follower.lastFetchedEpoch(), 1);
    follower.close();
  });
});
