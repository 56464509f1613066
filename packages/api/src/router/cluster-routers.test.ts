/**
 * The cluster, topics, messages and group-admin routers against the real broker in this process and a real
 * SQLite file, through both cluster sources (embedded, and remote over TCP), with each role: guardrails and
 * Kafka's errors on create, produce and browse (every seek mode, paging), the live tail with filters and its
 * rate cap, configs, DeleteRecords, offset resets with a dry run, deletions, and the audit trail.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { Broker, createLogger } from '@sluice/broker';
import { ClusterClient } from '@sluice/client';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { isRecord, type ClusterSource } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { createCaller } from '../root.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-routers-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let database: ConsoleDatabase;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;

function as(role: UserRole, cluster: ClusterSource = embedded, signal?: AbortSignal) {
  return createCaller(
    {
      db: database.db,
      startedAt: new Date(),
      version: 'test',
      cluster,
      user: { id: 1, username: `${role}-user`, role },
      request: null,
      loginLimiter: new LoginRateLimiter(),
    },
    { signal },
  );
}

async function rejects(call: Promise<unknown>, code: TRPCError['code'], message: RegExp, what: string) {
  await assert.rejects(
    call,
    (error: unknown) => error instanceof TRPCError && error.code === code && message.test(error.message),
    what,
  );
}

const text = (base64: string | null) => (base64 === null ? null : Buffer.from(base64, 'base64').toString());

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    configs: new Map([
      ['group.initial.rebalance.delay.ms', '0'],
      ['offsets.topic.num.partitions', '1'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
});

after(async () => {
  embedded?.close();
  remote?.close();
  database?.close();
  await broker?.close();
});

describe('cluster routers', () => {
  it('creates topics with the shared guardrails, Kafka errors and roles', async () => {
    const operator = as('operator');
    const spec = { name: 'orders', partitions: 3, replicationFactor: 1, configs: {}, validateOnly: false };
    await rejects(as('viewer').topics.create(spec), 'FORBIDDEN', /operator role/, 'viewers cannot create');
    await rejects(
      operator.topics.create({ ...spec, configs: { 'min.insync.replicas': '2' } }),
      'BAD_REQUEST',
      /min.insync.replicas \(2\) cannot exceed the replication factor \(1\)/,
      'the min.insync.replicas guardrail',
    );
    await rejects(
      operator.topics.create({ ...spec, replicationFactor: 2 }),
      'BAD_REQUEST',
      /replication factor \(2\) cannot exceed the 1 live broker/,
      'no more replicas than brokers',
    );
    await rejects(
      operator.topics.create({ ...spec, configs: { 'retention.bytes': 'lots' } }),
      'BAD_REQUEST',
      /^INVALID_CONFIG/,
      "the broker's own validation, with Kafka's error name",
    );
    await operator.topics.create({ ...spec, validateOnly: true });
    assert.equal(
      (await as('viewer').topics.list()).some((t) => t.name === 'orders'),
      false,
      'a dry run creates nothing',
    );
    await operator.topics.create({
      ...spec,
      configs: { 'cleanup.policy': 'delete', 'retention.ms': '86400000' },
    });
    await rejects(operator.topics.create(spec), 'CONFLICT', /^TOPIC_ALREADY_EXISTS/, 'a second create');
    const overview = await as('viewer').cluster.overview();
    assert.equal(overview.brokers.length, 1, 'one broker');
    assert.ok(overview.topics >= 1 && overview.underReplicatedPartitions === 0, 'counts');
  });

  it('produces, then browses from the newest, the oldest, an offset and a timestamp, page by page', async () => {
    const operator = as('operator');
    const before = Date.now();
    const { written } = await operator.messages.produce({
      topic: 'orders',
      partition: 1,
      key: 'customer-1',
      value: '{"total":42}',
      headers: [{ key: 'source', value: 'console' }],
      copies: 5,
    });
    assert.deepEqual(
      written.map((w) => [w.partition, w.offset]),
      [0, 1, 2, 3, 4].map((o) => [1, o]),
      'five copies, in order',
    );
    // A clear gap in time, so a seek by timestamp has one place to land.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const markupTime = Date.now();
    await operator.messages.produce({
      topic: 'orders',
      key: 'k',
      value: '<img src=x onerror=alert(1)>',
      headers: [],
      copies: 1,
    });
    await rejects(
      operator.messages.produce({
        topic: 'orders',
        partition: 9,
        key: null,
        value: 'x',
        headers: [],
        copies: 1,
      }),
      'NOT_FOUND',
      /no partition 9/,
      'an unknown partition',
    );
    await rejects(
      as('viewer').messages.produce({ topic: 'orders', key: null, value: 'x', headers: [], copies: 1 }),
      'FORBIDDEN',
      /operator/,
      'viewers cannot produce',
    );

    for (const source of [embedded, remote]) {
      const viewer = as('viewer', source);
      const newest = await viewer.messages.browse({ topic: 'orders', from: { type: 'newest' }, limit: 3 });
      assert.equal(newest.records.length, 3, 'the newest three');
      assert.equal(
        text(newest.records.filter(isRecord)[0]!.value),
        '<img src=x onerror=alert(1)>',
        'newest first, bytes intact',
      );
      const page1 = await viewer.messages.browse({
        topic: 'orders',
        partition: 1,
        from: { type: 'oldest' },
        limit: 2,
      });
      assert.deepEqual(
        page1.records.map((r) => r.offset),
        [0, 1],
        'oldest first',
      );
      const [first] = page1.records.filter(isRecord);
      assert.equal(text(first!.key), 'customer-1', 'key');
      assert.deepEqual(
        first!.headers.map((h) => [h.key, text(h.value)]),
        [['source', 'console']],
        'headers',
      );
      assert.ok(page1.records[0]!.timestamp >= before, 'the create time');
      const page2 = await viewer.messages.browse({
        topic: 'orders',
        partition: 1,
        from: { type: 'positions', positions: page1.next! },
        limit: 2,
      });
      assert.deepEqual(
        page2.records.map((r) => r.offset),
        [2, 3],
        'the next page continues',
      );
      const fromOffset = await viewer.messages.browse({
        topic: 'orders',
        partition: 1,
        from: { type: 'offset', offset: 4 },
        limit: 10,
      });
      assert.deepEqual(
        fromOffset.records.map((r) => r.offset),
        [4],
        'from an offset',
      );
      assert.equal(fromOffset.next, null, 'the end of the partition');
      const fromTime = await viewer.messages.browse({
        topic: 'orders',
        from: { type: 'timestamp', timestamp: Date.now() + 60_000 },
        limit: 10,
      });
      assert.deepEqual(fromTime.records, [], 'nothing after a future timestamp');
      const fromMarkupTime = await viewer.messages.browse({
        topic: 'orders',
        from: { type: 'timestamp', timestamp: markupTime },
        limit: 10,
      });
      assert.deepEqual(
        fromMarkupTime.records.filter(isRecord).map((r) => text(r.value)),
        ['<img src=x onerror=alert(1)>'],
        'a timestamp between the copies and the last record finds the last record alone',
      );
    }
  });

  it('tails live records with filters, and says how many the rate cap skipped', async () => {
    const controller = new AbortController();
    const viewer = as('viewer', embedded, controller.signal);
    const stream = await viewer.messages.tail({
      topic: 'orders',
      from: { type: 'newest' },
      jsonPath: '$.n',
      maxPerSecond: 10,
    });
    const received: { values: string[]; skipped: number; filteredOut: number } = {
      values: [],
      skipped: 0,
      filteredOut: 0,
    };
    const reading = (async () => {
      for await (const event of stream) {
        // tracked() events arrive as [id, data] envelopes.
        const [, data] = event as unknown as [
          string,
          { records: { value: string | null }[]; skipped: number; filteredOut: number },
        ];
        received.values.push(...data.records.map((r) => text(r.value)!));
        received.skipped += data.skipped;
        received.filteredOut += data.filteredOut;
        if (received.values.length + received.skipped >= 50) break;
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const operator = as('operator');
    await operator.messages.produce({
      topic: 'orders',
      partition: 0,
      key: null,
      value: 'not json',
      headers: [],
      copies: 3,
    });
    // Fifty at once: far more than the 10 a second the browser may receive.
    await operator.messages.produce({
      topic: 'orders',
      partition: 2,
      key: null,
      value: JSON.stringify({ n: 7 }),
      headers: [],
      copies: 50,
    });
    await reading;
    controller.abort();
    assert.equal(received.filteredOut, 3, 'the three non-JSON records were filtered out, and counted');
    assert.equal(
      received.values.length + received.skipped,
      50,
      'every matching record was sent or counted as skipped',
    );
    assert.ok(received.skipped >= 40, `the cap of 10 a second skipped the rest (${received.skipped})`);
    assert.ok(
      received.values.every((v) => /^\{"n":\d+\}$/.test(v)),
      'only matching records',
    );
  });

  it('shows partitions and configs, alters configs, deletes records, and finds the consumers', async () => {
    const operator = as('operator');
    await operator.topics.alterConfigs({
      topic: 'orders',
      set: { 'retention.ms': '3600000' },
      remove: [],
      validateOnly: false,
    });
    const client = new ClusterClient(`127.0.0.1:${broker.port}`);
    try {
      await client.commitOffsets('billing', [{ topic: 'orders', partition: 1, offset: 2n }]);
    } finally {
      client.close();
    }
    for (const source of [embedded, remote]) {
      const detail = await as('viewer', source).topics.detail({ topic: 'orders' });
      assert.equal(detail.partitions.length, 3, 'three partitions');
      const p1 = detail.partitions[1]!;
      assert.deepEqual([p1.leader, p1.replicas, p1.isr, p1.highWatermark], [1, [1], [1], 5], 'partition 1');
      assert.ok((p1.sizeBytes ?? 0) > 0, 'size on disk');
      const retention = detail.configs.find((c) => c.name === 'retention.ms')!;
      assert.deepEqual(
        [retention.value, retention.source, retention.defaultValue],
        ['3600000', 'TOPIC_CONFIG', '604800000'],
        'the override, its source and what it overrides',
      );
      assert.deepEqual(
        detail.consumers,
        [{ groupId: 'billing', state: 'Empty', partitions: 1, lag: 3 }],
        'consumers and their lag',
      );
    }
    for (const source of [embedded, remote]) {
      const definitions = await as('viewer', source).topics.configDefinitions();
      const byName = new Map(definitions.map((d) => [d.name, d]));
      assert.deepEqual(
        [byName.get('cleanup.policy')?.type, byName.get('cleanup.policy')?.defaultValue],
        ['LIST', 'delete'],
        'cleanup.policy: a list, delete by default',
      );
      assert.deepEqual(
        [byName.get('retention.ms')?.type, byName.get('retention.ms')?.defaultValue],
        ['LONG', '604800000'],
        "retention.ms: the default, not this topic's override",
      );
      assert.ok((byName.get('min.insync.replicas')?.documentation ?? '').length > 0, 'documented');
    }
    const cleanup = (await as('viewer').topics.configDefinitions()).find((d) => d.name === 'cleanup.policy');
    assert.deepEqual(cleanup?.validValues, ['compact', 'delete'], 'the engine also knows the allowed values');
    const { logStartOffset } = await operator.topics.deleteRecords({
      topic: 'orders',
      partition: 1,
      beforeOffset: 3,
    });
    assert.equal(logStartOffset, 3, 'records before 3 are gone');
    const rest = await as('viewer').messages.browse({
      topic: 'orders',
      partition: 1,
      from: { type: 'oldest' },
      limit: 10,
    });
    assert.deepEqual(
      rest.records.map((r) => r.offset),
      [3, 4],
      'browsing starts at the new log start offset',
    );
  });

  it('lists topics and describes the cluster in-process exactly as over the wire (offsets, sizes, deleted records)', async () => {
    const [inProcess, overTheWire] = await Promise.all([embedded.listTopics(), remote.listTopics()]);
    assert.deepEqual(
      inProcess,
      overTheWire,
      'the embedded source agrees with ListOffsets and DescribeLogDirs',
    );
    assert.deepEqual(
      await embedded.describeCluster(),
      await remote.describeCluster(),
      'the overview agrees with DescribeCluster and Metadata',
    );
    const orders = inProcess.find((t) => t.name === 'orders');
    assert.ok(
      orders && orders.records > 0 && orders.sizeBytes! > 0,
      `orders has records and bytes: ${JSON.stringify(orders)}`,
    );
    assert.ok(orders.endOffsets > orders.records, 'records deleted earlier count in the end offsets only');
    assert.ok(
      inProcess.some((t) => t.name === '__consumer_offsets' && t.internal),
      'internal topics are listed and marked',
    );
  });

  it('resets offsets after a dry run, deletes groups and topics, and keeps an audit trail', async () => {
    const operator = as('operator');
    const preview = await operator.groups.resetOffsets({
      groupId: 'billing',
      scope: 'all-topics',
      target: { to: 'earliest' },
      execute: false,
    });
    assert.deepEqual(
      preview.rows.map((r) => [r.partition, r.currentOffset, r.newOffset]),
      [[1, 2, 3]],
      'the plan',
    );
    const committed = async () => (await embedded.committedOffsets('billing'))[0]!.offset;
    assert.equal(await committed(), 2, 'a dry run commits nothing');
    await operator.groups.resetOffsets({
      groupId: 'billing',
      scope: 'all-topics',
      target: { to: 'earliest' },
      execute: true,
    });
    assert.equal(await committed(), 3, 'executed');
    await rejects(
      as('viewer').groups.delete({ groupId: 'billing' }),
      'FORBIDDEN',
      /operator/,
      'viewers cannot delete groups',
    );
    await operator.groups.delete({ groupId: 'billing' });
    await rejects(operator.groups.delete({ groupId: 'billing' }), 'NOT_FOUND', /GROUP_ID_NOT_FOUND/, 'gone');

    await rejects(
      operator.topics.delete({ topic: 'orders', confirmation: 'order' }),
      'BAD_REQUEST',
      /type the topic name to confirm/,
      'the name must be typed again',
    );
    await operator.topics.delete({ topic: 'orders', confirmation: 'orders' });
    await rejects(as('viewer').topics.detail({ topic: 'orders' }), 'NOT_FOUND', /does not exist/, 'deleted');

    const { entries } = await as('operator').audit.list({});
    assert.deepEqual(
      entries.map((e) => [e.actor, e.action, e.target]).reverse(),
      [
        ['operator-user', 'topic.create', 'orders'],
        ['operator-user', 'records.produce', 'orders'],
        ['operator-user', 'records.produce', 'orders'],
        ['operator-user', 'records.produce', 'orders'],
        ['operator-user', 'records.produce', 'orders'],
        ['operator-user', 'topic.config', 'orders'],
        ['operator-user', 'records.delete', 'orders-1'],
        ['operator-user', 'group.reset-offsets', 'billing'],
        ['operator-user', 'group.delete', 'billing'],
        ['operator-user', 'topic.delete', 'orders'],
      ],
      `every change, in order, by whom: ${JSON.stringify(entries.map((e) => e.action).reverse())}`,
    );
  });

  it("passes on the broker's refusal of a record without a key on a compacted topic", async () => {
    const operator = as('operator');
    await operator.topics.create({
      name: 'customer-profiles',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'cleanup.policy': 'compact' },
      validateOnly: false,
    });
    const record = { topic: 'customer-profiles', value: '{"tier":"gold"}', headers: [], copies: 1 };
    await rejects(
      operator.messages.produce({ ...record, key: null }),
      'BAD_REQUEST',
      /^INVALID_RECORD: Compacted topic cannot accept message without key in topic partition customer-profiles-0\.$/,
      'a keyless record',
    );
    const { written } = await operator.messages.produce({ ...record, key: 'customer-7' });
    assert.deepEqual(written, [{ partition: 0, offset: 0 }], 'a keyed record, the first in the partition');
  });
});
