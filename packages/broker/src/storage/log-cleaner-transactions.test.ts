/**
 * Log compaction of transactional data: aborted records are removed (and never enter the key map), nothing at or
 * past the LSO is cleaned, and markers stay while their transaction has data, then get a delete horizon and go
 * once it has passed.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ErrorCode, decodeRecordBatch, encodeRecordBatch, splitBatches } from '@sluice/protocol';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { tempDataDir } from '../../test/support/broker-process.ts';
import { cleanLog } from './log-cleaner.ts';
import { PartitionLog } from './partition-log.ts';

const T0 = 1_700_000_000_000;
const DAY = 86_400_000;
const OPTIONS = { dedupeBufferBytes: 1 << 20 };
const A = 1n;
const B = 2n;
const C = 3n;

function openLog(dir: string) {
  const config = resolveLogConfig(
    new BrokerConfigStore(new Map()),
    new Map(Object.entries({ 'cleanup.policy': 'compact', 'delete.retention.ms': String(DAY) })),
  );
  return new PartitionLog(dir, 't', 0, config, {
    recoveryPoint: 0,
    logStartOffset: 0,
    cleanShutdown: true,
    now: T0,
  });
}

async function append(
  log: PartitionLog,
  entries: [string, string][],
  producer?: { id: bigint; sequence: number; transactional: boolean },
) {
  const bytes = await encodeRecordBatch({
    records: entries.map(([key, value]) => ({
      key: Buffer.from(key),
      value: Buffer.from(value),
      timestamp: BigInt(T0),
    })),
    ...(producer
      ? {
          producerId: producer.id,
          producerEpoch: 0,
          baseSequence: producer.sequence,
          isTransactional: producer.transactional,
        }
      : {}),
  });
  const result = log.appendAsLeader(bytes, 0, T0);
  assert.equal(result.errorCode, ErrorCode.NONE, result.errorMessage ?? '');
}

function marker(log: PartitionLog, producerId: bigint, commit: boolean) {
  const result = log.appendTxnMarker({ producerId, producerEpoch: 0, coordinatorEpoch: 0, commit }, 0, T0);
  assert.equal(result.errorCode, ErrorCode.NONE);
  return result.baseOffset;
}

/** Every batch left: data records as "key=value@offset", markers as "MARKER(producer)@offset". */
async function contents(log: PartitionLog) {
  const out: string[] = [];
  let offset = log.logStartOffset;
  while (offset < log.logEndOffset) {
    const { batches } = splitBatches(log.read(offset, 1 << 24, true, 'logEnd').records);
    if (batches.length === 0) break;
    for (const { bytes, header } of batches) {
      offset = Number(header.baseOffset) + header.lastOffsetDelta + 1;
      if (header.isControl) {
        out.push(
          `MARKER(${header.producerId})@${header.baseOffset}${header.hasDeleteHorizon ? '+horizon' : ''}`,
        );
        continue;
      }
      for (const r of (await decodeRecordBatch(bytes)).records) out.push(`${r.key}=${r.value}@${r.offset}`);
    }
  }
  return out;
}

