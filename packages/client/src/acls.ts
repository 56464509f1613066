/**
 * ACLs over Kafka's APIs, as Kafka's Admin client offers them (describeAcls, createAcls, deleteAcls), with
 * Kafka's codes (ResourceType, PatternType, AclOperation, AclPermissionType), and a broker's authorizer settings
 * from DescribeConfigs. A cluster without an authorizer answers every ACL API with SECURITY_DISABLED, thrown as a
 * KafkaError like any refusal.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { KafkaError, throwIfError, type ClusterClient } from './cluster-client.ts';

/** One ACL: a resource pattern and an entry, by Kafka's codes. */
export interface AclBindingCodes {
  resourceType: number;
  resourceName: string;
  /** LITERAL (3) or PREFIXED (4). */
  patternType: number;
  principal: string;
  host: string;
  operation: number;
  /** DENY (2) or ALLOW (3). */
  permissionType: number;
}

/** Kafka's AclBindingFilter: null names, principals and hosts match any; ANY (1) codes match any. */
export interface AclFilterCodes {
  resourceType: number;
  resourceName: string | null;
  /** ANY (1), MATCH (2: the ACLs that apply to the named resource), LITERAL (3) or PREFIXED (4). */
  patternType: number;
  principal: string | null;
  host: string | null;
  operation: number;
  permissionType: number;
}

const ANY = 1;
const RESOURCE_BROKER = 4;

/** Every ACL, as DescribeAcls with AclBindingFilter.ANY returns them. */
export const ANY_ACL: AclFilterCodes = {
  resourceType: ANY,
  resourceName: null,
  patternType: ANY,
  principal: null,
  host: null,
  operation: ANY,
  permissionType: ANY,
};

export async function describeAcls(
  client: ClusterClient,
  filter: AclFilterCodes = ANY_ACL,
): Promise<AclBindingCodes[]> {
  const response = await (
    await client.any()
  ).request(ApiKey.DescribeAcls, {
    resourceTypeFilter: filter.resourceType,
    resourceNameFilter: filter.resourceName,
    patternTypeFilter: filter.patternType,
    principalFilter: filter.principal,
    hostFilter: filter.host,
    operation: filter.operation,
    permissionType: filter.permissionType,
  });
  throwIfError(response.errorCode, response.errorMessage);
  return response.resources.flatMap(({ resourceType, resourceName, patternType, acls }) =>
    acls.map((acl) => ({ resourceType, resourceName, patternType, ...acl })),
  );
}

/** Creates the bindings; the first refused one is thrown (the others may have been created, as in Kafka). */
export async function createAcls(client: ClusterClient, bindings: readonly AclBindingCodes[]): Promise<void> {
  const response = await (
    await client.any()
  ).request(ApiKey.CreateAcls, {
    creations: bindings.map(({ patternType, ...binding }) => ({
      ...binding,
      resourcePatternType: patternType,
    })),
  });
  const failed = response.results.find((r) => r.errorCode !== ErrorCode.NONE);
  if (failed) throw new KafkaError(failed.errorCode, failed.errorMessage);
}

/** Deletes what each filter matches; resolves with the ACLs deleted. A refused filter is thrown. */
export async function deleteAcls(
  client: ClusterClient,
  filters: readonly AclFilterCodes[],
): Promise<AclBindingCodes[]> {
  const response = await (
    await client.any()
  ).request(ApiKey.DeleteAcls, {
    filters: filters.map((filter) => ({
      resourceTypeFilter: filter.resourceType,
      resourceNameFilter: filter.resourceName,
      patternTypeFilter: filter.patternType,
      principalFilter: filter.principal,
      hostFilter: filter.host,
      operation: filter.operation,
      permissionType: filter.permissionType,
    })),
  });
  const deleted: AclBindingCodes[] = [];
  for (const result of response.filterResults) {
    throwIfError(result.errorCode, result.errorMessage);
    for (const { errorCode, errorMessage, ...acl } of result.matchingAcls) {
      throwIfError(errorCode, errorMessage);
      deleted.push(acl);
    }
  }
  return deleted;
}

/**
 * A broker's configs by name (DescribeConfigs on its BROKER resource), for the names it reports: a config it
 * does not report (Kafka reports super.users only when set) is absent from the map.
 */
export async function describeBrokerConfigs(
  client: ClusterClient,
  nodeId: number,
  names: readonly string[],
): Promise<Map<string, string | null>> {
  const response = await (
    await client.broker(nodeId)
  ).request(ApiKey.DescribeConfigs, {
    resources: [
      { resourceType: RESOURCE_BROKER, resourceName: String(nodeId), configurationKeys: [...names] },
    ],
    includeSynonyms: false,
    includeDocumentation: false,
  });
  const result = response.results[0]!;
  throwIfError(result.errorCode, result.errorMessage);
  return new Map(result.configs.map((c) => [c.name, c.value]));
}
