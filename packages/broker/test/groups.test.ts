/**
 * Consumer groups with real clients: members share a topic's partitions and consume every record exactly
 * once; committed offsets survive a broker restart (they live in __consumer_offsets).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const CONFIGS = { 'group.initial.rebalance.delay.ms': '200', 'num.partitions': '4' };

async function produce(bootstrap: string, topic: string, values: string[]): Promise<void> {
  await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: `${values.join('\n')}\n` });
}

function parse(stdout: string): { partition: number; offset: number; value: string }[] {
  return stdout
    .split('\n')
    .filter((l) => /^\d+:\d+:/.test(l))
    .map((l) => {
      const [partition, offset, ...rest] = l.split(':');
      return { partition: Number(partition), offset: Number(offset), value: rest.join(':') };
    });
}

describe('consumer groups', () => {
  let broker: BrokerProcess;
  const dataDir = tempDataDir();
  before(async () => {
    broker = await startBroker({ dataDir, configs: CONFIGS });
  });
  after(async () => {
    await broker.stop();
  });

  it('kafkajs: two members share the partitions and consume every record exactly once', async () => {
    const values = Array.from({ length: 400 }, (_, i) => `kjs-${i}`);
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'g-kafkajs'], { input: 'warm-up\n' });
    const members = [0, 1].map(() => {
      const child = spawn(process.execPath, [
        script('kafkajs-group.mjs'),
        broker.bootstrap,
        'g1',
        'g-kafkajs',
        '3000',
      ]);
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return { child, done, output: () => out };
    });
    // Produce only once both members hold their share: otherwise the first could drain the topic alone.
    const assignments = () =>
      members.map((m) =>
        (
          m
            .output()
            .match(/^ASSIGNED (.*)$/gm)
            ?.at(-1) ?? 'ASSIGNED '
        )
          .slice(9)
          .split(',')
          .filter(Boolean),
      );
    const deadline = Date.now() + 30_000;
    while (!assignments().every((a) => a.length > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const [a, b] = assignments();
    assert.ok(
      a!.length > 0 && b!.length > 0,
      `both members were assigned partitions: ${JSON.stringify(assignments())}`,
    );
    assert.ok(
      a!.every((p) => !b!.includes(p)),
      'no partition is assigned to both members',
    );
    // Keyed, so the records spread over every partition: librdkafka's sticky partitioner would put a quick
    // burst of unkeyed records on one partition, and one member would get them all.
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'g-kafkajs', '-K:'], {
      input: `${values.map((v) => `${v}:${v}`).join('\n')}\n`,
    });
    await Promise.all(members.map((m) => m.done));
    const consumed = members.map((m) => parse(m.output()).filter((r) => r.value !== 'warm-up'));
    assert.deepEqual(
      consumed
        .flat()
        .map((r) => r.value)
        .sort(),
      [...values].sort(),
      'every record once across the group',
    );
    assert.ok(
      consumed.every((c) => c.length > 0),
      `both members consumed: ${consumed.map((c) => c.length).join(', ')}`,
    );
  });

  it('confluent-kafka-python: subscribe() consumes and commits; a restarted broker and consumer resume after the commit', async () => {
    const first = Array.from({ length: 100 }, (_, i) => `py-${i}`);
    await produce(broker.bootstrap, 'g-python', first);
    const one = await runOk(
      '/usr/bin/python3',
      [script('confluent_group.py'), broker.bootstrap, 'g2', 'g-python', '3'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(
      parse(one.stdout)
        .map((r) => r.value)
        .sort(),
      [...first].sort(),
    );
    await broker.stop();
    broker = await startBroker({ dataDir, configs: CONFIGS });
    const second = Array.from({ length: 20 }, (_, i) => `py-after-${i}`);
    await produce(broker.bootstrap, 'g-python', second);
    const two = await runOk(
      '/usr/bin/python3',
      [script('confluent_group.py'), broker.bootstrap, 'g2', 'g-python', '3'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(
      parse(two.stdout)
        .map((r) => r.value)
        .sort(),
      [...second].sort(),
      'only what came after the committed offsets',
    );
  });

  it('@platformatic/kafka: a group consumer reads every record', async () => {
    const values = Array.from({ length: 50 }, (_, i) => `pk-${i}`);
    await produce(broker.bootstrap, 'g-platformatic', values);
    const result = await runOk(
      process.execPath,
      [script('platformatic-group.mjs'), broker.bootstrap, 'g3', 'g-platformatic', '3000'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(
      parse(result.stdout)
        .map((r) => r.value)
        .sort(),
      [...values].sort(),
    );
  });
});
