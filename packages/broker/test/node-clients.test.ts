/**
 * Node clients from npm against the real broker: kafkajs and @platformatic/kafka (admin and producers, checked
 * by reading the data back with kcat), and @platformatic/kafka's transactions with both isolation levels.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { kcatReadAll } from './support/kcat.ts';
import { runOk } from './support/run.ts';

const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));

describe('Node clients against the broker', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker();
  });
  after(async () => {
    await broker.stop();
  });

  it('kafkajs: admin, idempotent gzip producer, offsets, DeleteRecords', async () => {
    const { stdout } = await runOk(process.execPath, [script('kafkajs-client.mjs'), broker.bootstrap], {
      timeoutMs: 60_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report, {
      created: true,
      createdAgain: false,
      configs: { 'segment.bytes': '1048576', 'cleanup.policy': 'delete' },
      partitions: 4,
      sentErrors: 0,
      highs: [25, 25, 25, 25],
      byTimestamp: [0, 0, 0, 0],
      lowAfterDeleteRecords: 10,
    });
    const records = await kcatReadAll(broker.bootstrap, 'js-topic', { partition: 1, format: '%k=%s|%h\n' });
    assert.equal(records.length, 25);
    assert.equal(records[0], 'k1=v1|source=kafkajs');
  });

  it('@platformatic/kafka: admin and producers with none, gzip, snappy and lz4', async () => {
    const { stdout } = await runOk(process.execPath, [script('platformatic-client.mjs'), broker.bootstrap], {
      timeoutMs: 60_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report.listed, ['pk-topic']);
    assert.deepEqual(
      Object.values(report.offsets).map((offsets) => (offsets as number[])[0]),
      [0, 20, 40, 60],
      'each codec appended 20 records after the previous one',
    );
    const records = await kcatReadAll(broker.bootstrap, 'pk-topic', { partition: 0, format: '%k=%s|%h\n' });
    assert.equal(records.length, 80);
    for (const codec of ['none', 'gzip', 'snappy', 'lz4']) {
      assert.ok(records.includes(`${codec}-k7=${codec}-v7|codec=${codec}`), `record of ${codec} missing`);
    }
  });
  it('@platformatic/kafka: a committed and an aborted transaction, read with isolation levels 1 and 0', async () => {
    const { stdout } = await runOk(
      process.execPath,
      [script('platformatic-transactions.mjs'), broker.bootstrap, 'ptx-topic'],
      { timeoutMs: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const committed = ['committed-1', 'committed-2', 'committed-3'];
    assert.deepEqual(report.readCommitted, committed, 'read_committed sees only the committed transaction');
    assert.deepEqual(report.readUncommitted, ['aborted-1', 'aborted-2', ...committed]);
    // Each transaction ends with one marker: 3 + 2 records and 2 markers.
    const { stdout: offsets } = await runOk('kcat', ['-b', broker.bootstrap, '-Q', '-t', 'ptx-topic:0:-1']);
    assert.match(offsets, /ptx-topic \[0\] offset 7/);
  });
});
