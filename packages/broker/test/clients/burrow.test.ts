/**
 * Burrow 1.2.1 (LinkedIn's consumer lag monitor; Debian's build, sarama inside) reads consumer groups straight
 * from Sluice's `__consumer_offsets`: it decodes the offset commit records byte for byte (key v1, value v3),
 * takes log end offsets from ListOffsets, and reports each partition's lag and the group's status over HTTP.
 *
 * - caught-up: a kcat balanced consumer (-G) reads a 3-partition topic to its end and commits on close, before
 *   Burrow starts; Burrow reads those commits from the beginning of __consumer_offsets: lag 0 everywhere, OK.
 * - lagging: a confluent-kafka-python member commits offset FIRST on every partition, then SECOND GAP seconds
 *   later, while Burrow runs. Burrow's lag per partition is exactly log end offset - SECOND (log end offsets
 *   from kcat -Q, committed offsets as the client committed them and as OffsetFetch returns them), and the
 *   group is OK while its last commits are recent; once GAP more seconds pass without a commit, every
 *   partition is STOP and the group ERR (Burrow's rule: a partition stopped committing when the time since its
 *   last commit exceeds the span of its commit window).
 * - Burrow logged no error, and no record it could not decode except group metadata value v3, which Kafka
 *   2.3+ writes too and which Burrow only learned to read after 1.2 (it names each member's partitions).
 *
 * Burrow's storage keeps a window of 2 commits per partition and the evaluator caches for 1 s (burrow/burrow.toml).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from '../support/broker-process.ts';
import { runOk } from '../support/run.ts';
import { startBurrow, startZooKeeper, type Burrow, type Service } from './burrow/burrow-process.ts';

const CLI = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));
const LAGGING_CONSUMER = fileURLToPath(new URL('./burrow/lagging_consumer.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
const CLUSTER = 'sluice';
const TOPIC = 'burrow-lag';
const PARTITIONS = 3;
const RECORDS = 90;
const FIRST = 10;
const SECOND = 20;
const GAP_SECONDS = 8;
const CAUGHT_UP = 'burrow-caught-up';
const LAGGING = 'burrow-lagging';

interface CommitEntry {
  offset: number;
  timestamp: number;
  lag: number;
}

interface PartitionStatus {
  topic: string;
  partition: number;
  status: string;
  start: CommitEntry | null;
  end: CommitEntry | null;
  current_lag: number;
  complete: number;
}

interface GroupStatus {
  cluster: string;
  group: string;
  status: string;
  complete: number;
  partitions: PartitionStatus[];
  partition_count: number;
  totallag: number;
}

/** The log end offset of each partition, as librdkafka's ListOffsets (latest) returns it. */
async function logEndOffsets(bootstrap: string): Promise<number[]> {
  const args = ['-b', bootstrap, '-Q'];
  for (let p = 0; p < PARTITIONS; p++) args.push('-t', `${TOPIC}:${p}:-1`);
  const { stdout } = await runOk('kcat', args);
  const offsets = new Array<number>(PARTITIONS).fill(-1);
  for (const match of stdout.matchAll(/^\S+ \[(\d+)\] offset (\d+)$/gm))
    offsets[Number(match[1])] = Number(match[2]);
  assert.ok(
    offsets.every((offset) => offset >= 0),
    `kcat -Q gave an end offset for every partition:\n${stdout}`,
  );
  return offsets;
}

/** A group's partitions in partition order: the commit window Burrow holds (offsets) and the current lag. */
function byPartition(status: GroupStatus) {
  return [...status.partitions]
    .sort((a, b) => a.partition - b.partition)
    .map((p) => ({
      topic: p.topic,
      partition: p.partition,
      start: p.start?.offset ?? null,
      end: p.end?.offset ?? null,
      currentLag: p.current_lag,
    }));
}

