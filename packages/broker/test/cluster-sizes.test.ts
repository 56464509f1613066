/**
 * The other quorum sizes of combined mode: a single KRaft node (its own controller, restartable), and five nodes
 * that keep working when a minority of two, the active controller among them, is SIGKILLed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import {
  brokerCount,
  createTopic,
  FAST_FAILURE_DETECTION,
  partitionStates,
  waitFor,
} from './support/cluster-tools.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

async function produceLines(bootstrap: string, topic: string, lines: string[]) {
  await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic, '-X', 'acks=all'], {
    input: `${lines.join('\n')}\n`,
    timeoutMs: 60_000,
  });
}

/** The node id of the active controller, from DescribeCluster as kafka-python reports it. */
async function activeController(bootstrap: string): Promise<number> {
  const { stdout } = await runOk('/usr/bin/python3', [
    '-c',
    [
      'import sys',
      'from kafka.admin import KafkaAdminClient',
      'admin = KafkaAdminClient(bootstrap_servers=sys.argv[1].split(","))',
      'print(admin.describe_cluster()["controller_id"])',
      'admin.close()',
    ].join('\n'),
    bootstrap,
  ]);
  return Number(stdout.trim());
}

describe('a single-node KRaft cluster', () => {
  let cluster: ClusterProcess;
  before(async () => {
    cluster = await startCluster({ brokers: 1, configs: FAST_FAILURE_DETECTION });
  });
  after(async () => {
    await cluster?.stopAll();
  });

  it('is its own controller, serves topics, and comes back with its data after a restart', async () => {
    await waitFor('the node registered', async () =>
      (await brokerCount(cluster.bootstrap)) === 1 ? true : null,
    );
    await createTopic(cluster.bootstrap, 'solo', 2, 1);
    const values = Array.from({ length: 50 }, (_, i) => `solo-${i}`);
    await produceLines(cluster.bootstrap, 'solo', values);
    await cluster.signal(1, 'SIGTERM');
    await cluster.start(1);
    await waitFor('the topic led again', async () => {
      const states = await partitionStates(cluster.bootstrap, ['solo']);
      return states.length === 2 && states.every((s) => s.leader === 1) ? true : null;
    });
    assert.deepEqual((await kcatReadAll(cluster.bootstrap, 'solo')).sort(), [...values].sort());
    await createTopic(cluster.bootstrap, 'solo-after-restart', 1, 1);
  });
});

describe('a 5-node cluster', () => {
  let cluster: ClusterProcess;
  before(async () => {
    cluster = await startCluster({ brokers: 5, configs: FAST_FAILURE_DETECTION });
  });
  after(async () => {
    await cluster?.stopAll();
  });

  it('keeps working, metadata changes included, with a minority of two (the controller among them) SIGKILLed', async () => {
    await waitFor('five brokers registered', async () =>
      (await brokerCount(cluster.bootstrap)) === 5 ? true : null,
    );
    // min.insync.replicas stays 1: with two of five brokers gone, some partitions keep one replica of three.
    await createTopic(cluster.bootstrap, 'five', 5, 3);
    const first = Array.from({ length: 100 }, (_, i) => `before-${i}`);
    await produceLines(cluster.bootstrap, 'five', first);

    const controller = await activeController(cluster.bootstrap);
    const other = controller === 1 ? 2 : 1;
    await cluster.signal(controller, 'SIGKILL');
    await cluster.signal(other, 'SIGKILL');
    const survivors = cluster.brokers
      .filter((b) => ![controller, other].includes(b.layout.nodeId))
      .map((b) => `127.0.0.1:${b.layout.port}`)
      .join(',');

    const successor = await waitFor('a new active controller among the survivors', async () => {
      const id = await activeController(survivors);
      return id > 0 && id !== controller && id !== other ? id : null;
    });
    assert.notEqual(successor, controller);
    await waitFor('the two killed brokers fenced', async () =>
      (await brokerCount(survivors)) === 3 ? true : null,
    );
    await waitFor('every partition led by a survivor', async () => {
      const states = await partitionStates(survivors, ['five']);
      return states.length === 5 && states.every((s) => ![controller, other, -1].includes(s.leader))
        ? true
        : null;
    });
    await createTopic(survivors, 'five-after', 3, 3);
    const second = Array.from({ length: 100 }, (_, i) => `after-${i}`);
    await produceLines(survivors, 'five', second);
    assert.deepEqual((await kcatReadAll(survivors, 'five')).sort(), [...first, ...second].sort());

    await cluster.start(controller);
    await cluster.start(other);
    let last = '';
    await waitFor(
      'all five back, every replica in sync',
      async () => {
        const states = await partitionStates(cluster.bootstrap, ['five', 'five-after']);
        const brokers = await brokerCount(cluster.bootstrap);
        last = `${brokers} brokers; ${JSON.stringify(states)}`;
        return brokers === 5 && states.length === 8 && states.every((s) => s.isr.length === 3) ? true : null;
      },
      90_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last seen: ${last}`);
    });
  });
});
