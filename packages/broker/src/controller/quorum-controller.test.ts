import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiKey, ErrorCode, ZERO_UUID, type CreateTopicsRequest } from '@sluice/protocol';
import { replayRecords } from '../metadata/metadata-delta.ts';
import {
  ConfigResourceType,
  EMPTY_METADATA_IMAGE,
  resourceConfigs,
  topicByName,
} from '../metadata/metadata-image.ts';
import { deserializeMetadataRecord } from '../metadata/metadata-record-serde.ts';
import { readMetadataSnapshot, writeMetadataSnapshot } from '../metadata/metadata-snapshot.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { AlterConfigOp } from './configuration-control-manager.ts';
import { createTopicsApi, handleControllerRequest, quorumControllerHandlers } from './controller-apis.ts';
import {
  addBroker,
  newController,
  registrationRequest,
  startController,
  until,
} from './controller-test-support.ts';
import { StripedReplicaPlacer } from './striped-replica-placer.ts';

function createTopicsRequest(
  topics: Partial<CreateTopicsRequest['topics'][number]>[],
  validateOnly = false,
): CreateTopicsRequest {
  return {
    topics: topics.map((t) => ({
      name: 'events',
      numPartitions: 1,
      replicationFactor: 1,
      assignments: [],
      configs: [],
      ...t,
    })),
    timeoutMs: 30_000,
    validateOnly,
  };
}

describe('StripedReplicaPlacer', () => {
  it('puts the replicas of each partition on distinct racks and spreads leaders evenly', () => {
    const brokers = [0, 1, 2, 3, 4, 5].map((id) => ({ id, rack: `rack-${id % 3}`, fenced: false }));
    const placements = new StripedReplicaPlacer(() => 0.3).place(brokers, 12, 3);
    const rackOf = (id: number) => `rack-${id % 3}`;
    for (const replicas of placements) {
      assert.equal(new Set(replicas).size, 3);
      assert.equal(new Set(replicas.map(rackOf)).size, 3, `replicas ${replicas.join(',')} share a rack`);
    }
    const leaders = new Map<number, number>();
    for (const [leader] of placements) leaders.set(leader!, (leaders.get(leader!) ?? 0) + 1);
    assert.deepEqual([...leaders.values()], [2, 2, 2, 2, 2, 2]);
  });

  it('rotates leaders without racks, even when every broker holds every partition', () => {
    // Regression: with RF = broker count the leader of every partition was the same broker.
    const brokers = [1, 2, 3].map((id) => ({ id, rack: null, fenced: false }));
    for (const replicationFactor of [1, 2, 3]) {
      const placements = new StripedReplicaPlacer(() => 0.5).place(brokers, 6, replicationFactor);
      const leaders = new Map<number, number>();
      for (const [leader] of placements) leaders.set(leader!, (leaders.get(leader!) ?? 0) + 1);
      assert.deepEqual(
        [...leaders.values()],
        [2, 2, 2],
        `RF ${replicationFactor}: ${JSON.stringify(placements)}`,
      );
      for (const replicas of placements) assert.equal(new Set(replicas).size, replicationFactor);
    }
  });

  it('never makes a fenced broker leader and uses it only when the unfenced are too few', () => {
    const brokers = [
      { id: 1, rack: null, fenced: true },
      { id: 2, rack: null, fenced: false },
      { id: 3, rack: null, fenced: false },
    ];
    const placer = new StripedReplicaPlacer(() => 0.5);
    for (const replicas of placer.place(brokers, 6, 2)) assert.ok(!replicas.includes(1));
    for (const replicas of placer.place(brokers, 6, 3)) assert.notEqual(replicas[0], 1);
    assert.throws(() => placer.place(brokers, 1, 4), /only 3 broker\(s\) are registered/);
    assert.throws(
      () => placer.place([{ id: 1, rack: null, fenced: true }], 1, 1),
      /All brokers are currently fenced/,
    );
  });
});

