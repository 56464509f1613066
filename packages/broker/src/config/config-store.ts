/**
 * Resolves effective configuration the way Kafka does, and explains where each value came from
 * (DescribeConfigs sources and synonyms).
 *
 * Broker level: dynamic broker override > static value given at start (`--config`) > default.
 * Topic level: the topic's own override > the first of its broker synonyms that is set > the topic default.
 */
import { BROKER_CONFIGS } from './broker-configs.ts';
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
  def: ConfigDef;
  /** Every place the value could come from, highest precedence first, as DescribeConfigs v1+ reports. */
  synonyms: ConfigSynonymEntry[];
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
  private readonly dynamicValues = new Map<string, string>();

  constructor(private readonly staticValues: ReadonlyMap<string, string>) {
    validateConfigs(BROKER_CONFIGS, staticValues, 'broker');
  }

  /** The broker-level value in string form and where it came from, or null if unset with no default. */
  private brokerEntry(name: string): { value: string; source: number } | null {
    const dynamic = this.dynamicValues.get(name);
    if (dynamic !== undefined) return { value: dynamic, source: ConfigSource.DYNAMIC_BROKER_CONFIG };
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

  getNumber(name: string): number {
    const value = this.get<number | bigint>(name);
    return typeof value === 'bigint' ? Number(value) : value;
  }

  /** The dynamic broker overrides set through AlterConfigs. */
  dynamicOverrides(): Map<string, string> {
    return new Map(this.dynamicValues);
  }

  /** Throws ConfigError when a set of dynamic changes (null clears a value) is invalid. */
  validateDynamic(changes: ReadonlyMap<string, string | null>): void {
    validateConfigs(
      BROKER_CONFIGS,
      new Map([...changes].filter((entry): entry is [string, string] => entry[1] !== null)),
      'broker',
    );
  }

  /** Sets or clears (null) dynamic broker configs, as AlterConfigs on a broker resource does. */
  setDynamic(changes: ReadonlyMap<string, string | null>): void {
    this.validateDynamic(changes);
    for (const [name, value] of changes) {
      if (value === null) this.dynamicValues.delete(name);
      else this.dynamicValues.set(name, value);
    }
  }

  describeBroker(): ResolvedConfig[] {
    return [...BROKER_CONFIGS.values()].map((def) => {
      const synonyms: ConfigSynonymEntry[] = [];
      const dynamic = this.dynamicValues.get(def.name);
      if (dynamic !== undefined) {
        synonyms.push({ name: def.name, value: dynamic, source: ConfigSource.DYNAMIC_BROKER_CONFIG });
      }
      const configured = this.staticValues.get(def.name);
      if (configured !== undefined) {
        synonyms.push({ name: def.name, value: configured, source: ConfigSource.STATIC_BROKER_CONFIG });
      }
      if (def.defaultValue !== null) {
        synonyms.push({ name: def.name, value: def.defaultValue, source: ConfigSource.DEFAULT_CONFIG });
      }
      const top = synonyms[0];
      return {
        name: def.name,
        value: top?.value ?? null,
        source: top?.source ?? ConfigSource.DEFAULT_CONFIG,
        def,
        synonyms,
      };
    });
  }

  /** Effective topic configs given the topic's own overrides. */
  describeTopic(overrides: ReadonlyMap<string, string>): ResolvedConfig[] {
    return [...TOPIC_CONFIGS.values()].map((def) => this.resolveTopicConfig(def, overrides));
  }

  resolveTopicConfig(def: ConfigDef, overrides: ReadonlyMap<string, string>): ResolvedConfig {
    const synonyms: ConfigSynonymEntry[] = [];
    const own = overrides.get(def.name);
    if (own !== undefined)
      synonyms.push({ name: def.name, value: own, source: ConfigSource.DYNAMIC_TOPIC_CONFIG });
    for (const synonym of TOPIC_CONFIG_SYNONYMS.get(def.name) ?? []) {
      const dynamic = this.dynamicValues.get(synonym.brokerConfig);
      if (dynamic !== undefined) {
        synonyms.push({
          name: synonym.brokerConfig,
          value: synonym.toTopicValue(dynamic),
          source: ConfigSource.DYNAMIC_BROKER_CONFIG,
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
    return { name: def.name, value: top.value, source: top.source, def, synonyms };
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
