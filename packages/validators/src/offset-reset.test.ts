import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offsetResetInput, parseIsoDuration } from './offset-reset.ts';

test('parses ISO-8601 durations as kafka-consumer-groups --by-duration takes them', () => {
  assert.equal(parseIsoDuration('PT1H30M'), 90 * 60_000);
  assert.equal(parseIsoDuration('P1DT2H'), 26 * 3_600_000);
  assert.equal(parseIsoDuration('PT0.5S'), 500);
  assert.equal(parseIsoDuration('P2D'), 2 * 86_400_000);
  for (const bad of ['', 'P', 'PT', '1h', 'PT1X', 'P1H'])
    assert.equal(parseIsoDuration(bad), null, `"${bad}" is not a duration`);
});

test('an offset reset needs a group, a scope and one legal target', () => {
  const ok = offsetResetInput.safeParse({
    groupId: 'g',
    scope: [{ topic: 'orders', partitions: [0, 2] }],
    target: { to: 'shift-by', shift: -5n },
  });
  assert.equal(ok.success, true, 'a valid reset parses');
  const problems = (input: unknown) => {
    const result = offsetResetInput.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };
  assert.deepEqual(problems({ groupId: '', scope: 'all-topics', target: { to: 'earliest' } }), [
    'a group id cannot be empty',
  ]);
  assert.deepEqual(problems({ groupId: 'g', scope: [], target: { to: 'latest' } }), [
    'name at least one topic',
  ]);
  assert.deepEqual(problems({ groupId: 'g', scope: 'all-topics', target: { to: 'offset', offset: -1n } }), [
    'an offset cannot be negative',
  ]);
  assert.deepEqual(problems({ groupId: 'g', scope: [{ topic: '..' }], target: { to: 'latest' } }), [
    'a topic name cannot be "." or ".."',
  ]);
  assert.ok(
    problems({ groupId: 'g', scope: 'all-topics', target: { to: 'sideways' } }).length === 1,
    'an unknown target is refused',
  );
});
