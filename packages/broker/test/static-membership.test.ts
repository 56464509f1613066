/**
 * Static membership (KIP-345) with a real client: a confluent-kafka-python member with group.instance.id that
 * is killed and restarted within its session timeout gets its partitions back without a rebalance; the other
 * member never sees a revocation, and no record is lost.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const SCRIPT = fileURLToPath(new URL('./clients/confluent_static_member.py', import.meta.url));

interface Member {
  child: ChildProcess;
  events: Record<string, unknown>[];
  exited: Promise<void>;
}

function startMember(bootstrap: string, instance: string): Member {
  const child = spawn('/usr/bin/python3', [SCRIPT, bootstrap, 'g-static-real', 'static-topic', instance], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const member: Member = {
    child,
    events: [],
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines)
      if (line.trim()) member.events.push(JSON.parse(line) as Record<string, unknown>);
  });
  return member;
}

const assignments = (m: Member) =>
  m.events.filter((e) => 'assigned' in e).map((e) => e['assigned'] as number[]);
const revocations = (m: Member) => m.events.filter((e) => 'revoked' in e);
const values = (members: Member[]) =>
  new Set(members.flatMap((m) => m.events.filter((e) => 'value' in e).map((e) => e['value'] as string)));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('static membership with confluent-kafka-python', () => {
  let broker: BrokerProcess;
  const members: Member[] = [];
  before(async () => {
    broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '1000' } });
    await runOk('kcat', ['-b', broker.bootstrap, '-L']);
  });
  after(async () => {
    for (const m of members) m.child.kill('SIGKILL');
    await broker.stop();
  });

  it('a static member restarted within its session timeout gets its partitions back without a rebalance', async () => {
    const client = await KafkaConnection.connect('127.0.0.1', broker.port);
    try {
      const created = await client.request(ApiKey.CreateTopics, {
        topics: [
          { name: 'static-topic', numPartitions: 4, replicationFactor: 1, assignments: [], configs: [] },
        ],
        timeoutMs: 10_000,
        validateOnly: false,
      });
      assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, 'create');
    } finally {
      client.close();
    }
    const produce = (from: number, to: number) =>
      runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'static-topic', '-K:'], {
        input: Array.from({ length: to - from }, (_, i) => `k${from + i}:v${from + i}`).join('\n') + '\n',
      });

    const a = startMember(broker.bootstrap, 'instance-a');
    const b = startMember(broker.bootstrap, 'instance-b');
    members.push(a, b);
    await waitFor('both members hold two partitions', () =>
      [a, b].every((m) => assignments(m).at(-1)?.length === 2),
    );
    const aPartitions = assignments(a).at(-1)!;
    await produce(0, 200);
    await waitFor('200 records consumed', () => values([a, b]).size === 200);

    // Killed: no LeaveGroup. Restarted with the same instance id well within session.timeout.ms (10 s).
    a.child.kill('SIGKILL');
    await a.exited;
    const bAssignmentsBefore = assignments(b).length;
    const restarted = startMember(broker.bootstrap, 'instance-a');
    members.push(restarted);
    await waitFor('the restarted member is assigned', () => assignments(restarted).length > 0);
    assert.deepEqual(assignments(restarted).at(-1), aPartitions, 'it gets the same partitions back');
    await produce(200, 400);
    await waitFor('400 records consumed', () => values([a, b, restarted]).size === 400);
    assert.deepEqual(revocations(b), [], 'the other member never had its partitions revoked');
    assert.equal(assignments(b).length, bAssignmentsBefore, 'and was not reassigned: no rebalance happened');
    const all = [...values([a, b, restarted])].sort();
    assert.deepEqual(all, Array.from({ length: 400 }, (_, i) => `v${i}`).sort(), 'no record lost');
  });
});
