/**
 * Every endpoint of Kafka Connect's REST API on a real standalone worker against a real broker, with Kafka
 * Connect's status codes and bodies, bad requests included.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
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
let call: (method: string, path: string, body?: unknown) => ReturnType<typeof rest>;

before(async () => {
  // Groups form at once (Kafka's own tests do the same): the sinks' consumer groups and the Connect group.
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-rest-');
  const workerProps = writeProperties(dir, 'worker.properties', {
    'bootstrap.servers': broker.bootstrap,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.storage.file.filename': join(dir, 'connect.offsets'),
    'offset.flush.interval.ms': '500',
    listeners: 'http://127.0.0.1:0',
  });
  worker = await startWorker('standalone', workerProps);
  call = (method, path, body) => rest(worker.url, method, path, body);
});

after(async () => {
  if (process.env.CONNECT_TEST_DEBUG) console.log(worker?.output());
  await worker?.stop();
  await broker?.stop();
});

const SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

function sourceConfig(file: string, topic: string): Record<string, string> {
  return { 'connector.class': 'FileStreamSource', file, topic, 'tasks.max': '1' };
}

async function running(name: string, tasks = 1): Promise<void> {
  await waitFor(`${name} RUNNING with ${tasks} task(s)`, async () => {
    const { body } = await call('GET', `/connectors/${name}/status`);
    const status = body as { connector: { state: string }; tasks: { state: string }[] };
    return status.connector.state === 'RUNNING' &&
      status.tasks.length === tasks &&
      status.tasks.every((t) => t.state === 'RUNNING')
      ? true
      : undefined;
  });
}

test('GET / names the version and the Kafka cluster id', async () => {
  const { status, body } = await call('GET', '/');
  assert.equal(status, 200);
  const info = body as { version: string; commit: string; kafka_cluster_id: string };
  assert.match(info.version, /^\d+\.\d+\.\d+$/);
  assert.ok(info.kafka_cluster_id.length > 0);
});

test('connector plugins, their config definitions and validation', async () => {
  const plugins = (await call('GET', '/connector-plugins')).body as { class: string; type: string }[];
  assert.deepEqual(
    plugins.map((p) => [p.class, p.type]),
    [
      [SINK, 'sink'],
      [SOURCE, 'source'],
    ],
  );
  const all = (await call('GET', '/connector-plugins?connectorsOnly=false')).body as {
    class: string;
    type: string;
  }[];
  assert.ok(
    all.some((p) => p.class === 'org.apache.kafka.connect.json.JsonConverter' && p.type === 'converter'),
  );
  assert.ok(
    all.some(
      (p) =>
        p.class === 'org.apache.kafka.connect.transforms.InsertField$Value' && p.type === 'transformation',
    ),
  );
  assert.ok(
    all.some(
      (p) =>
        p.class === 'org.apache.kafka.connect.transforms.predicates.HasHeaderKey' && p.type === 'predicate',
    ),
  );

  const definition = (await call('GET', `/connector-plugins/${SOURCE}/config`)).body as {
    name: string;
    required: boolean;
  }[];
  assert.deepEqual(
    definition.map((d) => [d.name, d.required]),
    [
      ['file', false],
      ['topic', true],
      ['batch.size', false],
    ],
  );
  assert.equal((await call('GET', '/connector-plugins/NoSuchPlugin/config')).status, 404);

  const valid = await call('PUT', '/connector-plugins/FileStreamSource/config/validate', {
    name: 'v',
    file: '/tmp/x',
    topic: 't',
  });
  assert.equal(valid.status, 200);
  const validInfos = valid.body as { name: string; error_count: number; groups: string[] };
  assert.equal(validInfos.error_count, 0);
  assert.ok(validInfos.groups.includes('Common'));

  const invalid = await call('PUT', '/connector-plugins/FileStreamSource/config/validate', {
    name: 'v',
    'tasks.max': '0',
    'errors.tolerance': 'some',
  });
  const infos = invalid.body as {
    error_count: number;
    configs: { value: { name: string; errors: string[] } | null }[];
  };
  assert.equal(invalid.status, 200);
  const errorsOf = (key: string) => infos.configs.find((c) => c.value?.name === key)?.value?.errors ?? [];
  assert.deepEqual(errorsOf('tasks.max'), [
    'Invalid value 0 for configuration tasks.max: Value must be at least 1',
  ]);
  assert.deepEqual(errorsOf('topic'), ['Missing required configuration "topic" which has no default value.']);
  assert.deepEqual(errorsOf('errors.tolerance'), [
    'Invalid value some for configuration errors.tolerance: String must be one of: none, all',
  ]);
  assert.equal(infos.error_count, 3);

  const mismatch = await call('PUT', `/connector-plugins/${SOURCE}/config/validate`, {
    'connector.class': SINK,
  });
  assert.equal(mismatch.status, 400);
});

test('create, read, update, pause, resume, restart, stop, offsets and delete a connector', async () => {
  const file = join(dir, 'lifecycle.txt');
  writeFileSync(file, 'one\ntwo\nthree\n');
  const created = await call('POST', '/connectors', {
    name: 'lifecycle',
    config: sourceConfig(file, 'lifecycle'),
  });
  assert.equal(created.status, 201);
  assert.equal(created.headers.get('location'), '/connectors/lifecycle');
  assert.deepEqual(created.body, {
    name: 'lifecycle',
    config: { ...sourceConfig(file, 'lifecycle'), name: 'lifecycle' },
    tasks: [{ connector: 'lifecycle', task: 0 }],
    type: 'source',
  });
  await running('lifecycle');

  const conflict = await call('POST', '/connectors', {
    name: 'lifecycle',
    config: sourceConfig(file, 'lifecycle'),
  });
  assert.deepEqual(
    [conflict.status, conflict.body],
    [409, { error_code: 409, message: 'Connector lifecycle already exists' }],
  );

  assert.deepEqual((await call('GET', '/connectors')).body, ['lifecycle']);
  const expanded = (await call('GET', '/connectors?expand=status&expand=info')).body as Record<
    string,
    { status: unknown; info: unknown }
  >;
  assert.deepEqual(Object.keys(expanded.lifecycle!).sort(), ['info', 'status']);
  assert.equal((await call('GET', '/connectors/lifecycle/config')).status, 200);
  const tasks = (await call('GET', '/connectors/lifecycle/tasks')).body as {
    id: unknown;
    config: Record<string, string>;
  }[];
  assert.deepEqual(tasks[0]!.id, { connector: 'lifecycle', task: 0 });
  assert.equal(tasks[0]!.config['task.class'], 'FileStreamSourceTask');
  const taskStatus = await call('GET', '/connectors/lifecycle/tasks/0/status');
  assert.deepEqual(taskStatus.body, { id: 0, state: 'RUNNING', worker_id: new URL(worker.url).host });

  // Offsets are committed every 500 ms: the source's position after the three lines (14 bytes).
  await waitFor('committed source offsets', async () => {
    const { body } = await call('GET', '/connectors/lifecycle/offsets');
    const offsets = (body as { offsets: { offset: { position: number } }[] }).offsets;
    return offsets[0]?.offset.position === 14 ? true : undefined;
  });
  assert.deepEqual((await call('GET', '/connectors/lifecycle/offsets')).body, {
    offsets: [{ partition: { filename: file }, offset: { position: 14 } }],
  });

  const updated = await call('PUT', '/connectors/lifecycle/config', {
    ...sourceConfig(file, 'lifecycle'),
    'batch.size': '10',
  });
  assert.equal(updated.status, 200);
  assert.equal((updated.body as { config: Record<string, string> }).config['batch.size'], '10');
  const patched = await call('PATCH', '/connectors/lifecycle/config', { 'batch.size': '20' });
  assert.equal(patched.status, 200);
  assert.equal((patched.body as { config: Record<string, string> }).config['batch.size'], '20');
  await running('lifecycle');

  assert.equal((await call('PUT', '/connectors/lifecycle/pause')).status, 202);
  await waitFor('PAUSED', async () => {
    const status = (await call('GET', '/connectors/lifecycle/status')).body as {
      connector: { state: string };
      tasks: { state: string }[];
    };
    return status.connector.state === 'PAUSED' && status.tasks[0]?.state === 'PAUSED' ? true : undefined;
  });
  assert.equal((await call('PUT', '/connectors/lifecycle/resume')).status, 202);
  await running('lifecycle');

  assert.equal((await call('POST', '/connectors/lifecycle/restart')).status, 204);
  const plan = await call('POST', '/connectors/lifecycle/restart?includeTasks=true&onlyFailed=false');
  assert.equal(plan.status, 202);
  assert.deepEqual(
    (plan.body as { connector: { state: string }; tasks: { state: string }[] }).tasks.map((t) => t.state),
    ['RESTARTING'],
  );
  await running('lifecycle');
  const onlyFailed = await call('POST', '/connectors/lifecycle/restart?includeTasks=true&onlyFailed=true');
  assert.equal(onlyFailed.status, 202);
  assert.equal(
    (onlyFailed.body as { connector: { state: string } }).connector.state,
    'RUNNING',
    'nothing failed, nothing restarts',
  );
  assert.equal((await call('POST', '/connectors/lifecycle/tasks/0/restart')).status, 204);
  assert.equal((await call('POST', '/connectors/lifecycle/tasks/7/restart')).status, 404);
  await running('lifecycle');

  // KIP-875: offsets change only while the connector is stopped.
  const notStopped = await call('PATCH', '/connectors/lifecycle/offsets', {
    offsets: [{ partition: { filename: file }, offset: { position: 4 } }],
  });
  assert.equal(notStopped.status, 400);
  assert.match((notStopped.body as { message: string }).message, /must be in the STOPPED state/);
  assert.equal((await call('PUT', '/connectors/lifecycle/stop')).status, 202);
  const stopped = (await call('GET', '/connectors/lifecycle/status')).body as {
    connector: { state: string };
    tasks: unknown[];
  };
  assert.deepEqual([stopped.connector.state, stopped.tasks], ['STOPPED', []]);
  const altered = await call('PATCH', '/connectors/lifecycle/offsets', {
    offsets: [{ partition: { filename: file }, offset: { position: 4 } }],
  });
  assert.deepEqual(
    [altered.status, altered.body],
    [200, { message: 'The offsets for this connector have been altered successfully' }],
  );
  assert.deepEqual((await call('GET', '/connectors/lifecycle/offsets')).body, {
    offsets: [{ partition: { filename: file }, offset: { position: 4 } }],
  });
  const badOffset = await call('PATCH', '/connectors/lifecycle/offsets', {
    offsets: [{ partition: { filename: file }, offset: { position: -1 } }],
  });
  assert.equal(badOffset.status, 400);
  const reset = await call('DELETE', '/connectors/lifecycle/offsets');
  assert.deepEqual(
    [reset.status, reset.body],
    [200, { message: 'The offsets for this connector have been reset successfully' }],
  );
  assert.deepEqual((await call('GET', '/connectors/lifecycle/offsets')).body, { offsets: [] });

  // Resumed after a reset, the source starts the file over: "two" and "three" after "one" again.
  assert.equal((await call('PUT', '/connectors/lifecycle/resume')).status, 202);
  await running('lifecycle');

  assert.equal((await call('DELETE', '/connectors/lifecycle')).status, 204);
  const gone = await call('GET', '/connectors/lifecycle');
  assert.deepEqual(
    [gone.status, gone.body],
    [404, { error_code: 404, message: 'Connector lifecycle not found' }],
  );
});

test('a sink connector: its consumer group offsets, altered and reset while stopped', async () => {
  await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'sink-offsets'], { input: 'a\nb\n' });
  const out = join(dir, 'sink-out.txt');
  const created = await call('PUT', '/connectors/sinky/config', {
    'connector.class': SINK,
    file: out,
    topics: 'sink-offsets',
  });
  assert.equal(created.status, 201);
  await running('sinky');
  assert.equal((await call('PUT', '/connectors/sinky/stop')).status, 202);
  const altered = await call('PATCH', '/connectors/sinky/offsets', {
    offsets: [
      { partition: { kafka_topic: 'sink-offsets', kafka_partition: 0 }, offset: { kafka_offset: 0 } },
    ],
  });
  assert.equal(altered.status, 200, JSON.stringify(altered.body));
  assert.deepEqual((await call('GET', '/connectors/sinky/offsets')).body, {
    offsets: [
      { partition: { kafka_topic: 'sink-offsets', kafka_partition: 0 }, offset: { kafka_offset: 0 } },
    ],
  });
  const bad = await call('PATCH', '/connectors/sinky/offsets', {
    offsets: [{ partition: { kafka_topic: 'sink-offsets' }, offset: { kafka_offset: 0 } }],
  });
  assert.equal(bad.status, 400);
  assert.equal((await call('DELETE', '/connectors/sinky/offsets')).status, 200);
  assert.deepEqual((await call('GET', '/connectors/sinky/offsets')).body, { offsets: [] });
  assert.equal((await call('DELETE', '/connectors/sinky')).status, 204);
});

test('bad requests get Kafka Connect status codes and error bodies', async () => {
  const notFound = [
    '/connectors/nope',
    '/connectors/nope/status',
    '/connectors/nope/config',
    '/connectors/nope/tasks',
    '/connectors/nope/offsets',
  ];
  for (const path of notFound) {
    const response = await call('GET', path);
    assert.deepEqual(
      [response.status, response.body],
      [404, { error_code: 404, message: 'Connector nope not found' }],
      path,
    );
  }
  assert.equal((await call('PUT', '/connectors/nope/pause')).status, 404);
  assert.equal((await call('DELETE', '/connectors/nope')).status, 404);
  assert.deepEqual((await call('GET', '/no/such/path')).body, {
    error_code: 404,
    message: 'HTTP 404 Not Found',
  });
  assert.equal((await call('DELETE', '/connector-plugins')).status, 405);

  const malformed = await call('POST', '/connectors', '{"name": "x", "config": ');
  assert.equal(malformed.status, 400);
  const noConfig = await call('POST', '/connectors', { name: 'x' });
  assert.equal(noConfig.status, 400);
  const mismatch = await call('PUT', '/connectors/a/config', {
    'connector.class': SOURCE,
    name: 'b',
    topic: 't',
  });
  assert.deepEqual(mismatch.body, {
    error_code: 400,
    message: "Connector name configuration (b) doesn't match connector name in the URL (a)",
  });
  const invalid = await call('POST', '/connectors', { name: 'bad', config: { 'connector.class': SOURCE } });
  assert.equal(invalid.status, 400);
  assert.match(
    (invalid.body as { message: string }).message,
    /^Connector configuration is invalid and contains the following 1 error\(s\):\nMissing required configuration "topic" which has no default value\.\n/,
  );
  const unknownClass = await call('POST', '/connectors', {
    name: 'bad',
    config: { 'connector.class': 'com.example.Nope' },
  });
  assert.equal(unknownClass.status, 400);
  assert.match(
    (unknownClass.body as { message: string }).message,
    /Failed to find any class that implements Connector and which name matches com\.example\.Nope/,
  );
  const oversized = await call(
    'POST',
    '/connectors',
    JSON.stringify({ name: 'big', config: { pad: 'x'.repeat(11 * 1024 * 1024) } }),
  );
  assert.equal(oversized.status, 413);
  // The worker is still up and answering.
  assert.equal((await call('GET', '/')).status, 200);
});
