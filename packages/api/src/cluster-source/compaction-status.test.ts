/**
 * retentionOutlook decides as PartitionLog.enforceRetention does: only a segment followed by another wholly
 * below the high watermark can go, by retention.ms from its largest timestamp or by retention.bytes once the
 * log exceeds it by the segment's size. byCleaningNeed puts uncleanable partitions first, then the dirtiest.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  byCleaningNeed,
  retentionOutlook,
  type PartitionCleanerStatus,
  type RetentionView,
} from './compaction-status.ts';

function log(
  segments: { baseOffset: number; size: number; largestTimestamp: number }[],
  options: { highWatermark: number; retentionMs?: number; retentionBytes?: number; policy?: string[] },
): RetentionView {
  const active = segments.at(-1)!;
  return {
    logConfig: {
      cleanupPolicy: options.policy ?? ['delete'],
      retentionMs: options.retentionMs ?? -1,
      retentionBytes: options.retentionBytes ?? -1,
    },
    size: segments.reduce((sum, s) => sum + s.size, 0),
    highWatermark: options.highWatermark,
    activeSegment: active,
    closedSegments: () => segments.slice(0, -1),
  };
}

describe('retentionOutlook', () => {
  const three = [
    { baseOffset: 0, size: 300, largestTimestamp: 1_000 },
    { baseOffset: 10, size: 300, largestTimestamp: 2_000 },
    { baseOffset: 20, size: 100, largestTimestamp: 3_000 },
  ];

  it('is null for a topic that does not delete', () => {
    assert.equal(retentionOutlook(log(three, { highWatermark: 25, policy: ['compact'] })), null);
  });

  it('dates the oldest segment by retention.ms and counts the bytes left to retention.bytes', () => {
    assert.deepEqual(
      retentionOutlook(log(three, { highWatermark: 25, retentionMs: 60_000, retentionBytes: 500 })),
      {
        oldestSegmentBaseOffset: 0,
        oldestSegmentBytes: 300,
        blocked: false,
        deleteByTimeAt: 61_000,
        bytesUntilDeleteBySize: 100,
      },
    );
  });

  it('says retention.bytes is due now once the log exceeds it by the oldest segment', () => {
    const outlook = retentionOutlook(log(three, { highWatermark: 25, retentionBytes: 200 }));
    assert.equal(outlook?.bytesUntilDeleteBySize, 0);
    assert.equal(outlook?.deleteByTimeAt, null, 'retention.ms -1');
  });

  it('is blocked by a lone active segment, and by a next segment above the high watermark', () => {
    const lone = retentionOutlook(log([three[0]!], { highWatermark: 5, retentionMs: 1, retentionBytes: 0 }));
    assert.equal(lone?.blocked, true);
    assert.equal(lone?.deleteByTimeAt, null);
    assert.equal(lone?.bytesUntilDeleteBySize, null);
    const unreplicated = retentionOutlook(log(three, { highWatermark: 8, retentionMs: 1 }));
    assert.equal(unreplicated?.blocked, true);
  });
});

describe('byCleaningNeed', () => {
  const status = (
    topic: string,
    dirtyRatio: number,
    cleanableBytes: number,
    uncleanableReason: string | null = null,
  ) => ({ topic, partition: 0, dirtyRatio, cleanableBytes, uncleanableReason }) as PartitionCleanerStatus;

  it('puts uncleanable partitions first, then by dirty ratio, then by cleanable bytes', () => {
    const sorted = [
      status('a', 0.2, 10),
      status('b', 0.9, 5),
      status('c', 0.2, 50),
      status('d', 0, 0, 'corrupt'),
    ]
      .sort(byCleaningNeed)
      .map((s) => s.topic);
    assert.deepEqual(sorted, ['d', 'b', 'c', 'a']);
  });
});
