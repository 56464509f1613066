/**
 * The real clients of the single-broker tests against one 3-broker cluster (each broker its own OS process, as
 * `sluice cluster` starts them), each on RF 3 topics of its own: kcat, confluent-kafka-python, kafka-python,
 * kafkajs, @platformatic/kafka and sarama. Each does what a user does: admin where the client has it (create an
 * RF 3 topic, add partitions, describe and alter configs, describe the cluster, list and describe groups, delete),
 * checked against the metadata (every partition with 3 replicas and 3 in sync, leaders spread over the brokers);
 * acks=all produce to every partition, idempotent where the client can; a consumer group that commits, with the
 * committed offsets read back. Last, confluent-kafka-python carries on through a controlled shutdown (SIGTERM) and
 * restart of a partition leader with nothing lost or duplicated.
 *
 * The clients poll metadata after each admin change: as Kafka's Admin documents, the controller answers once a
 * change is committed, and every broker learns it a moment later.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor } from '../src/groups/offsets-topic.ts';
import { tempDataDir } from './support/broker-process.ts';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { FAST_FAILURE_DETECTION, waitFor, waitForBrokers } from './support/cluster-tools.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const script = (name: string) => fileURLToPath(new URL(`./clients/cluster/${name}`, import.meta.url));

interface PartitionState {
  leader: number;
  replicas: number[];
  isr: number[];
}

/** Every partition led, with replicas and ISR both [1, 2, 3], and the leaders spread over more than one broker. */
function assertReplicatedOverCluster(partitions: Record<string, PartitionState>, count: number) {
  assert.equal(Object.keys(partitions).length, count, JSON.stringify(partitions));
  for (const [partition, state] of Object.entries(partitions)) {
    assert.deepEqual(state.replicas, [1, 2, 3], `replicas of partition ${partition}`);
    assert.deepEqual(state.isr, [1, 2, 3], `ISR of partition ${partition}`);
    assert.ok([1, 2, 3].includes(state.leader), `leader of partition ${partition}`);
  }
  const leaders = new Set(Object.values(partitions).map((state) => state.leader));
  assert.ok(
    leaders.size >= Math.min(count, 3) - 1,
    `leaders spread over the brokers: ${[...leaders].join(',')}`,
  );
}

/** What kcat's metadata listing says of a topic's partitions. */
async function kcatPartitions(bootstrap: string, topic: string): Promise<Record<string, PartitionState>> {
  const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-t', topic, '-m', '5']);
  const ids = (text: string) => (text ? text.split(',').map(Number).sort() : []);
  return Object.fromEntries(
    [...stdout.matchAll(/partition (\d+), leader (-?\d+), replicas: ([\d,]*), isrs: ([\d,]*)/g)].map((m) => [
      m[1]!,
      { leader: Number(m[2]), replicas: ids(m[3]!), isr: ids(m[4]!) },
    ]),
  );
}

