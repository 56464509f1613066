/**
 * The cluster's authorizer as the console asks it on behalf of a console user's Kafka principal, with the
 * broker's own decision logic (StandardAuthorizer's rules, AclIndex from @sluice/broker):
 * - embedded: the broker's StandardAuthorizer itself, over the ACLs it enforces;
 * - remote: the cluster's ACLs read with DescribeAcls and its `super.users` and
 *   `allow.everyone.if.no.acl.found` with DescribeConfigs on a broker, kept for ACL_CACHE_MS so a page's many
 *   checks cost one read; a change of ACLs on the cluster reaches the console within that time.
 * The host of every decision is the address the cluster sees the console's connections come from.
 * Invariant: a cluster whose ACLs cannot be read refuses every check (the caller gets the error), never allows.
 */
import { AclIndex, AclOperation, ResourceType, type StandardAuthorizer } from '@sluice/broker';
import { KafkaError, type ClusterClient } from '@sluice/client';
import type { AclCheck, ClusterAuthorizer } from './cluster-source.ts';
import { readAuthorization } from './wire-security.ts';

export const ACL_CACHE_MS = 5_000;

function request(check: AclCheck, host: string) {
  return {
    principal: check.principal,
    host,
    operation: AclOperation[check.operation],
    resourceType: ResourceType[check.resourceType],
    resourceName: check.resourceName,
  };
}

/** The embedded broker's own authorizer. */
export function embeddedAuthorizer(authorizer: StandardAuthorizer, host: string): ClusterAuthorizer {
  return { allows: (check) => authorizer.explain(request(check, host)).allowed };
}

/** A remote cluster's authorizer, rebuilt from its ACLs and settings at most every ACL_CACHE_MS. */
export class RemoteAuthorizer {
  private cached: { at: number; authorizer: Promise<ClusterAuthorizer | null> } | null = null;

  constructor(
    private readonly client: ClusterClient,
    private readonly maxAgeMs = ACL_CACHE_MS,
  ) {}

  current(): Promise<ClusterAuthorizer | null> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.maxAgeMs) {
      const authorizer = this.load();
      const entry = { at: now, authorizer };
      this.cached = entry;
      // A failed read is not kept: the next check reads again.
      authorizer.catch(() => {
        if (this.cached === entry) this.cached = null;
      });
    }
    return this.cached.authorizer;
  }

  /**
   * A refusal names the console's own principal as the one lacking permission, not the console user's, whose
   * request was never decided.
   */
  private async load(): Promise<ClusterAuthorizer | null> {
    try {
      return await this.read();
    } catch (error) {
      if (!(error instanceof KafkaError)) throw error;
      throw new Error(
        `the console cannot read the cluster's ACLs to decide for users with a Kafka principal (${error.message}): ` +
          "its own principal needs DESCRIBE on the cluster (DescribeAcls) and DESCRIBE_CONFIGS (the brokers' " +
          'super.users and allow.everyone.if.no.acl.found)',
        { cause: error },
      );
    }
  }

  private async read(): Promise<ClusterAuthorizer | null> {
    const authorization = await readAuthorization(this.client);
    // Kafka answers the ACL APIs with SECURITY_DISABLED when no authorizer is configured: every request is allowed.
    if (!authorization) return null;
    const index = new AclIndex(authorization.acls);
    const host = (await this.client.any()).localAddress;
    return { allows: (check) => index.explain(request(check, host), authorization.options).allowed };
  }
}
