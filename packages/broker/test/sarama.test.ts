/**
 * Go sarama (Debian's golang-github-shopify-sarama-dev, built offline in GOPATH mode) against the broker, with
 * its default protocol version (0.8.2: Produce v0 and Fetch v0, message format v0, converted by the broker)
 * and with a modern one (V2_0_0_0: Produce v6, Fetch v8, message format v2).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const SOURCE = fileURLToPath(new URL('./clients/sarama', import.meta.url));

describe('sarama against the broker', () => {
  let broker: BrokerProcess;
  let binary: string;
  before(async () => {
    const buildDir = tempDataDir('sarama-');
    binary = join(buildDir, 'sarama-client');
    await runOk('go', ['build', '-o', binary, '.'], {
      cwd: SOURCE,
      timeoutMs: 180_000,
      env: {
        ...process.env,
        GO111MODULE: 'off',
        GOPATH: `/usr/share/gocode:${join(buildDir, 'gopath')}`,
        GOFLAGS: '',
        GOCACHE: join(buildDir, 'cache'),
      },
    });
    // Two partitions per auto-created topic, as in the report: sarama writes to partition 0 only.
    broker = await startBroker({ configs: { 'num.partitions': '2' } });
  });
  after(async () => {
    await broker?.stop();
  });

  // Regression (issue 11): sarama's batches carry no timestamp; appends failed once a segment had taken
  // index.interval.bytes (about 4 KiB), so thousands of records into one partition are the test.
  const RECORDS = 10_000;
  for (const [name, version] of [
    ["sarama's default protocol version (Produce v0, message format v0)", 'default'],
    ['protocol version 2.0.0 (Produce v6, message format v2)', '2.0.0'],
  ] as const) {
    it(`produces ${RECORDS} records one by one into one partition and reads them back in order, with ${name}`, async () => {
      const topic = `sarama-${version.replaceAll('.', '-')}`;
      const { stdout } = await runOk(binary, [broker.bootstrap, topic, version, String(RECORDS)], {
        timeoutMs: 240_000,
      });
      const report = JSON.parse(stdout.trim()) as {
        producedOffsets: number[];
        consumedOffsets: number[];
        values: string[];
      };
      const offsets = Array.from({ length: RECORDS }, (_, i) => i);
      assert.deepEqual(report.producedOffsets, offsets);
      assert.deepEqual(report.consumedOffsets, offsets);
      assert.deepEqual(
        report.values,
        offsets.map((i) => `k${i}=v${i}`),
      );
    });
  }
});
