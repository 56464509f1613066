/**
 * Retention by size (retention.bytes) and by time (retention.ms) in a running broker: whole segments go, the log
 * start offset moves to the first segment left, and consumers whose committed offset fell behind it are answered
 * OFFSET_OUT_OF_RANGE and reset as auto.offset.reset says (confluent-kafka-python): earliest to the new log start
 * offset, latest to the high watermark, and "error" reports the out-of-range reset to the application.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./clients/retention_reset.py', import.meta.url));
const TOPIC = 2;
const RECORDS = 100;

describe('retention moves the log start offset; consumers behind it reset', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  before(async () => {
    broker = await startBroker({ configs: { 'log.retention.check.interval.ms': '200' } });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  const cases: [string, Record<string, string>][] = [
    ['retention.bytes', { 'retention.bytes': '2048' }],
    ['retention.ms', { 'retention.ms': '1000' }],
  ];
  for (const [name, retention] of cases) {
    it(`by ${name}`, async () => {
      const topic = `by-${name.replace('.', '-')}`;
      const created = await client.request(ApiKey.CreateTopics, {
        topics: [
          {
            name: topic,
            numPartitions: 1,
            replicationFactor: 1,
            assignments: [],
            configs: [{ name: 'segment.bytes', value: '1024' }],
          },
        ],
        timeoutMs: 10_000,
        validateOnly: false,
      });
      assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
      const lines = Array.from({ length: RECORDS }, (_, i) => `k${i}:value-${String(i).padStart(4, '0')}\n`);
      await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', topic, '-K:', '-X', 'batch.num.messages=4'], {
        input: lines.join(''),
      });
      await runOk(PYTHON, [SCRIPT, broker.bootstrap, topic, 'commit'], { timeoutMs: 90_000 });

      const altered = await client.request(ApiKey.IncrementalAlterConfigs, {
        resources: [
          {
            resourceType: TOPIC,
            resourceName: topic,
            configs: Object.entries(retention).map(([key, value]) => ({
              name: key,
              configOperation: 0,
              value,
            })),
          },
        ],
        validateOnly: false,
      });
      assert.equal(altered.responses[0]!.errorCode, ErrorCode.NONE);

      // The first record a reader from the beginning gets is at the new log start offset.
      let first = 0;
      const deadline = Date.now() + 30_000;
      while (first <= 3) {
        assert.ok(Date.now() < deadline, `retention by ${name} never moved the log start offset past 3`);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const read = await kcatReadAll(broker.bootstrap, topic, { format: '%o\n' });
        first = Number(read[0]);
        assert.equal(
          read.length,
          RECORDS - first,
          'whole segments went: everything from the log start is left',
        );
      }

      const { stdout } = await runOk(PYTHON, [SCRIPT, broker.bootstrap, topic, 'reset'], {
        timeoutMs: 120_000,
      });
      const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
      assert.equal(report.high_watermark, RECORDS);
      assert.ok(report.log_start_offset >= first && report.log_start_offset > 3, JSON.stringify(report));
      assert.deepEqual(
        {
          earliest: report.earliest_first_offset,
          error: report.error_reset,
          latestFirst: report.latest_first,
        },
        {
          earliest: report.log_start_offset,
          error: { code: true, out_of_range: true },
          latestFirst: [RECORDS, 'after-reset'],
        },
      );
    });
  }
});
