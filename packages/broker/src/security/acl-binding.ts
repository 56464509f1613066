/**
 * ACL bindings and binding filters with Kafka's codes and matching rules (AclBinding, AclBindingFilter,
 * ResourcePatternFilter.matches, AccessControlEntryFilter.matches), and the checks CreateAcls applies to a new
 * binding (AclControlManager.validateNewAcl and the broker's own checks in AclApis).
 *
 * A binding is one StandardAcl without its id: a resource pattern (type, name, LITERAL or PREFIXED) and an
 * entry (principal, host, operation, ALLOW or DENY).
 */
import { ErrorCode } from '@sluice/protocol';
import type { StandardAcl } from '../metadata/metadata-image.ts';
import { AclOperation, CLUSTER_NAME, ResourceType } from './acl-operations.ts';

/** Kafka's PatternType codes. MATCH and ANY occur in filters only. */
export const PatternType = { UNKNOWN: 0, ANY: 1, MATCH: 2, LITERAL: 3, PREFIXED: 4 } as const;

/** Kafka's AclPermissionType codes. ANY occurs in filters only. */
export const AclPermissionType = { UNKNOWN: 0, ANY: 1, DENY: 2, ALLOW: 3 } as const;

/** Kafka's ResourceType codes including the filter-only ANY and UNKNOWN. */
export const ResourceTypeFilter = { UNKNOWN: 0, ANY: 1, ...ResourceType } as const;

/** The resource name that matches every resource of its type in a LITERAL ACL (ResourcePattern.WILDCARD_RESOURCE). */
export const WILDCARD_RESOURCE = '*';
/** The principal that matches every principal (AclEntry.WILDCARD_PRINCIPAL_STRING). */
export const WILDCARD_PRINCIPAL = 'User:*';
/** The host that matches every host (AclEntry.WILDCARD_HOST). */
export const WILDCARD_HOST = '*';

export type AclBinding = Omit<StandardAcl, 'id'>;

/** A filter as DescribeAcls and DeleteAcls carry it: null names, principals and hosts match anything. */
export interface AclBindingFilter {
  resourceType: number;
  resourceName: string | null;
  patternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permissionType: number;
}

/** Kafka's ResourcePatternFilter.matches. */
function patternMatches(filter: AclBindingFilter, acl: AclBinding): boolean {
  if (filter.resourceType !== ResourceTypeFilter.ANY && filter.resourceType !== acl.resourceType)
    return false;
  if (
    filter.patternType !== PatternType.ANY &&
    filter.patternType !== PatternType.MATCH &&
    filter.patternType !== acl.patternType
  )
    return false;
  if (filter.resourceName === null) return true;
  if (filter.patternType === PatternType.ANY || filter.patternType === acl.patternType) {
    return filter.resourceName === acl.resourceName;
  }
  // MATCH: the ACLs that would apply to a resource named resourceName.
  if (acl.patternType === PatternType.LITERAL) {
    return acl.resourceName === filter.resourceName || acl.resourceName === WILDCARD_RESOURCE;
  }
  return acl.patternType === PatternType.PREFIXED && filter.resourceName.startsWith(acl.resourceName);
}

/** Kafka's AclBindingFilter.matches: the pattern filter and the entry filter both match. */
export function filterMatches(filter: AclBindingFilter, acl: AclBinding): boolean {
  return (
    patternMatches(filter, acl) &&
    (filter.principal === null || filter.principal === acl.principal) &&
    (filter.host === null || filter.host === acl.host) &&
    (filter.operation === AclOperation.ANY || filter.operation === acl.operation) &&
    (filter.permissionType === AclPermissionType.ANY || filter.permissionType === acl.permissionType)
  );
}

/** Kafka's AclBindingFilter.findIndefiniteField for DescribeAcls and DeleteAcls: the unknown field, or null. */
export function filterProblem(filter: AclBindingFilter): string | null {
  if (!isKnown(ResourceTypeFilter, filter.resourceType)) return 'Resource type is UNKNOWN.';
  if (!isKnown(PatternType, filter.patternType)) return 'Resource pattern type is UNKNOWN.';
  if (!isKnown(AclOperation, filter.operation)) return 'Operation is UNKNOWN.';
  if (!isKnown(AclPermissionType, filter.permissionType)) return 'Permission type is UNKNOWN.';
  return null;
}

function isKnown(codes: Record<string, number>, code: number): boolean {
  return code !== 0 && Object.values(codes).includes(code);
}

/** Why CreateAcls refuses a binding: Kafka's INVALID_REQUEST with its message, or null when valid. */
export function bindingProblem(acl: AclBinding): { errorCode: number; errorMessage: string } | null {
  const invalid = (errorMessage: string) => ({ errorCode: ErrorCode.INVALID_REQUEST, errorMessage });
  if (!Object.values(ResourceType).includes(acl.resourceType as never)) {
    return invalid(`Invalid resourceType ${nameOf(ResourceTypeFilter, acl.resourceType)}`);
  }
  if (acl.patternType !== PatternType.LITERAL && acl.patternType !== PatternType.PREFIXED) {
    return invalid(`Invalid patternType ${nameOf(PatternType, acl.patternType)}`);
  }
  if (!isKnown(AclOperation, acl.operation) || acl.operation === AclOperation.ANY) {
    return invalid(`Invalid operation ${nameOf(AclOperation, acl.operation)}`);
  }
  if (acl.permissionType !== AclPermissionType.ALLOW && acl.permissionType !== AclPermissionType.DENY) {
    return invalid(`Invalid permissionType ${nameOf(AclPermissionType, acl.permissionType)}`);
  }
  if (acl.resourceName.length === 0) return invalid('Invalid empty resource name specified');
  if (
    acl.resourceType === ResourceType.CLUSTER &&
    acl.patternType === PatternType.LITERAL &&
    acl.resourceName !== CLUSTER_NAME
  ) {
    return invalid(`The only valid name for the CLUSTER resource is ${CLUSTER_NAME}`);
  }
  const colon = acl.principal.indexOf(':');
  if (colon <= 0) {
    return invalid(
      `Could not parse principal from \`${acl.principal}\` (no colon is present separating the principal type from the principal name)`,
    );
  }
  if (acl.host.length === 0) return invalid('Invalid empty host specified');
  return null;
}

/** The name of a code in one of the code tables above ("TOPIC", "PREFIXED", "DESCRIBE"), else "UNKNOWN". */
export function nameOf(codes: Record<string, number>, code: number): string {
  return Object.entries(codes).find(([, value]) => value === code)?.[0] ?? 'UNKNOWN';
}

/** Two bindings are the same ACL when every field is equal (Kafka never stores a binding twice). */
export function sameBinding(a: AclBinding, b: AclBinding): boolean {
  return (
    a.resourceType === b.resourceType &&
    a.resourceName === b.resourceName &&
    a.patternType === b.patternType &&
    a.principal === b.principal &&
    a.host === b.host &&
    a.operation === b.operation &&
    a.permissionType === b.permissionType
  );
}

/** "(principal=User:alice, host=*, operation=READ, permissionType=ALLOW)" on "Topic:LITERAL:orders", as logs print. */
export function describeBinding(acl: AclBinding): string {
  const resource = nameOf(ResourceType, acl.resourceType);
  return (
    `${acl.principal} has ${nameOf(AclPermissionType, acl.permissionType)} permission for operation ` +
    `${nameOf(AclOperation, acl.operation)} from host ${acl.host} on resource ` +
    `${resource}:${nameOf(PatternType, acl.patternType)}:${acl.resourceName}`
  );
}