describe('log cleaner and transactions', () => {
  it('removes aborted records, keeps what they would have shadowed, and removes empty markers after a horizon', async () => {
    const log = openLog(tempDataDir('sluice-clean-txn-'));
    await append(
      log,
      [
        ['k0', 'a0'],
        ['k1', 'a1'],
      ],
      { id: A, sequence: 0, transactional: true },
    ); // 0-1
    marker(log, A, true); // 2
    await append(log, [['k0', 'aborted']], { id: B, sequence: 0, transactional: true }); // 3
    marker(log, B, false); // 4
    await append(log, [['k1', 'plain']]); // 5
    log.roll(T0);
    await append(log, [['k2', 'x']]); // 6

    const first = await cleanLog(log, T0, OPTIONS);
    assert.ok(first && first.recordsRemoved >= 2);
    assert.deepEqual(await contents(log), ['k0=a0@0', 'MARKER(1)@2', 'MARKER(2)@4', 'k1=plain@5', 'k2=x@6']);
    assert.deepEqual(
      log.collectAbortedTransactions(0, log.logEndOffset).map((t) => t.producerId),
      [B],
      "the abort marker stays with its index entry: this pass removed its transaction's data",
    );
    assert.deepEqual(log.read(0, 1 << 20, true, 'lastStable').abortedTransactions, [
      { producerId: B, firstOffset: 3n },
    ]);

    // A second pass (new dirty data): B's marker has nothing left, so it gets a delete horizon.
    log.roll(T0);
    await append(log, [['k3', 'y']]);
    await cleanLog(log, T0, OPTIONS);
    assert.deepEqual(await contents(log), [
      'k0=a0@0',
      'MARKER(1)@2',
      'MARKER(2)@4+horizon',
      'k1=plain@5',
      'k2=x@6',
      'k3=y@7',
    ]);
    assert.deepEqual(log.collectAbortedTransactions(0, log.logEndOffset), []);

    // Past the horizon, the next pass removes it; A's commit marker stays while A's k0 does.
    log.roll(T0);
    await append(log, [['k4', 'z']]);
    await cleanLog(log, T0 + 2 * DAY, OPTIONS);
    assert.deepEqual(await contents(log), [
      'k0=a0@0',
      'MARKER(1)@2',
      'k1=plain@5',
      'k2=x@6',
      'k3=y@7',
      'k4=z@8',
    ]);

    // A's record superseded: its commit marker goes through the same two steps.
    log.roll(T0);
    await append(log, [['k0', 'new']]);
    log.roll(T0);
    await append(log, [['k5', 'w']]);
    await cleanLog(log, T0 + 2 * DAY, OPTIONS);
    log.roll(T0);
    await append(log, [['k6', 'v']]);
    await cleanLog(log, T0 + 2 * DAY, OPTIONS);
    assert.ok((await contents(log)).includes('MARKER(1)@2+horizon'));
    log.roll(T0);
    await append(log, [['k7', 'u']]);
    await cleanLog(log, T0 + 4 * DAY, OPTIONS);
    assert.equal((await contents(log)).filter((c) => c.startsWith('MARKER')).length, 0);
  });

  it('never cleans at or past the LSO', async () => {
    const log = openLog(tempDataDir('sluice-clean-txn-'));
    await append(log, [['k', 'old']]); // 0
    await append(log, [['k', 'newer']]); // 1
    log.roll(T0);
    await append(log, [['open', 'txn']], { id: C, sequence: 0, transactional: true }); // 2
    await append(log, [['k', 'newest']]); // 3
    log.roll(T0);
    await append(log, [['tail', 't']]); // 4
    assert.equal(log.lastStableOffset, 2);
    const result = await cleanLog(log, T0, OPTIONS);
    assert.equal(result?.cleanedUpTo, 2, 'the segment holding the open transaction is not cleaned');
    assert.deepEqual(await contents(log), ['k=newer@1', 'open=txn@2', 'k=newest@3', 'tail=t@4']);
    marker(log, C, false);
    assert.equal(log.lastStableOffset, log.logEndOffset);
    log.roll(T0);
    await append(log, [['more', 'm']]);
    await cleanLog(log, T0, OPTIONS);
    assert.deepEqual(await contents(log), ['k=newest@3', 'tail=t@4', 'MARKER(3)@5', 'more=m@6']);
  });

  it('a crash between the merged .log and its .txnindex being renamed in loses no aborted transaction', async () => {
    const dir = tempDataDir('sluice-clean-txn-');
    const log = openLog(dir);
    await append(log, [['k', 'aborted']], { id: A, sequence: 0, transactional: true }); // 0
    log.roll(T0);
    marker(log, A, false); // 1
    await append(log, [['k', 'kept']]); // 2
    log.roll(T0);
    await append(log, [['tail', 't']]); // 3
    const original = join(dir, 'before-the-merge');
    mkdirSync(original);
    const second = readdirSync(dir).filter((name) => name.startsWith('00000000000000000001.'));
    assert.ok(second.includes('00000000000000000001.txnindex'));
    for (const name of second) copyFileSync(join(dir, name), join(original, name));
    await cleanLog(log, T0, OPTIONS);
    const cleaned = await contents(log);
    assert.deepEqual(
      cleaned,
      ['MARKER(1)@1', 'k=kept@2', 'tail=t@3'],
      'one merged segment below the active one',
    );
    const aborted = log.collectAbortedTransactions(0, log.logEndOffset);
    assert.deepEqual(
      aborted.map((t) => [t.producerId, t.firstOffset, t.lastOffset]),
      [[A, 0, 1]],
    );
    log.close();

    // After the merged .log was renamed in: the old second segment is still there, the merged .txnindex not yet.
    for (const name of second) copyFileSync(join(original, name), join(dir, name));
    mkdirSync(join(dir, '.cleaned'));
    renameSync(
      join(dir, '00000000000000000000.txnindex'),
      join(dir, '.cleaned', '00000000000000000000.txnindex'),
    );
    writeFileSync(join(dir, '.cleaned', 'replaces'), '0 3 1\n');
    const reopened = openLog(dir);
    assert.deepEqual(await contents(reopened), cleaned);
    assert.equal(reopened.segmentCount, 2);
    assert.deepEqual(reopened.collectAbortedTransactions(0, reopened.logEndOffset), aborted);
    reopened.close();
  });
});
