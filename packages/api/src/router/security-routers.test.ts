/**
 * The Kafka users (SCRAM) and quotas routers against a real broker in this process with a PLAINTEXT listener
 * (where the console connects, as User:ANONYMOUS) and a SASL_PLAINTEXT one (where SCRAM users authenticate),
 * through both cluster sources, with each role:
 * - SCRAM credentials created, rotated and deleted in the console are the ones a real SCRAM client
 *   authenticates with, or is refused with; Kafka's bounds and errors show; no password reaches the audit log;
 * - quotas for users, client-ids, both and their defaults are created, edited and deleted, the shared schema
 *   refuses hostile input, and the broker's measure of a SCRAM user held to its quota (its byte rate and
 *   throttle time) is streamed beside the quota; a remote cluster says it has no such measure.
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
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { createCaller } from '../root.ts';
import type { QuotaUsagePoint } from './quotas.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-security-routers-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

const ALICE_PASSWORD = 'alice-first-secret-5c1e';
const ALICE_ROTATED = 'alice-rotated-secret-77ab';

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

/** A SCRAM client on the SASL_PLAINTEXT listener. */
function scramClient(username: string, password: string, clientId = 'scram-check') {
  return new ClusterClient(`127.0.0.1:${broker.ports.get('SASL_PLAINTEXT')}`, clientId, {
    security: { sasl: { mechanism: 'SCRAM-SHA-256', username, password } },
    requestTimeoutMs: 10_000,
  });
}

/** Whether the broker accepts the credentials: a connection authenticates and answers Metadata. */
async function authenticates(username: string, password: string): Promise<boolean> {
  const client = scramClient(username, password);
  try {
    await client.metadata([]);
    return true;
  } catch (error) {
    assert.match(String(error), /SASL_AUTHENTICATION_FAILED|authentication failed/i, 'refused by SASL');
    return false;
  } finally {
    client.close();
  }
}

