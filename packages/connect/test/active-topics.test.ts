/**
 * KIP-558 active topics on real standalone workers against a real broker: `GET /connectors/{name}/topics` lists
 * the topics a source wrote to and a sink read from, `PUT /connectors/{name}/topics/reset` forgets them, and
 * `topic.tracking.enable` / `topic.tracking.allow.reset` turn them off with Kafka's 403s.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { runOk } from '../../broker/test/support/run.ts';
import { rest, startStandaloneWorker, waitFor, type WorkerProcess } from '../src/testing/worker-process.ts';

let broker: BrokerProcess;
let dir: string;
let tracking: WorkerProcess;
let untracked: WorkerProcess;
let noReset: WorkerProcess;

/** A standalone worker of its own (its properties and offsets in a folder named after it), with `configs`. */
function standaloneWorker(name: string, configs: Record<string, string> = {}): Promise<WorkerProcess> {
  return startStandaloneWorker({
    bootstrap: broker.bootstrap,
    dir: join(dir, name),
    configs: { 'offset.flush.interval.ms': '500', ...configs },
  });
}

before(async () => {
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-topics-');
  [tracking, untracked, noReset] = await Promise.all([
    standaloneWorker('tracking'),
    standaloneWorker('untracked', { 'topic.tracking.enable': 'false' }),
    standaloneWorker('no-reset', { 'topic.tracking.allow.reset': 'false' }),
  ]);
});

after(async () => {
  if (process.env.CONNECT_TEST_DEBUG) console.log(tracking?.output());
  await Promise.all([tracking?.stop(), untracked?.stop(), noReset?.stop()]);
  await broker?.stop();
});

const topicsOf = async (worker: WorkerProcess, name: string) =>
  (await rest(worker.url, 'GET', `/connectors/${name}/topics`)).body;

test('a source lists the topic it wrote to and a sink the topic it read, until reset or deleted', async () => {
  const input = join(dir, 'in.txt');
  writeFileSync(input, 'a\nb\n');
  const output = join(dir, 'out.txt');
  for (const [name, config] of [
    ['lines-in', { 'connector.class': 'FileStreamSource', file: input, topic: 'lines' }],
    ['lines-out', { 'connector.class': 'FileStreamSink', file: output, topics: 'lines' }],
  ] as const) {
    const created = await rest(tracking.url, 'POST', '/connectors', { name, config });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  await waitFor('both lines in the sink file', () => {
    try {
      return readFileSync(output, 'utf8') === 'a\nb\n' ? true : undefined;
    } catch {
      return undefined;
    }
  });
  assert.deepEqual(await topicsOf(tracking, 'lines-in'), { 'lines-in': { topics: ['lines'] } });
  assert.deepEqual(await topicsOf(tracking, 'lines-out'), { 'lines-out': { topics: ['lines'] } });
  // As in Kafka, a connector it has not heard of has no topics rather than a 404.
  assert.deepEqual(await topicsOf(tracking, 'nobody'), { nobody: { topics: [] } });

  const reset = await rest(tracking.url, 'PUT', '/connectors/lines-out/topics/reset');
  assert.equal(reset.status, 202);
  assert.equal(reset.body, null);
  assert.deepEqual(await topicsOf(tracking, 'lines-out'), { 'lines-out': { topics: [] } });
  // The sink's next record brings its topic back.
  await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'lines'], { input: 'c\n' });
  await waitFor('the sink to use its topic again', async () => {
    const body = (await topicsOf(tracking, 'lines-out')) as Record<string, { topics: string[] }>;
    return body['lines-out']!.topics.length === 1 ? true : undefined;
  });

  assert.equal((await rest(tracking.url, 'DELETE', '/connectors/lines-in')).status, 204);
  assert.deepEqual(await topicsOf(tracking, 'lines-in'), { 'lines-in': { topics: [] } });
  assert.equal((await rest(tracking.url, 'DELETE', '/connectors/lines-out')).status, 204);
});

test('topic.tracking.enable=false and topic.tracking.allow.reset=false answer with Kafka 403s', async () => {
  const disabled = { error_code: 403, message: 'Topic tracking is disabled.' };
  for (const [method, path] of [
    ['GET', '/connectors/any/topics'],
    ['PUT', '/connectors/any/topics/reset'],
  ] as const) {
    const response = await rest(untracked.url, method, path);
    assert.equal(response.status, 403);
    assert.deepEqual(response.body, disabled);
  }
  const refused = await rest(noReset.url, 'PUT', '/connectors/any/topics/reset');
  assert.equal(refused.status, 403);
  assert.deepEqual(refused.body, { error_code: 403, message: 'Topic tracking reset is disabled.' });
  assert.deepEqual(await topicsOf(noReset, 'any'), { any: { topics: [] } });
});