describe('QuorumController topics', () => {
  it('creates a topic with rack-aware placement, ISR = replicas and leader = first replica', async () => {
    const { controller } = await startController();
    for (const id of [1, 2, 3, 4, 5, 6]) await addBroker(controller, id, `rack-${id % 3}`);
    const [result] = await controller.createTopics(
      createTopicsRequest([{ numPartitions: 6, replicationFactor: 3 }]),
    );
    assert.equal(result!.errorCode, ErrorCode.NONE);
    assert.equal(result!.numPartitions, 6);
    assert.equal(result!.replicationFactor, 3);
    const topic = topicByName(controller.image(), 'events')!;
    assert.equal(topic.id, result!.topicId);
    assert.equal(topic.partitions.size, 6);
    for (const p of topic.partitions.values()) {
      assert.deepEqual(p.isr, p.replicas);
      assert.equal(p.leader, p.replicas[0]);
      assert.equal(p.leaderEpoch, 0);
      assert.equal(p.partitionEpoch, 0);
      assert.equal(new Set(p.replicas.map((id) => id % 3)).size, 3, 'one replica per rack');
    }
  });

  it("answers Kafka's error codes for bad topics", async () => {
    const { controller } = await startController({ defaultReplicationFactor: 3 });
    await addBroker(controller, 1);
    await addBroker(controller, 2);
    const results = await controller.createTopics(
      createTopicsRequest([
        { name: 'too-many-replicas', replicationFactor: 3 },
        { name: 'default-factor', replicationFactor: -1 },
        { name: 'zero-partitions', numPartitions: 0 },
        { name: 'zero-factor', replicationFactor: 0 },
        { name: 'bad/name' },
        { name: 'dup' },
        { name: 'dup' },
        { name: 'bad-config', configs: [{ name: 'retention.ms', value: 'soon' }] },
        { name: 'unknown-config', configs: [{ name: 'no.such.config', value: '1' }] },
        { name: 'manual-with-count', numPartitions: 2, assignments: [{ partitionIndex: 0, brokerIds: [1] }] },
        {
          name: 'manual-unknown-broker',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 0, brokerIds: [1, 9] }],
        },
        {
          name: 'manual-gap',
          numPartitions: -1,
          replicationFactor: -1,
          assignments: [{ partitionIndex: 1, brokerIds: [1] }],
        },
      ]),
    );
    const codes = Object.fromEntries(results.map((r) => [r.name, r.errorCode]));
    assert.equal(codes['too-many-replicas'], ErrorCode.INVALID_REPLICATION_FACTOR);
    assert.match(
      results[0]!.errorMessage!,
      /replication factor of 3 cannot be reached because only 2 broker\(s\)/,
    );
    assert.equal(codes['default-factor'], ErrorCode.INVALID_REPLICATION_FACTOR);
    assert.equal(codes['zero-partitions'], ErrorCode.INVALID_PARTITIONS);
    assert.equal(codes['zero-factor'], ErrorCode.INVALID_REPLICATION_FACTOR);
    assert.equal(codes['bad/name'], ErrorCode.INVALID_TOPIC_EXCEPTION);
    assert.equal(codes.dup, ErrorCode.INVALID_REQUEST);
    assert.equal(codes['bad-config'], ErrorCode.INVALID_CONFIG);
    assert.equal(codes['unknown-config'], ErrorCode.INVALID_CONFIG);
    assert.equal(codes['manual-with-count'], ErrorCode.INVALID_REQUEST);
    assert.equal(codes['manual-unknown-broker'], ErrorCode.INVALID_REPLICA_ASSIGNMENT);
    assert.equal(codes['manual-gap'], ErrorCode.INVALID_REPLICA_ASSIGNMENT);
    assert.equal(controller.image().topicsById.size, 0);

    const [created] = await controller.createTopics(
      createTopicsRequest([{ name: 'events', replicationFactor: 2 }]),
    );
    assert.equal(created!.errorCode, ErrorCode.NONE);
    const [again] = await controller.createTopics(createTopicsRequest([{ name: 'events' }]));
    assert.equal(again!.errorCode, ErrorCode.TOPIC_ALREADY_EXISTS);
    assert.equal(again!.errorMessage, "Topic 'events' already exists.");
    const [collides] = await controller.createTopics(createTopicsRequest([{ name: 'a.b' }, { name: 'x' }]));
    assert.equal(collides!.errorCode, ErrorCode.NONE);
    const [collision] = await controller.createTopics(createTopicsRequest([{ name: 'a_b' }]));
    assert.equal(collision!.errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION);
  });

  it("answers CreateTopics v5+ with the new topic's effective configs", async () => {
    const { controller } = await startController({}, 0, { configStore: new BrokerConfigStore(new Map()) });
    await addBroker(controller, 1);
    const response = await handleControllerRequest(createTopicsApi, controller, {
      apiKey: ApiKey.CreateTopics,
      apiVersion: 7,
      correlationId: 1,
      clientId: null,
      body: createTopicsRequest([{ configs: [{ name: 'retention.ms', value: '1234' }] }]),
    });
    const configs = new Map(response.topics[0]!.configs!.map((c) => [c.name, c]));
    assert.equal(configs.get('retention.ms')!.value, '1234');
    assert.equal(configs.get('cleanup.policy')!.value, 'delete');
  });

  it('validate_only answers like a real create and writes nothing', async () => {
    const { controller, raft } = await startController();
    await addBroker(controller, 1);
    const before = raft.records().length;
    const [result] = await controller.createTopics(
      createTopicsRequest(
        [{ numPartitions: 4, configs: [{ name: 'cleanup.policy', value: 'compact' }] }],
        true,
      ),
    );
    assert.equal(result!.errorCode, ErrorCode.NONE);
    assert.equal(result!.numPartitions, 4);
    assert.equal(result!.topicId, ZERO_UUID);
    assert.equal(raft.records().length, before);
    assert.equal(topicByName(controller.image(), 'events'), undefined);
  });

  it('stores topic configs, deletes topics by name and id, and adds partitions', async () => {
    const { controller } = await startController();
    await addBroker(controller, 1);
    await addBroker(controller, 2);
    await controller.createTopics(
      createTopicsRequest([
        {
          name: 'a',
          numPartitions: 2,
          replicationFactor: 2,
          configs: [{ name: 'retention.ms', value: '1000' }],
        },
        { name: 'b' },
      ]),
    );
    assert.equal(
      resourceConfigs(controller.image(), ConfigResourceType.TOPIC, 'a').get('retention.ms'),
      '1000',
    );

    const grown = await controller.createPartitions({
      topics: [
        { name: 'a', count: 4, assignments: null },
        { name: 'b', count: 1, assignments: null },
        { name: 'missing', count: 3, assignments: null },
      ],
      timeoutMs: 1000,
      validateOnly: false,
    });
    assert.deepEqual(
      grown.map((r) => r.errorCode),
      [ErrorCode.NONE, ErrorCode.INVALID_PARTITIONS, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
    );
    const a = topicByName(controller.image(), 'a')!;
    assert.equal(a.partitions.size, 4);
    assert.equal(a.partitions.get(3)!.replicas.length, 2);

    const b = topicByName(controller.image(), 'b')!;
    const deleted = await controller.deleteTopics(
      {
        topics: [
          { name: 'a', topicId: ZERO_UUID },
          { name: null, topicId: b.id },
          { name: 'missing', topicId: ZERO_UUID },
          { name: null, topicId: 'AAAAAAAAAAAAAAAAAAAAAQ' },
        ],
        topicNames: [],
        timeoutMs: 1000,
      },
      6,
    );
    assert.deepEqual(
      deleted.map((r) => r.errorCode),
      [ErrorCode.NONE, ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.UNKNOWN_TOPIC_ID],
    );
    assert.equal(controller.image().topicsById.size, 0);
    assert.equal(controller.image().configs.size, 0, "a deleted topic's configs go with it");
  });
});

