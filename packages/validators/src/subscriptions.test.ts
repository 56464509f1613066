import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ticksInput } from './subscriptions.ts';

test('ticks input accepts a first subscribe and a numeric resume id, and rejects anything else', () => {
  assert.equal(ticksInput.parse(undefined), undefined);
  assert.deepEqual(ticksInput.parse({}), {});
  assert.deepEqual(ticksInput.parse({ lastEventId: null }), { lastEventId: null });
  assert.deepEqual(ticksInput.parse({ lastEventId: '41' }), { lastEventId: '41' });
  for (const lastEventId of ['', '-1', '1.5', 'abc', '1234567890123456']) {
    assert.equal(
      ticksInput.safeParse({ lastEventId }).success,
      false,
      `accepted ${JSON.stringify(lastEventId)}`,
    );
  }
});
