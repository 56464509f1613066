/**
 * Resolves effective configuration the way Kafka does, and explains where each value came from
 * (DescribeConfigs sources and synonyms).
 *
 * Broker level: dynamic per-broker value (resource "<node.id>") > dynamic cluster-wide default (resource "") >
 * static value given at start (`--config`) > default. Every Kafka 3.9 broker config name is accepted at start;
 * names Sluice does not act on are logged once. Dynamic changes follow Kafka's rules (broker-dynamic-rules.ts).
 * Topic level: the topic's own override > the first of its broker synonyms that is set > the topic default.
 */
import { BROKER_CONFIGS } from './broker-configs.ts';
import {
  brokerConfigDef,
  brokerConfigSynonyms,
  validateDynamicBrokerConfigs,
} from './broker-dynamic-rules.ts';
import {
  ConfigError,
  ConfigSource,
  parseConfigValue,
  type ConfigDef,
  type ConfigValue,
} from './config-def.ts';
import { TOPIC_CONFIG_SYNONYMS, TOPIC_CONFIGS } from './topic-configs.ts';

export interface ConfigSynonymEntry {
  name: string;
  value: string | null;
  source: number;
}

export interface ResolvedConfig {
  name: string;
  value: string | null;
  source: number;
  /** Null for a custom broker config, a name Kafka does not define. */
  def: ConfigDef | null;
  sensitive: boolean;
  /** Kafka's DescribeConfigs readOnly flag. */
  readOnly: boolean;
  /** Every place the value could come from, highest precedence first, as DescribeConfigs v1+ reports. */
  synonyms: ConfigSynonymEntry[];
}

export type ResolvedTopicConfig = ResolvedConfig & { def: ConfigDef };

/** Which dynamic broker resource a change addresses: this broker ("<node.id>") or the cluster default (""). */
export type DynamicLevel = 'broker' | 'cluster';

/**
 * A part of the broker that acts on broker configs which can change at runtime (Kafka's BrokerReconfigurable):
 * it may refuse a change with a ConfigError (Kafka's validateReconfiguration, which AlterConfigs answers as
 * INVALID_REQUEST), and hears of every change it accepted once it is in force.
 */
export interface BrokerReconfigurable {
  readonly reconfigurableConfigs: ReadonlySet<string>;
  /** Throws ConfigError when the configs `next` would hold are not acceptable; `this` store is still current. */
  validateReconfiguration(next: BrokerConfigStore): void;
  /** Acts on the configs now in force. */
  reconfigure(): void;
}

/** Validates a map of names to values against a set of definitions; the first bad entry is a ConfigError. */
export function validateConfigs(
  defs: ReadonlyMap<string, ConfigDef>,
  values: ReadonlyMap<string, string>,
  kind: 'topic' | 'broker',
): void {
  for (const [name, value] of values) {
    const def = defs.get(name);
    if (!def) throw new ConfigError(`Unknown ${kind} config name: ${name}`);
    parseConfigValue(def, value);
  }
}

export class BrokerConfigStore {
  private readonly dynamicPerBroker = new Map<string, string>();
  private readonly dynamicClusterDefault = new Map<string, string>();
  private readonly staticValues: Map<string, string>;
  private readonly reconfigurables: BrokerReconfigurable[] = [];

  /**
   * `staticValues` are the `--config` settings; every Kafka broker config name is accepted, unknown and
   * dynamic-only names are refused, and `warn` hears once about each name Sluice does not act on.
   */
  constructor(staticValues: ReadonlyMap<string, string>, warn: (message: string) => void = () => {}) {
    this.staticValues = new Map(staticValues);
    for (const [name, value] of staticValues) {
      const def = brokerConfigDef(name);
      if (!def || def.dynamicOnly) throw new ConfigError(`Unknown broker config name: ${name}`);
      parseConfigValue({ ...def, name }, value);
    }
    const ignored = [...staticValues.keys()].filter((name) => brokerConfigDef(name)?.notActedOn);
    for (const name of ignored) {
      warn(`broker config ${name} is a Kafka config that Sluice accepts but does not act on`);
    }
  }

