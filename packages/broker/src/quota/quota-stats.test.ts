import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rate, SampledSum, TokenBucket, throttleTimeMs } from './quota-stats.ts';

const WINDOWS = { samples: 11, windowMs: 1000 };

describe("Kafka's quota statistics", () => {
  it('measures a rate over at least samples - 1 windows, so a new client may burst', () => {
    const rate = new Rate();
    rate.record(WINDOWS, 10_000, 0);
    assert.equal(rate.windowSizeMs(WINDOWS, 0), 10_000);
    assert.equal(rate.measure(WINDOWS, 0), 1000);
    assert.equal(rate.windowSizeMs(WINDOWS, 500), 10_500, 'the current window counts by its elapsed part');
    assert.equal(rate.windowSizeMs(WINDOWS, 10_900), 10_900, 'past the minimum: since the oldest sample');
    assert.equal(rate.windowSizeMs(WINDOWS, 11_000), 10_000, 'a sample idle for 11 windows is reset');
  });

  it('forgets samples with no event for samples x window, and keeps at most samples + 1', () => {
    const rate = new Rate();
    for (let t = 0; t < 30_000; t += 1000) rate.record(WINDOWS, 100, t);
    // The 12 slots hold 18..29 s; the one of 18 s has been idle for 11 s, so 1100 bytes over 19..29 s remain.
    assert.equal(rate.measure(WINDOWS, 29_000), 110);
    assert.equal(rate.measure(WINDOWS, 29_000 + 11_000), 0, 'every sample is 11 s old: all reset');
  });

  it('averages the recorded values of the live samples, NaN when there are none', () => {
    const windows = { samples: 2, windowMs: 30_000 };
    const avg = new SampledSum();
    assert.ok(Number.isNaN(avg.average(windows, 0)));
    avg.record(windows, 100, 0);
    avg.record(windows, 300, 10_000);
    assert.equal(avg.average(windows, 20_000), 200);
    assert.ok(Number.isNaN(avg.average(windows, 100_000)));
  });

  it('throttles for (O - T) / T x W, rounded', () => {
    assert.equal(throttleTimeMs(600, 500, 10_500), 2100);
    assert.equal(throttleTimeMs(1_100_000, 1_000_000, 10_000), 1000);
  });

  it('refills a token bucket at the quota up to samples x window x quota, starting full', () => {
    const windows = { samples: 10, windowMs: 1000 };
    const bucket = new TokenBucket();
    const t0 = 1_700_000_000_000;
    assert.equal(bucket.measure(windows, 10, t0), 100);
    bucket.record(windows, 10, 90, t0);
    bucket.record(windows, 10, 90, t0);
    assert.equal(bucket.measure(windows, 10, t0), -80);
    assert.equal(bucket.measure(windows, 10, t0 + 8000), 0);
    assert.equal(bucket.measure(windows, 10, t0 + 60_000), 100, 'never beyond the burst');
  });
});
