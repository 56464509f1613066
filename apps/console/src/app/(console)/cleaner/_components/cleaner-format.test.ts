import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeEligibility,
  eligibilityLabel,
  formatPassDuration,
  formatRatio,
  type CleanerStatusRow,
} from './cleaner-format.ts';

const status = (overrides: Partial<CleanerStatusRow>): CleanerStatusRow => ({
  topic: 't',
  partition: 0,
  cleanupPolicy: 'compact',
  cleanableBytes: 100,
  closedBytes: 400,
  dirtyRatio: 0.25,
  firstDirtyOffset: 10,
  minCleanableDirtyRatio: 0.5,
  eligibility: 'below-ratio',
  dueByMaxLagAt: null,
  cleaning: false,
  lastPass: null,
  passes: 0,
  bytesRemoved: 0,
  recordsRemoved: 0,
  uncleanableReason: null,
  ...overrides,
});

test('each eligibility names the config that decides it', () => {
  assert.equal(
    describeEligibility(status({})),
    'When the dirty ratio exceeds min.cleanable.dirty.ratio (50%)',
  );
  assert.match(
    describeEligibility(status({ dueByMaxLagAt: Date.UTC(2026, 0, 2) })),
    /^By max\.compaction\.lag\.ms at 2026-01-0\d \d\d:\d\d:\d\d\.000, sooner if the dirty ratio exceeds/,
  );
  assert.equal(
    describeEligibility(status({ eligibility: 'dirty-ratio' })),
    'Due now: the dirty ratio exceeds min.cleanable.dirty.ratio (50%)',
  );
  assert.match(
    describeEligibility(status({ eligibility: 'max-compaction-lag' })),
    /max\.compaction\.lag\.ms/,
  );
  assert.match(describeEligibility(status({ eligibility: 'uncleanable' })), /until the broker restarts/);
  assert.equal(describeEligibility(status({ eligibility: 'dirty-ratio', cleaning: true })), 'Cleaning now');
  assert.equal(eligibilityLabel(status({ eligibility: 'uncleanable' })), 'Uncleanable');
  assert.equal(eligibilityLabel(status({ eligibility: 'clean' })), 'Clean');
});

test('ratios and pass durations', () => {
  assert.equal(formatRatio(0.4567), '45.7%');
  assert.equal(formatRatio(1), '100%');
  assert.equal(formatPassDuration(status({})), '—');
  const pass = {
    startedAt: 0,
    durationMs: 42,
    segmentsCleaned: 1,
    bytesBefore: 2,
    bytesAfter: 1,
    recordsRemoved: 1,
    cleanedUpTo: 5,
  };
  assert.equal(formatPassDuration(status({ lastPass: pass })), '42 ms');
  assert.equal(formatPassDuration(status({ lastPass: { ...pass, durationMs: 65_000 } })), '1 min 5 s');
});
