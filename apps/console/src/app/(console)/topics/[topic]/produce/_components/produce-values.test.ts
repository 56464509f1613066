import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkProduce,
  COMPACTED_KEY_REQUIRED,
  EMPTY_PRODUCE_FORM,
  jsonProblem,
  summarizeWritten,
} from './produce-values.ts';

test('an empty key is no key, and the producer picks the partition', () => {
  assert.deepEqual(checkProduce('orders', { ...EMPTY_PRODUCE_FORM, value: 'hello' }), {
    ok: true,
    input: { topic: 'orders', partition: undefined, key: null, value: 'hello', headers: [], copies: 1 },
  });
});

test('a chosen partition, key, headers and copies reach the input; empty header rows are dropped', () => {
  const checked = checkProduce('orders', {
    ...EMPTY_PRODUCE_FORM,
    partition: '2',
    key: 'user-7',
    value: '{"a":1}',
    checkJson: true,
    headers: [
      { key: 'trace-id', value: 'abc' },
      { key: '', value: '' },
      { key: 'empty', value: '' },
    ],
    copies: '10',
  });
  assert.deepEqual(checked.ok && checked.input, {
    topic: 'orders',
    partition: 2,
    key: 'user-7',
    value: '{"a":1}',
    headers: [
      { key: 'trace-id', value: 'abc' },
      { key: 'empty', value: '' },
    ],
    copies: 10,
  });
});

test('a tombstone sends a null value, and is not checked as JSON', () => {
  const checked = checkProduce('orders', {
    ...EMPTY_PRODUCE_FORM,
    key: 'k',
    value: 'ignored',
    nullValue: true,
    checkJson: true,
  });
  assert.equal(checked.ok && checked.input.value, null);
});

test('the JSON check reports JSON.parse’s reason on the value', () => {
  const checked = checkProduce('orders', { ...EMPTY_PRODUCE_FORM, value: '{"a":', checkJson: true });
  assert.equal(checked.ok, false);
  assert.match((!checked.ok && checked.errors.value) || '', /^not JSON: /);
  assert.equal(checkProduce('orders', { ...EMPTY_PRODUCE_FORM, value: '{"a":' }).ok, true);
  assert.equal(jsonProblem('[1, 2]'), null);
});

test('the shared schema’s limits land on the field that broke them, a header on its own row', () => {
  const checked = checkProduce('orders', {
    ...EMPTY_PRODUCE_FORM,
    headers: [
      { key: '', value: '' },
      { key: '', value: 'orphan value' },
    ],
    copies: '1001',
  });
  assert.deepEqual(!checked.ok && checked.errors, {
    'headers.1.key': 'a header needs a key',
    copies: 'Too big: expected number to be <=1000',
  });
  const notANumber = checkProduce('orders', { ...EMPTY_PRODUCE_FORM, copies: '' });
  assert.equal(!notANumber.ok && notANumber.errors.copies, 'enter a whole number of copies, 1 to 1,000');
});

test('written offsets become runs per partition', () => {
  assert.deepEqual(
    summarizeWritten([
      { partition: 1, offset: 7 },
      { partition: 0, offset: 5 },
      { partition: 0, offset: 6 },
      { partition: 1, offset: 9 },
      { partition: 0, offset: 7 },
    ]),
    [
      { partition: 0, firstOffset: 5, lastOffset: 7, count: 3 },
      { partition: 1, firstOffset: 7, lastOffset: 7, count: 1 },
      { partition: 1, firstOffset: 9, lastOffset: 9, count: 1 },
    ],
  );
});

test('a compacted topic needs a key, as its broker does; other topics take records without one', () => {
  const keyless = { ...EMPTY_PRODUCE_FORM, value: 'v' };
  assert.deepEqual(
    checkProduce('profiles', keyless, { compacted: true }),
    { ok: false, errors: { key: COMPACTED_KEY_REQUIRED } },
    'refused before it is sent',
  );
  assert.equal(
    checkProduce('profiles', { ...keyless, key: 'k' }, { compacted: true }).ok,
    true,
    'with a key',
  );
  assert.equal(checkProduce('orders', keyless, { compacted: false }).ok, true, 'not compacted');
});
