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
    z.string().min(1, 'a name cannot be empty (null is the default)').nullable(),
  )
  .refine((entity) => Object.keys(entity).length > 0, 'name a user, a client-id or an ip')
  .refine(
    (entity) => !('ip' in entity) || Object.keys(entity).length === 1,
    'an ip quota cannot be combined with a user or client-id',
  );

export const quotaValue = z.number().positive('a quota must be greater than 0');

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
