/**
 * Exactly-once stream processing (issue 15) with confluent-kafka-python: a consume-transform-produce processor
 * (clients/confluent_eos_processor.py) reads keyed input with read_committed and writes its results and input
 * offsets in one transaction per batch. The test SIGKILLs the processor three times at random points of a
 * transaction (after a batch is written, while it is written, while it commits), restarting it with the same
 * transactional.id, SIGSTOPs a run that a new one then replaces (a zombie, SIGCONTed at the end: it must be fenced),
 * and SIGKILLs the broker once while the processor commits. A read_committed consumer tailing
 * the output through all of it, and read_committed consumers afterwards (librdkafka and kafkajs), must see every
 * input record's result exactly once; a read_uncommitted one also sees the results the killed transactions wrote
 * and the broker aborted. The processor runs with assigned partitions, and as a static
 * member of its group (KIP-345), whose offsets carry the group generation and member id (KIP-447).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, it, type TestContext } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const PROCESSOR = fileURLToPath(new URL('./clients/confluent_eos_processor.py', import.meta.url));
const TAIL = fileURLToPath(new URL('./clients/confluent_tail.py', import.meta.url));
const KAFKAJS_READ = fileURLToPath(new URL('./clients/kafkajs-read.mjs', import.meta.url));
const RECORDS = 3000;
const PARTITIONS = 3;
const BATCH = 50;
/** The processor's work between writing a batch and committing it: the window the kills aim at. */
const PAUSE_MS = 60;

/** How the processor takes its input partitions: assign() them, or subscribe() as a static group member. */
type Mode = 'assign' | 'subscribe';

const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One run of the processor; its stdout lines as they come. */
class Processor {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly events = new EventEmitter();
  private stderr = '';

