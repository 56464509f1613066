import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTail, DEFAULT_TAIL_SETTINGS } from './tail-settings.ts';

test('the defaults tail every partition from the newest, unfiltered, at the server’s default cap', () => {
  assert.deepEqual(checkTail('orders', DEFAULT_TAIL_SETTINGS), {
    ok: true,
    input: { topic: 'orders', from: { type: 'newest' }, maxPerSecond: 500 },
  });
});

test('partitions, a start offset, filters and a cap reach the input; empty filters are none', () => {
  const checked = checkTail('orders', {
    ...DEFAULT_TAIL_SETTINGS,
    from: 'offset',
    offset: '12',
    partitions: [0, 2],
    valueContains: 'needle',
    jsonPath: ' $.user.id ',
    jsonEquals: '7',
    maxPerSecond: '100',
  });
  assert.deepEqual(checked.ok && checked.input, {
    topic: 'orders',
    partitions: [0, 2],
    from: { type: 'offset', offset: 12 },
    valueContains: 'needle',
    jsonPath: '$.user.id',
    jsonEquals: '7',
    maxPerSecond: 100,
  });
});

test('read_committed reaches the input; read_uncommitted, the server default, stays out of it', () => {
  const checked = checkTail('orders', { ...DEFAULT_TAIL_SETTINGS, isolationLevel: 'read_committed' });
  assert.equal(checked.ok && checked.input.isolationLevel, 'read_committed');
});

test('a start time is read in local time', () => {
  const checked = checkTail('orders', {
    ...DEFAULT_TAIL_SETTINGS,
    from: 'timestamp',
    timestamp: '2025-03-14T09:26',
  });
  assert.deepEqual(checked.ok && checked.input.from, {
    type: 'timestamp',
    timestamp: new Date(2025, 2, 14, 9, 26).getTime(),
  });
});

test('each problem lands on its field, in the shared schema’s words where it has them', () => {
  const checked = checkTail('orders', {
    ...DEFAULT_TAIL_SETTINGS,
    from: 'offset',
    offset: 'x',
    partitions: [],
    jsonPath: 'user.id',
    maxPerSecond: '5001',
  });
  assert.deepEqual(!checked.ok && checked.errors, {
    offset: 'enter an offset: a whole number, 0 or more',
    partitions: 'choose at least one partition',
    jsonPath: 'a JSON path like $.user.id or $.items[0]',
    maxPerSecond: 'Too big: expected number to be <=5000',
  });
  const equalsAlone = checkTail('orders', { ...DEFAULT_TAIL_SETTINGS, jsonEquals: '7' });
  assert.deepEqual(!equalsAlone.ok && equalsAlone.errors, {
    jsonEquals: 'a value to compare needs a JSON path to compare it at',
  });
});
