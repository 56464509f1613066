/**
 * Issue 11, over the wire with Sluice's own client: ListOffsets MAX_TIMESTAMP (KIP-734, KAFKA-16310), the
 * authorized operations Kafka 3.9 answers without an authorizer (Metadata, DescribeCluster, DescribeGroups,
 * ConsumerGroupDescribe), and DescribeTopicPartitions (KIP-966) with its paging. The real clients' side of the
 * same answers is in describe-clients.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  ZERO_UUID,
  apis,
  encodeRecordBatch,
  type DescribeTopicPartitionsRequest,
} from '@sluice/protocol';
import { AclOperation, operationsOf } from '../src/security/acl-operations.ts';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

const NOT_REQUESTED = -2147483648;
const { READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS } =
  AclOperation;
const TOPIC_OPERATIONS = [READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS];
const CLUSTER_OPERATIONS = [
  CREATE,
  ALTER,
  DESCRIBE,
  CLUSTER_ACTION,
  DESCRIBE_CONFIGS,
  ALTER_CONFIGS,
  AclOperation.IDEMPOTENT_WRITE,
];
const GROUP_OPERATIONS = [READ, DELETE, DESCRIBE];
/** max.request.partition.size.limit for this broker: DescribeTopicPartitions pages hold at most this many. */
const BROKER_LIMIT = 6;

