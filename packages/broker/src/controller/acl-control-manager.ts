/**
 * ACLs (Kafka's AclControlManager): CreateAcls becomes AccessControlEntryRecords, DeleteAcls becomes
 * RemoveAccessControlEntryRecords; DescribeAcls reads the image.
 *
 * Invariants, as in Kafka: an ACL is stored once (creating an existing binding succeeds and writes nothing); each
 * creation is validated on its own, so one bad binding fails alone; a DeleteAcls filter removes every ACL it
 * matches, and an ACL that an earlier filter of the same request removed is not reported again.
 */
import {
  ErrorCode,
  type CreateAclsRequest,
  type CreateAclsResponseAclCreationResult,
  type DeleteAclsRequest,
  type DeleteAclsResponseDeleteAclsFilterResult,
  type DescribeAclsRequest,
  type DescribeAclsResponse,
  type DescribeAclsResponseDescribeAclsResource,
} from '@sluice/protocol';
import type { MetadataImage, StandardAcl } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { randomTopicId } from '../metadata/topic-registry.ts';
import {
  bindingProblem,
  filterMatches,
  filterProblem,
  sameBinding,
  type AclBinding,
  type AclBindingFilter,
} from '../security/acl-binding.ts';
import type { ControlContext, ControllerResult } from './controller-result.ts';

export function createAcls(
  ctx: ControlContext,
  request: CreateAclsRequest,
): ControllerResult<CreateAclsResponseAclCreationResult[]> {
  const records: MetadataRecord[] = [];
  const created: AclBinding[] = [];
  const existing = [...ctx.image.acls.values()];
  const results = request.creations.map((creation): CreateAclsResponseAclCreationResult => {
    const binding: AclBinding = {
      resourceType: creation.resourceType,
      resourceName: creation.resourceName,
      patternType: creation.resourcePatternType,
      principal: creation.principal,
      host: creation.host,
      operation: creation.operation,
      permissionType: creation.permissionType,
    };
    const problem = bindingProblem(binding);
    if (problem) return problem;
    const known = [...existing, ...created].some((acl) => sameBinding(acl, binding));
    if (!known) {
      created.push(binding);
      // ACL ids are random UUIDs, as Kafka's; the image keys ACLs by them.
      records.push({ type: 'AccessControlEntryRecord', data: { id: randomTopicId(), ...binding } });
    }
    return { errorCode: ErrorCode.NONE, errorMessage: null };
  });
  return { records, response: results };
}

function filterOf(filter: DeleteAclsRequest['filters'][number] | DescribeAclsRequest): AclBindingFilter {
  return {
    resourceType: filter.resourceTypeFilter,
    resourceName: filter.resourceNameFilter,
    patternType: filter.patternTypeFilter,
    principal: filter.principalFilter,
    host: filter.hostFilter,
    operation: filter.operation,
    permissionType: filter.permissionType,
  };
}

export function deleteAcls(
  ctx: ControlContext,
  request: DeleteAclsRequest,
): ControllerResult<DeleteAclsResponseDeleteAclsFilterResult[]> {
  const records: MetadataRecord[] = [];
  const deleted = new Set<string>();
  const results = request.filters.map((wireFilter): DeleteAclsResponseDeleteAclsFilterResult => {
    const filter = filterOf(wireFilter);
    const problem = filterProblem(filter);
    if (problem) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: problem, matchingAcls: [] };
    const matchingAcls = [];
    for (const acl of ctx.image.acls.values()) {
      if (deleted.has(acl.id) || !filterMatches(filter, acl)) continue;
      deleted.add(acl.id);
      records.push({ type: 'RemoveAccessControlEntryRecord', data: { id: acl.id } });
      matchingAcls.push({ errorCode: ErrorCode.NONE, errorMessage: null, ...bindingOf(acl) });
    }
    return { errorCode: ErrorCode.NONE, errorMessage: null, matchingAcls };
  });
  return { records, response: results };
}

function bindingOf(acl: StandardAcl): AclBinding {
  const { id: _id, ...binding } = acl;
  return binding;
}

/** DescribeAcls: the matching ACLs grouped by resource pattern, in the order of their first ACL. */
export function describeAcls(
  image: Pick<MetadataImage, 'acls'>,
  request: DescribeAclsRequest,
): Omit<DescribeAclsResponse, 'throttleTimeMs'> {
  const filter = filterOf(request);
  const problem = filterProblem(filter);
  if (problem) return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: problem, resources: [] };
  const resources = new Map<string, DescribeAclsResponseDescribeAclsResource>();
  for (const acl of image.acls.values()) {
    if (!filterMatches(filter, acl)) continue;
    const key = `${acl.resourceType}\u0000${acl.patternType}\u0000${acl.resourceName}`;
    let resource = resources.get(key);
    if (!resource) {
      resource = {
        resourceType: acl.resourceType,
        resourceName: acl.resourceName,
        patternType: acl.patternType,
        acls: [],
      };
      resources.set(key, resource);
    }
    resource.acls.push({
      principal: acl.principal,
      host: acl.host,
      operation: acl.operation,
      permissionType: acl.permissionType,
    });
  }
  return { errorCode: ErrorCode.NONE, errorMessage: null, resources: [...resources.values()] };
}
