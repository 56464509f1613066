/**
 * The group coordinator over the wire, for what real clients cannot steer: members restored after a broker
 * restart, offset expiry on a manual clock (offsets.retention.minutes, KIP-211), Kafka's errors for bad
 * commits, and a thousand members joining one group. The broker runs in this process (on a real port) so the
 * test can own its clock.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Broker, ManualClock, type BrokerOptions } from '@sluice/broker';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  Reader,
  Writer,
  decodeConsumerProtocolAssignment,
  encodeConsumerProtocolAssignment,
  encodeConsumerProtocolSubscription,
} from '@sluice/protocol';
import { tempDataDir } from './support/broker-process.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

function subscription(topics: string[]): Buffer {
  const w = new Writer(64);
  w.int16(1);
  encodeConsumerProtocolSubscription(
    w,
    { topics, userData: null, ownedPartitions: [], generationId: -1, rackId: null },
    1,
  );
  return w.finish();
}

function assignment(topic: string, partitions: number[]): Buffer {
  const w = new Writer(64);
  w.int16(1);
  encodeConsumerProtocolAssignment(w, { assignedPartitions: [{ topic, partitions }], userData: null }, 1);
  return w.finish();
}

async function startInProcess(dataDir: string, configs: Record<string, string>, clock?: ManualClock) {
  const options: BrokerOptions = {
    dataDir,
    port: 0,
    configs: new Map(Object.entries({ 'group.initial.rebalance.delay.ms': '0', ...configs })),
    logger: quietLogger,
    ...(clock ? { clock } : {}),
  };
  return Broker.start(options);
}

/** One member joining (with the v4+ member-id round trip) and syncing; resolves with its member id and generation. */
async function joinAndSync(
  client: KafkaConnection,
  groupId: string,
  topics: string[],
  options: { sessionTimeoutMs?: number; assign?: Buffer } = {},
) {
  const join = (memberId: string) =>
    client.request(ApiKey.JoinGroup, {
      groupId,
      sessionTimeoutMs: options.sessionTimeoutMs ?? 30_000,
      rebalanceTimeoutMs: 10_000,
      memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: subscription(topics) }],
      reason: null,
    });
  const first = await join('');
  assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED, 'JoinGroup v4+ first hands out a member id');
  const joined = await join(first.memberId);
  assert.equal(joined.errorCode, ErrorCode.NONE, `join: error ${joined.errorCode}`);
  const synced = await client.request(ApiKey.SyncGroup, {
    groupId,
    generationId: joined.generationId,
    memberId: joined.memberId,
    groupInstanceId: null,
    protocolType: 'consumer',
    protocolName: 'range',
    assignments: [{ memberId: joined.memberId, assignment: options.assign ?? assignment(topics[0]!, [0]) }],
  });
  assert.equal(synced.errorCode, ErrorCode.NONE, `sync: error ${synced.errorCode}`);
  return { memberId: joined.memberId, generationId: joined.generationId, assignment: synced.assignment };
}

function commit(
  client: KafkaConnection,
  groupId: string,
  offsets: { topic: string; partition: number; offset: bigint; metadata?: string }[],
  member: { memberId: string; generationId: number } = { memberId: '', generationId: -1 },
) {
  const byTopic = new Map<string, typeof offsets>();
  for (const o of offsets) byTopic.set(o.topic, [...(byTopic.get(o.topic) ?? []), o]);
  return client.request(ApiKey.OffsetCommit, {
    groupId,
    generationIdOrMemberEpoch: member.generationId,
    memberId: member.memberId,
    groupInstanceId: null,
    retentionTimeMs: -1n,
    topics: [...byTopic].map(([name, partitions]) => ({
      name,
      partitions: partitions.map((p) => ({
        partitionIndex: p.partition,
        committedOffset: p.offset,
        committedLeaderEpoch: -1,
        commitTimestamp: -1n,
        committedMetadata: p.metadata ?? null,
      })),
    })),
  });
}

