/**
 * Consumer group rebalances with four real clients: confluent-kafka-python (librdkafka), kafka-python, kafkajs
 * and @platformatic/kafka. For each client one group lives through three phases on its own 6-partition topic
 * while keyed records are produced without pause (kcat, about 50 a second, spread over every partition):
 *
 * - join:   member A consumes alone; B joins, then C; after each rebalance the members own disjoint
 *           partitions covering all 6, each consumes, and every record produced so far was consumed once;
 * - leave:  B closes (LeaveGroup); A and C take over its partitions; still every record once;
 * - killed: C is SIGKILLed (no LeaveGroup); A takes over only after C's session timeout; no record is lost, and
 *           a record is consumed twice only if C consumed it and had not committed it. Finally the group's
 *           committed offsets are the partitions' high watermarks.
 *
 * Members (./rebalance/*) commit synchronously after each record and print JSON lines on stdout: "assigned" and
 * "revoked" (their partitions), "record" (printed before its commit), "committed" (the next offset, printed
 * after the commit succeeded) or "commit_failed". With eager rebalancing and a commit after each record, a
 * rebalance never redelivers a record: a member rejoins only after committing what it processed, so the next
 * owner starts at that commit. Only a member that dies between processing and committing leaves a record
 * to be consumed again. (@platformatic/kafka rejoins from a timer while its stream keeps delivering, so its
 * member script gates processing on the rebalance events; see platformatic-member.mjs.)
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it, type TestContext } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  Reader,
  apis,
  consumerProtocolAssignmentVersions,
  decodeConsumerProtocolAssignment,
} from '@sluice/protocol';
import { startBroker, type BrokerProcess } from '../support/broker-process.ts';
import { kcatReadAll } from '../support/kcat.ts';

const PARTITIONS = 6;
const ALL_PARTITIONS = Array.from({ length: PARTITIONS }, (_, i) => i);
/** group.min.session.timeout.ms: the shortest session the broker accepts, so a killed member expires soonest. */
const SESSION_TIMEOUT_MS = 6_000;
const PRODUCE_INTERVAL_MS = 20;
const REBALANCE_DEADLINE_MS = 30_000;
const CATCH_UP_DEADLINE_MS = 30_000;
const PHASE_TIMEOUT_MS = 90_000;

interface Client {
  name: string;
  command: string;
  script: string;
}

const script = (name: string) => fileURLToPath(new URL(`./rebalance/${name}`, import.meta.url));
const CLIENTS: Client[] = [
  { name: 'confluent-kafka-python', command: '/usr/bin/python3', script: script('confluent_member.py') },
  { name: 'kafka-python', command: '/usr/bin/python3', script: script('kafka_python_member.py') },
  { name: 'kafkajs', command: process.execPath, script: script('kafkajs-member.mjs') },
  { name: '@platformatic/kafka', command: process.execPath, script: script('platformatic-member.mjs') },
];

interface ConsumedRecord {
  member: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
  /** When the test read the line. */
  at: number;
}

type MemberEvent =
  | { event: 'assigned' | 'revoked'; partitions: number[] }
  | { event: 'record'; partition: number; offset: number; key: string; value: string }
  | { event: 'committed' | 'commit_failed'; partition: number; offset: number; error?: string }
  | { event: 'closed' }
  | { event: 'error'; error: string };

