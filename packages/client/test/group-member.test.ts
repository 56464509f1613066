/**
 * GroupMember against a real broker's group coordinator, with a protocol type of its own as Connect uses one:
 * members join one group, the leader assigns once per generation and every member gets its assignment; a member
 * that leaves makes the others rejoin at once, and one that dies (SIGKILL: no LeaveGroup) is dropped only when
 * its session times out.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ClusterClient } from '../src/cluster-client.ts';
import {
  GroupMember,
  GroupMembershipError,
  type GroupGeneration,
  type GroupMemberOptions,
  type JoinedMember,
} from '../src/group-member.ts';
import { startTestBroker, waitFor, type BrokerProcess } from './support.ts';

const CHILD = fileURLToPath(new URL('./group-member-process.ts', import.meta.url));
const SESSION_TIMEOUT_MS = 6_000;

interface Recorder {
  name: string;
  assigns: { members: string[]; protocol: string }[];
  joins: { generation: GroupGeneration; assignment: string }[];
  prepares: number[];
}

function testMember(
  client: ClusterClient,
  groupId: string,
  name: string,
  options: Partial<GroupMemberOptions> = {},
  protocols = ['v2', 'v1'],
): { member: GroupMember; log: Recorder; errors: Error[] } {
  const log: Recorder = { name, assigns: [], joins: [], prepares: [] };
  const errors: Error[] = [];
  const member = new GroupMember(
    client,
    {
      groupId,
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      rebalanceTimeoutMs: 10_000,
      heartbeatIntervalMs: 300,
      onError: (error) => errors.push(error),
      ...options,
    },
    {
      protocolType: 'sluice-test',
      protocols: () => protocols.map((p) => ({ name: p, metadata: Buffer.from(`${name} speaks ${p}`) })),
      assign: (protocol: string, members: JoinedMember[]) => {
        log.assigns.push({ protocol, members: members.map((m) => m.metadata.toString()).sort() });
        return Promise.resolve(
          new Map(members.map((m) => [m.memberId, Buffer.from(`task for ${m.metadata.toString()}`)])),
        );
      },
      onJoinComplete: (generation, assignment) => {
        log.joins.push({ generation, assignment: assignment.toString() });
        return Promise.resolve();
      },
      onJoinPrepare: (generationId) => {
        log.prepares.push(generationId);
        return Promise.resolve();
      },
    },
  );
  return { member, log, errors };
}

const lastGeneration = (log: Recorder) => log.joins.at(-1)?.generation.generationId ?? -1;

describe('GroupMember', () => {
  let broker: BrokerProcess;
  const clients: ClusterClient[] = [];
  const client = () => {
    const c = new ClusterClient(broker.bootstrap, `group-member-test-${clients.length}`);
    clients.push(c);
    return c;
  };
  before(async () => {
    broker = await startTestBroker();
  });
  after(async () => {
    for (const c of clients) c.close();
    await broker.stop();
  });

  it('two members join, the leader assigns once per generation, and a member leaving makes the other rejoin', async () => {
    const a = testMember(client(), 'g-two', 'a');
    const b = testMember(client(), 'g-two', 'b');
    await a.member.start();
    await b.member.start();
    await waitFor('both are in one generation', () => lastGeneration(a.log) === lastGeneration(b.log));
    await a.member.ensureActive();
    const generation = lastGeneration(a.log);
    assert.equal(a.member.generationId, generation);
    assert.equal(b.member.generationId, generation);
    assert.equal(a.member.isLeader !== b.member.isLeader, true, 'exactly one leader');
    const leader = a.member.isLeader ? a : b;
    const leaderGenerations = new Set(leader.log.joins.map((j) => j.generation.generationId));
    const leaderAssigns = leader.log.joins.filter(
      (j) => j.generation.leaderId === j.generation.memberId,
    ).length;
    assert.equal(leader.log.assigns.length, leaderAssigns, 'assign ran once per generation led');
    assert.ok(leaderGenerations.size >= 1);
    assert.deepEqual(leader.log.assigns.at(-1), { protocol: 'v2', members: ['a speaks v2', 'b speaks v2'] });
    assert.equal(a.log.joins.at(-1)!.assignment, 'task for a speaks v2');
    assert.equal(b.log.joins.at(-1)!.assignment, 'task for b speaks v2');
    assert.equal(
      (a.member.isLeader ? b : a).log.assigns.length,
      (a.member.isLeader ? b : a).log.joins.filter((j) => j.generation.leaderId === j.generation.memberId)
        .length,
      'the follower assigned only in generations it led',
    );
    const describedMembers = (await clients[0]!.describeGroup('g-two')).members.length;
    assert.equal(describedMembers, 2);

    const leftAt = Date.now();
    await a.member.stop();
    await waitFor('b rejoins alone', () => lastGeneration(b.log) > generation, 5_000);
    assert.ok(Date.now() - leftAt < SESSION_TIMEOUT_MS, 'LeaveGroup: no wait for the session timeout');
    assert.ok(b.member.isLeader);
    assert.deepEqual(b.log.assigns.at(-1)!.members, ['b speaks v2']);
    assert.ok(b.log.prepares.includes(generation), 'onJoinPrepare ran before rejoining');
    await b.member.stop();
    assert.equal((await clients[0]!.describeGroup('g-two')).groupState, 'Empty');
  });

  it('a member that dies without leaving is dropped after its session timeout', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, broker.bootstrap, 'g-dies', String(SESSION_TIMEOUT_MS)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor('the child joined', () => output.includes('joined'));
    const survivor = testMember(client(), 'g-dies', 'survivor');
    await survivor.member.start();
    await waitFor('the child rejoined with the survivor', () =>
      output.includes(`joined ${survivor.member.generationId} `),
    );
    const generation = survivor.member.generationId;
    assert.equal((await clients[0]!.describeGroup('g-dies')).members.length, 2);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    await waitFor(
      'the survivor rejoins alone',
      () => lastGeneration(survivor.log) > generation,
      SESSION_TIMEOUT_MS + 8_000,
    );
    const elapsed = Date.now() - killedAt;
    assert.ok(
      elapsed >= SESSION_TIMEOUT_MS - 1_500,
      `dropped after ${elapsed} ms, not before the session timeout`,
    );
    assert.deepEqual(survivor.log.assigns.at(-1)!.members, ['survivor speaks v2']);
    assert.equal((await clients[0]!.describeGroup('g-dies')).members.length, 1);
    await survivor.member.stop();
  });

  it('waits for a JoinGroup the coordinator holds longer than the request timeout (rebalance timeout + margin)', async () => {
    // a learns of b's join only from its next heartbeat, 2.5 s later: b's JoinGroup is held that long, past its
    // client's 1 s request timeout.
    const a = testMember(client(), 'g-held', 'a', { heartbeatIntervalMs: 2_500 });
    await a.member.start();
    const bClient = new ClusterClient(broker.bootstrap, 'held-join', { requestTimeoutMs: 1_000 });
    clients.push(bClient);
    const b = testMember(bClient, 'g-held', 'b');
    const startedAt = Date.now();
    await b.member.start();
    assert.ok(Date.now() - startedAt > 1_000, 'the join was held past the request timeout');
    assert.deepEqual(b.errors.map(String), [], 'no JoinGroup timed out');
    await waitFor('a is in the new generation', () => lastGeneration(a.log) === b.member.generationId);
    await Promise.all([a.member.stop(), b.member.stop()]);
  });

  it('stops with the error when the coordinator refuses the member (INCONSISTENT_GROUP_PROTOCOL)', async () => {
    const a = testMember(client(), 'g-inconsistent', 'a', {}, ['v2']);
    await a.member.start();
    const b = testMember(client(), 'g-inconsistent', 'b', {}, ['v3']);
    await assert.rejects(b.member.start(), (error: Error) => {
      assert.ok(error instanceof GroupMembershipError);
      assert.equal(error.errorCode, 23);
      return true;
    });
    await assert.rejects(b.member.ensureActive(), GroupMembershipError);
    await b.member.stop();
    await a.member.stop();
  });

  it('a static member (groupInstanceId) that stops does not leave: it comes back to its assignment without a rebalance', async () => {
    const leader = testMember(client(), 'g-static', 'leader', { groupInstanceId: 'instance-0' });
    await leader.member.start();
    const first = testMember(client(), 'g-static', 'static', { groupInstanceId: 'instance-1' });
    await first.member.start();
    await waitFor('one generation for both', () => lastGeneration(leader.log) === first.member.generationId);
    const generation = first.member.generationId;
    await first.member.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(lastGeneration(leader.log), generation, 'no rebalance when a static member stops');
    assert.equal((await clients[0]!.describeGroup('g-static')).members.length, 2);
    const again = testMember(client(), 'g-static', 'static', { groupInstanceId: 'instance-1' });
    await again.member.start();
    assert.equal(again.log.joins.at(-1)!.assignment, 'task for static speaks v2');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(lastGeneration(leader.log), generation, 'no rebalance when it comes back');
    await Promise.all([again.member.stop(), leader.member.stop()]);
  });
});
