/**
 * The lag engine against the real broker in this process and a real SQLite file: records produced with known
 * create times, a kafkajs consumer group that commits exactly where the test lets it, then lag, lag seconds,
 * status and drain estimate through the embedded ClusterSource, the sampler's rows, the tRPC router, and the
 * same numbers through the remote ClusterSource over TCP.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { TRPCError } from '@trpc/server';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { Broker, createLogger } from '@sluice/broker';
import { ClusterClient, KafkaConnection } from '@sluice/client';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import { ApiKey, apis, encodeRecordBatch } from '@sluice/protocol';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { createCaller } from '../root.ts';
import { computeGroupLag, type GroupLag } from './compute-lag.ts';
import { LagSampler, type SampleRound } from './lag-sampler.ts';

const TOPIC = 'orders';
const GROUP = 'lag-engine';
const dir = mkdtempSync(join(tmpdir(), 'sluice-lag-engine-'));
// Removed on exit too: a hook that never settles (a broker that cannot close) would otherwise leave it behind.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let database: ConsoleDatabase;
let client: ClusterClient;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;
let consumer: Consumer;
/** Per partition, the offset below which the consumer may process and commit. */
const allowed = new Map<number, number>();
let stopping = false;
/** Create times of the records produced, by partition and offset. */
const createTimes = new Map<number, number[]>();

async function produce(partition: number, timestamps: number[]): Promise<void> {
  const topic = await client.topic(TOPIC);
  await client.produce(
    topic,
    partition,
    await encodeRecordBatch({
      records: timestamps.map((timestamp, i) => ({
        key: null,
        value: Buffer.from(`p${partition}-${i}`),
        timestamp: BigInt(timestamp),
      })),
    }),
  );
  createTimes.set(partition, [...(createTimes.get(partition) ?? []), ...timestamps]);
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function committedOffsets(): Promise<Record<number, number>> {
  return Object.fromEntries((await embedded.committedOffsets(GROUP)).map((c) => [c.partition, c.offset]));
}

async function commitsReach(expected: Record<number, number>): Promise<void> {
  await until(`commits ${JSON.stringify(expected)}`, async () => {
    const committed = await committedOffsets();
    return Object.entries(expected).every(([p, offset]) => committed[Number(p)] === offset);
  });
}

function caller(cluster: ClusterSource | null) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: 'viewer', role: 'viewer' },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** What both sources must agree on; commit timestamps only the embedded source knows. */
function comparable(lag: GroupLag) {
  return {
    state: lag.group.state,
    members: lag.group.members,
    partitions: lag.partitions.map(({ commitTimestamp: _, ...rest }) => rest),
    totalLag: lag.totalLag,
    maxLagSeconds: lag.maxLagSeconds,
  };
}

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    configs: new Map([
      ['group.initial.rebalance.delay.ms', '0'],
      ['offsets.topic.num.partitions', '1'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  client = new ClusterClient(`127.0.0.1:${broker.port}`, 'lag-engine-test');
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
  const [created] = await client.createTopics([
    { name: TOPIC, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] },
  ]);
  assert.equal(created?.errorCode, 0, `create topic: ${created?.errorMessage}`);

  // Partition 0: ten records a second apart, two minutes old; partition 1: five.
  const base = Date.now() - 120_000;
  await produce(
    0,
    Array.from({ length: 10 }, (_, i) => base + i * 1000),
  );
  await produce(
    1,
    Array.from({ length: 5 }, (_, i) => base + 500 + i * 1000),
  );

  allowed.set(0, 4).set(1, 5);
  const kafka = new Kafka({
    clientId: 'lag-consumer',
    brokers: [`127.0.0.1:${broker.port}`],
    logLevel: logLevel.NOTHING,
  });
  consumer = kafka.consumer({ groupId: GROUP, sessionTimeout: 10_000, heartbeatInterval: 500 });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    partitionsConsumedConcurrently: 2,
    eachMessage: async ({ partition, message, heartbeat }) => {
      const offset = Number(message.offset);
      while (offset >= allowed.get(partition)!) {
        if (stopping) return;
        await heartbeat();
        await sleep(20);
      }
      await consumer.commitOffsets([{ topic: TOPIC, partition, offset: String(offset + 1) }]);
    },
  });
  await commitsReach({ 0: 4, 1: 5 });
});

