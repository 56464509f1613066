/**
 * Kafka's rules for changing broker configs at runtime (DynamicBrokerConfig.validateConfigs and ConfigAdminManager),
 * with Kafka's messages. A change is checked in Kafka's order: names that are read-only, SSL store settings given
 * without a listener prefix, values of the wrong type or range, then per-broker names sent to the cluster-wide
 * default (resource name ""). Names Kafka does not define are custom configs: Kafka stores them for plugins, and
 * so does Sluice. Every refusal is a ConfigError; AlterConfigs answers it as INVALID_REQUEST, as Kafka does.
 */
import { BROKER_CONFIGS } from './broker-configs.ts';
import { ConfigError, parseConfigValue, type ConfigDef } from './config-def.ts';

/** SslConfigs.RECONFIGURABLE_CONFIGS: dynamic only per listener (listener.name.<name>.<config>). */
const LISTENER_ONLY_SECURITY_CONFIGS: ReadonlySet<string> = new Set([
  'ssl.keystore.type',
  'ssl.keystore.location',
  'ssl.keystore.password',
  'ssl.key.password',
  'ssl.truststore.type',
  'ssl.truststore.location',
  'ssl.truststore.password',
  'ssl.keystore.certificate.chain',
  'ssl.keystore.key',
  'ssl.truststore.certificates',
]);

/** Listener configs that stay cluster-wide even under a listener prefix (ClusterLevelListenerConfigs). */
const CLUSTER_LEVEL_LISTENER_CONFIGS: ReadonlySet<string> = new Set([
  'max.connections',
  'max.connection.creation.rate',
  'num.network.threads',
]);

const LISTENER_CONFIG = /^listener\.name\.[^.]*\.(.*)$/;

/** ListenerMechanismConfigs: set as listener.name.<listener>.<mechanism>.<config>. */
const LISTENER_MECHANISM_CONFIGS = [
  'sasl.jaas.config',
  'sasl.login.callback.handler.class',
  'sasl.login.class',
  'sasl.server.callback.handler.class',
  'connections.max.reauth.ms',
];

function listenerMechanismConfig(base: string): string | undefined {
  return LISTENER_MECHANISM_CONFIGS.find((config) => base.endsWith(config));
}

/** The definition a name is typed by: its own, or for listener.name.<listener>.<config>, the base config's. */
export function brokerConfigDef(name: string): ConfigDef | undefined {
  const own = BROKER_CONFIGS.get(name);
  if (own) return own;
  const base = LISTENER_CONFIG.exec(name)?.[1];
  if (base === undefined) return undefined;
  return BROKER_CONFIGS.get(base) ?? BROKER_CONFIGS.get(listenerMechanismConfig(base) ?? '');
}

/** Scala's Set(...) rendering, which Kafka's messages carry. */
function scalaSet(names: readonly string[]): string {
  return `Set(${names.join(', ')})`;
}

function isPerBrokerName(name: string): boolean {
  const base = LISTENER_CONFIG.exec(name)?.[1];
  if (base !== undefined) return !CLUSTER_LEVEL_LISTENER_CONFIGS.has(base);
  return BROKER_CONFIGS.get(name)?.updateMode === 'per-broker';
}

/**
 * Checks the complete set of dynamic values a broker resource would hold; `perBroker` is true for the resource
 * named by this broker's id, false for the cluster-wide default.
 */
export function validateDynamicBrokerConfigs(values: ReadonlyMap<string, string>, perBroker: boolean): void {
  const names = [...values.keys()];
  const readOnly = names.filter((name) => BROKER_CONFIGS.get(name)?.updateMode === 'read-only');
  if (readOnly.length > 0) {
    throw new ConfigError(`Cannot update these configs dynamically: ${scalaSet(readOnly)}`);
  }
  const unprefixed = names.filter((name) => LISTENER_ONLY_SECURITY_CONFIGS.has(name));
  if (unprefixed.length > 0) {
    throw new ConfigError(
      `These security configs can be dynamically updated only per-listener using the listener prefix: ${scalaSet(unprefixed)}`,
    );
  }
  for (const [name, value] of values) {
    const def = brokerConfigDef(name);
    if (def) parseConfigValue({ ...def, name }, value);
  }
  if (!perBroker) {
    const perBrokerNames = names.filter(isPerBrokerName);
    if (perBrokerNames.length > 0) {
      throw new ConfigError(
        `Cannot update these configs at default cluster level, broker id must be specified: ${scalaSet(perBrokerNames)}`,
      );
    }
  }
}

/** DynamicBrokerConfig.brokerConfigSynonyms: the names that set the same broker value, highest precedence first. */
export function brokerConfigSynonyms(name: string): string[] {
  switch (name) {
    case 'log.roll.ms':
    case 'log.roll.hours':
      return ['log.roll.ms', 'log.roll.hours'];
    case 'log.roll.jitter.ms':
    case 'log.roll.jitter.hours':
      return ['log.roll.jitter.ms', 'log.roll.jitter.hours'];
    case 'log.flush.interval.ms':
      return ['log.flush.interval.ms', 'log.flush.scheduler.interval.ms'];
    case 'log.retention.ms':
    case 'log.retention.minutes':
    case 'log.retention.hours':
      return ['log.retention.ms', 'log.retention.minutes', 'log.retention.hours'];
    default: {
      const base = LISTENER_CONFIG.exec(name)?.[1];
      return base === undefined ? [name] : [name, listenerMechanismConfig(base) ?? base];
    }
  }
}