describe('QuorumController configs', () => {
  it('applies IncrementalAlterConfigs and AlterConfigs to topics and brokers, validating like the broker', async () => {
    const { controller } = await startController();
    await addBroker(controller, 1);
    await controller.createTopics(createTopicsRequest([{ name: 't' }]));
    const results = await controller.alterConfigs(
      [
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: 't',
          configs: [
            { name: 'cleanup.policy', configOperation: AlterConfigOp.APPEND, value: 'compact' },
            { name: 'retention.ms', configOperation: AlterConfigOp.SET, value: '5000' },
          ],
        },
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: 'nope',
          configs: [{ name: 'retention.ms', configOperation: AlterConfigOp.SET, value: '1' }],
        },
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: 't',
          configs: [{ name: 'retention.ms', configOperation: AlterConfigOp.SET, value: 'soon' }],
        },
        {
          resourceType: ConfigResourceType.BROKER,
          resourceName: '',
          configs: [
            { name: 'unclean.leader.election.enable', configOperation: AlterConfigOp.SET, value: 'true' },
          ],
        },
        {
          resourceType: ConfigResourceType.BROKER,
          resourceName: 'one',
          configs: [{ name: 'log.retention.ms', configOperation: AlterConfigOp.SET, value: '1' }],
        },
      ],
      false,
      true,
    );
    assert.deepEqual(
      results.map((r) => r.errorCode),
      [
        ErrorCode.NONE,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        ErrorCode.INVALID_CONFIG,
        ErrorCode.NONE,
        ErrorCode.INVALID_REQUEST,
      ],
    );
    const topicConfigs = resourceConfigs(controller.image(), ConfigResourceType.TOPIC, 't');
    assert.equal(topicConfigs.get('cleanup.policy'), 'delete,compact');
    assert.equal(topicConfigs.get('retention.ms'), '5000');
    assert.equal(
      resourceConfigs(controller.image(), ConfigResourceType.BROKER, '').get(
        'unclean.leader.election.enable',
      ),
      'true',
    );

    // Legacy AlterConfigs replaces the whole set: retention.ms goes, segment.ms comes.
    const [legacy] = await controller.alterConfigs(
      [
        {
          resourceType: ConfigResourceType.TOPIC,
          resourceName: 't',
          configs: [{ name: 'segment.ms', configOperation: AlterConfigOp.SET, value: '60000' }],
        },
      ],
      false,
      false,
    );
    assert.equal(legacy!.errorCode, ErrorCode.NONE);
    assert.deepEqual(
      [...resourceConfigs(controller.image(), ConfigResourceType.TOPIC, 't')],
      [['segment.ms', '60000']],
    );
  });
});