/** Committed offsets by "topic:partition" (-1 when none). */
async function committed(client: KafkaConnection, groupId: string): Promise<Map<string, bigint>> {
  const response = await client.request(ApiKey.OffsetFetch, {
    groupId,
    topics: null,
    groups: [{ groupId, memberId: null, memberEpoch: -1, topics: null }],
    requireStable: false,
  });
  const group = response.groups[0]!;
  assert.equal(group.errorCode, ErrorCode.NONE, `OffsetFetch: error ${group.errorCode}`);
  return new Map(
    group.topics.flatMap((t) =>
      t.partitions.map((p) => [`${t.name}:${p.partitionIndex}`, p.committedOffset]),
    ),
  );
}

async function describeGroup(client: KafkaConnection, groupId: string) {
  const response = await client.request(ApiKey.DescribeGroups, {
    groups: [groupId],
    includeAuthorizedOperations: false,
  });
  return response.groups[0]!;
}

async function createTopic(client: KafkaConnection, name: string, partitions: number) {
  const response = await client.request(ApiKey.CreateTopics, {
    topics: [{ name, numPartitions: partitions, replicationFactor: 1, assignments: [], configs: [] }],
    timeoutMs: 10_000,
    validateOnly: false,
  });
  assert.equal(response.topics[0]!.errorCode, ErrorCode.NONE, `create ${name}`);
}

