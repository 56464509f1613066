/**
 * A connector's own client settings (KIP-458): `producer.override.*`, `consumer.override.*` and
 * `admin.override.*` in a connector's config override the worker's settings for that connector's clients, as far
 * as the worker's `connector.client.config.override.policy` allows (Kafka's policies by class name or alias):
 *
 * - All (the default since Kafka 3.0): any client setting;
 * - None: no client setting;
 * - Principal: only `security.protocol`, `sasl.jaas.config` and `sasl.mechanism`;
 * - Allowlist: only those in the worker's `connector.client.config.override.allowlist`.
 *
 * A create or update that overrides what the policy forbids is invalid, with Kafka's message on that setting.
 */
import { ConfigException } from '../errors.ts';
import type { ConfigInfo, ConfigInfos } from '../config/config-infos.ts';

export type ClientType = 'producer' | 'consumer' | 'admin';

export const CLIENT_OVERRIDE_PREFIX: Record<ClientType, string> = {
  producer: 'producer.override.',
  consumer: 'consumer.override.',
  admin: 'admin.override.',
};

export const OVERRIDE_POLICY_CONFIG = 'connector.client.config.override.policy';
export const OVERRIDE_ALLOWLIST_CONFIG = 'connector.client.config.override.allowlist';

const POLICY_PACKAGE = 'org.apache.kafka.connect.connector.policy.';
const POLICY_SUFFIX = 'ConnectorClientConfigOverridePolicy';
const POLICY_NAMES = ['All', 'None', 'Principal', 'Allowlist'] as const;
type PolicyName = (typeof POLICY_NAMES)[number];

/** The settings the Principal policy lets a connector set: who its clients authenticate as. */
const PRINCIPAL_SETTINGS = new Set(['security.protocol', 'sasl.jaas.config', 'sasl.mechanism']);

export interface ClientConfigOverridePolicy {
  readonly name: PolicyName;
  isAllowed(setting: string): boolean;
}

/** The policy a worker setting names: a class name, its simple name, or its alias (`All`, `None`, ...). */
export function overridePolicy(configured: string, allowlist: readonly string[]): ClientConfigOverridePolicy {
  const simple = configured.startsWith(POLICY_PACKAGE) ? configured.slice(POLICY_PACKAGE.length) : configured;
  const alias = simple.endsWith(POLICY_SUFFIX) ? simple.slice(0, -POLICY_SUFFIX.length) : simple;
  const name = POLICY_NAMES.find((candidate) => candidate === alias);
  if (name === undefined)
    throw new ConfigException(
      OVERRIDE_POLICY_CONFIG,
      configured,
      `Failed to find any class that implements ConnectorClientConfigOverridePolicy and which name matches ${configured}, available policies are: ${POLICY_NAMES.map((n) => `${POLICY_PACKAGE}${n}${POLICY_SUFFIX}`).join(', ')}`,
    );
  const allowed = new Set(allowlist);
  const isAllowed: Record<PolicyName, (setting: string) => boolean> = {
    All: () => true,
    None: () => false,
    Principal: (setting) => PRINCIPAL_SETTINGS.has(setting),
    Allowlist: (setting) => allowed.has(setting),
  };
  return { name, isAllowed: isAllowed[name] };
}

/** A connector's overrides for one of its clients, by the client's own setting names. */
export function clientOverrides(
  connectorProps: Readonly<Record<string, string>>,
  client: ClientType,
): Record<string, string> {
  const prefix = CLIENT_OVERRIDE_PREFIX[client];
  const overrides: Record<string, string> = {};
  for (const [key, value] of Object.entries(connectorProps))
    if (key.startsWith(prefix) && key.length > prefix.length) overrides[key.slice(prefix.length)] = value;
  return overrides;
}

/**
 * AbstractHerder.validateClientOverrides: an entry per override the connector sets for `client`, with the
 * policy's refusal as its error. The value carries the client's setting name, as Kafka reports it; there is no
 * definition, since the worker does not publish its clients' config definitions.
 */
export function validateClientOverrides(
  connectorProps: Readonly<Record<string, string>>,
  client: ClientType,
  policy: ClientConfigOverridePolicy,
): ConfigInfo[] {
  return Object.entries(clientOverrides(connectorProps, client)).map(([setting, value]) => ({
    definition: null,
    value: {
      name: setting,
      value,
      recommended_values: [],
      errors: policy.isAllowed(setting)
        ? []
        : [
            `The '${policy.name}' policy does not allow '${setting}' to be overridden in the connector configuration.`,
          ],
      visible: true,
    },
  }));
}

/** AbstractHerder.mergeConfigInfos: the connector's validation followed by its clients' overrides. */
export function withClientOverrides(infos: ConfigInfos, overrides: readonly ConfigInfo[]): ConfigInfos {
  const errors = overrides.reduce((count, info) => count + (info.value?.errors.length ?? 0), 0);
  return {
    ...infos,
    error_count: infos.error_count + errors,
    configs: [...infos.configs, ...overrides],
  };
}
