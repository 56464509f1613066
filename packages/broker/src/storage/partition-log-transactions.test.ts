/**
 * Transactions in the partition log with real files: the LSO with one and two producers, commit and abort markers,
 * the aborted transaction index (.txnindex) and what read_committed reads return from it, marker fencing,
 * INVALID_TXN_STATE, truncation, followers, and restarts clean (snapshot) and unclean (replay).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, decodeEndTxnMarker, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { PartitionLog } from './partition-log.ts';
import { ABORTED_TXN_ENTRY_BYTES } from './transaction-index.ts';

const T0 = 1_700_000_000_000;
const A = 1000n;
const B = 2000n;
const C = 3000n;

function openLog(
  dir: string,
  options: { cleanShutdown?: boolean; recoveryPoint?: number; replicated?: boolean } = {},
  overrides: Record<string, string> = {},
) {
  const config = resolveLogConfig(new BrokerConfigStore(new Map()), new Map(Object.entries(overrides)));
  return new PartitionLog(dir, 't', 0, config, {
    recoveryPoint: options.recoveryPoint ?? 0,
    logStartOffset: 0,
    cleanShutdown: options.cleanShutdown ?? true,
    now: T0,
    ...(options.replicated ? { replicated: {} } : {}),
  });
}

/** `count` records of producer `producerId` (epoch 0 unless given), transactional unless told otherwise. */
function batch(
  producerId: bigint,
  baseSequence: number,
  count = 2,
  options: { transactional?: boolean; epoch?: number } = {},
) {
  return encodeRecordBatch({
    records: Array.from({ length: count }, (_, i) => ({
      key: Buffer.from(`k${i}`),
      value: Buffer.from(`v${baseSequence + i}`),
      timestamp: BigInt(T0),
    })),
    producerId,
    producerEpoch: options.epoch ?? 0,
    baseSequence,
    isTransactional: options.transactional ?? true,
  });
}

function plainBatch(count = 1) {
  return encodeRecordBatch({
    records: Array.from({ length: count }, () => ({
      key: null,
      value: Buffer.from('x'),
      timestamp: BigInt(T0),
    })),
  });
}

async function append(log: PartitionLog, bytes: Promise<Buffer> | Buffer) {
  const result = log.appendAsLeader(await bytes, 0, T0);
  assert.equal(result.errorCode, ErrorCode.NONE, result.errorMessage ?? '');
  return result.baseOffset;
}

function marker(
  log: PartitionLog,
  producerId: bigint,
  commit: boolean,
  coordinatorEpoch = 0,
  producerEpoch = 0,
) {
  return log.appendTxnMarker({ producerId, producerEpoch, coordinatorEpoch, commit }, 0, T0);
}

function committedRead(log: PartitionLog, fetchOffset: number, maxBytes = 1 << 20) {
  return log.read(fetchOffset, maxBytes, true, 'lastStable');
}

