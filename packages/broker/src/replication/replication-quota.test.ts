import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../clock.ts';
import { LEADER_THROTTLED_REPLICAS, ReplicationQuota, throttledPartitions } from './replication-quota.ts';

function quota(rate: number, configs: Record<string, string>, clock = new ManualClock()) {
  return new ReplicationQuota({
    brokerId: 2,
    clock,
    replicasConfig: LEADER_THROTTLED_REPLICAS,
    topicConfig: (topic, name) => (name === LEADER_THROTTLED_REPLICAS ? configs[topic] : undefined),
    rate: () => rate,
    windowCount: 11,
    windowSizeMs: 1000,
  });
}

describe('replication throttles (KIP-73)', () => {
  it("reads a throttled-replicas list for this broker's partitions, or all of them with *", () => {
    assert.deepEqual([...(throttledPartitions('0:1,0:2, 3:2,4:3', 2) as Set<number>)], [0, 3]);
    assert.equal(throttledPartitions(' * ', 2), 'all');
    assert.equal((throttledPartitions('', 2) as Set<number>).size, 0);
    const q = quota(1000, { a: '1:2', b: '*', c: '1:1' });
    assert.equal(q.isThrottled('a', 1), true);
    assert.equal(q.isThrottled('a', 0), false);
    assert.equal(q.isThrottled('b', 7), true);
    assert.equal(q.isThrottled('c', 1), false, 'another broker is throttled there');
    assert.equal(q.isThrottled('unset', 0), false);
  });

  it('is exceeded when the bytes over the sample window pass the rate, and recovers as windows age out', () => {
    const clock = new ManualClock();
    const q = quota(1000, {}, clock);
    // Kafka's Rate divides by at least (windows - 1) windows: 10 s here, so 10 000 bytes is exactly the bound.
    q.record(10_000);
    assert.equal(q.rate(), 1000);
    assert.equal(q.isQuotaExceeded(), false);
    q.record(1);
    assert.equal(q.isQuotaExceeded(), true);
    clock.advance(12_000);
    assert.equal(q.rate(), 0, 'every sample has left the window');
    assert.equal(q.isQuotaExceeded(), false);
  });

  it("never throttles at Kafka's default rate (Long.MAX_VALUE)", () => {
    const q = quota(Number(9223372036854775807n), {});
    q.record(1e12);
    assert.equal(q.isQuotaExceeded(), false);
  });
});
