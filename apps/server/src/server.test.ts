/**
 * The real server on a free port against a temp data dir, with its embedded broker: /healthz, tRPC over HTTP,
 * ticks over the real SSE endpoint, consumer lag sampled from the broker, and the console's HTML from Next.js. The console must be built; turbo builds it when its inputs
 * changed and replays its cache (about a second) when they did not.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import superjson from 'superjson';
import {
  parseExposition,
  samplesOf,
  valueOf,
} from '../../../packages/broker/test/support/prometheus-text.ts';
import { createSluiceServer, type SluiceServer } from './server.ts';
import { ensureConsoleBuild } from './testing/console-build.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sluice-server-'));
// Removed on exit too: a close that never settles would otherwise leave the broker's logs behind.
process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
let server: SluiceServer;
const ADMIN_PASSWORD = 'correct horse battery staple';
let adminCookie: string;

interface CallResult {
  status: number;
  body: {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
    error?: { json: { message: string; data: { code: string } } };
  };
  setCookie: string[];
}

/** One tRPC call over HTTP: a query (GET) or a mutation (POST from this console's origin unless told otherwise). */
async function call(
  kind: 'query' | 'mutation',
  path: string,
  input: unknown,
  options: { cookie?: string; origin?: string } = {},
): Promise<CallResult> {
  const serialized = JSON.stringify(superjson.serialize(input));
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  const response =
    kind === 'query'
      ? await fetch(`${server.url}/api/trpc/${path}?input=${encodeURIComponent(serialized)}`, { headers })
      : await fetch(`${server.url}/api/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', origin: options.origin ?? server.url },
          body: serialized,
        });
  return {
    status: response.status,
    body: (await response.json()) as CallResult['body'],
    setCookie: response.headers.getSetCookie(),
  };
}

/** Signs in and returns the Cookie header value that carries the session. */
async function signIn(username: string, password: string): Promise<string> {
  const result = await call('mutation', 'auth.login', { username, password });
  assert.equal(result.status, 200, `sign-in as ${username}: ${JSON.stringify(result.body)}`);
  const cookie = result.setCookie.find((c) => c.startsWith('sluice_session='));
  assert.ok(cookie, 'a session cookie is set');
  return cookie.split(';')[0]!;
}

before(
  async () => {
    ensureConsoleBuild();
    server = await createSluiceServer({
      dataDir,
      consolePort: 0,
      host: '127.0.0.1',
      kafkaPort: 0,
      kafkaConfigs: new Map([['group.initial.rebalance.delay.ms', '0']]),
      lagSampleIntervalMs: 100,
      env: { SLUICE_ADMIN_USER: 'root', SLUICE_ADMIN_PASSWORD: ADMIN_PASSWORD },
    });
    adminCookie = await signIn('root', ADMIN_PASSWORD);
  },
  { timeout: 300_000 },
);

after(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface ServerSentEvent {
  event?: string;
  id?: string;
  data: string;
}

/** Reads events off a text/event-stream body until `wanted` data events (not pings or control events) arrived. */
async function readDataEvents(body: ReadableStream<Uint8Array>, wanted: number): Promise<ServerSentEvent[]> {
  const decoder = new TextDecoder();
  const events: ServerSentEvent[] = [];
  let buffer = '';
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerSentEvent = { data: '' };
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const field = line.slice(0, colon);
        const value = line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event.event = value;
        else if (field === 'id') event.id = value;
        else if (field === 'data') event.data += value;
      }
      if (event.event === undefined && event.data !== '') events.push(event);
      if (events.length === wanted) return events;
    }
  }
  throw new Error(`the stream ended after ${events.length} of ${wanted} events`);
}

async function ticks(headers: Record<string, string>, count: number) {
  const controller = new AbortController();
  const response = await fetch(`${server.url}/api/trpc/health.ticks`, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.ok(response.body);
  try {
    const events = await readDataEvents(response.body, count);
    return events.map((event) => ({
      id: event.id,
      tick: superjson.deserialize<{ n: number; at: Date }>(JSON.parse(event.data)),
    }));
  } finally {
    controller.abort();
  }
}

test('refuses to start without a console build, before touching the data dir', async () => {
  const emptyConsoleDir = mkdtempSync(join(tmpdir(), 'sluice-no-console-'));
  const untouchedDataDir = join(emptyConsoleDir, 'data');
  try {
    await assert.rejects(
      createSluiceServer({ dataDir: untouchedDataDir, consolePort: 0, consoleDir: emptyConsoleDir }),
      (error: Error) => error.name === 'ConsoleNotBuiltError' && /turbo run build/.test(error.message),
    );
    assert.equal(existsSync(untouchedDataDir), false);
  } finally {
    rmSync(emptyConsoleDir, { recursive: true, force: true });
  }
});

test('refuses an embedded broker and a remote cluster at once', async () => {
  await assert.rejects(
    createSluiceServer({ dataDir, consolePort: 0, kafkaPort: 0, kafkaBootstrap: '127.0.0.1:9092' }),
    /one cluster/,
  );
});

test('creates the SQLite file in the data dir on first start', () => {
  assert.ok(existsSync(join(dataDir, 'console.db')));
});

test('GET /healthz answers JSON: ok, with a database that answered', async () => {
  const response = await fetch(`${server.url}/healthz`);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const health = (await response.json()) as {
    status: string;
    version: string;
    database: { reachable: boolean };
  };
  assert.equal(health.status, 'ok');
  assert.equal(health.database.reachable, true);
  assert.match(health.version, /^\d+\.\d+\.\d+/);

  const post = await fetch(`${server.url}/healthz`, { method: 'POST' });
  assert.equal(post.status, 405);
  // Read every body: an unread one is still streaming when the server closes, and undici then rejects it
  // ("terminated") outside any test.
  await post.text();
});

test('the health query answers over tRPC HTTP with superjson', async () => {
  const response = await fetch(`${server.url}/api/trpc/health.health`);
  assert.equal(response.status, 200);
  const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
  const health = superjson.deserialize<{ status: string; uptimeSeconds: number }>(body.result.data);
  assert.equal(health.status, 'ok');
  assert.ok(Number.isInteger(health.uptimeSeconds) && health.uptimeSeconds >= 0);
});

/** kcat against the embedded broker, asynchronously: the broker answers from this very event loop. */
function kcat(args: string[], input = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', ['-b', `127.0.0.1:${server.kafkaPort}`, ...args], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`kcat ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
    child.stdin.end(input);
  });
}

