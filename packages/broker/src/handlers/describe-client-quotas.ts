/**
 * DescribeClientQuotas, answered from the broker's own metadata image (Kafka's ClientQuotasImage.describe).
 *
 * A filter is a list of components, each naming an entity type at most once: EXACT (0) matches that name,
 * DEFAULT (1) the type's `<default>`, SPECIFIED (2) any name or the default. An entity matches when it has every
 * component's type with a matching name; with `strict` it must have no other types. `ip` components may not be
 * combined with `user` or `client-id`. A bad filter fails the whole request: INVALID_REQUEST, or
 * UNSUPPORTED_VERSION for an entity type the broker does not know.
 */
import {
  ApiKey,
  ErrorCode,
  type DescribeClientQuotasRequest,
  type DescribeClientQuotasResponseEntryData,
} from '@sluice/protocol';
import type { ClientQuotaEntity, ClientQuotaImage } from '../metadata/metadata-image.ts';
import { QuotaEntityType } from '../quota/quota-managers.ts';
import { defineHandler } from './handler.ts';

export const MatchType = { EXACT: 0, DEFAULT: 1, SPECIFIED: 2 } as const;

export class DescribeClientQuotasError extends Error {
  override readonly name = 'DescribeClientQuotasError';

  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

const invalidRequest = (message: string) => new DescribeClientQuotasError(ErrorCode.INVALID_REQUEST, message);

interface Filter {
  /** Entity type to the name it must have (null: the default). */
  exact: Map<string, string | null>;
  /** Entity types that must be present, with any name. */
  specified: Set<string>;
  strict: boolean;
}

function parseFilter(request: DescribeClientQuotasRequest): Filter {
  const exact = new Map<string, string | null>();
  const specified = new Set<string>();
  for (const { entityType, matchType, match } of request.components) {
    if (entityType === '') throw invalidRequest('Invalid empty entity type.');
    if (exact.has(entityType) || specified.has(entityType))
      throw invalidRequest(`Entity type ${entityType} cannot appear more than once in the filter.`);
    if (
      entityType !== QuotaEntityType.IP &&
      entityType !== QuotaEntityType.USER &&
      entityType !== QuotaEntityType.CLIENT_ID
    )
      throw new DescribeClientQuotasError(
        ErrorCode.UNSUPPORTED_VERSION,
        `Unsupported entity type ${entityType}`,
      );
    switch (matchType) {
      case MatchType.EXACT:
        if (match === null)
          throw invalidRequest('Request specified MATCH_TYPE_EXACT, but set match string to null.');
        exact.set(entityType, match);
        break;
      case MatchType.DEFAULT:
        if (match !== null)
          throw invalidRequest('Request specified MATCH_TYPE_DEFAULT, but also specified a match string.');
        exact.set(entityType, null);
        break;
      case MatchType.SPECIFIED:
        if (match !== null)
          throw invalidRequest('Request specified MATCH_TYPE_SPECIFIED, but also specified a match string.');
        specified.add(entityType);
        break;
      default:
        throw invalidRequest(`Unknown match type ${matchType}`);
    }
  }
  const has = (type: string) => exact.has(type) || specified.has(type);
  if (has(QuotaEntityType.IP) && (has(QuotaEntityType.USER) || has(QuotaEntityType.CLIENT_ID)))
    throw invalidRequest(
      'Invalid entity filter component combination. IP filter component should not be used with ' +
        'user or clientId filter component.',
    );
  return { exact, specified, strict: request.strict };
}

function matches(entity: ClientQuotaEntity, filter: Filter): boolean {
  if (filter.strict && Object.keys(entity).length !== filter.exact.size + filter.specified.size) return false;
  for (const [type, name] of filter.exact) if (!(type in entity) || entity[type] !== name) return false;
  for (const type of filter.specified) if (!(type in entity)) return false;
  return true;
}

/** The entities of `quotas` the request's filter matches, with their quotas; throws DescribeClientQuotasError. */
export function describeClientQuotas(
  quotas: Iterable<ClientQuotaImage>,
  request: DescribeClientQuotasRequest,
): DescribeClientQuotasResponseEntryData[] {
  const filter = parseFilter(request);
  const entries: DescribeClientQuotasResponseEntryData[] = [];
  for (const { entity, quotas: values } of quotas) {
    if (!matches(entity, filter)) continue;
    entries.push({
      entity: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
      values: [...values].map(([key, value]) => ({ key, value })),
    });
  }
  return entries;
}

export const describeClientQuotasHandler = defineHandler({
  apiKey: ApiKey.DescribeClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage,
    entries: null,
  }),
  handle({ body }, { services }) {
    try {
      const entries = describeClientQuotas(services.security.image().clientQuotas.values(), body);
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, entries };
    } catch (error) {
      if (!(error instanceof DescribeClientQuotasError)) throw error;
      return { throttleTimeMs: 0, errorCode: error.errorCode, errorMessage: error.message, entries: null };
    }
  },
});
