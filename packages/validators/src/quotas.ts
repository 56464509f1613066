/**
 * Client quotas as Kafka defines them (QuotaConfigs, ClientQuotaControlManager): which keys each entity type
 * takes and what values they accept. The broker is the judge; forms, the API and the CLI check the same rules
 * first so a user hears of a mistake before the request is sent.
 */
import { z } from 'zod';

export const QUOTA_ENTITY_TYPES = ['user', 'client-id', 'ip'] as const;
export type QuotaEntityType = (typeof QUOTA_ENTITY_TYPES)[number];

/** Each quota key: the entity types it applies to, and whether it is a whole number (Kafka's LONG or INT). */
export const QUOTA_KEYS = {
  producer_byte_rate: { entityTypes: ['user', 'client-id'], integral: true, unit: 'bytes/s' },
  consumer_byte_rate: { entityTypes: ['user', 'client-id'], integral: true, unit: 'bytes/s' },
  request_percentage: { entityTypes: ['user', 'client-id'], integral: false, unit: '%' },
  controller_mutation_rate: { entityTypes: ['user', 'client-id'], integral: false, unit: 'partitions/s' },
  connection_creation_rate: { entityTypes: ['ip'], integral: true, unit: 'connections/s' },
} as const satisfies Record<
  string,
  { entityTypes: readonly QuotaEntityType[]; integral: boolean; unit: string }
>;

export type QuotaKey = keyof typeof QUOTA_KEYS;

export function isQuotaKey(name: string): name is QuotaKey {
  return Object.hasOwn(QUOTA_KEYS, name);
}

/** The keys an entity of these types takes: the ip keys for `ip`, the user/client keys otherwise. */
export function quotaKeysFor(entityTypes: readonly QuotaEntityType[]): QuotaKey[] {
  const type: QuotaEntityType = entityTypes.includes('ip') ? 'ip' : 'user';
  return (Object.keys(QUOTA_KEYS) as QuotaKey[]).filter((key) =>
    (QUOTA_KEYS[key].entityTypes as readonly QuotaEntityType[]).includes(type),
  );
}

/** An entity: each type to a name, or null for the type's `<default>`; `ip` stands alone. */
export const quotaEntity = z
  .partialRecord(
    z.enum(QUOTA_ENTITY_TYPES),
    z
      .string()
      .min(1, 'a name cannot be empty (null is the default)')
      .max(255, 'a name is at most 255 characters')
      .nullable(),
  )
  .refine((entity) => Object.keys(entity).length > 0, 'name a user, a client-id or an ip')
  .refine(
    (entity) => !('ip' in entity) || Object.keys(entity).length === 1,
    'an ip quota cannot be combined with a user or client-id',
  );

export const quotaValue = z
  .number({ error: 'a quota is a number' })
  .positive('a quota must be greater than 0')
  .max(Number.MAX_SAFE_INTEGER, 'a quota is at most 9007199254740991');

/** Set (a value) or remove (null) quota keys of one entity. */
export const alterQuotasInput = z
  .object({ entity: quotaEntity, changes: z.record(z.string(), quotaValue.nullable()) })
  .superRefine(({ entity, changes }, ctx) => {
    const allowed = quotaKeysFor(Object.keys(entity) as QuotaEntityType[]);
    for (const [key, value] of Object.entries(changes)) {
      if (!(allowed as string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['changes', key],
          message: `${key} is not a quota of this entity`,
        });
      } else if (value !== null && QUOTA_KEYS[key as QuotaKey].integral && !Number.isInteger(value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['changes', key],
          message: `${key} cannot be a fractional value`,
        });
      }
    }
  });

export type AlterQuotasInput = z.infer<typeof alterQuotasInput>;

/**
 * The same key for the same entity whatever order its types come in: its [type, name] pairs sorted by type, as
 * JSON (the broker keys its quota image the same way).
 */
export function quotaEntityKey(entity: Readonly<Record<string, string | null>>): string {
  return JSON.stringify(
    Object.keys(entity)
      .sort()
      .map((type) => [type, entity[type]]),
  );
}

/** An entity as kafka-configs.sh prints it: "user=alice, client-id=<default>". */
export function quotaEntityLabel(entity: Readonly<Record<string, string | null>>): string {
  return Object.keys(entity)
    .sort(
      (a, b) =>
        QUOTA_ENTITY_TYPES.indexOf(a as QuotaEntityType) - QUOTA_ENTITY_TYPES.indexOf(b as QuotaEntityType),
    )
    .map((type) => `${type}=${entity[type] ?? '<default>'}`)
    .join(', ');
}