  /**
   * What a static setting resolved to at start, described from then on: a port of 0 becomes the port bound, so
   * a client reading it (`sluice topics describe` finds sluice.http.port this way) can use it.
   */
  resolveStatic(name: string, value: string): void {
    this.staticValues.set(name, value);
  }

  private dynamicMap(level: DynamicLevel): Map<string, string> {
    return level === 'broker' ? this.dynamicPerBroker : this.dynamicClusterDefault;
  }

  /** The broker-level value in string form and where it came from, or null if unset with no default. */
  private brokerEntry(name: string): { value: string; source: number } | null {
    const perBroker = this.dynamicPerBroker.get(name);
    if (perBroker !== undefined) return { value: perBroker, source: ConfigSource.DYNAMIC_BROKER_CONFIG };
    const clusterDefault = this.dynamicClusterDefault.get(name);
    if (clusterDefault !== undefined) {
      return { value: clusterDefault, source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG };
    }
    const configured = this.staticValues.get(name);
    if (configured !== undefined) return { value: configured, source: ConfigSource.STATIC_BROKER_CONFIG };
    const def = BROKER_CONFIGS.get(name);
    if (def?.defaultValue != null) return { value: def.defaultValue, source: ConfigSource.DEFAULT_CONFIG };
    return null;
  }

  /** Typed value of a broker config (parsed once per call; configs are read off the hot paths). */
  get<T extends ConfigValue>(name: string): T {
    const def = BROKER_CONFIGS.get(name);
    if (!def) throw new ConfigError(`Unknown broker config name: ${name}`);
    const entry = this.brokerEntry(name);
    if (!entry) throw new ConfigError(`Broker config ${name} has no value`);
    return parseConfigValue(def, entry.value) as T;
  }

  /** Typed value of a broker config that may have no value (no default, not set), else null. */
  getOptional<T extends ConfigValue>(name: string): T | null {
    const def = BROKER_CONFIGS.get(name);
    if (!def) throw new ConfigError(`Unknown broker config name: ${name}`);
    const entry = this.brokerEntry(name);
    return entry ? (parseConfigValue(def, entry.value) as T) : null;
  }

  /**
   * A listener's value of a broker config: Kafka's `listener.name.<listener>.<name>` override when set (for SASL
   * settings `listener.name.<listener>.<mechanism>.<name>` first, when `mechanism` is given), else the broker's.
   */
  listenerValue<T extends ConfigValue>(listenerName: string, name: string, mechanism?: string): T | null {
    const def = BROKER_CONFIGS.get(name);
    if (!def) throw new ConfigError(`Unknown broker config name: ${name}`);
    const prefix = `listener.name.${listenerName.toLowerCase()}.`;
    const entry =
      (mechanism ? this.brokerEntry(`${prefix}${mechanism.toLowerCase()}.${name}`) : null) ??
      this.brokerEntry(`${prefix}${name}`) ??
      this.brokerEntry(name);
    return entry ? (parseConfigValue(def, entry.value) as T) : null;
  }

  /** Whether `name` was given at start (`--config name=value`), not just defaulted. */
  isStaticallySet(name: string): boolean {
    return this.staticValues.has(name);
  }

  getNumber(name: string): number {
    const value = this.get<number | bigint>(name);
    return typeof value === 'bigint' ? Number(value) : value;
  }

  /** The dynamic broker configs set through AlterConfigs at one level. */
  dynamicOverrides(level: DynamicLevel = 'broker'): Map<string, string> {
    return new Map(this.dynamicMap(level));
  }

  /** Throws ConfigError, with Kafka's message, when a set of dynamic changes (null clears a value) is invalid. */
  validateDynamic(changes: ReadonlyMap<string, string | null>, level: DynamicLevel = 'broker'): void {
    const next = this.afterChanges(changes, level);
    validateDynamicBrokerConfigs(next, level === 'broker');
    this.reconfigurablesChangedBy(next, level, true);
  }

  /** Registers a part of the broker to validate and hear of dynamic changes to the configs it acts on. */
  addReconfigurable(reconfigurable: BrokerReconfigurable): void {
    this.reconfigurables.push(reconfigurable);
  }

