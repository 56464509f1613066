/**
 * ACLs as the ACLs page, the API and the CLI check them before the broker does, in Kafka's names (ResourceType,
 * PatternType, AclOperation, AclPermissionType): the operations each resource type supports (Kafka's
 * AclEntry.supportedOperations, plus ALL), a principal of the form User:<name>, a host that is "*" or an IP
 * address, and the one name the cluster resource has.
 */
import { z } from 'zod';

export const ACL_RESOURCE_TYPES = [
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
] as const;
export type AclResourceType = (typeof ACL_RESOURCE_TYPES)[number];

export const ACL_PATTERN_TYPES = ['LITERAL', 'PREFIXED'] as const;
export type AclPatternType = (typeof ACL_PATTERN_TYPES)[number];

export const ACL_PERMISSION_TYPES = ['ALLOW', 'DENY'] as const;
export type AclPermissionType = (typeof ACL_PERMISSION_TYPES)[number];

export const ACL_OPERATIONS = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];

/** Kafka 3.9's AclEntry.supportedOperations, by resource type; an ACL may also name ALL. */
export const SUPPORTED_ACL_OPERATIONS: Readonly<Record<AclResourceType, readonly AclOperation[]>> = {
  TOPIC: ['READ', 'WRITE', 'CREATE', 'DESCRIBE', 'DELETE', 'ALTER', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['READ', 'DESCRIBE', 'DELETE'],
  CLUSTER: [
    'CREATE',
    'CLUSTER_ACTION',
    'DESCRIBE_CONFIGS',
    'ALTER_CONFIGS',
    'IDEMPOTENT_WRITE',
    'ALTER',
    'DESCRIBE',
  ],
  TRANSACTIONAL_ID: ['DESCRIBE', 'WRITE'],
  DELEGATION_TOKEN: ['DESCRIBE'],
};

/** Kafka's Resource.CLUSTER_NAME: the cluster resource's only name. */
export const ACL_CLUSTER_NAME = 'kafka-cluster';

const MAX_NAME = 255;

export const aclResourceType = z.enum(ACL_RESOURCE_TYPES, {
  error: `the resource type is one of ${ACL_RESOURCE_TYPES.join(', ')}`,
});
export const aclPatternType = z.enum(ACL_PATTERN_TYPES, { error: 'the pattern is LITERAL or PREFIXED' });
export const aclPermissionType = z.enum(ACL_PERMISSION_TYPES, { error: 'the permission is ALLOW or DENY' });
export const aclOperation = z.enum(ACL_OPERATIONS, {
  error: `the operation is one of ${ACL_OPERATIONS.join(', ')}`,
});

const noControlCharacters = (text: string) =>
  // eslint-disable-next-line no-control-regex
  !/[\u0000-\u001f\u007f]/.test(text);

/** "User:alice", or "User:*" for every principal; the StandardAuthorizer matches User principals. */
export const aclPrincipal = z
  .string()
  .max(MAX_NAME + 5, `a principal is at most ${MAX_NAME + 5} characters`)
  .refine(
    (principal) => /^User:.+$/s.test(principal),
    'a principal is User:<name>, e.g. User:alice, or User:* for every user',
  )
  .refine(noControlCharacters, 'a principal cannot contain control characters');

const isIpAddress = (host: string) => z.ipv4().safeParse(host).success || z.ipv6().safeParse(host).success;

/** Where the client connects from: "*" (any host) or one IP address, as the broker sees it. */
export const aclHost = z
  .string()
  .refine((host) => host === '*' || isIpAddress(host), 'a host is * (any host) or an IP address');

export const aclResourceName = z
  .string()
  .min(1, 'a resource name cannot be empty')
  .max(MAX_NAME, `a resource name is at most ${MAX_NAME} characters`)
  .refine(noControlCharacters, 'a resource name cannot contain control characters');

/** An operation the resource type supports (or ALL); the cluster resource under its one LITERAL name. */
function checkResource(
  acl: {
    resourceType: AclResourceType;
    patternType?: AclPatternType;
    resourceName: string;
    operation: AclOperation;
  },
  ctx: z.RefinementCtx,
  allowAll: boolean,
): void {
  const supported = SUPPORTED_ACL_OPERATIONS[acl.resourceType];
  if (!(supported as readonly string[]).includes(acl.operation) && !(allowAll && acl.operation === 'ALL'))
    ctx.addIssue({
      code: 'custom',
      path: ['operation'],
      message: `${acl.resourceType} supports ${[...(allowAll ? ['ALL'] : []), ...supported].join(', ')}, not ${acl.operation}`,
    });
  if (
    acl.resourceType === 'CLUSTER' &&
    acl.patternType !== 'PREFIXED' &&
    acl.resourceName !== ACL_CLUSTER_NAME
  )
    ctx.addIssue({
      code: 'custom',
      path: ['resourceName'],
      message: `the cluster resource is named ${ACL_CLUSTER_NAME}`,
    });
}

/** One ACL, to create, or (every field given) to delete exactly. */
export const aclBindingInput = z
  .object({
    resourceType: aclResourceType,
    patternType: aclPatternType,
    resourceName: aclResourceName,
    principal: aclPrincipal,
    host: aclHost,
    operation: aclOperation,
    permissionType: aclPermissionType,
  })
  .superRefine((acl, ctx) => checkResource(acl, ctx, true));

export type AclBindingInput = z.infer<typeof aclBindingInput>;

/**
 * Which ACLs to list: those naming the principal exactly, and those that apply to the resource (Kafka's MATCH:
 * its LITERAL ACLs, the "*" ACLs of its type and the PREFIXED ACLs that start its name). Absent: any.
 */
export const aclListInput = z.object({
  principal: aclPrincipal.optional(),
  resourceType: aclResourceType.optional(),
  resourceName: aclResourceName.optional(),
});

export type AclListInput = z.infer<typeof aclListInput>;

/** "Who can do what": may the principal, from the host, perform the operation on the resource? */
export const aclCheckInput = z
  .object({
    principal: aclPrincipal.refine((p) => p !== 'User:*', 'ask about one principal, not User:*'),
    host: aclHost.refine((host) => host !== '*', 'a request comes from one host: give its IP address'),
    resourceType: aclResourceType,
    resourceName: aclResourceName,
    operation: aclOperation,
  })
  .superRefine((check, ctx) => checkResource(check, ctx, false));

export type AclCheckInput = z.infer<typeof aclCheckInput>;