describe('QuorumController as a Raft listener', () => {
  it('answers only once the records are committed', async () => {
    const { controller, raft } = await startController();
    await addBroker(controller, 1);
    raft.autoCommit = false;
    let answered = false;
    const pending = controller.createTopics(createTopicsRequest([{ name: 'slow' }])).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'answered before the commit');
    assert.equal(topicByName(controller.image(), 'slow'), undefined);
    raft.commit();
    const [result] = await pending;
    assert.equal(result!.errorCode, ErrorCode.NONE);
    assert.ok(topicByName(controller.image(), 'slow'));
  });

  it('answers REQUEST_TIMED_OUT when the records are not committed within the request timeout', async () => {
    const { controller, raft } = await startController();
    await addBroker(controller, 1);
    raft.autoCommit = false;
    const response = await handleControllerRequest(createTopicsApi, controller, {
      apiKey: ApiKey.CreateTopics,
      apiVersion: 7,
      correlationId: 1,
      clientId: null,
      body: { ...createTopicsRequest([{ name: 'late' }]), timeoutMs: 50 },
    });
    assert.equal(response.topics[0]!.errorCode, ErrorCode.REQUEST_TIMED_OUT);
    raft.commit();
  });

  it('fails pending and new operations with NOT_CONTROLLER when leadership moves', async () => {
    const { controller, raft } = await startController();
    await addBroker(controller, 1);
    raft.autoCommit = false;
    const pending = controller.createTopics(createTopicsRequest([{ name: 'lost' }]));
    raft.changeLeader(5);
    await assert.rejects(
      pending,
      (error: { errorCode?: number }) => error.errorCode === ErrorCode.NOT_CONTROLLER,
    );
    const response = await handleControllerRequest(createTopicsApi, controller, {
      apiKey: ApiKey.CreateTopics,
      apiVersion: 7,
      correlationId: 1,
      clientId: null,
      body: createTopicsRequest([{ name: 'x' }]),
    });
    assert.equal(response.topics[0]!.errorCode, ErrorCode.NOT_CONTROLLER);
  });

  it('serves every controller API through listener handlers, answering NOT_CONTROLLER on a standby', async () => {
    const { controller, raft } = await startController();
    const handlers = quorumControllerHandlers(controller);
    assert.deepEqual(
      handlers.map((h) => h.apiKey).sort((a, b) => a - b),
      [19, 20, 30, 31, 33, 37, 43, 44, 45, 46, 49, 51, 56, 62, 63, 67],
    );
    const registration = handlers.find((h) => h.apiKey === ApiKey.BrokerRegistration)!;
    const request = {
      apiKey: ApiKey.BrokerRegistration,
      apiVersion: 4,
      correlationId: 1,
      clientId: null,
      body: registrationRequest(1),
    };
    const active = (await registration.handle(request, undefined)) as {
      errorCode: number;
      brokerEpoch: bigint;
    };
    assert.equal(active.errorCode, ErrorCode.NONE);
    raft.changeLeader(2);
    const standby = (await registration.handle(request, undefined)) as { errorCode: number };
    assert.equal(standby.errorCode, ErrorCode.NOT_CONTROLLER);
  });

  it('keeps the log in the order it computed records, even when appends settle out of order', async () => {
    const { controller, raft } = await startController();
    await addBroker(controller, 1);
    await controller.createTopics(createTopicsRequest([{ name: 't' }]));
    let delay = 40;
    raft.appendDelay = () => (delay = Math.max(0, delay - 10));
    const values = ['1000', '2000', '3000', '4000'];
    await Promise.all(
      values.map((value) =>
        controller.alterConfigs(
          [
            {
              resourceType: ConfigResourceType.TOPIC,
              resourceName: 't',
              configs: [{ name: 'retention.ms', configOperation: AlterConfigOp.SET, value }],
            },
          ],
          false,
          true,
        ),
      ),
    );
    assert.equal(
      resourceConfigs(controller.image(), ConfigResourceType.TOPIC, 't').get('retention.ms'),
      '4000',
    );
    const replayed = replayRecords(
      EMPTY_METADATA_IMAGE,
      raft.records().map(({ offset, value }) => ({ offset, record: deserializeMetadataRecord(value) })),
    );
    assert.deepEqual(replayed, controller.image());
  });

  it('hands out producer id blocks that never overlap, across a controller failover', async () => {
    const { controller, raft, clock } = await startController();
    const epoch = await addBroker(controller, 1);
    const first = await controller.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch });
    const second = await controller.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch });
    assert.equal(first.producerIdStart, 0n);
    assert.equal(first.producerIdLen, 1000);
    assert.equal(second.producerIdStart, 1000n);
    await assert.rejects(
      controller.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch + 1n }),
      (error: { errorCode?: number }) => error.errorCode === ErrorCode.STALE_BROKER_EPOCH,
    );
    // A new controller process on the same log continues where the old one stopped.
    controller.stop();
    const successor = newController(raft, clock);
    successor.start();
    raft.becomeLeader();
    await until(() => successor.isActive());
    const third = await successor.allocateProducerIds({ brokerId: 1, brokerEpoch: epoch });
    assert.equal(third.producerIdStart, 2000n);
  });

  it('rebuilds the same image from the log on a fresh listener, and from a snapshot', async () => {
    const { controller, raft, clock } = await startController({}, 10);
    for (const id of [1, 2, 3]) await addBroker(controller, id, `r${id}`);
    await controller.createTopics(
      createTopicsRequest([
        {
          name: 'orders',
          numPartitions: 3,
          replicationFactor: 3,
          configs: [{ name: 'retention.ms', value: '60000' }],
        },
        { name: 'audit', numPartitions: 2, replicationFactor: 2 },
      ]),
    );
    await controller.allocateProducerIds({
      brokerId: 1,
      brokerEpoch: BigInt(controller.image().brokers.get(1)!.epoch),
    });
    const image = controller.image();

    // Snapshot round trip: image -> records -> image.
    assert.deepEqual(readMetadataSnapshot(writeMetadataSnapshot(image), image.offset + 1), image);

    // Replaying the whole log from the start gives the same image.
    const replayed = replayRecords(
      EMPTY_METADATA_IMAGE,
      raft.records().map(({ offset, value }) => ({ offset, record: deserializeMetadataRecord(value) })),
    );
    assert.deepEqual(replayed, image);

    // A snapshot was written along the way; a listener joining late starts from it and reaches the same image.
    const snapshot = raft.latestSnapshot();
    assert.ok(snapshot, 'the controller wrote a snapshot');
    assert.ok(snapshot.id.endOffset > 0 && snapshot.id.endOffset <= image.offset);
    const late = newController(raft, clock);
    late.start();
    assert.deepEqual(late.image(), image);
    late.stop();
  });
});
