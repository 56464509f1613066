import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClientQuotaManager, type EntityPart } from './client-quota-manager.ts';

const WINDOWS = { samples: 11, windowMs: 1000 };
const T0 = 1_700_000_000_000;

function produceQuotas(): ClientQuotaManager {
  return new ClientQuotaManager('Produce', { windows: WINDOWS });
}

describe('client quota manager', () => {
  it("throttles a spike for as long as Kafka's example says (400 B/s for 10 s, then 2300 B against 500 B/s)", () => {
    const quotas = produceQuotas();
    quotas.updateQuota(undefined, null, 500);
    let now = T0;
    for (let i = 0; i < 10; i++) {
      assert.equal(quotas.recordAndGetThrottleTimeMs('ANONYMOUS', 'unknown', 400, now), 0);
      now += 1000;
    }
    now += 500;
    // (400 x 10 + 2300) / 10.5 s = 600 B/s; (600 - 500) / 500 x 10.5 s = 2100 ms.
    assert.equal(quotas.recordAndGetThrottleTimeMs('ANONYMOUS', 'unknown', 2300, now), 2100);
    now += 2100;
    for (let i = 0; i < 10; i++) {
      quotas.recordAndGetThrottleTimeMs('ANONYMOUS', 'unknown', 400, now);
      now += 1000;
    }
    assert.equal(quotas.recordAndGetThrottleTimeMs('ANONYMOUS', 'unknown', 0, now), 0, 'the spike aged out');
  });

  it('resolves quotas by the precedence of user, client-id and their defaults', () => {
    const quotas = produceQuotas();
    let now = T0;
    const set = (user: EntityPart, clientId: EntityPart, quota: number | null) =>
      quotas.updateQuota(user, clientId, quota);
    // Records 11 x `value` at once: over the 10 s minimum window that is 1.1 x value per second.
    const check = (
      user: string,
      clientId: string,
      bound: number | null,
      value: number,
      throttled: boolean,
    ) => {
      assert.equal(quotas.quota(user, clientId), bound, `quota of ${user}/${clientId}`);
      assert.equal(
        quotas.maxValueInQuotaWindow(user, clientId),
        bound === null ? Number.POSITIVE_INFINITY : bound * 10,
      );
      const throttleMs = quotas.recordAndGetThrottleTimeMs(user, clientId, value * 11, (now += 1));
      assert.equal(
        throttleMs > 0,
        throttled,
        `${user}/${clientId} recording ${value} x 11: ${throttleMs} ms`,
      );
    };
    set(null, undefined, 1000);
    set(undefined, null, 2000);
    set(null, null, 3000);
    set('userA', undefined, 4000);
    set('userA', 'client1', 5000);
    set('userB', undefined, 6000);
    set('userB', 'client1', 7000);
    set('userB', null, 8000);
    set('userC', undefined, 10_000);
    set(undefined, 'client1', 9000);

    check('userA', 'client1', 5000, 4500, false); // <user, client> over <user>
    check('userA', 'client2', 4000, 4500, true); // <user> over <client> and the defaults
    check('userA', 'client3', 4000, 0, true); // <user> is shared by the user's clients
    check('userA', 'client1', 5000, 0, false); // <user, client> is the pair's alone
    check('userB', 'client1', 7000, 8000, true);
    check('userB', 'client2', 8000, 7000, false); // <user, default client>: each client its own
    check('userB', 'client3', 8000, 7000, false);
    check('userD', 'client1', 3000, 3500, true); // <default user, default client>
    check('userD', 'client2', 3000, 2500, false);
    check('userE', 'client1', 3000, 2500, false);

    set(null, null, null); // back to the <default user> quota
    check('userD', 'client1', 1000, 0, false); // new metric tags, new sensor
    check('userE', 'client4', 1000, 1500, true);
    check('userF', 'client4', 1000, 800, false); // <default user> is shared by the user's clients
    check('userF', 'client5', 1000, 800, true);

    set(null, undefined, null); // back to the <default client-id> quota
    check('userF', 'client4', 2000, 0, false); // shared by a client-id across users
    check('userF', 'client5', 2000, 0, false);
    check('userF', 'client5', 2000, 2500, true);
    check('userG', 'client5', 2000, 0, true);

    set('userA', undefined, 8000);
    set('userA', 'client1', 10_000);
    check('userA', 'client2', 8000, 0, false);
    check('userA', 'client2', 8000, 4500, true); // what was recorded before still counts
    check('userA', 'client1', 10_000, 0, false);
    check('userA', 'client1', 10_000, 6000, true);
    set('userA', 'client1', null);
    check('userA', 'client6', 8000, 0, true); // the shared user quota
    set('userA', 'client6', 11_000);
    check('userA', 'client6', 11_000, 8500, false);
    set('userA', null, 12_000);
    set('userA', 'client6', null);
    check('userA', 'client6', 12_000, 4000, true);
  });

  it('measures clients under the tags of the quota in force, so clients sharing a quota share its rate', () => {
    const quotas = produceQuotas();
    assert.deepEqual(quotas.metricTags('alice', 'app'), { user: '', clientId: 'app' });
    assert.equal(quotas.quotasEnabled, false);
    assert.equal(quotas.maxValueInQuotaWindow('alice', 'app'), Number.POSITIVE_INFINITY);
    quotas.updateQuota('ANONYMOUS', undefined, 1000);
    assert.equal(quotas.quotasEnabled, true);
    assert.deepEqual(quotas.metricTags('ANONYMOUS', 'app'), { user: 'ANONYMOUS', clientId: '' });
    quotas.updateQuota(undefined, 'app', 500);
    assert.deepEqual(quotas.metricTags('ANONYMOUS', 'app'), { user: 'ANONYMOUS', clientId: '' });
    assert.deepEqual(quotas.metricTags('bob', 'app'), { user: '', clientId: 'app' });
    assert.equal(quotas.quota('bob', 'app'), 500);
    // Levels once enabled stay so until restart, as in Kafka: removing the only user quota keeps user tags.
    quotas.updateQuota('ANONYMOUS', undefined, null);
    assert.deepEqual(quotas.metricTags('ANONYMOUS', 'app'), { user: '', clientId: 'app' });
    assert.equal(quotas.quota('ANONYMOUS', 'app'), 500);
  });

  it('applies a changed quota to an existing sensor, keeping what it measured', () => {
    const quotas = produceQuotas();
    quotas.updateQuota(undefined, 'app', 1000);
    assert.equal(quotas.recordAndGetThrottleTimeMs('u', 'app', 10_000, T0), 0);
    quotas.updateQuota(undefined, 'app', 500);
    // 10 000 + 1000 over 10 s = 1100 B/s against 500: (1100 - 500) / 500 x 10 s.
    assert.equal(quotas.recordAndGetThrottleTimeMs('u', 'app', 1000, T0), 12_000);
    quotas.updateQuota(undefined, 'app', null);
    assert.equal(quotas.recordAndGetThrottleTimeMs('u', 'app', 1_000_000, T0), 0);
  });

  it('takes back an unrecorded value (a throttled fetch) so it does not count', () => {
    const quotas = produceQuotas();
    quotas.updateQuota(undefined, 'app', 1000);
    assert.equal(quotas.recordAndGetThrottleTimeMs('u', 'app', 9000, T0), 0);
    assert.ok(quotas.recordAndGetThrottleTimeMs('u', 'app', 5000, T0) > 0);
    quotas.unrecord('u', 'app', 5000, T0);
    assert.equal(quotas.recordAndGetThrottleTimeMs('u', 'app', 1000, T0), 0);
  });

  it('caps the request quota throttle at one window', () => {
    const quotas = new ClientQuotaManager('Request', { windows: WINDOWS, maxThrottleTimeMs: 1000 });
    quotas.updateQuota(undefined, null, 10);
    assert.equal(quotas.recordAndGetThrottleTimeMs('u', 'busy', 1000, T0), 1000);
  });

  it('reports observed rates, throttle times and quotas, and drops sensors idle for an hour', () => {
    const quotas = produceQuotas();
    quotas.updateQuota(undefined, 'app', 1000);
    quotas.recordAndGetThrottleTimeMs('u', 'app', 20_000, T0);
    quotas.recordThrottle('u', 'app', 400, T0);
    quotas.recordThrottle('u', 'app', 600, T0);
    quotas.recordAndGetThrottleTimeMs('u', 'other', 5000, T0);
    assert.deepEqual(quotas.observations(T0), [
      { quotaType: 'Produce', user: '', clientId: 'app', rate: 2000, throttleTimeMs: 500, quota: 1000 },
      { quotaType: 'Produce', user: '', clientId: 'other', rate: 500, throttleTimeMs: 0, quota: null },
    ]);
    quotas.recordAndGetThrottleTimeMs('u', 'other', 1, T0 + 3_000_000);
    assert.deepEqual(
      quotas.observations(T0 + 3_700_000).map((o) => o.clientId),
      ['other'],
      'app was idle for over an hour',
    );
  });
});
