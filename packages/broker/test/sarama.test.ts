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
    broker = await startBroker();
  });
  after(async () => {
    await broker?.stop();
  });

  it("produces and consumes with sarama's default protocol version (message format v0)", async () => {
    const { stdout } = await runOk(binary, [broker.bootstrap, 'sarama-default', 'default'], {
      timeoutMs: 60_000,
    });
    const report = JSON.parse(stdout.trim());
    assert.equal(report.firstOffset, 0);
    assert.equal(report.lastOffset, 49);
    assert.deepEqual(
      report.values,
      Array.from({ length: 50 }, (_, i) => `k${i}=v${i}`),
    );
  });

  it('produces and consumes with protocol version 2.0.0', async () => {
    const { stdout } = await runOk(binary, [broker.bootstrap, 'sarama-v2', '2.0.0'], { timeoutMs: 60_000 });
    const report = JSON.parse(stdout.trim());
    assert.equal(report.firstOffset, 0);
    assert.equal(report.lastOffset, 49);
    assert.deepEqual(
      report.values,
      Array.from({ length: 50 }, (_, i) => `k${i}=v${i}`),
    );
  });
});
