/**
 * Kafka transactions (issue 15) with real clients: kafkajs commits, aborts and sends offsets; librdkafka
 * (confluent-kafka-python and kcat) checks zombie fencing, the broker aborting a transaction past its
 * transaction.timeout.ms, and an open transaction surviving a broker SIGKILL. Every read is by a real consumer
 * with isolation.level read_committed or read_uncommitted, so what is asserted is what applications see.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));

type Isolation = 'read_committed' | 'read_uncommitted';

interface ClientError {
  name: string;
  code?: number;
  fatal?: boolean;
  retriable?: boolean;
  txn_requires_abort?: boolean;
  str: string;
}

interface Answer {
  op: string;
  ok: boolean;
  error?: ClientError;
  delivered?: number[];
  failed?: ClientError[];
  /** A group's committed offset (`committed`), -1001 for none. */
  offset?: number;
}

/** A transactional confluent-kafka-python producer (clients/confluent_tx_driver.py) the test drives a call at a time. */
class TxProducer {
  private readonly answers: string[] = [];
  private wake: (() => void) | undefined;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      this.answers.push(line);
      this.wake?.();
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  static start(bootstrap: string, transactionalId: string, transactionTimeoutMs?: number): TxProducer {
    const args = [script('confluent_tx_driver.py'), bootstrap, transactionalId];
    if (transactionTimeoutMs !== undefined) args.push(String(transactionTimeoutMs));
    return new TxProducer(spawn(PYTHON, args, { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  async call(command: string, timeoutMs = 60_000): Promise<Answer> {
    this.child.stdin.write(`${command}\n`);
    const deadline = Date.now() + timeoutMs;
    while (this.answers.length === 0) {
      if (this.child.exitCode !== null) throw new Error(`producer exited on "${command}":\n${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(`no answer to "${command}" in ${timeoutMs} ms:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 200);
      });
    }
    return JSON.parse(this.answers.shift()!) as Answer;
  }

  /** Like call(), but fails unless the client call succeeded. */
  async ok(command: string): Promise<Answer> {
    const answer = await this.call(command);
    assert.equal(answer.ok, true, `"${command}" failed: ${JSON.stringify(answer.error)}\n${this.stderr}`);
    assert.deepEqual(answer.failed ?? [], [], `"${command}" had undelivered records`);
    return answer;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

async function createTopic(bootstrap: string, topic: string, partitions: number): Promise<void> {
  await runOk('node', [
    CLI,
    'topics',
    'create',
    '--bootstrap-server',
    bootstrap,
    '--topic',
    topic,
    '--partitions',
    String(partitions),
  ]);
}

function kcatArgs(bootstrap: string, topic: string, isolation: Isolation, partition?: number): string[] {
  const args = ['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-f', '%s\n'];
  args.push('-X', `isolation.level=${isolation}`);
  if (partition !== undefined) args.push('-p', String(partition));
  return args;
}

/** Everything a consumer with this isolation level reads up to the end (the LSO for read_committed). */
async function readToEnd(bootstrap: string, topic: string, isolation: Isolation, partition?: number) {
  const { stdout } = await runOk('kcat', [...kcatArgs(bootstrap, topic, isolation, partition), '-e'], {
    timeoutMs: 30_000,
  });
  return stdout.split('\n').filter((line) => line !== '');
}

/** Starts a read_committed consumer that waits for its first record; resolves with it (or rejects on timeout). */
function firstCommittedRecord(bootstrap: string, topic: string, partition: number, timeoutMs: number) {
  return runOk('kcat', [...kcatArgs(bootstrap, topic, 'read_committed', partition), '-c', '1'], {
    timeoutMs,
  }).then(({ stdout }) => stdout.trim());
}

async function produceNonTransactional(bootstrap: string, topic: string, partition: number, value: string) {
  await runOk('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(partition)], { input: `${value}\n` });
}

/** A free port below the ephemeral range, so that no client connection takes it while the broker is down. */
async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port found');
}

describe('transactions with real clients', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker({
      configs: { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': '500' },
    });
  });
  after(async () => {
    await broker.stop();
  });

  it('kafkajs: read_committed sees only committed records, the group offset is the committed transaction’s', async () => {
    const { stdout } = await runOk(
      'node',
      [script('kafkajs-transactions.mjs'), broker.bootstrap, 'kjs-tx', 'kjs-group'],
      {
        timeoutMs: 90_000,
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    const committed = ['committed-0', 'committed-1', 'committed-2', 'committed-3', 'committed-4'];
    assert.deepEqual(report.readCommitted, committed, broker.output());
    assert.deepEqual(report.readUncommitted, ['aborted-0', 'aborted-1', ...committed]);
    // sendOffsets of the committed transaction (7) counts; the aborted one's (99) never does.
    assert.deepEqual(report.groupOffsets, ['7', '-1']);
  });

  it('confluent-kafka-python: a producer with the same transactional.id fences the zombie and aborts its transaction', async (t) => {
    // What the zombie tries after it was fenced: each reaches the broker by another request (Produce,
    // AddPartitionsToTxn, AddOffsetsToTxn, EndTxn), and each must fail for good.
    const nextSteps = [
      { what: 'writes to its partition', command: (topic: string) => `produce ${topic} 0 zombie-3` },
      { what: 'writes to a new partition', command: (topic: string) => `produce ${topic} 1 zombie-3` },
      { what: 'sends offsets', command: (topic: string) => `offsets fenced-group ${topic} 0 5` },
      { what: 'commits', command: undefined },
    ];
    for (const [i, step] of nextSteps.entries()) {
      const topic = `fencing-${i}`;
      await createTopic(broker.bootstrap, topic, 2);
      const zombie = TxProducer.start(broker.bootstrap, `fenced-app-${i}`);
      const successor = TxProducer.start(broker.bootstrap, `fenced-app-${i}`);
      try {
        await zombie.ok('init');
        await zombie.ok('begin');
        const open = await zombie.ok(`produce ${topic} 0 zombie-0 zombie-1 zombie-2`);
        assert.deepEqual(open.delivered, [0, 1, 2]);

        await successor.ok('init');

        const attempt = step.command ? await zombie.call(step.command(topic)) : undefined;
        assert.deepEqual(attempt?.delivered ?? [], [], `a fenced producer that ${step.what} wrote a record`);
        assert.notEqual(attempt?.ok, true, `a fenced producer ${step.what} without an error`);
        const commit = await zombie.call('commit');
        t.diagnostic(
          `fenced producer ${step.what}: ${JSON.stringify(attempt)}; then commits: ${JSON.stringify(commit)}`,
        );
        assert.equal(commit.ok, false, `the fenced producer committed after it ${step.what}`);
        assert.equal(commit.error!.fatal, true, `not fatal: ${JSON.stringify(commit.error)}`);
        assert.match(commit.error!.name, /^(_FENCED|PRODUCER_FENCED)$/, JSON.stringify(commit.error));

        await successor.ok('begin');
        await successor.ok(`produce ${topic} 0 successor-0 successor-1`);
        await successor.ok('commit');

        assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed'), [
          'successor-0',
          'successor-1',
        ]);
        // The zombie's records before the fencing are in the log, aborted: only read_uncommitted sees them.
        assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_uncommitted'), [
          'zombie-0',
          'zombie-1',
          'zombie-2',
          'successor-0',
          'successor-1',
        ]);
        const offset = await successor.ok(`committed fenced-group ${topic} 0 read_committed 10000`);
        assert.equal(offset.offset, -1001, 'the fenced producer committed group offsets');
      } finally {
        zombie.kill();
        successor.kill();
      }
    }
  });

  it('the broker aborts a transaction older than transaction.timeout.ms; read_committed consumers move past it', async (t) => {
    const topic = 'timeout';
    await createTopic(broker.bootstrap, topic, 1);
    const hung = TxProducer.start(broker.bootstrap, 'hung-app', 6000);
    try {
      await hung.ok('init');
      await hung.ok('begin');
      const open = await hung.ok(`produce ${topic} 0 hung-0 hung-1 hung-2`);
      assert.deepEqual(open.delivered, [0, 1, 2]);
      await produceNonTransactional(broker.bootstrap, topic, 0, 'after-0');

      // While the transaction is open the LSO is its first offset: read_committed ends before it.
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed'), []);
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_uncommitted'), [
        'hung-0',
        'hung-1',
        'hung-2',
        'after-0',
      ]);

      // A read_committed consumer waiting now gets the record after the transaction once the broker aborts it.
      const started = Date.now();
      assert.equal(await firstCommittedRecord(broker.bootstrap, topic, 0, 30_000), 'after-0');
      const waitedMs = Date.now() - started;

      const commit = await hung.call('commit');
      t.diagnostic(`aborted after ${waitedMs} ms; the hung producer's commit: ${JSON.stringify(commit)}`);
      assert.equal(commit.ok, false, `a transaction the broker aborted committed (after ${waitedMs} ms)`);
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed'), ['after-0']);
    } finally {
      hung.kill();
    }
  });

  it('a transaction.timeout.ms above the broker’s transaction.max.timeout.ms is refused', async () => {
    const greedy = TxProducer.start(broker.bootstrap, 'greedy-app', 900_001);
    try {
      const init = await greedy.call('init');
      assert.equal(init.ok, false, 'init_transactions accepted a timeout above transaction.max.timeout.ms');
      assert.equal(init.error!.name, 'INVALID_TRANSACTION_TIMEOUT', JSON.stringify(init.error));
    } finally {
      greedy.kill();
    }
  });

  it('a read_committed consumer gets no group offset a transaction holds until it ends (require_stable)', async (t) => {
    const topic = 'stable-offsets';
    const group = 'stable-group';
    await createTopic(broker.bootstrap, topic, 1);
    const producer = TxProducer.start(broker.bootstrap, 'offsets-app');
    const committed = async (isolation: Isolation, timeoutMs: number) =>
      producer.call(`committed ${group} ${topic} 0 ${isolation} ${timeoutMs}`);
    try {
      await producer.ok('init');
      await producer.ok('begin');
      await producer.ok(`offsets ${group} ${topic} 0 3`);
      await producer.ok('commit');

      await producer.ok('begin');
      await producer.ok(`offsets ${group} ${topic} 0 8`);
      // The broker answers UNSTABLE_OFFSET_COMMIT and librdkafka asks again until the transaction ends: a
      // consumer starting now must neither start at 3 (and redo what the transaction covers) nor at 8.
      const pending = await committed('read_committed', 3000);
      t.diagnostic(
        `committed() of a read_committed consumer while the offset is pending: ${JSON.stringify(pending)}`,
      );
      assert.equal(
        pending.ok,
        false,
        `a read_committed consumer got offset ${pending.offset} of an open transaction`,
      );
      assert.equal((await committed('read_uncommitted', 10_000)).offset, 3);
      await producer.ok('commit');
      assert.equal((await committed('read_committed', 10_000)).offset, 8);

      await producer.ok('begin');
      await producer.ok(`offsets ${group} ${topic} 0 20`);
      await producer.ok('abort');
      assert.equal((await committed('read_committed', 10_000)).offset, 8);
    } finally {
      producer.kill();
    }
  });
});

