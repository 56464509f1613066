/**
 * Topics and their records, validated alike by the console's forms, the API and the CLI. Kafka validates
 * configs again on the broker (INVALID_CONFIG); these schemas catch mistakes before a request is sent, and add
 * the guardrails Kafka leaves to operators (min.insync.replicas above the replication factor).
 */
import { z } from 'zod';

/** Kafka's legal topic names: 1-249 of [a-zA-Z0-9._-], not "." or "..". */
export const topicName = z
  .string()
  .min(1, 'a topic name cannot be empty')
  .max(249, 'a topic name is at most 249 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'a topic name uses only letters, digits, ".", "_" and "-"')
  .refine((name) => name !== '.' && name !== '..', 'a topic name cannot be "." or ".."');

const configName = z.string().regex(/^[a-z0-9.]+$/, 'config names are lower case, as in "retention.ms"');

/** Retention presets the create form offers; any other retention.ms can be typed. */
export const RETENTION_PRESETS = [
  { label: '1 hour', ms: 3_600_000 },
  { label: '1 day', ms: 86_400_000 },
  { label: '7 days (Kafka default)', ms: 604_800_000 },
  { label: '30 days', ms: 2_592_000_000 },
  { label: 'Forever', ms: -1 },
] as const;

const createTopicFields = z.object({
  name: topicName,
  partitions: z.number().int().min(1, 'at least one partition').max(100_000, 'at most 100,000 partitions'),
  replicationFactor: z.number().int().min(1, 'a replication factor of at least 1').max(32_767),
  configs: z.record(configName, z.string()).default({}),
  validateOnly: z.boolean().default(false),
});

/**
 * Creating a topic on a cluster with `liveBrokers` brokers: the replication factor cannot exceed them, and
 * min.insync.replicas cannot exceed the replication factor (every acks=all write would fail).
 */
export function createTopicInputFor(liveBrokers: number) {
  return createTopicFields.superRefine((input, ctx) => {
    if (input.replicationFactor > liveBrokers)
      ctx.addIssue({
        code: 'custom',
        path: ['replicationFactor'],
        message: `the replication factor (${input.replicationFactor}) cannot exceed the ${liveBrokers} live broker(s)`,
      });
    const minIsrText = input.configs['min.insync.replicas'];
    if (minIsrText !== undefined) {
      const minIsr = Number(minIsrText);
      if (!Number.isInteger(minIsr) || minIsr < 1)
        ctx.addIssue({
          code: 'custom',
          path: ['configs', 'min.insync.replicas'],
          message: 'min.insync.replicas is a whole number of at least 1',
        });
      else if (minIsr > input.replicationFactor)
        ctx.addIssue({
          code: 'custom',
          path: ['configs', 'min.insync.replicas'],
          message: `min.insync.replicas (${minIsr}) cannot exceed the replication factor (${input.replicationFactor})`,
        });
    }
    const policy = input.configs['cleanup.policy'];
    if (
      policy !== undefined &&
      !policy.split(',').every((p) => p.trim() === 'compact' || p.trim() === 'delete')
    )
      ctx.addIssue({
        code: 'custom',
        path: ['configs', 'cleanup.policy'],
        message: 'cleanup.policy is delete, compact, or both',
      });
    const retention = input.configs['retention.ms'];
    if (retention !== undefined && !/^-?\d+$/.test(retention))
      ctx.addIssue({
        code: 'custom',
        path: ['configs', 'retention.ms'],
        message: 'retention.ms is a number of milliseconds (-1: forever)',
      });
  });
}

/** The shape alone, for the API's input (the broker count is checked against the live cluster there). */
export const createTopicInput = createTopicFields;
export type CreateTopicInput = z.infer<typeof createTopicFields>;

export const topicInput = z.object({ topic: topicName });

/**
 * A topic's size history over the last `windowMinutes` (an hour by default, 30 days at most: as long as the
 * console keeps it).
 */
export const topicSizeHistoryInput = z.object({
  topic: topicName,
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(60),
});

export const deleteTopicInput = z
  .object({
    topic: topicName,
    /** The name typed again: a deletion goes through only when both match. */
    confirmation: z.string(),
  })
  .refine((input) => input.topic === input.confirmation, {
    message: 'type the topic name to confirm',
    path: ['confirmation'],
  });

export const alterTopicConfigsInput = z.object({
  topic: topicName,
  set: z.record(configName, z.string()).default({}),
  remove: z.array(configName).default([]),
  validateOnly: z.boolean().default(false),
});

export const deleteRecordsInput = z.object({
  topic: topicName,
  partition: z.number().int().min(0),
  /** Records before this offset go; -1 means up to the high watermark (everything). */
  beforeOffset: z.number().int().min(-1),
});

/** Where a read of a topic starts. */
export const messagesFrom = z.discriminatedUnion('type', [
  z.object({ type: z.literal('newest') }),
  z.object({ type: z.literal('oldest') }),
  z.object({ type: z.literal('offset'), offset: z.number().int().min(0) }),
  z.object({ type: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
  /** The next page: where each partition's previous page ended. */
  z.object({
    type: z.literal('positions'),
    positions: z.record(z.string().regex(/^\d+$/), z.number().int().min(0)),
  }),
]);
export type MessagesFrom = z.infer<typeof messagesFrom>;

/**
 * Kafka's isolation.level for reading: read_uncommitted reads up to the high watermark, records of open and
 * aborted transactions included; read_committed reads up to the last stable offset (LSO) and leaves out the
 * records of aborted transactions, as a Kafka consumer does.
 */
export const isolationLevel = z.enum(['read_uncommitted', 'read_committed']);
export type IsolationLevelName = z.infer<typeof isolationLevel>;

export const browseMessagesInput = z.object({
  topic: topicName,
  isolationLevel: isolationLevel.default('read_uncommitted'),
  /** One partition, or all when absent. */
  partition: z.number().int().min(0).optional(),
  from: messagesFrom,
  limit: z.number().int().min(1).max(500).default(50),
});

export const produceInput = z.object({
  topic: topicName,
  /** A partition, or the key's partition (murmur2, as Kafka's producers) when absent; a random one without key. */
  partition: z.number().int().min(0).optional(),
  key: z.string().max(1_000_000).nullable(),
  value: z.string().max(1_000_000).nullable(),
  headers: z
    .array(
      z.object({
        key: z.string().min(1, 'a header needs a key').max(1000),
        value: z.string().max(100_000).nullable(),
      }),
    )
    .max(100)
    .default([]),
  copies: z.number().int().min(1).max(1000).default(1),
});
export type ProduceInput = z.infer<typeof produceInput>;

/** A live tail of a topic: where to start, which partitions, and which records to keep. */
export const tailInput = z.object({
  topic: topicName,
  isolationLevel: isolationLevel.default('read_uncommitted'),
  partitions: z.array(z.number().int().min(0)).optional(),
  from: z.discriminatedUnion('type', [
    z.object({ type: z.literal('newest') }),
    z.object({ type: z.literal('offset'), offset: z.number().int().min(0) }),
    z.object({ type: z.literal('timestamp'), timestamp: z.number().int().min(0) }),
  ]),
  keyContains: z.string().max(1000).optional(),
  valueContains: z.string().max(1000).optional(),
  /** A JSON path into the value, like $.user.id or $.items[0].sku; a record is kept when it exists there… */
  jsonPath: z
    .string()
    .regex(/^\$(\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])*$/, 'a JSON path like $.user.id or $.items[0]')
    .optional(),
  /** …and, when given, when the value there (as JSON text, strings unquoted) equals this. */
  jsonEquals: z.string().max(1000).optional(),
  /** At most this many records a second reach the browser; the rest are counted as skipped. */
  maxPerSecond: z.number().int().min(1).max(5000).default(500),
  lastEventId: z.string().nullish(),
});
export type TailInput = z.infer<typeof tailInput>;
