/**
 * What the console's security pages read and change in a Kafka cluster: SCRAM credentials, client quotas (with
 * what is observed of the clients they hold, where the source can see it) and ACLs. Every ClusterSource has one
 * (`source.security`); both the embedded and the remote source go through Kafka's own APIs for reads and
 * changes, so the broker validates and answers with Kafka's errors (thrown as KafkaError).
 *
 * Secrets stay on this side: a password given to upsertScramCredential is salted and hashed here (PBKDF2, as
 * Kafka's Admin client does) and only the salt and salted password are sent; nothing returned here holds a
 * salt, a key or a password.
 */
import type { AuthorizerOptions, StandardAcl } from '@sluice/broker';
import type {
  AclBindingCodes,
  AclFilterCodes,
  ScramCredentialUpsertion,
  UserScramCredentials,
} from '@sluice/client';
import type { ScramMechanismName } from '@sluice/protocol';

/** A configured quota entity: type ("user", "client-id", "ip") to name, null naming the type's `<default>`. */
export interface QuotaEntry {
  entity: Record<string, string | null>;
  /** Quota key (producer_byte_rate, ...) to value. */
  quotas: Record<string, number>;
}

/** What a broker measured of the clients one quota holds, over its quota window. */
export interface ObservedThroughput {
  /** Bytes a second of Produce requests, summed over the clients measured. */
  produceByteRate: number;
  /** Bytes a second of consumer Fetch responses, summed over the clients measured. */
  fetchByteRate: number;
  /** The longest of the clients' mean throttle times (Kafka's throttle-time metric) for each, in ms. */
  produceThrottleTimeMs: number;
  fetchThrottleTimeMs: number;
  /**
   * How many clients were measured: metric-tag pairs (user, client-id), so one for a user quota however many
   * connections the user has, one per user for a `<default>` user quota.
   */
  clients: number;
}

/** A measured client no quota applies to, by its metric tags ('' where the quotas in force do not name it). */
export interface UnlimitedClient extends ObservedThroughput {
  user: string;
  clientId: string;
}

export interface QuotaUsage {
  /** By quotaEntityKey of each configured entity that has clients measured. */
  entities: Record<string, ObservedThroughput>;
  unlimited: UnlimitedClient[];
}

/** What an authorizer decides with: its ACLs and its settings (super.users, allow.everyone.if.no.acl.found). */
export interface AuthorizationContext {
  acls: StandardAcl[];
  options: AuthorizerOptions;
}

export interface ClusterSecurity {
  /** Every user with SCRAM credentials: mechanisms and iteration counts (never salts or keys), by name. */
  scramUsers(): Promise<UserScramCredentials[]>;
  /** Adds or replaces one credential; the password is salted here and sent only as a salted password. */
  upsertScramCredential(upsertion: ScramCredentialUpsertion): Promise<void>;
  deleteScramCredential(user: string, mechanism: ScramMechanismName): Promise<void>;
  /** Every entity with client quotas (DescribeClientQuotas with no filter). */
  quotas(): Promise<QuotaEntry[]>;
  /** Sets (a number) or removes (null) quota keys of one entity (AlterClientQuotas). */
  alterQuotas(entity: Record<string, string | null>, changes: Map<string, number | null>): Promise<void>;
  /**
   * What this broker measured of each quota's clients; null when the source cannot see it: Kafka exposes the
   * rates only as broker metrics (JMX), through no API a client can call.
   */
  quotaUsage(): Promise<QuotaUsage | null>;
  /** The ACLs the filter matches (DescribeAcls); SECURITY_DISABLED when the cluster has no authorizer. */
  acls(filter: AclFilterCodes): Promise<AclBindingCodes[]>;
  /** CreateAcls for one binding. */
  createAcl(binding: AclBindingCodes): Promise<void>;
  /** DeleteAcls with a filter that matches only this binding; resolves with what was deleted (none or it). */
  deleteAcl(binding: AclBindingCodes): Promise<AclBindingCodes[]>;
  /**
   * What the cluster's authorizer decides with, for the console's "who can do what" check; null when it has
   * none (everything is allowed).
   */
  authorization(): Promise<AuthorizationContext | null>;
}
