/**
 * Data replication between real brokers on 127.0.0.1 (in this process), with a test controller pushing partition
 * registrations and applying AlterPartition proposals: followers replicate, the high watermark follows the ISR,
 * acks=all waits for it, the ISR shrinks and grows, min.insync.replicas refuses writes, and a follower with a
 * divergent log truncates to the new leader's (KIP-101), both through Fetch's diverging_epoch and through
 * OffsetForLeaderEpoch. A real client (kafkajs) produces with acks=-1.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { ApiKey, ErrorCode, splitBatches } from '@sluice/protocol';
import { Kafka, logLevel } from 'kafkajs';
import type { Broker } from '../src/broker.ts';
import { TestCluster, eventually, fetchAsConsumer, produce, request } from './support/replication-cluster.ts';

function log(broker: Broker, topic: string, partition = 0) {
  const found = broker.services.replicaManager.partition(topic, partition)?.log;
  assert.ok(found, `broker ${broker.services.node.nodeId} holds ${topic}-${partition}`);
  return found;
}

/** The whole log as stored (every batch, up to the log end offset). */
function logBytes(broker: Broker, topic: string, partition = 0): Buffer {
  const l = log(broker, topic, partition);
  return l.read(l.logStartOffset, 1 << 30, true, 'logEnd').records;
}

function isr(broker: Broker, topic: string, partition = 0): number[] {
  return [...broker.services.replicaManager.partition(topic, partition)!.isr].sort();
}

