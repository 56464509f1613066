import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatAgo, formatProcess } from './broker-format.ts';

test('formatAgo says how long ago, and unknown for what Kafka reports as -1', () => {
  assert.equal(formatAgo(null, 10_000), 'unknown');
  assert.equal(formatAgo(9_800, 10_000), 'just now');
  assert.equal(formatAgo(7_600, 10_000), '2.4 s ago');
  assert.equal(formatAgo(10_000 - 185_000, 10_000), '3 min ago');
  assert.equal(formatAgo(12_000, 10_000), 'just now');
});

test('formatProcess names the state, the pid while there is a process, and how it ended', () => {
  const base = { nodeId: 2, pid: 4242, lastExit: null, commandLine: 'npx sluice broker' };
  assert.equal(formatProcess(undefined), null);
  assert.equal(formatProcess({ ...base, state: 'running' }), 'running (pid 4242)');
  assert.equal(formatProcess({ ...base, state: 'paused' }), 'paused (pid 4242)');
  assert.equal(formatProcess({ ...base, state: 'stopping' }), 'stopping');
  assert.equal(
    formatProcess({ ...base, pid: null, state: 'exited', lastExit: 'SIGKILL' }),
    'exited (SIGKILL)',
  );
  assert.equal(
    formatProcess({ ...base, pid: null, state: 'exited', lastExit: 'code 0' }),
    'exited cleanly (code 0)',
  );
  assert.equal(formatProcess({ ...base, pid: null, state: 'exited', lastExit: 'code 1' }), 'exited (code 1)');
});
