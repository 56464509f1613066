/**
 * Consumer groups with real clients: members share a topic's partitions and consume every record exactly
 * once; committed offsets survive a broker restart (they live in __consumer_offsets).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, apis } from '@sluice/protocol';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const CONFIGS = { 'group.initial.rebalance.delay.ms': '200', 'num.partitions': '4' };

async function produce(bootstrap: string, topic: string, values: string[]): Promise<void> {
  await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: `${values.join('\n')}\n` });
}

function parse(stdout: string): { partition: number; offset: number; value: string }[] {
  return stdout
    .split('\n')
    .filter((l) => /^\d+:\d+:/.test(l))
    .map((l) => {
      const [partition, offset, ...rest] = l.split(':');
      return { partition: Number(partition), offset: Number(offset), value: rest.join(':') };
    });
}

describe('consumer groups', () => {
  let broker: BrokerProcess;
  const dataDir = tempDataDir();
  before(async () => {
    broker = await startBroker({ dataDir, configs: CONFIGS });
  });
  after(async () => {
    await broker.stop();
  });

  it('kafkajs: two members share the partitions and consume every record exactly once', async () => {
    const values = Array.from({ length: 400 }, (_, i) => `kjs-${i}`);
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'g-kafkajs'], { input: 'warm-up\n' });
    const members = [0, 1].map(() => {
      const child = spawn(process.execPath, [
        script('kafkajs-group.mjs'),
        broker.bootstrap,
        'g1',
        'g-kafkajs',
        '3000',
      ]);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return { child, done, output: () => out };
    });
    // Produce only once both members hold their share: otherwise the first could drain the topic alone.
    const assignments = () =>
      members.map((m) =>
        (
          m
            .output()
            .match(/^ASSIGNED (.*)$/gm)
            ?.at(-1) ?? 'ASSIGNED '
        )
          .slice(9)
          .split(',')
          .filter(Boolean),
      );
    const deadline = Date.now() + 30_000;
    while (!assignments().every((a) => a.length > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const [a, b] = assignments();
    assert.ok(
      a!.length > 0 && b!.length > 0,
      `both members were assigned partitions: ${JSON.stringify(assignments())}`,
    );
    assert.ok(
      a!.every((p) => !b!.includes(p)),
      'no partition is assigned to both members',
    );
    // Keyed, so the records spread over every partition: librdkafka's sticky partitioner would put a quick
    // burst of unkeyed records on one partition, and one member would get them all.
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'g-kafkajs', '-K:'], {
      input: `${values.map((v) => `${v}:${v}`).join('\n')}\n`,
    });
    await Promise.all(members.map((m) => m.done));
    const consumed = members.map((m) => parse(m.output()).filter((r) => r.value !== 'warm-up'));
    assert.deepEqual(
      consumed
        .flat()
        .map((r) => r.value)
        .sort(),
      [...values].sort(),
      'every record once across the group',
    );
    assert.ok(
      consumed.every((c) => c.length > 0),
      `both members consumed: ${consumed.map((c) => c.length).join(', ')}`,
    );
  });

  it('confluent-kafka-python: subscribe() consumes and commits; a restarted broker and consumer resume after the commit', async () => {
    const first = Array.from({ length: 100 }, (_, i) => `py-${i}`);
    await produce(broker.bootstrap, 'g-python', first);
    const one = await runOk(
      '/usr/bin/python3',
      [script('confluent_group.py'), broker.bootstrap, 'g2', 'g-python', '3'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(
      parse(one.stdout)
        .map((r) => r.value)
        .sort(),
      [...first].sort(),
    );
    await broker.stop();
    broker = await startBroker({ dataDir, configs: CONFIGS });
    const second = Array.from({ length: 20 }, (_, i) => `py-after-${i}`);
    await produce(broker.bootstrap, 'g-python', second);
    const two = await runOk(
      '/usr/bin/python3',
      [script('confluent_group.py'), broker.bootstrap, 'g2', 'g-python', '3'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(
      parse(two.stdout)
        .map((r) => r.value)
        .sort(),
      [...second].sort(),
      'only what came after the committed offsets',
    );
  });

  it('@platformatic/kafka: a group consumer reads every record', async () => {
    const values = Array.from({ length: 50 }, (_, i) => `pk-${i}`);
    await produce(broker.bootstrap, 'g-platformatic', values);
    const result = await runOk(
      process.execPath,
      [script('platformatic-group.mjs'), broker.bootstrap, 'g3', 'g-platformatic', '3000'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(
      parse(result.stdout)
        .map((r) => r.value)
        .sort(),
      [...values].sort(),
    );
  });

  it('deletes offsets and groups with Kafka errors for live groups, and the deletions survive a restart', async () => {
    await produce(broker.bootstrap, 'g-admin', ['x']);
    const client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const commit = (groupId: string) =>
      client.request(ApiKey.OffsetCommit, {
        groupId,
        generationIdOrMemberEpoch: -1,
        memberId: '',
        groupInstanceId: null,
        retentionTimeMs: -1n,
        topics: [
          {
            name: 'g-admin',
            partitions: [0, 1].map((partitionIndex) => ({
              partitionIndex,
              committedOffset: 1n,
              committedLeaderEpoch: -1,
              commitTimestamp: -1n,
              committedMetadata: 'm',
            })),
          },
        ],
      });
    const committed = async (groupId: string, connection = client) =>
      (
        await connection.request(ApiKey.OffsetFetch, {
          ...apis[ApiKey.OffsetFetch].defaultRequest(),
          groups: [{ groupId, memberId: null, memberEpoch: -1, topics: null }],
        })
      ).groups[0]!.topics.flatMap((t) =>
        t.partitions.map((p) => `${t.name}-${p.partitionIndex}@${p.committedOffset}`),
      ).sort();
    assert.ok((await commit('g-del')).topics[0]!.partitions.every((p) => p.errorCode === ErrorCode.NONE));
    assert.deepEqual(await committed('g-del'), ['g-admin-0@1', 'g-admin-1@1']);
    const deleted = await client.request(ApiKey.OffsetDelete, {
      groupId: 'g-del',
      topics: [{ name: 'g-admin', partitions: [{ partitionIndex: 0 }] }],
    });
    assert.equal(deleted.errorCode, ErrorCode.NONE);
    assert.deepEqual(await committed('g-del'), ['g-admin-1@1']);

    // A live member: its group cannot be deleted and its topic's offsets cannot be removed.
    const member = spawn(process.execPath, [
      script('kafkajs-group.mjs'),
      broker.bootstrap,
      'g-live',
      'g-admin',
      '60000',
    ]);
    let out = '';
    member.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!/^ASSIGNED \d/m.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    try {
      const live = await client.request(ApiKey.DeleteGroups, {
        groupsNames: ['g-live', 'g-del', 'no-such-group'],
      });
      assert.deepEqual(
        live.results.map((r) => [r.groupId, r.errorCode]),
        [
          ['g-live', ErrorCode.NON_EMPTY_GROUP],
          ['g-del', ErrorCode.NONE],
          ['no-such-group', ErrorCode.GROUP_ID_NOT_FOUND],
        ],
      );
      const subscribed = await client.request(ApiKey.OffsetDelete, {
        groupId: 'g-live',
        topics: [{ name: 'g-admin', partitions: [{ partitionIndex: 0 }] }],
      });
      assert.equal(subscribed.topics[0]!.partitions[0]!.errorCode, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC);
    } finally {
      member.kill('SIGKILL');
      client.close();
    }
    await broker.stop();
    broker = await startBroker({ dataDir, configs: CONFIGS });
    const afterRestart = await KafkaConnection.connect('127.0.0.1', broker.port);
    try {
      assert.deepEqual(await committed('g-del', afterRestart), [], 'the deleted group stays deleted');
      const again = await afterRestart.request(ApiKey.DeleteGroups, { groupsNames: ['g-del'] });
      assert.equal(again.results[0]!.errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
    } finally {
      afterRestart.close();
    }
  });

  it('kafka-python: a group consumer reads every record and commits', async () => {
    const values = Array.from({ length: 60 }, (_, i) => `kp-${i}`);
    await produce(broker.bootstrap, 'g-kafka-python', values);
    const first = await runOk(
      '/usr/bin/python3',
      [script('kafka_python_group.py'), broker.bootstrap, 'g5', 'g-kafka-python', '4000'],
      { timeoutMs: 90_000 },
    );
    assert.deepEqual(
      parse(first.stdout)
        .map((r) => r.value)
        .sort(),
      [...values].sort(),
    );
    const again = await runOk(
      '/usr/bin/python3',
      [script('kafka_python_group.py'), broker.bootstrap, 'g5', 'g-kafka-python', '2000'],
      { timeoutMs: 90_000 },
    );
    assert.deepEqual(parse(again.stdout), [], 'the committed offsets are where the next consumer starts');
  });

  it('fences the old incarnation of a static member (KIP-345)', async () => {
    await produce(broker.bootstrap, 'g-static', ['s']);
    const client = await KafkaConnection.connect('127.0.0.1', broker.port);
    try {
      const join = () =>
        client.request(ApiKey.JoinGroup, {
          groupId: 'g-static',
          sessionTimeoutMs: 10_000,
          rebalanceTimeoutMs: 10_000,
          memberId: '',
          groupInstanceId: 'instance-1',
          protocolType: 'consumer',
          protocols: [{ name: 'range', metadata: Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) }],
          reason: null,
        });
      const first = await join();
      assert.equal(first.errorCode, ErrorCode.NONE, 'a static member joins without MEMBER_ID_REQUIRED');
      const synced = await client.request(ApiKey.SyncGroup, {
        groupId: 'g-static',
        generationId: first.generationId,
        memberId: first.memberId,
        groupInstanceId: 'instance-1',
        protocolType: 'consumer',
        protocolName: 'range',
        assignments: [{ memberId: first.memberId, assignment: Buffer.from([0, 0, 0, 0, 0, 0, 0, 0]) }],
      });
      assert.equal(synced.errorCode, ErrorCode.NONE);
      // The same instance restarts: it gets a new member id and the same generation, without a rebalance.
      const restarted = await join();
      assert.equal(restarted.errorCode, ErrorCode.NONE);
      assert.notEqual(restarted.memberId, first.memberId);
      assert.equal(restarted.generationId, first.generationId);
      const heartbeat = (memberId: string) =>
        client.request(ApiKey.Heartbeat, {
          groupId: 'g-static',
          generationId: first.generationId,
          memberId,
          groupInstanceId: 'instance-1',
        });
      assert.equal((await heartbeat(first.memberId)).errorCode, ErrorCode.FENCED_INSTANCE_ID);
      assert.equal((await heartbeat(restarted.memberId)).errorCode, ErrorCode.NONE);
      const staleCommit = await client.request(ApiKey.OffsetCommit, {
        groupId: 'g-static',
        generationIdOrMemberEpoch: first.generationId,
        memberId: first.memberId,
        groupInstanceId: 'instance-1',
        retentionTimeMs: -1n,
        topics: [
          {
            name: 'g-static',
            partitions: [
              {
                partitionIndex: 0,
                committedOffset: 1n,
                committedLeaderEpoch: -1,
                commitTimestamp: -1n,
                committedMetadata: null,
              },
            ],
          },
        ],
      });
      assert.equal(staleCommit.topics[0]!.partitions[0]!.errorCode, ErrorCode.FENCED_INSTANCE_ID);
    } finally {
      client.close();
    }
  });
});
