/**
 * Kafka's ConfigDef (org.apache.kafka.common.config.ConfigDef): typed, documented config keys with defaults,
 * validators and recommenders. Every converter, transformation and predicate exposes one, so the worker, a
 * REST `config/validate` call and a console form all read the same definition.
 *
 * Parsing follows ConfigDef.parseType: strings are trimmed; LIST splits on commas with surrounding whitespace;
 * CLASS values are plugin class names (strings), resolved by whoever instantiates the plugin; LONG values are
 * JavaScript numbers. `validate` never throws for bad values: it collects Kafka's error messages per key.
 */
import { ConfigException, javaToString } from '../errors.ts';
import {
  NumberFormatException,
  javaDoubleToString,
  javaParseDouble,
  javaParseInt,
  javaParseLong,
} from '../data/java-numbers.ts';

export type ConfigType =
  'BOOLEAN' | 'STRING' | 'INT' | 'SHORT' | 'LONG' | 'DOUBLE' | 'LIST' | 'CLASS' | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

/** Marks a key that has no default and so must be set. */
export const NO_DEFAULT_VALUE: unique symbol = Symbol('ConfigDef.NO_DEFAULT_VALUE');

/** A secret config value; prints as `[hidden]` so it never leaks into logs or REST responses. */
export class Password {
  static readonly HIDDEN = '[hidden]';
  constructor(private readonly secret: string) {}
  value(): string {
    return this.secret;
  }
  toString(): string {
    return Password.HIDDEN;
  }
  equals(other: unknown): boolean {
    return other instanceof Password && other.secret === this.secret;
  }
}

export interface Validator {
  /** Throws ConfigException when `value` (already parsed) is not acceptable for config `name`. */
  ensureValid(name: string, value: unknown): void;
  /** Human-readable description of the accepted values, shown in generated documentation. */
  toString(): string;
}

export interface Recommender {
  validValues(name: string, parsedConfig: ReadonlyMap<string, unknown>): unknown[];
  visible(name: string, parsedConfig: ReadonlyMap<string, unknown>): boolean;
}

export interface ConfigKeyInit {
  name: string;
  type: ConfigType;
  /** Omit (or pass NO_DEFAULT_VALUE) for a required key; null is a real default meaning "unset". */
  defaultValue?: unknown;
  validator?: Validator | null;
  importance: Importance;
  documentation: string;
  group?: string | null;
  orderInGroup?: number;
  width?: Width;
  displayName?: string;
  dependents?: string[];
  recommender?: Recommender | null;
}

export interface ConfigKey {
  readonly name: string;
  readonly type: ConfigType;
  readonly defaultValue: unknown;
  readonly validator: Validator | null;
  readonly importance: Importance;
  readonly documentation: string;
  readonly group: string | null;
  readonly orderInGroup: number;
  readonly width: Width;
  readonly displayName: string;
  readonly dependents: readonly string[];
  readonly recommender: Recommender | null;
  hasDefault(): boolean;
}

/** The outcome of validating one key: its parsed value, recommendations and Kafka's error messages. */
export class ConfigValue {
  value: unknown = null;
  recommendedValues: unknown[] = [];
  readonly errorMessages: string[] = [];
  visible = true;

  constructor(readonly name: string) {}

  addErrorMessage(message: string): void {
    this.errorMessages.push(message);
  }
}

export class ConfigDef {
  private readonly keys = new Map<string, ConfigKey>();
  private readonly groupNames: string[] = [];

  constructor(base?: ConfigDef) {
    if (base) {
      for (const key of base.keys.values()) this.keys.set(key.name, key);
      this.groupNames.push(...base.groupNames);
    }
  }

  define(init: ConfigKeyInit | ConfigKey): this {
    if (this.keys.has(init.name)) throw new ConfigException(`Configuration ${init.name} is defined twice.`);
    const rawDefault = init.defaultValue;
    const defaultValue =
      rawDefault === undefined || rawDefault === NO_DEFAULT_VALUE
        ? NO_DEFAULT_VALUE
        : parseType(init.name, rawDefault, init.type);
    const validator = init.validator ?? null;
    if (validator !== null && defaultValue !== NO_DEFAULT_VALUE)
      validator.ensureValid(init.name, defaultValue);
    const group = init.group ?? null;
    if (group !== null && !this.groupNames.includes(group)) this.groupNames.push(group);
    this.keys.set(init.name, {
      name: init.name,
      type: init.type,
      defaultValue,
      validator,
      importance: init.importance,
      documentation: init.documentation,
      group,
      orderInGroup: init.orderInGroup ?? -1,
      width: init.width ?? 'NONE',
      displayName: init.displayName ?? init.name,
      dependents: init.dependents ?? [],
      recommender: init.recommender ?? null,
      hasDefault: () => defaultValue !== NO_DEFAULT_VALUE,
    });
    return this;
  }

