import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { OpenTransaction } from '../cluster-source/cluster-source.ts';
import { transactionAge } from './transaction-age.ts';

const open = (startTimeMs: number | null, transactionTimeoutMs: number): OpenTransaction => ({
  transactionalId: 'payments',
  coordinatorId: 1,
  producerId: 1000,
  producerEpoch: 0,
  state: 'Ongoing',
  transactionTimeoutMs,
  startTimeMs,
  partitions: [{ topic: 'payments', partition: 0 }],
});

test('a transaction open within its timeout is not hanging', () => {
  assert.deepEqual(transactionAge(open(1_000, 60_000), 900_000, 31_000), {
    ageMs: 30_000,
    hanging: false,
    hangingReason: null,
  });
});

test('one open longer than its own timeout is hanging, and says why', () => {
  const age = transactionAge(open(0, 60_000), 900_000, 90_000);
  assert.equal(age.hanging, true);
  assert.equal(age.hangingReason, 'open 1.5 min, longer than its timeout (1 min)');
});

test("one open longer than the cluster's transaction.max.timeout.ms is hanging", () => {
  const age = transactionAge(open(0, 3_600_000), 900_000, 1_200_000);
  assert.equal(age.hanging, true);
  assert.match(age.hangingReason!, /longer than transaction\.max\.timeout\.ms \(15 min\)/);
});

test("without the cluster's transaction.max.timeout.ms, only its own timeout judges it", () => {
  assert.equal(transactionAge(open(0, 3_600_000), null, 1_200_000).hanging, false);
  assert.equal(transactionAge(open(0, 60_000), null, 90_000).hanging, true);
});

test('one whose start the coordinator does not give has no age and is not judged', () => {
  assert.deepEqual(transactionAge(open(null, 60_000), 900_000, 1e12), {
    ageMs: null,
    hanging: false,
    hangingReason: null,
  });
});
