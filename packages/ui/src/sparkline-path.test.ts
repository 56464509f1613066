import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sparklinePaths } from './sparkline-path.ts';

test('sparklinePaths scales from 0 to the highest value, newest at the right edge', () => {
  const { line, area, top } = sparklinePaths([0, 50, 100], 5);
  assert.equal(top, 100);
  // x 2, 3, 4 of 0..4; y 98 (baseline) to 4 (top).
  assert.equal(line, 'M2 98L3 51L4 4');
  assert.equal(area, 'M2 98L3 51L4 4L4 100L2 100Z');
});

test('sparklinePaths keeps only the last `capacity` values', () => {
  assert.equal(sparklinePaths([1000, 1, 2], 2).line, 'M0 51L1 4');
});

test('sparklinePaths breaks the line at unknown values and draws a lone point as a dot', () => {
  const { line, area } = sparklinePaths([10, 10, null, 5, null], 5);
  assert.equal(line, 'M0 4L1 4M3 51h0');
  assert.equal(area, 'M0 4L1 4L1 100L0 100Z');
});

test('sparklinePaths lays an all-zero or empty series on the baseline', () => {
  assert.deepEqual(sparklinePaths([0, 0], 3), {
    line: 'M1 98L2 98',
    area: 'M1 98L2 98L2 100L1 100Z',
    top: 0,
  });
  assert.deepEqual(sparklinePaths([], 3), { line: '', area: '', top: 0 });
  assert.equal(sparklinePaths([-5, 10], 2).line, 'M0 98L1 4');
});
