import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { ConfigResourceType, topicByName } from '../metadata/metadata-image.ts';
import { deserializeMetadataRecord } from '../metadata/metadata-record-serde.ts';
import { AlterConfigOp } from './configuration-control-manager.ts';
import { alterPartitionApi, brokerHeartbeatApi, handleControllerRequest } from './controller-apis.ts';
import {
  addBroker,
  alterPartitionRequest,
  cluster,
  createTopic,
  expireSession,
  heartbeat,
  heartbeatAll,
  newController,
  partitionOf,
  registrationRequest,
  startController,
  until,
} from './controller-test-support.ts';

const rejectsWith = (code: number) => (error: { errorCode?: number }) => error.errorCode === code;

describe('broker registration', () => {
  it('gives each registration the offset of its RegisterBrokerRecord as broker epoch', async () => {
    const { controller, raft } = await startController();
    const first = await controller.registerBroker(registrationRequest(1));
    const second = await controller.registerBroker(registrationRequest(2));
    for (const { brokerEpoch } of [first, second]) {
      const written = raft.records().find(({ offset }) => BigInt(offset) === brokerEpoch);
      assert.ok(written, `no record at offset ${brokerEpoch}`);
      assert.equal(deserializeMetadataRecord(written.value).type, 'RegisterBrokerRecord');
    }
    assert.ok(second.brokerEpoch > first.brokerEpoch);
    assert.equal(controller.image().brokers.get(1)!.fenced, true, 'a new registration starts fenced');
  });

  it('refuses another cluster id, a duplicate live broker id, and unsupported metadata versions', async () => {
    const { controller, clock } = await startController();
    await assert.rejects(
      controller.registerBroker({ ...registrationRequest(1), clusterId: 'another-cluster' }),
      rejectsWith(ErrorCode.INCONSISTENT_CLUSTER_ID),
    );
    const epoch = await addBroker(controller, 1);
    const impostor = registrationRequest(1, null, 'AnotherIncarnationIdAA');
    await assert.rejects(
      controller.registerBroker(impostor),
      rejectsWith(ErrorCode.DUPLICATE_BROKER_REGISTRATION),
    );
    // The same process retrying its registration is fine.
    const retry = await controller.registerBroker(registrationRequest(1));
    assert.equal(retry.errorCode, ErrorCode.NONE);
    await assert.rejects(
      controller.registerBroker({ ...registrationRequest(2), features: [] }),
      rejectsWith(ErrorCode.UNSUPPORTED_VERSION),
    );
    // Once the first process's session has expired, a new incarnation may take the id, with a new epoch.
    clock.advance(10_000);
    const replaced = await controller.registerBroker(impostor);
    assert.ok(replaced.brokerEpoch > epoch);
    assert.equal(controller.image().brokers.get(1)!.incarnationId, impostor.incarnationId);
  });
});

