/**
 * `sluice topics describe` on a compacted topic: after kafka-topics.sh's lines, the cleaner's status of each
 * partition, which the CLI reads from the leader's HTTP listener (found through DescribeConfigs'
 * sluice.http.port). min.cleanable.dirty.ratio=1 holds the cleaner off (Kafka cleans when the ratio exceeds it)
 * while the closed segments are all dirty; lowering it lets a pass run, and describe then shows it. A
 * delete-policy topic gets no compaction block, and a broker with its HTTP listener off says the status is
 * unavailable and why, on one line.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from '../../../packages/broker/test/support/broker-process.ts';
import { runOk } from '../../../packages/broker/test/support/run.ts';

const CLI = fileURLToPath(new URL('../bin/sluice.mjs', import.meta.url));
const TOPIC = 'prices';

const sluice = (broker: BrokerProcess, args: string[], input?: string) =>
  runOk(process.execPath, [CLI, ...args, '--bootstrap-server', broker.bootstrap], input ? { input } : {});

/** The fields of partition 0's compaction line ("\tPartition: 0\tDirtyRatio: 1.000\t..."). */
async function compactionOfPartitionZero(broker: BrokerProcess): Promise<Record<string, string>> {
  const { stdout } = await sluice(broker, ['topics', 'describe', '--topic', TOPIC]);
  const block = stdout.split('\n').slice(stdout.split('\n').indexOf(`Compaction: ${TOPIC}`));
  assert.ok(block.length > 1, `no compaction block in:\n${stdout}`);
  const line = block.find((l) => l.startsWith('\tPartition: 0\t'));
  assert.ok(line, `no partition 0 compaction line in:\n${stdout}`);
  return Object.fromEntries(
    line
      .trim()
      .split('\t')
      .map((field) => {
        const at = field.indexOf(': ');
        return [field.slice(0, at), field.slice(at + 2)];
      }),
  );
}

describe('sluice topics describe: compaction status', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker({ configs: { 'log.cleaner.backoff.ms': '200' } });
  });
  after(async () => {
    await broker?.stop();
  });

  it("shows each partition's dirty ratio before a pass, and what the pass removed after it", async () => {
    await sluice(broker, [
      'topics',
      'create',
      '--topic',
      TOPIC,
      '--partitions',
      '1',
      '--config',
      'cleanup.policy=compact',
      '--config',
      'segment.bytes=200',
      '--config',
      'min.cleanable.dirty.ratio=1',
    ]);
    // Five rounds of the same ten keys, one produce each: every round rolls a 200-byte segment.
    for (let round = 0; round < 5; round++) {
      const lines = Array.from({ length: 10 }, (_, key) => `key-${key}:round ${round}`);
      await sluice(broker, ['produce', '--topic', TOPIC, '--key-separator', ':'], `${lines.join('\n')}\n`);
    }
    const before = await compactionOfPartitionZero(broker);
    assert.equal(before.DirtyRatio, '1.000', 'every closed segment is dirty');
    assert.equal(before.MinCleanableRatio, '1');
    assert.equal(before.FirstDirtyOffset, '0');
    assert.equal(before.State, 'below-ratio', 'a ratio of 1 does not exceed min.cleanable.dirty.ratio=1');
    assert.equal(before.LastCleaned, '-');
    assert.equal(before.RecordsRemoved, '0');
    assert.ok(Number(before.CleanableBytes) > 0, `cleanable bytes: ${before.CleanableBytes}`);

    await sluice(broker, ['topics', 'alter', '--topic', TOPIC, '--config', 'min.cleanable.dirty.ratio=0.01']);
    let after = before;
    const deadline = Date.now() + 30_000;
    while (after.LastCleaned === '-' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      after = await compactionOfPartitionZero(broker);
    }
    assert.match(after.LastCleaned!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(\d+ ms\)$/, 'a pass ran');
    assert.ok(Number(after.RecordsRemoved) > 0, `records removed: ${after.RecordsRemoved}`);
    assert.ok(Number(after.BytesRemoved) > 0, `bytes removed: ${after.BytesRemoved}`);
    assert.ok(Number(after.FirstDirtyOffset) > 0, `first dirty offset: ${after.FirstDirtyOffset}`);
    assert.equal(after.DirtyRatio, '0.000');
    assert.equal(after.State, 'clean');
  });

  it('prints no compaction block for a delete-policy topic', async () => {
    await sluice(broker, ['topics', 'create', '--topic', 'events', '--partitions', '1']);
    const { stdout } = await sluice(broker, ['topics', 'describe', '--topic', 'events']);
    assert.match(stdout, /\tTopic: events\tPartition: 0\tLeader: 1\t/);
    assert.doesNotMatch(stdout, /Compaction/);
  });

  it('says the status is unavailable, and why, when the leader serves no HTTP listener', async () => {
    const dark = await startBroker({ configs: { 'sluice.http.port': '-1' } });
    try {
      await sluice(dark, ['topics', 'create', '--topic', TOPIC, '--config', 'cleanup.policy=compact']);
      const { stdout } = await sluice(dark, ['topics', 'describe', '--topic', TOPIC]);
      assert.match(
        stdout,
        /^Compaction: prices\n\tPartitions 0: unavailable, broker 1 has no sluice\.http\.port$/m,
      );
    } finally {
      await dark.stop();
    }
  });
});
