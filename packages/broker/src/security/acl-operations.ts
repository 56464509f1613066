/**
 * ACL operations and resource types by Kafka's wire codes (AclOperation, ResourceType), and the authorized
 * operations bitfields that Metadata, DescribeCluster, DescribeGroups, ConsumerGroupDescribe and
 * DescribeTopicPartitions answer with.
 *
 * Invariants (Kafka's AclEntry.supportedOperations and AuthHelper.authorizedOperations):
 * - a bitfield has bit `1 << code` set for each allowed operation, and only for operations the resource type
 *   supports; UNKNOWN, ANY and ALL are never set;
 * - without an authorizer every supported operation is allowed: topics 3576 (8 operations), the cluster 8096
 *   (7 operations), groups 328 (3 operations);
 * - a client that did not ask for authorized operations gets OPERATIONS_NOT_REQUESTED (INT32_MIN, the schema
 *   default), never 0: 0 means "asked, and nothing is allowed".
 *
 * The authorizer (issue 14) decides per operation; `authorizedOperations` is where its answers become a bitfield.
 */

/** Kafka's AclOperation codes, as sent in CreateAcls, DescribeAcls and the authorized operations bitfields. */
export const AclOperation = {
  UNKNOWN: 0,
  ANY: 1,
  ALL: 2,
  READ: 3,
  WRITE: 4,
  CREATE: 5,
  DELETE: 6,
  ALTER: 7,
  DESCRIBE: 8,
  CLUSTER_ACTION: 9,
  DESCRIBE_CONFIGS: 10,
  ALTER_CONFIGS: 11,
  IDEMPOTENT_WRITE: 12,
  CREATE_TOKENS: 13,
  DESCRIBE_TOKENS: 14,
} as const;
export type AclOperationCode = (typeof AclOperation)[keyof typeof AclOperation];

/** Kafka's ResourceType codes for the concrete resource types. */
export const ResourceType = {
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
  USER: 7,
} as const;
export type ResourceTypeCode = (typeof ResourceType)[keyof typeof ResourceType];

/** Kafka's single cluster resource name (Resource.CLUSTER_NAME). */
export const CLUSTER_NAME = 'kafka-cluster';

/** The authorized operations value when the request did not ask for them (INT32_MIN). */
export const OPERATIONS_NOT_REQUESTED = -2147483648;

const { READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS } =
  AclOperation;

/** Kafka 3.9's AclEntry.supportedOperations. */
const SUPPORTED_OPERATIONS: Readonly<Record<ResourceTypeCode, readonly AclOperationCode[]>> = {
  [ResourceType.TOPIC]: [READ, WRITE, CREATE, DESCRIBE, DELETE, ALTER, DESCRIBE_CONFIGS, ALTER_CONFIGS],
  [ResourceType.GROUP]: [READ, DESCRIBE, DELETE],
  [ResourceType.CLUSTER]: [
    CREATE,
    CLUSTER_ACTION,
    DESCRIBE_CONFIGS,
    ALTER_CONFIGS,
    AclOperation.IDEMPOTENT_WRITE,
    ALTER,
    DESCRIBE,
  ],
  [ResourceType.TRANSACTIONAL_ID]: [DESCRIBE, WRITE],
  [ResourceType.DELEGATION_TOKEN]: [DESCRIBE],
  [ResourceType.USER]: [AclOperation.CREATE_TOKENS, AclOperation.DESCRIBE_TOKENS],
};

export function supportedOperations(resourceType: ResourceTypeCode): readonly AclOperationCode[] {
  return SUPPORTED_OPERATIONS[resourceType];
}

/** Kafka's Utils.to32BitField: bit `1 << code` for each operation. */
export function operationsBitfield(operations: Iterable<AclOperationCode>): number {
  let bits = 0;
  for (const operation of operations) bits |= 1 << operation;
  return bits;
}

/** Decodes a bitfield back into operation codes (Utils.from32BitField), lowest code first. */
export function operationsOf(bitfield: number): AclOperationCode[] {
  const operations: AclOperationCode[] = [];
  for (const code of Object.values(AclOperation)) {
    if (bitfield !== OPERATIONS_NOT_REQUESTED && (bitfield & (1 << code)) !== 0) operations.push(code);
  }
  return operations;
}

/**
 * Decides whether one operation on one resource is allowed. Absent (no authorizer configured), everything is
 * allowed, as in Kafka without `authorizer.class.name`.
 */
export type Authorize = (
  operation: AclOperationCode,
  resourceType: ResourceTypeCode,
  name: string,
) => boolean;

/**
 * The authorized operations bitfield for a resource (Kafka's AuthHelper.authorizedOperations): each supported
 * operation the authorizer allows, or all of them without an authorizer.
 */
export function authorizedOperations(
  resourceType: ResourceTypeCode,
  name: string,
  authorize?: Authorize,
): number {
  const supported = supportedOperations(resourceType);
  return operationsBitfield(
    authorize ? supported.filter((operation) => authorize(operation, resourceType, name)) : supported,
  );
}