  /** Keys in definition order. */
  configKeys(): ReadonlyMap<string, ConfigKey> {
    return this.keys;
  }

  names(): string[] {
    return [...this.keys.keys()];
  }

  groups(): readonly string[] {
    return this.groupNames;
  }

  defaultValues(): Map<string, unknown> {
    const defaults = new Map<string, unknown>();
    for (const key of this.keys.values()) if (key.hasDefault()) defaults.set(key.name, key.defaultValue);
    return defaults;
  }

  /**
   * Adds every key of `child` under `prefix` (ConfigDef.embed), in `group` starting at `startingOrd`;
   * validators and recommenders see the unprefixed name's value.
   */
  embed(prefix: string, group: string, startingOrd: number, child: ConfigDef): this {
    let order = startingOrd;
    for (const key of child.keys.values()) {
      const validator = key.validator;
      this.define({
        name: prefix + key.name,
        type: key.type,
        defaultValue: key.defaultValue,
        validator: validator && {
          ensureValid: (name, value) => validator.ensureValid(name, value),
          toString: () => validator.toString(),
        },
        importance: key.importance,
        documentation: key.documentation,
        group,
        orderInGroup: order++,
        width: key.width,
        displayName: key.displayName,
        dependents: key.dependents.map((dependent) => prefix + dependent),
        recommender: key.recommender,
      });
    }
    return this;
  }

  /** Parses and validates every key; throws ConfigException on the first problem (ConfigDef.parse). */
  parse(props: Readonly<Record<string, unknown>>): Map<string, unknown> {
    const values = new Map<string, unknown>();
    for (const key of this.keys.values()) {
      const isSet = Object.hasOwn(props, key.name);
      let parsed: unknown;
      if (isSet) parsed = parseType(key.name, props[key.name], key.type);
      else if (!key.hasDefault()) {
        throw new ConfigException(`Missing required configuration "${key.name}" which has no default value.`);
      } else parsed = key.defaultValue;
      key.validator?.ensureValid(key.name, parsed);
      values.set(key.name, parsed);
    }
    return values;
  }

  /** ConfigDef.validate: one ConfigValue per key, in definition order, errors collected rather than thrown. */
  validate(props: Readonly<Record<string, unknown>>): ConfigValue[] {
    return [...this.validateAll(props).values()];
  }

  validateAll(props: Readonly<Record<string, unknown>>): Map<string, ConfigValue> {
    const configValues = new Map<string, ConfigValue>();
    for (const name of this.keys.keys()) configValues.set(name, new ConfigValue(name));
    const parsed = new Map<string, unknown>();
    const withParent = new Set([...this.keys.values()].flatMap((key) => key.dependents));
    const roots = [...this.keys.keys()].filter((name) => !withParent.has(name));
    for (const name of roots) this.parseForValidate(name, props, parsed, configValues);
    for (const name of roots) this.recommend(name, parsed, configValues);
    return configValues;
  }

  private parseForValidate(
    name: string,
    props: Readonly<Record<string, unknown>>,
    parsed: Map<string, unknown>,
    configValues: Map<string, ConfigValue>,
  ): void {
    const key = this.keys.get(name);
    const configValue = configValues.get(name);
    if (!key || !configValue) return;
    let value: unknown = null;
    if (Object.hasOwn(props, name)) {
      try {
        value = parseType(name, props[name], key.type);
      } catch (error) {
        if (!(error instanceof ConfigException)) throw error;
        configValue.addErrorMessage(error.message);
      }
    } else if (!key.hasDefault()) {
      configValue.addErrorMessage(`Missing required configuration "${name}" which has no default value.`);
    } else {
      value = key.defaultValue;
    }
    if (key.validator) {
      try {
        key.validator.ensureValid(name, value);
      } catch (error) {
        configValue.addErrorMessage(messageOf(error));
      }
    }
    configValue.value = value;
    parsed.set(name, value);
    for (const dependent of key.dependents) this.parseForValidate(dependent, props, parsed, configValues);
  }

