/**
 * The security of any Kafka-compatible cluster over the wire protocol: DescribeUserScramCredentials and
 * AlterUserScramCredentials, DescribeClientQuotas and AlterClientQuotas, DescribeAcls, CreateAcls and
 * DeleteAcls, and the authorizer's settings by DescribeConfigs. A remote cluster's brokers keep their observed
 * quota rates to themselves (metrics only), so this source has none to give.
 */
import { parseSuperUsers, type StandardAcl } from '@sluice/broker';
import {
  ANY_ACL,
  KafkaError,
  alterClientQuotas,
  createAcls,
  deleteAcls,
  describeAcls,
  describeBrokerConfigs,
  deleteUserScramCredential,
  describeClientQuotas,
  describeUserScramCredentials,
  upsertUserScramCredential,
  type AclBindingCodes,
  type AclFilterCodes,
  type ClusterClient,
  type ScramCredentialUpsertion,
  type UserScramCredentials,
} from '@sluice/client';
import { ErrorCode, type ScramMechanismName } from '@sluice/protocol';
import type { AuthorizationContext, ClusterSecurity, QuotaEntry, QuotaUsage } from './cluster-security.ts';

const AUTHORIZER_CONFIGS = ['super.users', 'allow.everyone.if.no.acl.found'];

export class WireClusterSecurity implements ClusterSecurity {
  constructor(protected readonly client: ClusterClient) {}

  async scramUsers(): Promise<UserScramCredentials[]> {
    return (await describeUserScramCredentials(this.client)).sort((a, b) =>
      a.user < b.user ? -1 : a.user > b.user ? 1 : 0,
    );
  }

  upsertScramCredential(upsertion: ScramCredentialUpsertion): Promise<void> {
    return upsertUserScramCredential(this.client, upsertion);
  }

  deleteScramCredential(user: string, mechanism: ScramMechanismName): Promise<void> {
    return deleteUserScramCredential(this.client, user, mechanism);
  }

  async quotas(): Promise<QuotaEntry[]> {
    return (await describeClientQuotas(this.client, [])).map(({ entity, quotas }) => ({
      entity,
      quotas: Object.fromEntries(quotas),
    }));
  }

  alterQuotas(entity: Record<string, string | null>, changes: Map<string, number | null>): Promise<void> {
    return alterClientQuotas(this.client, [{ entity, changes }]);
  }

  async quotaUsage(): Promise<QuotaUsage | null> {
    return null;
  }

  acls(filter: AclFilterCodes): Promise<AclBindingCodes[]> {
    return describeAcls(this.client, filter);
  }

  createAcl(binding: AclBindingCodes): Promise<void> {
    return createAcls(this.client, [binding]);
  }

  deleteAcl(binding: AclBindingCodes): Promise<AclBindingCodes[]> {
    return deleteAcls(this.client, [binding]);
  }

  authorization(): Promise<AuthorizationContext | null> {
    return readAuthorization(this.client);
  }
}

/**
 * A cluster's authorizer as a client can read it: every ACL (DescribeAcls), and super.users and
 * allow.everyone.if.no.acl.found from the lowest-numbered broker's DescribeConfigs (they are per-broker settings,
 * which a well-run cluster sets alike on every broker; one the broker does not report is unset, as Kafka reports
 * super.users only when set). Null when the cluster has no authorizer (SECURITY_DISABLED).
 */
export async function readAuthorization(client: ClusterClient): Promise<AuthorizationContext | null> {
  let bindings: AclBindingCodes[];
  try {
    bindings = await describeAcls(client, ANY_ACL);
  } catch (error) {
    if (error instanceof KafkaError && error.errorCode === ErrorCode.SECURITY_DISABLED) return null;
    throw error;
  }
  const { brokers } = await client.metadata([]);
  const configs = await describeBrokerConfigs(
    client,
    Math.min(...brokers.map((b) => b.nodeId)),
    AUTHORIZER_CONFIGS,
  );
  const acls: StandardAcl[] = bindings.map((binding, i) => ({ id: `described-${i}`, ...binding }));
  return {
    acls,
    options: {
      superUsers: parseSuperUsers(configs.get('super.users') ?? null),
      allowEveryoneIfNoAclFound: configs.get('allow.everyone.if.no.acl.found') === 'true',
    },
  };
}
