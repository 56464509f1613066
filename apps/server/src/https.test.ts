/**
 * The console over HTTPS and against a secured Kafka cluster: the real server with a certificate from a test CA
 * (openssl), reached by real HTTPS requests that trust that CA; its session cookie is Secure and its CSRF check
 * holds. A broker process with a SASL_SSL listener and a SCRAM user stands for the secured cluster, shown
 * through `--command-config`'s client properties, by `createSluiceServer` and by `sluice serve` itself; a wrong
 * password or a missing file stops the start with a clear message. The broker runs Kafka's StandardAuthorizer
 * with the console's SCRAM user as a super user, and a console user mapped to User:alice is held to alice's ACLs.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import superjson from 'superjson';
import { connectionSecurityFromFile } from '@sluice/api/cluster-sources';
import {
  startBroker,
  tempDataDir,
  type BrokerProcess,
} from '../../../packages/broker/test/support/broker-process.ts';
import { run, runOk } from '../../../packages/broker/test/support/run.ts';
import {
  createTestCertificates,
  type TestCertificates,
} from '../../../packages/broker/test/support/tls-certificates.ts';
import { createSluiceServer, type SluiceServer } from './server.ts';
import { ensureConsoleBuild } from './testing/console-build.ts';

const CLI = fileURLToPath(new URL('../../cli/bin/sluice.mjs', import.meta.url));
const ADMIN_PASSWORD = 'https-Admin-password-6627';
const SCRAM_USER = 'console';
const SCRAM_PASSWORD = 'scram-Console-secret-3318';
const WRONG_PASSWORD = 'wrong-Console-secret-8850';

let certs: TestCertificates;
let broker: BrokerProcess;
let server: SluiceServer;
let dir: string;

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request over HTTPS that trusts only the test CA (and checks the host name against the certificate). */
function https(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, ca: readFileSync(certs.caFile) },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A tRPC call over HTTPS; mutations come from this console's origin unless told otherwise. */
async function call(
  base: string,
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  options: { cookie?: string; origin?: string } = {},
) {
  const serialized = JSON.stringify(superjson.serialize(input));
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  const response =
    kind === 'query'
      ? await https(`${base}/api/trpc/${path}?input=${encodeURIComponent(serialized)}`, { headers })
      : await https(`${base}/api/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', origin: options.origin ?? base },
          body: serialized,
        });
  const setCookie = response.headers['set-cookie'] ?? [];
  return { ...response, json: JSON.parse(response.body) as Record<string, unknown>, setCookie };
}

/** The deserialized result of a tRPC answer. */
function resultOf<T>(response: { json: Record<string, unknown> }): T {
  return superjson.deserialize<T>(
    (response.json.result as { data: Parameters<typeof superjson.deserialize>[0] }).data,
  );
}

async function signIn(
  base: string,
  username = 'admin',
  password = ADMIN_PASSWORD,
): Promise<{ cookie: string; setCookie: string }> {
  const login = await call(base, 'mutation', 'auth.login', { username, password });
  assert.equal(login.status, 200, login.body);
  const setCookie = login.setCookie.find((c) => c.startsWith('sluice_session='));
  assert.ok(setCookie, 'a session cookie is set');
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

function scramProperties(name: string, password: string): string {
  const file = join(dir, `${name}.properties`);
  writeFileSync(
    file,
    [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-256',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${SCRAM_USER}" password="${password}";`,
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${certs.caFile}`,
    ].join('\n'),
  );
  return file;
}

before(
  async () => {
    ensureConsoleBuild();
    dir = tempDataDir('sluice-https-');
    certs = await createTestCertificates();
    broker = await startBroker({
      configs: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeystore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'sasl.enabled.mechanisms': 'SCRAM-SHA-256',
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        // The console's own SCRAM user, and the PLAINTEXT listener this test administers through.
        'super.users': `User:${SCRAM_USER};User:ANONYMOUS`,
      },
    });
    await runOk(
      CLI,
      [
        'users',
        '--bootstrap-server',
        broker.bootstrap,
        '--create',
        SCRAM_USER,
        '--mechanism',
        'SCRAM-SHA-256',
        '--password-stdin',
      ],
      { input: `${SCRAM_PASSWORD}\n`, timeoutMs: 60_000 },
    );
    // alice may read and write the topics whose names start with "alice-", and nothing else.
    await runOk(
      CLI,
      [
        'acls',
        '--bootstrap-server',
        broker.bootstrap,
        '--add',
        '--allow-principal',
        'User:alice',
        '--operation',
        'Read',
        '--operation',
        'Write',
        '--topic',
        'alice-',
        '--resource-pattern-type',
        'PREFIXED',
      ],
      { timeoutMs: 60_000 },
    );
    // The certificate comes from the environment here, as a container would give it; the flags are tested below.
    server = await createSluiceServer({
      dataDir: join(dir, 'console'),
      consolePort: 0,
      kafkaBootstrap: `127.0.0.1:${broker.ports.SASL_SSL}`,
      kafkaSecurity: connectionSecurityFromFile(scramProperties('good', SCRAM_PASSWORD)),
      env: {
        SLUICE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        SLUICE_SSL_CERT: certs.brokerCert,
        SLUICE_SSL_KEY: certs.brokerKey,
      },
    });
  },
  { timeout: 300_000 },
);

after(async () => {
  await server?.close();
  await broker?.stop();
  for (const secret of [SCRAM_PASSWORD, WRONG_PASSWORD])
    assert.ok(!broker.output().includes(secret), 'no password reaches the broker log');
});

describe('the console over HTTPS', () => {
  it('serves HTTPS on its URL, with a certificate the test CA vouches for', async () => {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await https(`${server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((JSON.parse(health.body) as { status: string }).status, 'ok');
    const page = await https(`${server.url}/login`);
    assert.equal(page.status, 200, 'the sign-in page, from Next.js, over HTTPS');
    assert.match(page.body, /<html/);
  });

  it('answers nothing over plain HTTP: HTTPS only', async () => {
    const { port } = new URL(server.url);
    await assert.rejects(
      new Promise((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz', timeout: 5_000 }, resolve);
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', reject);
        req.end();
      }),
    );
  });

  it('signs in with a Secure, HttpOnly, SameSite=Lax session cookie, and signs out clearing it Secure', async () => {
    const { cookie, setCookie } = await signIn(server.url);
    assert.match(setCookie, /; Secure(;|$)/, 'Secure');
    assert.match(setCookie, /; HttpOnly/, 'HttpOnly');
    assert.match(setCookie, /; SameSite=Lax/, 'SameSite');
    const me = await call(server.url, 'query', 'auth.me', undefined, { cookie });
    assert.equal(me.status, 200);
    const out = await call(server.url, 'mutation', 'auth.logout', undefined, { cookie });
    assert.equal(out.status, 200);
    const cleared = out.setCookie.find((c) => c.startsWith('sluice_session='));
    assert.match(cleared ?? '', /^sluice_session=; Max-Age=0;.*; Secure/, 'cleared, Secure');
    const after = await call(server.url, 'query', 'auth.me', undefined, { cookie });
    assert.equal(resultOf(after), null, 'signed out');
  });

  it('refuses a cross-site POST that carries the cookie (CSRF), and takes one from its own origin', async () => {
    const { cookie } = await signIn(server.url);
    const spec = {
      name: 'over-https',
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    };
    const forged = await call(server.url, 'mutation', 'topics.create', spec, {
      cookie,
      origin: 'https://evil.example',
    });
    assert.equal(forged.status, 403);
    assert.deepEqual(forged.json, { error: 'cross-origin request refused' });
    const own = await call(server.url, 'mutation', 'topics.create', spec, { cookie });
    assert.equal(own.status, 200, own.body);
    const deleted = await call(
      server.url,
      'mutation',
      'topics.delete',
      { topic: 'over-https', confirmation: 'over-https' },
      { cookie },
    );
    assert.equal(deleted.status, 200, deleted.body);
  });

  it('shows the SASL_SSL cluster through the remote source: topics and groups answer', async () => {
    const { cookie } = await signIn(server.url);
    const spec = {
      name: 'secured-topic',
      partitions: 2,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    };
    const created = await call(server.url, 'mutation', 'topics.create', spec, { cookie });
    assert.equal(created.status, 200, created.body);
    const topics = await call(server.url, 'query', 'topics.list', undefined, { cookie });
    const names = resultOf<{ name: string }[]>(topics).map((t) => t.name);
    assert.ok(names.includes('secured-topic'), names.join(', '));
    const groups = await call(server.url, 'query', 'groups.list', undefined, { cookie });
    assert.equal(groups.status, 200, groups.body);
  });
});

