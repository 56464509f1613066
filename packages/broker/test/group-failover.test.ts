/**
 * Group coordinators that fail over (issue 12): three real brokers on 127.0.0.1 with a test controller,
 * __consumer_offsets created through the coordinator's internal-topic creator with replication factor 3. A kafkajs
 * consumer group commits offsets; the leadership of the group's __consumer_offsets partition moves to another
 * broker and the old leader stops. FindCoordinator then names the new leader, which loaded the group's offsets
 * from its replica of the log, the old leader answers NOT_COORDINATOR, and the group carries on from its
 * committed offsets without re-reading committed records.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { CONSUMER_OFFSETS_TOPIC, javaStringHash } from '../src/groups/group-coordinator.ts';
import { TestCluster, eventually, request } from './support/replication-cluster.ts';

const OFFSETS_PARTITIONS = 3;
const GROUP = 'failover-group';

function offsetsPartition(groupId: string): number {
  return (javaStringHash(groupId) & 0x7fffffff) % OFFSETS_PARTITIONS;
}

/** Runs a kafkajs consumer of `topic` in GROUP until `count` records arrived; returns their offsets. */
async function consume(
  kafka: Kafka,
  topic: string,
  count: number,
): Promise<{ consumer: Consumer; offsets: number[] }> {
  const consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: 10_000, heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const offsets: number[] = [];
  await consumer.run({
    autoCommit: false,
    eachMessage: ({ message }) => {
      offsets.push(Number(message.offset));
      return Promise.resolve();
    },
  });
  await eventually(() => offsets.length >= count, 30_000, `${count} records consumed`);
  return { consumer, offsets };
}

