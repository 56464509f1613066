import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ConsoleRecord } from '../cluster-source/cluster-source.ts';
import { compileFilter, parseJsonPath, sampleEvenly } from './record-filter.ts';

const record = (key: string | null, value: string | null): ConsoleRecord => ({
  kind: 'record',
  partition: 0,
  offset: 0,
  timestamp: 0,
  timestampType: 'CreateTime',
  key: key === null ? null : Buffer.from(key).toString('base64'),
  value: value === null ? null : Buffer.from(value).toString('base64'),
  headers: [],
  size: 0,
});

test('parses JSON paths into steps', () => {
  assert.deepEqual(parseJsonPath('$.items[0].sku'), ['items', 0, 'sku']);
  assert.deepEqual(parseJsonPath('$'), []);
});

test('filters on key and value substrings and JSON paths with an optional value', () => {
  const order = record('user-7', '{"user":{"id":7,"name":"Ada"},"items":[{"sku":"A-1"}]}');
  const plain = record(null, 'not json');
  const keep = (filter: Parameters<typeof compileFilter>[0]) =>
    [order, plain].filter(compileFilter(filter)).map((r) => (r === order ? 'order' : 'plain'));
  assert.deepEqual(keep({}), ['order', 'plain'], 'no filter keeps all');
  assert.deepEqual(keep({ keyContains: 'user-' }), ['order'], 'key substring; a null key has none');
  assert.deepEqual(keep({ valueContains: 'json' }), ['plain'], 'value substring');
  assert.deepEqual(keep({ jsonPath: '$.user.id' }), ['order'], 'path exists; non-JSON values never match');
  assert.deepEqual(keep({ jsonPath: '$.user.id', jsonEquals: '7' }), ['order'], 'number compared as JSON');
  assert.deepEqual(keep({ jsonPath: '$.user.id', jsonEquals: '8' }), [], 'a different value');
  assert.deepEqual(
    keep({ jsonPath: '$.items[0].sku', jsonEquals: 'A-1' }),
    ['order'],
    'strings compare unquoted',
  );
  assert.deepEqual(keep({ jsonPath: '$.items[1].sku' }), [], 'a missing index');
  assert.deepEqual(keep({ jsonPath: '$.user.constructor' }), [], 'only own properties');
});

test('samples evenly and counts what it skipped', () => {
  const all = Array.from({ length: 10 }, (_, i) => i);
  assert.deepEqual(sampleEvenly(all, 20), { kept: all, skipped: 0 });
  assert.deepEqual(sampleEvenly(all, 5), { kept: [0, 2, 4, 6, 8], skipped: 5 });
  assert.deepEqual(sampleEvenly(all, 0), { kept: [], skipped: 10 });
});
