/**
 * A `sluice broker` process's own HTTP endpoint (sluice.http.port): known traffic from kafkajs, then GET /metrics
 * is checked against it (bytes and records in per topic equal what the log holds, request counts equal the
 * request-time histograms' counts, the log end offset), GET /v1/cleaner answers the cleaner's status, and
 * DescribeConfigs shows the setting.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import kafkajs, { Kafka, logLevel } from 'kafkajs';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import {
  metricFamilies,
  parseExposition,
  samplesOf,
  valueOf,
  type Sample,
} from './support/prometheus-text.ts';

// kafkajs is CommonJS: its enums are reachable only through the default export.
const { ConfigResourceTypes } = kafkajs;
const TOPIC = 'metrics-in';
const BATCHES = 3;
const RECORDS_PER_BATCH = 4;
const RECORDS = BATCHES * RECORDS_PER_BATCH;

describe('the broker HTTP endpoint', () => {
  let broker: BrokerProcess;
  let metricsUrl: string;
  let kafka: Kafka;

  before(async () => {
    broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
    const url = /serving metrics on (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(broker.output())?.[1];
    assert.ok(url, `the broker prints its metrics URL:\n${broker.output()}`);
    metricsUrl = url;
    kafka = new Kafka({ clientId: 'metrics-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer();
    await producer.connect();
    for (let batch = 0; batch < BATCHES; batch++)
      await producer.send({
        topic: TOPIC,
        acks: -1,
        messages: Array.from({ length: RECORDS_PER_BATCH }, (_, i) => ({
          key: `k${batch}-${i}`,
          value: `value ${batch}-${i}`,
        })),
      });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: 'metrics-group' });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    let consumed = 0;
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async () => {
            if (++consumed === RECORDS) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
  });

  after(async () => {
    await broker?.stop();
  });

  async function scrape(): Promise<{ text: string; samples: Sample[] }> {
    const response = await fetch(metricsUrl);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    return { text, samples: parseExposition(text) };
  }

  it('counts the produced bytes and records per topic as the log holds them', async () => {
    const { samples } = await scrape();
    const topic = { topic: TOPIC };
    const partition = { topic: TOPIC, partition: '0' };
    assert.equal(valueOf(samples, 'kafka_server_brokertopicmetrics_messagesin_total', topic), RECORDS);
    assert.equal(valueOf(samples, 'kafka_log_log_logendoffset', partition), RECORDS);
    assert.equal(valueOf(samples, 'kafka_log_log_logstartoffset', partition), 0);
    const size = valueOf(samples, 'kafka_log_log_size', partition);
    assert.ok(size > 0, 'the log has bytes');
    assert.equal(
      valueOf(samples, 'kafka_server_brokertopicmetrics_bytesin_total', topic),
      size,
      'bytes in are the batches appended, which are all the log holds',
    );
    assert.ok(
      valueOf(samples, 'kafka_server_brokertopicmetrics_bytesout_total', topic) >= size,
      'the consumer read every batch',
    );
    assert.equal(valueOf(samples, 'kafka_server_replicamanager_underreplicatedpartitions'), 0);
    assert.equal(valueOf(samples, 'kafka_controller_kafkacontroller_offlinepartitionscount'), 0);
    assert.ok(valueOf(samples, 'kafka_server_replicamanager_partitioncount') >= 1);
  });

  it('counts requests by API and times each one in histograms', async () => {
    const { text, samples } = await scrape();
    const produce = { request: 'Produce' };
    const produced = valueOf(samples, 'kafka_network_requestmetrics_requests_total', produce);
    assert.equal(produced, BATCHES, 'one Produce request per send');
    assert.equal(valueOf(samples, 'sluice_broker_requests_total', { api: 'Produce' }), BATCHES);
    for (const histogram of ['totaltimems', 'requestqueuetimems', 'localtimems']) {
      const name = `kafka_network_requestmetrics_${histogram}`;
      assert.equal(metricFamilies(text).get(name), 'histogram');
      assert.equal(valueOf(samples, `${name}_count`, produce), produced, `${name} observed each Produce`);
      assert.equal(valueOf(samples, `${name}_bucket`, { ...produce, le: '+Inf' }), produced);
      assert.ok(samplesOf(samples, `${name}_bucket`, produce).length > 10, 'finite buckets too');
    }
    assert.ok(valueOf(samples, 'kafka_network_requestmetrics_requests_total', { request: 'Fetch' }) >= 1);
    assert.ok(valueOf(samples, 'kafka_network_requestmetrics_totaltimems_sum', { request: 'Fetch' }) > 0);
  });

  it("serves the process's series and the broker's connections and cleaner", async () => {
    const admin = kafka.admin();
    await admin.connect();
    let samples;
    try {
      ({ samples } = await scrape());
    } finally {
      await admin.disconnect();
    }
    assert.ok(valueOf(samples, 'process_resident_memory_bytes') > 0);
    assert.ok(valueOf(samples, 'nodejs_eventloop_lag_p99_seconds') >= 0);
    assert.ok(
      valueOf(samples, 'kafka_server_socket_server_metrics_connection_count', { listener: 'PLAINTEXT' }) >= 1,
      "the admin client's connection",
    );
    assert.equal(valueOf(samples, 'kafka_log_logcleanermanager_uncleanable_partitions_count'), 0);
    assert.ok(valueOf(samples, 'kafka_log_logcleaner_max_dirty_percent') >= 0);
  });

  it('answers the cleaner status as JSON, filtered by topic', async () => {
    const all = (await (await fetch(new URL('/v1/cleaner', metricsUrl))).json()) as { topic: string }[];
    assert.ok(
      all.some((s) => s.topic === '__consumer_offsets'),
      'the compacted offsets topic is listed',
    );
    const response = await fetch(new URL(`/v1/cleaner?topic=${TOPIC}`, metricsUrl));
    assert.equal(response.status, 200);
    const filtered = (await response.json()) as { topic: string; partition: number; cleanupPolicy: string }[];
    assert.deepEqual(
      filtered.map((s) => [s.topic, s.partition, s.cleanupPolicy]),
      [[TOPIC, 0, 'delete']],
    );
    const missing = await fetch(new URL('/nothing', metricsUrl));
    assert.equal(missing.status, 404);
    await missing.text();
    const post = await fetch(metricsUrl, { method: 'POST' });
    assert.equal(post.status, 405);
    await post.text();
  });

  it('describes sluice.http.port as a read-only broker config', async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const { resources } = await admin.describeConfigs({
        resources: [{ type: ConfigResourceTypes.BROKER, name: '1', configNames: ['sluice.http.port'] }],
        includeSynonyms: false,
      });
      const entry = resources[0]!.configEntries.find((e) => e.configName === 'sluice.http.port');
      assert.ok(entry, 'described');
      assert.equal(entry.readOnly, true);
      assert.equal(
        entry.configValue,
        new URL(metricsUrl).port,
        '`sluice broker --port 0` asked for a free port (0); the port bound is described',
      );
    } finally {
      await admin.disconnect();
    }
  });

  it("drops a deleted topic's series, as Kafka removes its topic metrics", async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: [TOPIC] });
    } finally {
      await admin.disconnect();
    }
    const deadline = Date.now() + 10_000;
    let left: Sample[] = [];
    do {
      const { samples } = await scrape();
      left = samples.filter((s) => s.labels.topic === TOPIC);
      if (left.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    } while (Date.now() < deadline);
    assert.deepEqual(
      left.map((s) => s.name),
      [],
      'no series of the deleted topic',
    );
  });
});

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('sluice broker picks its metrics port', () => {
  it('at its Kafka port + 1000 unless told, and prints the URL', async () => {
    let port = 0;
    for (let attempt = 0; attempt < 50 && port === 0; attempt++) {
      const candidate = 20_000 + Math.floor(Math.random() * 10_000);
      if ((await portIsFree(candidate)) && (await portIsFree(candidate + 1000))) port = candidate;
    }
    assert.ok(port > 0, 'a free pair of ports');
    const broker = await startBroker({ port });
    try {
      assert.match(
        broker.output(),
        new RegExp(`serving metrics on http://127\\.0\\.0\\.1:${port + 1000}/metrics`),
      );
      const response = await fetch(`http://127.0.0.1:${port + 1000}/metrics`);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /^# TYPE kafka_network_requestmetrics_totaltimems histogram$/m);
    } finally {
      await broker.stop();
    }
  });

  it('nowhere with sluice.http.port=-1', async () => {
    const broker = await startBroker({ configs: { 'sluice.http.port': '-1' } });
    try {
      assert.doesNotMatch(broker.output(), /serving metrics/);
    } finally {
      await broker.stop();
    }
  });
});
