/**
 * The security part of PrincipalClusterSource: what a console user with a Kafka principal may read and change
 * of the cluster's SCRAM credentials, quotas and ACLs, decided first by the cluster's authorizer for that
 * principal with the operations Kafka 3.9's handlers require (KafkaApis), all on the cluster resource and
 * refused with CLUSTER_AUTHORIZATION_FAILED:
 * - DescribeUserScramCredentials DESCRIBE, AlterUserScramCredentials ALTER;
 * - DescribeClientQuotas DESCRIBE_CONFIGS, AlterClientQuotas ALTER_CONFIGS; the observed rates (broker
 *   metrics, behind no API) are shown to whoever may describe the quotas they are measured against;
 * - DescribeAcls DESCRIBE, CreateAcls and DeleteAcls ALTER; the "who can do what" check reads the ACLs and the
 *   brokers' authorizer settings, so it needs DESCRIBE and DESCRIBE_CONFIGS.
 * The calls themselves then run as the console, like every call of a PrincipalClusterSource.
 */
import type { AclBindingCodes, AclFilterCodes, ScramCredentialUpsertion } from '@sluice/client';
import type { ScramMechanismName } from '@sluice/protocol';
import type { AclOperationName } from './cluster-source.ts';
import type { ClusterSecurity } from './cluster-security.ts';

/** Kafka's name of the single cluster resource. */
const CLUSTER_NAME = 'kafka-cluster';

export class PrincipalClusterSecurity implements ClusterSecurity {
  constructor(
    private readonly security: ClusterSecurity,
    /** Refuses with Kafka's error unless the principal may perform the operation on the resource. */
    private readonly require: (
      operation: AclOperationName,
      resourceType: 'CLUSTER',
      name: string,
    ) => Promise<void>,
  ) {}

  private onCluster(...operations: AclOperationName[]): Promise<void[]> {
    return Promise.all(operations.map((operation) => this.require(operation, 'CLUSTER', CLUSTER_NAME)));
  }

  async scramUsers() {
    await this.onCluster('DESCRIBE');
    return this.security.scramUsers();
  }

  async upsertScramCredential(upsertion: ScramCredentialUpsertion) {
    await this.onCluster('ALTER');
    return this.security.upsertScramCredential(upsertion);
  }

  async deleteScramCredential(user: string, mechanism: ScramMechanismName) {
    await this.onCluster('ALTER');
    return this.security.deleteScramCredential(user, mechanism);
  }

  async quotas() {
    await this.onCluster('DESCRIBE_CONFIGS');
    return this.security.quotas();
  }

  async alterQuotas(entity: Record<string, string | null>, changes: Map<string, number | null>) {
    await this.onCluster('ALTER_CONFIGS');
    return this.security.alterQuotas(entity, changes);
  }

  async quotaUsage() {
    await this.onCluster('DESCRIBE_CONFIGS');
    return this.security.quotaUsage();
  }

  async acls(filter: AclFilterCodes) {
    await this.onCluster('DESCRIBE');
    return this.security.acls(filter);
  }

  async createAcl(binding: AclBindingCodes) {
    await this.onCluster('ALTER');
    return this.security.createAcl(binding);
  }

  async deleteAcl(binding: AclBindingCodes) {
    await this.onCluster('ALTER');
    return this.security.deleteAcl(binding);
  }

  async authorization() {
    await this.onCluster('DESCRIBE', 'DESCRIBE_CONFIGS');
    return this.security.authorization();
  }
}
