/**
 * librdkafka through kcat against the real broker: metadata, and produce/consume round trips with every codec.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

describe('kcat (librdkafka) against the broker', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker({ configs: { 'num.partitions': '3' } });
  });
  after(async () => {
    await broker.stop();
  });

  for (const codec of CODECS) {
    it(`produces and consumes with compression ${codec}`, async () => {
      const topic = `kcat-${codec}`;
      const lines = Array.from(
        { length: 200 },
        (_, i) => `key-${i}:value-${codec}-${i}-${'x'.repeat(i % 50)}`,
      );
      await runOk(
        'kcat',
        ['-b', broker.bootstrap, '-P', '-t', topic, '-K:', '-z', codec, '-X', 'linger.ms=5'],
        {
          input: `${lines.join('\n')}\n`,
        },
      );
      const received = (await kcatReadAll(broker.bootstrap, topic, { format: '%k:%s\n' })).sort();
      assert.deepEqual(received, [...lines].sort(), `${codec}: consumed records differ from produced`);
    });
  }

  it('reports metadata with kcat -L', async () => {
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'metadata-topic'], { input: 'hello\n' });
    const { stdout } = await runOk('kcat', ['-b', broker.bootstrap, '-L', '-J']);
    const metadata = JSON.parse(stdout) as {
      brokers: { id: number; name: string }[];
      topics: { topic: string; partitions: { partition: number; leader: number }[] }[];
    };
    assert.equal(metadata.brokers.length, 1);
    assert.equal(metadata.brokers[0]!.name, broker.bootstrap);
    const topic = metadata.topics.find((t) => t.topic === 'metadata-topic');
    assert.ok(topic, `metadata-topic missing from ${stdout}`);
    assert.equal(topic.partitions.length, 3, 'num.partitions=3 applies to auto-created topics');
    assert.ok(topic.partitions.every((p) => p.leader === metadata.brokers[0]!.id));
  });
});