describe('replication', () => {
  const clusters: TestCluster[] = [];
  after(async () => {
    for (const cluster of clusters) await cluster.close();
  });

  it('followers replicate the leader byte for byte and the high watermark advances with the ISR', async () => {
    const cluster = await TestCluster.start([1, 2, 3]);
    clusters.push(cluster);
    cluster.createTopic('rep', [[1, 2, 3]]);
    const leader = cluster.client(1);
    for (let i = 0; i < 20; i++) {
      const response = await produce(leader, 'rep', 0, [`a${i}`, `b${i}`]);
      assert.equal(response.errorCode, ErrorCode.NONE);
      assert.equal(response.baseOffset, BigInt(i * 2));
      // acks=all: acknowledged only once every ISR member has the records, so the high watermark is past them.
      assert.ok(log(cluster.broker(1), 'rep').highWatermark >= (i + 1) * 2);
      for (const id of [2, 3]) assert.ok(log(cluster.broker(id), 'rep').logEndOffset >= (i + 1) * 2);
    }
    await eventually(
      () => [2, 3].every((id) => log(cluster.broker(id), 'rep').highWatermark === 40),
      5000,
      'followers to learn the high watermark',
    );
    const leaderBytes = logBytes(cluster.broker(1), 'rep');
    for (const id of [2, 3]) assert.deepEqual(logBytes(cluster.broker(id), 'rep'), leaderBytes);
    assert.deepEqual(isr(cluster.broker(1), 'rep'), [1, 2, 3]);

    // Followers refuse client traffic with the leader's whereabouts (Produce v10+, Fetch v12+ hints).
    const follower = cluster.client(2);
    const refused = await produce(follower, 'rep', 0, ['x']);
    assert.equal(refused.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.deepEqual(refused.currentLeader, { leaderId: 1, leaderEpoch: 0 });
    const topicId = cluster.broker(2).services.topics.get('rep')!.topicId;
    const { response: fetch, data } = await fetchAsConsumer(follower, topicId, 0, { currentLeaderEpoch: 0 });
    assert.equal(data.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
    assert.deepEqual(data.currentLeader, { leaderId: 1, leaderEpoch: 0 });
    assert.deepEqual(
      fetch.nodeEndpoints.map((e) => [e.nodeId, e.port]),
      [[1, cluster.broker(1).port]],
    );
    // Metadata from any broker names the leader and the ISR.
    const metadata = await request(follower, ApiKey.Metadata, 12, {
      topics: [{ name: 'rep', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }],
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
    assert.deepEqual(
      metadata.brokers.map((b) => b.nodeId),
      [1, 2, 3],
    );
    const described = metadata.topics[0]!.partitions[0]!;
    assert.deepEqual([described.leaderId, [...described.isrNodes].sort()], [1, [1, 2, 3]]);
  });

  it('acks=all waits for the ISR; a stopped follower leaves it after replica.lag.time.max.ms; min.insync.replicas; a restarted one catches up and rejoins', async () => {
    const lagMs = 1500;
    const cluster = await TestCluster.start([1, 2, 3], { 'replica.lag.time.max.ms': String(lagMs) });
    clusters.push(cluster);
    cluster.createTopic('isr', [[1, 2, 3]], { 'min.insync.replicas': '2' });
    const leader = cluster.client(1);
    assert.equal((await produce(leader, 'isr', 0, ['before'])).errorCode, ErrorCode.NONE);

    await cluster.stopBroker(3);
    // Until the ISR shrinks, acks=all cannot complete: a short request times out with the record appended, and
    // an idempotent producer's retry of it is not acknowledged either while it is uncommitted.
    const init = await request(leader, ApiKey.InitProducerId, 4, {
      transactionalId: null,
      transactionTimeoutMs: -1,
      producerId: -1n,
      producerEpoch: -1,
    });
    const producer = { producerId: init.producerId, producerEpoch: init.producerEpoch, baseSequence: 0 };
    const timedOut = await produce(leader, 'isr', 0, ['waits'], { timeoutMs: 300, producer });
    assert.equal(timedOut.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    assert.equal(timedOut.baseOffset, 1n);
    const retried = await produce(leader, 'isr', 0, ['waits'], { timeoutMs: 300, producer });
    assert.deepEqual([retried.errorCode, retried.baseOffset], [ErrorCode.REQUEST_TIMED_OUT, 1n]);
    assert.equal(log(cluster.broker(1), 'isr').logEndOffset, 2, 'the retry was not appended again');
    assert.equal(log(cluster.broker(1), 'isr').highWatermark, 1, 'the high watermark waits for broker 3');
    const started = Date.now();
    const completed = await produce(leader, 'isr', 0, ['after shrink']);
    assert.equal(completed.errorCode, ErrorCode.NONE);
    assert.ok(Date.now() - started >= 300, 'acks=all waited for the ISR to shrink');
    assert.deepEqual(isr(cluster.broker(1), 'isr'), [1, 2]);
    assert.deepEqual(cluster.registration('isr', 0).isr, [1, 2]);
    assert.equal(log(cluster.broker(1), 'isr').highWatermark, 3);

    // Broker 2 stops too: the append in flight completes once the ISR is [1], but below min.insync.replicas.
    await cluster.stopBroker(2);
    const afterAppend = await produce(leader, 'isr', 0, ['alone']);
    assert.equal(afterAppend.errorCode, ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND);
    assert.deepEqual(cluster.registration('isr', 0).isr, [1]);
    const refused = await produce(leader, 'isr', 0, ['refused']);
    assert.equal(refused.errorCode, ErrorCode.NOT_ENOUGH_REPLICAS);
    assert.match(refused.errorMessage ?? '', /ISR 1 is insufficient to satisfy the min.isr requirement of 2/);
    const endBefore = log(cluster.broker(1), 'isr').logEndOffset;
    assert.equal(endBefore, 4, 'a refused append writes nothing');
    assert.equal((await produce(leader, 'isr', 0, ['acks=1'], { acks: 1 })).errorCode, ErrorCode.NONE);

    // Both come back with their data folders: they catch up and the leader adds them to the ISR again.
    await cluster.startBroker(2);
    await cluster.startBroker(3);
    await eventually(
      () => isr(cluster.broker(1), 'isr').join() === '1,2,3',
      10_000,
      'the ISR to grow back to 1,2,3',
    );
    assert.equal((await produce(leader, 'isr', 0, ['rejoined'])).errorCode, ErrorCode.NONE);
    const leaderBytes = logBytes(cluster.broker(1), 'isr');
    for (const id of [2, 3]) assert.deepEqual(logBytes(cluster.broker(id), 'isr'), leaderBytes);
    const expansions = cluster.alterPartitionLog.filter(
      (e) => Array.isArray(e.answer) && e.answer.length > 1,
    );
    assert.ok(expansions.length >= 2, 'the ISR grew through AlterPartition');
  });

  for (const path of ['Fetch diverging_epoch (v12+)', 'OffsetForLeaderEpoch (Fetch v11)'] as const) {
    it(`a returning leader with records the new leader never had truncates them: ${path} (KIP-101)`, async () => {
      const fetchVersion = path.startsWith('Fetch') ? {} : { replicaFetchMaxVersion: 11 };
      const cluster = new TestCluster();
      clusters.push(cluster);
      await cluster.startBroker(1, fetchVersion);
      await cluster.startBroker(2, fetchVersion);
      cluster.createTopic('kip101', [[1, 2]]);
      const one = cluster.client(1);
      for (let i = 0; i < 5; i++)
        assert.equal((await produce(one, 'kip101', 0, [`committed-${i}`])).errorCode, ErrorCode.NONE);

      // Broker 2 stops; broker 1 takes acks=1 writes that never reach it.
      await cluster.stopBroker(2);
      for (let i = 0; i < 3; i++)
        assert.equal(
          (await produce(one, 'kip101', 0, [`lost-${i}`, `lost-${i}b`], { acks: 1 })).errorCode,
          ErrorCode.NONE,
        );
      assert.equal(log(cluster.broker(1), 'kip101').logEndOffset, 11);
      assert.equal(log(cluster.broker(1), 'kip101').highWatermark, 5, 'the suffix was never committed');

      // Broker 1 dies; broker 2 (in the ISR) comes back and is elected; it takes new writes in epoch 1.
      await cluster.stopBroker(1);
      await cluster.startBroker(2, fetchVersion);
      cluster.electLeader('kip101', 0, 2, [2]);
      const two = cluster.client(2);
      for (let i = 0; i < 2; i++)
        assert.equal((await produce(two, 'kip101', 0, [`new-${i}`], { acks: -1 })).errorCode, ErrorCode.NONE);
      assert.equal(log(cluster.broker(2), 'kip101').logEndOffset, 7);

      // Broker 1 returns as a follower: it truncates its suffix and ends identical to broker 2.
      await cluster.startBroker(1, fetchVersion);
      await eventually(
        () => isr(cluster.broker(2), 'kip101').join() === '1,2',
        10_000,
        'broker 1 to rejoin the ISR',
      );
      assert.equal((await produce(two, 'kip101', 0, ['after'])).errorCode, ErrorCode.NONE);
      await eventually(
        () => log(cluster.broker(1), 'kip101').logEndOffset === 8,
        5000,
        'broker 1 to fetch the last record',
      );
      const bytes = logBytes(cluster.broker(1), 'kip101');
      assert.deepEqual(bytes, logBytes(cluster.broker(2), 'kip101'));
      assert.ok(!bytes.includes('lost-'), 'the divergent records are gone');
      assert.deepEqual(
        splitBatches(bytes).batches.map((b) => [Number(b.header.baseOffset), b.header.partitionLeaderEpoch]),
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [3, 0],
          [4, 0],
          [5, 1],
          [6, 1],
          [7, 1],
        ],
      );
      assert.deepEqual(log(cluster.broker(1), 'kip101').leaderEpochs.epochEntries(), [
        { epoch: 0, startOffset: 0 },
        { epoch: 1, startOffset: 5 },
      ]);
      // The old leader answers as a follower now, and OffsetForLeaderEpoch to the leader sees its epochs.
      const refused = await produce(cluster.client(1), 'kip101', 0, ['x']);
      assert.deepEqual(
        [refused.errorCode, refused.currentLeader],
        [ErrorCode.NOT_LEADER_OR_FOLLOWER, { leaderId: 2, leaderEpoch: 1 }],
      );
      const epochs = await request(two, ApiKey.OffsetForLeaderEpoch, 4, {
        replicaId: -1,
        topics: [
          {
            topic: 'kip101',
            partitions: [
              { partition: 0, currentLeaderEpoch: 1, leaderEpoch: 0 },
              { partition: 0, currentLeaderEpoch: 0, leaderEpoch: 0 },
            ],
          },
        ],
      });
      const [answer, fenced] = epochs.topics[0]!.partitions;
      assert.deepEqual([answer!.errorCode, answer!.leaderEpoch, answer!.endOffset], [ErrorCode.NONE, 0, 5n]);
      assert.equal(fenced!.errorCode, ErrorCode.FENCED_LEADER_EPOCH);
      // A consumer still in epoch 0 is fenced and told the new leader; one in epoch 1 reads the committed records.
      const topicId = cluster.broker(2).services.topics.get('kip101')!.topicId;
      const stale = await fetchAsConsumer(two, topicId, 0, { currentLeaderEpoch: 0 });
      assert.deepEqual(
        [stale.data.errorCode, stale.data.currentLeader],
        [ErrorCode.FENCED_LEADER_EPOCH, { leaderId: 2, leaderEpoch: 1 }],
      );
      const current = await fetchAsConsumer(two, topicId, 0, { currentLeaderEpoch: 1 });
      assert.equal(current.data.errorCode, ErrorCode.NONE);
      assert.deepEqual(current.data.records, logBytes(cluster.broker(2), 'kip101'));
    });
  }

  it('kafkajs produces with acks=-1 to leaders spread over three brokers', async () => {
    const cluster = await TestCluster.start([1, 2, 3]);
    clusters.push(cluster);
    cluster.createTopic('js', [
      [1, 2, 3],
      [2, 3, 1],
      [3, 1, 2],
    ]);
    const kafka = new Kafka({
      clientId: 'replication-test',
      brokers: [cluster.bootstrap(2)],
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (let i = 0; i < 30; i++) {
        const [result] = await producer.send({
          topic: 'js',
          acks: -1,
          messages: [{ partition: i % 3, key: `k${i}`, value: `v${i}` }],
        });
        assert.equal(result!.errorCode, 0);
      }
    } finally {
      await producer.disconnect();
    }
    for (let p = 0; p < 3; p++) {
      const leaderId = p + 1;
      assert.equal(log(cluster.broker(leaderId), 'js', p).highWatermark, 10);
      await eventually(
        () => [1, 2, 3].every((id) => log(cluster.broker(id), 'js', p).highWatermark === 10),
        5000,
        `every replica of js-${p} to reach the high watermark`,
      );
      const bytes = logBytes(cluster.broker(leaderId), 'js', p);
      for (const id of [1, 2, 3]) assert.deepEqual(logBytes(cluster.broker(id), 'js', p), bytes);
    }
  });

  it('a reassignment: a new replica catches up and joins the ISR, a removed one stops and deletes its log; two fetchers per source broker', async () => {
    const cluster = await TestCluster.start([1, 2, 3], { 'num.replica.fetchers': '2' });
    clusters.push(cluster);
    const partitions = [0, 1, 2, 3];
    cluster.createTopic(
      'moving',
      partitions.map(() => [1, 2]),
    );
    const leader = cluster.client(1);
    for (const p of partitions)
      for (let i = 0; i < 5; i++)
        assert.equal((await produce(leader, 'moving', p, [`p${p}-${i}`])).errorCode, ErrorCode.NONE);
    assert.equal(cluster.broker(3).services.replicaManager.partition('moving', 0), undefined);

    cluster.reassign('moving', 0, [1, 2, 3], [1, 2]);
    await eventually(
      () => isr(cluster.broker(1), 'moving', 0).join() === '1,2,3',
      10_000,
      'broker 3 to join the ISR of moving-0',
    );
    assert.deepEqual(logBytes(cluster.broker(3), 'moving', 0), logBytes(cluster.broker(1), 'moving', 0));

    const removedDir = log(cluster.broker(2), 'moving', 0).dir;
    cluster.reassign('moving', 0, [1, 3], [1, 3]);
    assert.equal(cluster.broker(2).services.replicaManager.partition('moving', 0), undefined);
    assert.equal(existsSync(removedDir), false, "the removed replica's log is deleted");
    assert.equal((await produce(leader, 'moving', 0, ['after move'])).errorCode, ErrorCode.NONE);
    assert.deepEqual(logBytes(cluster.broker(3), 'moving', 0), logBytes(cluster.broker(1), 'moving', 0));
    for (const p of partitions.slice(1)) {
      await eventually(
        () => log(cluster.broker(2), 'moving', p).highWatermark === 5,
        5000,
        `moving-${p} to be replicated`,
      );
    }
  });

  it("a follower that fell behind the leader's log start offset starts over there (OFFSET_OUT_OF_RANGE, ListOffsets)", async () => {
    const cluster = await TestCluster.start([1, 2], { 'replica.lag.time.max.ms': '500' });
    clusters.push(cluster);
    cluster.createTopic('gone', [[1, 2]]);
    const leader = cluster.client(1);
    for (let i = 0; i < 5; i++)
      assert.equal((await produce(leader, 'gone', 0, [`r${i}`])).errorCode, ErrorCode.NONE);
    await cluster.stopBroker(2);
    // A follower is out of sync only once the leader has records it lacks, for replica.lag.time.max.ms.
    for (let i = 5; i < 10; i++)
      assert.equal((await produce(leader, 'gone', 0, [`r${i}`], { acks: 1 })).errorCode, ErrorCode.NONE);
    await eventually(() => isr(cluster.broker(1), 'gone').join() === '1', 5000, 'broker 2 to leave the ISR');
    assert.equal(log(cluster.broker(1), 'gone').highWatermark, 10);
    const deleted = await request(leader, ApiKey.DeleteRecords, 2, {
      topics: [{ name: 'gone', partitions: [{ partitionIndex: 0, offset: 8n }] }],
      timeoutMs: 5000,
    });
    assert.equal(deleted.topics[0]!.partitions[0]!.lowWatermark, 8n);

    await cluster.startBroker(2);
    await eventually(
      () => isr(cluster.broker(1), 'gone').join() === '1,2',
      10_000,
      'broker 2 to rejoin the ISR',
    );
    const follower = log(cluster.broker(2), 'gone');
    assert.deepEqual([follower.logStartOffset, follower.logEndOffset], [8, 10]);
    assert.deepEqual(
      logBytes(cluster.broker(2), 'gone'),
      log(cluster.broker(1), 'gone').read(8, 1 << 20, true, 'logEnd').records,
    );
  });
});