describe('broker heartbeats', () => {
  it('unfences a broker only once its metadata has caught up, and rejects stale epochs', async () => {
    const { controller } = await startController();
    const { brokerEpoch } = await controller.registerBroker(registrationRequest(1));
    const behind = await heartbeat(controller, 1, brokerEpoch, { metadataOffset: Number(brokerEpoch) - 1 });
    assert.deepEqual([behind.isCaughtUp, behind.isFenced], [false, true]);
    const asksFence = await heartbeat(controller, 1, brokerEpoch, { wantFence: true });
    assert.equal(asksFence.isFenced, true);
    const caughtUp = await heartbeat(controller, 1, brokerEpoch);
    assert.deepEqual([caughtUp.isCaughtUp, caughtUp.isFenced], [true, false]);
    assert.equal(controller.image().brokers.get(1)!.fenced, false);
    await assert.rejects(
      heartbeat(controller, 1, brokerEpoch - 1n),
      rejectsWith(ErrorCode.STALE_BROKER_EPOCH),
    );
    await assert.rejects(heartbeat(controller, 7, 1n), rejectsWith(ErrorCode.STALE_BROKER_EPOCH));
    const response = await handleControllerRequest(brokerHeartbeatApi, controller, {
      apiKey: ApiKey.BrokerHeartbeat,
      apiVersion: 1,
      correlationId: 1,
      clientId: null,
      body: {
        brokerId: 1,
        brokerEpoch: 12345n,
        currentMetadataOffset: 0n,
        wantFence: false,
        wantShutDown: false,
        offlineLogDirs: [],
      },
    });
    assert.equal(response.errorCode, ErrorCode.STALE_BROKER_EPOCH);
  });

  it('fences a broker that misses heartbeats for broker.session.timeout.ms and moves its leaderships', async () => {
    const fixture = await cluster([1, 2, 3]);
    const { controller } = fixture;
    await createTopic(controller, 'led-by-1', [
      [1, 2, 3],
      [2, 1, 3],
    ]);
    const before = partitionOf(controller, 'led-by-1');

    fixture.clock.advance(8000);
    await controller.tick();
    assert.equal(controller.image().brokers.get(1)!.fenced, false, 'not fenced before the timeout');

    await expireSession(fixture, 1);
    assert.equal(controller.image().brokers.get(1)!.fenced, true);
    const after = partitionOf(controller, 'led-by-1');
    assert.equal(after.leader, 2, 'the next replica in the ISR leads');
    assert.deepEqual(after.isr, [2, 3]);
    assert.equal(after.leaderEpoch, before.leaderEpoch + 1);
    const followed = partitionOf(controller, 'led-by-1', 1);
    assert.equal(followed.leader, 2);
    assert.deepEqual(followed.isr, [2, 3], 'a fenced follower leaves the ISR too');
    assert.equal(followed.leaderEpoch, 0, 'an ISR shrink alone does not bump the leader epoch');
    assert.equal(followed.partitionEpoch, 1);
  });

  it('keeps the last ISR member and leaves the partition leaderless, then restores it on unfencing', async () => {
    const fixture = await cluster([1, 2]);
    const { controller } = fixture;
    await createTopic(controller, 'single', [[1]]);
    await expireSession(fixture, 1);
    const offline = partitionOf(controller, 'single');
    assert.equal(offline.leader, -1);
    assert.deepEqual(offline.isr, [1], 'the ISR is never emptied');
    const back = await heartbeat(controller, 1, fixture.epochs.get(1)!);
    assert.equal(back.isFenced, false);
    const online = partitionOf(controller, 'single');
    assert.equal(online.leader, 1);
    assert.equal(online.leaderEpoch, offline.leaderEpoch + 1);
  });

  it('elects an out-of-sync replica only when unclean.leader.election.enable is set for the topic', async () => {
    const fixture = await cluster([1, 2, 3]);
    const { controller, epochs } = fixture;
    for (const name of ['clean', 'unclean']) {
      await createTopic(controller, name, [[1, 2, 3]]);
      const p = partitionOf(controller, name);
      const shrunk = await controller.alterPartition(
        alterPartitionRequest(1, epochs.get(1)!, topicByName(controller.image(), name)!.id, {
          leaderEpoch: p.leaderEpoch,
          partitionEpoch: p.partitionEpoch,
          newIsr: [1],
        }),
        3,
      );
      assert.equal(shrunk.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    }
    const [configured] = await controller.alterConfigs(
      [
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: 'unclean',
          configs: [
            { name: 'unclean.leader.election.enable', configOperation: AlterConfigOp.SET, value: 'true' },
          ],
        },
      ],
      false,
      true,
    );
    assert.equal(configured!.errorCode, ErrorCode.NONE);
    await expireSession(fixture, 1);
    assert.equal(partitionOf(controller, 'clean').leader, -1);
    const unclean = partitionOf(controller, 'unclean');
    assert.equal(unclean.leader, 2);
    assert.deepEqual(unclean.isr, [2]);
    assert.equal(unclean.leaderRecoveryState, 1, 'recovering after an unclean election');
  });
});

