import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatCount,
  formatDrainEstimate,
  formatDrainRates,
  formatDuration,
  formatLagSeconds,
  formatRecords,
} from './format.ts';

test('formatDuration keeps the three most significant units', () => {
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(0.9), '0 s');
  assert.equal(formatDuration(59), '59 s');
  assert.equal(formatDuration(60), '1 min 0 s');
  assert.equal(formatDuration(3_725), '1 h 2 min 5 s');
  assert.equal(formatDuration(90_061), '1 d 1 h 1 min');
  assert.equal(formatDuration(Number.NaN), '0 s');
});

test('formatDuration can keep fewer units', () => {
  assert.equal(formatDuration(3_725, 2), '1 h 2 min');
  assert.equal(formatDuration(3_725, 1), '1 h');
  assert.equal(formatDuration(45, 2), '45 s');
});

test('formatCount groups thousands the same way on the server and in any browser', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1_234_567), '1,234,567');
  assert.equal(formatCount(2 ** 53), '9,007,199,254,740,992');
});

test('formatRecords says record or records', () => {
  assert.equal(formatRecords(0), '0 records');
  assert.equal(formatRecords(1), '1 record');
  assert.equal(formatRecords(1_204), '1,204 records');
});

test('formatLagSeconds: two units, never a misleading 0 with lag, unknown without a timestamp', () => {
  assert.equal(formatLagSeconds(null), 'unknown');
  assert.equal(formatLagSeconds(Number.NaN), 'unknown');
  assert.equal(formatLagSeconds(0), '0 s');
  assert.equal(formatLagSeconds(0.25), 'under 1 s');
  assert.equal(formatLagSeconds(12.7), '12 s');
  assert.equal(formatLagSeconds(185), '3 min 5 s');
  assert.equal(formatLagSeconds(7_384), '2 h 3 min');
  assert.equal(formatLagSeconds(266_400), '3 d 2 h');
});

test('formatDrainEstimate puts each state in words, rounded to its largest unit', () => {
  const rates = { consumePerSecond: 10, producePerSecond: 5 };
  assert.equal(formatDrainEstimate({ state: 'drained' }), 'drained');
  assert.equal(formatDrainEstimate({ state: 'unknown' }), 'unknown');
  assert.equal(formatDrainEstimate({ state: 'never', ...rates }), 'never at the current rates');
  assert.equal(formatDrainEstimate({ state: 'draining', seconds: 0.2, ...rates }), 'about 1 s');
  assert.equal(formatDrainEstimate({ state: 'draining', seconds: 41.2, ...rates }), 'about 42 s');
  assert.equal(formatDrainEstimate({ state: 'draining', seconds: 185, ...rates }), 'about 3 min');
  assert.equal(formatDrainEstimate({ state: 'draining', seconds: 5_400, ...rates }), 'about 2 h');
  assert.equal(formatDrainEstimate({ state: 'draining', seconds: 200_000, ...rates }), 'about 2 d');
});

test('formatDrainRates gives the rates behind an estimate that has them', () => {
  assert.equal(
    formatDrainRates({ state: 'draining', seconds: 60, consumePerSecond: 12.46, producePerSecond: 10 }),
    'consuming 12.5 records/s, producing 10 records/s',
  );
  // A least-squares fit can come out slightly negative for a partition nobody writes to.
  assert.equal(
    formatDrainRates({ state: 'never', consumePerSecond: 0, producePerSecond: -0.01 }),
    'consuming 0 records/s, producing 0 records/s',
  );
  assert.equal(formatDrainRates({ state: 'drained' }), null);
  assert.equal(formatDrainRates({ state: 'unknown' }), null);
});
