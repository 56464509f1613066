/**
 * At-least-once across a crash: a standalone worker streaming a growing file to a topic and back to a file is
 * SIGKILLed mid-stream and restarted. Every line must arrive, in order; lines sent twice (those after the last
 * committed source offset, and those the sink had not committed) are allowed, counted and reported.
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ClusterClient } from '@sluice/client';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { kcatReadAll } from '../../broker/test/support/kcat.ts';
import { startWorker, waitFor, writeProperties, type WorkerProcess } from '../src/testing/worker-process.ts';

let broker: BrokerProcess;
let worker: WorkerProcess | null = null;
let client: ClusterClient;

before(async () => {
  // Groups form at once (Kafka's own tests do the same): the sinks' consumer groups and the Connect group.
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  client = new ClusterClient(broker.bootstrap);
});

after(async () => {
  await worker?.stop('SIGKILL');
  client?.close();
  await broker?.stop();
});

const LINES = 40_000;
const CHUNK = 200;
const line = (n: number): string => `line-${String(n).padStart(6, '0')}`;

/** Checks `received` holds every line in order, each new line after all earlier ones; returns duplicates. */
function checkAtLeastOnceInOrder(received: string[], what: string): number {
  let next = 0;
  let duplicates = 0;
  for (const value of received) {
    const n = Number(value.slice('line-'.length));
    if (n === next) next++;
    else if (n < next) duplicates++;
    else assert.fail(`${what}: ${value} arrived before ${line(next)} (a line was lost)`);
  }
  assert.equal(next, LINES, `${what}: every line arrived`);
  return duplicates;
}

test('SIGKILL mid-stream and restart: no line lost, duplicates only as at-least-once allows', async (t) => {
  const dir = tempDataDir('sluice-connect-kill-');
  const input = join(dir, 'input.txt');
  const output = join(dir, 'output.txt');
  writeFileSync(input, '');
  const workerProps = writeProperties(dir, 'worker.properties', {
    'bootstrap.servers': broker.bootstrap,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.storage.file.filename': join(dir, 'connect.offsets'),
    'offset.flush.interval.ms': '300',
    listeners: 'http://127.0.0.1:0',
  });
  const source = writeProperties(dir, 'source.properties', {
    name: 'kill-source',
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    file: input,
    topic: 'kill-test',
    'batch.size': '200',
  });
  const sink = writeProperties(dir, 'sink.properties', {
    name: 'kill-sink',
    'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
    file: output,
    topics: 'kill-test',
  });
  worker = await startWorker('standalone', workerProps, [source, sink]);

  // The file grows while the worker runs, is killed, and comes back, so the kill is always mid-stream.
  let written = 0;
  const writer = setInterval(() => {
    if (written >= LINES) return clearInterval(writer);
    const chunk: string[] = [];
    for (let i = 0; i < CHUNK && written < LINES; i++) chunk.push(line(written++));
    appendFileSync(input, chunk.join('\n') + '\n');
  }, 25);

  // Killed once the stream runs and offsets have been committed at least once (the offsets file exists).
  const sentBeforeKill = await waitFor('lines in the topic and a source offset commit', async () => {
    const end = await client.listOffset(await client.topic('kill-test'), 0, -1n);
    return end >= 10_000n && existsSync(join(dir, 'connect.offsets')) ? end : undefined;
  });
  const killedWorker = worker;
  await killedWorker.stop('SIGKILL');
  t.diagnostic(
    `SIGKILL with ${sentBeforeKill} records in the topic and ${written} of ${LINES} lines written`,
  );
  assert.ok(written < LINES, 'the kill happened mid-stream');
  worker = await startWorker('standalone', workerProps, [source, sink]);

  const readLines = (): string[] =>
    existsSync(output) ? readFileSync(output, 'utf8').split('\n').slice(0, -1) : [];
  await waitFor(
    'every line in the sink file',
    () => (new Set(readLines()).size >= LINES ? true : undefined),
    120_000,
  );
  const topic = await kcatReadAll(broker.bootstrap, 'kill-test');
  const topicDuplicates = checkAtLeastOnceInOrder(topic, 'the topic');
  const fileDuplicates = checkAtLeastOnceInOrder(readLines(), 'the sink file');
  t.diagnostic(
    `duplicates after the crash: ${topicDuplicates} in the topic, ${fileDuplicates} in the sink file`,
  );
  console.log(
    `at-least-once: ${LINES} lines, ${topicDuplicates} sent twice to the topic, ${fileDuplicates} written twice to the file`,
  );
});