  /**
   * The reconfigurables whose configs the dynamic values `next` at `level` would change; with `validate`, each
   * checks the change first (Kafka's DynamicBrokerConfig.processReconfiguration).
   */
  private reconfigurablesChangedBy(
    next: ReadonlyMap<string, string>,
    level: DynamicLevel,
    validate: boolean,
  ): BrokerReconfigurable[] {
    if (this.reconfigurables.length === 0) return [];
    const candidate = new BrokerConfigStore(this.staticValues);
    for (const other of ['broker', 'cluster'] as const) {
      const values = other === level ? next : this.dynamicMap(other);
      for (const [name, value] of values) candidate.dynamicMap(other).set(name, value);
    }
    const changed = this.reconfigurables.filter((reconfigurable) =>
      [...reconfigurable.reconfigurableConfigs].some(
        (name) => this.brokerEntry(name)?.value !== candidate.brokerEntry(name)?.value,
      ),
    );
    if (validate) for (const reconfigurable of changed) reconfigurable.validateReconfiguration(candidate);
    return changed;
  }

  private afterChanges(
    changes: ReadonlyMap<string, string | null>,
    level: DynamicLevel,
  ): Map<string, string> {
    const next = new Map(this.dynamicMap(level));
    for (const [name, value] of changes) {
      if (value === null) next.delete(name);
      else next.set(name, value);
    }
    return next;
  }

  /** Sets or clears (null) dynamic broker configs, as AlterConfigs on a broker resource does. */
  setDynamic(changes: ReadonlyMap<string, string | null>, level: DynamicLevel = 'broker'): void {
    const next = this.afterChanges(changes, level);
    validateDynamicBrokerConfigs(next, level === 'broker');
    const changed = this.reconfigurablesChangedBy(next, level, true);
    const target = this.dynamicMap(level);
    target.clear();
    for (const [name, value] of next) target.set(name, value);
    for (const reconfigurable of changed) reconfigurable.reconfigure();
  }

  /** The effective broker-level string value of any name (Kafka's, listener-prefixed or custom), or null. */
  private describedValue(name: string): string | null {
    return this.brokerEntry(name)?.value ?? null;
  }

  /**
   * ConfigHelper.configSynonyms: each synonym name at each source, by source first (per-broker, cluster default,
   * static, Kafka's default), dropping entries ahead of the described name's own first entry.
   */
  private brokerSynonyms(name: string, sensitive: boolean): ConfigSynonymEntry[] {
    const names = brokerConfigSynonyms(name);
    const defaults = new Map(
      names.flatMap((n) => {
        const d = BROKER_CONFIGS.get(n)?.defaultValue;
        return d == null ? [] : [[n, d] as const];
      }),
    );
    const sources: [ReadonlyMap<string, string>, number][] = [
      [this.dynamicPerBroker, ConfigSource.DYNAMIC_BROKER_CONFIG],
      [this.dynamicClusterDefault, ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG],
      [this.staticValues, ConfigSource.STATIC_BROKER_CONFIG],
      [defaults, ConfigSource.DEFAULT_CONFIG],
    ];
    const all = sources.flatMap(([values, source]) =>
      names.flatMap((n) => {
        const value = values.get(n);
        return value === undefined ? [] : [{ name: n, value: sensitive ? null : value, source }];
      }),
    );
    const own = all.findIndex((entry) => entry.name === name);
    return own === -1 ? [] : all.slice(own);
  }