/** Runs a client script and parses the JSON report on its last line of output. */
async function report(
  command: string,
  args: string[],
  timeoutMs = 120_000,
): Promise<Record<string, unknown>> {
  const { stdout } = await runOk(command, args, { timeoutMs });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

describe('real clients against a 3-broker cluster with RF 3 topics', () => {
  let cluster: ClusterProcess;
  let sarama: Promise<string>;
  before(async () => {
    const buildDir = tempDataDir('sarama-cluster-');
    const binary = join(buildDir, 'sarama-cluster');
    // Built while the cluster starts; sarama builds offline in GOPATH mode.
    sarama = runOk('go', ['build', '-o', binary, '.'], {
      cwd: script('sarama'),
      timeoutMs: 180_000,
      env: {
        ...process.env,
        GO111MODULE: 'off',
        GOPATH: `/usr/share/gocode:${join(buildDir, 'gopath')}`,
        GOFLAGS: '',
        GOCACHE: join(buildDir, 'cache'),
      },
    }).then(() => binary);
    sarama.catch(() => {});
    cluster = await startCluster({
      brokers: 3,
      configs: {
        ...FAST_FAILURE_DETECTION,
        'default.replication.factor': '3',
        'min.insync.replicas': '2',
        'num.partitions': '3',
      },
    });
    await waitForBrokers(cluster.bootstrap, 3);
  });
  after(async () => {
    await cluster?.stopAll();
  });

  it('kcat: auto-created RF 3 topic, idempotent acks=all keyed produce, balanced consumer group that commits', async () => {
    const topic = 'kcat-rf3';
    const produce = (from: number, to: number) =>
      runOk(
        'kcat',
        [
          '-b',
          cluster.bootstrap,
          '-P',
          '-t',
          topic,
          '-K:',
          '-X',
          'enable.idempotence=true',
          '-X',
          'acks=all',
          '-X',
          'allow.auto.create.topics=true',
        ],
        {
          input: Array.from({ length: to - from }, (_, i) => `k${from + i}:v${from + i}\n`).join(''),
          timeoutMs: 60_000,
        },
      );
    // Auto-creation on the cluster takes num.partitions and default.replication.factor.
    await produce(0, 300);
    const partitions = await waitFor('3 partitions, 3 in sync', async () => {
      const state = await kcatPartitions(cluster.bootstrap, topic);
      return Object.keys(state).length === 3 && Object.values(state).every((p) => p.isr.length === 3)
        ? state
        : null;
    });
    assertReplicatedOverCluster(partitions, 3);

    const perPartition = await Promise.all(
      [0, 1, 2].map((partition) => kcatReadAll(cluster.bootstrap, topic, { partition })),
    );
    assert.ok(
      perPartition.every((records) => records.length > 0),
      `keys spread over every partition: ${perPartition.map((r) => r.length).join(',')}`,
    );
    assert.deepEqual(perPartition.flat().sort(), Array.from({ length: 300 }, (_, i) => `v${i}`).sort());

    const consume = () =>
      runOk(
        'kcat',
        [
          '-b',
          cluster.bootstrap,
          '-G',
          'kcat-group',
          '-X',
          'auto.offset.reset=earliest',
          '-e',
          '-f',
          '%s\n',
          topic,
        ],
        { timeoutMs: 60_000 },
      ).then(({ stdout }) => stdout.split('\n').filter((line) => line !== ''));
    const first = await consume();
    assert.deepEqual(first.sort(), Array.from({ length: 300 }, (_, i) => `v${i}`).sort());
    await produce(300, 330);
    const second = await consume();
    assert.deepEqual(
      second.sort(),
      Array.from({ length: 30 }, (_, i) => `v${300 + i}`).sort(),
      'the group resumes from the offsets it committed',
    );
  });

  it('confluent-kafka-python: admin, idempotent acks=all producer, consumer group with committed offsets', async () => {
    const result = await report(PYTHON, [
      script('confluent_cluster.py'),
      cluster.bootstrap,
      'confluent-rf3',
      'confluent-group',
    ]);
    assert.deepEqual(result.brokers, [1, 2, 3]);
    assert.equal(result.controller_known, true);
    assertReplicatedOverCluster(result.created as Record<string, PartitionState>, 3);
    assertReplicatedOverCluster(result.after_create_partitions as Record<string, PartitionState>, 4);
    assert.deepEqual(
      {
        retention: result.retention_ms,
        minIsr: result.min_insync_replicas,
        retentionAfterAlter: result.retention_ms_after_alter,
        delivered: result.delivered,
        errors: result.errors,
        consumed: result.consumed,
        distinct: result.consumed_distinct,
        committed: result.committed,
        groups: result.groups,
        groupState: result.group_state,
        groupMembers: result.group_members,
        deleted: result.deleted,
      },
      {
        retention: '3600000',
        minIsr: '2',
        retentionAfterAlter: '7200000',
        delivered: 400,
        errors: [],
        consumed: 400,
        distinct: 400,
        committed: [100, 100, 100, 100],
        groups: ['confluent-group'],
        groupState: 'Stable',
        groupMembers: 1,
        deleted: true,
      },
    );
  });

  it('kafka-python: admin, acks=all producer, consumer group with committed offsets read back by the admin', async () => {
    const result = await report(PYTHON, [
      script('kafka_python_cluster.py'),
      cluster.bootstrap,
      'kp-rf3',
      'kp-group',
    ]);
    assert.deepEqual(result.brokers, [1, 2, 3]);
    assert.equal(result.controller_known, true);
    assertReplicatedOverCluster(result.created as Record<string, PartitionState>, 3);
    assertReplicatedOverCluster(result.after_create_partitions as Record<string, PartitionState>, 5);
    const fives = [100, 100, 100, 100, 100];
    assert.deepEqual(
      {
        maxMessageBytes: result.max_message_bytes,
        afterAlter: result.max_message_bytes_after_alter,
        acked: result.acked,
        consumed: result.consumed,
        distinct: result.consumed_distinct,
        committedByConsumer: result.committed_by_consumer,
        committedByAdmin: result.committed_by_admin,
        groups: result.groups,
        groupState: result.group_state,
        groupMembers: result.group_members,
        deleted: result.deleted,
      },
      {
        maxMessageBytes: '200000',
        afterAlter: '300000',
        acked: 500,
        consumed: 500,
        distinct: 500,
        committedByConsumer: fives,
        committedByAdmin: fives,
        groups: ['kp-group'],
        groupState: 'Stable',
        groupMembers: 1,
        deleted: true,
      },
    );
  });

  it('kafkajs: admin, idempotent acks=all producer, consumer group with committed offsets', async () => {
    const result = await report(process.execPath, [
      script('kafkajs-cluster.mjs'),
      cluster.bootstrap,
      'kafkajs-rf3',
      'kafkajs-group',
    ]);
    assert.deepEqual(result.brokers, [1, 2, 3]);
    assert.equal(result.controllerKnown, true);
    assertReplicatedOverCluster(result.createdPartitions as Record<string, PartitionState>, 3);
    assertReplicatedOverCluster(result.afterCreatePartitions as Record<string, PartitionState>, 4);
    assert.deepEqual(
      {
        created: result.created,
        configs: result.configs,
        afterAlter: result.configsAfterAlter,
        sentErrors: result.sentErrors,
        consumed: result.consumed,
        distinct: result.consumedDistinct,
        committed: result.committed,
        groupListed: result.groupListed,
        groupState: result.groupState,
        groupMembers: result.groupMembers,
        deleted: result.deleted,
      },
      {
        created: true,
        configs: { 'min.insync.replicas': '2', 'segment.bytes': '1048576' },
        afterAlter: { 'min.insync.replicas': '2', 'segment.bytes': '2097152' },
        sentErrors: 0,
        consumed: 400,
        distinct: 400,
        committed: [100, 100, 100, 100],
        groupListed: true,
        groupState: 'Stable',
        groupMembers: 1,
        deleted: true,
      },
    );
  });

  it('@platformatic/kafka: admin, idempotent acks=all producer, consumer group with committed offsets', async () => {
    const result = await report(process.execPath, [
      script('platformatic-cluster.mjs'),
      cluster.bootstrap,
      'platformatic-rf3',
      'platformatic-group',
    ]);
    assert.deepEqual(result.brokers, [1, 2, 3]);
    assert.equal(result.controllerKnown, true);
    assertReplicatedOverCluster(result.createdPartitions as Record<string, PartitionState>, 3);
    assertReplicatedOverCluster(result.afterCreatePartitions as Record<string, PartitionState>, 6);
    assert.deepEqual(
      {
        created: result.created,
        listed: result.listed,
        retention: result.retentionMs,
        afterAlter: result.retentionMsAfterAlter,
        consumed: result.consumed,
        distinct: result.consumedDistinct,
        committed: result.committed,
        groupListed: result.groupListed,
        groupState: result.groupState,
        groupMembers: result.groupMembers,
        deleted: result.deleted,
      },
      {
        created: { partitions: 3, replicas: 3 },
        listed: true,
        retention: '3600000',
        afterAlter: '7200000',
        consumed: 300,
        distinct: 300,
        committed: [50, 50, 50, 50, 50, 50],
        groupListed: true,
        groupState: 'STABLE',
        groupMembers: 1,
        deleted: true,
      },
    );
  });

  it('sarama: ClusterAdmin, idempotent acks=all producer, consumer group with committed offsets', async () => {
    const result = await report(await sarama, [cluster.bootstrap, 'sarama-rf3', 'sarama-group']);
    assert.deepEqual(result.brokers, [1, 2, 3]);
    assert.ok([1, 2, 3].includes(result.controller as number));
    assertReplicatedOverCluster(result.created as Record<string, PartitionState>, 3);
    assertReplicatedOverCluster(result.afterCreatePartitions as Record<string, PartitionState>, 4);
    assert.deepEqual(
      {
        retention: result.retentionMs,
        afterAlter: result.retentionMsAfterAlter,
        produced: result.produced,
        consumed: result.consumed,
        distinct: result.consumedDistinct,
        committed: result.committed,
        groupListed: result.groupListed,
        groupState: result.groupState,
        groupMembers: result.groupMembers,
        deleted: result.deleted,
      },
      {
        retention: '3600000',
        afterAlter: '7200000',
        produced: 300,
        consumed: 300,
        distinct: 300,
        committed: [75, 75, 75, 75],
        groupListed: true,
        groupState: 'Stable',
        groupMembers: 1,
        deleted: true,
      },
    );
  });

  it('confluent-kafka-python carries on through a leader stopped with SIGTERM and restarted: nothing lost or duplicated', async (t) => {
    const topic = 'failover-rf3';
    const group = 'failover-group';
    const count = 1500;
    let stopped = 0;
    const child = spawn(PYTHON, [
      script('confluent_failover.py'),
      cluster.bootstrap,
      topic,
      group,
      String(count),
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      await waitFor(
        '300 acknowledged records',
        async () => (/^acked 300$/m.test(stdout) ? true : null),
        60_000,
      );
      // The broker to stop is the group's coordinator (leader of its __consumer_offsets partition), and so that
      // leads a partition of the topic too: the producer, the consumer and the group all move.
      const leader = await waitFor('the group coordinator', async () => {
        const offsets = await kcatPartitions(cluster.bootstrap, CONSUMER_OFFSETS_TOPIC);
        return offsets[String(offsetsPartitionFor(group, 50))]?.leader ?? null;
      });
      const before = await kcatPartitions(cluster.bootstrap, topic);
      assert.ok(
        Object.values(before).some((p) => p.leader === leader),
        `the coordinator ${leader} leads a partition: ${JSON.stringify(before)}`,
      );
      stopped = leader;
      await cluster.signal(leader, 'SIGTERM');
      const survivors = cluster.brokers
        .filter((broker) => broker.layout.nodeId !== leader)
        .map((broker) => `127.0.0.1:${broker.layout.port}`)
        .join(',');
      // Controlled shutdown moves leadership before the process exits; the survivors learn it a moment later.
      await waitFor('a surviving broker leading every partition', async () => {
        const moved = await kcatPartitions(survivors, topic);
        return Object.values(moved).every((p) => p.leader !== leader && p.leader > 0) ? true : null;
      });
      await cluster.start(leader);
      assert.equal(await exited, 0, `${stdout}\n${stderr}`);
    } finally {
      child.kill();
    }
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    t.diagnostic(`commits retried while the coordinator moved: ${String(result.commit_retries)}`);
    assert.deepEqual(
      {
        acked: result.acked,
        ackedDistinct: result.acked_distinct,
        failed: result.failed,
        received: result.received_distinct,
        twice: result.received_twice,
        missing: result.missing,
      },
      { acked: count, ackedDistinct: count, failed: [], received: count, twice: [], missing: [] },
    );
    const stored = await kcatReadAll(cluster.bootstrap, topic, { format: '%p:%s\n' });
    assert.equal(stored.length, count, 'every record stored exactly once');
    for (const partition of [0, 1, 2]) {
      const numbers = stored
        .filter((line) => line.startsWith(`${partition}:`))
        .map((line) => Number(line.slice(3)));
      assert.deepEqual(
        numbers,
        Array.from({ length: count / 3 }, (_, i) => i * 3 + partition),
        `partition ${partition} holds its records once each, in order`,
      );
    }
    const healed = await waitFor('the restarted broker back in every ISR', async () => {
      const state = await kcatPartitions(cluster.bootstrap, topic);
      return Object.values(state).every((p) => p.isr.length === 3) ? state : null;
    });
    assert.equal(Object.keys(healed).length, 3);
    // Fenced by its controlled shutdown, the restarted process registers at once (no DUPLICATE_BROKER_REGISTRATION).
    const restarted = cluster.brokers.find((broker) => broker.layout.nodeId === stopped)!;
    assert.doesNotMatch(restarted.output, /registration refused/);
  });
});
