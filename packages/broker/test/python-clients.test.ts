/**
 * Debian's Python clients against the real broker: confluent-kafka-python (librdkafka) and kafka-python.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));

describe('Python clients against the broker', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker();
  });
  after(async () => {
    await broker.stop();
  });

  it('confluent-kafka-python: admin, idempotent producer (acks=all), assign/seek consumer', async () => {
    const { stdout } = await runOk(PYTHON, [script('confluent_client.py'), broker.bootstrap], {
      timeoutMs: 90_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report, {
      duplicate_create: 'TOPIC_ALREADY_EXISTS',
      bad_config: 'INVALID_CONFIG',
      retention_ms: '3600000',
      retention_source: 1,
      segment_bytes_default: true,
      retention_ms_after_alter: '7200000',
      partitions: 3,
      delivered_ok: 300,
      consumed: 300,
      keys_headers_ok: true,
      after_seek: [1, 10],
      watermarks_p0: [0, 100],
      after_delete: false,
    });
  });

  it('kafka-python: admin, producer (gzip, acks=all), assign/seek consumer', async () => {
    const { stdout } = await runOk(PYTHON, [script('kafka_python_client.py'), broker.bootstrap], {
      timeoutMs: 90_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report, {
      duplicate: 'TopicAlreadyExistsError',
      max_message_bytes: '200000',
      topics: ['kp-topic'],
      acked: 200,
      too_large: 'MessageSizeTooLargeError',
      consumed: 200,
      all_values: true,
      after_seek: [95, 96, 97, 98, 99],
      end_offsets: [100, 100],
      deleted: true,
    });
  });
});