describe('a console user mapped to a Kafka principal, on the SASL_SSL cluster with ACLs', () => {
  it("sees and changes only what the principal's ACLs allow; refusals are 403 with Kafka's error", async () => {
    const { cookie: adminCookie } = await signIn(server.url);
    const spec = { partitions: 1, replicationFactor: 1, configs: {}, validateOnly: false };
    for (const name of ['alice-events', 'billing'])
      assert.equal(
        (await call(server.url, 'mutation', 'topics.create', { ...spec, name }, { cookie: adminCookie }))
          .status,
        200,
      );
    const created = await call(
      server.url,
      'mutation',
      'users.create',
      { username: 'alice', password: 'alice-console-password', role: 'operator' },
      { cookie: adminCookie },
    );
    assert.equal(created.status, 200, created.body);
    const userId = resultOf<{ id: number }>(created).id;
    const mapped = await call(
      server.url,
      'mutation',
      'users.setPrincipal',
      { userId, kafkaPrincipal: 'User:alice' },
      { cookie: adminCookie },
    );
    assert.equal(mapped.status, 200, mapped.body);
    const users = resultOf<{ username: string; kafkaPrincipal: string | null }[]>(
      await call(server.url, 'query', 'users.list', undefined, { cookie: adminCookie }),
    );
    assert.equal(users.find((u) => u.username === 'alice')?.kafkaPrincipal, 'User:alice');
    const { entries: audit } = resultOf<{ entries: { action: string; target: string; details: unknown }[] }>(
      await call(server.url, 'query', 'audit.list', { limit: 10 }, { cookie: adminCookie }),
    );
    assert.deepEqual(
      audit.filter((e) => e.action === 'user.kafka-principal').map((e) => [e.target, e.details]),
      [['alice', { from: null, to: 'User:alice' }]],
    );

    const { cookie } = await signIn(server.url, 'alice', 'alice-console-password');
    const topics = resultOf<{ name: string }[]>(
      await call(server.url, 'query', 'topics.list', undefined, { cookie }),
    );
    assert.deepEqual(
      topics.map((t) => t.name),
      ['alice-events'],
    );
    const record = { partition: 0, key: null, value: 'hello', headers: [], copies: 1 };
    const allowed = await call(
      server.url,
      'mutation',
      'messages.produce',
      { ...record, topic: 'alice-events' },
      { cookie },
    );
    assert.equal(allowed.status, 200, allowed.body);
    const refused = await call(
      server.url,
      'mutation',
      'messages.produce',
      { ...record, topic: 'billing' },
      { cookie },
    );
    assert.equal(refused.status, 403);
    assert.match(
      (refused.json.error as { json: { message: string } }).json.message,
      /^TOPIC_AUTHORIZATION_FAILED: User:alice may not WRITE topic billing$/,
    );
    const deleting = await call(
      server.url,
      'mutation',
      'topics.delete',
      { topic: 'alice-events', confirmation: 'alice-events' },
      { cookie },
    );
    assert.equal(deleting.status, 403, 'no DELETE ACL');
  });
});

