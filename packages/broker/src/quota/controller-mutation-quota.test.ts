import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../clock.ts';
import {
  ControllerMutationQuotaManager,
  ThrottlingQuotaExceededError,
  UNBOUNDED_MUTATION_QUOTA,
} from './controller-mutation-quota.ts';

function manager(clock: ManualClock) {
  const quotas = new ControllerMutationQuotaManager({ samples: 10, windowMs: 1000 }, () => clock.now());
  quotas.updateQuota('alice', 'admin', 10);
  return quotas;
}

describe('controller mutation quota (KIP-599)', () => {
  it('strict: accepts any mutation while tokens remain, then refuses until they refill', () => {
    const clock = new ManualClock();
    const quota = manager(clock).newQuotaFor('alice', 'admin', 6, 6);
    quota.record(90); // 100 -> 10
    assert.equal(quota.throttleTime(), 0);
    quota.record(90); // 10 -> -80: accepted, the bucket was not empty
    assert.equal(quota.throttleTime(), 0);
    assert.throws(
      () => quota.record(90),
      (e: unknown) => e instanceof ThrottlingQuotaExceededError,
    );
    assert.equal(quota.throttleTime(), 8000);
    clock.advance(5000);
    assert.equal(quota.throttleTime(), 3000, 'the throttle shrinks as time passes');
  });

  it('permissive (older versions): accepts everything and throttles once the bucket is empty', () => {
    const clock = new ManualClock();
    const quota = manager(clock).newQuotaFor('alice', 'admin', 5, 6);
    quota.record(90);
    assert.equal(quota.throttleTime(), 0);
    quota.record(90);
    assert.equal(quota.throttleTime(), 8000);
    quota.record(90);
    assert.equal(quota.throttleTime(), 17_000);
    clock.advance(5000);
    assert.equal(quota.throttleTime(), 12_000);
  });

  it('shares one bucket between the requests of a client, and refunds what did not happen', () => {
    const clock = new ManualClock();
    const quotas = manager(clock);
    quotas.newQuotaFor('alice', 'admin', 6, 6).record(110); // 100 -> -10
    const next = quotas.newQuotaFor('alice', 'admin', 6, 6);
    assert.throws(() => next.record(1));
    assert.equal(next.throttleTime(), 1000);
    next.refund(20); // -10 -> 10
    assert.doesNotThrow(() => quotas.newQuotaFor('alice', 'admin', 6, 6).record(1));
    const observed = quotas.observations(clock.now());
    assert.equal(observed.length, 1);
    assert.equal((observed[0] as { tokens?: number }).tokens, 9);
  });

  it('is unbounded until some controller_mutation_rate is set', () => {
    const quotas = new ControllerMutationQuotaManager({ samples: 11, windowMs: 1000 }, () => 0);
    assert.equal(quotas.newQuotaFor('alice', 'admin', 6, 6), UNBOUNDED_MUTATION_QUOTA);
  });
});
