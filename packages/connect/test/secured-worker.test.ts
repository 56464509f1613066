/**
 * A worker against a SASL listener, configured as a Kafka Connect worker is: `security.protocol`,
 * `sasl.mechanism` and `sasl.jaas.config` for every client of the worker, `producer.`-prefixed for its
 * connectors' producers. The worker reaches the broker only through the SASL listener.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { kcatReadAll } from '../../broker/test/support/kcat.ts';
import { startWorker, waitFor, writeProperties, type WorkerProcess } from '../src/testing/worker-process.ts';

const PASSWORD = 'connect-carol-secret-5521';
let broker: BrokerProcess;
let worker: WorkerProcess | null = null;

before(async () => {
  broker = await startBroker({
    configs: {
      listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
      'sasl.enabled.mechanisms': 'PLAIN',
      'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_carol="${PASSWORD}";`,
    },
  });
});

after(async () => {
  if (process.env.CONNECT_TEST_DEBUG) console.log(worker?.output());
  await worker?.stop();
  await broker?.stop();
});

test('a standalone worker with SASL/PLAIN settings runs its source over the SASL listener', async () => {
  const dir = tempDataDir('sluice-connect-sasl-');
  const input = join(dir, 'input.txt');
  writeFileSync(input, 'secured one\nsecured two\n');
  const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="carol" password="${PASSWORD}";`;
  const workerProps = writeProperties(dir, 'worker.properties', {
    'bootstrap.servers': `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`,
    'security.protocol': 'SASL_PLAINTEXT',
    'sasl.mechanism': 'PLAIN',
    'sasl.jaas.config': jaas,
    'producer.security.protocol': 'SASL_PLAINTEXT',
    'producer.sasl.mechanism': 'PLAIN',
    'producer.sasl.jaas.config': jaas,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.storage.file.filename': join(dir, 'connect.offsets'),
    listeners: 'http://127.0.0.1:0',
  });
  const source = writeProperties(dir, 'source.properties', {
    name: 'secured-source',
    'connector.class': 'FileStreamSource',
    file: input,
    topic: 'secured-lines',
  });
  worker = await startWorker('standalone', workerProps, [source]);
  const lines = await waitFor('the lines in the topic', async () => {
    const records = await kcatReadAll(`127.0.0.1:${broker.ports.PLAINTEXT}`, 'secured-lines');
    return records.length >= 2 ? records : undefined;
  });
  assert.deepEqual(lines, ['secured one', 'secured two']);
  assert.ok(!worker.output().includes(PASSWORD), 'the password is not logged');
});