async function query<T>(path: string, input: unknown): Promise<T> {
  const { status, body } = await call('query', path, input, { cookie: adminCookie });
  assert.equal(status, 200, `${path}: ${JSON.stringify(body)}`);
  return superjson.deserialize<T>(body.result!.data);
}

test('the embedded broker is the console cluster: a group that commits shows its lag, sampled into console.db', async () => {
  await kcat(['-P', '-t', 'server-lag'], 'a\nb\nc\n');
  // A balanced consumer reads to the end and commits as it leaves.
  await kcat(['-G', 'server-group', '-X', 'auto.offset.reset=earliest', '-e', 'server-lag']);
  await kcat(['-P', '-t', 'server-lag'], 'd\ne\n');

  const detail = await query<{
    state: string;
    partitions: { committedOffset: number; logEndOffset: number; lag: number }[];
  }>('groups.detail', { groupId: 'server-group' });
  assert.equal(detail.state, 'Empty');
  assert.deepEqual(
    detail.partitions.map((p) => [p.committedOffset, p.logEndOffset, p.lag]),
    [[3, 5, 2]],
  );
  const deadline = Date.now() + 10_000;
  let points: { lag: number }[] = [];
  while (Date.now() < deadline) {
    ({ points } = await query<{ points: { lag: number }[] }>('groups.lagHistory', {
      groupId: 'server-group',
    }));
    if (points.at(-1)?.lag === 2) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(points.at(-1)?.lag, 2, `the sampler recorded the lag: ${JSON.stringify(points)}`);
});

test('GET /metrics exposes the broker to Prometheus', async () => {
  const response = await fetch(`${server.url}/metrics`);
  assert.equal(response.status, 200, 'public, as scrapers expect');
  assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const body = await response.text();
  const value = (pattern: RegExp) => Number(pattern.exec(body)?.[1] ?? NaN);
  assert.ok(
    value(/^sluice_broker_requests_total\{api="Produce"\} (\d+)$/m) >= 2,
    'the kcat produce requests',
  );
  assert.ok(value(/^sluice_broker_bytes_in_total (\d+)$/m) > 0, 'bytes in');
  assert.ok(value(/^sluice_broker_partitions (\d+)$/m) >= 1, 'partitions');
  assert.match(body, /^# TYPE sluice_broker_bytes_out_total counter$/m, 'typed');
  // Kafka's quota metrics (kafka.server type=Produce, user, client-id) are kept for every producer; the rate
  // itself may have fallen back to 0 if the produce was more than a quota window ago.
  assert.ok(
    value(/^kafka_server_produce_byte_rate\{user="",client_id="[^"]*"\} ([\d.e+-]+)$/m) >= 0,
    'the producers byte rate, as Kafka names it',
  );
  assert.match(body, /^kafka_server_produce_throttle_time\{user="",client_id="[^"]*"\} 0$/m, 'not throttled');

  // The lag test above produced 5 records to server-lag in two kcat runs; server-group committed offset 3.
  const samples = parseExposition(body);
  const topic = { topic: 'server-lag' };
  const partition = { topic: 'server-lag', partition: '0' };
  assert.equal(valueOf(samples, 'kafka_server_brokertopicmetrics_messagesin_total', topic), 5);
  assert.equal(
    valueOf(samples, 'kafka_server_brokertopicmetrics_bytesin_total', topic),
    valueOf(samples, 'kafka_log_log_size', partition),
    'bytes in are the batches the log holds',
  );
  assert.ok(valueOf(samples, 'kafka_server_brokertopicmetrics_bytesout_total', topic) > 0, 'the group read');
  assert.equal(valueOf(samples, 'kafka_log_log_logendoffset', partition), 5);
  const group = { consumergroup: 'server-group', ...partition };
  assert.equal(valueOf(samples, 'kafka_consumergroup_lag', group), 2);
  assert.equal(valueOf(samples, 'kafka_consumergroup_current_offset', group), 3);
  assert.equal(valueOf(samples, 'kafka_consumergroup_lag_sum', { consumergroup: 'server-group' }), 2);
  assert.ok(valueOf(samples, 'kafka_consumergroup_lag_seconds', group) > 0, 'record d waits');
  const statuses = samplesOf(samples, 'sluice_consumergroup_status', { consumergroup: 'server-group' });
  assert.deepEqual(statuses.map((s) => s.labels.status).sort(), ['ERR', 'NOTFOUND', 'OK', 'WARN']);
  assert.equal(statuses.filter((s) => s.value === 1).length, 1, 'one current status');
  const produceRequests = valueOf(samples, 'kafka_network_requestmetrics_requests_total', {
    request: 'Produce',
  });
  assert.equal(
    valueOf(samples, 'kafka_network_requestmetrics_totaltimems_bucket', { request: 'Produce', le: '+Inf' }),
    produceRequests,
    'every Produce request timed',
  );
  assert.ok(valueOf(samples, 'process_resident_memory_bytes') > 0);
});

test('ticks arrive over SSE as tracked events, one a second', async () => {
  const started = Date.now();
  const [first, second] = await ticks({}, 2);
  assert.deepEqual([first?.id, second?.id], ['1', '2']);
  assert.deepEqual([first?.tick.n, second?.tick.n], [1, 2]);
  assert.ok(first?.tick.at instanceof Date && second?.tick.at instanceof Date);
  const gap = second.tick.at.getTime() - first.tick.at.getTime();
  assert.ok(gap >= 900 && gap <= 1500, `ticks ${gap} ms apart`);
  assert.ok(Date.now() - started < 5_000);
});

test('a reconnect carrying Last-Event-ID resumes after that tick', async () => {
  const [resumed] = await ticks({ 'last-event-id': '7' }, 1);
  assert.equal(resumed?.id, '8');
  assert.equal(resumed?.tick.n, 8);
});

test('everything else is the console, rendered by Next.js, behind a session', async () => {
  const anonymous = await fetch(`${server.url}/groups?x=1`, { redirect: 'manual' });
  assert.equal(anonymous.status, 302, 'a page without a session redirects');
  assert.equal(anonymous.headers.get('location'), '/login?next=%2Fgroups%3Fx%3D1', 'to sign in, and back');
  await anonymous.text();
  const login = await fetch(`${server.url}/login`);
  assert.equal(login.status, 200, 'the sign-in page needs no session');
  assert.match(await login.text(), /Sign in to Sluice/);
  const signedIn = await fetch(`${server.url}/login?next=/groups`, {
    headers: { cookie: adminCookie },
    redirect: 'manual',
  });
  assert.equal(signedIn.headers.get('location'), '/groups', 'a signed-in user skips the sign-in page');
  await signedIn.text();
  const offsite = await fetch(`${server.url}/login?next=//evil.example`, {
    headers: { cookie: adminCookie },
    redirect: 'manual',
  });
  assert.equal(offsite.headers.get('location'), '/', 'never redirects off this console');
  await offsite.text();

  const response = await fetch(`${server.url}/`, { headers: { cookie: adminCookie } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  const html = await response.text();
  assert.match(html, /<title>Sluice console<\/title>/);
  assert.match(html, /Live ticks/);

  const missing = await fetch(`${server.url}/no-such-page`, { headers: { cookie: adminCookie } });
  assert.equal(missing.status, 404);
  await missing.text();
});

test('signs in with a scrypt-hashed password into an HttpOnly, SameSite session cookie, and signs out', async () => {
  const result = await call('mutation', 'auth.login', { username: 'root', password: ADMIN_PASSWORD });
  const cookie = result.setCookie.find((c) => c.startsWith('sluice_session='))!;
  assert.match(cookie, /; HttpOnly/, 'HttpOnly');
  assert.match(cookie, /; SameSite=Lax/, 'SameSite');
  assert.doesNotMatch(cookie, /; Secure/, 'plain HTTP on localhost without a certificate, as before');
  assert.match(server.url, /^http:\/\//);
  assert.match(cookie, /; Path=\//, 'for the whole console');
  assert.match(cookie.split(';')[0]!, /^sluice_session=[A-Za-z0-9_-]{43}$/, '32 random bytes');
  const session = cookie.split(';')[0]!;
  const me = await call('query', 'auth.me', undefined, { cookie: session });
  assert.deepEqual(superjson.deserialize(me.body.result!.data), {
    id: 1,
    username: 'root',
    role: 'admin',
    kafkaPrincipal: null,
  });
  const wrong = await call('mutation', 'auth.login', { username: 'root', password: 'not it at all' });
  assert.equal(wrong.status, 401, 'a wrong password is refused');
  assert.equal(wrong.body.error?.json.message, 'wrong username or password');
  const unknown = await call('mutation', 'auth.login', { username: 'nobody', password: 'whatever1234' });
  assert.equal(
    unknown.body.error?.json.message,
    'wrong username or password',
    'an unknown user reads the same',
  );

  const out = await call('mutation', 'auth.logout', undefined, { cookie: session });
  assert.equal(out.status, 200, 'signed out');
  assert.match(out.setCookie.join(), /sluice_session=; Max-Age=0/, 'the cookie is cleared');
  const after = await call('query', 'groups.list', undefined, { cookie: session });
  assert.equal(after.status, 401, 'the session is gone on the server too');
});

test('roles are enforced on the server: viewers read, operators cannot manage users, admins can', async () => {
  const created = await call(
    'mutation',
    'users.create',
    { username: 'vera', password: 'viewer-password-1', role: 'viewer' },
    { cookie: adminCookie },
  );
  assert.equal(created.status, 200, JSON.stringify(created.body));
  await call(
    'mutation',
    'users.create',
    { username: 'otto', password: 'operator-pass-1', role: 'operator' },
    {
      cookie: adminCookie,
    },
  );
  const viewer = await signIn('vera', 'viewer-password-1');
  const operator = await signIn('otto', 'operator-pass-1');

  assert.equal((await call('query', 'groups.list', undefined, {})).status, 401, 'anonymous: UNAUTHORIZED');
  assert.equal(
    (await call('query', 'groups.list', undefined, { cookie: viewer })).status,
    200,
    'viewer reads',
  );
  const forbidden = await call(
    'mutation',
    'users.create',
    { username: 'x', password: 'long-enough-pw', role: 'admin' },
    {
      cookie: viewer,
    },
  );
  assert.equal(forbidden.status, 403, 'viewer cannot create users');
  assert.equal(forbidden.body.error?.json.data.code, 'FORBIDDEN');
  assert.equal(
    (await call('query', 'users.list', undefined, { cookie: operator })).status,
    403,
    'nor can operators list them',
  );
  assert.equal(
    (await call('query', 'audit.list', {}, { cookie: viewer })).status,
    403,
    'viewers do not read the audit log',
  );

  const short = await call(
    'mutation',
    'users.create',
    { username: 'y', password: 'short', role: 'viewer' },
    {
      cookie: adminCookie,
    },
  );
  assert.equal(short.status, 400, 'a short password is refused by the shared schema');
  const last = await call(
    'mutation',
    'users.setRole',
    { userId: 1, role: 'viewer' },
    { cookie: adminCookie },
  );
  assert.equal(last.status, 412, 'the last admin cannot be demoted');

  const audit = await call('query', 'audit.list', {}, { cookie: operator });
  const entries = superjson.deserialize<{ entries: { actor: string; action: string; target: string }[] }>(
    audit.body.result!.data,
  ).entries;
  assert.deepEqual(
    entries.filter((e) => e.action === 'user.create').map((e) => [e.actor, e.target]),
    [
      ['root', 'otto'],
      ['root', 'vera'],
    ],
    'user changes are in the audit log, newest first',
  );
});

test('mutations from another origin are refused (CSRF)', async () => {
  const result = await call('mutation', 'auth.logout', undefined, {
    cookie: adminCookie,
    origin: 'http://evil.example',
  });
  assert.equal(result.status, 403, 'cross-origin POST refused');
  assert.equal(
    (await call('query', 'auth.me', undefined, { cookie: adminCookie })).status,
    200,
    'session intact',
  );
});

test('sign-in attempts are rate limited per user and address', async () => {
  for (let i = 0; i < 5; i++) {
    const attempt = await call('mutation', 'auth.login', { username: 'vera', password: `guess-${i}` });
    assert.equal(attempt.status, 401, `attempt ${i + 1} is judged`);
  }
  const blocked = await call('mutation', 'auth.login', { username: 'vera', password: 'viewer-password-1' });
  assert.equal(blocked.status, 429, 'the sixth attempt is refused even with the right password');
  assert.match(blocked.body.error?.json.message ?? '', /too many failed sign-ins/);
  assert.equal(
    (await call('mutation', 'auth.login', { username: 'root', password: ADMIN_PASSWORD })).status,
    200,
    'other users are unaffected',
  );
});

test('a first start without SLUICE_ADMIN_PASSWORD creates "admin" with a generated password, once', async () => {
  const otherDir = mkdtempSync(join(tmpdir(), 'sluice-server-admin-'));
  try {
    const first = await createSluiceServer({ dataDir: otherDir, consolePort: 0, env: {} });
    const generated = first.firstAdmin;
    await first.close();
    assert.equal(generated?.username, 'admin', 'the default admin name');
    assert.match(generated?.generatedPassword ?? '', /^[A-Za-z0-9_-]{24}$/, 'a random password');
    const second = await createSluiceServer({ dataDir: otherDir, consolePort: 0, env: {} });
    assert.equal(second.firstAdmin, null, 'not again once a user exists');
    await second.close();
  } finally {
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('a console started with kafkaBootstrap shows that remote cluster over the wire protocol', async () => {
  const otherDir = mkdtempSync(join(tmpdir(), 'sluice-server-remote-'));
  const remote = await createSluiceServer({
    dataDir: otherDir,
    consolePort: 0,
    kafkaBootstrap: `127.0.0.1:${server.kafkaPort}`,
    env: { SLUICE_ADMIN_PASSWORD: ADMIN_PASSWORD },
  });
  try {
    assert.equal(remote.kafkaPort, null, 'no embedded broker');
    const login = await fetch(`${remote.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: remote.url },
      body: JSON.stringify(superjson.serialize({ username: 'admin', password: ADMIN_PASSWORD })),
    });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    await login.text();
    const response = await fetch(`${remote.url}/api/trpc/topics.list`, { headers: { cookie } });
    const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    const topics = superjson.deserialize<{ name: string; records: number }[]>(body.result.data);
    assert.deepEqual(
      topics.filter((t) => t.name === 'server-lag').map((t) => t.records),
      [5],
      'the topic the embedded broker of the other server holds, with its five records',
    );
  } finally {
    await remote.close();
    rmSync(otherDir, { recursive: true, force: true });
  }
});

test('close ends open subscriptions and stops listening', { timeout: 10_000 }, async () => {
  const response = await fetch(`${server.url}/api/trpc/health.ticks`, {
    headers: { accept: 'text/event-stream' },
  });
  assert.ok(response.body);
  const reader = response.body.getReader();
  assert.equal((await reader.read()).done, false);

  const closedAt = Date.now();
  await server.close();
  assert.ok(Date.now() - closedAt < 3_000, `close took ${Date.now() - closedAt} ms`);
  // The server cuts the connection, so the stream ends either cleanly or with undici's "terminated".
  try {
    while (!(await reader.read()).done);
  } catch (error) {
    assert.match(String(error), /terminated/);
  }
  await assert.rejects(fetch(`${server.url}/healthz`), /fetch failed/);
});
