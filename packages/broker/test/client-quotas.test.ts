/**
 * Client quotas over the wire against a real broker process: AlterClientQuotas and DescribeClientQuotas with
 * Kafka's validation and filters at both versions, quotas surviving restarts, and each quota enforced the way
 * Kafka enforces it: throttle_time_ms in the response and the connection muted for that long (KIP-219), a
 * throttled Fetch answered without data, the request quota capped at one window, and the controller mutation
 * quota refusing topics with THROTTLING_QUOTA_EXCEEDED from the versions that know it.
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
  type AlterClientQuotasRequestEntryData,
  type DescribeClientQuotasRequestComponentData,
} from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';

type Entity = Record<string, string | null>;

function entry(entity: Entity, ops: Record<string, number | null>): AlterClientQuotasRequestEntryData {
  return {
    entity: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
    ops: Object.entries(ops).map(([key, value]) => ({ key, value: value ?? 0, remove: value === null })),
  };
}

const EXACT = 0;
const DEFAULT = 1;
const SPECIFIED = 2;

function component(entityType: string, matchType: number, match: string | null = null) {
  return { entityType, matchType, match } satisfies DescribeClientQuotasRequestComponentData;
}

async function alter(connection: KafkaConnection, entries: AlterClientQuotasRequestEntryData[], version = 1) {
  const response = await connection.send(ApiKey.AlterClientQuotas, version, { entries, validateOnly: false });
  for (const result of response.entries)
    assert.equal(result.errorCode, ErrorCode.NONE, result.errorMessage ?? '');
}

async function describeQuotas(
  connection: KafkaConnection,
  components: DescribeClientQuotasRequestComponentData[],
  strict = false,
  version = 1,
) {
  return connection.send(ApiKey.DescribeClientQuotas, version, { components, strict });
}

/** The described entities as sorted "type=name,..." strings (<default> for null), with their quotas. */
function entities(response: Awaited<ReturnType<typeof describeQuotas>>): string[] {
  assert.equal(response.errorCode, ErrorCode.NONE, response.errorMessage ?? '');
  return (response.entries ?? [])
    .map((e) => {
      const entity = e.entity
        .map((c) => `${c.entityType}=${c.entityName ?? '<default>'}`)
        .sort()
        .join(',');
      return `${entity} ${e.values.map((v) => `${v.key}:${v.value}`).join(',')}`;
    })
    .sort();
}

async function records(bytes: number) {
  return encodeRecordBatch({
    records: [{ key: null, value: Buffer.alloc(bytes, 120), timestamp: BigInt(Date.now()) }],
  });
}

async function createTopic(connection: KafkaConnection, name: string, numPartitions = 1, version = 7) {
  return connection.send(ApiKey.CreateTopics, version, {
    topics: [{ name, numPartitions, replicationFactor: 1, assignments: [], configs: [] }],
    timeoutMs: 10_000,
    validateOnly: false,
  });
}

async function produce(connection: KafkaConnection, topic: string, bytes: number, version = 9) {
  const started = Date.now();
  const response = await connection.send(ApiKey.Produce, version, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 10_000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records: await records(bytes) }] }],
  });
  const partition = response.responses[0]!.partitionResponses[0]!;
  assert.equal(partition.errorCode, ErrorCode.NONE, partition.errorMessage ?? '');
  return { throttleTimeMs: response.throttleTimeMs, elapsedMs: Date.now() - started };
}

async function timed<T>(work: Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const started = Date.now();
  const result = await work;
  return { result, elapsedMs: Date.now() - started };
}

function metadata(connection: KafkaConnection) {
  return connection.request(ApiKey.Metadata, { ...apis[ApiKey.Metadata].defaultRequest(), topics: [] });
}