describe('group coordinator', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('restores members after a restart: they heartbeat on without a rebalance, or expire after their session', async () => {
    const dataDir = tempDataDir();
    let broker = await startInProcess(dataDir, {});
    let client = await KafkaConnection.connect('127.0.0.1', broker.port);
    await createTopic(client, 'restored', 2);
    const member = await joinAndSync(client, 'g-restored', ['restored'], {
      sessionTimeoutMs: 6_000,
      assign: assignment('restored', [0, 1]),
    });
    client.close();
    await broker.close();

    broker = await startInProcess(dataDir, {});
    cleanups.push(() => broker.close());
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    cleanups.push(() => client.close());
    const heartbeat = await client.request(ApiKey.Heartbeat, {
      groupId: 'g-restored',
      generationId: member.generationId,
      memberId: member.memberId,
      groupInstanceId: null,
    });
    assert.equal(heartbeat.errorCode, ErrorCode.NONE, 'the restored member heartbeats in its old generation');
    const described = await describeGroup(client, 'g-restored');
    assert.equal(described.groupState, 'Stable', 'a restored group with members is Stable');
    assert.deepEqual(
      described.members.map((m) => m.memberId),
      [member.memberId],
      'the member list survives the restart',
    );
    const reader = new Reader(described.members[0]!.memberAssignment);
    const restored = decodeConsumerProtocolAssignment(reader, reader.int16());
    assert.deepEqual(
      restored.assignedPartitions,
      [{ topic: 'restored', partitions: [0, 1] }],
      'the assignment survives the restart',
    );

    // Without heartbeats the member's session (6 s) runs out and the group empties.
    const deadline = Date.now() + 15_000;
    let state = described.groupState;
    while (state !== 'Empty' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      state = (await describeGroup(client, 'g-restored')).groupState;
    }
    assert.equal(state, 'Empty', 'a restored member that never heartbeats expires');
  });

  it("stores a static member's new member id before answering its rejoin, so a restart does not fence it (KIP-345)", async () => {
    const dataDir = tempDataDir();
    let broker = await startInProcess(dataDir, {});
    let client = await KafkaConnection.connect('127.0.0.1', broker.port);
    await createTopic(client, 'static-restored', 1);
    const joinStatic = (memberId: string) =>
      client.request(ApiKey.JoinGroup, {
        groupId: 'g-static',
        sessionTimeoutMs: 30_000,
        rebalanceTimeoutMs: 10_000,
        memberId,
        groupInstanceId: 'instance-1',
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: subscription(['static-restored']) }],
        reason: null,
      });
    const first = await joinStatic('');
    assert.equal(first.errorCode, ErrorCode.NONE, `static join: error ${first.errorCode}`);
    const synced = await client.request(ApiKey.SyncGroup, {
      groupId: 'g-static',
      generationId: first.generationId,
      memberId: first.memberId,
      groupInstanceId: 'instance-1',
      protocolType: 'consumer',
      protocolName: 'range',
      assignments: [{ memberId: first.memberId, assignment: assignment('static-restored', [0]) }],
    });
    assert.equal(synced.errorCode, ErrorCode.NONE);

    // The consumer process restarts: it rejoins with no member id and gets a new one in the same generation.
    const rejoined = await joinStatic('');
    assert.equal(rejoined.errorCode, ErrorCode.NONE);
    assert.notEqual(rejoined.memberId, first.memberId, 'a rejoining static member gets a new member id');
    assert.equal(rejoined.generationId, first.generationId, 'a Stable group does not rebalance for it');
    client.close();
    await broker.close();

    broker = await startInProcess(dataDir, {});
    cleanups.push(() => broker.close());
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    cleanups.push(() => client.close());
    const heartbeat = (memberId: string) =>
      client.request(ApiKey.Heartbeat, {
        groupId: 'g-static',
        generationId: first.generationId,
        memberId,
        groupInstanceId: 'instance-1',
      });
    assert.equal(
      (await heartbeat(rejoined.memberId)).errorCode,
      ErrorCode.NONE,
      'the live static member keeps heartbeating after the coordinator restarts',
    );
    assert.equal(
      (await heartbeat(first.memberId)).errorCode,
      ErrorCode.FENCED_INSTANCE_ID,
      'the replaced member id stays fenced',
    );
  });

  it('expires offsets after offsets.retention.minutes, counting from when the group became empty (KIP-211)', async () => {
    const clock = new ManualClock();
    const dataDir = tempDataDir();
    const configs = {
      'offsets.retention.minutes': String(7 * 24 * 60),
      'offsets.retention.check.interval.ms': '20',
    };
    let broker = await startInProcess(dataDir, configs, clock);
    let client = await KafkaConnection.connect('127.0.0.1', broker.port);
    await createTopic(client, 'kept', 1);
    await createTopic(client, 'unsubscribed', 1);

    // A standalone consumer (no group protocol) commits; so does a consumer group, which then empties.
    let codes = await commit(client, 'standalone', [{ topic: 'kept', partition: 0, offset: 5n }]);
    assert.equal(codes.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE, 'standalone commit');
    const leaving = await joinAndSync(client, 'g-emptied', ['kept']);
    codes = await commit(client, 'g-emptied', [{ topic: 'kept', partition: 0, offset: 7n }], leaving);
    assert.equal(codes.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE, 'member commit');
    // A member that stays subscribed to 'kept' also holds an old commit for a topic it no longer subscribes to.
    const staying = await joinAndSync(client, 'g-stable', ['kept']);
    codes = await commit(
      client,
      'g-stable',
      [
        { topic: 'kept', partition: 0, offset: 3n },
        { topic: 'unsubscribed', partition: 0, offset: 4n },
      ],
      staying,
    );
    assert.ok(
      codes.topics.every((t) => t.partitions.every((p) => p.errorCode === ErrorCode.NONE)),
      'stable group commits',
    );

    clock.advance(6 * DAY_MS);
    const left = await client.request(ApiKey.LeaveGroup, {
      groupId: 'g-emptied',
      memberId: leaving.memberId,
      members: [{ memberId: leaving.memberId, groupInstanceId: null, reason: null }],
    });
    assert.equal(left.errorCode, ErrorCode.NONE, 'leave');
    assert.equal(
      (await describeGroup(client, 'g-emptied')).groupState,
      'Empty',
      'the group emptied at day 6',
    );

    // Day 8: the standalone commit is 8 days old and goes; the emptied group has been empty for only 2 days.
    clock.advance(2 * DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(
      await committed(client, 'standalone'),
      new Map(),
      'standalone offsets expire after a week',
    );
    const groups = (await client.request(ApiKey.ListGroups, { statesFilter: [], typesFilter: [] })).groups;
    assert.ok(
      !groups.some((g) => g.groupId === 'standalone'),
      'an empty group left without offsets is removed',
    );
    assert.deepEqual(
      await committed(client, 'g-emptied'),
      new Map([['kept:0', 7n]]),
      'offsets of a group empty for less than the retention are kept, however old the commit',
    );
    assert.deepEqual(
      await committed(client, 'g-stable'),
      new Map([['kept:0', 3n]]),
      'a stable group keeps offsets of subscribed topics; others expire from their commit',
    );

    // Day 13 + 1 minute: the emptied group has now been empty for a week.
    clock.advance(5 * DAY_MS + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(
      await committed(client, 'g-emptied'),
      new Map(),
      'expired a week after the group emptied',
    );

    // The expiry is stored (tombstones in __consumer_offsets): a restart does not bring the offsets back.
    client.close();
    await broker.close();
    broker = await startInProcess(dataDir, configs, clock);
    cleanups.push(() => broker.close());
    client = await KafkaConnection.connect('127.0.0.1', broker.port);
    cleanups.push(() => client.close());
    assert.deepEqual(
      await committed(client, 'g-emptied'),
      new Map(),
      'expired offsets stay gone after a restart',
    );
    assert.deepEqual(
      await committed(client, 'standalone'),
      new Map(),
      'expired offsets stay gone after a restart',
    );
    assert.deepEqual(await committed(client, 'g-stable'), new Map([['kept:0', 3n]]), 'kept offsets survive');
  });

  it('keeps an empty group while a member id it handed out is on its way back (expiry sweeps in between)', async () => {
    const broker = await startInProcess(tempDataDir(), { 'offsets.retention.check.interval.ms': '10' });
    cleanups.push(() => broker.close());
    const client = await KafkaConnection.connect('127.0.0.1', broker.port);
    cleanups.push(() => client.close());
    const join = (memberId: string) =>
      client.request(ApiKey.JoinGroup, {
        groupId: 'g-joining',
        sessionTimeoutMs: 30_000,
        rebalanceTimeoutMs: 10_000,
        memberId,
        groupInstanceId: null,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata: subscription(['t']) }],
        reason: null,
      });
    const first = await join('');
    assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
    // Ten sweeps for empty groups without offsets pass before the member comes back with its id.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const joined = await join(first.memberId);
    assert.equal(joined.errorCode, ErrorCode.NONE, `join with the handed-out id: error ${joined.errorCode}`);
  });

  it("answers bad commits with Kafka's errors", async () => {
    const broker = await startInProcess(tempDataDir(), {});
    cleanups.push(() => broker.close());
    const client = await KafkaConnection.connect('127.0.0.1', broker.port);
    cleanups.push(() => client.close());
    await createTopic(client, 'bad-commits', 2);
    const member = await joinAndSync(client, 'g-bad', ['bad-commits']);
    const codeOf = async (offsets: Parameters<typeof commit>[2], as: Parameters<typeof commit>[3] = member) =>
      (await commit(client, 'g-bad', offsets, as)).topics.flatMap((t) =>
        t.partitions.map((p) => p.errorCode),
      );

    assert.deepEqual(
      await codeOf([{ topic: 'no-such-topic', partition: 0, offset: 1n }]),
      [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION],
      'unknown topic',
    );
    assert.deepEqual(
      await codeOf([
        { topic: 'bad-commits', partition: 2, offset: 1n },
        { topic: 'bad-commits', partition: 1, offset: 1n },
      ]),
      [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.NONE],
      'an unknown partition fails alone; the valid one in the same request is stored',
    );
    assert.deepEqual(
      await codeOf([{ topic: 'bad-commits', partition: 0, offset: 1n, metadata: 'x'.repeat(4097) }]),
      [ErrorCode.OFFSET_METADATA_TOO_LARGE],
      'metadata above offset.metadata.max.bytes (4096)',
    );
    assert.deepEqual(
      await codeOf([{ topic: 'bad-commits', partition: 0, offset: 1n }], {
        memberId: member.memberId,
        generationId: member.generationId - 1,
      }),
      [ErrorCode.ILLEGAL_GENERATION],
      'a stale generation',
    );
    assert.deepEqual(
      await codeOf([{ topic: 'bad-commits', partition: 0, offset: 1n }], {
        memberId: 'not-a-member',
        generationId: member.generationId,
      }),
      [ErrorCode.UNKNOWN_MEMBER_ID],
      'an unknown member',
    );
    assert.deepEqual(
      await codeOf([{ topic: 'bad-commits', partition: 0, offset: 1n }], { memberId: '', generationId: -1 }),
      [ErrorCode.UNKNOWN_MEMBER_ID],
      'an admin commit (no member, generation -1) to a group with members',
    );
    assert.deepEqual(
      await committed(client, 'g-bad'),
      new Map([['bad-commits:1', 1n]]),
      'only the one valid commit was stored',
    );
  });

  it('lets a thousand members join one group with bounded memory, and enforces group.max.size', async () => {
    const MEMBERS = 1000;
    const broker = await startInProcess(tempDataDir(), { 'group.max.size': '600' });
    cleanups.push(() => broker.close());
    const clients = await Promise.all(
      Array.from({ length: MEMBERS }, () => KafkaConnection.connect('127.0.0.1', broker.port)),
    );
    cleanups.push(() => clients.forEach((c) => c.close()));
    await createTopic(clients[0]!, 'crowd', 8);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const metadata = subscription(['crowd']);
    const join = (client: KafkaConnection, memberId: string) =>
      client.request(ApiKey.JoinGroup, {
        groupId: 'g-crowd',
        sessionTimeoutMs: 30_000,
        rebalanceTimeoutMs: 20_000,
        memberId,
        groupInstanceId: null,
        protocolType: 'consumer',
        protocols: [{ name: 'range', metadata }],
        reason: null,
      });
    const first = await Promise.all(clients.map((c) => join(c, '')));
    assert.ok(
      first.every((r) => r.errorCode === ErrorCode.MEMBER_ID_REQUIRED),
      'every new member is first handed a member id',
    );
    const joined = await Promise.all(clients.map((c, i) => join(c, first[i]!.memberId)));
    const accepted = joined.filter((r) => r.errorCode === ErrorCode.NONE);
    const refused = joined.filter((r) => r.errorCode === ErrorCode.GROUP_MAX_SIZE_REACHED);
    assert.equal(accepted.length, 600, 'group.max.size members join');
    assert.equal(refused.length, MEMBERS - 600, 'the rest get GROUP_MAX_SIZE_REACHED');
    const leader = accepted.find((r) => r.leader === r.memberId);
    assert.ok(leader, 'one member leads');
    assert.equal(leader.members.length, 600, 'the leader sees every member');
    assert.ok(
      accepted.every((r) => r.generationId === leader.generationId),
      'all accepted members share one generation',
    );
    global.gc?.();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    // Both ends run in this process: 1,000 clients and the coordinator together stay well below 64 MiB.
    assert.ok(heapGrowth < 64 * 1024 * 1024, `heap grew by ${heapGrowth} bytes`);
    const described = await describeGroup(clients[0]!, 'g-crowd');
    assert.equal(described.groupState, 'CompletingRebalance', 'the group waits for the leader to sync');
    assert.equal(described.members.length, 600, 'DescribeGroups lists every member');
  });
});
