/**
 * Admin APIs over the wire with Sluice's own client, for what the real clients above do not cover: config
 * sources and synonyms, incremental APPEND/SUBTRACT, validate-only creation, Kafka's error codes for bad
 * requests, DescribeCluster, DescribeLogDirs and OffsetForLeaderEpoch.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, ZERO_UUID, apis } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

const TOPIC = 2;
const BROKER = 4;

describe('admin APIs', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  before(async () => {
    broker = await startBroker({ configs: { 'log.retention.hours': '48', 'num.partitions': '2' } });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  const create = (
    name: string,
    extra: Partial<{
      numPartitions: number;
      replicationFactor: number;
      configs: { name: string; value: string | null }[];
    }> = {},
    validateOnly = false,
  ) =>
    client.request(ApiKey.CreateTopics, {
      topics: [
        {
          name,
          numPartitions: extra.numPartitions ?? -1,
          replicationFactor: extra.replicationFactor ?? -1,
          assignments: [],
          configs: extra.configs ?? [],
        },
      ],
      timeoutMs: 5000,
      validateOnly,
    });

  it('validates topic creation with Kafka error codes, and validate-only creates nothing', async () => {
    const dry = await create('dry-run', { numPartitions: 5 }, true);
    assert.equal(dry.topics[0]!.errorCode, ErrorCode.NONE);
    assert.equal(dry.topics[0]!.numPartitions, 5);
    const metadata = await client.request(ApiKey.Metadata, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: null,
    });
    assert.ok(!metadata.topics.some((t) => t.name === 'dry-run'), 'validate-only created the topic');
    const cases: [Parameters<typeof create>, number, RegExp][] = [
      [['bad/name'], ErrorCode.INVALID_TOPIC_EXCEPTION, /illegal/],
      [['x'.repeat(250)], ErrorCode.INVALID_TOPIC_EXCEPTION, /longer than 249/],
      [['zero-partitions', { numPartitions: 0 }], ErrorCode.INVALID_PARTITIONS, /larger than 0/],
      [['rf-three', { replicationFactor: 3 }], ErrorCode.INVALID_REPLICATION_FACTOR, /only 1 broker/],
      [
        ['bad-config', { configs: [{ name: 'segment.bytes', value: '10' }] }],
        ErrorCode.INVALID_CONFIG,
        /at least 14/,
      ],
      [
        ['unknown-config', { configs: [{ name: 'no.such', value: '1' }] }],
        ErrorCode.INVALID_CONFIG,
        /Unknown topic config/,
      ],
    ];
    for (const [args, code, message] of cases) {
      const result = (await create(...args)).topics[0]!;
      assert.equal(result.errorCode, code, args[0]);
      assert.match(result.errorMessage ?? '', message);
    }
    assert.equal((await create('a.b')).topics[0]!.errorCode, ErrorCode.NONE);
    assert.match((await create('a_b')).topics[0]!.errorMessage ?? '', /collides with existing topic: a.b/);
  });

  it('creates topics from explicit replica assignments and rejects impossible ones', async () => {
    const assigned = (name: string, assignments: { partitionIndex: number; brokerIds: number[] }[]) =>
      client.request(ApiKey.CreateTopics, {
        topics: [{ name, numPartitions: -1, replicationFactor: -1, assignments, configs: [] }],
        timeoutMs: 5000,
        validateOnly: false,
      });
    const ok = (
      await assigned('assigned', [
        { partitionIndex: 0, brokerIds: [1] },
        { partitionIndex: 1, brokerIds: [1] },
      ])
    ).topics[0]!;
    assert.equal(ok.errorCode, ErrorCode.NONE);
    assert.equal(ok.numPartitions, 2);
    const unknownBroker = (await assigned('assigned-bad', [{ partitionIndex: 0, brokerIds: [7] }]))
      .topics[0]!;
    assert.equal(unknownBroker.errorCode, ErrorCode.INVALID_REPLICA_ASSIGNMENT);
    const gap = (await assigned('assigned-gap', [{ partitionIndex: 1, brokerIds: [1] }])).topics[0]!;
    assert.equal(gap.errorCode, ErrorCode.INVALID_REPLICA_ASSIGNMENT);
  });

  it('describes configs with sources, synonyms and documentation', async () => {
    await create('described', { configs: [{ name: 'cleanup.policy', value: 'compact' }] });
    const response = await client.request(ApiKey.DescribeConfigs, {
      resources: [
        {
          resourceType: TOPIC,
          resourceName: 'described',
          configurationKeys: ['cleanup.policy', 'retention.ms', 'segment.bytes'],
        },
      ],
      includeSynonyms: true,
      includeDocumentation: true,
    });
    const configs = new Map(response.results[0]!.configs.map((c) => [c.name, c]));
    assert.equal(configs.get('cleanup.policy')!.value, 'compact');
    assert.equal(configs.get('cleanup.policy')!.configSource, 1);
    const retention = configs.get('retention.ms')!;
    assert.equal(retention.value, String(48 * 3_600_000), 'log.retention.hours=48 is the topic default');
    assert.equal(retention.configSource, 4, 'STATIC_BROKER_CONFIG');
    assert.deepEqual(
      retention.synonyms.map((s) => s.name),
      ['log.retention.hours', 'retention.ms'],
    );
    assert.equal(configs.get('segment.bytes')!.configType, 3, 'INT');
    assert.ok((configs.get('segment.bytes')!.documentation ?? '').length > 10);
    const brokerConfigs = await client.request(ApiKey.DescribeConfigs, {
      resources: [
        {
          resourceType: BROKER,
          resourceName: '1',
          configurationKeys: ['num.partitions', 'log.retention.hours'],
        },
      ],
      includeSynonyms: false,
      includeDocumentation: false,
    });
    assert.deepEqual(
      brokerConfigs.results[0]!.configs.map((c) => [c.name, c.value, c.configSource]),
      [
        ['num.partitions', '2', 4],
        ['log.retention.hours', '48', 4],
      ],
    );
    const unknown = await client.request(ApiKey.DescribeConfigs, {
      resources: [{ resourceType: TOPIC, resourceName: 'nope', configurationKeys: null }],
      includeSynonyms: false,
      includeDocumentation: false,
    });
    assert.equal(unknown.results[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });

  it('appends to and subtracts from list configs incrementally, and rejects bad values', async () => {
    await create('lists');
    const alter = (configs: { name: string; configOperation: number; value: string | null }[]) =>
      client.request(ApiKey.IncrementalAlterConfigs, {
        resources: [{ resourceType: TOPIC, resourceName: 'lists', configs }],
        validateOnly: false,
      });
    assert.equal(
      (await alter([{ name: 'cleanup.policy', configOperation: 2, value: 'compact' }])).responses[0]!
        .errorCode,
      ErrorCode.NONE,
    );
    const read = async () =>
      (
        await client.request(ApiKey.DescribeConfigs, {
          resources: [{ resourceType: TOPIC, resourceName: 'lists', configurationKeys: ['cleanup.policy'] }],
          includeSynonyms: false,
          includeDocumentation: false,
        })
      ).results[0]!.configs[0]!.value;
    assert.equal(await read(), 'delete,compact');
    await alter([{ name: 'cleanup.policy', configOperation: 3, value: 'delete' }]);
    assert.equal(await read(), 'compact');
    const bad = await alter([{ name: 'retention.ms', configOperation: 0, value: 'forever' }]);
    assert.equal(bad.responses[0]!.errorCode, ErrorCode.INVALID_CONFIG);
    const appendToNonList = await alter([{ name: 'retention.ms', configOperation: 2, value: '5' }]);
    assert.equal(appendToNonList.responses[0]!.errorCode, ErrorCode.INVALID_CONFIG);
    await alter([{ name: 'cleanup.policy', configOperation: 1, value: null }]);
    assert.equal(await read(), 'delete', 'DELETE returns the config to its default');
  });

  it('keeps topics, topic ids and configs across a restart', async () => {
    await create('durable', { numPartitions: 3, configs: [{ name: 'retention.ms', value: '123456' }] });
    const before = await client.request(ApiKey.Metadata, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: [{ name: 'durable', topicId: ZERO_UUID }],
    });
    client.close();
    await broker.stop();
    broker = await startBroker({
      dataDir: broker.dataDir,
      configs: { 'log.retention.hours': '48', 'num.partitions': '2' },
    });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const after = await client.request(ApiKey.Metadata, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: [{ name: 'durable', topicId: ZERO_UUID }],
    });
    assert.equal(after.topics[0]!.topicId, before.topics[0]!.topicId);
    assert.equal(after.topics[0]!.partitions.length, 3);
    assert.equal(after.clusterId, before.clusterId);
    const configs = await client.request(ApiKey.DescribeConfigs, {
      resources: [{ resourceType: TOPIC, resourceName: 'durable', configurationKeys: ['retention.ms'] }],
      includeSynonyms: false,
      includeDocumentation: false,
    });
    assert.equal(configs.results[0]!.configs[0]!.value, '123456');
  });

  it('describes the cluster, the log dirs and leader epochs', async () => {
    const cluster = await client.request(ApiKey.DescribeCluster, {
      includeClusterAuthorizedOperations: false,
      endpointType: 1,
    });
    assert.equal(cluster.errorCode, ErrorCode.NONE);
    assert.deepEqual(
      cluster.brokers.map((b) => [b.brokerId, b.port]),
      [[1, broker.port]],
    );
    assert.equal(cluster.controllerId, 1);
    await create('dirs', { numPartitions: 1 });
    const dirs = await client.request(ApiKey.DescribeLogDirs, {
      topics: [{ topic: 'dirs', partitions: [0] }],
    });
    const dir = dirs.results[0]!;
    assert.equal(dir.logDir, broker.dataDir);
    assert.deepEqual(
      dir.topics.map((t) => [t.name, t.partitions.map((p) => p.partitionIndex)]),
      [['dirs', [0]]],
    );
    assert.ok(dir.totalBytes > 0n && dir.usableBytes > 0n);
    const epochs = await client.request(ApiKey.OffsetForLeaderEpoch, {
      replicaId: -1,
      topics: [
        {
          topic: 'dirs',
          partitions: [
            { partition: 0, currentLeaderEpoch: -1, leaderEpoch: 0 },
            { partition: 5, currentLeaderEpoch: -1, leaderEpoch: 0 },
          ],
        },
      ],
    });
    const [known, unknownPartition] = epochs.topics[0]!.partitions;
    assert.deepEqual([known!.errorCode, known!.leaderEpoch, known!.endOffset], [ErrorCode.NONE, 0, 0n]);
    assert.equal(unknownPartition!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });
});
