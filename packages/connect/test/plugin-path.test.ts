/**
 * plugin.path: a TypeScript plugin module outside the repository (the documented example, copied to a temp
 * folder) is loaded by a real worker, listed by the REST API, configured by alias with a transformation chain
 * mixing its own transformation and Kafka's RegexRouter, and resumes from its committed offsets after a
 * clean restart.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { kcatReadAll } from '../../broker/test/support/kcat.ts';
import {
  rest,
  startWorker,
  waitFor,
  writeProperties,
  type WorkerProcess,
} from '../src/testing/worker-process.ts';

const EXAMPLE = fileURLToPath(new URL('../examples/plugins/sequence-source.mts', import.meta.url));

let broker: BrokerProcess;
let worker: WorkerProcess | null = null;

before(async () => {
  broker = await startBroker();
});

after(async () => {
  await worker?.stop('SIGKILL');
  await broker?.stop();
});

test('a plugin module on plugin.path: loaded, listed, transformed, and resumed after a restart', async () => {
  const dir = tempDataDir('sluice-connect-plugins-');
  const pluginDir = join(dir, 'plugins');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(pluginDir);
  copyFileSync(EXAMPLE, join(pluginDir, 'sequence-source.mts'));
  const workerProps = writeProperties(dir, 'worker.properties', {
    'bootstrap.servers': broker.bootstrap,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.storage.file.filename': join(dir, 'connect.offsets'),
    'offset.flush.interval.ms': '200',
    'plugin.path': pluginDir,
    listeners: 'http://127.0.0.1:0',
  });
  const connector = (count: number) =>
    writeProperties(dir, 'sequence.properties', {
      name: 'sequence',
      'connector.class': 'SequenceSource',
      topic: 'seq',
      count: String(count),
      transforms: 'upper,route',
      'transforms.upper.type': 'UppercaseValue',
      'transforms.route.type': 'org.apache.kafka.connect.transforms.RegexRouter',
      'transforms.route.regex': '(.*)',
      'transforms.route.replacement': '$1-routed',
    });
  worker = await startWorker('standalone', workerProps, [connector(50)]);

  const plugins = (await rest(worker.url, 'GET', '/connector-plugins')).body as {
    class: string;
    type: string;
    version: string;
  }[];
  assert.deepEqual(
    plugins.find((p) => p.class === 'com.example.connect.SequenceSourceConnector'),
    { class: 'com.example.connect.SequenceSourceConnector', type: 'source', version: '1.0.0' },
  );
  const all = (await rest(worker.url, 'GET', '/connector-plugins?connectorsOnly=false')).body as {
    class: string;
    type: string;
  }[];
  assert.ok(all.some((p) => p.class === 'com.example.connect.UppercaseValue' && p.type === 'transformation'));
  const definition = (await rest(worker.url, 'GET', '/connector-plugins/SequenceSource/config')).body as {
    name: string;
  }[];
  assert.deepEqual(
    definition.map((d) => d.name),
    ['topic', 'count', 'prefix'],
  );

  const expected = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `SEQ-${from + i}`);
  await waitFor('50 records in seq-routed', async () =>
    (await kcatReadAll(broker.bootstrap, 'seq-routed')).length >= 50 ? true : undefined,
  );
  assert.deepEqual(await kcatReadAll(broker.bootstrap, 'seq-routed'), expected(0, 50));

  // A clean stop commits the offsets; the restarted worker goes on from 50 when told to write 80.
  assert.equal(await worker.stop('SIGTERM'), 0);
  worker = await startWorker('standalone', workerProps, [connector(80)]);
  await waitFor('80 records in seq-routed', async () =>
    (await kcatReadAll(broker.bootstrap, 'seq-routed')).length >= 80 ? true : undefined,
  );
  assert.deepEqual(await kcatReadAll(broker.bootstrap, 'seq-routed'), expected(0, 80));
});
