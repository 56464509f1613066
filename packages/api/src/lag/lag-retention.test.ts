import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAG_HISTORY_RETENTION, fullResolutionAgeMs, roundsToDelete } from './lag-retention.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** An epoch-aligned start, so bucket boundaries fall on round numbers of rounds. */
const T0 = Math.floor(1_700_000_000_000 / DAY) * DAY;

function applyRetention(rounds: number[], now: number): number[] {
  const deleted = new Set(roundsToDelete(rounds, now, LAG_HISTORY_RETENTION));
  return rounds.filter((at) => !deleted.has(at));
}

function bucketCounts(rounds: number[], resolution: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const at of rounds)
    counts.set(Math.floor(at / resolution), (counts.get(Math.floor(at / resolution)) ?? 0) + 1);
  return counts;
}

/** Checks what the policy promises of `kept` at `now`, given every round `written`. */
function assertPolicyHolds(kept: number[], written: number[], now: number): void {
  const age = (at: number) => now - at;
  assert.ok(
    kept.every((at) => age(at) <= 30 * DAY),
    'nothing older than 30 days',
  );
  const young = written.filter((at) => age(at) <= HOUR);
  assert.deepEqual(
    kept.filter((at) => age(at) <= HOUR),
    young,
    'every round of the last hour',
  );
  const tiers = [
    { from: HOUR, to: DAY, resolution: 5 * MINUTE },
    { from: DAY, to: 30 * DAY, resolution: HOUR },
  ];
  for (const { from, to, resolution } of tiers) {
    const inTier = (at: number) => age(at) > from && age(at) <= to;
    const keptCounts = bucketCounts(kept.filter(inTier), resolution);
    assert.ok(
      [...keptCounts.values()].every((n) => n === 1),
      `at most one round per ${resolution / MINUTE} minutes between ${from / HOUR} and ${to / HOUR} hours`,
    );
    // Buckets wholly inside the tier keep one round each (the one straddling a tier edge may briefly have none).
    const whole = [...bucketCounts(written.filter(inTier), resolution).keys()].filter((bucket) => {
      const start = bucket * resolution;
      return inTier(start) && inTier(start + resolution - 1);
    });
    assert.ok(
      whole.every((bucket) => keptCounts.has(bucket)),
      `every whole ${resolution / MINUTE}-minute bucket between ${from / HOUR} and ${to / HOUR} hours keeps a round`,
    );
    const firsts = new Map<number, number>();
    for (const at of written.filter(inTier)) {
      const bucket = Math.floor(at / resolution);
      firsts.set(bucket, Math.min(at, firsts.get(bucket) ?? at));
    }
    const keptSet = new Set(kept);
    assert.ok(
      whole.every((bucket) => keptSet.has(firsts.get(bucket)!)),
      `whole ${resolution / MINUTE}-minute buckets keep their first round`,
    );
  }
}

describe('lag history retention', () => {
  it('keeps full resolution for an hour', () => {
    assert.equal(fullResolutionAgeMs(LAG_HISTORY_RETENTION), HOUR);
    const rounds = Array.from({ length: 120 }, (_, i) => T0 + i * 30 * SECOND);
    assert.deepEqual(roundsToDelete(rounds, T0 + HOUR, LAG_HISTORY_RETENTION), []);
  });

  it('downsamples 31 days of 30-second rounds to one per 5 minutes after an hour, one per hour after a day', () => {
    const written = Array.from({ length: (31 * DAY) / (30 * SECOND) }, (_, i) => T0 + i * 30 * SECOND);
    const now = written.at(-1)!;
    const kept = applyRetention(written, now);
    assertPolicyHolds(kept, written, now);
    // 121 rounds of the last hour (both ends included); now is 30 s short of a bucket edge, so the 23 hours
    // after it touch 277 five-minute buckets and the 29 days after those touch 697 hours.
    assert.equal(kept.length, 121 + 277 + 697);
    assert.deepEqual(
      roundsToDelete(kept, now, LAG_HISTORY_RETENTION),
      [],
      'applying it again deletes nothing',
    );
  });

  it('applied after every round, as the sampler does, bounds the history the same way', () => {
    let kept: number[] = [];
    const written: number[] = [];
    const interval = 30 * SECOND;
    let now = T0;
    for (; now <= T0 + 3 * DAY; now += interval) {
      written.push(now);
      kept = applyRetention([...kept, now], now);
    }
    now -= interval;
    assertPolicyHolds(kept, written, now);
    assert.ok(kept.length <= 121 + 277 + 49, `${kept.length} rounds kept over 3 days`);
  });

  it('keeps rounds written at uneven times: the first of each bucket, whatever the spacing', () => {
    const now = T0 + 2 * DAY;
    // Three rounds in one 5-minute bucket two hours ago, two in one hour bucket 36 hours ago.
    const bucket5 = now - 2 * HOUR - ((now - 2 * HOUR) % (5 * MINUTE));
    const bucketHour = now - 36 * HOUR - ((now - 36 * HOUR) % HOUR);
    const rounds = [bucket5 + 10 * SECOND, bucket5 + 70 * SECOND, bucket5 + 290 * SECOND];
    rounds.push(bucketHour + 5 * MINUTE, bucketHour + 59 * MINUTE);
    assert.deepEqual(
      roundsToDelete(rounds, now, LAG_HISTORY_RETENTION).sort((a, b) => a - b),
      [bucketHour + 59 * MINUTE, bucket5 + 70 * SECOND, bucket5 + 290 * SECOND],
    );
    assert.deepEqual(roundsToDelete([now - 31 * DAY, now - 30 * DAY], now, LAG_HISTORY_RETENTION), [
      now - 31 * DAY,
    ]);
  });
});
