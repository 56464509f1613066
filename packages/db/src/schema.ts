/**
 * The console's own data (not Kafka data): who may sign in, their sessions, what they changed, and the
 * consumer-lag history, the partition (ISR, leader) history and the partition size history it sampled.
 * Timestamps are integer milliseconds since the epoch (`timestamp_ms`), so they sort and compare in SQL; their
 * defaults live in SQL rather than in TypeScript so that rows written by any client get them.
 * Change this file, then run `npm run generate -w @sluice/db` and commit the new migration under drizzle/.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

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
    /**
     * The Kafka principal ("User:alice") whose ACLs bound what this user may do on the cluster through the
     * console, on top of the role; null: the role alone decides, and the console acts as itself.
     */
    kafkaPrincipal: text('kafka_principal'),
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

/**
 * Consumer-group lag history, one row per group, partition and sample round (every round of the lag sampler
 * shares one `at`, so rows of a round line up across partitions and a downsampled history keeps whole rounds).
 * Offsets are the engine's JavaScript numbers (exact up to 2^53). `committed_offset` is null for a partition of
 * a subscribed topic without a commit, whose lag counts from the log start offset; `lag_seconds` is null when
 * the next record's timestamp could not be read.
 */
export const lagSamples = sqliteTable(
  'lag_samples',
  {
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    groupId: text('group_id').notNull(),
    topic: text('topic').notNull(),
    partition: integer('partition').notNull(),
    committedOffset: integer('committed_offset'),
    commitTimestamp: integer('commit_timestamp', { mode: 'timestamp_ms' }),
    logStartOffset: integer('log_start_offset').notNull(),
    logEndOffset: integer('log_end_offset').notNull(),
    lag: integer('lag').notNull(),
    lagSeconds: real('lag_seconds'),
  },
  (table) => [
    uniqueIndex('lag_samples_partition_at_idx').on(table.groupId, table.topic, table.partition, table.at),
    // Retention and downsampling work on whole rounds, by time alone.
    index('lag_samples_at_idx').on(table.at),
  ],
);

/**
 * Partition history as the console observed it (Metadata, sampled like the lag history): one row per change of a
 * partition's leader, leader epoch, replica set or ISR, holding the state after the change; the first row of a
 * partition (of a topic id) is the state the console first saw. Readers derive the events (a replica left or
 * joined the ISR, a new leader and its epoch) by comparing consecutive rows, so downsampling that drops rows
 * inside a bucket keeps every surviving state exact and only merges the changes between them. A topic that
 * disappears gets a last row with no replicas and leader -1 (a tombstone). Replica lists are JSON arrays of
 * broker ids in Kafka's order (the preferred leader first).
 */
export const partitionStates = sqliteTable(
  'partition_states',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    topic: text('topic').notNull(),
    topicId: text('topic_id').notNull(),
    partition: integer('partition').notNull(),
    leader: integer('leader').notNull(),
    leaderEpoch: integer('leader_epoch').notNull(),
    replicas: text('replicas', { mode: 'json' }).$type<number[]>().notNull(),
    isr: text('isr', { mode: 'json' }).$type<number[]>().notNull(),
  },
  (table) => [
    index('partition_states_partition_at_idx').on(table.topic, table.partition, table.at),
    index('partition_states_at_idx').on(table.at),
  ],
);

/**
 * Partition size history as the console observed it (DescribeLogDirs and ListOffsets, sampled like the partition
 * history): one row per change of a partition's size on disk (its largest replica), log start offset or high
 * watermark, holding the values after the change; between two rows of a partition its values are those of the
 * first. So an idle topic costs one row however long the console runs, and downsampling that keeps the last row
 * of each bucket keeps every surviving value exact. Rows of one sample round share `at`. A topic that disappears
 * gets a last row per partition with null size and offsets (a tombstone); the three are otherwise never null.
 */
export const partitionSizeSamples = sqliteTable(
  'partition_size_samples',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    topic: text('topic').notNull(),
    partition: integer('partition').notNull(),
    sizeBytes: integer('size_bytes'),
    logStartOffset: integer('log_start_offset'),
    highWatermark: integer('high_watermark'),
  },
  (table) => [
    // A topic's history over a window, and each partition's last row before it.
    index('partition_size_samples_topic_at_idx').on(table.topic, table.at),
    index('partition_size_samples_partition_at_idx').on(table.topic, table.partition, table.at),
  ],
);
