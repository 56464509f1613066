import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatByteRate } from './format-traffic.ts';

test('formatByteRate uses binary units with one decimal', () => {
  assert.equal(formatByteRate(0), '0 B/s');
  assert.equal(formatByteRate(812.4), '812 B/s');
  assert.equal(formatByteRate(1023.4), '1,023 B/s');
  assert.equal(formatByteRate(1023.6), '1 KiB/s');
  assert.equal(formatByteRate(1536), '1.5 KiB/s');
  assert.equal(formatByteRate(5 * 1024 ** 3), '5 GiB/s');
  assert.equal(formatByteRate(3 * 1024 ** 5), '3,072 TiB/s');
});

test('formatByteRate says unknown without a value and never shows a negative rate', () => {
  assert.equal(formatByteRate(null), 'unknown');
  assert.equal(formatByteRate(Number.NaN), 'unknown');
  assert.equal(formatByteRate(-20), '0 B/s');
});