after(async () => {
  stopping = true;
  await consumer?.disconnect();
  remote?.close();
  client?.close();
  await broker?.close();
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('consumer lag against the real broker', () => {
  let firstRound: SampleRound;
  let secondRound: SampleRound;
  let sampler: LagSampler;

  it('lag is the high watermark minus the committed offset, lag seconds the age of the next record', async () => {
    const now = Date.now();
    const lag = await computeGroupLag(embedded, GROUP, now);
    assert.equal(lag.group.state, 'Stable');
    assert.equal(lag.group.members.length, 1);
    const [member] = lag.group.members;
    assert.equal(member!.clientId, 'lag-consumer');
    assert.deepEqual(member!.subscribedTopics, [TOPIC]);
    assert.deepEqual(member!.assignment, [
      { topic: TOPIC, partition: 0 },
      { topic: TOPIC, partition: 1 },
    ]);
    const [p0, p1] = lag.partitions;
    assert.deepEqual(
      { committed: p0!.committedOffset, end: p0!.logEndOffset, lag: p0!.lag },
      { committed: 4, end: 10, lag: 6 },
    );
    assert.equal(p0!.lagSeconds, (now - createTimes.get(0)![4]!) / 1000, 'age of the record at offset 4');
    assert.deepEqual(
      { committed: p1!.committedOffset, end: p1!.logEndOffset, lag: p1!.lag, seconds: p1!.lagSeconds },
      { committed: 5, end: 5, lag: 0, seconds: 0 },
    );
    assert.equal(p0!.owner?.memberId, member!.memberId);
    assert.ok(
      p0!.commitTimestamp !== null && p0!.commitTimestamp <= now && p0!.commitTimestamp > now - 60_000,
      `the embedded source knows when offset 4 was committed: ${p0!.commitTimestamp}`,
    );
    assert.equal(lag.totalLag, 6);
    assert.equal(lag.maxLagSeconds, p0!.lagSeconds);
  });

  it('the remote source reads the same numbers over TCP', async () => {
    const now = Date.now();
    const [fromEngine, overWire] = await Promise.all([
      computeGroupLag(embedded, GROUP, now),
      computeGroupLag(remote, GROUP, now),
    ]);
    assert.deepEqual(comparable(overWire), comparable(fromEngine));
    assert.ok(
      overWire.partitions.every((p) => p.commitTimestamp === null),
      'OffsetFetch carries no commit timestamps',
    );
    assert.deepEqual(await remote.listGroups(), await embedded.listGroups());
    for (const offset of [0, 3, 9]) {
      assert.equal(
        await remote.recordTimestamp({ topic: TOPIC, partition: 0 }, offset),
        createTimes.get(0)![offset],
        `timestamp at offset ${offset}`,
      );
    }
    assert.equal(
      await remote.recordTimestamp({ topic: TOPIC, partition: 0 }, 10),
      null,
      'at the high watermark',
    );
    assert.equal(
      await embedded.recordTimestamp({ topic: TOPIC, partition: 0 }, 10),
      null,
      'at the high watermark',
    );
  });

  it('the sampler writes one row per partition per round; status and drain estimate follow the commits', async () => {
    sampler = new LagSampler({ db: database.db, source: embedded, intervalMs: 100 });
    // Commits well apart (offset 4 before, offset 7 after this pause) make a window whose span dwarfs the time
    // from the second commit to the evaluation below, which therefore cannot find the consumer stopped.
    await sleep(500);
    firstRound = await sampler.sampleOnce();
    assert.deepEqual(
      { groups: firstRound.groups, rows: firstRound.rows, failed: firstRound.failedGroups },
      { groups: 1, rows: 2, failed: [] },
    );

    allowed.set(0, 7);
    await commitsReach({ 0: 7 });
    secondRound = await sampler.sampleOnce();
    assert.equal(secondRound.rows, 2);

    const detail = await caller(embedded).groups.detail({ groupId: GROUP });
    assert.equal(detail.state, 'Stable');
    assert.equal(detail.totalLag, 3);
    const p0 = detail.partitions.find((p) => p.partition === 0)!;
    assert.deepEqual(
      { committed: p0.committedOffset, end: p0.logEndOffset, lag: p0.lag },
      { committed: 7, end: 10, lag: 3 },
    );
    assert.equal(p0.status, 'OK', 'committing, and the lag went down from 6 to 3');
    assert.equal(detail.status, 'OK');
    // Between the rounds the consumer moved 4 -> 7 and nothing was produced: 3 records per round interval,
    // so the 3 left take one interval.
    const interval = (secondRound.at - firstRound.at) / 1000;
    assert.ok(p0.drain.state === 'draining', `partition 0 drain: ${JSON.stringify(p0.drain)}`);
    assert.ok(
      Math.abs(p0.drain.seconds - interval) < 1e-6,
      `drain ${p0.drain.seconds} s, interval ${interval} s`,
    );
    assert.ok(
      Math.abs(p0.drain.consumePerSecond - 3 / interval) < 1e-6,
      `consume rate ${p0.drain.consumePerSecond}`,
    );
    assert.equal(p0.drain.producePerSecond, 0);
    assert.deepEqual(detail.partitions.find((p) => p.partition === 1)!.drain, { state: 'drained' });
    assert.deepEqual(detail.drain, { ...p0.drain }, 'the group drains when its slowest partition does');
    assert.deepEqual(
      detail.members.map((m) => m.assignment.length),
      [2],
    );

    const list = await caller(embedded).groups.list();
    assert.deepEqual(list, [
      {
        groupId: GROUP,
        state: 'Stable',
        protocolType: 'consumer',
        members: 1,
        totalLag: 3,
        maxLagSeconds: list[0]!.maxLagSeconds,
        status: 'OK',
      },
    ]);
    assert.ok(
      list[0]!.maxLagSeconds !== null &&
        list[0]!.maxLagSeconds >= (secondRound.at - createTimes.get(0)![7]!) / 1000,
      `list lag seconds ${list[0]!.maxLagSeconds} is the age of the record at offset 7 or more`,
    );

    const { points } = await caller(null).groups.lagHistory({ groupId: GROUP });
    assert.deepEqual(
      points.map((p) => [p.at.getTime(), p.lag, p.lagSeconds]),
      [
        [firstRound.at, 6, (firstRound.at - createTimes.get(0)![4]!) / 1000],
        [secondRound.at, 3, (secondRound.at - createTimes.get(0)![7]!) / 1000],
      ],
    );
    const partition1 = await caller(null).groups.lagHistory({ groupId: GROUP, topic: TOPIC, partition: 1 });
    assert.deepEqual(
      partition1.points.map((p) => [p.lag, p.lagSeconds]),
      [
        [0, 0],
        [0, 0],
      ],
    );
  });

  it('a consumer that stops committing with lag turns its partition STOP and the group ERR', async () => {
    const commits = (await embedded.committedOffsets(GROUP)).find((c) => c.partition === 0)!;
    const [first] = await database.client
      .execute({
        sql: 'select min(commit_timestamp) as t from lag_samples where group_id = ? and partition = 0',
        args: [GROUP],
      })
      .then((r) => r.rows);
    const span = commits.commitTimestamp! - Number(first!.t);
    assert.ok(span > 0, `two commits apart in time: ${span} ms`);
    // Burrow's rule: stopped once the time since the last commit exceeds the window's commits span.
    await until(
      'the consumer to look stopped',
      async () => Date.now() > commits.commitTimestamp! + span + 50,
    );
    const detail = await caller(embedded).groups.detail({ groupId: GROUP });
    const p0 = detail.partitions.find((p) => p.partition === 0)!;
    assert.equal(p0.status, 'STOP');
    assert.equal(detail.partitions.find((p) => p.partition === 1)!.status, 'OK', 'no lag, never an error');
    assert.equal(detail.status, 'ERR');
    const overWire = await caller(remote).groups.detail({ groupId: GROUP });
    assert.deepEqual(
      overWire.partitions.map((p) => [p.partition, p.committedOffset, p.logEndOffset, p.lag]),
      detail.partitions.map((p) => [p.partition, p.committedOffset, p.logEndOffset, p.lag]),
      'the router over the remote source reads the same lag',
    );
  });

  it('samples on its interval until stopped, then writes nothing more', async () => {
    const rows = async () =>
      Number((await database.client.execute('select count(*) as n from lag_samples')).rows[0]!.n);
    const before = await rows();
    sampler.start();
    await until('two more rounds', async () => (await rows()) >= before + 4);
    await sampler.stop();
    const stopped = await rows();
    await sleep(300);
    assert.equal(await rows(), stopped, 'no round after stop()');
    assert.equal(stopped % 2, 0, 'whole rounds: two partitions each');
  });

  it('a consumer-protocol (KIP-848) group: members and assignments from the coordinator, lag from the log start', async () => {
    const connection = await KafkaConnection.connect('127.0.0.1', broker.port, 'kip848-member');
    try {
      const joined = await connection.request(ApiKey.ConsumerGroupHeartbeat, {
        ...apis[ApiKey.ConsumerGroupHeartbeat].defaultRequest(),
        groupId: 'lag-848',
        memberId: 'member-848',
        memberEpoch: 0,
        rebalanceTimeoutMs: 10_000,
        subscribedTopicNames: [TOPIC],
        topicPartitions: [],
      });
      assert.equal(joined.errorCode, 0, `ConsumerGroupHeartbeat: ${joined.errorMessage}`);
      const now = Date.now();
      const [fromEngine, overWire] = await Promise.all([
        computeGroupLag(embedded, 'lag-848', now),
        computeGroupLag(remote, 'lag-848', now),
      ]);
      assert.equal(fromEngine.group.protocolType, 'consumer');
      assert.deepEqual(
        fromEngine.group.members.map((m) => [m.memberId, m.clientId, m.subscribedTopics, m.assignment]),
        [['member-848', 'kip848-member', [TOPIC], [0, 1].map((partition) => ({ topic: TOPIC, partition }))]],
      );
      assert.deepEqual(
        fromEngine.partitions.map((p) => [
          p.partition,
          p.committedOffset,
          p.logStartOffset,
          p.logEndOffset,
          p.lag,
        ]),
        [
          [0, null, 0, 10, 10],
          [1, null, 0, 5, 5],
        ],
        'subscribed partitions without a commit count from the log start offset',
      );
      assert.equal(fromEngine.partitions[0]!.lagSeconds, (now - createTimes.get(0)![0]!) / 1000);
      assert.deepEqual(
        overWire.group.members.map((m) => [m.memberId, m.assignment]),
        fromEngine.group.members.map((m) => [m.memberId, m.assignment]),
      );
      assert.deepEqual(overWire.partitions, fromEngine.partitions, 'the same lag over the wire');
    } finally {
      connection.close();
    }
  });

  it('answers NOT_FOUND for an unknown group and PRECONDITION_FAILED without a cluster', async () => {
    await assert.rejects(
      caller(embedded).groups.detail({ groupId: 'no-such-group' }),
      (error: unknown) => error instanceof TRPCError && error.code === 'NOT_FOUND',
    );
    await assert.rejects(
      caller(null).groups.list(),
      (error: unknown) => error instanceof TRPCError && error.code === 'PRECONDITION_FAILED',
    );
  });

  it('records without timestamps (-1) give lag in records but no lag in seconds, from both sources', async () => {
    const name = 'no-timestamps';
    const [created] = await client.createTopics([
      { name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
    ]);
    assert.equal(created?.errorCode, 0);
    await client.produce(
      await client.topic(name),
      0,
      await encodeRecordBatch({
        records: [0, 1, 2].map((i) => ({ key: null, value: Buffer.from(`r${i}`), timestamp: -1n })),
        baseTimestamp: -1n,
      }),
    );
    await client.commitOffsets('no-timestamps-group', [{ topic: name, partition: 0, offset: 1n }]);
    for (const source of [embedded, remote]) {
      const lag = await computeGroupLag(source, 'no-timestamps-group', Date.now());
      assert.deepEqual(
        lag.partitions.map((p) => [p.lag, p.lagSeconds]),
        [[2, null]],
      );
      assert.equal(lag.maxLagSeconds, null);
    }
    await client.deleteGroups(['no-timestamps-group']);
  });
});