describe('client quotas against a broker', () => {
  let broker: BrokerProcess;
  let admin: KafkaConnection;
  const connections: KafkaConnection[] = [];
  const connect = async (clientId: string) => {
    const connection = await KafkaConnection.connect('127.0.0.1', broker.port, clientId);
    connections.push(connection);
    return connection;
  };

  before(async () => {
    broker = await startBroker();
    admin = await connect('quota-admin');
  });
  after(async () => {
    for (const connection of connections) connection.close();
    await broker.stop();
  });

  it('validates AlterClientQuotas per entity with Kafka error codes, at v0 and v1, and validateOnly stores nothing', async () => {
    for (const version of [0, 1]) {
      const response = await admin.send(ApiKey.AlterClientQuotas, version, {
        entries: [
          entry(
            { user: `v${version}`, 'client-id': null },
            { producer_byte_rate: 1024, request_percentage: 25 },
          ),
          entry({ ip: '10.0.0.1', user: 'x' }, { connection_creation_rate: 5 }),
          entry({ 'client-id': 'x' }, { connection_creation_rate: 5 }),
          entry({ 'client-id': 'y' }, { consumer_byte_rate: 10.5 }),
          entry({ group: 'g' }, { producer_byte_rate: 1 }),
          entry({ ip: null }, { connection_creation_rate: 0 }),
        ],
        validateOnly: false,
      });
      assert.deepEqual(
        response.entries.map((e) => [e.errorCode, e.errorMessage]),
        [
          [ErrorCode.NONE, null],
          [
            ErrorCode.INVALID_REQUEST,
            'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId',
          ],
          [ErrorCode.INVALID_REQUEST, 'Invalid configuration key connection_creation_rate'],
          [ErrorCode.INVALID_REQUEST, 'consumer_byte_rate cannot be a fractional value.'],
          [ErrorCode.INVALID_REQUEST, 'Unhandled client quota entity type: group'],
          [ErrorCode.INVALID_REQUEST, 'Quota connection_creation_rate must be greater than 0'],
        ],
      );
    }
    const tooMany = await admin.send(ApiKey.AlterClientQuotas, 1, {
      entries: Array.from({ length: 10_001 }, (_, i) =>
        entry({ 'client-id': `c${i}` }, { producer_byte_rate: 1 }),
      ),
      validateOnly: false,
    });
    assert.equal(tooMany.entries.length, 10_001);
    assert.deepEqual(
      [tooMany.entries[0]!.errorCode, tooMany.entries[0]!.errorMessage],
      [ErrorCode.POLICY_VIOLATION, 'Unable to perform excessively large batch operation.'],
    );
    const dry = await admin.send(ApiKey.AlterClientQuotas, 1, {
      entries: [entry({ user: 'dry-run' }, { producer_byte_rate: 1 })],
      validateOnly: true,
    });
    assert.equal(dry.entries[0]!.errorCode, ErrorCode.NONE);
    assert.deepEqual(entities(await describeQuotas(admin, [component('user', SPECIFIED)])), [
      'client-id=<default>,user=v0 producer_byte_rate:1024,request_percentage:25',
      'client-id=<default>,user=v1 producer_byte_rate:1024,request_percentage:25',
    ]);
    await alter(admin, [
      entry({ user: 'v0', 'client-id': null }, { producer_byte_rate: null, request_percentage: null }),
      entry({ user: 'v1', 'client-id': null }, { producer_byte_rate: null, request_percentage: null }),
    ]);
    assert.deepEqual(entities(await describeQuotas(admin, [])), [], 'an entity without quotas is gone');
  });

  it('describes by EXACT, DEFAULT and SPECIFIED components, strict or not, and refuses bad filters', async () => {
    await alter(admin, [
      entry({ user: 'alice' }, { producer_byte_rate: 1 }),
      entry({ user: 'alice', 'client-id': 'app' }, { producer_byte_rate: 2 }),
      entry({ user: null }, { producer_byte_rate: 3 }),
      entry({ 'client-id': 'app' }, { consumer_byte_rate: 4 }),
      entry({ 'client-id': null }, { controller_mutation_rate: 5.5 }),
      entry({ ip: '10.0.0.1' }, { connection_creation_rate: 6 }),
      entry({ ip: null }, { connection_creation_rate: 7 }),
    ]);
    const names = async (
      components: DescribeClientQuotasRequestComponentData[],
      strict = false,
      version = 1,
    ) => entities(await describeQuotas(admin, components, strict, version)).map((e) => e.split(' ')[0]);
    assert.equal((await names([])).length, 7);
    assert.deepEqual(await names([], true), [], 'strict with no components: no entity has zero types');
    assert.deepEqual(await names([component('user', EXACT, 'alice')]), [
      'client-id=app,user=alice',
      'user=alice',
    ]);
    assert.deepEqual(await names([component('user', EXACT, 'alice')], true), ['user=alice']);
    assert.deepEqual(await names([component('user', DEFAULT)], false, 0), ['user=<default>']);
    assert.deepEqual(await names([component('user', SPECIFIED)], true), ['user=<default>', 'user=alice']);
    assert.deepEqual(await names([component('client-id', SPECIFIED), component('user', SPECIFIED)]), [
      'client-id=app,user=alice',
    ]);
    assert.deepEqual(await names([component('client-id', DEFAULT)]), ['client-id=<default>']);
    assert.deepEqual(await names([component('ip', SPECIFIED)], true), ['ip=10.0.0.1', 'ip=<default>']);
    assert.deepEqual(entities(await describeQuotas(admin, [component('client-id', DEFAULT)])), [
      'client-id=<default> controller_mutation_rate:5.5',
    ]);

    const refused: [DescribeClientQuotasRequestComponentData[], number, string][] = [
      [
        [component('user', SPECIFIED), component('user', EXACT, 'a')],
        ErrorCode.INVALID_REQUEST,
        'Entity type user cannot appear more than once in the filter.',
      ],
      [[component('group', SPECIFIED)], ErrorCode.UNSUPPORTED_VERSION, 'Unsupported entity type group'],
      [[component('', SPECIFIED)], ErrorCode.INVALID_REQUEST, 'Invalid empty entity type.'],
      [
        [component('user', EXACT)],
        ErrorCode.INVALID_REQUEST,
        'Request specified MATCH_TYPE_EXACT, but set match string to null.',
      ],
      [
        [component('user', DEFAULT, 'a')],
        ErrorCode.INVALID_REQUEST,
        'Request specified MATCH_TYPE_DEFAULT, but also specified a match string.',
      ],
      [
        [component('user', SPECIFIED, 'a')],
        ErrorCode.INVALID_REQUEST,
        'Request specified MATCH_TYPE_SPECIFIED, but also specified a match string.',
      ],
      [[component('user', 3)], ErrorCode.INVALID_REQUEST, 'Unknown match type 3'],
      [
        [component('ip', SPECIFIED), component('client-id', SPECIFIED)],
        ErrorCode.INVALID_REQUEST,
        'Invalid entity filter component combination. IP filter component should not be used with user or clientId filter component.',
      ],
    ];
    for (const [components, errorCode, errorMessage] of refused) {
      for (const version of [0, 1]) {
        const response = await describeQuotas(admin, components, false, version);
        assert.deepEqual(
          [response.errorCode, response.errorMessage, response.entries],
          [errorCode, errorMessage, null],
        );
      }
    }
    // The default user's 3 B/s would hold every later client of this broker (all User:ANONYMOUS).
    await alter(admin, [
      entry({ user: 'alice' }, { producer_byte_rate: null }),
      entry({ user: 'alice', 'client-id': 'app' }, { producer_byte_rate: null }),
      entry({ user: null }, { producer_byte_rate: null }),
      entry({ 'client-id': 'app' }, { consumer_byte_rate: null }),
      entry({ 'client-id': null }, { controller_mutation_rate: null }),
    ]);
  });

  it('throttles a producer over producer_byte_rate: throttle_time_ms, and its connection muted that long', async () => {
    await alter(admin, [entry({ 'client-id': 'slow-producer' }, { producer_byte_rate: 20_000 })]);
    await createTopic(admin, 'produce-quota');
    const producer = await connect('slow-producer');
    const bystander = await connect('bystander');
    // 230 kB at once against 20 kB/s, measured over the 10 s a new client is credited with:
    // (23 kB/s - 20 kB/s) / 20 kB/s x 10 s = 1.5 s.
    const first = await produce(producer, 'produce-quota', 230_000);
    assert.ok(
      first.throttleTimeMs >= 1400 && first.throttleTimeMs <= 1700,
      `throttle ${first.throttleTimeMs} ms`,
    );
    const [muted, other] = await Promise.all([timed(metadata(producer)), timed(metadata(bystander))]);
    assert.ok(
      muted.elapsedMs >= first.throttleTimeMs - 150,
      `the producer's next request waited ${muted.elapsedMs} ms`,
    );
    assert.ok(other.elapsedMs < 500, `another client's request took ${other.elapsedMs} ms`);
    const within = await produce(bystander, 'produce-quota', 230_000);
    assert.equal(within.throttleTimeMs, 0, 'a client without a quota is not throttled');
    // acks=0 gets no response to carry the throttle, but its connection is muted all the same: 1.5 s on, the
    // window is 10.5 s and the rate about 21.9 kB/s, so for about 1 s more.
    const oneWay = await connect('slow-producer');
    oneWay.sendOneWay(ApiKey.Produce, {
      transactionalId: null,
      acks: 0,
      timeoutMs: 10_000,
      topicData: [{ name: 'produce-quota', partitionData: [{ index: 0, records: await records(10) }] }],
    });
    const afterOneWay = await timed(metadata(oneWay));
    assert.ok(
      afterOneWay.elapsedMs >= 600,
      `the acks=0 producer's next request waited ${afterOneWay.elapsedMs} ms`,
    );
  });

  it('answers a consumer over consumer_byte_rate without data, and takes back the bytes it did not send', async () => {
    const topic = 'fetch-quota';
    const created = await createTopic(admin, topic);
    const topicId = created.topics[0]!.topicId;
    for (let i = 0; i < 3; i++) await produce(admin, topic, 60_000);
    await alter(admin, [entry({ 'client-id': 'slow-consumer' }, { consumer_byte_rate: 10_000 })]);
    const consumer = await connect('slow-consumer');
    const fetch = (fetchOffset: bigint, sessionEpoch: number) =>
      consumer.send(ApiKey.Fetch, 13, {
        ...apis[ApiKey.Fetch].defaultRequest(),
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 0,
        maxBytes: 10 << 20,
        sessionId: 0,
        sessionEpoch,
        topics: [
          {
            topic: '',
            topicId,
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch: -1,
                fetchOffset,
                lastFetchedEpoch: -1,
                logStartOffset: -1n,
                partitionMaxBytes: 61_000,
                replicaDirectoryId: ZERO_UUID,
              },
            ],
          },
        ],
        forgottenTopicsData: [],
        rackId: '',
      });
    // 61 kB a partition: one whole batch and the start of the next, as a fetch returns.
    const first = await fetch(0n, -1);
    assert.equal(first.throttleTimeMs, 0);
    const batch = first.responses[0]!.partitions[0]!;
    assert.ok(
      batch.records!.length > 60_000 && batch.records!.length <= 61_000,
      `${batch.records!.length} bytes`,
    );
    // The next 61 kB: 122 kB over 10 s is 12.2 kB/s, so (12.2 - 10) / 10 x 10 s = 2.2 s, and no data. A fetch
    // that would open a session opens none.
    const second = await fetch(1n, 0);
    assert.ok(
      second.throttleTimeMs >= 2100 && second.throttleTimeMs <= 2400,
      `throttle ${second.throttleTimeMs}`,
    );
    assert.deepEqual([second.errorCode, second.sessionId, second.responses], [ErrorCode.NONE, 0, []]);
    // Had the withheld 61 kB counted, the next throttle would be (18.3 - 10) / 10 x 10 s = 8.3 s.
    const third = await timed(fetch(1n, -1));
    assert.ok(third.elapsedMs >= second.throttleTimeMs - 150, `muted for ${third.elapsedMs} ms`);
    assert.ok(
      third.result.throttleTimeMs > 0 && third.result.throttleTimeMs < 3000,
      `throttle ${third.result.throttleTimeMs}`,
    );
  });

  it('holds a client to request_percentage, with the throttle capped at one quota window', async () => {
    await alter(admin, [entry({ 'client-id': 'busy' }, { request_percentage: 0.001 })]);
    const busy = await connect('busy');
    let throttleTimeMs = 0;
    for (let i = 0; i < 200 && throttleTimeMs === 0; i++) ({ throttleTimeMs } = await metadata(busy));
    assert.ok(throttleTimeMs > 0 && throttleTimeMs <= 1000, `throttle ${throttleTimeMs} ms`);
  });

  it('refuses topics over controller_mutation_rate with THROTTLING_QUOTA_EXCEEDED from CreateTopics v6, and throttles v5', async () => {
    // One partition per second: the bucket holds 11 and starts full.
    await alter(admin, [entry({ 'client-id': 'mutator' }, { controller_mutation_rate: 1 })]);
    const mutator = await connect('mutator');
    const created = await mutator.send(ApiKey.CreateTopics, 7, {
      topics: [10, 5, 1].map((numPartitions, i) => ({
        name: `mutation-${i}`,
        numPartitions,
        replicationFactor: 1,
        assignments: [],
        configs: [],
      })),
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.deepEqual(
      created.topics.map((t) => [t.name, t.errorCode, t.errorMessage]),
      [
        ['mutation-0', ErrorCode.NONE, null],
        ['mutation-1', ErrorCode.NONE, null],
        ['mutation-2', ErrorCode.THROTTLING_QUOTA_EXCEEDED, null],
      ],
      '11 tokens: 10 leave 1, 5 more are accepted since tokens remained, then the bucket is below zero',
    );
    assert.ok(
      created.throttleTimeMs >= 3000 && created.throttleTimeMs <= 4000,
      `throttle ${created.throttleTimeMs}`,
    );

    // Each request on a new connection: a throttled response mutes its connection until the bucket refills.
    const exists = await createTopic(await connect('mutator'), 'mutation-0');
    assert.equal(
      exists.topics[0]!.errorCode,
      ErrorCode.TOPIC_ALREADY_EXISTS,
      'validation comes before the quota',
    );
    const deleted = await (
      await connect('mutator')
    ).send(ApiKey.DeleteTopics, 6, {
      topics: [{ name: 'mutation-1', topicId: ZERO_UUID }],
      topicNames: [],
      timeoutMs: 10_000,
    });
    assert.equal(deleted.responses[0]!.errorCode, ErrorCode.THROTTLING_QUOTA_EXCEEDED);
    const partitions = await (
      await connect('mutator')
    ).send(ApiKey.CreatePartitions, 3, {
      topics: [{ name: 'mutation-1', count: 6, assignments: null }],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.equal(partitions.results[0]!.errorCode, ErrorCode.THROTTLING_QUOTA_EXCEEDED);
    const permissive = await createTopic(await connect('mutator'), 'mutation-v5', 2, 5);
    assert.equal(permissive.topics[0]!.errorCode, ErrorCode.NONE, 'v5 cannot be refused, only throttled');
    assert.ok(permissive.throttleTimeMs > 3000, `throttle ${permissive.throttleTimeMs}`);

    await alter(admin, [entry({ 'client-id': 'mutator' }, { controller_mutation_rate: null })]);
    const free = await connect('mutator');
    assert.equal((await createTopic(free, 'mutation-free', 20)).topics[0]!.errorCode, ErrorCode.NONE);
  });

  it("holds User:ANONYMOUS to a user quota before its client-id's quota, and lets go once it is removed", async () => {
    await alter(admin, [
      entry({ 'client-id': 'anonymous-client' }, { producer_byte_rate: 10_000_000 }),
      entry({ user: 'ANONYMOUS' }, { producer_byte_rate: 20_000 }),
    ]);
    const producer = await connect('anonymous-client');
    assert.ok(
      (await produce(producer, 'produce-quota', 230_000)).throttleTimeMs > 0,
      'the user quota applies',
    );
    await alter(admin, [entry({ user: 'ANONYMOUS' }, { producer_byte_rate: null })]);
    const after = await connect('anonymous-client');
    assert.equal(
      (await produce(after, 'produce-quota', 230_000)).throttleTimeMs,
      0,
      'the client-id quota applies',
    );
  });

  it('keeps quotas across restarts, clean or killed, and enforces them from the start', async () => {
    await alter(admin, [entry({ 'client-id': 'restarted' }, { producer_byte_rate: 20_000 })]);
    const before = entities(await describeQuotas(admin, []));
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      for (const connection of connections.splice(0)) connection.close();
      await broker.stop(signal);
      broker = await startBroker({ dataDir: broker.dataDir });
      admin = await connect('quota-admin');
      assert.deepEqual(entities(await describeQuotas(admin, [])), before, `after ${signal}`);
    }
    const producer = await connect('restarted');
    assert.ok((await produce(producer, 'produce-quota', 230_000)).throttleTimeMs > 0);
  });
});
