/**
 * errors.tolerance, errors.log.enable and the dead letter queue on a real worker and broker: records a
 * converter cannot read are skipped and land in the DLQ topic, as they were consumed, with the error in
 * `__connect.errors.*` headers; without tolerance the task fails with Kafka's message and trace.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { runOk } from '../../broker/test/support/run.ts';
import {
  rest,
  startWorker,
  waitFor,
  writeProperties,
  type WorkerProcess,
} from '../src/testing/worker-process.ts';

let broker: BrokerProcess;
let worker: WorkerProcess;
let dir: string;

before(async () => {
  // Groups form at once (Kafka's own tests do the same): the sinks' consumer groups and the Connect group.
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-errors-');
  worker = await startWorker(
    'standalone',
    writeProperties(dir, 'worker.properties', {
      'bootstrap.servers': broker.bootstrap,
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
      'offset.storage.file.filename': join(dir, 'connect.offsets'),
      'offset.flush.interval.ms': '500',
      listeners: 'http://127.0.0.1:0',
    }),
  );
});

after(async () => {
  if (process.env.CONNECT_TEST_DEBUG) console.log(worker?.output());
  await worker?.stop();
  await broker?.stop();
});

async function produce(topic: string, values: string[]): Promise<void> {
  await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', topic, '-k', 'k', '-H', 'origin=test'], {
    input: values.join('\n') + '\n',
  });
}

const readLines = (path: string): string[] =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(0, -1) : [];

test('errors.tolerance=all skips unreadable records into the dead letter queue, with the error in its headers', async () => {
  await produce('orders', ['{"id":1}', 'not json', '{"id":2}', '{broken', '"three"']);
  const out = join(dir, 'orders.txt');
  const created = await rest(worker.url, 'POST', '/connectors', {
    name: 'orders-sink',
    config: {
      'connector.class': 'FileStreamSink',
      topics: 'orders',
      file: out,
      'errors.tolerance': 'all',
      'errors.log.enable': 'true',
      'errors.log.include.messages': 'true',
      'errors.deadletterqueue.topic.name': 'orders-dlq',
      'errors.deadletterqueue.topic.replication.factor': '1',
      'errors.deadletterqueue.context.headers.enable': 'true',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await waitFor('the readable records in the sink file', () =>
    readLines(out).length >= 3 ? true : undefined,
  );
  assert.deepEqual(readLines(out), ['{id=1}', '{id=2}', 'three']);

  interface KcatRecord {
    key: string;
    payload: string;
    headers: string[];
  }
  const dlq = await waitFor('two records in the DLQ', async () => {
    const { stdout } = await runOk('kcat', [
      '-b',
      broker.bootstrap,
      '-C',
      '-t',
      'orders-dlq',
      '-o',
      'beginning',
      '-e',
      '-J',
    ]);
    const records = stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as KcatRecord);
    return records.length >= 2 ? records : undefined;
  });
  assert.equal(dlq.length, 2);
  const [first, second] = dlq;
  assert.deepEqual(
    [first!.key, first!.payload, second!.payload],
    ['k', 'not json', '{broken'],
    'the records as consumed',
  );
  const headers = new Map<string, string>();
  for (let i = 0; i < first!.headers.length; i += 2) headers.set(first!.headers[i]!, first!.headers[i + 1]!);
  assert.equal(headers.get('origin'), 'test', 'the original headers are kept');
  assert.equal(headers.get('__connect.errors.topic'), 'orders');
  assert.equal(headers.get('__connect.errors.partition'), '0');
  assert.equal(headers.get('__connect.errors.offset'), '1');
  assert.equal(headers.get('__connect.errors.connector.name'), 'orders-sink');
  assert.equal(headers.get('__connect.errors.task.id'), '0');
  assert.equal(headers.get('__connect.errors.stage'), 'VALUE_CONVERTER');
  assert.equal(headers.get('__connect.errors.class.name'), 'org.apache.kafka.connect.json.JsonConverter');
  assert.equal(
    headers.get('__connect.errors.exception.class.name'),
    'org.apache.kafka.connect.errors.DataException',
  );
  assert.match(
    headers.get('__connect.errors.exception.message') ?? '',
    /Converting byte\[\] to Kafka Connect data failed due to serialization error/,
  );
  assert.match(
    worker.output(),
    /Error encountered in task orders-sink-0\. Executing stage 'VALUE_CONVERTER' with class 'org\.apache\.kafka\.connect\.json\.JsonConverter', where consumed record is \{topic='orders', partition=0, offset=1/,
  );

  const status = (await rest(worker.url, 'GET', '/connectors/orders-sink/status')).body as {
    tasks: { state: string }[];
  };
  assert.equal(status.tasks[0]!.state, 'RUNNING', 'tolerated errors do not fail the task');
});

test('errors.tolerance=none fails the task with Kafka message and a trace, and a restart with tolerance goes on', async () => {
  await produce('strict', ['{"ok":true}', 'garbage', '{"ok":false}']);
  const out = join(dir, 'strict.txt');
  const config = { 'connector.class': 'FileStreamSink', topics: 'strict', file: out };
  assert.equal((await rest(worker.url, 'PUT', '/connectors/strict-sink/config', config)).status, 201);
  const failed = await waitFor('the task to fail', async () => {
    const { body } = await rest(worker.url, 'GET', '/connectors/strict-sink/tasks/0/status');
    const task = body as { state: string; trace?: string };
    return task.state === 'FAILED' ? task : undefined;
  });
  assert.match(
    failed.trace!,
    /^org\.apache\.kafka\.connect\.errors\.ConnectException: Tolerance exceeded in error handler\n/,
  );
  assert.match(
    failed.trace!,
    /\nCaused by: org\.apache\.kafka\.connect\.errors\.DataException: Converting byte\[\] to Kafka Connect data failed/,
  );
  assert.deepEqual(readLines(out), [], 'a batch is converted whole before put(), as Kafka converts it');

  const plan = await rest(
    worker.url,
    'POST',
    '/connectors/strict-sink/restart?includeTasks=true&onlyFailed=true',
  );
  assert.equal(plan.status, 202);
  const restarting = plan.body as { connector: { state: string }; tasks: { id: number; state: string }[] };
  assert.deepEqual([restarting.connector.state, restarting.tasks[0]!.state], ['RUNNING', 'RESTARTING']);

  assert.equal(
    (
      await rest(worker.url, 'PUT', '/connectors/strict-sink/config', {
        ...config,
        'errors.tolerance': 'all',
      })
    ).status,
    200,
  );
  await waitFor('the record after the bad one', () => (readLines(out).length >= 2 ? true : undefined));
  assert.deepEqual(readLines(out), ['{ok=true}', '{ok=false}']);
});