/** The quota keys of user and client-id entities, the ones the console's quotas page edits. */
export const CLIENT_QUOTA_KEYS = [
  'producer_byte_rate',
  'consumer_byte_rate',
  'request_percentage',
  'controller_mutation_rate',
] as const satisfies readonly QuotaKey[];
export type ClientQuotaKey = (typeof CLIENT_QUOTA_KEYS)[number];

const entityName = z
  .string({ error: 'a name is text, or null for the default' })
  .min(1, 'a name cannot be empty (choose the default instead)')
  .max(255, 'a name is at most 255 characters')
  .nullable();

/**
 * The entities the console's quotas page manages: a user, a client-id, or a user's client-id, each a name or
 * the default (null). IP entities carry only connection_creation_rate, which `sluice configs --entity-type ips`
 * sets.
 */
export const clientQuotaEntity = z
  .strictObject(
    { user: entityName.optional(), 'client-id': entityName.optional() },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `an entity names a user, a client-id or both, not ${issue.keys.join(', ')}`
          : undefined,
    },
  )
  .refine(
    (entity) => entity.user !== undefined || entity['client-id'] !== undefined,
    'name a user, a client-id or both',
  );
export type ClientQuotaEntityInput = z.infer<typeof clientQuotaEntity>;

/** The entity as the wire carries it: only the types it names. */
export function quotaEntityOf(entity: ClientQuotaEntityInput): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (entity.user !== undefined) out.user = entity.user;
  if (entity['client-id'] !== undefined) out['client-id'] = entity['client-id'];
  return out;
}

/** Unknown keys are named, with the ones that are allowed. */
const clientQuotaKeysError = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `${issue.keys!.join(', ')} is not a quota of users and client-ids (${CLIENT_QUOTA_KEYS.join(', ')})`
      : undefined,
};

/** A byte rate is a whole number (Kafka's LONG); percentages and mutation rates may be fractional. */
const byteRate = (key: ClientQuotaKey) =>
  quotaValue.refine(Number.isInteger, `${key} is a whole number of bytes a second`);

/** Defined values only: `undefined` (which superjson can carry) is no change. */
function definedEntries<T>(values: Partial<Record<ClientQuotaKey, T>>): [ClientQuotaKey, T][] {
  return Object.entries(values).filter(([, value]) => value !== undefined) as [ClientQuotaKey, T][];
}

/** A new entity's quotas: at least one. */
export const createClientQuotaInput = z.object({
  entity: clientQuotaEntity,
  quotas: z
    .strictObject(
      {
        producer_byte_rate: byteRate('producer_byte_rate').optional(),
        consumer_byte_rate: byteRate('consumer_byte_rate').optional(),
        request_percentage: quotaValue.optional(),
        controller_mutation_rate: quotaValue.optional(),
      },
      clientQuotaKeysError,
    )
    .refine((quotas) => definedEntries(quotas).length > 0, 'set at least one quota'),
});

/** An entity's changes: a key to its new value, or to null to remove it. */
export const editClientQuotaInput = z.object({
  entity: clientQuotaEntity,
  changes: z
    .strictObject(
      {
        producer_byte_rate: byteRate('producer_byte_rate').nullable().optional(),
        consumer_byte_rate: byteRate('consumer_byte_rate').nullable().optional(),
        request_percentage: quotaValue.nullable().optional(),
        controller_mutation_rate: quotaValue.nullable().optional(),
      },
      clientQuotaKeysError,
    )
    .refine((changes) => definedEntries(changes).length > 0, 'change at least one quota'),
});

/** The changes to send: each defined key to its value (null removes it). */
export function quotaChanges(
  values: Partial<Record<ClientQuotaKey, number | null>>,
): Map<string, number | null> {
  return new Map(definedEntries(values));
}

/** Removes every quota of the entity, and with them the entity. */
export const deleteClientQuotaInput = z.object({ entity: clientQuotaEntity });

export type CreateClientQuotaInput = z.infer<typeof createClientQuotaInput>;
export type EditClientQuotaInput = z.infer<typeof editClientQuotaInput>;
