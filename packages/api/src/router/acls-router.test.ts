/**
 * The ACLs router against real brokers in this process, through both cluster sources, with each role:
 * - a broker with Kafka's StandardAuthorizer (User:ANONYMOUS, the console, its super user): ACLs created and
 *   deleted in the console are the ones a real SCRAM client is refused or let through by, with Kafka's
 *   TOPIC_AUTHORIZATION_FAILED; the list filters by principal and by the resource ACLs apply to (Kafka's MATCH);
 *   the "who can do what" check gives the broker's own answer and names what decided it (a PREFIXED ALLOW, a
 *   LITERAL DENY that wins over it, a super user, no matching ACL, no ACL at all); hostile input is refused with
 *   the shared schema's words; every change is audited;
 * - a broker without an authorizer: the list and the check say there is none (SECURITY_DISABLED), and a
 *   create is refused with Kafka's error name;
 * - a console user with a Kafka principal reaches the security pages only as far as the cluster's ACLs let that
 *   principal (CLUSTER_AUTHORIZATION_FAILED), whatever their console role.
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
import type { AclBindingInput } from '@sluice/validators';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { EmbeddedClusterSource } from '../cluster-source/embedded-cluster-source.ts';
import { RemoteClusterSource } from '../cluster-source/remote-cluster-source.ts';
import { createCaller } from '../root.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-acls-router-'));
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));

const BOB_PASSWORD = 'bob-scram-secret-31b7';

let secured: Broker;
let open: Broker;
let database: ConsoleDatabase;
let embedded: EmbeddedClusterSource;
let remote: RemoteClusterSource;
let openEmbedded: EmbeddedClusterSource;
let openRemote: RemoteClusterSource;

function as(role: UserRole, cluster: ClusterSource = embedded, kafkaPrincipal: string | null = null) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-user`, role, kafkaPrincipal },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

async function rejects(call: Promise<unknown>, code: TRPCError['code'], message: RegExp, what: string) {
  await assert.rejects(
    call,
    (error: unknown) => error instanceof TRPCError && error.code === code && message.test(error.message),
    what,
  );
}

const allowWritePrefix: AclBindingInput = {
  resourceType: 'TOPIC',
  patternType: 'PREFIXED',
  resourceName: 'orders-',
  principal: 'User:bob',
  host: '*',
  operation: 'WRITE',
  permissionType: 'ALLOW',
};
const denyWriteEu: AclBindingInput = {
  ...allowWritePrefix,
  patternType: 'LITERAL',
  resourceName: 'orders-eu',
  permissionType: 'DENY',
};

/** bob (SCRAM) produces one record to `topic` over the SASL listener; resolves with Kafka's error name or 'ok'. */
async function bobProduces(topic: string): Promise<string> {
  const client = new ClusterClient(`127.0.0.1:${secured.ports.get('SASL_PLAINTEXT')}`, 'bob-app', {
    security: { sasl: { mechanism: 'SCRAM-SHA-256', username: 'bob', password: BOB_PASSWORD } },
    requestTimeoutMs: 10_000,
  });
  const source = new RemoteClusterSource(client);
  try {
    await source.produce({ topic, key: null, value: Buffer.from('hello'), headers: [], copies: 1 });
    return 'ok';
  } catch (error) {
    return /^[A-Z_]+/.exec(String((error as Error).message))?.[0] ?? String(error);
  } finally {
    source.close();
  }
}

