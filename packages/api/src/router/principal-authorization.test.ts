/**
 * Console users mapped to Kafka principals, against a real broker with Kafka's StandardAuthorizer
 * (authorizer.class.name, super.users) and ACLs created with CreateAcls, through both cluster sources: the
 * embedded one asks the broker's authorizer, the remote one (over TCP, as a console started with
 * --bootstrap-server) reads the ACLs with DescribeAcls and the settings with DescribeConfigs. What a user with the
 * principal User:alice may do through the routers follows alice's ACLs, and refusals are FORBIDDEN (HTTP 403)
 * naming Kafka's error; a user without a principal keeps the console's own view. The console itself connects as
 * User:ANONYMOUS, the super user.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { Broker, createLogger } from '@sluice/broker';
import { ClusterClient, KafkaConnection } from '@sluice/client';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { ApiKey, type CreateAclsRequestAclCreation } from '@sluice/protocol';
import { Kafka, logLevel } from 'kafkajs';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { ACL_CACHE_MS } from '../cluster-source/cluster-authorizers.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { createCaller } from '../root.ts';

const TOPIC = 2;
const GROUP = 3;
const TRANSACTIONAL_ID = 5;
const LITERAL = 3;
const PREFIXED = 4;
const DENY = 2;
const ALLOW = 3;
const READ = 3;
const WRITE = 4;
const CREATE = 5;
const DESCRIBE = 8;

const LIMITED_PASSWORD = 'limited-Plain-secret-4471';

const dir = mkdtempSync(join(tmpdir(), 'sluice-principal-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

let broker: Broker;
let database: ConsoleDatabase;
let admin: KafkaConnection;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;

function as(cluster: ClusterSource, role: UserRole, kafkaPrincipal: string | null) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-${kafkaPrincipal ?? 'console'}`, role, kafkaPrincipal },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** A refusal: FORBIDDEN, which the HTTP adapter answers with 403, and a message naming Kafka's error. */
async function refused(call: Promise<unknown>, kafkaError: string, what: string) {
  await assert.rejects(
    call,
    (error: unknown) => {
      assert.ok(error instanceof TRPCError, `${what}: ${String(error)}`);
      assert.equal(error.code, 'FORBIDDEN', `${what}: ${error.message}`);
      assert.equal(getHTTPStatusCodeFromError(error), 403);
      assert.match(error.message, new RegExp(`^${kafkaError}: User:alice may not `), what);
      return true;
    },
    what,
  );
}

