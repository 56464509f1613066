/**
 * `sluice connect ...` REST subcommands, as a user runs them, against a real Kafka Connect worker (`sluice
 * connect standalone`) and a real broker: plugins, a connector created from a properties file, its status,
 * config and offsets, Connect's validation, stop and reset, restart with its tasks, delete; Connect's refusals
 * printed in its own words with exit code 1. And the connector files it reads.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startStandaloneWorker, type StandaloneWorker } from '@sluice/connect/testing';
import { Broker, createLogger } from '@sluice/broker';
import { CliError } from '../cli-error.ts';
import { readConnectorFile } from './connect-rest.ts';

const SLUICE = join(import.meta.dirname, '..', '..', 'bin', 'sluice.mjs');
const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';

const dir = mkdtempSync(join(tmpdir(), 'sluice-connect-cli-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let worker: StandaloneWorker;

function sluice(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SLUICE, 'connect', ...args, '--url', worker.url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(args: string[]): Promise<string> {
  const result = await sluice(args);
  assert.equal(result.code, 0, `sluice connect ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

async function stateOf(name: string): Promise<string> {
  return (JSON.parse(await ok(['status', name])) as { connector: { state: string } }).connector.state;
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen; worker: ${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    logger: createLogger('broker', 'warn'),
  });
  worker = await startStandaloneWorker({ bootstrap: `127.0.0.1:${broker.port}`, dir });
});

after(async () => {
  await worker?.stop();
  await broker?.close();
});

describe('sluice connect (REST)', () => {
  it('reads a connector from JSON (flat or as POST /connectors takes it) or from properties', () => {
    const flat = join(dir, 'flat.json');
    writeFileSync(flat, JSON.stringify({ name: 'a', 'connector.class': FILE_SOURCE, 'tasks.max': 1 }));
    assert.deepEqual(readConnectorFile(flat), {
      name: 'a',
      config: { name: 'a', 'connector.class': FILE_SOURCE, 'tasks.max': '1' },
    });
    const body = join(dir, 'body.json');
    writeFileSync(body, JSON.stringify({ name: 'b', config: { 'connector.class': FILE_SOURCE } }));
    assert.deepEqual(readConnectorFile(body), {
      name: 'b',
      config: { 'connector.class': FILE_SOURCE, name: 'b' },
    });
    const properties = join(dir, 'c.properties');
    writeFileSync(properties, `# a comment\nname=c\nconnector.class=${FILE_SOURCE}\ntopic: t\n`);
    assert.deepEqual(readConnectorFile(properties), {
      name: 'c',
      config: { name: 'c', 'connector.class': FILE_SOURCE, topic: 't' },
    });
    const array = join(dir, 'array.json');
    writeFileSync(array, '[]');
    assert.throws(() => readConnectorFile(array), CliError);
  });

  it('creates, inspects, validates, stops, resets, restarts and deletes a connector', async () => {
    const plugins = JSON.parse(await ok(['plugins'])) as { class: string }[];
    assert.ok(
      plugins.some((p) => p.class === FILE_SOURCE),
      JSON.stringify(plugins),
    );
    assert.match(await ok(['info']), /"version"/);

    const validation = await sluice([
      'validate',
      FILE_SOURCE,
      '--config',
      'name=lines',
      '--config',
      'file=/tmp/x',
    ]);
    assert.equal(validation.code, 1, 'errors fail the command');
    assert.match(validation.stdout, /^topic: .+/m);

    const input = join(dir, 'lines.txt');
    writeFileSync(input, 'one\ntwo\n');
    const connectorFile = join(dir, 'lines.properties');
    writeFileSync(
      connectorFile,
      `name=lines\nconnector.class=${FILE_SOURCE}\ntasks.max=1\nfile=${input}\ntopic=cli-lines\n`,
    );
    const created = JSON.parse(await ok(['create', '--config-file', connectorFile])) as { name: string };
    assert.equal(created.name, 'lines');
    const again = await sluice(['create', '--config-file', connectorFile]);
    assert.deepEqual([again.code, again.stderr.trim()], [1, 'sluice: Connector lines already exists']);

    await until('RUNNING', async () => (await stateOf('lines')) === 'RUNNING');
    assert.equal((JSON.parse(await ok(['config', 'lines'])) as Record<string, string>).file, input);
    assert.ok((JSON.parse(await ok(['list'])) as { name: string }[]).some((c) => c.name === 'lines'));

    // KIP-558: the topic the source wrote to, until reset.
    await until('an active topic', async () => (await ok(['topics', 'lines'])).includes('cli-lines'));
    assert.deepEqual(JSON.parse(await ok(['topics', 'lines'])), ['cli-lines']);
    await ok(['topics', 'lines', '--reset']);
    assert.deepEqual(JSON.parse(await ok(['topics', 'lines'])), []);

    await ok(['stop', 'lines']);
    await until('STOPPED', async () => (await stateOf('lines')) === 'STOPPED');
    await until(
      'an offset',
      async () => (JSON.parse(await ok(['offsets', 'lines'])) as { offsets: unknown[] }).offsets.length > 0,
    );
    assert.match(await ok(['offsets', 'lines', '--reset']), /offsets/i);
    assert.deepEqual(JSON.parse(await ok(['offsets', 'lines'])), { offsets: [] });

    await ok(['resume', 'lines']);
    await until('RUNNING again', async () => (await stateOf('lines')) === 'RUNNING');
    const restarted = JSON.parse(await ok(['restart', 'lines', '--include-tasks'])) as { name: string };
    assert.equal(restarted.name, 'lines');

    await ok(['delete', 'lines']);
    const gone = await sluice(['status', 'lines']);
    assert.deepEqual([gone.code, gone.stderr.trim()], [1, 'sluice: Connector lines not found']);
  });
});
