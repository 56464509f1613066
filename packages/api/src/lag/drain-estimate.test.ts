import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateDrain, groupDrainEstimate, type DrainObservation } from './drain-estimate.ts';

const T0 = 1_700_000_000_000;

/** One observation a second, positions and high watermarks as given. */
function window(positions: number[], hwms: number[]): DrainObservation[] {
  return positions.map((position, i) => ({ at: T0 + i * 1000, position, logEndOffset: hwms[i]! }));
}

function near(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} ≠ ${expected}`,
  );
}

describe('estimateDrain', () => {
  it('divides the lag now by consume minus produce rate', () => {
    // Consumes 10/s, 4/s arrive: the lag shrinks by 6/s; 120 left takes 20 s.
    const estimate = estimateDrain(window([0, 10, 20, 30], [200, 204, 208, 212]), 120);
    assert.ok(estimate.state === 'draining', `state ${estimate.state}`);
    near(estimate.seconds, 20, 'seconds');
    near(estimate.consumePerSecond, 10, 'consume rate');
    near(estimate.producePerSecond, 4, 'produce rate');
  });

  it('fits the rates by least squares over the window, not from its two ends', () => {
    // Positions 0, 20, 20, 60 over 3 s: endpoints say 20/s, the fit 18/s.
    const estimate = estimateDrain(window([0, 20, 20, 60], [100, 100, 100, 100]), 40);
    assert.ok(estimate.state === 'draining', `state ${estimate.state}`);
    near(estimate.consumePerSecond, 18, 'consume rate');
    near(estimate.producePerSecond, 0, 'produce rate');
    near(estimate.seconds, 40 / 18, 'seconds');
  });

  it('never drains when records arrive as fast as, or faster than, they are consumed', () => {
    const even = estimateDrain(window([0, 5, 10], [50, 55, 60]), 50);
    assert.deepEqual(even, { state: 'never', consumePerSecond: 5, producePerSecond: 5 });
    const growing = estimateDrain(window([0, 5, 10], [50, 60, 70]), 60);
    assert.ok(growing.state === 'never', `state ${growing.state}`);
    near(growing.producePerSecond, 10, 'produce rate');
    const rewinding = estimateDrain(window([100, 50, 0], [200, 200, 200]), 200);
    assert.equal(rewinding.state, 'never', 'a consumer going backwards does not drain');
  });

  it('is drained without lag, and unknown without two observations apart in time', () => {
    assert.deepEqual(estimateDrain([], 0), { state: 'drained' });
    assert.deepEqual(estimateDrain(window([0, 10], [10, 10]), 0), { state: 'drained' });
    assert.deepEqual(estimateDrain([], 5), { state: 'unknown' });
    assert.deepEqual(estimateDrain(window([0], [10]), 10), { state: 'unknown' });
    const sameInstant = [
      { at: T0, position: 0, logEndOffset: 10 },
      { at: T0, position: 5, logEndOffset: 10 },
    ];
    assert.deepEqual(estimateDrain(sameInstant, 5), { state: 'unknown' });
  });
});

describe('groupDrainEstimate', () => {
  const draining = (seconds: number, consume: number, produce: number) =>
    ({ state: 'draining', seconds, consumePerSecond: consume, producePerSecond: produce }) as const;

  it('takes the slowest partition, and sums the rates', () => {
    assert.deepEqual(groupDrainEstimate([draining(10, 5, 1), { state: 'drained' }, draining(30, 2, 1)]), {
      state: 'draining',
      seconds: 30,
      consumePerSecond: 7,
      producePerSecond: 2,
    });
  });

  it('never when any partition never drains, unknown when any lagging one has no rate, drained when all are', () => {
    const never = { state: 'never', consumePerSecond: 1, producePerSecond: 3 } as const;
    assert.deepEqual(groupDrainEstimate([draining(10, 5, 1), never, { state: 'unknown' }]), {
      state: 'never',
      consumePerSecond: 6,
      producePerSecond: 4,
    });
    assert.deepEqual(groupDrainEstimate([draining(10, 5, 1), { state: 'unknown' }]), { state: 'unknown' });
    assert.deepEqual(groupDrainEstimate([{ state: 'drained' }, { state: 'drained' }]), { state: 'drained' });
    assert.deepEqual(groupDrainEstimate([]), { state: 'drained' });
  });
});
