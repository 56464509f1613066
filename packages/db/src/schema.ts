/**
 * The console's own data (not Kafka data): who may sign in, their sessions, and what they changed.
 * Timestamps are integer milliseconds since the epoch (`timestamp_ms`), so they sort and compare in SQL; their
 * defaults live in SQL rather than in TypeScript so that rows written by any client get them.
 * Change this file, then run `npm run generate -w @sluice/db` and commit the new migration under drizzle/.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const USER_ROLES = ['viewer', 'operator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

const nowMs = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(nowMs);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull().unique(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull().default('viewer'),
    createdAt: createdAt(),
  },
  // The enum above only narrows TypeScript types; the CHECK keeps rows written by anything else honest too.
  (table) => [
    check(
      'users_role_check',
      sql`${table.role} in (${sql.raw(USER_ROLES.map((role) => `'${role}'`).join(', '))})`,
    ),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    // An unguessable token (the cookie value), not a counter, so ids cannot be enumerated.
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    index('sessions_user_id_idx').on(table.userId),
    index('sessions_expires_at_idx').on(table.expiresAt),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull().default(nowMs),
    // A username rather than a foreign key: the trail must outlive the user who left it.
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (table) => [index('audit_log_at_idx').on(table.at)],
);