describe('Burrow 1.2.1 reports lag and status from __consumer_offsets', () => {
  let zookeeper: Service | undefined;
  let broker: BrokerProcess | undefined;
  let burrow: Burrow | undefined;
  let endOffsets: number[] = [];
  /** Where kcat's group (CAUGHT_UP) stopped on each partition: the offset after the last record it consumed. */
  let caughtUpCommitted: number[] = [];

  /**
   * Burrow's warnings and errors, but for two expected kinds: "unknown consumer" (the test's own polling asks
   * for groups before Burrow has read them) and group metadata value v3, which Burrow 1.2.1 cannot decode.
   */
  const unexpectedProblems = (): Record<string, unknown>[] =>
    (burrow?.log() ?? '')
      .split('\n')
      .filter((line) => /"level":"(warn|error|dpanic|panic|fatal)"/.test(line))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.level !== 'warn' || !(polledTooEarly(entry) || groupMetadataV3(entry)));
  const polledTooEarly = (entry: Record<string, unknown>) =>
    entry.msg === 'unknown consumer' && entry.request === 'StorageFetchConsumer';
  // Kafka 2.3+ writes this version too; Burrow decodes it only since 1.3 (it names each member's partitions).
  const groupMetadataV3 = (entry: Record<string, unknown>) =>
    entry.msg === 'failed to decode' &&
    entry.message_type === 'metadata' &&
    entry.reason === 'value version' &&
    entry.version === 3 &&
    (entry.group === CAUGHT_UP || entry.group === LAGGING);

  async function groupStatus(group: string): Promise<GroupStatus | null> {
    const { status, body } = await burrow!.get(`/v3/kafka/${CLUSTER}/consumer/${group}/lag`);
    return status === 200 ? (body.status as GroupStatus) : null;
  }

  /**
   * Polls `read` until `done` holds for what it returns. Fails at the deadline with the last value, or as soon
   * as Burrow logs a problem (such as a record it cannot decode), with the problems.
   */
  async function poll<T>(
    what: string,
    read: () => Promise<T>,
    done: (value: T) => boolean,
    timeoutMs: number,
  ) {
    const deadline = Date.now() + timeoutMs;
    let last = await read();
    while (!done(last)) {
      const problems = unexpectedProblems();
      if (problems.length > 0 || Date.now() > deadline)
        assert.fail(
          `${what}: ${problems.length > 0 ? 'Burrow logged problems first' : `not within ${timeoutMs} ms`}; ` +
            `last: ${JSON.stringify(last)}\nBurrow's problems:\n` +
            problems
              .slice(0, 20)
              .map((entry) => JSON.stringify(entry))
              .join('\n'),
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
      last = await read();
    }
    return last;
  }

  const waitForStatus = (
    group: string,
    what: string,
    done: (status: GroupStatus) => boolean,
    timeoutMs: number,
  ) =>
    poll(
      `${group}: ${what}`,
      () => groupStatus(group),
      (status) => status !== null && done(status),
      timeoutMs,
    ) as Promise<GroupStatus>;

  before(async () => {
    zookeeper = await startZooKeeper();
    broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '200' } });
    await runOk(CLI, [
      'topics',
      'create',
      '--bootstrap-server',
      broker.bootstrap,
      '--topic',
      TOPIC,
      '--partitions',
      String(PARTITIONS),
    ]);
    // Keyed, so the records spread over every partition (murmur2 puts 30, 29 and 31 on partitions 0, 1, 2).
    const lines = Array.from({ length: RECORDS }, (_, i) => `k${i + 1}:v${i + 1}`);
    await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', TOPIC, '-K:'], {
      input: `${lines.join('\n')}\n`,
    });
    endOffsets = await logEndOffsets(broker.bootstrap);
    assert.equal(
      endOffsets.reduce((sum, offset) => sum + offset, 0),
      RECORDS,
      'every record is in the topic',
    );
    assert.ok(
      endOffsets.every((offset) => offset > SECOND),
      `every partition has more than ${SECOND} records, so the lagging group lags on each: ${endOffsets}`,
    );
    // kcat commits the offsets after its last records when it closes at the end of every partition (-e).
    const consumed = await runOk(
      'kcat',
      ['-b', broker.bootstrap, '-G', CAUGHT_UP, '-o', 'beginning', '-e', '-f', '%p:%o\n', TOPIC],
      { timeoutMs: 30_000 },
    );
    caughtUpCommitted = new Array<number>(PARTITIONS).fill(0);
    for (const match of consumed.stdout.matchAll(/^(\d+):(\d+)$/gm)) {
      const partition = Number(match[1]);
      caughtUpCommitted[partition] = Math.max(caughtUpCommitted[partition]!, Number(match[2]) + 1);
    }
    burrow = await startBurrow({ bootstrap: broker.bootstrap, zookeeperPort: zookeeper.port });
  });

  after(async () => {
    await burrow?.stop();
    await zookeeper?.stop();
    await broker?.stop();
  });

  it(
    'reads commits made before it started from the beginning of __consumer_offsets: lag 0, OK',
    { timeout: 60_000 },
    async () => {
      assert.deepEqual(caughtUpCommitted, endOffsets, 'kcat consumed every partition to its end');
      const topic = await poll(
        `Burrow knows the log end offsets of ${TOPIC}`,
        () => burrow!.get(`/v3/kafka/${CLUSTER}/topic/${TOPIC}`),
        (response) => response.status === 200,
        10_000,
      );
      assert.deepEqual(
        topic.body.offsets,
        endOffsets,
        "Burrow's log end offsets (ListOffsets) match kcat -Q",
      );

      const status = await waitForStatus(
        CAUGHT_UP,
        'the commits at the log end offsets',
        (s) =>
          s.partitions.length === PARTITIONS &&
          s.partitions.every((p) => p.end?.offset === endOffsets[p.partition]),
        30_000,
      );
      const consumers = await burrow!.get(`/v3/kafka/${CLUSTER}/consumer`);
      assert.ok(
        (consumers.body.consumers as string[]).includes(CAUGHT_UP),
        `the consumer list has ${CAUGHT_UP}: ${JSON.stringify(consumers.body)}`,
      );
      // Only the last commit: kcat may also have auto-committed on the way (every 5 s).
      assert.deepEqual(
        byPartition(status).map(({ start: _, ...partition }) => partition),
        endOffsets.map((offset, partition) => ({ topic: TOPIC, partition, end: offset, currentLag: 0 })),
        'each partition committed at its log end offset, lag 0',
      );
      assert.equal(status.totallag, 0, 'total lag');
      assert.equal(status.status, 'OK', 'group status');
      assert.ok(
        status.partitions.every((p) => p.status === 'OK'),
        `every partition OK: ${JSON.stringify(status.partitions)}`,
      );
    },
  );

  it(
    'follows a live group that falls behind: exact lag per partition and in total, OK while it commits',
    { timeout: 60_000 },
    async () => {
      const result = await runOk(
        PYTHON,
        [
          LAGGING_CONSUMER,
          broker!.bootstrap,
          LAGGING,
          TOPIC,
          String(PARTITIONS),
          String(FIRST),
          String(SECOND),
          String(GAP_SECONDS),
        ],
        { timeoutMs: 45_000 },
      );
      const events = result.stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map(
          (line) =>
            JSON.parse(line) as {
              committed?: number;
              offset?: number;
              phase?: number;
              fetched?: Record<string, number>;
            },
        );
      const commits = (phase: number) =>
        events
          .filter((e) => e.phase === phase)
          .map((e) => [e.committed, e.offset])
          .sort((a, b) => a[0]! - b[0]!);
      const all = Array.from({ length: PARTITIONS }, (_, p) => p);
      assert.deepEqual(
        commits(1),
        all.map((p) => [p, FIRST]),
        `first commits:\n${result.stdout}`,
      );
      assert.deepEqual(
        commits(2),
        all.map((p) => [p, SECOND]),
        `second commits:\n${result.stdout}`,
      );
      assert.deepEqual(
        events.find((e) => e.fetched)?.fetched,
        Object.fromEntries(all.map((p) => [String(p), SECOND])),
        'OffsetFetch returns the second commits',
      );

      const status = await waitForStatus(
        LAGGING,
        `both commits on every partition`,
        (s) =>
          s.partitions.length === PARTITIONS &&
          s.partitions.every((p) => p.start?.offset === FIRST && p.end?.offset === SECOND),
        GAP_SECONDS * 1000,
      );
      const expectedLag = endOffsets.map((offset) => offset - SECOND);
      assert.deepEqual(
        byPartition(status),
        endOffsets.map((offset, partition) => ({
          topic: TOPIC,
          partition,
          start: FIRST,
          end: SECOND,
          currentLag: offset - SECOND,
        })),
        'each partition: commit window FIRST..SECOND, current lag = log end offset - SECOND',
      );
      assert.deepEqual(
        [...status.partitions]
          .sort((a, b) => a.partition - b.partition)
          .map((p) => [p.start!.lag, p.end!.lag]),
        endOffsets.map((offset) => [offset - FIRST, offset - SECOND]),
        'the lag Burrow stored with each commit',
      );
      assert.equal(
        status.totallag,
        expectedLag.reduce((sum, lag) => sum + lag, 0),
        'total lag',
      );
      assert.equal(status.status, 'OK', `group status while it commits: ${JSON.stringify(status)}`);
      assert.ok(
        status.partitions.every((p) => p.status === 'OK' && p.complete === 1),
        `every partition OK with a full window: ${JSON.stringify(status.partitions)}`,
      );
    },
  );

  it(
    'marks the group ERR, every partition STOP, once it stopped committing for longer than its window',
    { timeout: 60_000 },
    async () => {
      const status = await waitForStatus(
        LAGGING,
        'status ERR with every partition STOP',
        (s) => s.status === 'ERR' && s.partitions.every((p) => p.status === 'STOP'),
        (2 * GAP_SECONDS + 10) * 1000,
      );
      assert.deepEqual(
        [...status.partitions]
          .sort((a, b) => a.partition - b.partition)
          .map((p) => [p.status, p.current_lag]),
        endOffsets.map((offset) => ['STOP', offset - SECOND]),
        'every partition STOP, its lag unchanged',
      );
      const caughtUp = await groupStatus(CAUGHT_UP);
      assert.equal(caughtUp?.status, 'OK', 'a group with no lag never stops being OK');
    },
  );

  it('decoded every offset commit record and logged no error', () => {
    assert.ok(
      burrow!.log().includes('"starting consumers"'),
      "Burrow's log shows its consumer module started",
    );
    assert.deepEqual(
      unexpectedProblems(),
      [],
      'Burrow logged no error, and no warning but for group metadata value v3 of our groups',
    );
  });
});
