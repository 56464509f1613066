/**
 * Transactional data between real brokers (in this process, with the test controller of replication.test.ts):
 * followers apply transactional batches and markers as the leader did, so their aborted transaction indexes and
 * producer states match, and a follower made leader has the LSO the old leader had; the LSO on a leader waits
 * for the ISR to have a marker. Markers are written through Partition.appendTxnMarker, as WriteTxnMarkers does.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ErrorCode, encodeRecordBatch } from '@sluice/protocol';
import type { Broker } from '../src/broker.ts';
import { TestCluster, eventually } from './support/replication-cluster.ts';

const OPEN = 7n;
const ABORTED = 8n;

function partitionOf(broker: Broker, topic: string) {
  const found = broker.services.replicaManager.partition(topic, 0);
  assert.ok(found, `broker ${broker.services.node.nodeId} holds ${topic}-0`);
  return found;
}

function transactional(producerId: bigint, value: string) {
  return encodeRecordBatch({
    records: [{ key: null, value: Buffer.from(value) }],
    producerId,
    producerEpoch: 0,
    baseSequence: 0,
    isTransactional: true,
  });
}

describe('replication of transactions', () => {
  let cluster: TestCluster | undefined;
  after(async () => {
    await cluster?.close();
  });

  it('followers index aborts and track open transactions as the leader does; a new leader has the same LSO', async () => {
    const brokers = await TestCluster.start([1, 2, 3]);
    cluster = brokers;
    brokers.createTopic('txr', [[1, 2, 3]]);
    const leader = partitionOf(brokers.broker(1), 'txr');
    await eventually(() => leader.isLeader, 5000, 'broker 1 to lead');
    assert.equal(leader.appendAsLeader(await transactional(ABORTED, 'a')).errorCode, ErrorCode.NONE); // 0
    assert.equal(leader.appendAsLeader(await transactional(OPEN, 'o')).errorCode, ErrorCode.NONE); // 1
    const marker = leader.appendTxnMarker({
      producerId: ABORTED,
      producerEpoch: 0,
      coordinatorEpoch: 3,
      commit: false,
    }); // 2
    assert.equal(marker.errorCode, ErrorCode.NONE);
    assert.equal(marker.baseOffset, 2);
    const written = await leader.waitForHighWatermark(marker.baseOffset + 1, 10_000);
    assert.equal(written.errorCode, ErrorCode.NONE, 'the ISR has the marker');
    assert.equal(leader.log.lastStableOffset, 1, 'the open transaction holds the LSO');

    await eventually(
      () => [2, 3].every((id) => partitionOf(brokers.broker(id), 'txr').log.highWatermark === 3),
      5000,
      'followers to have everything',
    );
    const aborted = leader.log.collectAbortedTransactions(0, 3);
    assert.deepEqual(
      aborted.map((t) => [t.producerId, t.firstOffset, t.lastOffset, t.lastStableOffset]),
      [[ABORTED, 0, 2, 1]],
    );
    for (const id of [2, 3]) {
      const follower = partitionOf(brokers.broker(id), 'txr').log;
      assert.deepEqual(follower.collectAbortedTransactions(0, 3), aborted, `broker ${id}'s .txnindex`);
      assert.deepEqual(follower.producers.describe(), leader.log.producers.describe());
      assert.equal(follower.lastStableOffset, 1);
    }

    brokers.electLeader('txr', 0, 2);
    const next = partitionOf(brokers.broker(2), 'txr');
    await eventually(() => next.isLeader, 5000, 'broker 2 to lead');
    assert.equal(next.log.lastStableOffset, 1);
    const stale = next.appendTxnMarker({
      producerId: ABORTED,
      producerEpoch: 0,
      coordinatorEpoch: 2,
      commit: true,
    });
    assert.equal(stale.errorCode, ErrorCode.TRANSACTION_COORDINATOR_FENCED);
    const commit = next.appendTxnMarker({
      producerId: OPEN,
      producerEpoch: 0,
      coordinatorEpoch: 3,
      commit: true,
    });
    assert.equal(commit.errorCode, ErrorCode.NONE);
    assert.equal(next.log.lastStableOffset, 1, 'not yet on the ISR');
    assert.equal((await next.waitForHighWatermark(commit.baseOffset + 1, 10_000)).errorCode, ErrorCode.NONE);
    assert.equal(next.log.lastStableOffset, 4);
    await eventually(
      () => partitionOf(brokers.broker(1), 'txr').log.lastStableOffset === 4,
      5000,
      'the old leader, now a follower, to see the commit replicated',
    );
  });
});