describe('controlled shutdown', () => {
  it('moves leaderships away first, then tells the broker to shut down and fences it', async () => {
    const fixture = await cluster([1, 2, 3]);
    const { controller, epochs } = fixture;
    await createTopic(controller, 'orders', [
      [1, 2, 3],
      [1, 3, 2],
      [2, 3, 1],
    ]);
    const first = await heartbeat(controller, 1, epochs.get(1)!, { wantShutDown: true });
    assert.deepEqual([first.shouldShutDown, first.isFenced], [false, false]);
    assert.equal(controller.image().brokers.get(1)!.inControlledShutdown, true);
    for (const partition of [0, 1, 2]) {
      const p = partitionOf(controller, 'orders', partition);
      assert.notEqual(p.leader, 1);
      assert.ok(!p.isr.includes(1), `broker 1 left the ISR of partition ${partition}`);
    }
    assert.equal(partitionOf(controller, 'orders', 0).leader, 2);
    assert.equal(partitionOf(controller, 'orders', 1).leader, 3);

    // The others have replayed the change once they heartbeat at the current offset.
    await heartbeatAll(controller, new Map([...epochs].filter(([id]) => id !== 1)));
    const second = await heartbeat(controller, 1, epochs.get(1)!, { wantShutDown: true });
    assert.deepEqual([second.shouldShutDown, second.isFenced], [true, true]);
    assert.equal(controller.image().brokers.get(1)!.fenced, true);

    // An ISR may not take a broker that is shutting down or fenced.
    const p = partitionOf(controller, 'orders');
    const topicId = topicByName(controller.image(), 'orders')!.id;
    const rejected = await controller.alterPartition(
      alterPartitionRequest(2, epochs.get(2)!, topicId, {
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: p.partitionEpoch,
        newIsr: [2, 3, 1],
      }),
      3,
    );
    assert.equal(rejected.topics[0]!.partitions[0]!.errorCode, ErrorCode.INELIGIBLE_REPLICA);
  });

  it('lets a broker that leads nothing shut down at once', async () => {
    const { controller, epochs } = await cluster([1, 2]);
    const reply = await heartbeat(controller, 2, epochs.get(2)!, { wantShutDown: true });
    assert.equal(reply.shouldShutDown, true);
  });

  it('registers the restarted process at once: a controlled shutdown fenced the old one, so its session is over', async () => {
    // Regression: the restart was refused DUPLICATE_BROKER_REGISTRATION until broker.session.timeout.ms had
    // passed since the last heartbeat of the process that had shut down.
    const { controller, epochs } = await cluster([1, 2]);
    const reply = await heartbeat(controller, 2, epochs.get(2)!, { wantShutDown: true });
    assert.equal(reply.shouldShutDown, true);
    assert.equal(controller.image().brokers.get(2)!.fenced, true);
    const restarted = registrationRequest(2, null, 'RestartedIncarnationAA');
    const registered = await controller.registerBroker(restarted);
    assert.equal(registered.errorCode, ErrorCode.NONE);
    assert.ok(registered.brokerEpoch > epochs.get(2)!);
    assert.equal(controller.image().brokers.get(2)!.incarnationId, restarted.incarnationId);
  });
});

