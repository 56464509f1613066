import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTimestamp } from './format-timestamp.ts';

test('formatTimestamp writes local date and time to the second, zero-padded', () => {
  assert.equal(formatTimestamp(new Date(2026, 2, 3, 14, 5, 9, 750)), '2026-03-03 14:05:09');
  assert.equal(formatTimestamp(new Date(2027, 11, 31, 0, 0, 0)), '2027-12-31 00:00:00');
});