describe('bad settings stop the start with a clear message', () => {
  it("a wrong SASL password: the broker's SASL_AUTHENTICATION_FAILED, without the password", async () => {
    await assert.rejects(
      createSluiceServer({
        dataDir: join(dir, 'wrong-password'),
        consolePort: 0,
        kafkaBootstrap: `127.0.0.1:${broker.ports.SASL_SSL}`,
        kafkaSecurity: connectionSecurityFromFile(scramProperties('wrong', WRONG_PASSWORD)),
        env: {},
      }),
      (error: Error) => {
        assert.match(
          error.message,
          /^the Kafka cluster at 127\.0\.0\.1:\d+ refused this console: SASL_AUTHENTICATION_FAILED: /,
        );
        assert.ok(!error.message.includes(WRONG_PASSWORD));
        return true;
      },
    );
  });

  it("a certificate without its key, and a key that is not the certificate's", async () => {
    await assert.rejects(
      createSluiceServer({
        dataDir: join(dir, 'half'),
        consolePort: 0,
        sslCertFile: certs.brokerCert,
        env: {},
      }),
      /HTTPS needs both a certificate and its key/,
    );
    const other = await certs.client('other', '/CN=other');
    await assert.rejects(
      createSluiceServer({
        dataDir: join(dir, 'mismatch'),
        consolePort: 0,
        sslCertFile: certs.brokerCert,
        sslKeyFile: other.key,
        env: {},
      }),
      /the console's certificate .* and key .* are not usable: .*key values mismatch/,
    );
  });

  it('sluice serve: a missing --command-config file and an unknown security.protocol exit 2, naming them', async () => {
    const missing = join(dir, 'absent.properties');
    const absent = await run(
      CLI,
      ['serve', '--bootstrap-server', broker.bootstrap, '--command-config', missing],
      {
        timeoutMs: 60_000,
      },
    );
    assert.equal(absent.code, 2);
    assert.match(absent.stderr, new RegExp(`--command-config cannot read ${missing}: ENOENT`));
    const unknown = join(dir, 'unknown.properties');
    writeFileSync(unknown, 'security.protocol=TLS\n');
    const refused = await run(
      CLI,
      ['serve', '--bootstrap-server', broker.bootstrap, '--command-config', unknown],
      {
        timeoutMs: 60_000,
      },
    );
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /Unsupported security\.protocol TLS/);
  });

  it("sluice serve: a wrong password exits 1 with the broker's error", async () => {
    const wrong = await run(
      CLI,
      [
        'serve',
        '--data-dir',
        join(dir, 'cli-wrong'),
        '--console-port',
        '0',
        '--bootstrap-server',
        `127.0.0.1:${broker.ports.SASL_SSL}`,
        '--command-config',
        scramProperties('cli-wrong', WRONG_PASSWORD),
      ],
      { timeoutMs: 60_000 },
    );
    assert.equal(wrong.code, 1, wrong.stderr);
    assert.match(
      wrong.stderr,
      /cannot start: the Kafka cluster at .* refused this console: SASL_AUTHENTICATION_FAILED/,
    );
    assert.ok(!(wrong.stdout + wrong.stderr).includes(WRONG_PASSWORD));
  });
});