  /**
   * DescribeConfigs on a broker resource. For this broker: every Kafka broker config (internal and dynamic-only
   * ones only once set) plus any custom names set; for the cluster default (""): the names set at that level.
   */
  describeBroker(level: DynamicLevel = 'broker'): ResolvedConfig[] {
    const set = new Set([
      ...this.staticValues.keys(),
      ...this.dynamicPerBroker.keys(),
      ...this.dynamicClusterDefault.keys(),
    ]);
    const names =
      level === 'cluster'
        ? [...this.dynamicClusterDefault.keys()]
        : [
            ...[...BROKER_CONFIGS.values()]
              .filter((def) => set.has(def.name) || !isHidden(def))
              .map((def) => def.name),
            ...[...set].filter((name) => !BROKER_CONFIGS.has(name)),
          ];
    return names.map((name) => {
      const def = brokerConfigDef(name) ?? null;
      // Kafka treats a name of unknown type as possibly sensitive (KafkaConfig.maybeSensitive).
      const sensitive = def === null || def.type === 'password';
      const synonyms = this.brokerSynonyms(name, sensitive).filter(
        (s) => level === 'broker' || s.source === ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
      );
      const value =
        level === 'cluster' ? (this.dynamicClusterDefault.get(name) ?? null) : this.describedValue(name);
      return {
        name,
        value,
        source: synonyms[0]?.source ?? ConfigSource.DEFAULT_CONFIG,
        def: def && { ...def, name },
        sensitive,
        // Kafka's readOnly: not one of DynamicBrokerConfig's dynamic names, which listener-prefixed and custom
        // names are not, although they can be set.
        readOnly: !isDynamicName(name),
        synonyms,
      };
    });
  }

  /** Effective topic configs given the topic's own overrides. */
  describeTopic(overrides: ReadonlyMap<string, string>): ResolvedTopicConfig[] {
    return [...TOPIC_CONFIGS.values()].map((def) => this.resolveTopicConfig(def, overrides));
  }

  resolveTopicConfig(def: ConfigDef, overrides: ReadonlyMap<string, string>): ResolvedTopicConfig {
    const synonyms: ConfigSynonymEntry[] = [];
    const own = overrides.get(def.name);
    if (own !== undefined)
      synonyms.push({ name: def.name, value: own, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    for (const synonym of TOPIC_CONFIG_SYNONYMS.get(def.name) ?? []) {
      const perBroker = this.dynamicPerBroker.get(synonym.brokerConfig);
      if (perBroker !== undefined) {
        synonyms.push({
          name: synonym.brokerConfig,
          value: synonym.toTopicValue(perBroker),
          source: ConfigSource.DYNAMIC_BROKER_CONFIG,
        });
      }
      const clusterDefault = this.dynamicClusterDefault.get(synonym.brokerConfig);
      if (clusterDefault !== undefined) {
        synonyms.push({
          name: synonym.brokerConfig,
          value: synonym.toTopicValue(clusterDefault),
          source: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG,
        });
      }
      const configured = this.staticValues.get(synonym.brokerConfig);
      if (configured !== undefined) {
        synonyms.push({
          name: synonym.brokerConfig,
          value: synonym.toTopicValue(configured),
          source: ConfigSource.STATIC_BROKER_CONFIG,
        });
      }
    }
    if (def.defaultValue !== null) {
      synonyms.push({ name: def.name, value: def.defaultValue, source: ConfigSource.DEFAULT_CONFIG });
    }
    const top = synonyms[0]!;
    return {
      name: def.name,
      value: top.value,
      source: top.source,
      def,
      sensitive: def.sensitive ?? false,
      readOnly: false,
      synonyms,
    };
  }

  /** The effective string value of a topic config (given overrides) or broker config, or null if unset. */
  effectiveValue(
    kind: 'topic' | 'broker',
    name: string,
    overrides: ReadonlyMap<string, string>,
  ): string | null {
    if (kind === 'broker') return this.brokerEntry(name)?.value ?? null;
    const def = TOPIC_CONFIGS.get(name);
    return def ? this.resolveTopicConfig(def, overrides).value : null;
  }

  /** Typed effective value of one topic config. */
  topicValue<T extends ConfigValue>(name: string, overrides: ReadonlyMap<string, string>): T {
    const def = TOPIC_CONFIGS.get(name);
    if (!def) throw new ConfigError(`Unknown topic config name: ${name}`);
    const resolved = this.resolveTopicConfig(def, overrides);
    return parseConfigValue(def, resolved.value ?? '') as T;
  }
}

/** Internal and dynamic-only names are described only once set, as Kafka lists them. */
function isHidden(def: ConfigDef): boolean {
  return def.dynamicOnly === true || def.internal === true;
}

function isDynamicName(name: string): boolean {
  const def = BROKER_CONFIGS.get(name);
  return def !== undefined && !def.dynamicOnly && def.updateMode !== 'read-only';
}