describe('AlterPartition (KIP-497)', () => {
  it("applies a valid ISR change and answers Kafka's errors for stale or invalid ones", async () => {
    const fixture = await cluster([1, 2, 3]);
    const { controller, epochs } = fixture;
    const topic = await createTopic(controller, 'isr', [[1, 2, 3]]);
    const leaderEpoch = 0;
    const request = (data: Parameters<typeof alterPartitionRequest>[3], broker = 1, version = 3) =>
      controller
        .alterPartition(alterPartitionRequest(broker, epochs.get(broker)!, topic.id, data, 'isr'), version)
        .then((r) => r.topics[0]!.partitions[0]!);

    const shrunk = await request({ leaderEpoch, partitionEpoch: 0, newIsr: [1, 2] });
    assert.equal(shrunk.errorCode, ErrorCode.NONE);
    assert.deepEqual(shrunk.isr, [1, 2]);
    assert.equal(shrunk.partitionEpoch, 1, 'the new partition epoch is returned');
    assert.equal(
      shrunk.leaderEpoch,
      0,
      'an ISR shrink does not bump the leader epoch (metadata.version 3.9)',
    );

    assert.equal(
      (await request({ leaderEpoch, partitionEpoch: 0, newIsr: [1, 2, 3] })).errorCode,
      ErrorCode.INVALID_UPDATE_VERSION,
    );
    assert.equal(
      (await request({ leaderEpoch: 5, partitionEpoch: 1, newIsr: [1, 2, 3] })).errorCode,
      ErrorCode.NOT_CONTROLLER,
    );
    assert.equal(
      (await request({ leaderEpoch, partitionEpoch: 1, newIsr: [2, 3] })).errorCode,
      ErrorCode.INVALID_REQUEST,
    );
    assert.equal(
      (await request({ leaderEpoch, partitionEpoch: 1, newIsr: [1, 4] })).errorCode,
      ErrorCode.INVALID_REQUEST,
    );
    assert.equal(
      (await request({ leaderEpoch, partitionEpoch: 1, newIsr: [1, 2] }, 2)).errorCode,
      ErrorCode.INVALID_REQUEST,
    );

    // Broker 3 is fenced: it may not rejoin the ISR.
    await expireSession(fixture, 3);
    const current = partitionOf(controller, 'isr');
    assert.equal(
      (
        await request({
          leaderEpoch: current.leaderEpoch,
          partitionEpoch: current.partitionEpoch,
          newIsr: [1, 2, 3],
        })
      ).errorCode,
      ErrorCode.INELIGIBLE_REPLICA,
    );
    assert.equal(
      (
        await request(
          { leaderEpoch: current.leaderEpoch, partitionEpoch: current.partitionEpoch, newIsr: [1, 2, 3] },
          1,
          1,
        )
      ).errorCode,
      ErrorCode.OPERATION_NOT_ATTEMPTED,
      'before v2 an ineligible replica is OPERATION_NOT_ATTEMPTED',
    );

    // A leader change makes the old leader's requests fenced.
    const moved = await heartbeat(controller, 1, epochs.get(1)!, { wantShutDown: true });
    assert.equal(moved.shouldShutDown, false);
    assert.equal(
      (
        await request({
          leaderEpoch: current.leaderEpoch,
          partitionEpoch: current.partitionEpoch,
          newIsr: [1, 2],
        })
      ).errorCode,
      ErrorCode.FENCED_LEADER_EPOCH,
    );

    await assert.rejects(
      controller.alterPartition(
        alterPartitionRequest(2, 999n, topic.id, { leaderEpoch, partitionEpoch: 0, newIsr: [2] }),
        3,
      ),
      rejectsWith(ErrorCode.STALE_BROKER_EPOCH),
    );
    const unknownTopic = await controller.alterPartition(
      alterPartitionRequest(2, epochs.get(2)!, 'AAAAAAAAAAAAAAAAAAAAAQ', {
        leaderEpoch,
        partitionEpoch: 0,
        newIsr: [2],
      }),
      3,
    );
    assert.equal(unknownTopic.topics[0]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    const viaHandler = await handleControllerRequest(alterPartitionApi, controller, {
      apiKey: ApiKey.AlterPartition,
      apiVersion: 3,
      correlationId: 1,
      clientId: null,
      body: alterPartitionRequest(2, 999n, topic.id, { leaderEpoch, partitionEpoch: 0, newIsr: [2] }),
    });
    assert.equal(viaHandler.errorCode, ErrorCode.STALE_BROKER_EPOCH);
  });
});

describe('ElectLeaders', () => {
  it('moves leadership back to the preferred replica, and reports when no election is possible or needed', async () => {
    const fixture = await cluster([1, 2, 3]);
    const { controller, epochs } = fixture;
    await createTopic(controller, 'pref', [[1, 2, 3]]);
    await expireSession(fixture, 1);
    assert.equal(partitionOf(controller, 'pref').leader, 2);

    const unavailable = await controller.electLeaders({
      electionType: 0,
      topicPartitions: [{ topic: 'pref', partitions: [0] }],
      timeoutMs: 1000,
    });
    assert.equal(
      unavailable.replicaElectionResults[0]!.partitionResult[0]!.errorCode,
      ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
    );

    // Broker 1 comes back and rejoins the ISR (the leader asks for it).
    await heartbeat(controller, 1, epochs.get(1)!);
    const p = partitionOf(controller, 'pref');
    const topicId = topicByName(controller.image(), 'pref')!.id;
    const grown = await controller.alterPartition(
      alterPartitionRequest(2, epochs.get(2)!, topicId, {
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: p.partitionEpoch,
        newIsr: [2, 3, 1],
      }),
      3,
    );
    assert.equal(grown.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);

    const elected = await controller.electLeaders({
      electionType: 0,
      topicPartitions: [
        { topic: 'pref', partitions: [0] },
        { topic: 'missing', partitions: [0] },
      ],
      timeoutMs: 1000,
    });
    assert.deepEqual(
      elected.replicaElectionResults.map((t) => t.partitionResult[0]!.errorCode),
      [ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    );
    assert.equal(partitionOf(controller, 'pref').leader, 1);

    const again = await controller.electLeaders({
      electionType: 0,
      topicPartitions: [{ topic: 'pref', partitions: [0] }],
      timeoutMs: 1000,
    });
    assert.equal(
      again.replicaElectionResults[0]!.partitionResult[0]!.errorCode,
      ErrorCode.ELECTION_NOT_NEEDED,
    );
    const unclean = await controller.electLeaders({
      electionType: 1,
      topicPartitions: [{ topic: 'pref', partitions: [0] }],
      timeoutMs: 1000,
    });
    assert.equal(
      unclean.replicaElectionResults[0]!.partitionResult[0]!.errorCode,
      ErrorCode.ELECTION_NOT_NEEDED,
    );
  });

  it('elects an unclean leader on request for a leaderless partition', async () => {
    const fixture = await cluster([1, 2]);
    const { controller, epochs } = fixture;
    const topic = await createTopic(controller, 'offline', [[1, 2]]);
    const shrunk = await controller.alterPartition(
      alterPartitionRequest(1, epochs.get(1)!, topic.id, { leaderEpoch: 0, partitionEpoch: 0, newIsr: [1] }),
      3,
    );
    assert.equal(shrunk.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    await expireSession(fixture, 1);
    assert.equal(partitionOf(controller, 'offline').leader, -1);
    const result = await controller.electLeaders({
      electionType: 1,
      topicPartitions: [{ topic: 'offline', partitions: [0] }],
      timeoutMs: 1000,
    });
    assert.equal(result.replicaElectionResults[0]!.partitionResult[0]!.errorCode, ErrorCode.NONE);
    const p = partitionOf(controller, 'offline');
    assert.equal(p.leader, 2);
    assert.deepEqual(p.isr, [2]);
    assert.equal(p.leaderRecoveryState, 1);
  });
});

describe('leader rebalance and failover', () => {
  it('moves leadership back to in-sync preferred replicas (auto.leader.rebalance.enable)', async () => {
    const fixture = await cluster([1, 2, 3]);
    const { controller, epochs } = fixture;
    const topic = await createTopic(controller, 'balanced', [[1, 2, 3]]);
    await expireSession(fixture, 1);
    await heartbeat(controller, 1, epochs.get(1)!);
    await controller.rebalanceLeaders();
    assert.equal(partitionOf(controller, 'balanced').leader, 2, 'broker 1 is not back in the ISR yet');
    const p = partitionOf(controller, 'balanced');
    await controller.alterPartition(
      alterPartitionRequest(2, epochs.get(2)!, topic.id, {
        leaderEpoch: p.leaderEpoch,
        partitionEpoch: p.partitionEpoch,
        newIsr: [2, 3, 1],
      }),
      3,
    );
    await controller.rebalanceLeaders();
    const rebalanced = partitionOf(controller, 'balanced');
    assert.equal(rebalanced.leader, 1);
    assert.equal(rebalanced.leaderEpoch, p.leaderEpoch + 1);
  });

  it('gives every broker a full session after a controller failover before fencing it', async () => {
    const fixture = await cluster([1, 2]);
    const { controller, raft, clock, epochs } = fixture;
    clock.advance(8000);
    controller.stop();
    const successor = newController(raft, clock);
    successor.start();
    raft.becomeLeader();
    await until(() => successor.isActive());
    clock.advance(2000);
    await heartbeat(successor, 2, epochs.get(2)!);
    await successor.tick();
    assert.equal(
      successor.image().brokers.get(1)!.fenced,
      false,
      'the new controller never saw this session start',
    );
    clock.advance(7500);
    await heartbeat(successor, 2, epochs.get(2)!);
    await successor.tick();
    assert.equal(successor.image().brokers.get(1)!.fenced, true);
    assert.equal(successor.image().brokers.get(2)!.fenced, false);
  });
});
