/**
 * The security of any Kafka-compatible cluster over the wire protocol: DescribeUserScramCredentials and
 * AlterUserScramCredentials, DescribeClientQuotas and AlterClientQuotas. A remote cluster's brokers keep their
 * observed quota rates to themselves (metrics only), so this source has none to give.
 */
import {
  alterClientQuotas,
  deleteUserScramCredential,
  describeClientQuotas,
  describeUserScramCredentials,
  upsertUserScramCredential,
  type ClusterClient,
  type ScramCredentialUpsertion,
  type UserScramCredentials,
} from '@sluice/client';
import type { ScramMechanismName } from '@sluice/protocol';
import type { ClusterSecurity, QuotaEntry, QuotaUsage } from './cluster-security.ts';

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

  quotaUsage(): QuotaUsage | null {
    return null;
  }
}
