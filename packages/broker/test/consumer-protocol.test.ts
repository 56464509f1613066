/**
 * The consumer group protocol (KIP-848): ConsumerGroupHeartbeat and ConsumerGroupDescribe with server-side
 * assignment. Step by step over the wire (revoke before reassign, epochs, Kafka's errors, a restart), then
 * with a real client that opts in: @platformatic/kafka with groupProtocol 'consumer'.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, apis, type ConsumerGroupHeartbeatRequest } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const MEMBER_SCRIPT = fileURLToPath(new URL('./clients/platformatic-consumer-protocol.mjs', import.meta.url));
const CONFIGS = {
  'group.consumer.heartbeat.interval.ms': '200',
  'group.consumer.session.timeout.ms': '6000',
};

describe('consumer group protocol (KIP-848)', () => {
  let broker: BrokerProcess;
  let client: KafkaConnection;
  const topicIds = new Map<string, string>();
  before(async () => {
    broker = await startBroker({ configs: CONFIGS });
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    for (const [name, numPartitions] of [
      ['k848', 4],
      ['k848-real', 6],
    ] as const) {
      const created = await client.request(ApiKey.CreateTopics, {
        topics: [{ name, numPartitions, replicationFactor: 1, assignments: [], configs: [] }],
        timeoutMs: 10_000,
        validateOnly: false,
      });
      assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE, `create ${name}`);
      topicIds.set(name, created.topics[0]!.topicId);
    }
  });
  after(async () => {
    client.close();
    await broker.stop();
  });

  const heartbeat = (fields: Partial<ConsumerGroupHeartbeatRequest>, connection = client) =>
    connection.request(ApiKey.ConsumerGroupHeartbeat, {
      ...apis[ApiKey.ConsumerGroupHeartbeat].defaultRequest(),
      groupId: 'g848',
      ...fields,
    });
  const partitionsOf = (response: { assignment: { topicPartitions: { partitions: number[] }[] } | null }) =>
    response.assignment?.topicPartitions.flatMap((t) => t.partitions).sort() ?? null;
  const owned = (partitions: number[]) => [{ topicId: topicIds.get('k848')!, partitions }];
  const join = (memberId: string) =>
    heartbeat({
      memberId,
      memberEpoch: 0,
      rebalanceTimeoutMs: 10_000,
      subscribedTopicNames: ['k848'],
      topicPartitions: [],
    });
  const describeGroup = async (groupId = 'g848') =>
    (
      await client.request(ApiKey.ConsumerGroupDescribe, {
        groupIds: [groupId],
        includeAuthorizedOperations: false,
      })
    ).groups[0]!;

  it('moves partitions only after their owner revoked them, advancing epochs as Kafka does', async () => {
    const first = await join('member-a');
    assert.equal(first.errorCode, ErrorCode.NONE, `join: ${first.errorMessage}`);
    assert.equal(first.memberId, 'member-a', 'v1: the member names itself');
    assert.equal(first.memberEpoch, 1, 'the first member takes group epoch 1');
    assert.deepEqual(partitionsOf(first), [0, 1, 2, 3], 'alone, it gets every partition');
    assert.equal(first.heartbeatIntervalMs, 200, 'the coordinator sets the heartbeat interval');

    // A second member joins: group epoch 2; its partitions are still a's, so it gets nothing yet.
    const second = await join('member-b');
    assert.equal(second.memberEpoch, 2, 'the second member is at the new epoch');
    assert.deepEqual(partitionsOf(second), [], 'nothing until a releases its partitions');
    assert.equal((await describeGroup()).groupState, 'Reconciling', 'the group reconciles');

    // a hears it must give two up: it keeps its epoch until it confirms.
    const revoke = await heartbeat({
      memberId: 'member-a',
      memberEpoch: 1,
      topicPartitions: owned([0, 1, 2, 3]),
    });
    assert.equal(revoke.memberEpoch, 1, 'epoch held while revoking');
    const kept = partitionsOf(revoke)!;
    assert.equal(kept.length, 2, `a keeps two partitions: ${kept.join(',')}`);
    const stillOwned = await heartbeat({
      memberId: 'member-a',
      memberEpoch: 1,
      topicPartitions: owned([0, 1, 2, 3]),
    });
    assert.equal(stillOwned.memberEpoch, 1, 'no progress while a still reports the revoked partitions');
    const confirmed = await heartbeat({ memberId: 'member-a', memberEpoch: 1, topicPartitions: owned(kept) });
    assert.equal(confirmed.memberEpoch, 2, 'revocation confirmed: a moves to epoch 2');

    const released = await heartbeat({ memberId: 'member-b', memberEpoch: 2, topicPartitions: owned([]) });
    const given = partitionsOf(released)!;
    assert.deepEqual([...kept, ...given].sort(), [0, 1, 2, 3], 'b gets exactly what a gave up');
    const described = await describeGroup();
    assert.equal(described.groupState, 'Stable', 'both members converged');
    assert.equal(described.groupEpoch, 2, 'group epoch');
    assert.equal(described.assignmentEpoch, 2, 'assignment epoch');
    assert.equal(described.assignorName, 'uniform', 'the default assignor');
    assert.deepEqual(
      described.members
        .map((m) => [m.memberId, m.memberEpoch, m.assignment.topicPartitions[0]?.partitions.length])
        .sort(),
      [
        ['member-a', 2, 2],
        ['member-b', 2, 2],
      ],
      'members, epochs and assignments',
    );
    const cliMembers = await runOk(process.execPath, [
      CLI,
      'groups',
      'describe',
      '--bootstrap-server',
      broker.bootstrap,
      '--group',
      'g848',
      '--members',
    ]);
    assert.deepEqual(
      cliMembers.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => [line.split(/\s+/)[1], line.split(/\s+/)[4]])
        .sort(),
      [
        ['member-a', '2'],
        ['member-b', '2'],
      ],
      `sluice groups describe --members reads a consumer-protocol group:\n${cliMembers.stdout}`,
    );
    const listed = await client.request(ApiKey.ListGroups, { statesFilter: [], typesFilter: ['consumer'] });
    assert.deepEqual(
      listed.groups.map((g) => [g.groupId, g.groupType, g.groupState]),
      [['g848', 'consumer', 'Stable']],
      'ListGroups v5 reports the group type',
    );

    // Offsets: commits carry the member epoch.
    const commit = (memberId: string, epoch: number) =>
      client.request(ApiKey.OffsetCommit, {
        groupId: 'g848',
        generationIdOrMemberEpoch: epoch,
        memberId,
        groupInstanceId: null,
        retentionTimeMs: -1n,
        topics: [
          {
            name: 'k848',
            partitions: [
              {
                partitionIndex: kept[0]!,
                committedOffset: 0n,
                committedLeaderEpoch: -1,
                commitTimestamp: -1n,
                committedMetadata: null,
              },
            ],
          },
        ],
      });
    const codeOf = async (p: ReturnType<typeof commit>) => (await p).topics[0]!.partitions[0]!.errorCode;
    assert.equal(await codeOf(commit('member-a', 2)), ErrorCode.NONE, 'a commit at the current epoch');
    assert.equal(await codeOf(commit('member-a', 1)), ErrorCode.STALE_MEMBER_EPOCH, 'a stale epoch');
    assert.equal(await codeOf(commit('nobody', 2)), ErrorCode.UNKNOWN_MEMBER_ID, 'an unknown member');
    assert.equal(
      await codeOf(commit('', -1)),
      ErrorCode.UNKNOWN_MEMBER_ID,
      'an admin commit to a live group',
    );
  });

  it("answers bad heartbeats with Kafka's errors", async () => {
    const cases: [Partial<ConsumerGroupHeartbeatRequest>, number, RegExp | null][] = [
      [
        { memberId: 'member-a', memberEpoch: 7, topicPartitions: null },
        ErrorCode.FENCED_MEMBER_EPOCH,
        /epoch 7/,
      ],
      [{ memberId: 'ghost', memberEpoch: 3 }, ErrorCode.UNKNOWN_MEMBER_ID, /ghost is not a member/],
      [
        { memberId: 'c', memberEpoch: 0, subscribedTopicNames: ['k848'], topicPartitions: [] },
        ErrorCode.INVALID_REQUEST,
        /RebalanceTimeoutMs must be provided/,
      ],
      [
        { memberId: 'c', memberEpoch: 0, rebalanceTimeoutMs: 1000, topicPartitions: [] },
        ErrorCode.INVALID_REQUEST,
        /SubscribedTopicNames or SubscribedTopicRegex must be set/,
      ],
      [
        {
          memberId: 'c',
          memberEpoch: 0,
          rebalanceTimeoutMs: 1000,
          subscribedTopicNames: ['k848'],
          topicPartitions: [],
          serverAssignor: 'sticky-ish',
        },
        ErrorCode.UNSUPPORTED_ASSIGNOR,
        /sticky-ish is not supported/,
      ],
      [
        {
          memberId: 'c',
          memberEpoch: 0,
          rebalanceTimeoutMs: 1000,
          subscribedTopicRegex: '(',
          topicPartitions: [],
        },
        ErrorCode.INVALID_REGULAR_EXPRESSION,
        null,
      ],
      [{ memberId: '', memberEpoch: 1 }, ErrorCode.INVALID_REQUEST, /MemberId can't be empty/],
      [{ groupId: '', memberId: 'x', memberEpoch: 1 }, ErrorCode.INVALID_REQUEST, /GroupId can't be empty/],
    ];
    for (const [fields, errorCode, message] of cases) {
      const response = await heartbeat(fields);
      assert.equal(response.errorCode, errorCode, `${JSON.stringify(fields)}: ${response.errorMessage}`);
      if (message) assert.match(response.errorMessage ?? '', message, 'error message');
    }
    // A classic member cannot join a consumer-protocol group with members.
    const classic = await client.request(ApiKey.JoinGroup, {
      groupId: 'g848',
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      memberId: '',
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
      reason: null,
    });
    assert.equal(classic.errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL, 'classic JoinGroup is refused');
    // v0: the coordinator names the member.
    const v0 = await client.send(ApiKey.ConsumerGroupHeartbeat, 0, {
      ...apis[ApiKey.ConsumerGroupHeartbeat].defaultRequest(),
      groupId: 'g848-v0',
      memberEpoch: 0,
      rebalanceTimeoutMs: 5000,
      subscribedTopicNames: ['k848'],
      topicPartitions: [],
    });
    assert.equal(v0.errorCode, ErrorCode.NONE, `v0 join: ${v0.errorMessage}`);
    assert.match(v0.memberId ?? '', /^[0-9a-f-]{36}$/, 'v0 members get a coordinator-made id');
    const left = await client.send(ApiKey.ConsumerGroupHeartbeat, 0, {
      ...apis[ApiKey.ConsumerGroupHeartbeat].defaultRequest(),
      groupId: 'g848-v0',
      memberId: v0.memberId!,
      memberEpoch: -1,
    });
    assert.equal(left.memberEpoch, -1, 'epoch -1 leaves');
  });

  it('keeps members, epochs and assignments across a broker restart', async () => {
    const before = await describeGroup();
    await broker.stop();
    broker = await startBroker({ dataDir: broker.dataDir, configs: CONFIGS });
    client.close();
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    const after = await describeGroup();
    assert.equal(after.groupState, 'Stable', 'still Stable');
    assert.equal(after.groupEpoch, before.groupEpoch, 'group epoch restored');
    assert.deepEqual(
      after.members.map((m) => [m.memberId, m.memberEpoch, m.assignment]).sort(),
      before.members.map((m) => [m.memberId, m.memberEpoch, m.assignment]).sort(),
      'members, epochs and assignments restored',
    );
    const a = before.members.find((m) => m.memberId === 'member-a')!;
    const again = await heartbeat({
      memberId: 'member-a',
      memberEpoch: a.memberEpoch,
      topicPartitions: owned(a.assignment.topicPartitions[0]!.partitions),
    });
    assert.equal(again.errorCode, ErrorCode.NONE, 'the member heartbeats on in its epoch');
    assert.equal(again.memberEpoch, a.memberEpoch, 'no rebalance');
    for (const memberId of ['member-a', 'member-b']) {
      const left = await heartbeat({ memberId, memberEpoch: -1 });
      assert.equal(left.errorCode, ErrorCode.NONE, `${memberId} leaves`);
    }
    assert.equal((await describeGroup()).groupState, 'Empty', 'everyone left');
  });

  it('@platformatic/kafka (groupProtocol consumer): members join, leave and are killed without losing a record', async () => {
    const produce = (from: number, to: number) =>
      runOk(
        process.execPath,
        [
          CLI,
          'produce',
          '--bootstrap-server',
          broker.bootstrap,
          '--topic',
          'k848-real',
          '--key-separator',
          '|',
        ],
        {
          input:
            Array.from({ length: to - from }, (_, i) => `key-${from + i}|v${from + i}`).join('\n') + '\n',
        },
      );
    const members: { child: ChildProcess; lines: Record<string, unknown>[]; exited: Promise<void> }[] = [];
    const start = () => {
      const child = spawn(
        process.execPath,
        [MEMBER_SCRIPT, broker.bootstrap, 'g848-real', 'k848-real', '60000'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const member = {
        child,
        lines: [] as Record<string, unknown>[],
        exited: new Promise<void>((resolve) => child.once('exit', () => resolve())),
      };
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines)
          if (line.trim()) member.lines.push(JSON.parse(line) as Record<string, unknown>);
      });
      members.push(member);
      return member;
    };
    const assignedOf = (m: (typeof members)[number]) =>
      ([...m.lines].reverse().find((l) => 'assigned' in l)?.['assigned'] as string[] | undefined) ?? [];
    const values = () =>
      new Set(members.flatMap((m) => m.lines.filter((l) => 'value' in l).map((l) => l['value'] as string)));
    const waitFor = async (what: string, condition: () => boolean, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    const everything = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    try {
      const a = start();
      await waitFor('a owns all six partitions', () => assignedOf(a).length === 6);
      await produce(0, 300);
      await waitFor('300 records consumed', () => values().size === 300);

      const b = start();
      const c = start();
      await waitFor('three members share six partitions', () =>
        [a, b, c].every((m) => assignedOf(m).length === 2),
      );
      const owners = [a, b, c].flatMap(assignedOf).sort();
      assert.deepEqual(
        owners,
        [0, 1, 2, 3, 4, 5].map((p) => `k848-real:${p}`),
        'disjoint and complete',
      );
      await produce(300, 600);
      await waitFor('600 records consumed', () => values().size === 600);

      // b leaves cleanly (epoch -1), c is killed: a and the survivors take over, nothing is lost.
      b.child.kill('SIGTERM');
      await b.exited;
      c.child.kill('SIGKILL');
      await produce(600, 900);
      await waitFor('a owns all six partitions again', () => assignedOf(a).length === 6, 30_000);
      await waitFor('900 records consumed', () => values().size === 900, 30_000);
      assert.deepEqual([...values()].sort(), everything(900).sort(), 'every record consumed');
    } finally {
      for (const m of members) m.child.kill('SIGKILL');
    }
  });
});
