import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSeek, DEFAULT_SEEK, recordHref, seekFromSearchParams, seekSearchParams } from './seek.ts';

test('the default seek is the newest page of every partition', () => {
  assert.deepEqual(checkSeek('orders', DEFAULT_SEEK), {
    ok: true,
    input: {
      topic: 'orders',
      partition: undefined,
      from: { type: 'newest' },
      limit: 50,
      isolationLevel: 'read_uncommitted',
    },
  });
});

test('an offset in one partition, and a local time, become the API input', () => {
  const byOffset = checkSeek('orders', { ...DEFAULT_SEEK, partition: '2', from: 'offset', offset: '42' });
  assert.deepEqual(byOffset.ok && byOffset.input, {
    topic: 'orders',
    partition: 2,
    from: { type: 'offset', offset: 42 },
    limit: 50,
    isolationLevel: 'read_uncommitted',
  });
  const byTime = checkSeek('orders', {
    ...DEFAULT_SEEK,
    from: 'timestamp',
    timestamp: '2025-03-14T09:26:53',
  });
  assert.deepEqual(byTime.ok && byTime.input.from, {
    type: 'timestamp',
    timestamp: new Date(2025, 2, 14, 9, 26, 53).getTime(),
  });
});

test('read_committed travels in the URL; read_uncommitted, the default, does not', () => {
  const committed = checkSeek('orders', { ...DEFAULT_SEEK, isolationLevel: 'read_committed' });
  assert.equal(committed.ok && committed.input.isolationLevel, 'read_committed');
  const params = seekSearchParams(
    committed.ok ? committed.input : { topic: 'orders', from: { type: 'newest' } },
  );
  assert.equal(params.toString(), 'isolation=read_committed');
  assert.equal(seekFromSearchParams(Object.fromEntries(params)).isolationLevel, 'read_committed');
  assert.equal(seekFromSearchParams({ isolation: 'dirty' }).isolationLevel, 'read_uncommitted');
});

test('a malformed offset, time or page size is reported on its field', () => {
  assert.deepEqual(checkSeek('orders', { ...DEFAULT_SEEK, from: 'offset', offset: '-1' }), {
    ok: false,
    errors: { offset: 'enter an offset: a whole number, 0 or more' },
  });
  assert.deepEqual(checkSeek('orders', { ...DEFAULT_SEEK, from: 'timestamp', timestamp: '' }), {
    ok: false,
    errors: { timestamp: 'enter a date and time' },
  });
  const tooBig = checkSeek('orders', { ...DEFAULT_SEEK, limit: '501' });
  assert.equal(tooBig.ok, false);
  assert.match((!tooBig.ok && tooBig.errors.limit) || '', /500/);
  // An offset typed but not used (seeking the newest) is not an error.
  assert.equal(checkSeek('orders', { ...DEFAULT_SEEK, offset: 'abc' }).ok, true);
});

test('the URL carries the seek, a time as epoch ms, and only what differs from the defaults', () => {
  const at = new Date(2025, 2, 14, 9, 26, 53).getTime();
  const params = seekSearchParams({
    topic: 'orders',
    partition: 1,
    from: { type: 'timestamp', timestamp: at },
    limit: 100,
  });
  assert.equal(params.toString(), `partition=1&from=timestamp&timestamp=${at}&limit=100`);
  assert.deepEqual(seekFromSearchParams(Object.fromEntries(params)), {
    ...DEFAULT_SEEK,
    partition: '1',
    from: 'timestamp',
    timestamp: '2025-03-14T09:26:53',
    limit: '100',
  });
  assert.equal(seekSearchParams({ topic: 'orders', from: { type: 'newest' }, limit: 50 }).toString(), '');
});

test('a hand-edited URL falls back to the defaults for what it gets wrong', () => {
  assert.deepEqual(
    seekFromSearchParams({ partition: 'x', from: 'sideways', offset: ['7', '8'], limit: '3' }),
    { ...DEFAULT_SEEK, offset: '7' },
  );
});

test('a record links to the browser at its partition and offset', () => {
  assert.equal(recordHref('orders', 2, 17), '/topics/orders/messages?partition=2&from=offset&offset=17');
});
