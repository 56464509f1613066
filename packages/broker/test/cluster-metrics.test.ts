/**
 * Each broker of a 3-broker cluster (each its own `sluice broker` process, as `sluice cluster` starts them)
 * serves its own /metrics: a replicated topic's records count on its leader alone, every broker holds a replica,
 * and none is under-replicated once the followers caught up.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { fileURLToPath } from 'node:url';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { waitForBrokers } from './support/cluster-tools.ts';
import { runOk } from './support/run.ts';
import { parseExposition, samplesOf, valueOf, type Sample } from './support/prometheus-text.ts';

const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const TOPIC = 'cluster-metrics';
const RECORDS = 7;

describe('per-broker metrics of a cluster', () => {
  let cluster: ClusterProcess;
  let urls: string[];

  before(async () => {
    cluster = await startCluster({ brokers: 3 });
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
});
