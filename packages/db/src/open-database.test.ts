import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openDatabase } from './open-database.ts';
import { auditLog, sessions, users } from './schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-db-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function committedMigrations(): unknown[] {
  const journal = new URL('../drizzle/meta/_journal.json', import.meta.url);
  return (JSON.parse(readFileSync(journal, 'utf8')) as { entries: unknown[] }).entries;
}

async function tableNames(file: string): Promise<string[]> {
  const { client, close } = await openDatabase(file);
  try {
    const result = await client.execute("select name from sqlite_master where type = 'table' order by name");
    return result.rows.map((row) => String(row.name));
  } finally {
    close();
  }
}

test('creates the folder and the file, and applies the committed migrations', async () => {
  const file = join(dir, 'nested', 'folder', 'console.db');
  assert.equal(existsSync(file), false);
  const names = await tableNames(file);
  assert.equal(existsSync(file), true);
  for (const table of ['users', 'sessions', 'audit_log', 'lag_samples', '__drizzle_migrations']) {
    assert.ok(names.includes(table), `${table} missing from ${names.join(', ')}`);
  }
});

test('rows written survive a reopen, and reopening does not re-run migrations', async () => {
  const file = join(dir, 'reopen.db');
  const first = await openDatabase(file);
  const [user] = await first.db
    .insert(users)
    .values({ username: 'ada', passwordHash: 'scrypt$not-a-real-hash', role: 'admin' })
    .returning();
  assert.ok(user);
  await first.db
    .insert(sessions)
    .values({ id: 'token-1', userId: user.id, expiresAt: new Date(Date.now() + 60_000) });
  await first.db
    .insert(auditLog)
    .values({ actor: 'ada', action: 'topic.create', target: 'orders', details: { partitions: 3 } });
  first.close();

  const second = await openDatabase(file);
  try {
    const migrations = await second.client.execute('select count(*) as n from __drizzle_migrations');
    assert.equal(Number(migrations.rows[0]?.n), committedMigrations().length);

    const reread = await second.db.select().from(users).where(eq(users.username, 'ada'));
    assert.equal(reread.length, 1);
    assert.equal(reread[0]?.role, 'admin');
    const createdAt = reread[0]?.createdAt;
    assert.ok(createdAt instanceof Date);
    assert.ok(
      Math.abs(createdAt.getTime() - Date.now()) < 60_000,
      `created_at ${createdAt.toISOString()} is not now`,
    );

    const [entry] = await second.db.select().from(auditLog);
    assert.deepEqual(entry?.details, { partitions: 3 });

    const columns = await second.client.execute("select name from pragma_table_info('users')");
    assert.deepEqual(
      columns.rows.map((row) => row.name),
      ['id', 'username', 'password_hash', 'role', 'created_at', 'kafka_principal'],
    );
  } finally {
    second.close();
  }
});

/** Drizzle wraps driver errors in "Failed query: ..."; the SQLite reason is on the cause. */
async function rejectsWithSqliteError(operation: Promise<unknown>, reason: RegExp): Promise<void> {
  await assert.rejects(operation, (error: Error) => {
    assert.match(String(error.cause ?? error), reason);
    return true;
  });
}

test('the schema enforces unique usernames, known roles and session ownership', async () => {
  const { db, client, close } = await openDatabase(join(dir, 'constraints.db'));
  try {
    await db.insert(users).values({ username: 'grace', passwordHash: 'x' });
    await rejectsWithSqliteError(db.insert(users).values({ username: 'grace', passwordHash: 'y' }), /UNIQUE/);
    await assert.rejects(
      client.execute(`insert into users (username, password_hash, role) values ('eve', 'x', 'root')`),
      /CHECK constraint failed/,
    );
    await rejectsWithSqliteError(
      db.insert(sessions).values({ id: 'orphan', userId: 999, expiresAt: new Date() }),
      /FOREIGN KEY/,
    );
  } finally {
    close();
  }
});
