/**
 * Distributed mode with real worker processes (`sluice connect distributed`) against a real broker: two
 * workers in one Connect group share a sink connector's tasks; configs, statuses and offsets live in compacted
 * topics; a config change while a worker holds up the rebalance is refused with 409; and when one worker is
 * SIGKILLed the other takes over all tasks and nothing produced afterwards is lost.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ClusterClient } from '@sluice/client';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { kcatReadAll } from '../../broker/test/support/kcat.ts';
import { runOk } from '../../broker/test/support/run.ts';
import {
  rest,
  startWorker,
  waitFor,
  writeProperties,
  type WorkerProcess,
} from '../src/testing/worker-process.ts';

let broker: BrokerProcess;
const workers: WorkerProcess[] = [];
let dir: string;

before(async () => {
  // Groups form at once (Kafka's own tests do the same): the sinks' consumer groups and the Connect group.
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-distributed-');
});

after(async () => {
  if (process.env.CONNECT_TEST_DEBUG) for (const worker of workers) console.log(worker.output());
  for (const worker of workers) {
    worker.process.kill('SIGCONT');
    await worker.stop('SIGKILL');
  }
  await broker?.stop();
});

function workerProperties(name: string, overrides: Record<string, string> = {}): string {
  return writeProperties(dir, `${name}.properties`, {
    'bootstrap.servers': broker.bootstrap,
    'group.id': 'connect-cluster',
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'config.storage.topic': 'connect-configs',
    'offset.storage.topic': 'connect-offsets',
    'status.storage.topic': 'connect-status',
    'config.storage.replication.factor': '1',
    'offset.storage.replication.factor': '1',
    'status.storage.replication.factor': '1',
    'offset.flush.interval.ms': '500',
    'session.timeout.ms': '6000',
    'heartbeat.interval.ms': '1000',
    'rebalance.timeout.ms': '20000',
    'scheduled.rebalance.max.delay.ms': '2000',
    // The sink's consumer group waits this long for a dead worker's consumer (Kafka's default is 45 s).
    'consumer.session.timeout.ms': '6000',
    'consumer.heartbeat.interval.ms': '1000',
    listeners: 'http://127.0.0.1:0',
    ...overrides,
  });
}

interface Status {
  connector: { state: string; worker_id: string };
  tasks: { id: number; state: string; worker_id: string }[];
}

const readLines = (path: string): string[] =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(0, -1) : [];

async function produce(partition: number, values: string[], topic = 'dist-in'): Promise<void> {
  await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', topic, '-p', String(partition)], {
    input: values.join('\n') + '\n',
  });
}

test('two workers share a connector; a SIGKILLed worker tasks move to the other', async (t) => {
  const client = new ClusterClient(broker.bootstrap);
  const [created] = await client.createTopics([
    { name: 'dist-in', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] },
  ]);
  assert.equal(created!.errorCode, 0);
  client.close();

  workers.push(await startWorker('distributed', workerProperties('worker-a')));
  workers.push(await startWorker('distributed', workerProperties('worker-b')));
  const [a, b] = workers as [WorkerProcess, WorkerProcess];

  const out = join(dir, 'out.txt');
  const createdConnector = await waitFor('the connector to be created', async () => {
    const response = await rest(a.url, 'POST', '/connectors', {
      name: 'dist-sink',
      config: { 'connector.class': 'FileStreamSink', 'tasks.max': '2', topics: 'dist-in', file: out },
    });
    return response.status === 409 ? undefined : response;
  });
  assert.equal(createdConnector.status, 201, JSON.stringify(createdConnector.body));

  const shared = await waitFor('both tasks running, one on each worker', async () => {
    const { status, body } = await rest(b.url, 'GET', '/connectors/dist-sink/status');
    const info = body as Status;
    return status === 200 &&
      info.tasks.length === 2 &&
      info.tasks.every((task) => task.state === 'RUNNING') &&
      new Set(info.tasks.map((task) => task.worker_id)).size === 2
      ? info
      : undefined;
  });
  t.diagnostic(`tasks on ${shared.tasks.map((task) => `${task.id}@${task.worker_id}`).join(', ')}`);
  // Both workers answer from the same config topic.
  assert.deepEqual((await rest(a.url, 'GET', '/connectors')).body, ['dist-sink']);
  assert.deepEqual((await rest(b.url, 'GET', '/connectors/dist-sink/tasks')).body instanceof Array, true);

  // Config writes are the leader's: the other worker forwards them, and hands back the leader's answer.
  for (const worker of [a, b]) {
    const duplicate = await rest(worker.url, 'POST', '/connectors', {
      name: 'dist-sink',
      config: { 'connector.class': 'FileStreamSink', topics: 'dist-in', file: out },
    });
    assert.deepEqual(duplicate.body, { error_code: 409, message: 'Connector dist-sink already exists' });
  }
  // A worker logs a request once it has answered it, so its line may reach the test after the answer.
  const answeredForwarded = (worker: WorkerProcess, request: string, status: number) =>
    worker.output().includes(`"${request}?forward=true" ${status} `);
  const leaders = await waitFor('the leader to log the forwarded create', () => {
    const answered = [a, b].filter((worker) => answeredForwarded(worker, 'POST /connectors', 409));
    return answered.length > 0 ? answered : undefined;
  });
  assert.equal(leaders.length, 1, 'exactly one worker (the leader) answered a forwarded create');
  // A task restarts on the worker running it, whichever worker is asked.
  const task0 = shared.tasks.find((task) => task.id === 0)!;
  const [owner, other] = new URL(a.url).host === task0.worker_id ? [a, b] : [b, a];
  const restarted = await rest(other.url, 'POST', '/connectors/dist-sink/tasks/0/restart');
  assert.equal(restarted.status, 204, JSON.stringify(restarted.body));
  await waitFor('the owner to log the forwarded restart', () =>
    answeredForwarded(owner, 'POST /connectors/dist-sink/tasks/0/restart', 204) ? true : undefined,
  );

  await produce(0, ['p0-1', 'p0-2']);
  await produce(1, ['p1-1', 'p1-2']);
  await waitFor('four lines in the sink file', () => (readLines(out).length >= 4 ? true : undefined));
  assert.deepEqual(readLines(out).sort(), ['p0-1', 'p0-2', 'p1-1', 'p1-2']);

  // A worker that holds up the rebalance (SIGSTOP) keeps the group rebalancing; config writes meanwhile get 409.
  b.process.kill('SIGSTOP');
  const conflict = await waitFor(
    'a 409 while the group rebalances',
    async () => {
      const response = await rest(a.url, 'PUT', '/connectors/extra/config', {
        'connector.class': 'FileStreamSink',
        topics: 'dist-in',
        file: join(dir, 'extra.txt'),
      });
      return response.status === 409 ? response : undefined;
    },
    30_000,
  );
  assert.deepEqual(conflict.body, {
    error_code: 409,
    message: 'Cannot complete request because of a conflicting operation (e.g. worker rebalance)',
  });

  // Worker B dies; worker A runs both tasks within the session and scheduled rebalance delays.
  const killedAt = Date.now();
  await b.stop('SIGKILL');
  workers.splice(workers.indexOf(b), 1);
  const aId = new URL(a.url).host;
  await waitFor(
    'both dist-sink tasks running on the surviving worker',
    async () => {
      const { body } = await rest(a.url, 'GET', '/connectors/dist-sink/status');
      const info = body as Status;
      return info.tasks.length === 2 &&
        info.tasks.every((task) => task.state === 'RUNNING' && task.worker_id === aId)
        ? true
        : undefined;
    },
    60_000,
  );
  t.diagnostic(`failover took ${Date.now() - killedAt} ms`);
  await produce(0, ['p0-3']);
  await produce(1, ['p1-3']);
  await waitFor('the lines produced after the failover', () =>
    ['p0-3', 'p1-3'].every((line) => readLines(out).includes(line)) ? true : undefined,
  );
  const lines = readLines(out);
  for (const expected of ['p0-1', 'p0-2', 'p0-3', 'p1-1', 'p1-2', 'p1-3'])
    assert.ok(lines.includes(expected), expected);
});

test('the eager protocol (connect.protocol=eager): tasks split, and all move at once to the survivor', async () => {
  const eager = (name: string) =>
    workerProperties(name, {
      'group.id': 'connect-eager',
      'connect.protocol': 'eager',
      'config.storage.topic': 'eager-configs',
      'offset.storage.topic': 'eager-offsets',
      'status.storage.topic': 'eager-status',
    });
  const client = new ClusterClient(broker.bootstrap);
  const [topic] = await client.createTopics([
    { name: 'eager-in', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] },
  ]);
  assert.equal(topic!.errorCode, 0);
  client.close();
  await produce(0, ['e0-1', 'e0-2'], 'eager-in');
  await produce(1, ['e1-1'], 'eager-in');
  const a = await startWorker('distributed', eager('eager-a'));
  workers.push(a);
  const b = await startWorker('distributed', eager('eager-b'));
  workers.push(b);
  const out = join(dir, 'eager-out.txt');
  const created = await waitFor('the connector to be created', async () => {
    const response = await rest(b.url, 'POST', '/connectors', {
      name: 'eager-sink',
      config: { 'connector.class': 'FileStreamSink', 'tasks.max': '2', topics: 'eager-in', file: out },
    });
    return response.status === 409 ? undefined : response;
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await waitFor('one task on each worker', async () => {
    const { status, body } = await rest(a.url, 'GET', '/connectors/eager-sink/status');
    const info = body as Status;
    return status === 200 &&
      info.tasks.length === 2 &&
      info.tasks.every((task) => task.state === 'RUNNING') &&
      new Set(info.tasks.map((task) => task.worker_id)).size === 2
      ? true
      : undefined;
  });
  await b.stop('SIGKILL');
  workers.splice(workers.indexOf(b), 1);
  const aId = new URL(a.url).host;
  await waitFor(
    'both eager-sink tasks on the surviving worker',
    async () => {
      const { body } = await rest(a.url, 'GET', '/connectors/eager-sink/status');
      const info = body as Status;
      return info.connector.worker_id === aId &&
        info.tasks.length === 2 &&
        info.tasks.every((task) => task.state === 'RUNNING' && task.worker_id === aId)
        ? true
        : undefined;
    },
    60_000,
  );
  await produce(0, ['e0-3'], 'eager-in');
  await produce(1, ['e1-2'], 'eager-in');
  // At least once: lines the killed worker wrote but had not committed are written again by the survivor.
  await waitFor('every line, those produced after the failover too', () =>
    new Set(readLines(out)).size >= 5 ? true : undefined,
  );
  assert.deepEqual([...new Set(readLines(out))].sort(), ['e0-1', 'e0-2', 'e0-3', 'e1-1', 'e1-2']);
});

test('a worker stopped cleanly leaves its tasks UNASSIGNED until the survivor runs them; a deleted connector leaves tombstones, its active topics too', async () => {
  const clean = (name: string) =>
    workerProperties(name, {
      'group.id': 'connect-clean',
      'config.storage.topic': 'clean-configs',
      'offset.storage.topic': 'clean-offsets',
      'status.storage.topic': 'clean-status',
      // Long enough to see the departed worker's tasks unassigned before they are given to the survivor.
      'scheduled.rebalance.max.delay.ms': '10000',
    });
  const client = new ClusterClient(broker.bootstrap);
  const [topic] = await client.createTopics([
    { name: 'clean-in', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] },
  ]);
  assert.equal(topic!.errorCode, 0);
  client.close();
  const a = await startWorker('distributed', clean('clean-a'));
  workers.push(a);
  const b = await startWorker('distributed', clean('clean-b'));
  workers.push(b);
  const created = await waitFor('the connector to be created', async () => {
    const response = await rest(a.url, 'POST', '/connectors', {
      name: 'clean-sink',
      config: {
        'connector.class': 'FileStreamSink',
        'tasks.max': '2',
        topics: 'clean-in',
        file: join(dir, 'clean-out.txt'),
      },
    });
    return response.status === 409 ? undefined : response;
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const [aId, bId] = [new URL(a.url).host, new URL(b.url).host];
  const statusOf = async () => (await rest(a.url, 'GET', '/connectors/clean-sink/status')).body as Status;
  const onB = await waitFor('a task running on each worker', async () => {
    const info = await statusOf();
    const workersRunning = new Set(info.tasks.filter((t) => t.state === 'RUNNING').map((t) => t.worker_id));
    return info.tasks.length === 2 && workersRunning.size === 2
      ? info.tasks.filter((t) => t.worker_id === bId).map((t) => t.id)
      : undefined;
  });

  // KIP-558: the sink's topic, recorded by whichever worker read it, is known to both through the status topic.
  await produce(0, ['c0-1'], 'clean-in');
  await produce(1, ['c1-1'], 'clean-in');
  for (const worker of [a, b])
    await waitFor('the active topic through both workers', async () => {
      const { body } = await rest(worker.url, 'GET', '/connectors/clean-sink/topics');
      return JSON.stringify(body) === JSON.stringify({ 'clean-sink': { topics: ['clean-in'] } })
        ? true
        : undefined;
    });

  assert.equal(await b.stop('SIGTERM'), 0, b.output());
  workers.splice(workers.indexOf(b), 1);
  const unassigned = await waitFor(
    "worker B's tasks reported UNASSIGNED",
    async () => {
      const info = await statusOf();
      const left = info.tasks.filter((t) => onB.includes(t.id));
      return left.every((t) => t.state === 'UNASSIGNED') ? left : undefined;
    },
    8_000,
  );
  assert.deepEqual(
    unassigned.map((t) => t.worker_id),
    onB.map(() => bId),
  );
  await waitFor('both tasks running on the survivor', async () => {
    const info = await statusOf();
    return info.tasks.length === 2 && info.tasks.every((t) => t.state === 'RUNNING' && t.worker_id === aId)
      ? true
      : undefined;
  });

  assert.equal((await rest(a.url, 'DELETE', '/connectors/clean-sink')).status, 204);
  assert.equal((await rest(a.url, 'GET', '/connectors/clean-sink/status')).status, 404);
  // The status topic's last word on the connector and each of its tasks is a tombstone (kcat's %S is -1).
  const last = await waitFor('tombstones for the deleted connector', async () => {
    const latest = new Map<string, string>();
    for (const line of await kcatReadAll(broker.bootstrap, 'clean-status', { format: '%k|%S\n' })) {
      const [key, size] = line.split('|') as [string, string];
      if (key.includes('clean-sink')) latest.set(key, size);
    }
    return [...latest.values()].every((size) => size === '-1') && latest.size === 4 ? latest : undefined;
  });
  assert.deepEqual([...last.keys()].sort(), [
    'status-connector-clean-sink',
    'status-task-clean-sink-0',
    'status-task-clean-sink-1',
    'status-topic-clean-in:connector-clean-sink',
  ]);
});