describe('group coordinator failover', () => {
  const clusters: TestCluster[] = [];
  after(async () => {
    for (const cluster of clusters) await cluster.close();
  });

  it('moves a group with its committed offsets to the new leader of its __consumer_offsets partition', async () => {
    const cluster = await TestCluster.start([1, 2, 3], {
      'offsets.topic.num.partitions': String(OFFSETS_PARTITIONS),
      'offsets.topic.replication.factor': '3',
      'group.initial.rebalance.delay.ms': '0',
    });
    clusters.push(cluster);
    const partition = offsetsPartition(GROUP);
    // The harness places __consumer_offsets partition p on brokers p+1, p+2, p+3 (mod 3), led by the first.
    const oldLeader = partition + 1;
    const newLeader = ((partition + 1) % 3) + 1;
    const third = [1, 2, 3].find((id) => id !== oldLeader && id !== newLeader)!;
    // The data topic lives on the brokers that survive.
    cluster.createTopic('orders', [[newLeader, third]]);

    const kafka = new Kafka({
      clientId: 'failover-test',
      brokers: [cluster.bootstrap(newLeader), cluster.bootstrap(third)],
      logLevel: logLevel.NOTHING,
      retry: { retries: 20, initialRetryTime: 100, maxRetryTime: 1000 },
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const send = (from: number, n: number) =>
      producer.send({
        topic: 'orders',
        acks: -1,
        messages: Array.from({ length: n }, (_, i) => ({ value: `order-${from + i}` })),
      });
    try {
      await send(0, 10);

      // FindCoordinator created __consumer_offsets (RF 3) through the controller and named its leader.
      const { consumer: first, offsets: firstOffsets } = await consume(kafka, 'orders', 10);
      assert.deepEqual(cluster.registration(CONSUMER_OFFSETS_TOPIC, partition).replicas.length, 3);
      assert.equal(cluster.registration(CONSUMER_OFFSETS_TOPIC, partition).leader, oldLeader);
      assert.deepEqual(firstOffsets, [...Array(10).keys()]);
      await first.commitOffsets([{ topic: 'orders', partition: 0, offset: '10' }]);
      await first.disconnect();

      // The commit is acknowledged only once committed: every replica of the partition has it.
      const leaderLog = cluster
        .broker(oldLeader)
        .services.replicaManager.partition(CONSUMER_OFFSETS_TOPIC, partition)!.log;
      for (const id of [newLeader, third]) {
        const replica = cluster
          .broker(id)
          .services.replicaManager.partition(CONSUMER_OFFSETS_TOPIC, partition)!;
        assert.ok(!replica.isLeader);
        assert.ok(replica.log.logEndOffset >= leaderLog.highWatermark);
      }

      // Leadership moves (the old leader leaves the ISR, as the controller fences a dying broker) and it stops.
      cluster.electLeader(CONSUMER_OFFSETS_TOPIC, partition, newLeader, [newLeader, third]);
      // The new leader replays the partition before it serves the group (nothing awaited yet: still loading).
      const newCoordinator = cluster.broker(newLeader).services.groups;
      assert.equal(newCoordinator.coordinatorError(GROUP), ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
      assert.equal(newCoordinator.isLoading(), true);
      const oldClient = cluster.client(oldLeader);
      const refused = await request(oldClient, ApiKey.OffsetFetch, 7, {
        groupId: GROUP,
        topics: [{ name: 'orders', partitionIndexes: [0] }],
        groups: [],
        requireStable: false,
      });
      assert.equal(refused.errorCode, ErrorCode.NOT_COORDINATOR);
      const heartbeat = await request(oldClient, ApiKey.Heartbeat, 4, {
        groupId: GROUP,
        generationId: 1,
        memberId: 'anyone',
        groupInstanceId: null,
      });
      assert.equal(heartbeat.errorCode, ErrorCode.NOT_COORDINATOR);
      await cluster.stopBroker(oldLeader);

      // Any survivor names the new leader as the coordinator.
      for (const id of [newLeader, third]) {
        const found = await request(cluster.client(id), ApiKey.FindCoordinator, 4, {
          key: '',
          keyType: 0,
          coordinatorKeys: [GROUP],
        });
        const [coordinator] = found.coordinators;
        assert.equal(coordinator!.errorCode, ErrorCode.NONE);
        assert.equal(coordinator!.nodeId, newLeader);
        assert.equal(coordinator!.port, cluster.broker(newLeader).port);
      }
      // The new leader loaded the group's committed offsets from its replica of the log.
      const newClient = cluster.client(newLeader);
      const fetchOffsets = () =>
        request(newClient, ApiKey.OffsetFetch, 7, {
          groupId: GROUP,
          topics: [{ name: 'orders', partitionIndexes: [0] }],
          groups: [],
          requireStable: false,
        });
      let fetched = await fetchOffsets();
      // Loading is asynchronous: COORDINATOR_LOAD_IN_PROGRESS until the partition is replayed.
      for (
        let tries = 0;
        fetched.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS && tries < 50;
        tries++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        fetched = await fetchOffsets();
      }
      assert.equal(fetched.errorCode, ErrorCode.NONE);
      assert.equal(fetched.topics[0]!.partitions[0]!.committedOffset, 10n);

      // The group carries on from offset 10: nothing committed is read again.
      await send(10, 5);
      const { consumer: second, offsets: secondOffsets } = await consume(kafka, 'orders', 5);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await second.disconnect();
      assert.deepEqual(secondOffsets, [10, 11, 12, 13, 14]);
    } finally {
      await producer.disconnect();
    }
  });

  it('answers a pending JoinGroup NOT_COORDINATOR when the partition leadership moves away', async () => {
    const cluster = await TestCluster.start([1, 2, 3], {
      'offsets.topic.num.partitions': String(OFFSETS_PARTITIONS),
      'offsets.topic.replication.factor': '3',
      'group.initial.rebalance.delay.ms': '5000',
    });
    clusters.push(cluster);
    const groupId = 'pending-join';
    const partition = offsetsPartition(groupId);
    const found = await request(cluster.client(1), ApiKey.FindCoordinator, 4, {
      key: '',
      keyType: 0,
      coordinatorKeys: [groupId],
    });
    const leader = found.coordinators[0]!.nodeId;
    assert.equal(leader, cluster.registration(CONSUMER_OFFSETS_TOPIC, partition).leader);
    const other = (leader % 3) + 1;
    // Another broker is not the coordinator.
    const elsewhere = await request(cluster.client(other), ApiKey.JoinGroup, 3, {
      groupId,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId: '',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
      reason: null,
    });
    assert.equal(elsewhere.errorCode, ErrorCode.NOT_COORDINATOR);
    // JoinGroup v3 joins at once; the first rebalance of an empty group waits group.initial.rebalance.delay.ms.
    const pending = request(cluster.client(leader), ApiKey.JoinGroup, 3, {
      groupId,
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId: '',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
      reason: null,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    cluster.electLeader(CONSUMER_OFFSETS_TOPIC, partition, other);
    const answer = await pending;
    assert.equal(answer.errorCode, ErrorCode.NOT_COORDINATOR);
    assert.ok(Date.now() - started < 2000, 'answered on resignation, not after the rebalance delay');
    const now = await request(cluster.client(leader), ApiKey.FindCoordinator, 4, {
      key: '',
      keyType: 0,
      coordinatorKeys: [groupId],
    });
    assert.equal(now.coordinators[0]!.nodeId, other);
  });

  it('answers offset commits only once committed: COORDINATOR_NOT_AVAILABLE below min.insync.replicas or on timeout', async () => {
    const cluster = await TestCluster.start([1, 2, 3], {
      'offsets.topic.num.partitions': String(OFFSETS_PARTITIONS),
      'offsets.topic.replication.factor': '3',
      'offsets.commit.timeout.ms': '1000',
      'min.insync.replicas': '2',
    });
    clusters.push(cluster);
    const groupId = 'standalone';
    const partition = offsetsPartition(groupId);
    const found = await request(cluster.client(1), ApiKey.FindCoordinator, 4, {
      key: '',
      keyType: 0,
      coordinatorKeys: [groupId],
    });
    const leader = found.coordinators[0]!.nodeId;
    const followers = [1, 2, 3].filter((id) => id !== leader);
    cluster.createTopic('data', [[1, 2, 3]]);
    const client = cluster.client(leader);
    const commit = async (offset: bigint) => {
      const response = await request(client, ApiKey.OffsetCommit, 8, {
        groupId,
        generationIdOrMemberEpoch: -1,
        memberId: '',
        groupInstanceId: null,
        retentionTimeMs: -1n,
        topics: [
          {
            name: 'data',
            partitions: [
              {
                partitionIndex: 0,
                committedOffset: offset,
                committedLeaderEpoch: -1,
                committedMetadata: null,
                commitTimestamp: -1n,
              },
            ],
          },
        ],
      });
      return response.topics[0]!.partitions[0]!.errorCode;
    };
    const committed = async () => {
      const response = await request(client, ApiKey.OffsetFetch, 7, {
        groupId,
        topics: [{ name: 'data', partitionIndexes: [0] }],
        groups: [],
        requireStable: false,
      });
      return response.topics[0]!.partitions[0]!.committedOffset;
    };
    assert.equal(await commit(5n), ErrorCode.NONE);
    assert.equal(await committed(), 5n);

    // The ISR is the leader alone, below min.insync.replicas=2: nothing is appended (Kafka's NOT_ENOUGH_REPLICAS).
    cluster.electLeader(CONSUMER_OFFSETS_TOPIC, partition, leader, [leader]);
    const log = cluster
      .broker(leader)
      .services.replicaManager.partition(CONSUMER_OFFSETS_TOPIC, partition)!.log;
    const end = log.logEndOffset;
    assert.equal(await commit(6n), ErrorCode.COORDINATOR_NOT_AVAILABLE);
    assert.equal(log.logEndOffset, end);
    assert.equal(await committed(), 5n);

    // An ISR member that stopped fetching holds the high watermark back: the commit times out unanswered
    // (REQUEST_TIMED_OUT, which Kafka's coordinator answers as COORDINATOR_NOT_AVAILABLE) and is not applied.
    cluster.electLeader(CONSUMER_OFFSETS_TOPIC, partition, leader, [1, 2, 3]);
    await cluster.stopBroker(followers[0]!);
    const started = Date.now();
    assert.equal(await commit(7n), ErrorCode.COORDINATOR_NOT_AVAILABLE);
    assert.ok(Date.now() - started >= 900, 'waited offsets.commit.timeout.ms');
    assert.equal(await committed(), 5n);

    // Once the ISR no longer waits for the stopped broker, commits are answered again.
    cluster.electLeader(CONSUMER_OFFSETS_TOPIC, partition, leader, [leader, followers[1]!]);
    assert.equal(await commit(8n), ErrorCode.NONE);
    assert.equal(await committed(), 8n);
  });
});
