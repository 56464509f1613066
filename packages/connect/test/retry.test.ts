/**
 * errors.retry.timeout on a real worker: a transformation that fails with RetriableException a few times per
 * record is retried (with Kafka's growing backoff) until it succeeds within the timeout, so every record
 * arrives; with no retry time (the default 0) the first failure fails the task, as errors.tolerance=none asks.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** A plugin module: fails each record's first two attempts with a RetriableException. */
const FLAKY_TRANSFORM = `
import { ConfigDef, RetriableException } from '@sluice/connect';
const attempts = new Map();
export class FlakyTransform {
  static className = 'com.example.FlakyTransform';
  configure() {}
  apply(record) {
    const seen = (attempts.get(record.value) ?? 0) + 1;
    attempts.set(record.value, seen);
    if (seen <= 2) throw new RetriableException('the downstream system is busy (attempt ' + seen + ')');
    return record;
  }
  config() { return new ConfigDef(); }
  close() {}
}
`;

let broker: BrokerProcess;
let worker: WorkerProcess;
let dir: string;

before(async () => {
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-retry-');
  mkdirSync(join(dir, 'plugins'));
  writeFileSync(join(dir, 'plugins', 'flaky.mjs'), FLAKY_TRANSFORM);
  worker = await startWorker(
    'standalone',
    writeProperties(dir, 'worker.properties', {
      'bootstrap.servers': broker.bootstrap,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'offset.storage.file.filename': join(dir, 'connect.offsets'),
      'plugin.path': join(dir, 'plugins'),
      listeners: 'http://127.0.0.1:0',
    }),
  );
});

after(async () => {
  await worker?.stop();
  await broker?.stop();
});

/** A file source through FlakyTransform; its lines must be new to the transform, which counts attempts per value. */
function source(name: string, topic: string, lines: string[], extra: Record<string, string>) {
  const file = join(dir, `${name}.txt`);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  return {
    name,
    config: {
      'connector.class': 'FileStreamSource',
      file,
      topic,
      transforms: 'flaky',
      'transforms.flaky.type': 'FlakyTransform',
      ...extra,
    },
  };
}

test('retriable failures are retried within errors.retry.timeout, and every record arrives', async () => {
  const created = await rest(
    worker.url,
    'POST',
    '/connectors',
    source('retrying', 'retried', ['one', 'two'], {
      'errors.retry.timeout': '10000',
      'errors.retry.delay.max.ms': '1000',
    }),
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const records = await waitFor('both records', async () => {
    const values = await kcatReadAll(broker.bootstrap, 'retried');
    return values.length >= 2 ? values : undefined;
  });
  assert.deepEqual(records, ['one', 'two']);
  const status = (await rest(worker.url, 'GET', '/connectors/retrying/tasks/0/status')).body as {
    state: string;
  };
  assert.equal(status.state, 'RUNNING');
});

test('without retry time a retriable failure fails the task (errors.tolerance=none)', async () => {
  const created = await rest(
    worker.url,
    'POST',
    '/connectors',
    source('not-retrying', 'not-retried', ['three'], {}),
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const failed = await waitFor('the task to fail', async () => {
    const { body } = await rest(worker.url, 'GET', '/connectors/not-retrying/tasks/0/status');
    const task = body as { state: string; trace?: string };
    return task.state === 'FAILED' ? task : undefined;
  });
  assert.match(failed.trace!, /Tolerance exceeded in error handler/);
  assert.match(
    failed.trace!,
    /Caused by: org\.apache\.kafka\.connect\.errors\.RetriableException: the downstream system is busy \(attempt 1\)/,
  );
});
