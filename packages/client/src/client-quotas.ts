/**
 * Client quotas over Kafka's APIs, as Kafka's Admin client offers them: DescribeClientQuotas with a filter of
 * entity components, and AlterClientQuotas setting or removing quota keys of entities. An entity maps entity
 * types (`user`, `client-id`, `ip`) to a name, or to null for that type's `<default>`.
 */
import { ApiKey } from '@sluice/protocol';
import { KafkaError, throwIfError, type ClusterClient } from './cluster-client.ts';

export type QuotaEntity = Record<string, string | null>;

/** Kafka's ClientQuotaFilterComponent: a name, the default (null), or any name of the type ('any'). */
export interface QuotaFilterComponent {
  entityType: string;
  match: string | null | { any: true };
}

export interface DescribedQuotas {
  entity: QuotaEntity;
  quotas: Map<string, number>;
}

const MATCH_EXACT = 0;
const MATCH_DEFAULT = 1;
const MATCH_SPECIFIED = 2;

/**
 * The entities matching every component, with their quotas; with `strict` (Kafka's containsOnly), entities of
 * no other type. A refused filter is thrown (KafkaError).
 */
export async function describeClientQuotas(
  client: ClusterClient,
  components: readonly QuotaFilterComponent[],
  strict = false,
): Promise<DescribedQuotas[]> {
  const response = await (
    await client.any()
  ).request(ApiKey.DescribeClientQuotas, {
    components: components.map(({ entityType, match }) => {
      if (match === null) return { entityType, matchType: MATCH_DEFAULT, match: null };
      if (typeof match === 'object') return { entityType, matchType: MATCH_SPECIFIED, match: null };
      return { entityType, matchType: MATCH_EXACT, match };
    }),
    strict,
  });
  throwIfError(response.errorCode, response.errorMessage);
  return (response.entries ?? []).map(({ entity, values }) => ({
    entity: Object.fromEntries(entity.map((e) => [e.entityType, e.entityName])),
    quotas: new Map(values.map((v) => [v.key, v.value])),
  }));
}

/** One entity's changes: a key to its new value, or to null to remove it. */
export interface QuotaAlteration {
  entity: QuotaEntity;
  changes: Map<string, number | null>;
}

/**
 * Applies the alterations (each entity succeeds or fails alone) and throws the first entity's error, if any,
 * as a KafkaError naming the entity.
 */
export async function alterClientQuotas(
  client: ClusterClient,
  alterations: readonly QuotaAlteration[],
  validateOnly = false,
): Promise<void> {
  const response = await (
    await client.any()
  ).request(ApiKey.AlterClientQuotas, {
    entries: alterations.map(({ entity, changes }) => ({
      entity: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
      ops: [...changes].map(([key, value]) => ({ key, value: value ?? 0, remove: value === null })),
    })),
    validateOnly,
  });
  const failed = response.entries.find((e) => e.errorCode !== 0);
  if (failed) {
    const entity = failed.entity.map((e) => `${e.entityType}=${e.entityName ?? '<default>'}`).join(', ');
    throw new KafkaError(failed.errorCode, `${entity}: ${failed.errorMessage ?? ''}`);
  }
}