  private recommend(
    name: string,
    parsed: Map<string, unknown>,
    configValues: Map<string, ConfigValue>,
  ): void {
    const key = this.keys.get(name);
    const configValue = configValues.get(name);
    if (!key || !configValue) return;
    if (key.recommender) {
      try {
        let recommended = key.recommender.validValues(name, parsed);
        if (configValue.recommendedValues.length > 0) {
          const original = new Set(configValue.recommendedValues);
          recommended = recommended.filter((value) => original.has(value));
        }
        configValue.recommendedValues = recommended;
        configValue.visible = key.recommender.visible(name, parsed);
      } catch (error) {
        if (!(error instanceof ConfigException)) throw error;
        configValue.addErrorMessage(error.message);
      }
    }
    for (const dependent of key.dependents) this.recommend(dependent, parsed, configValues);
  }
}

/**
 * Validators are allowed to throw anything (a LambdaValidator may call code that raises DataException); like the
 * Connect herder, validation reports the message rather than failing.
 */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function javaClassOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'bigint':
      return 'java.lang.Long';
    case 'number':
      return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double';
    default:
      return Array.isArray(value) ? 'java.util.ArrayList' : 'java.lang.Object';
  }
}

/** ConfigDef.parseType: converts a raw (usually string) value to the key's type, with Kafka's messages. */
export function parseType(name: string, value: unknown, type: ConfigType): unknown {
  if (value === null || value === undefined) return null;
  const trimmed = typeof value === 'string' ? value.trim() : null;
  try {
    switch (type) {
      case 'BOOLEAN':
        if (trimmed !== null) {
          if (trimmed.toLowerCase() === 'true') return true;
          if (trimmed.toLowerCase() === 'false') return false;
          throw new ConfigException(name, value, 'Expected value to be either true or false');
        }
        if (typeof value === 'boolean') return value;
        throw new ConfigException(name, value, 'Expected value to be either true or false');
      case 'PASSWORD':
        if (value instanceof Password) return value;
        if (trimmed !== null) return new Password(trimmed);
        throw new ConfigException(
          name,
          value,
          `Expected value to be a string, but it was a ${javaClassOf(value)}`,
        );
      case 'STRING':
        if (trimmed !== null) return trimmed;
        throw new ConfigException(
          name,
          value,
          `Expected value to be a string, but it was a ${javaClassOf(value)}`,
        );
      case 'INT':
        if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 31) return value;
        if (trimmed !== null) return javaParseInt(trimmed, 32);
        throw new ConfigException(
          name,
          value,
          `Expected value to be a 32-bit integer, but it was a ${javaClassOf(value)}`,
        );
      case 'SHORT':
        if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2 ** 15) return value;
        if (trimmed !== null) return javaParseInt(trimmed, 16);
        throw new ConfigException(
          name,
          value,
          `Expected value to be a 16-bit integer (short), but it was a ${javaClassOf(value)}`,
        );
      case 'LONG':
        if (typeof value === 'number' && Number.isInteger(value)) return value;
        if (typeof value === 'bigint') return Number(value);
        if (trimmed !== null) return Number(javaParseLong(trimmed));
        throw new ConfigException(
          name,
          value,
          `Expected value to be a 64-bit integer (long), but it was a ${javaClassOf(value)}`,
        );
      case 'DOUBLE':
        if (typeof value === 'number') return value;
        if (typeof value === 'bigint') return Number(value);
        if (trimmed !== null) return javaParseDouble(trimmed);
        throw new ConfigException(
          name,
          value,
          `Expected value to be a double, but it was a ${javaClassOf(value)}`,
        );
      case 'LIST':
        if (Array.isArray(value)) return value;
        if (trimmed !== null) return trimmed === '' ? [] : trimmed.split(/\s*,\s*/);
        throw new ConfigException(name, value, 'Expected a comma separated list.');
      case 'CLASS':
        if (trimmed !== null) return trimmed;
        if (typeof value === 'function') return value.name;
        throw new ConfigException(name, value, 'Expected a Class instance or class name.');
    }
  } catch (error) {
    if (error instanceof NumberFormatException)
      throw new ConfigException(name, value, `Not a number of type ${type}`);
    throw error;
  }
}

/** ConfigDef.convertToString: how a parsed value is shown in REST responses (lists comma-joined, secrets hidden). */
export function convertToString(parsedValue: unknown, type: ConfigType | null): string | null {
  if (parsedValue === null || parsedValue === undefined || parsedValue === NO_DEFAULT_VALUE) return null;
  if (type === 'LIST' && Array.isArray(parsedValue)) return parsedValue.map((item) => String(item)).join(',');
  if (type === 'DOUBLE' && typeof parsedValue === 'number') return javaDoubleToString(parsedValue);
  return Array.isArray(parsedValue) ? javaToString(parsedValue) : String(parsedValue);
}