before(async () => {
  broker = await Broker.start({
    dataDir: join(dir, 'kafka-logs'),
    port: 0,
    configs: new Map([
      ['listeners', 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0'],
      ['sasl.enabled.mechanisms', 'SCRAM-SHA-256,SCRAM-SHA-512'],
      ['offsets.topic.num.partitions', '1'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(broker.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${broker.ports.get('PLAINTEXT')}`);
});

after(async () => {
  embedded?.close();
  remote?.close();
  database?.close();
  await broker?.close();
});

describe('Kafka users (SCRAM)', () => {
  const alice = {
    user: 'alice',
    mechanism: 'SCRAM-SHA-256' as const,
    iterations: 8192,
    password: ALICE_PASSWORD,
  };

  it('admins create credentials a real SCRAM client authenticates with; others may only look', async () => {
    await rejects(as('viewer').kafkaUsers.create(alice), 'FORBIDDEN', /admin role/, 'viewers cannot create');
    await rejects(
      as('operator').kafkaUsers.create(alice),
      'FORBIDDEN',
      /admin role/,
      'operators cannot either',
    );
    assert.equal(await authenticates('alice', ALICE_PASSWORD), false, 'no credential yet');

    await as('admin').kafkaUsers.create(alice);
    assert.deepEqual(await as('viewer').kafkaUsers.list(), [
      { user: 'alice', credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 8192 }] },
    ]);
    assert.equal(await authenticates('alice', ALICE_PASSWORD), true, 'the console-made credential works');
    assert.equal(await authenticates('alice', 'not-her-password'), false, 'a wrong password does not');

    await rejects(
      as('admin').kafkaUsers.create({ ...alice, password: 'another' }),
      'CONFLICT',
      /already has a SCRAM-SHA-256 credential: rotate/,
      'create never overwrites',
    );
    assert.equal(await authenticates('alice', ALICE_PASSWORD), true, 'the refused create changed nothing');
    await as('admin', remote).kafkaUsers.create({ ...alice, mechanism: 'SCRAM-SHA-512', iterations: 4096 });
    assert.deepEqual((await as('viewer', remote).kafkaUsers.list())[0]?.credentials, [
      { mechanism: 'SCRAM-SHA-256', iterations: 8192 },
      { mechanism: 'SCRAM-SHA-512', iterations: 4096 },
    ]);
  });

  it("refuses what Kafka refuses, with the shared schema's words", async () => {
    const admin = as('admin');
    await rejects(
      admin.kafkaUsers.create({ ...alice, iterations: 4095 }),
      'BAD_REQUEST',
      /at least 4096/,
      'few',
    );
    await rejects(
      admin.kafkaUsers.create({ ...alice, iterations: 16385 }),
      'BAD_REQUEST',
      /at most 16384/,
      'many',
    );
    await rejects(
      admin.kafkaUsers.create({ ...alice, user: '' }),
      'BAD_REQUEST',
      /cannot be empty/,
      'no name',
    );
    await rejects(
      admin.kafkaUsers.create({ ...alice, user: 'x'.repeat(100_000) }),
      'BAD_REQUEST',
      /at most 255 characters/,
      'a huge name',
    );
    await rejects(
      admin.kafkaUsers.create({ ...alice, user: 'bob\nadmin' }),
      'BAD_REQUEST',
      /control characters/,
      'a name with a line break',
    );
    await rejects(
      admin.kafkaUsers.create({ ...alice, password: '' }),
      'BAD_REQUEST',
      /cannot be empty/,
      'empty',
    );
    await rejects(
      admin.kafkaUsers.create({ ...alice, mechanism: 'PLAIN' as never }),
      'BAD_REQUEST',
      /SCRAM-SHA-256 or SCRAM-SHA-512/,
      'not a SCRAM mechanism',
    );
  });

  it('rotates a password: the old one is refused at once, the new one works', async () => {
    await rejects(
      as('admin').kafkaUsers.rotate({ ...alice, user: 'nobody' }),
      'NOT_FOUND',
      /nobody has no SCRAM-SHA-256 credential/,
      'nothing to rotate',
    );
    await as('admin', remote).kafkaUsers.rotate({ ...alice, password: ALICE_ROTATED, iterations: 4096 });
    assert.equal(await authenticates('alice', ALICE_PASSWORD), false, 'the old password');
    assert.equal(await authenticates('alice', ALICE_ROTATED), true, 'the new password');
    assert.equal((await as('viewer').kafkaUsers.list())[0]?.credentials[0]?.iterations, 4096);
  });

  it("deletes a credential with Kafka's answer when there is none, and audits without secrets", async () => {
    await as('admin').kafkaUsers.delete({ user: 'alice', mechanism: 'SCRAM-SHA-512' });
    await rejects(
      as('admin').kafkaUsers.delete({ user: 'alice', mechanism: 'SCRAM-SHA-512' }),
      'NOT_FOUND',
      /^RESOURCE_NOT_FOUND/,
      "Kafka's error name",
    );
    assert.deepEqual(await as('viewer').kafkaUsers.list(), [
      { user: 'alice', credentials: [{ mechanism: 'SCRAM-SHA-256', iterations: 4096 }] },
    ]);
    assert.equal(await authenticates('alice', ALICE_ROTATED), true, 'the other mechanism stays');

    const { entries } = await as('operator').audit.list({});
    const scram = entries.filter((e) => e.action.startsWith('kafka-user.')).reverse();
    assert.deepEqual(
      scram.map((e) => [e.actor, e.action, e.target, e.details]),
      [
        ['admin-user', 'kafka-user.create', 'alice', { mechanism: 'SCRAM-SHA-256', iterations: 8192 }],
        ['admin-user', 'kafka-user.create', 'alice', { mechanism: 'SCRAM-SHA-512', iterations: 4096 }],
        ['admin-user', 'kafka-user.rotate', 'alice', { mechanism: 'SCRAM-SHA-256', iterations: 4096 }],
        ['admin-user', 'kafka-user.delete', 'alice', { mechanism: 'SCRAM-SHA-512' }],
      ],
    );
    const everything = JSON.stringify(entries);
    for (const secret of [ALICE_PASSWORD, ALICE_ROTATED])
      assert.ok(!everything.includes(secret), 'no password');
  });
});

describe('client quotas', () => {
  const aliceProduce = { entity: { user: 'alice' }, quotas: { producer_byte_rate: 2048 } };

  it('creates quotas for users, client-ids, both and the defaults; viewers only read', async () => {
    await rejects(as('viewer').quotas.create(aliceProduce), 'FORBIDDEN', /operator role/, 'viewers cannot');
    const operator = as('operator');
    await operator.quotas.create(aliceProduce);
    await rejects(operator.quotas.create(aliceProduce), 'CONFLICT', /user=alice has quotas already/, 'twice');
    await operator.quotas.create({ entity: { user: null }, quotas: { consumer_byte_rate: 1_048_576 } });
    await as('operator', remote).quotas.create({
      entity: { 'client-id': 'reports' },
      quotas: { request_percentage: 12.5, controller_mutation_rate: 2 },
    });
    await operator.quotas.create({
      entity: { user: 'alice', 'client-id': null },
      quotas: { producer_byte_rate: 4096 },
    });
    const listed = await as('viewer', remote).quotas.list();
    assert.deepEqual(
      listed.entries.map((e) => [e.label, e.quotas]),
      [
        ['client-id=reports', { request_percentage: 12.5, controller_mutation_rate: 2 }],
        ['user=alice', { producer_byte_rate: 2048 }],
        ['user=alice, client-id=<default>', { producer_byte_rate: 4096 }],
        ['user=<default>', { consumer_byte_rate: 1_048_576 }],
      ],
      'every entity, sorted by user then client-id, defaults after names',
    );
    assert.equal(listed.observable, false, 'a remote cluster has no observed rates to give');
    assert.equal((await as('viewer').quotas.list()).observable, true, 'the embedded broker has');
  });

  it('refuses hostile input with a clear message', async () => {
    const operator = as('operator');
    const refused: [unknown, RegExp][] = [
      [{ entity: {}, quotas: { producer_byte_rate: 1 } }, /name a user, a client-id or both/],
      [{ entity: { user: '' }, quotas: { producer_byte_rate: 1 } }, /cannot be empty/],
      [{ entity: { user: 'u'.repeat(5000) }, quotas: { producer_byte_rate: 1 } }, /at most 255 characters/],
      [
        { entity: { ip: '10.0.0.1' }, quotas: { producer_byte_rate: 1 } },
        /names a user, a client-id or both, not ip/,
      ],
      [{ entity: { user: 'bob' }, quotas: {} }, /set at least one quota/],
      [{ entity: { user: 'bob' }, quotas: { producer_byte_rate: 10.5 } }, /whole number of bytes/],
      [{ entity: { user: 'bob' }, quotas: { producer_byte_rate: -1 } }, /greater than 0/],
      [
        { entity: { user: 'bob' }, quotas: { connection_creation_rate: 5 } },
        /connection_creation_rate is not a quota of users and client-ids \(producer_byte_rate/,
      ],
    ];
    for (const [input, message] of refused)
      await rejects(
        operator.quotas.create(input as never),
        'BAD_REQUEST',
        message,
        JSON.stringify(input).slice(0, 80),
      );
  });

  it('edits and deletes, and audits each change with its values', async () => {
    const operator = as('operator');
    await rejects(
      operator.quotas.edit({ entity: { user: 'carol' }, changes: { producer_byte_rate: 1 } }),
      'NOT_FOUND',
      /user=carol has no quotas/,
      'nothing to edit',
    );
    await operator.quotas.edit({
      entity: { 'client-id': 'reports' },
      changes: { request_percentage: null, consumer_byte_rate: 500_000 },
    });
    await as('operator', remote).quotas.delete({ entity: { user: 'alice', 'client-id': null } });
    const listed = await as('viewer').quotas.list();
    assert.deepEqual(
      listed.entries.map((e) => [e.label, e.quotas]),
      [
        ['client-id=reports', { controller_mutation_rate: 2, consumer_byte_rate: 500_000 }],
        ['user=alice', { producer_byte_rate: 2048 }],
        ['user=<default>', { consumer_byte_rate: 1_048_576 }],
      ],
    );
    const { entries } = await as('operator').audit.list({});
    const audited = entries.filter((e) => e.action.startsWith('quota.')).reverse();
    assert.deepEqual(
      audited.map((e) => [e.action, e.target, e.details]),
      [
        ['quota.create', 'user=alice', { quotas: { producer_byte_rate: 2048 } }],
        ['quota.create', 'user=<default>', { quotas: { consumer_byte_rate: 1_048_576 } }],
        [
          'quota.create',
          'client-id=reports',
          { quotas: { request_percentage: 12.5, controller_mutation_rate: 2 } },
        ],
        ['quota.create', 'user=alice, client-id=<default>', { quotas: { producer_byte_rate: 4096 } }],
        [
          'quota.alter',
          'client-id=reports',
          { set: { consumer_byte_rate: 500_000 }, remove: ['request_percentage'] },
        ],
        ['quota.delete', 'user=alice, client-id=<default>', { removed: { producer_byte_rate: 4096 } }],
      ],
    );
  });

  it("streams the broker's measure of the clients a quota holds: byte rate and throttle time", async () => {
    await as('operator').topics.create({
      name: 'metered',
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
    // alice (SCRAM, rotated password) produces 60 KB at once against her 2,048 bytes/s: over the quota window of
    // a fresh sensor (10 s) that is about 6,000 bytes/s, so the broker throttles her.
    const aliceSource = new RemoteClusterSource(scramClient('alice', ALICE_ROTATED, 'alice-app'));
    try {
      await aliceSource.produce({
        topic: 'metered',
        key: null,
        value: Buffer.alloc(2000, 'a'),
        headers: [],
        copies: 30,
      });
    } finally {
      aliceSource.close();
    }

    const controller = new AbortController();
    const points: QuotaUsagePoint[] = [];
    for await (const point of await as('viewer', embedded, controller.signal).quotas.usage()) {
      points.push(point);
      if (points.length === 2) break;
    }
    controller.abort();
    const usage = points.at(-1)!.usage!;
    const alice = usage.entities['[["user","alice"]]'];
    assert.ok(alice, `alice's quota has its client measured: ${JSON.stringify(usage)}`);
    assert.equal(alice.clients, 1, 'one user, so one sensor');
    assert.ok(alice.produceByteRate > 500, `her produce rate is measured (${alice.produceByteRate} B/s)`);
    assert.ok(alice.produceThrottleTimeMs > 0, `and she was throttled (${alice.produceThrottleTimeMs} ms)`);
    assert.ok(points[1]!.at.getTime() - points[0]!.at.getTime() >= 900, 'about a point a second');

    const remotePoints: QuotaUsagePoint[] = [];
    for await (const point of await as('viewer', remote).quotas.usage()) remotePoints.push(point);
    assert.deepEqual(
      remotePoints.map((p) => p.usage),
      [null],
      'a remote cluster says once that it has no measure, and the stream ends',
    );
  });
});
