import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBytes, formatRecordRate } from './topic-format.ts';

test('formatBytes uses binary units with at most one decimal', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1_023), '1,023 B');
  assert.equal(formatBytes(1_024), '1 KiB');
  assert.equal(formatBytes(1_536), '1.5 KiB');
  assert.equal(formatBytes(1_073_741_824), '1 GiB');
  assert.equal(formatBytes(13_207_024_435), '12.3 GiB');
  assert.equal(formatBytes(2 ** 60), '1,024 PiB');
  assert.equal(formatBytes(-5), '0 B');
});

test('formatRecordRate: a dash before a second reading, never a misleading 0 while records arrive', () => {
  assert.equal(formatRecordRate(null), '—');
  assert.equal(formatRecordRate(Number.NaN), '—');
  assert.equal(formatRecordRate(0), '0');
  assert.equal(formatRecordRate(0.02), 'under 0.1');
  assert.equal(formatRecordRate(0.06), '0.1');
  assert.equal(formatRecordRate(12.46), '12.5');
  assert.equal(formatRecordRate(48_213.4), '48,213.4');
});