describe('partition log transactions', () => {
  it('holds the LSO at the first offset of an ongoing transaction until its marker', async () => {
    const log = openLog(tempDataDir('sluice-txn-'));
    assert.equal(await append(log, batch(A, 0, 3)), 0);
    assert.equal(log.firstUnstableOffset, 0);
    assert.equal(log.lastStableOffset, 0);
    assert.equal(log.highWatermark, 3);
    assert.equal(await append(log, plainBatch()), 3, 'other data goes on');
    assert.equal(await append(log, batch(A, 3, 1)), 4, 'the same transaction goes on');
    assert.equal(log.lastStableOffset, 0);
    assert.equal(log.producers.describeProducer(A)?.currentTxnStartOffset, 0);

    const read = committedRead(log, 0);
    assert.equal(read.records.length, 0, 'nothing below the LSO to read');
    assert.deepEqual(read.abortedTransactions, []);
    assert.equal(read.lastStableOffset, 0);
    assert.equal(log.read(0, 1 << 20, true, 'highWatermark').abortedTransactions, null);

    const written = marker(log, A, true, 3);
    assert.equal(written.errorCode, ErrorCode.NONE);
    assert.equal(written.baseOffset, 5);
    assert.equal(log.logEndOffset, 6);
    assert.equal(log.firstUnstableOffset, null);
    assert.equal(log.lastStableOffset, 6);
    const state = log.producers.describeProducer(A)!;
    assert.equal(state.currentTxnStartOffset, -1);
    assert.equal(state.coordinatorEpoch, 3);
    assert.equal(
      existsSync(join(log.dir, '00000000000000000000.txnindex')),
      false,
      'a commit indexes nothing',
    );

    const { batches } = splitBatches(committedRead(log, 0).records);
    assert.deepEqual(
      batches.map((b) => [b.header.baseOffset, b.header.isControl]),
      [
        [0n, false],
        [3n, false],
        [4n, false],
        [5n, true],
      ],
    );
    assert.deepEqual(decodeEndTxnMarker(batches[3]!.bytes), { commit: true, coordinatorEpoch: 3 });
    assert.equal(batches[3]!.header.producerId, A);
    assert.equal(batches[3]!.header.isTransactional, true);
    assert.equal(batches[3]!.header.baseSequence, -1);
  });

  it('with two producers: the earliest open transaction holds the LSO, aborts are indexed with their LSO', async () => {
    const log = openLog(tempDataDir('sluice-txn-'));
    await append(log, batch(A, 0)); // 0-1
    await append(log, batch(B, 0)); // 2-3
    await append(log, batch(A, 2)); // 4-5
    assert.equal(log.lastStableOffset, 0);
    assert.equal(marker(log, A, false).baseOffset, 6);
    assert.equal(log.lastStableOffset, 2, 'B is still open');
    assert.deepEqual(log.activeSegment.txnIndex.entries, [
      { producerId: A, firstOffset: 0, lastOffset: 6, lastStableOffset: 2 },
    ]);
    await append(log, batch(C, 0)); // 7-8
    assert.equal(marker(log, B, false).baseOffset, 9);
    assert.equal(log.lastStableOffset, 7);
    assert.equal(marker(log, C, true).baseOffset, 10);
    assert.equal(log.lastStableOffset, 11);
    assert.deepEqual(log.activeSegment.txnIndex.entries.at(-1), {
      producerId: B,
      firstOffset: 2,
      lastOffset: 9,
      lastStableOffset: 7,
    });
    const bytes = readFileSync(join(log.dir, '00000000000000000000.txnindex'));
    assert.equal(bytes.length, 2 * ABORTED_TXN_ENTRY_BYTES, "Kafka's 34-byte entries");
    assert.equal(bytes.readInt16BE(0), 0);
    assert.equal(bytes.readBigInt64BE(2), A);
    assert.equal(bytes.readBigInt64BE(10), 0n);
    assert.equal(bytes.readBigInt64BE(18), 6n);
    assert.equal(bytes.readBigInt64BE(26), 2n);

    assert.deepEqual(committedRead(log, 0).abortedTransactions, [
      { producerId: A, firstOffset: 0n },
      { producerId: B, firstOffset: 2n },
    ]);
    assert.deepEqual(
      committedRead(log, 7).abortedTransactions,
      [{ producerId: B, firstOffset: 2n }],
      "B's abort marker (9) is past offset 7",
    );
    assert.deepEqual(committedRead(log, 10).abortedTransactions, [], 'both ended before offset 10');
    assert.deepEqual(
      committedRead(log, 6).abortedTransactions,
      [
        { producerId: A, firstOffset: 0n },
        { producerId: B, firstOffset: 2n },
      ],
      "A's marker and B's open range overlap offset 6",
    );
    const first = committedRead(log, 0, 1);
    assert.deepEqual(
      splitBatches(first.records).batches.map((b) => b.header.baseOffset),
      [0n],
      'one batch: 0-1',
    );
    assert.deepEqual(
      first.abortedTransactions,
      [{ producerId: A, firstOffset: 0n }],
      'B starts at 2, past the read',
    );
  });

  it('refuses markers of older producer epochs and coordinator epochs, and non-transactional writes mid-transaction', async () => {
    const log = openLog(tempDataDir('sluice-txn-'));
    await append(log, batch(A, 0, 2, { epoch: 3 }));
    const plain = log.appendAsLeader(await batch(A, 2, 1, { epoch: 3, transactional: false }), 0, T0);
    assert.equal(plain.errorCode, ErrorCode.INVALID_TXN_STATE);
    assert.equal(marker(log, A, true, 5, 2).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    assert.equal(marker(log, A, true, 5, 3).errorCode, ErrorCode.NONE);
    assert.equal(marker(log, A, true, 4, 3).errorCode, ErrorCode.TRANSACTION_COORDINATOR_FENCED);
    assert.equal(
      marker(log, A, false, 5, 4).errorCode,
      ErrorCode.NONE,
      'a marker without a transaction is written',
    );
    assert.equal(log.logEndOffset, 4);
    assert.equal(log.activeSegment.txnIndex.entries.length, 0, 'it aborted nothing');
    assert.equal(log.producers.describeProducer(A)?.epoch, 4, 'the marker bumped the epoch');
    assert.equal(
      log.appendAsLeader(await batch(A, 0, 1, { epoch: 4, transactional: false }), 0, T0).errorCode,
      0,
    );
    const transactionalWithoutProducer = await encodeRecordBatch({
      records: [{ key: null, value: Buffer.from('x') }],
      isTransactional: true,
    });
    assert.equal(log.appendAsLeader(transactionalWithoutProducer, 0, T0).errorCode, ErrorCode.INVALID_RECORD);
  });

  it('keeps ongoing transactions and the aborted index across a clean restart (snapshot)', async () => {
    const dir = tempDataDir('sluice-txn-');
    const log = openLog(dir);
    await append(log, batch(A, 0)); // 0-1
    marker(log, A, false, 1); // 2
    await append(log, batch(B, 0)); // 3-4
    log.flush(T0);
    log.close(true);
    const reopened = openLog(dir);
    assert.equal(reopened.lastStableOffset, 3);
    assert.equal(reopened.producers.describeProducer(B)?.currentTxnStartOffset, 3);
    assert.equal(reopened.producers.describeProducer(A)?.coordinatorEpoch, 1);
    assert.deepEqual(committedRead(reopened, 0).abortedTransactions, [{ producerId: A, firstOffset: 0n }]);
    assert.equal(marker(reopened, B, true, 1).baseOffset, 5);
    assert.equal(reopened.lastStableOffset, 6);
    reopened.close();
  });

  it('rebuilds ongoing transactions and the aborted index after an unclean shutdown', async () => {
    const dir = tempDataDir('sluice-txn-');
    const log = openLog(dir);
    await append(log, batch(A, 0)); // 0-1
    await append(log, batch(B, 0)); // 2-3
    log.roll(T0);
    marker(log, A, false, 2); // 4
    await append(log, batch(C, 0)); // 5-6
    log.roll(T0);
    marker(log, B, false, 2); // 7
    const indexed = log.collectAbortedTransactions(0, log.logEndOffset);
    const files = () =>
      [...Array(log.logEndOffset).keys()]
        .map((o) => join(dir, `${String(o).padStart(20, '0')}.txnindex`))
        .filter((f) => existsSync(f))
        .map((f) => [f, statSync(f).size]);
    const before = files();
    assert.equal(before.length > 0, true);
    log.close(); // no snapshot, no clean-shutdown flush: as after SIGKILL

    const recovered = openLog(dir, { cleanShutdown: false, recoveryPoint: 0 });
    assert.deepEqual(files(), before, 'the same .txnindex files, rebuilt');
    assert.deepEqual(recovered.collectAbortedTransactions(0, recovered.logEndOffset), indexed);
    assert.equal(recovered.lastStableOffset, 5, "C's transaction is still open");
    assert.equal(recovered.producers.describeProducer(C)?.currentTxnStartOffset, 5);
    assert.equal(recovered.producers.describeProducer(B)?.coordinatorEpoch, 2);
    recovered.close();

    // A recovery point past the first segments: their .txnindex files are trusted, the rest rebuilt.
    const partly = openLog(dir, { cleanShutdown: false, recoveryPoint: 7 });
    assert.deepEqual(partly.collectAbortedTransactions(0, partly.logEndOffset), indexed);
    assert.equal(partly.lastStableOffset, 5);
    partly.close();
  });

  it('truncation removes aborted entries past the truncation point and reopens the transaction', async () => {
    const log = openLog(tempDataDir('sluice-txn-'), { replicated: true });
    await append(log, batch(A, 0)); // 0-1
    marker(log, A, false); // 2
    await append(log, batch(B, 0)); // 3-4
    marker(log, B, false); // 5
    log.updateHighWatermark(6);
    assert.equal(log.activeSegment.txnIndex.entries.length, 2);
    assert.equal(log.truncateTo(5), true);
    assert.deepEqual(
      log.activeSegment.txnIndex.entries.map((e) => e.producerId),
      [A],
      "B's abort went with its marker",
    );
    assert.equal(log.producers.describeProducer(B)?.currentTxnStartOffset, 3);
    assert.equal(log.lastStableOffset, 3);
    assert.equal(log.truncateTo(1), true);
    assert.equal(log.activeSegment.txnIndex.entries.length, 0);
    assert.equal(existsSync(join(log.dir, '00000000000000000000.txnindex')), false);
    assert.equal(log.logEndOffset, 0);
    assert.equal(log.firstUnstableOffset, null);
  });

  it('a replicated log keeps a completed transaction unstable until the high watermark passes its marker', async () => {
    const log = openLog(tempDataDir('sluice-txn-'), { replicated: true });
    await append(log, batch(A, 0)); // 0-1
    await append(log, plainBatch()); // 2
    log.updateHighWatermark(3);
    assert.equal(log.lastStableOffset, 0);
    marker(log, A, true); // 3
    assert.equal(log.lastStableOffset, 0, 'the marker is not replicated yet');
    log.updateHighWatermark(3);
    assert.equal(log.lastStableOffset, 0);
    log.updateHighWatermark(4);
    assert.equal(log.firstUnstableOffset, null);
    assert.equal(log.lastStableOffset, 4);
    await append(log, plainBatch());
    assert.equal(log.lastStableOffset, 4, 'no transaction: the LSO is the high watermark');
  });

  it('a follower applies transactional batches and markers as its leader did', async () => {
    const leader = openLog(tempDataDir('sluice-txn-leader-'));
    await append(leader, batch(A, 0)); // 0-1
    await append(leader, batch(B, 0)); // 2-3
    marker(leader, A, false, 7); // 4
    const follower = openLog(tempDataDir('sluice-txn-follower-'), { replicated: true });
    const fetched = leader.read(0, 1 << 20, true, 'logEnd').records;
    assert.equal(follower.appendAsFollower(fetched, T0).errorCode, ErrorCode.NONE);
    assert.deepEqual(follower.activeSegment.txnIndex.entries, leader.activeSegment.txnIndex.entries);
    assert.deepEqual(follower.producers.describe(), leader.producers.describe());
    follower.updateHighWatermark(5);
    assert.equal(follower.lastStableOffset, 2, 'a new leader would have the same LSO');
  });

  it('retention stops at the high watermark; a transaction whose start is deleted stays open', async () => {
    const dir = tempDataDir('sluice-txn-');
    const log = openLog(dir, { replicated: true }, { 'retention.ms': '1000' });
    await append(log, batch(A, 0)); // 0-1
    log.roll(T0);
    await append(log, plainBatch()); // 2
    log.roll(T0);
    await append(log, plainBatch()); // 3
    assert.equal(log.enforceRetention(T0 + 10_000), 0, 'nothing is below the high watermark (0)');
    log.updateHighWatermark(log.logEndOffset);
    assert.ok(log.enforceRetention(T0 + 10_000) > 0);
    assert.ok(log.logStartOffset > 0);
    assert.equal(
      log.firstUnstableOffset,
      log.logStartOffset,
      'clamped to the log start offset, as Kafka does',
    );
    assert.equal(log.lastStableOffset, log.logStartOffset);
    log.producers.expire(T0 + 1_000_000);
    assert.equal(
      log.producers.describeProducer(A)?.currentTxnStartOffset,
      0,
      'an open transaction never expires',
    );
  });

  it('a segment takes its .txnindex along when DeleteRecords, retention or topic deletion removes it', async () => {
    const dir = tempDataDir('sluice-txn-');
    const log = openLog(dir, {}, { 'retention.ms': '1000' });
    const txnIndexes = () => readdirSync(dir).filter((name) => name.endsWith('.txnindex'));
    await append(log, batch(A, 0)); // 0-1
    marker(log, A, false); // 2
    log.roll(T0);
    await append(log, batch(B, 0)); // 3-4
    marker(log, B, false); // 5
    log.roll(T0);
    await append(log, batch(C, 0)); // 6-7
    marker(log, C, false); // 8
    log.roll(T0);
    await append(log, plainBatch()); // 9
    assert.deepEqual(txnIndexes(), [
      '00000000000000000000.txnindex',
      '00000000000000000003.txnindex',
      '00000000000000000006.txnindex',
    ]);
    assert.equal(log.deleteRecordsBefore(4).errorCode, ErrorCode.NONE);
    assert.deepEqual(txnIndexes(), ['00000000000000000003.txnindex', '00000000000000000006.txnindex']);
    assert.deepEqual(
      committedRead(log, 4).abortedTransactions,
      [{ producerId: B, firstOffset: 3n }],
      'the log start offset is inside B: its abort is still listed',
    );
    assert.equal(log.enforceRetention(T0 + 10_000), 2);
    assert.deepEqual(txnIndexes(), []);
    log.deleteAll();
    // Deleted files are renamed at once and unlinked in the thread pool (LogSegment.delete).
    assert.deepEqual(
      readdirSync(dir).filter((name) => !name.endsWith('.deleted')),
      ['leader-epoch-checkpoint'],
    );
    for (let waited = 0; readdirSync(dir).length > 1 && waited < 5000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(readdirSync(dir), ['leader-epoch-checkpoint']);
  });
});
