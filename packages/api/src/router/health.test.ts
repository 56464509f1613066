import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { isTrackedEnvelope } from '@trpc/server';
import { openDatabase, type ConsoleDatabase } from '@sluice/db';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { createCaller } from '../root.ts';
import type { Tick } from './health.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-api-'));
let database: ConsoleDatabase;

before(async () => {
  database = await openDatabase(join(dir, 'console.db'));
});
after(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

function callerStartedAt(startedAt: Date, signal?: AbortSignal) {
  return createCaller(
    {
      db: database.db,
      startedAt,
      version: '1.2.3',
      cluster: null,
      user: null,
      request: null,
      loginLimiter: new LoginRateLimiter(),
    },
    { signal },
  );
}

/**
 * A server-side caller sees what the generator yields, `tracked()` envelopes ([id, data, symbol]); the
 * inferred type describes what a client receives after the transport unpacks them ({ id, data }).
 */
function asTrackedTick(value: unknown): { id: string; tick: Tick } {
  assert.ok(isTrackedEnvelope<Tick>(value), `not a tracked event: ${JSON.stringify(value)}`);
  return { id: value[0], tick: value[1] };
}

async function take(iterable: AsyncIterable<unknown>, count: number): Promise<unknown[]> {
  const taken: unknown[] = [];
  for await (const value of iterable) {
    taken.push(value);
    if (taken.length === count) break;
  }
  return taken;
}

test('health reports ok, the version, whole seconds of uptime and a database that answered select 1', async () => {
  const health = await callerStartedAt(new Date(Date.now() - 90_500)).health.health();
  assert.equal(health.status, 'ok');
  assert.equal(health.version, '1.2.3');
  assert.equal(health.uptimeSeconds, 90);
  assert.equal(health.database.reachable, true);
  assert.equal(health.database.error, null);
  assert.ok(typeof health.database.latencyMs === 'number' && health.database.latencyMs >= 0);
});

test('health is degraded, not thrown, when the database cannot answer', async () => {
  const closed = await openDatabase(join(dir, 'closed.db'));
  closed.close();
  const health = await createCaller({
    db: closed.db,
    startedAt: new Date(),
    version: '1.2.3',
    cluster: null,
    user: null,
    request: null,
    loginLimiter: new LoginRateLimiter(),
  }).health.health();
  assert.equal(health.status, 'degraded');
  assert.equal(health.database.reachable, false);
  assert.equal(health.database.latencyMs, null);
  assert.match(health.database.error ?? '', /closed/i);
});

test('ticks count from 1, one a second, as tracked events', async () => {
  const started = Date.now();
  const events = (await take(await callerStartedAt(new Date()).health.ticks(), 3)).map(asTrackedTick);
  const elapsed = Date.now() - started;
  assert.deepEqual(
    events.map((event) => event.id),
    ['1', '2', '3'],
  );
  const ticks = events.map((event) => event.tick);
  assert.deepEqual(
    ticks.map((tick) => tick.n),
    [1, 2, 3],
  );
  assert.ok(ticks.every((tick) => tick.at instanceof Date));
  assert.ok(elapsed >= 1900 && elapsed < 3500, `three ticks took ${elapsed} ms`);
});

test('ticks resume after the lastEventId a reconnecting client hands back', async () => {
  const [first] = await take(await callerStartedAt(new Date()).health.ticks({ lastEventId: '41' }), 1);
  const { id, tick } = asTrackedTick(first);
  assert.equal(id, '42');
  assert.equal(tick.n, 42);
});

test('ticks reject a lastEventId that is not a tick number', async () => {
  await assert.rejects(
    async () => callerStartedAt(new Date()).health.ticks({ lastEventId: 'yesterday' }),
    /a tick number/,
  );
});

test('ticks stop promptly when the subscriber aborts', async () => {
  const controller = new AbortController();
  const iterable = await callerStartedAt(new Date(), controller.signal).health.ticks();
  const iterator = iterable[Symbol.asyncIterator]();
  assert.equal(asTrackedTick((await iterator.next()).value).tick.n, 1);
  const pending = iterator.next();
  const abortedAt = Date.now();
  controller.abort();
  const result = await pending.catch((error: unknown) => error);
  const waited = Date.now() - abortedAt;
  assert.ok(waited < 200, `the generator kept sleeping ${waited} ms after abort`);
  assert.ok(
    (result as IteratorResult<unknown>).done === true || result instanceof Error,
    `expected the stream to end, got ${JSON.stringify(result)}`,
  );
});
