import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOffsetReset, EMPTY_RESET_FORM, type ResetFormValues } from './reset-offsets-values.ts';

const form = (values: Partial<ResetFormValues>): ResetFormValues => ({ ...EMPTY_RESET_FORM, ...values });

test('checkOffsetReset: all topics to the earliest offset', () => {
  assert.deepEqual(checkOffsetReset('orders-app', form({})), {
    ok: true,
    input: { groupId: 'orders-app', scope: 'all-topics', target: { to: 'earliest' } },
  });
});

test('checkOffsetReset: one topic, some partitions, offsets as bigints', () => {
  const checked = checkOffsetReset(
    'g',
    form({ scope: 'topic', topic: ' orders ', partitions: '2, 0 2', target: 'offset', offset: '42' }),
  );
  assert.deepEqual(checked, {
    ok: true,
    input: {
      groupId: 'g',
      scope: [{ topic: 'orders', partitions: [0, 2] }],
      target: { to: 'offset', offset: 42n },
    },
  });
  const shifted = checkOffsetReset(
    'g',
    form({ scope: 'topic', topic: 'orders', target: 'shift-by', shift: '-5' }),
  );
  assert.deepEqual(shifted.ok && shifted.input.target, { to: 'shift-by', shift: -5n });
  assert.deepEqual(shifted.ok && shifted.input.scope, [{ topic: 'orders' }]);
});

test('checkOffsetReset: a local date-time and an ISO-8601 duration', () => {
  const at = checkOffsetReset('g', form({ target: 'datetime', datetime: '2026-03-03T14:05:09' }));
  assert.deepEqual(at.ok && at.input.target, {
    to: 'datetime',
    timestamp: new Date(2026, 2, 3, 14, 5, 9).getTime(),
  });
  const ago = checkOffsetReset('g', form({ target: 'duration', duration: 'PT1H30M' }));
  assert.deepEqual(ago.ok && ago.input.target, { to: 'duration', durationMs: 5_400_000 });
});

test('checkOffsetReset names the field of each problem', () => {
  assert.deepEqual(
    checkOffsetReset(
      'g',
      form({ scope: 'topic', topic: '', partitions: '0, x', target: 'offset', offset: '-1' }),
    ),
    {
      ok: false,
      errors: {
        partitions: 'partitions are numbers separated by commas, e.g. 0, 2',
        offset: 'enter an offset: a whole number, 0 or more',
        topic: 'a topic name cannot be empty',
      },
    },
  );
  assert.deepEqual(checkOffsetReset('g', form({ scope: 'topic', topic: 'no spaces' })), {
    ok: false,
    errors: { topic: 'a topic name uses only letters, digits, ".", "_" and "-"' },
  });
  assert.deepEqual(checkOffsetReset('g', form({ target: 'shift-by', shift: '1.5' })), {
    ok: false,
    errors: { shift: 'enter a whole number of offsets: negative moves back, positive forward' },
  });
  assert.deepEqual(checkOffsetReset('g', form({ target: 'datetime' })), {
    ok: false,
    errors: { datetime: 'choose a date and time' },
  });
  assert.deepEqual(checkOffsetReset('g', form({ target: 'duration', duration: '90 minutes' })), {
    ok: false,
    errors: { duration: 'enter an ISO-8601 duration such as PT30M, PT1H30M or P1D' },
  });
});