async function createAcls(creations: Partial<CreateAclsRequestAclCreation>[]) {
  const response = await admin.request(ApiKey.CreateAcls, {
    creations: creations.map((c) => ({
      resourceType: TOPIC,
      resourceName: '',
      resourcePatternType: LITERAL,
      principal: 'User:alice',
      host: '*',
      operation: READ,
      permissionType: ALLOW,
      ...c,
    })),
  });
  assert.deepEqual(
    response.results.map((r) => r.errorCode),
    creations.map(() => 0),
  );
}

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    configs: new Map([
      ['listeners', 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0'],
      ['sasl.enabled.mechanisms', 'PLAIN'],
      [
        'listener.name.sasl_plaintext.plain.sasl.jaas.config',
        `org.apache.kafka.common.security.plain.PlainLoginModule required user_limited="${LIMITED_PASSWORD}";`,
      ],
      ['authorizer.class.name', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'],
      ['super.users', 'User:ANONYMOUS'],
      ['group.initial.rebalance.delay.ms', '0'],
      ['offsets.topic.num.partitions', '1'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.port}`);
  admin = await KafkaConnection.connect('127.0.0.1', broker.port);

  const console = as(embedded, 'operator', null);
  for (const name of ['alice-orders', 'alice-audit', 'payments'])
    await console.topics.create({
      name,
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
  for (const topic of ['alice-orders', 'payments'])
    await console.messages.produce({ topic, partition: 0, key: null, value: topic, headers: [], copies: 4 });
  const client = new ClusterClient(`127.0.0.1:${broker.port}`, 'committer');
  try {
    await client.commitOffsets('alice-readers', [{ topic: 'alice-orders', partition: 0, offset: 1n }]);
    await client.commitOffsets('payments-app', [{ topic: 'payments', partition: 0, offset: 2n }]);
  } finally {
    client.close();
  }
  await createAcls([
    // READ and WRITE on every alice- topic (each implies DESCRIBE), but no WRITE on alice-audit: DENY wins.
    { resourceName: 'alice-', resourcePatternType: PREFIXED, operation: READ },
    { resourceName: 'alice-', resourcePatternType: PREFIXED, operation: WRITE },
    { resourceName: 'alice-audit', operation: WRITE, permissionType: DENY },
    { resourceType: GROUP, resourceName: 'alice-readers', operation: READ },
  ]);
});

after(async () => {
  admin?.close();
  embedded?.close();
  remote?.close();
  database?.close();
  await broker?.close();
});

for (const [name, source] of [
  ['embedded', () => embedded],
  ['remote', () => remote],
] as const) {
  describe(`a console user with a Kafka principal (${name} source)`, () => {
    const alice = (role: UserRole = 'operator') => as(source(), role, 'User:alice');

    it('lists only the topics and groups the principal may describe; the console alone sees all', async () => {
      assert.deepEqual(
        (await alice().topics.list()).map((t) => t.name),
        ['alice-audit', 'alice-orders'],
      );
      const all = (await as(source(), 'viewer', null).topics.list()).map((t) => t.name);
      assert.ok(all.includes('payments') && all.includes('__consumer_offsets'), all.join(', '));
      assert.deepEqual(
        (await alice().groups.list()).map((g) => g.groupId),
        ['alice-readers'],
      );
    });

    it('counts and histories cover only what it may describe', async () => {
      const overview = await alice('viewer').cluster.overview();
      const everything = await as(source(), 'viewer', null).cluster.overview();
      assert.equal(overview.topics, (await alice('viewer').topics.list()).length);
      assert.ok(overview.topics < everything.topics, `${overview.topics} of ${everything.topics} topics`);
      await alice('viewer').isr.timeline({ topic: 'alice-orders', windowMinutes: 60 });
      await refused(
        alice('viewer').isr.timeline({ topic: 'payments', windowMinutes: 60 }),
        'TOPIC_AUTHORIZATION_FAILED',
        'ISR history',
      );
      await alice('viewer').groups.lagHistory({ groupId: 'alice-readers' });
      await refused(
        alice('viewer').groups.lagHistory({ groupId: 'payments-app' }),
        'GROUP_AUTHORIZATION_FAILED',
        'lag history',
      );
    });

    it('compaction status: a topic it may DESCRIBE, configs only with DESCRIBE_CONFIGS, its partitions only', async () => {
      const status = await alice('viewer').compaction.topic({ topic: 'alice-orders' });
      assert.equal(status.partitions.length, 1);
      assert.equal(status.partitions[0]!.cleaner === null, name === 'remote');
      assert.equal(
        status.configs.find((c) => c.name === 'cleanup.policy')?.value,
        null,
        'no DESCRIBE_CONFIGS',
      );
      const console = await as(source(), 'viewer', null).compaction.topic({ topic: 'alice-orders' });
      assert.equal(console.configs.find((c) => c.name === 'cleanup.policy')?.value, 'delete');
      await refused(
        alice('viewer').compaction.topic({ topic: 'payments' }),
        'TOPIC_AUTHORIZATION_FAILED',
        'compaction status',
      );
      const seen = (await alice('viewer').compaction.cleaner()).partitions.map((p) => p.topic);
      assert.ok(
        seen.every((topic) => topic.startsWith('alice-')),
        seen.join(', '),
      );
      if (name === 'embedded') {
        const all = (await as(source(), 'viewer', null).compaction.cleaner()).partitions.map((p) => p.topic);
        assert.ok(all.includes('__consumer_offsets'), all.join(', '));
      }
    });

    it('reads what it may READ; DESCRIBE and READ refusals are TOPIC_AUTHORIZATION_FAILED', async () => {
      const detail = await alice('viewer').topics.detail({ topic: 'alice-orders' });
      const { highWatermark } = (await as(source(), 'viewer', null).topics.detail({ topic: 'alice-orders' }))
        .partitions[0]!;
      assert.equal(
        detail.partitions[0]!.highWatermark,
        highWatermark,
        'the same partitions as the console sees',
      );
      assert.deepEqual(detail.configs, [], 'no DESCRIBE_CONFIGS: the configs are not shown');
      assert.deepEqual(
        detail.consumers.map((c) => c.groupId),
        ['alice-readers'],
      );
      const page = await alice('viewer').messages.browse({
        topic: 'alice-orders',
        from: { type: 'oldest' },
        limit: 100,
      });
      assert.equal(page.records.length, highWatermark);
      await refused(
        alice('viewer').topics.detail({ topic: 'payments' }),
        'TOPIC_AUTHORIZATION_FAILED',
        'detail',
      );
      await refused(
        alice('viewer').messages.browse({ topic: 'payments', from: { type: 'oldest' }, limit: 10 }),
        'TOPIC_AUTHORIZATION_FAILED',
        'browse',
      );
      await refused(
        alice('viewer').groups.detail({ groupId: 'payments-app' }),
        'GROUP_AUTHORIZATION_FAILED',
        'group detail',
      );
    });

    it('produces where it may WRITE; a DENY wins over the PREFIXED ALLOW', async () => {
      const { written } = await alice().messages.produce({
        topic: 'alice-orders',
        partition: 0,
        key: null,
        value: `from alice via ${name}`,
        headers: [],
        copies: 1,
      });
      assert.equal(written.length, 1);
      await refused(
        alice().messages.produce({
          topic: 'alice-audit',
          partition: 0,
          key: null,
          value: 'denied',
          headers: [],
          copies: 1,
        }),
        'TOPIC_AUTHORIZATION_FAILED',
        'produce to alice-audit',
      );
    });

    it('changes to topics need CREATE, DELETE and ALTER_CONFIGS', async () => {
      await refused(
        alice().topics.create({
          name: `alice-new-${name}`,
          partitions: 1,
          replicationFactor: 1,
          configs: {},
          validateOnly: false,
        }),
        'TOPIC_AUTHORIZATION_FAILED',
        'create',
      );
      await refused(
        alice().topics.delete({ topic: 'alice-orders', confirmation: 'alice-orders' }),
        'TOPIC_AUTHORIZATION_FAILED',
        'delete topic',
      );
      await refused(
        alice().topics.alterConfigs({
          topic: 'alice-orders',
          set: { 'retention.ms': '60000' },
          remove: [],
          validateOnly: false,
        }),
        'TOPIC_AUTHORIZATION_FAILED',
        'alter configs',
      );
      await refused(
        alice().topics.deleteRecords({ topic: 'alice-orders', partition: 0, beforeOffset: 1 }),
        'TOPIC_AUTHORIZATION_FAILED',
        'delete records',
      );
      assert.ok(
        (await as(source(), 'viewer', null).topics.list()).some((t) => t.name === 'alice-orders'),
        'nothing was deleted',
      );
    });

    it('resets offsets of a group it may READ; refuses others and group deletion', async () => {
      const reset = await alice().groups.resetOffsets({
        groupId: 'alice-readers',
        scope: 'all-topics',
        target: { to: 'earliest' },
        execute: true,
      });
      assert.deepEqual(
        reset.rows.map((r) => [r.topic, r.newOffset]),
        [['alice-orders', 0]],
      );
      await refused(
        alice().groups.resetOffsets({
          groupId: 'payments-app',
          scope: 'all-topics',
          target: { to: 'earliest' },
          execute: true,
        }),
        'GROUP_AUTHORIZATION_FAILED',
        'reset another group',
      );
      await refused(
        alice().groups.delete({ groupId: 'alice-readers' }),
        'GROUP_AUTHORIZATION_FAILED',
        'delete a group without DELETE',
      );
      assert.deepEqual((await as(source(), 'viewer', null).groups.list()).map((g) => g.groupId).sort(), [
        'alice-readers',
        'payments-app',
      ]);
    });

    it('an admin with the principal may not reassign without ALTER on the cluster', async () => {
      await refused(
        alice('admin').reassignments.start({
          topic: 'alice-orders',
          partition: 0,
          replicas: [1],
          throttle: null,
        }),
        'CLUSTER_AUTHORIZATION_FAILED',
        'reassign',
      );
    });

    it('a principal in super.users may do anything (read with DescribeConfigs when remote)', async () => {
      const superUser = as(source(), 'viewer', 'User:ANONYMOUS');
      assert.ok((await superUser.topics.list()).some((t) => t.name === 'payments'));
      const page = await superUser.messages.browse({
        topic: 'payments',
        from: { type: 'oldest' },
        limit: 10,
      });
      assert.equal(page.records.length, 4);
    });

    it('the console role still applies on top: a viewer with the principal cannot produce', async () => {
      await assert.rejects(
        alice('viewer').messages.produce({
          topic: 'alice-orders',
          partition: 0,
          key: null,
          value: 'x',
          headers: [],
          copies: 1,
        }),
        (error: unknown) => error instanceof TRPCError && /operator role/.test(error.message),
      );
    });
  });
}

describe('a new ACL on the cluster', () => {
  it('reaches both sources: at once embedded, within the cache time remote', async () => {
    await createAcls([{ resourceName: 'alice-', resourcePatternType: PREFIXED, operation: CREATE }]);
    const spec = { partitions: 1, replicationFactor: 1, configs: {}, validateOnly: false };
    await as(embedded, 'operator', 'User:alice').topics.create({ ...spec, name: 'alice-created-embedded' });
    const deadline = Date.now() + ACL_CACHE_MS + 5_000;
    for (;;) {
      try {
        await as(remote, 'operator', 'User:alice').topics.create({ ...spec, name: 'alice-created-remote' });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
    assert.deepEqual(
      (await as(remote, 'viewer', 'User:alice').topics.list()).map((t) => t.name),
      ['alice-audit', 'alice-created-embedded', 'alice-created-remote', 'alice-orders'],
    );
  });
});

describe('transactions of a console user with a Kafka principal', () => {
  it('lists the transactional ids it may DESCRIBE; producers need READ, an abort CLUSTER_ACTION', async () => {
    await createAcls([{ resourceType: TRANSACTIONAL_ID, resourceName: 'alice-tx', operation: DESCRIBE }]);
    const kafka = new Kafka({
      brokers: [`127.0.0.1:${broker.port}`],
      clientId: 'transactions',
      logLevel: logLevel.NOTHING,
    });
    const producers = ['alice-tx', 'payments-tx'].map((transactionalId) =>
      kafka.producer({ transactionalId, maxInFlightRequests: 1, idempotent: true }),
    );
    try {
      for (const [i, producer] of producers.entries()) {
        await producer.connect();
        const transaction = await producer.transaction();
        await transaction.send({ topic: ['alice-orders', 'payments'][i]!, messages: [{ value: 'open' }] });
      }
      for (const cluster of [embedded, remote]) {
        const alice = as(cluster, 'operator', 'User:alice');
        const open = (await as(cluster, 'viewer', null).transactions.list()).transactions;
        assert.deepEqual(open.map((t) => t.transactionalId).sort(), ['alice-tx', 'payments-tx']);
        // The remote source reads ACLs again after its cache time; the ACL above is older than that by now.
        const deadline = Date.now() + ACL_CACHE_MS + 5_000;
        for (;;) {
          const listed = (await alice.transactions.list()).transactions.map((t) => t.transactionalId);
          if (listed.length === 1 || Date.now() > deadline) {
            assert.deepEqual(listed, ['alice-tx']);
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        await refused(
          alice.transactions.producers({ topic: 'payments', partition: 0 }),
          'TOPIC_AUTHORIZATION_FAILED',
          'producers of a topic it may not READ',
        );
        const aliceTx = open.find((t) => t.transactionalId === 'alice-tx')!;
        await refused(
          alice.transactions.abort({
            transactionalId: 'alice-tx',
            producerId: aliceTx.producerId,
            partitions: aliceTx.partitions,
          }),
          'CLUSTER_AUTHORIZATION_FAILED',
          'an abort (WriteTxnMarkers needs CLUSTER_ACTION)',
        );
      }
    } finally {
      for (const producer of producers) await producer.disconnect().catch(() => undefined);
    }
  });
});

describe('a remote console whose own principal may not read the ACLs', () => {
  it('refuses users with a principal, saying what the console lacks; users without one are unaffected', async () => {
    const limited = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.ports.get('SASL_PLAINTEXT')}`, {
      security: { sasl: { mechanism: 'PLAIN', username: 'limited', password: LIMITED_PASSWORD } },
    });
    try {
      await assert.rejects(as(limited, 'viewer', 'User:alice').topics.list(), (error: Error) => {
        assert.match(
          error.message,
          /^the console cannot read the cluster's ACLs to decide for users with a Kafka principal \(CLUSTER_AUTHORIZATION_FAILED/,
        );
        assert.ok(!error.message.includes(LIMITED_PASSWORD));
        return true;
      });
      // The console's own view: User:limited describes nothing, and Metadata says so by listing nothing.
      assert.deepEqual(await as(limited, 'viewer', null).topics.list(), []);
      // Nor the brokers' configs: transaction.max.timeout.ms is unknown, and the transactions list still reads.
      assert.deepEqual(await as(limited, 'viewer', null).transactions.list(), {
        maxTimeoutMs: null,
        transactions: [],
      });
    } finally {
      limited.close();
    }
  });
});

describe('a cluster without an authorizer', () => {
  it('allows a principal everything, as Kafka does (SECURITY_DISABLED to DescribeAcls)', async () => {
    const open = await Broker.start({
      dataDir: join(dir, 'open-kafka-logs'),
      port: 0,
      logger: createLogger('open-broker', 'warn'),
    });
    const sources = [
      new EmbeddedClusterSource(open.services),
      RemoteClusterSource.forBootstrap(`127.0.0.1:${open.port}`),
    ];
    try {
      for (const [i, cluster] of sources.entries()) {
        const alice = as(cluster, 'operator', 'User:alice');
        await alice.topics.create({
          name: `open-${i}`,
          partitions: 1,
          replicationFactor: 1,
          configs: {},
          validateOnly: false,
        });
        await alice.messages.produce({
          topic: `open-${i}`,
          partition: 0,
          key: null,
          value: 'v',
          headers: [],
          copies: 1,
        });
        assert.ok((await alice.topics.list()).some((t) => t.name === `open-${i}`));
      }
    } finally {
      for (const cluster of sources) cluster.close();
      await open.close();
    }
  });
});
