/**
 * What parseCleanerStatuses makes of GET /v1/cleaner's body: the unauthenticated listener's answer is shown only
 * when it is a list of cleaner statuses; anything else is a reason, never a throw.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCleanerStatuses } from './broker-cleaner.ts';

const status = {
  topic: 'prices',
  partition: 0,
  cleanupPolicy: 'compact',
  cleanableBytes: 0,
  closedBytes: 1200,
  cleanBytes: 1200,
  uncleanableBytes: 0,
  dirtyRatio: 0,
  firstDirtyOffset: 40,
  firstUncleanableOffset: 40,
  minCleanableDirtyRatio: 0.01,
  eligibility: 'clean',
  dueByMaxLagAt: null,
  cleaning: false,
  lastPass: {
    startedAt: 1_700_000_000_000,
    durationMs: 3,
    segmentsCleaned: 4,
    bytesBefore: 1200,
    bytesAfter: 400,
    recordsRemoved: 30,
    cleanedUpTo: 40,
  },
  passes: 1,
  bytesRemoved: 800,
  recordsRemoved: 30,
  uncleanableReason: null,
};

test("a broker's statuses are kept, fields the API does not show dropped", () => {
  const parsed = parseCleanerStatuses(JSON.stringify([status, { ...status, partition: 1, futureField: 'x' }]));
  assert.ok(Array.isArray(parsed));
  assert.deepEqual(
    parsed.map((s) => [s.partition, s.recordsRemoved, s.lastPass?.cleanedUpTo]),
    [
      [0, 30, 40],
      [1, 30, 40],
    ],
  );
  assert.equal('cleanBytes' in parsed[0]!, false);
  assert.equal('futureField' in parsed[1]!, false);
  assert.deepEqual(parseCleanerStatuses('[]'), []);
});

test('an answer that is not JSON, or not cleaner statuses, is a reason that says where', () => {
  assert.match(parseCleanerStatuses('<html>proxy error</html>') as string, /^an answer that is not JSON \(/);
  assert.equal(
    parseCleanerStatuses('{"error":"not found"}'),
    'an answer that is not a list of cleaner statuses (the answer: Invalid input: expected array, received object)',
  );
  assert.match(
    parseCleanerStatuses(JSON.stringify([status, { ...status, dirtyRatio: '0.5' }])) as string,
    /^an answer that is not a list of cleaner statuses \(1\.dirtyRatio: /,
  );
  assert.match(
    parseCleanerStatuses(JSON.stringify([{ ...status, eligibility: 'whenever' }])) as string,
    /\(0\.eligibility: /,
  );
  assert.match(
    parseCleanerStatuses(JSON.stringify([{ ...status, lastPass: { startedAt: 1 } }])) as string,
    /\(0\.lastPass\.durationMs: /,
  );
});
