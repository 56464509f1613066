/**
 * A 3-broker Sluice cluster, each broker its own OS process started with the command line `sluice cluster`
 * prints: KRaft quorum, registration, replicated topics, and a leader SIGKILLed under an idempotent acks=all
 * producer. Nothing acknowledged may be lost or duplicated, and the killed broker, restarted with its own command
 * line, rejoins the ISR.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import {
  createTopic,
  FAST_FAILURE_DETECTION,
  logBytes,
  partitionState,
  produceOne,
  script,
  sluice,
  SLUICE_BIN,
  waitFor,
  waitForBrokers,
} from './support/cluster-tools.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

describe('a 3-broker cluster', () => {
  let cluster: ClusterProcess;
  before(async () => {
    cluster = await startCluster({
      brokers: 3,
      // Kafka's names; a shorter session than the 9 s default keeps the test quick.
      configs: {
        ...FAST_FAILURE_DETECTION,
      },
    });
  });
  after(async () => {
    await cluster?.stopAll();
  });

  it('elects a controller, registers every broker, and creates a topic with 3 replicas in sync', async () => {
    const bootstrap = cluster.bootstrap;
    await waitForBrokers(bootstrap, 3);
    await createTopic(bootstrap, 'replicated', 3, 3);
    for (const partition of [0, 1, 2]) {
      const state = await waitFor(`partition ${partition} with 3 in sync`, async () => {
        const s = await partitionState(bootstrap, 'replicated', partition);
        return s && s.isr.length === 3 ? s : null;
      });
      assert.deepEqual(state.replicas, [1, 2, 3]);
    }
  });

  it('loses and duplicates nothing acknowledged when the leader is SIGKILLed under an idempotent producer', async () => {
    const topic = 'replicated';
    const count = 600;
    const { leader } = await waitFor('a leader for partition 0', async () => {
      const s = await partitionState(cluster.bootstrap, topic, 0);
      return s && s.leader > 0 ? s : null;
    });
    const producer = spawn(process.execPath, [
      script('kafkajs-failover.mjs'),
      cluster.bootstrap,
      topic,
      String(count),
    ]);
    let output = '';
    producer.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => producer.once('exit', resolve));
    await waitFor('200 acknowledged records', async () =>
      (output.match(/^ack /gm)?.length ?? 0) >= 200 ? true : null,
    );
    await cluster.signal(leader, 'SIGKILL');
    assert.equal(await exited, 0, output);
    assert.match(output, /done failed=0/);
    const acknowledged = [...output.matchAll(/^ack (\d+)$/gm)].map((m) => `record-${m[1]}`);
    assert.equal(acknowledged.length, count);

    const survivor = cluster.brokers.find((b) => b.layout.nodeId !== leader)!.layout.port;
    const state = await waitFor('a surviving leader', async () => {
      const s = await partitionState(`127.0.0.1:${survivor}`, topic, 0);
      return s && s.leader > 0 ? s : null;
    });
    assert.notEqual(state.leader, leader, 'a surviving broker leads');
    const stored = await kcatReadAll(`127.0.0.1:${survivor}`, topic, { partition: 0 });
    assert.deepEqual(stored, acknowledged, 'every acknowledged record exactly once, in order');

    await cluster.start(leader);
    const healed = await waitFor('the restarted broker back in the ISR', async () => {
      const s = await partitionState(cluster.bootstrap, topic, 0);
      return s && s.isr.length === 3 ? s : null;
    });
    assert.deepEqual(healed.isr, [1, 2, 3]);
    const replicaBytes = cluster.brokers.map((broker) => logBytes(join(broker.layout.dataDir, `${topic}-0`)));
    assert.equal(
      new Set(replicaBytes).size,
      1,
      `every replica holds the same log: ${replicaBytes.join(', ')}`,
    );
  });

  it('runs a kafkajs consumer group: __consumer_offsets is created by the controller with 3 replicas', async () => {
    const consume = () =>
      runOk(
        process.execPath,
        [
          script('kafkajs-group.mjs'),
          cluster.bootstrap.split(',')[0]!,
          'cluster-group',
          'replicated',
          '3000',
        ],
        {
          timeoutMs: 90_000,
        },
      );
    const first = await consume();
    const consumed = first.stdout.split('\n').filter((line) => /^\d+:\d+:/.test(line));
    assert.equal(consumed.length, 600, first.stdout.slice(-2000));
    const offsets = await waitFor('__consumer_offsets with 3 in-sync replicas', async () => {
      const s = await partitionState(cluster.bootstrap, '__consumer_offsets', 0);
      return s && s.isr.length === 3 ? s : null;
    });
    assert.deepEqual(offsets.replicas, [1, 2, 3]);
    const second = await consume();
    assert.equal(
      second.stdout.split('\n').filter((line) => /^\d+:\d+:/.test(line)).length,
      0,
      'the group resumes from its committed offsets',
    );
  });

  it('drops a SIGSTOPped follower from the ISR; with min.insync.replicas=2 acks=all is refused until it is back', async () => {
    const topic = 'strict';
    await createTopic(cluster.bootstrap, topic, 1, 2, ['min.insync.replicas=2']);
    const before = await waitFor('both replicas in sync', async () => {
      const s = await partitionState(cluster.bootstrap, topic, 0);
      return s && s.isr.length === 2 ? s : null;
    });
    const accepted = await produceOne(cluster.bootstrap, topic, 'with-both');
    assert.equal(accepted.code, 0, accepted.stderr);
    const follower = before.replicas.find((id) => id !== before.leader)!;
    await cluster.signal(follower, 'SIGSTOP');
    try {
      const shrunk = await waitFor('the ISR without the paused follower', async () => {
        const s = await partitionState(cluster.bootstrap, topic, 0);
        return s && s.isr.length === 1 ? s : null;
      });
      assert.deepEqual(shrunk.isr, [before.leader]);
      const refused = await produceOne(cluster.bootstrap, topic, 'with-one');
      assert.notEqual(refused.code, 0, 'an acks=all write with one in-sync replica must fail');
      assert.match(refused.stderr, /Not enough in-sync replicas/i);
    } finally {
      await cluster.signal(follower, 'SIGCONT');
    }
    await waitFor('the follower back in the ISR', async () => {
      const s = await partitionState(cluster.bootstrap, topic, 0);
      return s && s.isr.length === 2 ? s : null;
    });
    // The leader may apply the ISR change a moment after the broker kcat asked: NOT_ENOUGH_REPLICAS is retriable.
    await waitFor('an acks=all write accepted again', async () => {
      const again = await produceOne(cluster.bootstrap, topic, 'with-both-again');
      return again.code === 0 ? true : null;
    });
    assert.deepEqual(await kcatReadAll(cluster.bootstrap, topic), ['with-both', 'with-both-again']);
  });

  it('elects a new controller when the active one is SIGKILLed, and metadata changes keep working', async () => {
    let listing = '';
    const controller = await waitFor('an active controller', async () => {
      listing = (await runOk('kcat', ['-b', cluster.bootstrap, '-L', '-m', '5'])).stdout;
      const match = /broker (\d+) at \S+ \(controller\)/.exec(listing);
      return match ? Number(match[1]) : null;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; last metadata:\n${listing}`);
    });
    await cluster.signal(controller, 'SIGKILL');
    const survivors = cluster.brokers
      .filter((b) => b.layout.nodeId !== controller)
      .map((b) => `127.0.0.1:${b.layout.port}`)
      .join(',');
    const successor = await waitFor('another controller', async () => {
      const listing = await runOk('kcat', ['-b', survivors, '-L', '-m', '5']);
      const match = /broker (\d+) at \S+ \(controller\)/.exec(listing.stdout);
      return match && Number(match[1]) !== controller ? Number(match[1]) : null;
    });
    assert.notEqual(successor, controller);
    // Once its session has expired the killed broker is fenced: no longer listed, and given no new replicas.
    await waitFor('the killed broker fenced', async () => {
      const { stdout } = await runOk('kcat', ['-b', survivors, '-L', '-m', '5']);
      return /2 brokers:/.test(stdout) ? true : null;
    });
    await createTopic(survivors, 'after-controller-failover', 2, 2);
    const state = await waitFor('the new topic led', async () => {
      const s = await partitionState(survivors, 'after-controller-failover', 1);
      return s && s.leader > 0 && s.isr.length === 2 ? s : null;
    });
    assert.ok(!state.replicas.includes(controller), 'replicas placed on live brokers only');
    await cluster.start(controller);
    await waitFor('the restarted broker registered and unfenced', async () => {
      const { stdout } = await runOk('kcat', ['-b', cluster.bootstrap, '-L', '-m', '5']);
      return /3 brokers:/.test(stdout) ? true : null;
    });
  });

  it('forwards admin requests to the controller at the version the client sent (librdkafka DeleteTopics v1)', async () => {
    // Regression: re-encoded at v6, DeleteTopics v0-5 lost its topic names and librdkafka waited forever.
    await createTopic(cluster.bootstrap, 'to-delete', 1, 3);
    const deleted = await runOk(
      '/usr/bin/python3',
      [
        '-c',
        [
          'import sys',
          'from confluent_kafka.admin import AdminClient',
          'admin = AdminClient({"bootstrap.servers": sys.argv[1]})',
          'admin.delete_topics(["to-delete"])["to-delete"].result(20)',
          'print("deleted")',
        ].join('\n'),
        cluster.bootstrap,
      ],
      { timeoutMs: 60_000 },
    );
    assert.match(deleted.stdout, /deleted/);
    await waitFor('the topic gone from metadata', async () => {
      const { stdout } = await runOk('kcat', ['-b', cluster.bootstrap, '-L', '-m', '5']);
      return stdout.includes('"to-delete"') ? null : true;
    });
  });

  it('reassigns a partition to other brokers: throttled, listed, cancelled, then completed (KIP-455)', async () => {
    const topic = 'moving';
    const bootstrap = cluster.bootstrap;
    const replicaDir = (nodeId: number) => join(cluster.brokers[nodeId - 1]!.layout.dataDir, `${topic}-0`);
    await waitForBrokers(bootstrap, 3);
    await sluice([
      'topics',
      'create',
      '--bootstrap-server',
      bootstrap,
      '--topic',
      topic,
      '--replica-assignment',
      '1',
    ]);
    // About 3 MB: more than one replica fetch (replica.fetch.max.bytes, 1 MiB), so a throttle shows.
    const count = 3000;
    const values = Array.from(
      { length: count },
      (_, i) => `${String(i).padStart(6, '0')}-${'x'.repeat(1000)}`,
    );
    await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', '0', '-X', 'acks=all'], {
      input: `${values.join('\n')}\n`,
      timeoutMs: 60_000,
    });
    const plan = join(cluster.dataDir, 'reassignment.json');
    writeFileSync(
      plan,
      JSON.stringify({ version: 1, partitions: [{ topic, partition: 0, replicas: [2, 3] }] }),
    );
    const planArgs = ['--bootstrap-server', bootstrap, '--reassignment-json-file', plan];

    const started = await sluice(['reassign-partitions', ...planArgs, '--execute', '--throttle', '1000']);
    assert.match(started.stdout, /"replicas":\[1\]/, 'the rollback plan holds the current assignment');
    assert.match(started.stdout, /The inter-broker throttle limit was set to 1000 B\/s/);
    assert.match(started.stdout, /Successfully started partition reassignment for moving-0/);
    const listed = await sluice(['reassign-partitions', '--bootstrap-server', bootstrap, '--list']);
    assert.match(listed.stdout, /moving-0: replicas: 2,3,1\. adding: 2,3\. removing: 1\./);
    // At 1000 B/s the new replicas get one fetch's worth and then are held back.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const leaderBytes = logBytes(replicaDir(1));
    for (const nodeId of [2, 3]) {
      const copied = existsSync(replicaDir(nodeId)) ? logBytes(replicaDir(nodeId)) : 0;
      assert.ok(
        copied < leaderBytes / 2,
        `broker ${nodeId} copied ${copied} of ${leaderBytes} bytes despite the throttle`,
      );
    }
    const verifying = await sluice(['reassign-partitions', ...planArgs, '--verify']);
    assert.match(verifying.stdout, /Reassignment of partition moving-0 is still in progress\./);
    assert.deepEqual((await partitionState(bootstrap, topic, 0))?.isr, [1]);

    const cancelled = await sluice(['reassign-partitions', ...planArgs, '--cancel']);
    assert.match(cancelled.stdout, /Successfully cancelled partition reassignment for: moving-0/);
    assert.match(cancelled.stdout, /Clearing topic-level throttles on topic moving/);
    await waitFor('the original assignment back', async () => {
      const s = await partitionState(bootstrap, topic, 0);
      return s && s.replicas.join() === '1' && !existsSync(replicaDir(2)) && !existsSync(replicaDir(3))
        ? s
        : null;
    });

    await sluice(['reassign-partitions', ...planArgs, '--execute']);
    const done = await waitFor('the reassignment to complete', async () => {
      const { stdout } = await sluice(['reassign-partitions', ...planArgs, '--verify']);
      return stdout.includes('is completed.') ? stdout : null;
    });
    assert.match(done, /Clearing broker-level throttles on brokers 1,2,3/);
    const moved = await waitFor('replicas 2 and 3 in sync, broker 1 without its copy', async () => {
      const s = await partitionState(bootstrap, topic, 0);
      return s && s.isr.join() === '2,3' && !existsSync(replicaDir(1)) ? s : null;
    });
    assert.deepEqual(moved.replicas, [2, 3]);
    assert.ok([2, 3].includes(moved.leader));
    assert.deepEqual(await kcatReadAll(bootstrap, topic, { partition: 0 }), values, 'every record, in order');
    const segments = (nodeId: number) =>
      readdirSync(replicaDir(nodeId))
        .filter((name) => name.endsWith('.log'))
        .sort()
        .map((name) => readFileSync(join(replicaDir(nodeId), name)));
    assert.deepEqual(segments(2), segments(3), 'both new replicas hold the same bytes');
  });

  it('takes in a broker-only node that finds the quorum through controller.quorum.bootstrap.servers, and moves a partition onto it', async () => {
    const bootstrap = cluster.bootstrap;
    const clusterId = /cluster\.id=(\S+)/.exec(
      readFileSync(join(cluster.brokers[0]!.layout.dataDir, 'meta.properties'), 'utf8'),
    )![1]!;
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const dataDir = join(cluster.dataDir, 'broker-4');
    const formatted = await sluice([
      'storage',
      'format',
      '--data-dir',
      dataDir,
      '--cluster-id',
      clusterId,
      '--config',
      'node.id=4',
    ]);
    assert.match(formatted.stdout, /Formatted .* as node 4/);
    const controllers = cluster.brokers.map((b) => `127.0.0.1:${b.layout.controllerPort}`).join(',');
    const fourth = spawn(process.execPath, [
      SLUICE_BIN,
      'broker',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--config',
      'node.id=4',
      '--config',
      'process.roles=broker',
      '--config',
      `controller.quorum.bootstrap.servers=${controllers}`,
      '--config',
      `listeners=PLAINTEXT://127.0.0.1:${port}`,
      '--config',
      'controller.listener.names=CONTROLLER',
      '--config',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      '--config',
      'broker.heartbeat.interval.ms=500',
    ]);
    let output = '';
    fourth.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    fourth.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor('broker 4 registered and unfenced', async () =>
        output.includes('Unfenced: this broker is running') ? true : null,
      );
      await waitFor('four brokers in metadata', async () => {
        const { stdout } = await runOk('kcat', ['-b', bootstrap, '-L', '-m', '5']);
        return /4 brokers:/.test(stdout) ? true : null;
      });
      await sluice([
        'topics',
        'create',
        '--bootstrap-server',
        bootstrap,
        '--topic',
        'joiner',
        '--replica-assignment',
        '1:2',
      ]);
      const values = Array.from({ length: 200 }, (_, i) => `joiner-${i}`);
      await runOk('kcat', ['-b', bootstrap, '-P', '-t', 'joiner', '-X', 'acks=all'], {
        input: `${values.join('\n')}\n`,
      });
      const plan = join(cluster.dataDir, 'onto-4.json');
      writeFileSync(
        plan,
        JSON.stringify({ version: 1, partitions: [{ topic: 'joiner', partition: 0, replicas: [4, 2] }] }),
      );
      await sluice([
        'reassign-partitions',
        '--bootstrap-server',
        bootstrap,
        '--reassignment-json-file',
        plan,
        '--execute',
      ]);
      const moved = await waitFor('the partition on brokers 2 and 4, both in sync', async () => {
        const s = await partitionState(bootstrap, 'joiner', 0);
        return s && s.replicas.join() === '2,4' && s.isr.join() === '2,4' ? s : null;
      });
      assert.ok([2, 4].includes(moved.leader));
      assert.deepEqual(await kcatReadAll(`127.0.0.1:${port}`, 'joiner', { partition: 0 }), values);
    } finally {
      fourth.kill('SIGKILL');
    }
  });
});
