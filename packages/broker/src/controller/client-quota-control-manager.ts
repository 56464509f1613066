/**
 * Client quotas as the controller changes them (Kafka's ClientQuotaControlManager): AlterClientQuotas becomes
 * ClientQuotaRecords, validated as Kafka validates them, with Kafka's messages.
 *
 * - An entity names `user` and/or `client-id`, or `ip` alone; a null name is the type's `<default>`, an empty
 *   name is refused; any other type, an empty entity or `ip` with another type is INVALID_REQUEST.
 * - user/client-id entities take producer_byte_rate and consumer_byte_rate (longs), request_percentage and
 *   controller_mutation_rate (doubles); ip entities take connection_creation_rate (an int) only. Values must be
 *   above zero, fit their type and, for integral types, have no fraction.
 * - Each entity succeeds or fails alone; a failed entity writes nothing. An entity named twice in one request
 *   fails (its first alteration still applies, and the response names it once), as does one with a key named
 *   twice. Setting a value it already has, or removing a
 *   key it does not have, writes no record. With validateOnly the records are dropped (see QuorumController).
 * - A request that would write more than 10,000 records fails whole with POLICY_VIOLATION, as in Kafka.
 */
import { isIP } from 'node:net';
import {
  ErrorCode,
  type AlterClientQuotasRequest,
  type AlterClientQuotasResponseEntryData,
} from '@sluice/protocol';
import { clientQuotaEntityKey, type ClientQuotaEntity } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { QuotaEntityType, QuotaKey } from '../quota/quota-managers.ts';
import { ControllerError, type ControlContext, type ControllerResult } from './controller-result.ts';

type QuotaValueType = 'long' | 'double' | 'int';

const USER_AND_CLIENT_QUOTA_KEYS: ReadonlyMap<string, QuotaValueType> = new Map([
  [QuotaKey.PRODUCER_BYTE_RATE, 'long'],
  [QuotaKey.CONSUMER_BYTE_RATE, 'long'],
  [QuotaKey.REQUEST_PERCENTAGE, 'double'],
  [QuotaKey.CONTROLLER_MUTATION_RATE, 'double'],
]);

const IP_QUOTA_KEYS: ReadonlyMap<string, QuotaValueType> = new Map([
  [QuotaKey.CONNECTION_CREATION_RATE, 'int'],
]);

/** Kafka's QuorumController.MAX_RECORDS_PER_USER_OP: a larger batch fails the whole request. */
const MAX_RECORDS_PER_USER_OP = 10_000;

const LONG_MAX = 9.223372036854776e18;
const INT_MAX = 2147483647;

/** Kafka's ClientQuotaEntity.toString, for messages: ClientQuotaEntity(entries={user=alice, client-id=null}). */
function describeEntity(entity: ClientQuotaEntity): string {
  const entries = Object.entries(entity).map(([type, name]) => `${type}=${name ?? 'null'}`);
  return `ClientQuotaEntity(entries={${entries.join(', ')}})`;
}

interface EntityResult {
  entity: ClientQuotaEntity;
  errorCode: number;
  errorMessage: string | null;
}

const invalid = (entity: ClientQuotaEntity, errorMessage: string): EntityResult => ({
  entity,
  errorCode: ErrorCode.INVALID_REQUEST,
  errorMessage,
});

function validateEntity(entity: ClientQuotaEntity): string | null {
  const entries = Object.entries(entity);
  if (entries.length === 0) return 'Invalid empty client quota entity';
  for (const [type, name] of entries) {
    if (type !== QuotaEntityType.USER && type !== QuotaEntityType.CLIENT_ID && type !== QuotaEntityType.IP)
      return `Unhandled client quota entity type: ${type}`;
    if (name === '') return `Empty ${type} not supported`;
  }
  return null;
}

