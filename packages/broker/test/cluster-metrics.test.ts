/**
 * Each broker of a 3-broker cluster (each its own `sluice broker` process, as `sluice cluster` starts them)
 * serves its own /metrics: a replicated topic's records count on its leader alone, every broker holds a replica,
 * none is under-replicated once the followers caught up, and with a broker SIGKILLed the survivors report
 * its single-replica partition offline and the others under-replicated.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { fileURLToPath } from 'node:url';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { FAST_FAILURE_DETECTION, waitFor, waitForBrokers } from './support/cluster-tools.ts';
import { runOk } from './support/run.ts';
import { parseExposition, samplesOf, valueOf, type Sample } from './support/prometheus-text.ts';

const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const TOPIC = 'cluster-metrics';
const RECORDS = 7;
const SINGLE_REPLICA_TOPIC = 'cluster-metrics-single';

describe('per-broker metrics of a cluster', () => {
  let cluster: ClusterProcess;
  let urls: string[];

  before(async () => {
    cluster = await startCluster({ brokers: 3, configs: FAST_FAILURE_DETECTION });
    await waitForBrokers(cluster.bootstrap, 3);
    urls = cluster.brokers.map((broker) => {
      const url = /serving metrics on (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(broker.output)?.[1];
      assert.ok(url, `broker ${broker.layout.nodeId} prints its metrics URL:\n${broker.output}`);
      return url;
    });
    const kafka = new Kafka({
      clientId: 'cluster-metrics',
      brokers: cluster.bootstrap.split(','),
      logLevel: logLevel.NOTHING,
    });
    // Through the CLI, as an operator would: kafkajs's admin asks a controller, which KRaft hides from clients.
    await runOk(process.execPath, [
      CLI,
      'topics',
      'create',
      '--bootstrap-server',
      cluster.bootstrap,
      '--topic',
      TOPIC,
      '--partitions',
      '1',
      '--replication-factor',
      '3',
    ]);
    // One replica, on broker 3: offline once broker 3 is gone.
    await runOk(process.execPath, [
      CLI,
      'topics',
      'create',
      '--bootstrap-server',
      cluster.bootstrap,
      '--topic',
      SINGLE_REPLICA_TOPIC,
      '--replica-assignment',
      '3',
    ]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: TOPIC,
      acks: -1,
      messages: Array.from({ length: RECORDS }, (_, i) => ({ value: `record ${i}` })),
    });
    await producer.disconnect();
  });

  after(async () => {
    await cluster?.stopAll();
  });

  async function scrape(url: string): Promise<Sample[]> {
    const response = await fetch(url);
    assert.equal(response.status, 200);
    return parseExposition(await response.text());
  }

  it('gives each broker its own endpoint, which counts what that broker did', async () => {
    assert.equal(new Set(urls).size, 3, 'three ports');
    // acks=all answered once the followers had the records; their log end offsets are there by now.
    const scrapes = await Promise.all(urls.map(scrape));
    const partition = { topic: TOPIC, partition: '0' };
    for (const [i, samples] of scrapes.entries()) {
      assert.equal(
        valueOf(samples, 'kafka_log_log_logendoffset', partition),
        RECORDS,
        `broker ${i + 1}'s replica`,
      );
      assert.equal(valueOf(samples, 'kafka_server_replicamanager_underreplicatedpartitions'), 0);
      assert.equal(valueOf(samples, 'kafka_controller_kafkacontroller_offlinepartitionscount'), 0);
      assert.ok(
        valueOf(samples, 'sluice_broker_partitions') >= 1,
        'the offline count looks at every partition',
      );
    }
    const messagesIn = scrapes.map(
      (samples) =>
        samplesOf(samples, 'kafka_server_brokertopicmetrics_messagesin_total', { topic: TOPIC })[0]?.value ??
        0,
    );
    assert.deepEqual(
      messagesIn.toSorted((a, b) => a - b),
      [0, 0, RECORDS],
      'the leader appended the producer batch; followers replicate, which Kafka does not count as messages in',
    );
  });

  it('shows an under-replicated and an offline partition while a broker is down', async () => {
    await cluster.signal(3, 'SIGKILL');
    const survivors = urls.slice(0, 2);
    const { offline, underReplicated } = await waitFor(
      'broker 3 fenced: its partitions offline or shrunk',
      async () => {
        const scrapes = await Promise.all(survivors.map(scrape));
        const offline = Math.max(
          ...scrapes.map((s) => valueOf(s, 'kafka_controller_kafkacontroller_offlinepartitionscount')),
        );
        const underReplicated = scrapes.reduce(
          (sum, s) => sum + valueOf(s, 'kafka_server_replicamanager_underreplicatedpartitions'),
          0,
        );
        return offline >= 1 && underReplicated >= 1 ? { offline, underReplicated } : null;
      },
      30_000,
    );
    assert.equal(offline, 1, `${SINGLE_REPLICA_TOPIC}-0 has no leader`);
    assert.ok(underReplicated >= 1, 'partitions replicated to broker 3 shrank their ISR');
  });
});