describe('transactions across a broker SIGKILL', () => {
  it('an open transaction stays open (the LSO holds) until its producer commits, a new instance aborts it, or it times out', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const configs = { 'transaction.abort.timed.out.transaction.cleanup.interval.ms': '500' };
    let broker = await startBroker({ dataDir, port, configs });
    const topic = 'restart';
    // One transaction per partition: its producer survives and commits (0), is replaced by a new instance (1), or
    // never comes back (2).
    const survivor = TxProducer.start(broker.bootstrap, 'survivor-app', 120_000);
    const crashed = TxProducer.start(broker.bootstrap, 'restarted-app', 120_000);
    const orphan = TxProducer.start(broker.bootstrap, 'orphan-app', 8000);
    let restarted: TxProducer | undefined;
    try {
      await createTopic(broker.bootstrap, topic, 3);
      for (const [partition, producer, name] of [
        [0, survivor, 'survivor'],
        [1, crashed, 'restarted'],
        [2, orphan, 'orphan'],
      ] as const) {
        await producer.ok('init');
        await producer.ok('begin');
        await producer.ok(`produce ${topic} ${partition} ${name}-0 ${name}-1`);
        await produceNonTransactional(broker.bootstrap, topic, partition, `plain-${partition}`);
      }
      crashed.kill();
      orphan.kill();

      await broker.stop('SIGKILL');
      broker = await startBroker({ dataDir, port, configs });

      // Recovery rebuilt the open transactions: the LSO of partitions 0 and 1 is still their first offset.
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_uncommitted', 0), [
        'survivor-0',
        'survivor-1',
        'plain-0',
      ]);
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed', 0), []);
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed', 1), []);

      // A new instance with the crashed producer's transactional.id aborts its transaction (long before its timeout).
      restarted = TxProducer.start(broker.bootstrap, 'restarted-app', 120_000);
      await restarted.ok('init');
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed', 1), ['plain-1']);

      // The orphaned transaction times out on the restarted broker, and partition 2 becomes readable past it.
      assert.equal(await firstCommittedRecord(broker.bootstrap, topic, 2, 45_000), 'plain-2');
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed', 2), ['plain-2']);

      // The surviving producer reconnects, writes more in the transaction it began before the crash (the
      // recovered producer state takes its next sequence numbers) and commits it.
      const more = await survivor.ok(`produce ${topic} 0 survivor-2`);
      assert.deepEqual(more.delivered, [3]);
      await survivor.ok('commit');
      assert.deepEqual(await readToEnd(broker.bootstrap, topic, 'read_committed', 0), [
        'survivor-0',
        'survivor-1',
        'plain-0',
        'survivor-2',
      ]);
    } finally {
      for (const producer of [survivor, crashed, orphan, restarted]) producer?.kill();
      await broker.stop();
    }
  });
});
