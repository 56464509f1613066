/**
 * ACLs: list (filtered by principal, or by the resource they apply to), create, delete, and the "who can do
 * what" check, which answers whether a principal may perform an operation on a resource and which rule decides:
 * a super user, one ACL, ACLs that apply but none matches, or no ACL at all (allow.everyone.if.no.acl.found).
 * The check is Kafka's StandardAuthorizer logic itself (explainAuthorization), run on the cluster's own ACLs and
 * settings. Everyone signed in reads and checks; operators change; each change is audited.
 *
 * A cluster without an authorizer answers the ACL APIs with SECURITY_DISABLED; the list and the check say so
 * (`authorizer: false`) rather than fail, since it is how the cluster is set up, not an error.
 */
import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import {
  AclOperation,
  AclPermissionType,
  PatternType,
  ResourceType,
  ResourceTypeFilter,
  explainAuthorization,
  nameOf,
  type AuthorizationRule,
} from '@sluice/broker';
import { KafkaError, type AclBindingCodes, type AclFilterCodes } from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';
import { aclBindingInput, aclCheckInput, aclListInput, type AclBindingInput } from '@sluice/validators';
import { recordAudit } from '../audit.ts';
import { kafkaCall } from '../kafka-errors.ts';
import { clusterOperatorProcedure, clusterProcedure } from '../trpc.ts';

/** An ACL in Kafka's names, as the console shows it ("TOPIC", "PREFIXED", "WRITE", "ALLOW"). */
export interface AclView {
  resourceType: string;
  resourceName: string;
  patternType: string;
  principal: string;
  host: string;
  operation: string;
  permissionType: string;
}

/** What decided a check, with the deciding ACL in Kafka's names. */
export type AuthorizationRuleView =
  { kind: 'no-authorizer' } | Exclude<AuthorizationRule, { kind: 'acl' }> | { kind: 'acl'; acl: AclView };

const code = (codes: Record<string, number>, name: string) => codes[name]!;

function codesOf(binding: AclBindingInput): AclBindingCodes {
  return {
    resourceType: code(ResourceType, binding.resourceType),
    resourceName: binding.resourceName,
    patternType: code(PatternType, binding.patternType),
    principal: binding.principal,
    host: binding.host,
    operation: code(AclOperation, binding.operation),
    permissionType: code(AclPermissionType, binding.permissionType),
  };
}

function viewOf(acl: AclBindingCodes): AclView {
  return {
    resourceType: nameOf(ResourceTypeFilter, acl.resourceType),
    resourceName: acl.resourceName,
    patternType: nameOf(PatternType, acl.patternType),
    principal: acl.principal,
    host: acl.host,
    operation: nameOf(AclOperation, acl.operation),
    permissionType: nameOf(AclPermissionType, acl.permissionType),
  };
}

/** "ALLOW User:alice WRITE on TOPIC PREFIXED orders- from *": the audit target and the messages. */
export function describeAcl(acl: AclView | AclBindingInput): string {
  return `${acl.permissionType} ${acl.principal} ${acl.operation} on ${acl.resourceType} ${acl.patternType} ${acl.resourceName} from ${acl.host}`;
}

const byResourceThenPrincipal = (a: AclView, b: AclView) =>
  a.resourceType.localeCompare(b.resourceType) ||
  a.resourceName.localeCompare(b.resourceName) ||
  a.patternType.localeCompare(b.patternType) ||
  a.principal.localeCompare(b.principal) ||
  a.operation.localeCompare(b.operation) ||
  a.permissionType.localeCompare(b.permissionType) ||
  a.host.localeCompare(b.host);

const isSecurityDisabled = (error: unknown) =>
  error instanceof KafkaError && error.errorCode === ErrorCode.SECURITY_DISABLED;

export const aclsRouter = {
  /**
   * The ACLs naming the principal (exactly) and applying to the resource (Kafka's MATCH: its LITERAL ACLs, the
   * "*" ACLs of its type and the PREFIXED ones that start its name); all of them without a filter.
   */
  list: clusterProcedure.input(aclListInput).query(async ({ ctx, input }) => {
    const ANY = 1;
    const filter: AclFilterCodes = {
      resourceType: input.resourceType ? code(ResourceType, input.resourceType) : ANY,
      resourceName: input.resourceName ?? null,
      patternType: input.resourceName === undefined ? ANY : PatternType.MATCH,
      principal: input.principal ?? null,
      host: null,
      operation: ANY,
      permissionType: ANY,
    };
    const acls = await kafkaCall(async () => {
      try {
        return await ctx.cluster.security.acls(filter);
      } catch (error) {
        if (isSecurityDisabled(error)) return null;
        throw error;
      }
    });
    if (acls === null) return { authorizer: false as const, acls: [] };
    return { authorizer: true as const, acls: acls.map(viewOf).sort(byResourceThenPrincipal) };
  }),

  create: clusterOperatorProcedure.input(aclBindingInput).mutation(async ({ ctx, input }) => {
    await kafkaCall(() => ctx.cluster.security.createAcl(codesOf(input)));
    await recordAudit(ctx.db, ctx.user.username, 'acl.create', describeAcl(input), { ...input });
    return { acl: input };
  }),

  /** Deletes exactly this ACL; NOT_FOUND when there is no such ACL. */
  delete: clusterOperatorProcedure.input(aclBindingInput).mutation(async ({ ctx, input }) => {
    const deleted = await kafkaCall(() => ctx.cluster.security.deleteAcl(codesOf(input)));
    if (deleted.length === 0)
      throw new TRPCError({ code: 'NOT_FOUND', message: `no ACL ${describeAcl(input)}` });
    await recordAudit(ctx.db, ctx.user.username, 'acl.delete', describeAcl(input), { ...input });
    return { acl: input };
  }),

  /** May the principal, connecting from the host, perform the operation on the resource, and why? */
  check: clusterProcedure.input(aclCheckInput).query(async ({ ctx, input }) => {
    const authorization = await kafkaCall(() => ctx.cluster.security.authorization());
    if (!authorization) {
      const rule: AuthorizationRuleView = { kind: 'no-authorizer' };
      return { authorizer: false as const, allowed: true, rule, allowEveryoneIfNoAclFound: null };
    }
    const decision = explainAuthorization(
      authorization.acls,
      {
        principal: input.principal,
        host: input.host,
        operation: code(AclOperation, input.operation),
        resourceType: code(ResourceType, input.resourceType),
        resourceName: input.resourceName,
      },
      authorization.options,
    );
    const rule: AuthorizationRuleView =
      decision.rule.kind === 'acl' ? { kind: 'acl', acl: viewOf(decision.rule.acl) } : decision.rule;
    return {
      authorizer: true as const,
      allowed: decision.allowed,
      rule,
      allowEveryoneIfNoAclFound: authorization.options.allowEveryoneIfNoAclFound,
    };
  }),
} satisfies TRPCRouterRecord;