  constructor(bootstrap: string, mode: Mode) {
    this.child = spawn(
      PYTHON,
      [
        PROCESSOR,
        bootstrap,
        'eos-in',
        'eos-out',
        'eos-group',
        'eos-app',
        String(BATCH),
        String(PAUSE_MS),
        mode,
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.lines.push(line);
      this.events.emit('line', line);
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.exited.then(() => this.events.emit('exit'));
  }

  /** Resolves with the first line (seen or to come) matching `pattern`; rejects if the processor exits first. */
  waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    const seen = this.lines.find((line) => pattern.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${pattern} in ${timeoutMs} ms`)), timeoutMs);
      const onLine = (line: string) => {
        if (pattern.test(line)) finish(undefined, line);
      };
      const onExit = () => finish(new Error(`processor exited before ${pattern}`));
      const finish = (error?: Error, line?: string) => {
        clearTimeout(timer);
        this.events.off('line', onLine);
        this.events.off('exit', onExit);
        if (error) reject(new Error(`${error.message}\n${this.transcript()}`));
        else resolve(line!);
      };
      this.events.on('line', onLine);
      this.events.on('exit', onExit);
    });
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGSTOP or SIGCONT: a process that stalls (a long GC pause, a frozen VM) and comes back as a zombie. */
  signal(signal: 'SIGSTOP' | 'SIGCONT'): void {
    this.child.kill(signal);
  }

  transcript(): string {
    return `stdout (last lines):\n${this.lines.slice(-15).join('\n')}\nstderr:\n${this.stderr.slice(-4000)}\nthreads: ${this.threadStates()}`;
  }

  /** Each thread's scheduler state and wait channel, to tell a stopped or blocked processor from a slow one. */
  private threadStates(): string {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null) return 'exited';
    try {
      return readdirSync(`/proc/${pid}/task`)
        .map((tid) => {
          const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
          const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
          const wchan = readFileSync(`/proc/${pid}/task/${tid}/wchan`, 'utf8');
          return `${tid}:${state}:${wchan || '-'}`;
        })
        .join(' ');
    } catch (error) {
      return `unreadable (${(error as Error).message})`;
    }
  }
}

async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below the ephemeral range, so that no client connection takes the port while the broker is down.
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

/** The output topic as a consumer with this isolation level reads it up to its end (the LSO for read_committed). */
async function readOutput(bootstrap: string, isolation: 'read_committed' | 'read_uncommitted') {
  const { stdout } = await runOk(
    'kcat',
    [
      '-b',
      bootstrap,
      '-C',
      '-t',
      'eos-out',
      '-o',
      'beginning',
      '-e',
      '-f',
      '%k=%s\n',
      '-X',
      `isolation.level=${isolation}`,
    ],
    {
      timeoutMs: 60_000,
    },
  );
  return stdout.split('\n').filter((line) => line !== '');
}

/** Every input record's result once, and nothing else. */
function assertExactlyOnce(records: string[], reader: string): void {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record, (counts.get(record) ?? 0) + 1);
  const expected = Array.from({ length: RECORDS }, (_, i) => `k${i}=out:v${i}`);
  const expectedSet = new Set(expected);
  const missing = expected.filter((record) => !counts.has(record));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([record]) => record);
  const unexpected = [...counts.keys()].filter((record) => !expectedSet.has(record));
  assert.deepEqual(missing, [], `${reader}: ${missing.length} input records have no result (lost)`);
  assert.deepEqual(duplicated, [], `${reader}: ${duplicated.length} results are there more than once`);
  assert.deepEqual(unexpected, [], `${reader}: results that no input record produced`);
  assert.equal(records.length, RECORDS, reader);
}

async function processWithKills(t: TestContext, mode: Mode): Promise<void> {
  const dataDir = tempDataDir();
  const port = await freePort();
  let broker: BrokerProcess = await startBroker({ dataDir, port });
  const processors: Processor[] = [];
  const tailers: ChildProcess[] = [];
  const start = () => {
    const processor = new Processor(broker.bootstrap, mode);
    processors.push(processor);
    return processor;
  };
  try {
    for (const topic of ['eos-in', 'eos-out']) {
      await runOk('node', [
        CLI,
        'topics',
        'create',
        '--bootstrap-server',
        broker.bootstrap,
        '--topic',
        topic,
        '--partitions',
        String(PARTITIONS),
      ]);
    }
    // A read_committed consumer tails the output from the start, through every abort and the broker restart.
    const tailer = spawn(
      PYTHON,
      [TAIL, broker.bootstrap, 'eos-out', 'read_committed', String(RECORDS), '150'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    tailers.push(tailer);
    let tailed = '';
    tailer.stdout.on('data', (chunk: Buffer) => (tailed += chunk.toString()));
    const tailerExited = new Promise<number | null>((resolve) => tailer.once('exit', resolve));

    const input = Array.from({ length: RECORDS }, (_, i) => `k${i}:v${i}`).join('\n');
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'eos-in', '-K:'], { input: `${input}\n` });

    // Kill 1: after a batch's results are written (acknowledged) and before its commit.
    const first = start();
    const killedAt = randomInt(2, 8);
    const flushed = await first.waitFor(new RegExp(`^FLUSHED ${killedAt} `));
    const firstDelay = randomInt(0, PAUSE_MS / 2);
    await sleep(firstDelay);
    await first.kill();
    t.diagnostic(`processor kill 1: ${firstDelay} ms after "${flushed}", last line "${first.lines.at(-1)}"`);
    const abortedWrites = Number(flushed.split(' ')[2]);
    assert.ok(!first.lines.includes(`COMMITTED ${killedAt} ${abortedWrites}`), 'kill 1 was mid-transaction');

    // Kill 2: while the batch is being written or right after (the commit comes PAUSE_MS after the flush).
    const second = start();
    const secondAt = randomInt(2, 8);
    await second.waitFor(new RegExp(`^BEGIN ${secondAt}$`));
    const secondDelay = randomInt(0, 40);
    await sleep(secondDelay);
    await second.kill();
    t.diagnostic(
      `processor kill 2: ${secondDelay} ms after "BEGIN ${secondAt}", last line "${second.lines.at(-1)}"`,
    );
    assert.ok(
      !second.lines.some((line) => line.startsWith(`COMMITTED ${secondAt} `)),
      'kill 2 was mid-transaction',
    );

    // Kill 3: while the commit is under way (AddOffsetsToTxn, TxnOffsetCommit, EndTxn and its markers); the
    // transaction may end either way, as long as its results and its offsets end the same way.
    const third = start();
    const thirdAt = randomInt(2, 8);
    await third.waitFor(new RegExp(`^COMMITTING ${thirdAt}$`));
    const thirdDelay = randomInt(0, 8);
    await sleep(thirdDelay);
    await third.kill();
    t.diagnostic(
      `processor kill 3: ${thirdDelay} ms after "COMMITTING ${thirdAt}", last line "${third.lines.at(-1)}"`,
    );

    // A zombie: a run stalls after writing a batch, and the next run (same transactional.id) replaces it.
    const zombie = start();
    const zombieAt = randomInt(2, 8);
    await zombie.waitFor(new RegExp(`^FLUSHED ${zombieAt} `));
    zombie.signal('SIGSTOP');

    // The broker dies under the fourth run while it commits (the transaction prepared, its markers and the
    // offsets being written, or not yet), and the run must carry on once it is back on the same port and data.
    const fourth = start();
    const before = await fourth.waitFor(new RegExp(`^COMMITTING ${randomInt(2, 6)}$`));
    const brokerDelay = randomInt(0, 10);
    await sleep(brokerDelay);
    await broker.stop('SIGKILL');
    t.diagnostic(
      `broker kill: ${brokerDelay} ms after "${before}", processor's last line "${fourth.lines.at(-1)}"`,
    );
    await sleep(300);
    broker = await startBroker({ dataDir, port });

    const done = await fourth.waitFor(/^DONE /, 60_000).catch((error: Error) => {
      throw new Error(
        `${error.message}\nbroker (last lines):\n${broker
          .output()
          .split('\n')
          .filter((line) => !line.includes(' recovered '))
          .slice(-20)
          .join('\n')}`,
      );
    });
    assert.equal(await fourth.exited, 0, fourth.transcript());

    // The zombie wakes up to finish its transaction: it was fenced, so it must fail for good and write nothing.
    zombie.signal('SIGCONT');
    const zombieEnd = await zombie.waitFor(new RegExp(`^(FATAL|COMMITTED ${zombieAt}) `), 60_000);
    t.diagnostic(`the zombie after SIGCONT: ${zombieEnd}`);
    assert.match(zombieEnd, /^FATAL .*_FENCED|PRODUCER_FENCED|FENCED_INSTANCE_ID/, zombie.transcript());
    assert.equal(await zombie.exited, 2, zombie.transcript());
    const recoveries = fourth.lines.filter((line) => /^(RETRY|ABORTED) /.test(line));
    t.diagnostic(
      `the processor through the broker restart: ${recoveries.join('; ') || 'no retries or aborts'}`,
    );
    const committedOffsets = JSON.parse(done.slice('DONE '.length)) as Record<string, number>;
    assert.equal(
      Object.values(committedOffsets).reduce((sum, offset) => sum + offset, 0),
      RECORDS,
      `the group's committed input offsets: ${done}`,
    );

    const committed = await readOutput(broker.bootstrap, 'read_committed');
    assertExactlyOnce(committed, 'read_committed from the beginning after the run');
    let giveUp: NodeJS.Timeout | undefined;
    const tailerCode = await Promise.race([
      tailerExited,
      new Promise((resolve) => (giveUp = setTimeout(() => resolve('still running after 30 s'), 30_000))),
    ]);
    clearTimeout(giveUp);
    assertExactlyOnce(
      tailed.split('\n').filter((line) => line !== ''),
      `read_committed tailing during the run (tail consumer: exit ${tailerCode})`,
    );

    // kafkajs filters aborted transactions itself too, from the aborted transactions the Fetch response lists.
    // It stops after RECORDS records: any aborted one among them leaves a committed one unread.
    const { stdout: kafkajsRead } = await runOk(
      'node',
      [KAFKAJS_READ, broker.bootstrap, 'eos-out', 'read_committed', String(RECORDS), '30000'],
      { timeoutMs: 60_000 },
    );
    assertExactlyOnce(
      kafkajsRead.split('\n').filter((line) => line !== ''),
      'kafkajs read_committed after the run',
    );

    // What the killed transactions wrote stays in the log, aborted: read_uncommitted sees it, so the
    // exactly-once result above is the read_committed filtering's doing, not an accident of timing.
    const uncommitted = await readOutput(broker.bootstrap, 'read_uncommitted');
    assert.ok(
      uncommitted.length >= RECORDS + abortedWrites,
      `read_uncommitted saw ${uncommitted.length} records, expected at least ${RECORDS} + ${abortedWrites} aborted`,
    );
    const uncommittedSet = new Set(uncommitted);
    const expected = Array.from({ length: RECORDS }, (_, i) => `k${i}=out:v${i}`);
    assert.ok(
      expected.every((record) => uncommittedSet.has(record)),
      'read_uncommitted misses committed results',
    );
  } finally {
    for (const processor of processors) await processor.kill();
    for (const tailer of tailers) tailer.kill('SIGKILL');
    await broker.stop();
  }
}

describe('exactly-once consume-transform-produce', () => {
  it('keeps every input record’s result exactly once through processor and broker SIGKILLs (assigned partitions)', (t) =>
    processWithKills(t, 'assign'));

  // Each restarted instance takes its predecessor's place under the same group.instance.id; Kafka persists that
  // replacement (GroupCoordinator.updateStaticMemberAndRebalance stores the group), so after the broker restart
  // the live instance is still the group's member and its offsets are accepted.
  it('keeps every input record’s result exactly once through processor and broker SIGKILLs (static group member, KIP-447 offsets)', (t) =>
    processWithKills(t, 'subscribe'));
});
