import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDuration } from './format.ts';

test('formatDuration keeps the three most significant units', () => {
  assert.equal(formatDuration(0), '0 s');
  assert.equal(formatDuration(0.9), '0 s');
  assert.equal(formatDuration(59), '59 s');
  assert.equal(formatDuration(60), '1 min 0 s');
  assert.equal(formatDuration(3_725), '1 h 2 min 5 s');
  assert.equal(formatDuration(90_061), '1 d 1 h 1 min');
  assert.equal(formatDuration(Number.NaN), '0 s');
});
