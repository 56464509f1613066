/**
 * The sluice command against a real broker: topics create/list/describe/alter/delete, produce from stdin and
 * consume in each format, and Kafka's errors for bad input.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from '../../../packages/broker/test/support/broker-process.ts';
import { run, runOk } from '../../../packages/broker/test/support/run.ts';

const CLI = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
const sluice = (args: string[], input?: string) =>
  run(process.execPath, [CLI, ...args], input === undefined ? {} : { input });

describe('sluice CLI against a broker', () => {
  let broker: BrokerProcess;
  let bootstrap: string[];
  before(async () => {
    broker = await startBroker();
    bootstrap = ['--bootstrap-server', broker.bootstrap];
  });
  after(async () => {
    await broker.stop();
  });

  it('creates, lists, describes, alters and deletes topics', async () => {
    const created = await sluice([
      'topics',
      'create',
      ...bootstrap,
      '--topic',
      'cli-topic',
      '--partitions',
      '3',
      '--config',
      'retention.ms=60000',
    ]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /Created topic cli-topic/);
    const again = await sluice(['topics', 'create', ...bootstrap, '--topic', 'cli-topic']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /TOPIC_ALREADY_EXISTS/);
    const badConfig = await sluice([
      'topics',
      'create',
      ...bootstrap,
      '--topic',
      'cli-bad',
      '--config',
      'cleanup.policy=shred',
    ]);
    assert.match(badConfig.stderr, /INVALID_CONFIG: Invalid value shred for configuration cleanup.policy/);
    const badName = await sluice(['topics', 'create', ...bootstrap, '--topic', 'no spaces']);
    assert.match(badName.stderr, /INVALID_TOPIC_EXCEPTION/);
    assert.match((await sluice(['topics', 'list', ...bootstrap])).stdout, /^cli-topic$/m);
    const described = await sluice(['topics', 'describe', ...bootstrap, '--topic', 'cli-topic']);
    assert.match(described.stdout, /PartitionCount: 3\tReplicationFactor: 1\tConfigs: retention.ms=60000/);
    assert.equal(described.stdout.match(/\tPartition: \d/g)?.length, 3);
    const altered = await sluice([
      'topics',
      'alter',
      ...bootstrap,
      '--topic',
      'cli-topic',
      '--partitions',
      '4',
      '--config',
      'segment.ms=3600000',
      '--delete-config',
      'retention.ms',
    ]);
    assert.equal(altered.code, 0, altered.stderr);
    const after = await sluice(['topics', 'describe', ...bootstrap, '--topic', 'cli-topic']);
    assert.match(after.stdout, /PartitionCount: 4\tReplicationFactor: 1\tConfigs: segment.ms=3600000\n/);
    const shrink = await sluice([
      'topics',
      'alter',
      ...bootstrap,
      '--topic',
      'cli-topic',
      '--partitions',
      '2',
    ]);
    assert.match(shrink.stderr, /INVALID_PARTITIONS/);
    assert.equal((await sluice(['topics', 'delete', ...bootstrap, '--topic', 'cli-topic'])).code, 0);
    assert.doesNotMatch((await sluice(['topics', 'list', ...bootstrap])).stdout, /cli-topic/);
  });

  it('produces stdin lines with keys, headers and compression, and consumes them in every format', async () => {
    await runOk(process.execPath, [
      CLI,
      'topics',
      'create',
      ...bootstrap,
      '--topic',
      'cli-data',
      '--partitions',
      '2',
    ]);
    const lines = Array.from({ length: 40 }, (_, i) => `user-${i % 5}|{"n":${i}}`).join('\n');
    const produced = await sluice(
      [
        'produce',
        ...bootstrap,
        '--topic',
        'cli-data',
        '--key-separator',
        '|',
        '--headers',
        'app=cli,v=1',
        '--compression',
        'zstd',
      ],
      lines,
    );
    assert.equal(produced.code, 0, produced.stderr);
    const text = await sluice([
      'consume',
      ...bootstrap,
      '--topic',
      'cli-data',
      '--from-beginning',
      '--max-messages',
      '40',
      '--print-key',
      '--key-separator',
      '=',
    ]);
    assert.equal(text.code, 0, text.stderr);
    const got = text.stdout.trim().split('\n');
    assert.equal(got.length, 40);
    assert.deepEqual(new Set(got), new Set(lines.split('\n').map((l) => l.replace('|', '='))));
    const json = await sluice([
      'consume',
      ...bootstrap,
      '--topic',
      'cli-data',
      '--partition',
      '0',
      '--offset',
      'earliest',
      '--format',
      'json',
      '--timeout-ms',
      '1500',
    ]);
    const records = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(records.length > 0 && records.length < 40, 'one partition holds part of the keys');
    assert.ok(records.every((r) => r.partition === 0 && r.headers.app === 'cli' && r.headers.v === '1'));
    const keysOnPartition0 = new Set(records.map((r) => r.key));
    assert.ok(
      [...keysOnPartition0].every((k) => records.filter((r) => r.key === k).length === 8),
      'a key always lands on one partition',
    );
    const hex = await sluice([
      'consume',
      ...bootstrap,
      '--topic',
      'cli-data',
      '--partition',
      '1',
      '--offset',
      '0',
      '--max-messages',
      '1',
      '--format',
      'hex',
    ]);
    assert.match(hex.stdout.trim(), /^7b226e223a[0-9a-f]+7d$/);
    const offsetWithoutPartition = await sluice([
      'consume',
      ...bootstrap,
      '--topic',
      'cli-data',
      '--offset',
      '3',
    ]);
    assert.equal(offsetWithoutPartition.code, 2);
    assert.match(offsetWithoutPartition.stderr, /The partition is required when offset is specified/);
  });

  it('refuses unknown broker settings with a clear message', async () => {
    const result = await sluice([
      'broker',
      '--data-dir',
      '/tmp/never-used',
      '--port',
      '0',
      '--config',
      'log.retention.hourz=5',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown broker config name: log.retention.hourz/);
  });
});