describe('sluice serve --command-config --ssl-cert --ssl-key', () => {
  it('serves the secured cluster over HTTPS', { timeout: 120_000 }, async () => {
    const child = spawn(
      CLI,
      [
        'serve',
        '--data-dir',
        join(dir, 'cli'),
        '--console-port',
        '0',
        '--bootstrap-server',
        `127.0.0.1:${broker.ports.SASL_SSL}`,
        '--command-config',
        scramProperties('cli', SCRAM_PASSWORD),
        '--ssl-cert',
        certs.brokerCert,
        '--ssl-key',
        certs.brokerKey,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SLUICE_ADMIN_PASSWORD: ADMIN_PASSWORD } },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const port = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 100_000);
        const check = () => {
          const match = /Sluice console listening on https:\/\/localhost:(\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout.on('data', check);
        child.once('exit', () => reject(new Error(`exited:\n${output}`)));
      });
      const base = `https://localhost:${port}`;
      const { cookie } = await signIn(base);
      const topics = await call(base, 'query', 'topics.list', undefined, { cookie });
      assert.equal(topics.status, 200, topics.body);
      assert.ok(resultOf<{ name: string }[]>(topics).some((t) => t.name === 'secured-topic'));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    assert.ok(!output.includes(SCRAM_PASSWORD), 'the SASL password is not printed');
  });
});
