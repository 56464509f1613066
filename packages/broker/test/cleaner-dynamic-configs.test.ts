/**
 * The log cleaner's configs change at runtime as in Kafka (LogCleaner is a BrokerReconfigurable), through
 * confluent-kafka-python's AlterConfigs of a broker resource, as kafka-configs.sh --entity-type brokers sends it:
 * log.cleaner.threads refuses counts Kafka refuses, with Kafka's messages, and takes the others; an accepted
 * change starts a cleaning round at once, without waiting out log.cleaner.backoff.ms; the values are described
 * as dynamic broker configs.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { Kafka, logLevel } from 'kafkajs';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const ALTER = fileURLToPath(new URL('./clients/confluent_alter_broker.py', import.meta.url));
const TOPIC = 'dynamic-cleaner';
const SOURCE_DYNAMIC_BROKER = 2;

interface CleanerStatus {
  topic: string;
  partition: number;
  passes: number;
  recordsRemoved: number;
}

describe('dynamic log cleaner configs', () => {
  let broker: BrokerProcess;
  let cleanerUrl: URL;
  let brokerId: string;

  const alter = async (configs: Record<string, string>) => {
    const { stdout } = await runOk(PYTHON, [ALTER, broker.bootstrap, brokerId, JSON.stringify(configs)], {
      timeoutMs: 60_000,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      outcome: 'ok' | [string, string];
      described: Record<string, { value: string; source: number }>;
    };
  };
  const status = async () =>
    ((await (await fetch(cleanerUrl)).json()) as CleanerStatus[]).find((s) => s.topic === TOPIC)!;

  before(async () => {
    // A long backoff: after its first round the cleaner rests for 10 minutes unless a reconfiguration wakes it.
    broker = await startBroker({
      configs: { 'log.cleaner.backoff.ms': '600000', 'log.cleaner.threads': '1' },
    });
    const metrics = /serving metrics on (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(broker.output())?.[1];
    assert.ok(metrics, broker.output());
    cleanerUrl = new URL(`/v1/cleaner?topic=${TOPIC}`, metrics);

    const kafka = new Kafka({
      clientId: 'dynamic-cleaner',
      brokers: [broker.bootstrap],
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    brokerId = String((await admin.describeCluster()).brokers[0]!.nodeId);
    await admin.createTopics({
      topics: [
        {
          topic: TOPIC,
          configEntries: [
            { name: 'cleanup.policy', value: 'compact' },
            { name: 'segment.bytes', value: '4096' },
            { name: 'min.cleanable.dirty.ratio', value: '0.01' },
          ],
        },
      ],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < 40; i++)
      await producer.send({
        topic: TOPIC,
        messages: Array.from({ length: 10 }, (_, j) => ({ key: `k${j}`, value: `v${i}-${'x'.repeat(40)}` })),
      });
    await producer.disconnect();
  });
  after(async () => {
    await broker?.stop();
  });

  it("refuses thread counts Kafka's LogCleaner refuses, with Kafka's messages, and cleans nothing meanwhile", async () => {
    assert.deepEqual((await alter({ 'log.cleaner.threads': '3' })).outcome, [
      'INVALID_REQUEST',
      'Log cleaner threads cannot be increased to more than double the current value 1',
    ]);
    assert.deepEqual((await alter({ 'log.cleaner.threads': '0' })).outcome, [
      'INVALID_REQUEST',
      'Log cleaner threads should be at least 1',
    ]);
    const before = await status();
    assert.equal(before.passes, 0, 'the cleaner is resting out its backoff: nothing was cleaned yet');
  });

  it('takes log.cleaner.threads=2 and a throttle, describes them as dynamic, and starts a round at once', async () => {
    const started = Date.now();
    const result = await alter({
      'log.cleaner.threads': '2',
      'log.cleaner.io.max.bytes.per.second': '10485760',
    });
    assert.equal(result.outcome, 'ok');
    assert.deepEqual(result.described, {
      'log.cleaner.threads': { value: '2', source: SOURCE_DYNAMIC_BROKER },
      'log.cleaner.io.max.bytes.per.second': { value: '10485760', source: SOURCE_DYNAMIC_BROKER },
    });
    let cleaned: CleanerStatus | undefined;
    while (Date.now() - started < 30_000) {
      const current = await status();
      if (current.passes > 0) {
        cleaned = current;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(cleaned, 'the reconfiguration started a cleaning round long before log.cleaner.backoff.ms');
    assert.ok(cleaned.recordsRemoved > 0, `superseded records removed: ${JSON.stringify(cleaned)}`);
    // Halving is allowed; below half of the current value is not.
    assert.deepEqual((await alter({ 'log.cleaner.threads': '1' })).outcome, 'ok');
  });
});