before(async () => {
  secured = await Broker.start({
    dataDir: join(dir, 'secured'),
    port: 0,
    configs: new Map([
      ['listeners', 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0'],
      ['sasl.enabled.mechanisms', 'SCRAM-SHA-256'],
      ['authorizer.class.name', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'],
      ['super.users', 'User:ANONYMOUS'],
    ]),
    logger: createLogger('broker', 'warn'),
  });
  open = await Broker.start({ dataDir: join(dir, 'open'), port: 0, logger: createLogger('broker', 'warn') });
  database = await openDatabase(join(dir, 'console.db'));
  embedded = new EmbeddedClusterSource(secured.services);
  remote = RemoteClusterSource.forBootstrap(`127.0.0.1:${secured.ports.get('PLAINTEXT')}`);
  openEmbedded = new EmbeddedClusterSource(open.services);
  openRemote = RemoteClusterSource.forBootstrap(`127.0.0.1:${open.port}`);
  for (const name of ['orders-eu', 'orders-us'])
    await as('operator').topics.create({
      name,
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
  await as('admin').kafkaUsers.create({
    user: 'bob',
    mechanism: 'SCRAM-SHA-256',
    iterations: 4096,
    password: BOB_PASSWORD,
  });
});

after(async () => {
  for (const source of [embedded, remote, openEmbedded, openRemote]) source?.close();
  database?.close();
  await secured?.close();
  await open?.close();
});

describe('ACLs without an authorizer', () => {
  it('says there is none, instead of failing, and refuses a create with SECURITY_DISABLED', async () => {
    for (const source of [openEmbedded, openRemote]) {
      assert.deepEqual(await as('viewer', source).acls.list({}), { authorizer: false, acls: [] });
      assert.deepEqual(
        await as('viewer', source).acls.check({
          principal: 'User:bob',
          host: '127.0.0.1',
          resourceType: 'TOPIC',
          resourceName: 'orders-eu',
          operation: 'WRITE',
        }),
        {
          authorizer: false,
          allowed: true,
          rule: { kind: 'no-authorizer' },
          allowEveryoneIfNoAclFound: null,
        },
      );
    }
    await rejects(
      as('operator', openEmbedded).acls.create(allowWritePrefix),
      'BAD_REQUEST',
      /^SECURITY_DISABLED/,
      "Kafka's error name",
    );
  });
});

describe('ACLs with the StandardAuthorizer', () => {
  it('refuses a principal without an ACL: a real client gets TOPIC_AUTHORIZATION_FAILED', async () => {
    assert.deepEqual(await as('viewer').acls.list({}), { authorizer: true, acls: [] });
    assert.equal(await bobProduces('orders-us'), 'TOPIC_AUTHORIZATION_FAILED');
  });

  it('creates ACLs (operators only) that the broker enforces: a LITERAL DENY wins over a PREFIXED ALLOW', async () => {
    await rejects(as('viewer').acls.create(allowWritePrefix), 'FORBIDDEN', /operator role/, 'viewers cannot');
    await as('operator').acls.create(allowWritePrefix);
    assert.equal(await bobProduces('orders-us'), 'ok', 'the prefix lets bob write');
    assert.equal(await bobProduces('orders-eu'), 'ok', 'to every topic it starts');
    await as('operator', remote).acls.create(denyWriteEu);
    assert.equal(await bobProduces('orders-eu'), 'TOPIC_AUTHORIZATION_FAILED', 'the DENY wins');
    assert.equal(await bobProduces('orders-us'), 'ok', 'only on its own topic');
  });

  it('refuses hostile input with clear messages', async () => {
    const operator = as('operator');
    const refused: [Partial<Record<keyof AclBindingInput, string>>, RegExp][] = [
      [{ principal: 'bob' }, /a principal is User:<name>, e.g. User:alice/],
      [{ principal: 'User:' }, /a principal is User:<name>/],
      [{ principal: `User:${'b'.repeat(10_000)}` }, /a principal is at most 260 characters/],
      [{ host: 'somewhere' }, /a host is \* \(any host\) or an IP address/],
      [{ resourceName: '' }, /a resource name cannot be empty/],
      [{ resourceName: 'x'.repeat(256) }, /a resource name is at most 255 characters/],
      [{ resourceType: 'CLUSTER', patternType: 'LITERAL', resourceName: 'prod' }, /named kafka-cluster/],
      [
        { resourceType: 'GROUP', operation: 'WRITE' },
        /GROUP supports ALL, READ, DESCRIBE, DELETE, not WRITE/,
      ],
      [{ operation: 'EVERYTHING' }, /the operation is one of ALL, READ/],
      [{ permissionType: 'MAYBE' }, /the permission is ALLOW or DENY/],
    ];
    for (const [change, message] of refused)
      await rejects(
        operator.acls.create({ ...allowWritePrefix, ...change } as AclBindingInput),
        'BAD_REQUEST',
        message,
        JSON.stringify(change).slice(0, 60),
      );
  });

  it('lists every ACL, those of a principal, and those that apply to a resource', async () => {
    const view = (acl: AclBindingInput) => ({ ...acl });
    for (const source of [embedded, remote]) {
      const viewer = as('viewer', source);
      assert.deepEqual((await viewer.acls.list({})).acls, [view(allowWritePrefix), view(denyWriteEu)]);
      assert.deepEqual((await viewer.acls.list({ principal: 'User:carol' })).acls, []);
      assert.deepEqual(
        (await viewer.acls.list({ resourceType: 'TOPIC', resourceName: 'orders-us' })).acls,
        [view(allowWritePrefix)],
        'MATCH: the prefix applies to orders-us, the literal does not',
      );
      assert.deepEqual(
        (await viewer.acls.list({ resourceType: 'GROUP', resourceName: 'orders-us' })).acls,
        [],
      );
    }
  });

  it("checks who can do what with the broker's own logic, and names what decides", async () => {
    const request = {
      principal: 'User:bob',
      host: '127.0.0.1',
      resourceType: 'TOPIC' as const,
      resourceName: 'orders-us',
      operation: 'WRITE' as const,
    };
    for (const source of [embedded, remote]) {
      const check = as('viewer', source).acls.check;
      const what = source === embedded ? 'embedded' : 'remote';
      assert.deepEqual(
        await check(request),
        {
          authorizer: true,
          allowed: true,
          rule: { kind: 'acl', acl: allowWritePrefix },
          allowEveryoneIfNoAclFound: false,
        },
        `${what}: the PREFIXED ALLOW`,
      );
      assert.deepEqual(
        (await check({ ...request, operation: 'DESCRIBE' })).rule,
        { kind: 'acl', acl: allowWritePrefix },
        `${what}: an ALLOW of WRITE implies DESCRIBE`,
      );
      const denied = await check({ ...request, resourceName: 'orders-eu' });
      assert.deepEqual(
        [denied.allowed, denied.rule],
        [false, { kind: 'acl', acl: denyWriteEu }],
        `${what}: DENY`,
      );
      const carol = await check({ ...request, principal: 'User:carol' });
      assert.deepEqual([carol.allowed, carol.rule], [false, { kind: 'no-matching-acl' }], `${what}: carol`);
      const group = await check({
        ...request,
        resourceType: 'GROUP',
        resourceName: 'readers',
        operation: 'READ',
      });
      assert.deepEqual([group.allowed, group.rule], [false, { kind: 'no-acl-found' }], `${what}: no ACL`);
      const console = await check({ ...request, principal: 'User:ANONYMOUS', resourceName: 'orders-eu' });
      assert.deepEqual(
        [console.allowed, console.rule],
        [true, { kind: 'super-user' }],
        `${what}: super user`,
      );
    }
    await rejects(
      as('viewer').acls.check({ ...request, host: '*' }),
      'BAD_REQUEST',
      /a request comes from one host/,
      'a check is about one host',
    );
  });

  it('deletes exactly one ACL, NOT_FOUND when there is none, and audits each change', async () => {
    await rejects(as('viewer').acls.delete(denyWriteEu), 'FORBIDDEN', /operator role/, 'viewers cannot');
    await as('operator', remote).acls.delete(denyWriteEu);
    assert.equal(await bobProduces('orders-eu'), 'ok', 'the DENY is gone');
    assert.equal(
      (
        await as('viewer').acls.check({
          principal: 'User:bob',
          host: '127.0.0.1',
          resourceType: 'TOPIC',
          resourceName: 'orders-eu',
          operation: 'WRITE',
        })
      ).allowed,
      true,
    );
    await rejects(
      as('operator').acls.delete(denyWriteEu),
      'NOT_FOUND',
      /no ACL DENY User:bob WRITE on TOPIC LITERAL orders-eu from \*/,
      'already deleted',
    );
    const { entries } = await as('operator').audit.list({});
    assert.deepEqual(
      entries
        .filter((e) => e.action.startsWith('acl.'))
        .reverse()
        .map((e) => [e.action, e.target]),
      [
        ['acl.create', 'ALLOW User:bob WRITE on TOPIC PREFIXED orders- from *'],
        ['acl.create', 'DENY User:bob WRITE on TOPIC LITERAL orders-eu from *'],
        ['acl.delete', 'DENY User:bob WRITE on TOPIC LITERAL orders-eu from *'],
      ],
    );
  });
});

describe('security pages for a console user with a Kafka principal', () => {
  it("are decided by the cluster's ACLs for that principal: CLUSTER_AUTHORIZATION_FAILED until allowed", async () => {
    for (const source of [embedded, remote]) {
      const carol = as('admin', source, 'User:carol');
      await rejects(
        carol.acls.list({}),
        'FORBIDDEN',
        /^CLUSTER_AUTHORIZATION_FAILED: User:carol may not DESCRIBE the cluster/,
        'ACLs',
      );
      await rejects(carol.kafkaUsers.list(), 'FORBIDDEN', /^CLUSTER_AUTHORIZATION_FAILED/, 'SCRAM users');
      await rejects(
        carol.quotas.list(),
        'FORBIDDEN',
        /^CLUSTER_AUTHORIZATION_FAILED.*DESCRIBE_CONFIGS/,
        'quotas',
      );
    }
    const describeCluster: AclBindingInput = {
      resourceType: 'CLUSTER',
      patternType: 'LITERAL',
      resourceName: 'kafka-cluster',
      principal: 'User:carol',
      host: '*',
      operation: 'DESCRIBE',
      permissionType: 'ALLOW',
    };
    await as('operator').acls.create(describeCluster);
    // The remote source reads the ACLs again after its cache (ACL_CACHE_MS) expires; the embedded one at once.
    const carol = as('admin', embedded, 'User:carol');
    assert.equal((await carol.acls.list({})).acls.length, 2, 'DESCRIBE on the cluster lists the ACLs');
    assert.equal((await carol.kafkaUsers.list())[0]?.user, 'bob', 'and the SCRAM users');
    await rejects(
      carol.acls.create({ ...describeCluster, principal: 'User:carol', operation: 'ALTER' }),
      'FORBIDDEN',
      /^CLUSTER_AUTHORIZATION_FAILED: User:carol may not ALTER the cluster/,
      'but not changing them: a console admin is held to its principal',
    );
    await as('operator').acls.delete(describeCluster);
  });
});
