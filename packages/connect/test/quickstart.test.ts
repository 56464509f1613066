/**
 * Kafka's Connect quick start against a real broker, with a real worker process (`sluice connect standalone`)
 * and kcat as the independent reader: a text file goes through FileStreamSource into a topic and through
 * FileStreamSink into another file, lines appended later follow, and the topic holds exactly the bytes Kafka's
 * JsonConverter writes for a string line with schemas.enable=true.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { kcatReadAll } from '../../broker/test/support/kcat.ts';
import { startWorker, waitFor, writeProperties, type WorkerProcess } from '../src/testing/worker-process.ts';

let broker: BrokerProcess;
let worker: WorkerProcess | null = null;
let dir: string;

before(async () => {
  // Groups form at once (Kafka's own tests do the same): the sinks' consumer groups and the Connect group.
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-quickstart-');
});

after(async () => {
  await worker?.stop('SIGKILL');
  await broker.stop();
});

const readLines = (path: string): string[] =>
  existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(0, -1) : [];

test('the quick start: FileStreamSource -> topic -> FileStreamSink, JSON envelope byte for byte, appended lines follow', async () => {
  const input = join(dir, 'test.txt');
  const output = join(dir, 'test.sink.txt');
  const lines = ['foo', 'bar', 'a "quoted" \\ line', 'unicode: héllo → 世界', '', 'tab\there'];
  writeFileSync(input, lines.join('\n') + '\n');
  // Kafka's config/connect-standalone.properties, connect-file-source.properties and connect-file-sink.properties.
  const workerProps = writeProperties(dir, 'connect-standalone.properties', {
    'bootstrap.servers': broker.bootstrap,
    'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
    'key.converter.schemas.enable': 'true',
    'value.converter.schemas.enable': 'true',
    'offset.storage.file.filename': join(dir, 'connect.offsets'),
    'offset.flush.interval.ms': '10000',
    listeners: 'http://127.0.0.1:0',
  });
  const source = writeProperties(dir, 'connect-file-source.properties', {
    name: 'local-file-source',
    'connector.class': 'FileStreamSource',
    'tasks.max': '1',
    file: input,
    topic: 'connect-test',
  });
  const sink = writeProperties(dir, 'connect-file-sink.properties', {
    name: 'local-file-sink',
    'connector.class': 'FileStreamSink',
    'tasks.max': '1',
    file: output,
    topics: 'connect-test',
  });
  worker = await startWorker('standalone', workerProps, [source, sink]);

  await waitFor('the sink file to equal the input', () =>
    readLines(output).length >= lines.length ? true : undefined,
  );
  assert.deepEqual(readLines(output), lines);

  const envelope = (line: string): string =>
    `{"schema":{"type":"string","optional":false},"payload":${JSON.stringify(line)}}`;
  const values = await kcatReadAll(broker.bootstrap, 'connect-test', { format: '%k|%s\n' });
  assert.deepEqual(
    values,
    lines.map((line) => `|${envelope(line)}`),
    'null keys and the envelope JsonConverter writes for a string line',
  );
  assert.equal(values[0], '|{"schema":{"type":"string","optional":false},"payload":"foo"}');

  const later = ['appended 1', 'appended 2'];
  appendFileSync(input, later.join('\n') + '\n');
  await waitFor('appended lines in the sink file', () =>
    readLines(output).length >= lines.length + later.length ? true : undefined,
  );
  assert.deepEqual(readLines(output), [...lines, ...later]);
  // A partial line waits for its terminator; \r\n and a lone \r end lines as in Kafka's task.
  appendFileSync(input, 'partial');
  await new Promise((resolve) => setTimeout(resolve, 2500));
  assert.deepEqual(readLines(output), [...lines, ...later]);
  appendFileSync(input, ' line\r\ncr only\rnext\n');
  await waitFor('the completed lines', () =>
    readLines(output).length >= lines.length + later.length + 3 ? true : undefined,
  );
  assert.deepEqual(readLines(output), [...lines, ...later, 'partial line', 'cr only', 'next']);
});
