/**
 * Console users mapped to Kafka principals, in a real SQLite file: an admin gives a user a principal and takes
 * it away, each change audited with what it was and what it became; the principal rides on the user's session;
 * only admins may set it, and only in Kafka's TYPE:NAME form.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TRPCError } from '@trpc/server';
import { auditLog, openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { desc, eq } from 'drizzle-orm';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { createSession, findSessionUser } from '../auth/sessions.ts';
import { createCaller } from '../root.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-user-principal-'));
let database: ConsoleDatabase;

before(async () => {
  database = await openDatabase(join(dir, 'console.db'));
});
after(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

function as(role: UserRole) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster: null,
    user: { id: 1, username: `${role}-user`, role },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

test('an admin gives a user a Kafka principal and takes it away, audited; the session carries it', async () => {
  const admin = as('admin');
  const alice = await admin.users.create({
    username: 'alice',
    password: 'alice-password-1',
    role: 'operator',
  });
  assert.equal(
    (await admin.users.list()).find((u) => u.id === alice.id)?.kafkaPrincipal,
    null,
    'none at first',
  );

  await admin.users.setPrincipal({ userId: alice.id, kafkaPrincipal: '  User:alice ' });
  assert.equal((await admin.users.list()).find((u) => u.id === alice.id)?.kafkaPrincipal, 'User:alice');
  const token = await createSession(database.db, alice.id);
  assert.deepEqual((await findSessionUser(database.db, token))?.user, {
    id: alice.id,
    username: 'alice',
    role: 'operator',
    kafkaPrincipal: 'User:alice',
  });

  await admin.users.setPrincipal({ userId: alice.id, kafkaPrincipal: 'User:CN=alice,OU=ops,O=Example' });
  await admin.users.setPrincipal({ userId: alice.id, kafkaPrincipal: null });
  assert.equal(
    (await findSessionUser(database.db, token))?.user.kafkaPrincipal,
    null,
    'the role alone again',
  );

  const trail = await database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'user.kafka-principal'))
    .orderBy(desc(auditLog.id));
  assert.deepEqual(
    trail.map((e) => [e.actor, e.target, e.details]),
    [
      ['admin-user', 'alice', { from: 'User:CN=alice,OU=ops,O=Example', to: null }],
      ['admin-user', 'alice', { from: 'User:alice', to: 'User:CN=alice,OU=ops,O=Example' }],
      ['admin-user', 'alice', { from: null, to: 'User:alice' }],
    ],
  );
});

test("only admins set principals, and only in Kafka's TYPE:NAME form", async () => {
  const bob = await as('admin').users.create({
    username: 'bob',
    password: 'bob-password-12',
    role: 'viewer',
  });
  await assert.rejects(
    as('operator').users.setPrincipal({ userId: bob.id, kafkaPrincipal: 'User:bob' }),
    (error: unknown) => error instanceof TRPCError && error.code === 'FORBIDDEN',
  );
  for (const bad of ['bob', ':bob', 'User:', 'User :bob', 'User:bob\nUser:admin'])
    await assert.rejects(
      as('admin').users.setPrincipal({ userId: bob.id, kafkaPrincipal: bad }),
      (error: unknown) =>
        error instanceof TRPCError && error.code === 'BAD_REQUEST' && /TYPE:NAME/.test(error.message),
      JSON.stringify(bad),
    );
  await assert.rejects(
    as('admin').users.setPrincipal({ userId: 9999, kafkaPrincipal: 'User:nobody' }),
    (error: unknown) => error instanceof TRPCError && error.code === 'NOT_FOUND',
  );
});