async function waitFor(condition: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One group member process; its JSON lines are parsed as they arrive. */
class Member {
  readonly events: (MemberEvent & { at: number })[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessWithoutNullStreams;
  private stderr = '';

  constructor(
    readonly name: string,
    client: Client,
    bootstrap: string,
    groupId: string,
    topic: string,
  ) {
    this.child = spawn(client.command, [
      client.script,
      bootstrap,
      groupId,
      topic,
      String(SESSION_TIMEOUT_MS),
    ]);
    let pending = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        this.events.push({ ...(JSON.parse(line) as MemberEvent), at: Date.now() });
      }
    });
    this.child.stderr.on(
      'data',
      (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)),
    );
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  records(): ConsumedRecord[] {
    return this.events.flatMap((e) => (e.event === 'record' ? [{ ...e, member: this.name }] : []));
  }

  /** The partitions this member owns now, by its own account: its last assignment, less what it revoked since. */
  assignment(): number[] {
    let owned: number[] = [];
    for (const e of this.events) {
      if (e.event === 'assigned') owned = [...e.partitions];
      else if (e.event === 'revoked') owned = owned.filter((p) => !e.partitions.includes(p));
    }
    return owned.sort((a, b) => a - b);
  }

  /** Records this member consumed from partitions it did not own at that moment (by its own events). */
  consumedUnowned(): ConsumedRecord[] {
    let owned = new Set<number>();
    const unowned: ConsumedRecord[] = [];
    for (const e of this.events) {
      if (e.event === 'assigned') owned = new Set(e.partitions);
      else if (e.event === 'revoked') for (const p of e.partitions) owned.delete(p);
      else if (e.event === 'record' && !owned.has(e.partition)) unowned.push({ ...e, member: this.name });
    }
    return unowned;
  }

  /** The next offset of the last successful commit, per partition. */
  committed(): Map<number, number> {
    const committed = new Map<number, number>();
    for (const e of this.events) {
      if (e.event === 'committed')
        committed.set(e.partition, Math.max(e.offset, committed.get(e.partition) ?? 0));
    }
    return committed;
  }

  /** Closes the consumer cleanly: the member sends LeaveGroup and exits 0. */
  async close(): Promise<void> {
    this.child.stdin.write('close\n');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.name} did not close:\n${this.describe()}`)), 30_000);
    });
    const { code } = await Promise.race([this.exited, deadline]).finally(() => clearTimeout(timer));
    assert.equal(code, 0, `${this.name} exited cleanly:\n${this.describe()}`);
    assert.ok(
      this.events.some((e) => e.event === 'closed'),
      `${this.name} reported its close:\n${this.describe()}`,
    );
  }

  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  describe(): string {
    const interesting = this.events.filter((e) => e.event !== 'record' && e.event !== 'committed');
    return [
      `${this.name}: ${this.records().length} records, assignment [${this.assignment().join(',')}]`,
      ...interesting.slice(-15).map((e) => `  ${JSON.stringify(e)}`),
      `  stderr: ${this.stderr.slice(-1500)}`,
    ].join('\n');
  }
}

/** kcat producing keyed records continuously from stdin; values are `${prefix}-${sequence number}`. */
class Producer {
  produced = 0;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly timer: NodeJS.Timeout;
  private readonly exited: Promise<number | null>;
  private stderr = '';

  constructor(bootstrap: string, topic: string, prefix: string) {
    this.child = spawn('kcat', ['-b', bootstrap, '-P', '-t', topic, '-K:', '-X', 'linger.ms=5']);
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.timer = setInterval(() => {
      this.child.stdin.write(`k${this.produced}:${prefix}-${this.produced}\n`);
      this.produced++;
    }, PRODUCE_INTERVAL_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.child.stdin.end();
    assert.equal(await this.exited, 0, `kcat producer exited cleanly: ${this.stderr}`);
  }

  kill(): void {
    clearInterval(this.timer);
    this.child.kill('SIGKILL');
  }
}

/** Everything consumed by the members, keyed by value (one value per produced record). */
function consumedByValue(members: Member[]): Map<string, ConsumedRecord[]> {
  const byValue = new Map<string, ConsumedRecord[]>();
  for (const record of members.flatMap((m) => m.records())) {
    byValue.set(record.value, [...(byValue.get(record.value) ?? []), record]);
  }
  return byValue;
}

function isSettled(members: Member[]): boolean {
  const owned = members.map((m) => m.assignment());
  const all = owned.flat().sort((a, b) => a - b);
  return owned.every((o) => o.length > 0) && JSON.stringify(all) === JSON.stringify(ALL_PARTITIONS);
}

function describeMembers(members: Member[]): string {
  return members.map((m) => m.describe()).join('\n');
}

/** The partitions of `topic` in a member's ConsumerProtocolAssignment, as the coordinator stored it. */
function assignedPartitions(assignment: Buffer, topic: string): number[] {
  if (assignment.length === 0) return [];
  const reader = new Reader(assignment);
  const version = Math.min(reader.int16(), consumerProtocolAssignmentVersions.max);
  return decodeConsumerProtocolAssignment(reader, version)
    .assignedPartitions.filter((t) => t.topic === topic)
    .flatMap((t) => t.partitions)
    .sort((a, b) => a - b);
}

const formatRecords = (records: ConsumedRecord[]) =>
  records.map((r) => `${r.member}:${r.partition}@${r.offset}=${r.value}`).join(', ');

describe('consumer group rebalances with real clients', () => {
  let broker: BrokerProcess;
  let admin: KafkaConnection;

  before(async () => {
    broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
    admin = await KafkaConnection.connect('127.0.0.1', broker.port);
  });
  after(async () => {
    admin?.close();
    await broker?.stop();
  });

  for (const client of CLIENTS) {
    describe(client.name, () => {
      const slug = client.name.replace(/[^a-z0-9]+/g, '-').replace(/^-/, '');
      const topic = `rebalance-${slug}`;
      const groupId = `rebalance-${slug}`;
      const members: Member[] = [];
      let producer: Producer | undefined;
      let a: Member;
      let b: Member;
      let c: Member;
      /** A phase only makes sense after the previous one passed: the group is in the state it left. */
      let previousPhasePassed = true;

      /** What the members and the broker's coordinator said, for failure messages. */
      const story = () => {
        const coordinator = broker
          .output()
          .split('\n')
          .filter((line) => line.includes(groupId))
          .slice(-20);
        return `${describeMembers(members)}\nbroker:\n${coordinator.join('\n')}`;
      };
      const start = (name: string) => {
        const member = new Member(name, client, broker.bootstrap, groupId, topic);
        members.push(member);
        return member;
      };
      /**
       * Waits until the `settled` members own disjoint partitions covering all 6, and checks that the
       * coordinator holds the same assignments for its Stable group.
       */
      const waitForAssignment = async (
        settled: Member[],
        what: string,
        timeoutMs = REBALANCE_DEADLINE_MS,
      ) => {
        await waitFor(
          () => isSettled(settled),
          timeoutMs,
          () => `${what}: disjoint assignments covering partitions 0-5\n${story()}`,
        );
        const described = (
          await admin.request(ApiKey.DescribeGroups, {
            groups: [groupId],
            includeAuthorizedOperations: false,
          })
        ).groups[0]!;
        assert.equal(described.groupState, 'Stable', `${what}: the group is Stable\n${story()}`);
        assert.deepEqual(
          described.members.map((m) => assignedPartitions(m.memberAssignment, topic).join(',')).sort(),
          settled.map((m) => m.assignment().join(',')).sort(),
          `${what}: DescribeGroups shows the assignments the members report\n${story()}`,
        );
      };
      /** Waits until each of `settled` consumes a record after this call. */
      const waitForConsumption = async (settled: Member[], what: string) => {
        const since = Date.now();
        await waitFor(
          () => settled.every((m) => m.records().some((r) => r.at >= since)),
          CATCH_UP_DEADLINE_MS,
          () => `${what}: every member consuming after the rebalance\n${story()}`,
        );
      };
      /** Waits until each of `partitions` had a record consumed by one of `owners` since `since`. */
      const waitForPartitionsConsumed = async (
        owners: Member[],
        partitions: number[],
        since: number,
        what: string,
      ) => {
        await waitFor(
          () =>
            partitions.every((p) =>
              owners.some((m) => m.records().some((r) => r.at >= since && r.partition === p)),
            ),
          CATCH_UP_DEADLINE_MS,
          () =>
            `${what} [${partitions.join(',')}] consumed by ${owners.map((m) => m.name).join(' or ')}\n${story()}`,
        );
      };
      /** Waits until every record produced so far was consumed, and checks that none was consumed twice. */
      const checkEveryRecordOnce = async (what: string) => {
        const produced = Array.from({ length: producer!.produced }, (_, i) => `${slug}-${i}`);
        await waitFor(
          () => {
            const consumed = consumedByValue(members);
            return produced.every((v) => consumed.has(v));
          },
          CATCH_UP_DEADLINE_MS,
          () => {
            const consumed = consumedByValue(members);
            const missing = produced.filter((v) => !consumed.has(v));
            return `${what}: ${missing.length} of ${produced.length} records not consumed (first: ${missing.slice(0, 10).join(', ')})\n${story()}`;
          },
        );
        const duplicated = [...consumedByValue(members).values()].filter((r) => r.length > 1);
        assert.deepEqual(duplicated.map(formatRecords), [], `${what}: no record consumed twice\n${story()}`);
        const unowned = members.flatMap((m) => m.consumedUnowned());
        assert.deepEqual(
          formatRecords(unowned),
          '',
          `${what}: members consume only partitions assigned to them\n${story()}`,
        );
      };
      const phase = (name: string, body: (t: TestContext) => Promise<void>) =>
        it(name, { timeout: PHASE_TIMEOUT_MS }, async (t) => {
          assert.ok(previousPhasePassed, 'the previous phase of this group passed');
          previousPhasePassed = false;
          await body(t);
          t.diagnostic(
            `${producer!.produced} produced; consumed: ${members.map((m) => `${m.name} ${m.records().length} [${m.assignment().join(',')}]`).join(', ')}`,
          );
          previousPhasePassed = true;
        });

      before(async () => {
        const created = await admin.request(ApiKey.CreateTopics, {
          topics: [
            { name: topic, numPartitions: PARTITIONS, replicationFactor: 1, assignments: [], configs: [] },
          ],
          timeoutMs: 10_000,
          validateOnly: false,
        });
        assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, `create ${topic}`);
      });
      after(async () => {
        producer?.kill();
        await Promise.all(members.map((m) => m.kill()));
      });

      phase(
        'join: a 2nd and a 3rd member join a consuming member; they split the partitions and consume every record once',
        async () => {
          a = start('A');
          await waitForAssignment([a], 'A alone');
          producer = new Producer(broker.bootstrap, topic, slug);
          await waitFor(
            () => a.records().length >= 20,
            CATCH_UP_DEADLINE_MS,
            () => `A consuming alone\n${story()}`,
          );
          b = start('B');
          await waitForAssignment([a, b], 'B joined');
          await waitForConsumption([a, b], 'B joined');
          c = start('C');
          await waitForAssignment([a, b, c], 'C joined');
          await waitForConsumption([a, b, c], 'C joined');
          await checkEveryRecordOnce('after the joins');
        },
      );

      phase(
        'leave: a member closes (LeaveGroup); the others take over its partitions without redelivery',
        async (t) => {
          const bOwned = b.assignment();
          const closedAt = Date.now();
          await b.close();
          await waitForAssignment([a, c], 'B left');
          const tookOverAfter = Date.now() - closedAt;
          t.diagnostic(`A and C took over B's partitions ${tookOverAfter} ms after B began to close`);
          // Without a LeaveGroup the coordinator would only notice B gone when its session expired.
          assert.ok(
            tookOverAfter < SESSION_TIMEOUT_MS,
            `A and C took over ${tookOverAfter} ms after B closed, before B's ${SESSION_TIMEOUT_MS} ms session could expire`,
          );
          await waitForConsumption([a, c], 'B left');
          await waitForPartitionsConsumed([a, c], bOwned, closedAt, "B's former partitions");
          await checkEveryRecordOnce('after B left');
        },
      );

      phase(
        'killed: a SIGKILLed member is replaced after its session timeout; only records it had not committed are consumed again',
        async (t) => {
          const cOwned = c.assignment();
          const killedAt = Date.now();
          await c.kill();
          await waitForAssignment([a], 'C killed', SESSION_TIMEOUT_MS + REBALANCE_DEADLINE_MS);
          const tookOverAfter = Date.now() - killedAt;
          t.diagnostic(`A took over C's partitions ${tookOverAfter} ms after the kill`);
          // C heartbeated and committed up to its death, so the broker may only drop it a session later: a
          // quicker takeover would mean it treated the closed connection as a LeaveGroup, which Kafka does not.
          assert.ok(
            tookOverAfter >= SESSION_TIMEOUT_MS - 1_000,
            `A took over ${tookOverAfter} ms after the kill, not before C's ${SESSION_TIMEOUT_MS} ms session expired`,
          );
          await waitForPartitionsConsumed([a], cOwned, killedAt, "C's former partitions");
          await producer!.stop();

          const log = (
            await kcatReadAll(broker.bootstrap, topic, { format: '%p:%o:%k:%s\n', timeoutMs: 30_000 })
          ).map((line) => {
            const [partition, offset, key, value] = line.split(':');
            return { partition: Number(partition), offset: Number(offset), key: key!, value: value! };
          });
          assert.equal(log.length, producer!.produced, 'the topic holds every produced record');
          assert.deepEqual(
            [...new Set(log.map((r) => r.partition))].sort(),
            ALL_PARTITIONS,
            'the keyed records spread over every partition',
          );
          const at = (r: { partition: number; offset: number }) => `${r.partition}@${r.offset}`;
          const consumedAt = () => {
            const byOffset = new Map<string, ConsumedRecord[]>();
            for (const record of members.flatMap((m) => m.records()))
              byOffset.set(at(record), [...(byOffset.get(at(record)) ?? []), record]);
            return byOffset;
          };
          await waitFor(
            () => log.every((r) => consumedAt().has(at(r))),
            CATCH_UP_DEADLINE_MS,
            () => {
              const missing = log.filter((r) => !consumedAt().has(at(r)));
              return `every record consumed, ${missing.length} missing: ${missing.slice(0, 10).map(at).join(', ')}\n${story()}`;
            },
          );
          await a.close();

          const consumed = consumedAt();
          const wrong = log.filter((r) =>
            consumed.get(at(r))!.some((seen) => seen.key !== r.key || seen.value !== r.value),
          );
          assert.deepEqual(wrong.map(at), [], 'members saw the keys and values stored at each offset');
          // A record may be consumed twice only if C consumed it and died before its commit: then C's last
          // successful commit on that partition is at or before the record.
          const cCommitted = c.committed();
          const duplicated = [...consumed.values()]
            .filter((r) => r.length > 1)
            .map((r) => r.sort((x, y) => x.at - y.at));
          const unexplained = duplicated.filter(
            (r) =>
              r.length !== 2 ||
              r[0]!.member !== 'C' ||
              r[1]!.member === 'C' ||
              r[0]!.offset < (cCommitted.get(r[0]!.partition) ?? -1),
          );
          t.diagnostic(
            `consumed again after the kill: ${duplicated.map(formatRecords).join('; ') || 'none'}`,
          );
          assert.deepEqual(
            unexplained.map(formatRecords),
            [],
            `only records C consumed without committing are consumed again (C's commits: ${JSON.stringify([...cCommitted])})\n${story()}`,
          );
          const unowned = members.flatMap((m) => m.consumedUnowned());
          assert.deepEqual(formatRecords(unowned), '', 'members consume only partitions assigned to them');

          const highWatermarks = ALL_PARTITIONS.map(
            (p) => `${p}@${Math.max(-1, ...log.filter((r) => r.partition === p).map((r) => r.offset)) + 1}`,
          );
          const fetched = await admin.request(ApiKey.OffsetFetch, {
            ...apis[ApiKey.OffsetFetch].defaultRequest(),
            groups: [{ groupId, memberId: null, memberEpoch: -1, topics: null }],
          });
          const committed = fetched.groups[0]!.topics.flatMap((t) =>
            t.name === topic ? t.partitions.map((p) => `${p.partitionIndex}@${p.committedOffset}`) : [],
          );
          assert.deepEqual(
            committed.sort(),
            highWatermarks.sort(),
            "the group's committed offsets are the high watermarks",
          );
        },
      );
    });
  }
});
