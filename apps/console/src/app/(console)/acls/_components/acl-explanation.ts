/**
 * The "who can do what" answer in words: allowed or denied, and what decided it, in the order Kafka's
 * StandardAuthorizer decides (super.users, then a matching DENY, then a matching ALLOW, then
 * allow.everyone.if.no.acl.found when no ACL applies to the resource at all).
 */
import type { RouterInputs, RouterOutputs } from '~/trpc/outputs';

type Check = RouterOutputs['acls']['check'];
type Request = RouterInputs['acls']['check'];

export function aclText(acl: {
  permissionType: string;
  principal: string;
  operation: string;
  resourceType: string;
  patternType: string;
  resourceName: string;
  host: string;
}): string {
  return `${acl.permissionType} ${acl.principal} ${acl.operation} on ${acl.resourceType} ${acl.patternType} ${acl.resourceName} from ${acl.host}`;
}

export function explainCheck(request: Request, check: Check): { verdict: string; reason: string } {
  const verdict = check.allowed ? 'Allowed' : 'Denied';
  const resource = `${request.resourceType} ${request.resourceName}`;
  switch (check.rule.kind) {
    case 'no-authorizer':
      return {
        verdict,
        reason: 'The cluster has no authorizer (authorizer.class.name is not set): every request is allowed.',
      };
    case 'super-user':
      return {
        verdict,
        reason: `${request.principal} is a super user (super.users): every operation is allowed, whatever the ACLs say.`,
      };
    case 'acl':
      return {
        verdict,
        reason:
          check.rule.acl.permissionType === 'DENY'
            ? `Decided by the ACL ${aclText(check.rule.acl)}: a matching DENY wins over any ALLOW.`
            : `Decided by the ACL ${aclText(check.rule.acl)}, and no DENY matches.`,
      };
    case 'no-matching-acl':
      return {
        verdict,
        reason: `ACLs apply to ${resource}, but none allows ${request.principal} ${request.operation} from ${request.host}: denied by default.`,
      };
    case 'no-acl-found':
      return {
        verdict,
        reason: `No ACL applies to ${resource}, and allow.everyone.if.no.acl.found is ${check.allowEveryoneIfNoAclFound ? 'true: everyone is allowed' : 'false: only super users are allowed'}.`,
      };
  }
}
