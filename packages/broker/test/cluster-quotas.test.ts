/**
 * Client quotas in a 3-broker KRaft cluster (each broker its own OS process): AlterClientQuotas sent to any
 * broker reaches the controller and the metadata log, every broker describes and enforces the quota, it outlives
 * a broker's SIGKILL and restart, and the controller mutation quota applies to forwarded CreateTopics.
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
} from '@sluice/protocol';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { FAST_FAILURE_DETECTION, createTopic, waitFor, waitForBrokers } from './support/cluster-tools.ts';

function entry(entity: Record<string, string | null>, ops: Record<string, number | null>) {
  return {
    entity: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
    ops: Object.entries(ops).map(([key, value]) => ({ key, value: value ?? 0, remove: value === null })),
  } satisfies AlterClientQuotasRequestEntryData;
}

describe('client quotas in a 3-broker cluster', () => {
  let cluster: ClusterProcess;
  const connections: KafkaConnection[] = [];
  const connect = async (nodeId: number, clientId: string) => {
    const { host, port } = cluster.brokers.find((b) => b.layout.nodeId === nodeId)!.layout;
    const connection = await KafkaConnection.connect(host, port, clientId);
    connections.push(connection);
    return connection;
  };
  const quotasAt = async (nodeId: number) => {
    const connection = await connect(nodeId, 'quota-admin');
    const response = await connection.send(ApiKey.DescribeClientQuotas, 1, { components: [], strict: false });
    connection.close();
    return (response.entries ?? []).map(
      (e) =>
        `${e.entity.map((c) => `${c.entityType}=${c.entityName}`).join(',')} ${e.values.map((v) => `${v.key}:${v.value}`).join(',')}`,
    );
  };
  /** The broker leading each partition of a topic, from the metadata of broker 1. */
  const leaders = async (topic: string) => {
    const connection = await connect(1, 'quota-admin');
    const response = await connection.request(ApiKey.Metadata, {
      ...apis[ApiKey.Metadata].defaultRequest(),
      topics: [{ name: topic, topicId: ZERO_UUID }],
    });
    return response.topics[0]!.partitions.map((p) => ({ partition: p.partitionIndex, leader: p.leaderId }));
  };
  const produce = async (
    nodeId: number,
    clientId: string,
    topic: string,
    partition: number,
    bytes: number,
    retry = false,
  ): Promise<number> => {
    const connection = await connect(nodeId, clientId);
    const records = await encodeRecordBatch({
      records: [{ key: null, value: Buffer.alloc(bytes, 120), timestamp: BigInt(Date.now()) }],
    });
    const response = await connection.send(ApiKey.Produce, 9, {
      transactionalId: null,
      acks: 1,
      timeoutMs: 10_000,
      topicData: [{ name: topic, partitionData: [{ index: partition, records }] }],
    });
    const result = response.responses[0]!.partitionResponses[0]!;
    if (retry && result.errorCode !== ErrorCode.NONE) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return produce(nodeId, clientId, topic, partition, bytes, retry);
    }
    assert.equal(result.errorCode, ErrorCode.NONE, result.errorMessage ?? '');
    return response.throttleTimeMs;
  };

  before(async () => {
    cluster = await startCluster({ brokers: 3, configs: { ...FAST_FAILURE_DETECTION } });
    await waitForBrokers(cluster.bootstrap, 3);
  });
  after(async () => {
    for (const connection of connections) connection.close();
    await cluster?.stopAll();
  });

  it('takes a quota at any broker, and every broker describes and enforces it', async () => {
    const admin = await connect(2, 'quota-admin');
    const altered = await admin.send(ApiKey.AlterClientQuotas, 1, {
      entries: [
        entry({ 'client-id': 'cluster-producer' }, { producer_byte_rate: 20_000 }),
        entry({ user: 'ANONYMOUS', 'client-id': null }, { request_percentage: 0 }),
      ],
      validateOnly: false,
    });
    assert.deepEqual(
      altered.entries.map((e) => [e.errorCode, e.errorMessage]),
      [
        [ErrorCode.NONE, null],
        [ErrorCode.INVALID_REQUEST, 'Quota request_percentage must be greater than 0'],
      ],
      'validated by the controller',
    );
    for (const nodeId of [1, 2, 3])
      await waitFor(`broker ${nodeId} to describe the quota`, async () =>
        (await quotasAt(nodeId)).includes('client-id=cluster-producer producer_byte_rate:20000')
          ? true
          : null,
      );

    await createTopic(cluster.bootstrap, 'cluster-quota', 3, 1);
    const placement = await waitFor('a leader for every partition', async () => {
      const found = await leaders('cluster-quota');
      return found.length === 3 && found.every((p) => p.leader > 0) ? found : null;
    });
    assert.deepEqual(new Set(placement.map((p) => p.leader)), new Set([1, 2, 3]), 'one partition per broker');
    // Each leader learns of its partition from the metadata log, a moment after the topic exists.
    for (const { partition, leader } of placement)
      await produce(leader, 'warm-up', 'cluster-quota', partition, 1, true);
    // 230 kB against 20 kB/s over a new client's 10 s: (23 - 20) / 20 x 10 s = 1.5 s, at each broker alike.
    for (const { partition, leader } of placement) {
      const throttleMs = await produce(leader, 'cluster-producer', 'cluster-quota', partition, 230_000);
      assert.ok(throttleMs >= 1400 && throttleMs <= 1700, `broker ${leader} throttled ${throttleMs} ms`);
    }
  });

  it('keeps the quota in the metadata log through a SIGKILL and restart, and enforces it from the start', async () => {
    await cluster.signal(3, 'SIGKILL');
    await cluster.start(3);
    await waitFor('broker 3 to describe the quota again', async () =>
      (await quotasAt(3)).includes('client-id=cluster-producer producer_byte_rate:20000') ? true : null,
    );
    // The partition broker 3 leads has no other replica: it leads it again once it is back.
    const partition = await waitFor(
      'broker 3 to lead its partition again',
      async () => (await leaders('cluster-quota')).find((p) => p.leader === 3)?.partition ?? null,
    );
    await produce(3, 'warm-up', 'cluster-quota', partition, 1, true);
    const throttleMs = await produce(3, 'cluster-producer', 'cluster-quota', partition, 230_000);
    assert.ok(throttleMs >= 1400 && throttleMs <= 1700, `throttled ${throttleMs} ms after the restart`);
  });

  it('applies the controller mutation quota to CreateTopics forwarded to the controller', async () => {
    const admin = await connect(1, 'quota-admin');
    await admin.send(ApiKey.AlterClientQuotas, 1, {
      entries: [entry({ 'client-id': 'cluster-mutator' }, { controller_mutation_rate: 1 })],
      validateOnly: false,
    });
    const nodeId = 2;
    await waitFor('broker 2 to know the mutation quota', async () =>
      (await quotasAt(nodeId)).includes('client-id=cluster-mutator controller_mutation_rate:1') ? true : null,
    );
    const mutator = await connect(nodeId, 'cluster-mutator');
    const created = await mutator.send(ApiKey.CreateTopics, 7, {
      topics: [
        { name: 'cluster-mutation-0', numPartitions: 10, replicationFactor: 1, assignments: [], configs: [] },
        { name: 'cluster-quota', numPartitions: 50, replicationFactor: 1, assignments: [], configs: [] },
        { name: 'cluster-mutation-1', numPartitions: 5, replicationFactor: 1, assignments: [], configs: [] },
        { name: 'cluster-mutation-2', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
      ],
      timeoutMs: 10_000,
      validateOnly: false,
    });
    assert.deepEqual(
      created.topics.map((t) => [t.name, t.errorCode]).sort(),
      [
        ['cluster-mutation-0', ErrorCode.NONE],
        ['cluster-mutation-1', ErrorCode.NONE],
        ['cluster-mutation-2', ErrorCode.THROTTLING_QUOTA_EXCEEDED],
        ['cluster-quota', ErrorCode.TOPIC_ALREADY_EXISTS],
      ].sort(),
      'an existing topic takes nothing; 10 then 5 of 11 tokens are accepted, then the bucket is below zero',
    );
    assert.ok(
      created.throttleTimeMs >= 2500 && created.throttleTimeMs <= 4000,
      `throttle ${created.throttleTimeMs}`,
    );
  });
});
