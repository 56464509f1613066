/**
 * Golden bytes from real clients: every request kcat (librdkafka), confluent-kafka-python, kafkajs and
 * @platformatic/kafka send through a capture proxy must decode, and re-encoding the decoded request must give
 * back the client's bytes exactly. Produce requests must carry exactly the records the client was given.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from '../../../broker/test/support/broker-process.ts';
import { runOk } from '../../../broker/test/support/run.ts';
import { decodeRequest, encodeRequest } from '../../src/frame.ts';
import { ApiKey, apis, type ApiKeyNumber } from '../../src/generated/api-keys.ts';
import type { ProduceRequest } from '../../src/generated/messages/produce-request.ts';
import { decodeRecordBatch, splitBatches } from '../../src/records/record-batch.ts';
import { CaptureProxy } from './capture-proxy.ts';

const clientScript = (name: string) =>
  fileURLToPath(new URL(`../../../broker/test/clients/${name}`, import.meta.url));

interface Captured {
  versions: Set<string>;
  produced: { topic: string; key: string | null; value: string | null; headers: Record<string, string> }[];
}

/** Checks every frame and collects what the Produce requests carried. */
async function verifyFrames(frames: Buffer[], who: string): Promise<Captured> {
  assert.ok(frames.length > 0, `${who} sent nothing`);
  const captured: Captured = { versions: new Set(), produced: [] };
  for (const [i, frame] of frames.entries()) {
    const decoded = decodeRequest(frame);
    assert.ok(decoded.ok, `${who} frame ${i} did not decode: ${decoded.ok ? '' : decoded.error.message}`);
    const { apiKey, apiVersion, correlationId, clientId, body } = decoded.request;
    const name = apis[apiKey].name;
    captured.versions.add(`${name} v${apiVersion}`);
    const again = Buffer.concat(
      encodeRequest(apiKey as ApiKeyNumber, apiVersion, correlationId, clientId, body as never),
    ).subarray(4);
    assert.ok(
      again.equals(frame),
      `${who} ${name} v${apiVersion}: re-encoding differs from the client's bytes\n${frame.toString('hex')}\n${again.toString('hex')}`,
    );
    if (apiKey === ApiKey.Produce) {
      for (const topic of (body as ProduceRequest).topicData) {
        for (const partition of topic.partitionData) {
          for (const { bytes } of splitBatches(partition.records ?? Buffer.alloc(0)).batches) {
            for (const record of (await decodeRecordBatch(bytes)).records) {
              captured.produced.push({
                topic: topic.name,
                key: record.key?.toString() ?? null,
                value: record.value?.toString() ?? null,
                headers: Object.fromEntries(record.headers.map((h) => [h.key, h.value?.toString() ?? ''])),
              });
            }
          }
        }
      }
    }
  }
  return captured;
}

function assertSpeaks(captured: Captured, apisExpected: string[], who: string): void {
  const names = new Set([...captured.versions].map((v) => v.split(' ')[0]));
  for (const api of apisExpected)
    assert.ok(names.has(api), `${who} never sent ${api}: ${[...captured.versions].join(', ')}`);
  console.log(`${who} spoke: ${[...captured.versions].sort().join(', ')}`);
}

describe('golden bytes from real clients', () => {
  let broker: BrokerProcess;
  const proxy = new CaptureProxy();
  let bootstrap: string;
  before(async () => {
    // The broker advertises the proxy's address, so every connection a client opens goes through it.
    bootstrap = `127.0.0.1:${await proxy.listen()}`;
    broker = await startBroker({ configs: { 'advertised.listeners': `PLAINTEXT://${bootstrap}` } });
    proxy.targetPort = broker.port;
  });
  after(async () => {
    await proxy.close();
    await broker.stop();
  });

  const withProxy = async (run: () => Promise<void>) => {
    proxy.frames.length = 0;
    await run();
  };

  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
    it(`kcat (librdkafka) with compression ${codec}`, async () => {
      await withProxy(async () => {
        const topic = `golden-kcat-${codec}`;
        const lines = Array.from({ length: 30 }, (_, i) => `key${i}:value-${codec}-${i}`);
        await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K:', '-z', codec, '-H', 'origin=kcat'], {
          input: `${lines.join('\n')}\n`,
        });
        await runOk('kcat', ['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q']);
        const captured = await verifyFrames(proxy.frames, `kcat/${codec}`);
        assertSpeaks(captured, ['ApiVersions', 'Metadata', 'Produce', 'Fetch'], `kcat (${codec})`);
        assert.deepEqual(
          captured.produced.map((r) => `${r.key}:${r.value}|${r.headers.origin}`),
          lines.map((l) => `${l}|kcat`),
        );
      });
    });
  }

  it('confluent-kafka-python', async () => {
    await withProxy(async () => {
      const { stdout } = await runOk('/usr/bin/python3', [clientScript('confluent_client.py'), bootstrap], {
        timeoutMs: 90_000,
      });
      assert.match(stdout, /"consumed": 300/);
      const captured = await verifyFrames(proxy.frames, 'confluent-kafka-python');
      assertSpeaks(
        captured,
        ['ApiVersions', 'Metadata', 'Produce', 'Fetch', 'CreateTopics', 'DescribeConfigs'],
        'confluent-kafka-python',
      );
      const produced = captured.produced.filter((r) => r.topic === 'py-topic');
      assert.equal(produced.length, 300);
      assert.deepEqual(
        produced.find((r) => r.key === 'k7'),
        { topic: 'py-topic', key: 'k7', value: 'v7', headers: { trace: 't7' } },
      );
    });
  });

  it('kafkajs', async () => {
    await withProxy(async () => {
      await runOk(process.execPath, [clientScript('kafkajs-client.mjs'), bootstrap], { timeoutMs: 60_000 });
      const captured = await verifyFrames(proxy.frames, 'kafkajs');
      assertSpeaks(
        captured,
        ['ApiVersions', 'Metadata', 'Produce', 'CreateTopics', 'ListOffsets'],
        'kafkajs',
      );
      assert.equal(captured.produced.length, 100);
      assert.deepEqual(
        captured.produced.find((r) => r.key === 'k3'),
        { topic: 'js-topic', key: 'k3', value: 'v3', headers: { source: 'kafkajs' } },
      );
    });
  });

  it('@platformatic/kafka', async () => {
    await withProxy(async () => {
      await runOk(process.execPath, [clientScript('platformatic-client.mjs'), bootstrap], {
        timeoutMs: 60_000,
      });
      const captured = await verifyFrames(proxy.frames, '@platformatic/kafka');
      assertSpeaks(captured, ['ApiVersions', 'Metadata', 'Produce', 'CreateTopics'], '@platformatic/kafka');
      assert.equal(captured.produced.length, 80);
      assert.ok(
        captured.produced.some(
          (r) => r.key === 'lz4-k5' && r.value === 'lz4-v5' && r.headers.codec === 'lz4',
        ),
      );
    });
  });
});