describe('issue 11: MAX_TIMESTAMP, authorized operations, DescribeTopicPartitions', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  before(async () => {
    broker = await startBroker({
      configs: {
        'auto.create.topics.enable': 'false',
        'max.request.partition.size.limit': String(BROKER_LIMIT),
      },
    });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  const createTopic = async (name: string, numPartitions: number, configs: Record<string, string> = {}) => {
    const created = await client.request(ApiKey.CreateTopics, {
      topics: [
        {
          name,
          numPartitions,
          replicationFactor: 1,
          assignments: [],
          configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })),
        },
      ],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, `create ${name}`);
    return created.topics[0]!.topicId;
  };

  const produce = async (topic: string, timestamps: bigint[]) => {
    const response = await client.request(ApiKey.Produce, {
      transactionalId: null,
      acks: -1,
      timeoutMs: 10_000,
      topicData: [
        {
          name: topic,
          partitionData: [
            {
              index: 0,
              records: await encodeRecordBatch({
                records: timestamps.map((timestamp, i) => ({
                  key: null,
                  value: Buffer.from(`v${i}`),
                  timestamp,
                })),
                baseTimestamp: timestamps[0]!,
              }),
            },
          ],
        },
      ],
    });
    const partition = response.responses[0]!.partitionResponses[0]!;
    assert.equal(partition.errorCode, ErrorCode.NONE, `produce to ${topic}`);
    return partition;
  };

  const listOffset = async (topic: string, timestamp: bigint, version?: number) => {
    const body = {
      replicaId: -1,
      timeoutMs: 10_000,
      isolationLevel: 0,
      topics: [
        {
          name: topic,
          partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp, maxNumOffsets: 1 }],
        },
      ],
    };
    const response =
      version === undefined
        ? await client.request(ApiKey.ListOffsets, body)
        : await client.send(ApiKey.ListOffsets, version, body);
    const { errorCode, offset, timestamp: found, leaderEpoch } = response.topics[0]!.partitions[0]!;
    return { errorCode, offset, timestamp: found, leaderEpoch };
  };

  it('ListOffsets MAX_TIMESTAMP answers the record with the largest timestamp, not its batch’s last offset', async () => {
    await createTopic('max-ts', 1);
    assert.deepEqual(await listOffset('max-ts', -3n), {
      errorCode: ErrorCode.NONE,
      offset: -1n,
      timestamp: -1n,
      leaderEpoch: -1,
    });
    const t = BigInt(Date.now());
    // librdkafka's test: three records in one batch, the largest timestamp in the middle.
    await produce('max-ts', [t + 100n, t + 400n, t + 250n]);
    const leaderEpoch = (await listOffset('max-ts', -1n)).leaderEpoch;
    for (const version of [7, 8, 9]) {
      assert.deepEqual(
        await listOffset('max-ts', -3n, version),
        { errorCode: ErrorCode.NONE, offset: 1n, timestamp: t + 400n, leaderEpoch },
        `ListOffsets v${version}`,
      );
    }
    await produce('max-ts', [t + 50n, t + 300n]);
    assert.equal((await listOffset('max-ts', -3n)).offset, 1n, 'a later, smaller max changes nothing');
    await produce('max-ts', [t + 500n, t + 900n, t + 900n, t + 600n]);
    assert.deepEqual(
      await listOffset('max-ts', -3n),
      { errorCode: ErrorCode.NONE, offset: 6n, timestamp: t + 900n, leaderEpoch },
      'two records share the max: the first of them',
    );
  });

  it('ListOffsets refuses a special timestamp its version does not know with UNSUPPORTED_VERSION', async () => {
    await createTopic('max-ts-versions', 1);
    await produce('max-ts-versions', [BigInt(Date.now())]);
    const cases: [bigint, number, number][] = [
      [-3n, 6, ErrorCode.UNSUPPORTED_VERSION],
      [-3n, 7, ErrorCode.NONE],
      [-4n, 7, ErrorCode.UNSUPPORTED_VERSION],
      [-4n, 8, ErrorCode.NONE],
      [-5n, 8, ErrorCode.UNSUPPORTED_VERSION],
      [-5n, 9, ErrorCode.NONE],
      [-6n, 9, ErrorCode.UNSUPPORTED_VERSION],
      [-1n, 1, ErrorCode.NONE],
    ];
    for (const [timestamp, version, errorCode] of cases) {
      const answer = await listOffset('max-ts-versions', timestamp, version);
      assert.equal(answer.errorCode, errorCode, `timestamp ${timestamp} in v${version}`);
      if (errorCode !== ErrorCode.NONE) assert.deepEqual([answer.offset, answer.timestamp], [-1n, -1n]);
    }
  });

  it('ListOffsets MAX_TIMESTAMP on LogAppendTime and on records without timestamps', async () => {
    await createTopic('max-ts-append', 1, { 'message.timestamp.type': 'LogAppendTime' });
    const t = BigInt(Date.now());
    await produce('max-ts-append', [t - 100n, t + 400n, t + 250n]);
    const second = await produce('max-ts-append', [t - 500n, t - 400n]);
    // Every record of a LogAppendTime batch carries the broker's time: the newest batch's first record.
    const answer = await listOffset('max-ts-append', -3n);
    assert.equal(answer.offset, 3n);
    assert.equal(answer.timestamp, second.logAppendTimeMs);

    await createTopic('max-ts-none', 1);
    await produce('max-ts-none', [-1n, -1n]);
    await produce('max-ts-none', [-1n]);
    const none = await listOffset('max-ts-none', -3n);
    assert.deepEqual(
      [none.offset, none.timestamp],
      [0n, -1n],
      'Kafka answers the first record, timestamp -1',
    );
  });

  it('Metadata answers topic operations in v8+ and cluster operations in v8-10, only when asked', async () => {
    await createTopic('ops', 2);
    const metadata = (version: number, includeTopic: boolean, includeCluster: boolean) =>
      client.send(ApiKey.Metadata, version, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: [
          { name: 'ops', topicId: ZERO_UUID },
          { name: 'no-such-topic', topicId: ZERO_UUID },
        ],
        allowAutoTopicCreation: false,
        includeTopicAuthorizedOperations: includeTopic,
        includeClusterAuthorizedOperations: includeCluster,
      });
    for (const version of [8, 9, 10]) {
      const asked = await metadata(version, true, true);
      assert.deepEqual(
        operationsOf(asked.topics[0]!.topicAuthorizedOperations).sort(),
        TOPIC_OPERATIONS.sort(),
      );
      assert.equal(asked.topics[0]!.topicAuthorizedOperations, 3576, `v${version}`);
      assert.equal(asked.topics[1]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      assert.equal(asked.topics[1]!.topicAuthorizedOperations, 3576, 'Kafka sets them on unknown topics too');
      assert.deepEqual(operationsOf(asked.clusterAuthorizedOperations).sort(), CLUSTER_OPERATIONS.sort());
      assert.equal(asked.clusterAuthorizedOperations, 8096, `v${version}`);
      const notAsked = await metadata(version, false, false);
      assert.equal(notAsked.topics[0]!.topicAuthorizedOperations, NOT_REQUESTED);
      assert.equal(notAsked.clusterAuthorizedOperations, NOT_REQUESTED);
    }
    for (const version of [11, 12]) {
      const asked = await metadata(version, true, true);
      assert.equal(asked.topics[0]!.topicAuthorizedOperations, 3576, `v${version}`);
      assert.equal(asked.clusterAuthorizedOperations, NOT_REQUESTED, `v${version} has no cluster operations`);
    }
    const byUnknownId = await client.send(ApiKey.Metadata, 12, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: [{ name: null, topicId: 'AAAAAAAAAAAAAAAAAAAAAQ' }],
      includeTopicAuthorizedOperations: true,
    });
    assert.equal(byUnknownId.topics[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    assert.equal(byUnknownId.topics[0]!.topicAuthorizedOperations, NOT_REQUESTED);
  });

  it('DescribeCluster answers the 7 cluster operations when asked, and refuses other endpoint types', async () => {
    const asked = await client.request(ApiKey.DescribeCluster, {
      includeClusterAuthorizedOperations: true,
      endpointType: 1,
    });
    assert.equal(asked.errorCode, ErrorCode.NONE);
    assert.equal(asked.clusterAuthorizedOperations, 8096);
    const v0 = await client.send(ApiKey.DescribeCluster, 0, {
      includeClusterAuthorizedOperations: true,
      endpointType: 1,
    });
    assert.equal(v0.clusterAuthorizedOperations, 8096);
    const notAsked = await client.request(ApiKey.DescribeCluster, {
      includeClusterAuthorizedOperations: false,
      endpointType: 1,
    });
    assert.equal(notAsked.clusterAuthorizedOperations, NOT_REQUESTED);
    const controller = await client.request(ApiKey.DescribeCluster, {
      includeClusterAuthorizedOperations: true,
      endpointType: 2,
    });
    assert.equal(controller.errorCode, ErrorCode.MISMATCHED_ENDPOINT_TYPE);
    assert.equal(controller.clusterAuthorizedOperations, NOT_REQUESTED);
    const unknown = await client.request(ApiKey.DescribeCluster, {
      includeClusterAuthorizedOperations: true,
      endpointType: 7,
    });
    assert.equal(unknown.errorCode, ErrorCode.UNSUPPORTED_ENDPOINT_TYPE);
    assert.equal(unknown.errorMessage, 'Unsupported endpoint type 7');
  });

  it('DescribeGroups (v3+) and ConsumerGroupDescribe answer the 3 group operations when asked', async () => {
    // JoinGroup v4+ hands out a member id first (MEMBER_ID_REQUIRED), then takes the member in.
    let memberId = '';
    for (;;) {
      const joined = await client.request(ApiKey.JoinGroup, {
        ...apis[ApiKey.JoinGroup].defaultRequest(),
        groupId: 'ops-classic',
        sessionTimeoutMs: 10_000,
        rebalanceTimeoutMs: 10_000,
        memberId,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
      });
      memberId = joined.memberId;
      if (joined.errorCode === ErrorCode.NONE) break;
      assert.equal(joined.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
    }
    const describeGroups = (version: number, include: boolean) =>
      client.send(ApiKey.DescribeGroups, version, {
        groups: ['ops-classic', 'ops-unknown'],
        includeAuthorizedOperations: include,
      });
    for (const version of [3, 4, 5]) {
      const [classic, unknown] = (await describeGroups(version, true)).groups;
      assert.equal(classic!.errorCode, ErrorCode.NONE);
      assert.equal(classic!.members.length, 1);
      assert.deepEqual(operationsOf(classic!.authorizedOperations).sort(), GROUP_OPERATIONS.sort());
      assert.equal(classic!.authorizedOperations, 328, `v${version}`);
      // An unknown group is described as Dead without an error, so it gets them too.
      assert.equal(unknown!.groupState, 'Dead');
      assert.equal(unknown!.authorizedOperations, 328, `v${version}`);
      const notAsked = (await describeGroups(version, false)).groups;
      assert.deepEqual(
        notAsked.map((g) => g.authorizedOperations),
        [NOT_REQUESTED, NOT_REQUESTED],
      );
    }

    const heartbeat = await client.request(ApiKey.ConsumerGroupHeartbeat, {
      ...apis[ApiKey.ConsumerGroupHeartbeat].defaultRequest(),
      groupId: 'ops-consumer',
      memberId: 'ops-member',
      memberEpoch: 0,
      rebalanceTimeoutMs: 10_000,
      subscribedTopicNames: ['ops'],
      topicPartitions: [],
    });
    assert.equal(heartbeat.errorCode, ErrorCode.NONE, `heartbeat: ${heartbeat.errorMessage}`);
    const described = async (include: boolean) =>
      (
        await client.request(ApiKey.ConsumerGroupDescribe, {
          groupIds: ['ops-consumer', 'ops-classic'],
          includeAuthorizedOperations: include,
        })
      ).groups;
    const [consumerGroup, classicGroup] = await described(true);
    assert.equal(consumerGroup!.errorCode, ErrorCode.NONE);
    assert.equal(consumerGroup!.authorizedOperations, 328);
    assert.equal(classicGroup!.errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
    assert.equal(
      classicGroup!.authorizedOperations,
      NOT_REQUESTED,
      'none for a group answered with an error',
    );
    assert.equal((await described(false))[0]!.authorizedOperations, NOT_REQUESTED);
  });

  describe('DescribeTopicPartitions', () => {
    const topicIds = new Map<string, string>();
    before(async () => {
      for (const [name, count] of [
        ['dtp-a', 3],
        ['dtp-b', 2],
        ['dtp-c', 1],
      ] as const) {
        topicIds.set(name, await createTopic(name, count));
      }
    });

    const describeTopics = (fields: Partial<DescribeTopicPartitionsRequest>) =>
      client.request(ApiKey.DescribeTopicPartitions, {
        topics: [],
        responsePartitionLimit: 2000,
        cursor: null,
        ...fields,
      });
    const named = (...names: string[]) => names.map((name) => ({ name }));
    const page = (response: Awaited<ReturnType<typeof describeTopics>>) => ({
      topics: response.topics.map((t) => [t.name, t.partitions.map((p) => p.partitionIndex)]),
      nextCursor: response.nextCursor,
    });

    it('is advertised in ApiVersions as v0', async () => {
      const versions = await client.request(ApiKey.ApiVersions, {
        clientSoftwareName: 'sluice-test',
        clientSoftwareVersion: '1',
      });
      const entry = versions.apiKeys.find((a) => a.apiKey === ApiKey.DescribeTopicPartitions);
      assert.deepEqual([entry?.minVersion, entry?.maxVersion], [0, 0]);
    });

    it('describes topics with ids, leaders, replicas, empty ELRs and the 8 topic operations', async () => {
      const response = await describeTopics({ topics: named('dtp-b', 'dtp-a') });
      assert.equal(response.nextCursor, null);
      const [a, b] = response.topics;
      assert.deepEqual([a!.name, b!.name], ['dtp-a', 'dtp-b'], 'sorted by name');
      assert.equal(a!.errorCode, ErrorCode.NONE);
      assert.equal(a!.topicId, topicIds.get('dtp-a'));
      assert.equal(a!.isInternal, false);
      assert.equal(a!.topicAuthorizedOperations, 3576);
      assert.deepEqual(a!.partitions[1], {
        errorCode: ErrorCode.NONE,
        partitionIndex: 1,
        leaderId: 1,
        leaderEpoch: a!.partitions[1]!.leaderEpoch,
        replicaNodes: [1],
        isrNodes: [1],
        eligibleLeaderReplicas: [],
        lastKnownElr: [],
        offlineReplicas: [],
      });
      assert.ok(a!.partitions[1]!.leaderEpoch >= 0);
    });

    it('pages by partitions with a cursor, as Kafka 3.9 does', async () => {
      const abc = named('dtp-a', 'dtp-b', 'dtp-c');
      // A topic that does not fit whole ends the page at its first partition left out.
      assert.deepEqual(page(await describeTopics({ topics: abc, responsePartitionLimit: 4 })), {
        topics: [
          ['dtp-a', [0, 1, 2]],
          ['dtp-b', [0]],
        ],
        nextCursor: { topicName: 'dtp-b', partitionIndex: 1 },
      });
      assert.deepEqual(
        page(
          await describeTopics({
            topics: abc,
            responsePartitionLimit: 4,
            cursor: { topicName: 'dtp-b', partitionIndex: 1 },
          }),
        ),
        {
          topics: [
            ['dtp-b', [1]],
            ['dtp-c', [0]],
          ],
          nextCursor: null,
        },
      );
      // The limit used up exactly: the cursor names the next topic at partition 0.
      assert.deepEqual(page(await describeTopics({ topics: abc, responsePartitionLimit: 3 })), {
        topics: [['dtp-a', [0, 1, 2]]],
        nextCursor: { topicName: 'dtp-b', partitionIndex: 0 },
      });
      // A limit below 1 still returns one partition.
      assert.deepEqual(page(await describeTopics({ topics: abc, responsePartitionLimit: 0 })), {
        topics: [['dtp-a', [0]]],
        nextCursor: { topicName: 'dtp-a', partitionIndex: 1 },
      });
      // All topics (none named): every topic at or after the cursor's, in name order.
      const all = page(
        await describeTopics({
          responsePartitionLimit: 2,
          cursor: { topicName: 'dtp-b', partitionIndex: 0 },
        }),
      );
      assert.deepEqual(all.topics, [['dtp-b', [0, 1]]]);
      assert.deepEqual(all.nextCursor, { topicName: 'dtp-c', partitionIndex: 0 });
    });

    it('pages through every topic within max.request.partition.size.limit, whatever the client asks', async () => {
      const seen: string[] = [];
      let cursor: DescribeTopicPartitionsRequest['cursor'] = null;
      let pages = 0;
      do {
        const response = await describeTopics({ responsePartitionLimit: 2000, cursor });
        const partitions = response.topics.flatMap((t) =>
          t.partitions.map((p) => `${t.name}:${p.partitionIndex}`),
        );
        assert.ok(partitions.length <= BROKER_LIMIT, `page ${pages} holds ${partitions.length} partitions`);
        seen.push(...partitions);
        cursor = response.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      const metadata = await client.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: null,
      });
      const expected = metadata.topics
        .map((t) => t.name!)
        .sort()
        .flatMap((name) => {
          const topic = metadata.topics.find((t) => t.name === name)!;
          return topic.partitions
            .map((p) => p.partitionIndex)
            .sort((a, b) => a - b)
            .map((p) => `${name}:${p}`);
        });
      assert.deepEqual(seen, expected, 'every partition of every topic once, in name and partition order');
      assert.ok(pages > 1 && expected.length > BROKER_LIMIT);
    });

    it('answers unknown and illegal names per topic, and refuses a bad cursor as Kafka does', async () => {
      const response = await describeTopics({ topics: named('dtp-c', 'dtp-missing', 'bad/name') });
      assert.deepEqual(
        response.topics.map((t) => [
          t.name,
          t.errorCode,
          t.topicId,
          t.partitions.length,
          t.topicAuthorizedOperations,
        ]),
        [
          ['bad/name', ErrorCode.INVALID_TOPIC_EXCEPTION, ZERO_UUID, 0, 3576],
          ['dtp-c', ErrorCode.NONE, topicIds.get('dtp-c'), 1, 3576],
          ['dtp-missing', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ZERO_UUID, 0, 3576],
        ],
      );
      for (const cursor of [
        { topicName: 'dtp-z', partitionIndex: 0 },
        { topicName: 'dtp-a', partitionIndex: -1 },
      ]) {
        const refused = await describeTopics({ topics: named('dtp-a', 'dtp-b'), cursor });
        assert.deepEqual(
          refused.topics.map((t) => [t.name, t.errorCode, t.partitions.length]),
          [
            ['dtp-a', ErrorCode.INVALID_REQUEST, 0],
            ['dtp-b', ErrorCode.INVALID_REQUEST, 0],
          ],
          JSON.stringify(cursor),
        );
        assert.equal(refused.nextCursor, null);
      }
    });
  });
});