function keysForEntity(entity: ClientQuotaEntity): ReadonlyMap<string, QuotaValueType> | string {
  const hasIp = QuotaEntityType.IP in entity;
  if (hasIp) {
    if (QuotaEntityType.USER in entity || QuotaEntityType.CLIENT_ID in entity)
      return 'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId';
    const ip = entity[QuotaEntityType.IP];
    // Kafka resolves names too (InetAddress.getByName); a control-manager operation cannot wait for DNS.
    if (ip !== null && ip !== undefined && isIP(ip) === 0)
      return `${ip} is not a valid IP or resolvable host.`;
    return IP_QUOTA_KEYS;
  }
  return USER_AND_CLIENT_QUOTA_KEYS;
}

function validateValue(keys: ReadonlyMap<string, QuotaValueType>, key: string, value: number): string | null {
  const type = keys.get(key);
  if (type === undefined) return `Invalid configuration key ${key}`;
  if (value <= 0) return `Quota ${key} must be greater than 0`;
  if (type === 'double') return null;
  if (type === 'long' && value > LONG_MAX) return `Proposed value for ${key} is too large for a LONG.`;
  if (type === 'int' && value > INT_MAX) return `Proposed value for ${key} is too large for an INT.`;
  if (Math.abs(value % 1) > 1e-6) return `${key} cannot be a fractional value.`;
  return null;
}

function alterEntity(
  ctx: ControlContext,
  entity: ClientQuotaEntity,
  alterations: ReadonlyMap<string, number | null>,
  records: MetadataRecord[],
): EntityResult {
  const entityProblem = validateEntity(entity);
  if (entityProblem) return invalid(entity, entityProblem);
  const keys = keysForEntity(entity);
  if (typeof keys === 'string') return invalid(entity, keys);
  const current =
    ctx.image.clientQuotas.get(clientQuotaEntityKey(entity))?.quotas ?? new Map<string, number>();
  const entityData = () =>
    Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName }));
  const entityRecords: MetadataRecord[] = [];
  for (const [key, value] of alterations) {
    if (value === null) {
      if (current.has(key)) {
        entityRecords.push({
          type: 'ClientQuotaRecord',
          data: { entity: entityData(), key, value: 0, remove: true },
        });
      }
      continue;
    }
    const problem = validateValue(keys, key, value);
    if (problem) return invalid(entity, problem);
    if (current.get(key) !== value) {
      entityRecords.push({
        type: 'ClientQuotaRecord',
        data: { entity: entityData(), key, value, remove: false },
      });
    }
  }
  records.push(...entityRecords);
  return { entity, errorCode: ErrorCode.NONE, errorMessage: null };
}

/** AlterClientQuotas: the records of the valid entities and a result per entity. */
export function alterClientQuotas(
  ctx: ControlContext,
  request: AlterClientQuotasRequest,
): ControllerResult<AlterClientQuotasResponseEntryData[]> {
  const records: MetadataRecord[] = [];
  const results = new Map<string, EntityResult>();
  for (const entry of request.entries) {
    // As Kafka reads the request: a type named twice keeps its last name.
    const entity: Record<string, string | null> = {};
    for (const { entityType, entityName } of entry.entity) entity[entityType] = entityName;
    const key = clientQuotaEntityKey(entity);
    const alterations = new Map<string, number | null>();
    let repeatsKey = false;
    for (const op of entry.ops) {
      if (alterations.has(op.key)) repeatsKey = true;
      else alterations.set(op.key, op.remove ? null : op.value);
    }
    // Kafka records "Duplicate quota key" for a repeated key, then overwrites it with this very error.
    if (repeatsKey || results.has(key)) {
      results.set(key, invalid(entity, `Ignoring duplicate entity ${describeEntity(entity)}`));
    } else {
      results.set(key, alterEntity(ctx, entity, alterations, records));
    }
  }
  if (records.length > MAX_RECORDS_PER_USER_OP)
    throw new ControllerError(
      ErrorCode.POLICY_VIOLATION,
      'Unable to perform excessively large batch operation.',
    );
  const response = [...results.values()].map(({ entity, errorCode, errorMessage }) => ({
    errorCode,
    errorMessage,
    entity: Object.entries(entity).map(([entityType, entityName]) => ({ entityType, entityName })),
  }));
  return { records: request.validateOnly ? [] : records, response };
}
