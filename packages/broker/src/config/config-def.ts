/**
 * Kafka's configuration model: typed definitions with defaults and validators, parsing of the string values
 * that arrive over the wire or on the command line, and Kafka's error text for bad values.
 *
 * Values are kept as the strings users wrote (that is what DescribeConfigs reports); `parseConfigValue` turns
 * them into typed values and is the single place a value is validated.
 */

/** DescribeConfigs configType codes (KIP-569). */
export const ConfigType = {
  UNKNOWN: 0,
  BOOLEAN: 1,
  STRING: 2,
  INT: 3,
  SHORT: 4,
  LONG: 5,
  DOUBLE: 6,
  LIST: 7,
  CLASS: 8,
  PASSWORD: 9,
} as const;

export type ConfigTypeName =
  'boolean' | 'string' | 'int' | 'short' | 'long' | 'double' | 'list' | 'class' | 'password';

export const CONFIG_TYPE_CODES: Record<ConfigTypeName, number> = {
  boolean: ConfigType.BOOLEAN,
  string: ConfigType.STRING,
  int: ConfigType.INT,
  short: ConfigType.SHORT,
  long: ConfigType.LONG,
  double: ConfigType.DOUBLE,
  list: ConfigType.LIST,
  class: ConfigType.CLASS,
  password: ConfigType.PASSWORD,
};

/** DescribeConfigs configSource codes. */
export const ConfigSource = {
  UNKNOWN: 0,
  DYNAMIC_TOPIC_CONFIG: 1,
  DYNAMIC_BROKER_CONFIG: 2,
  DYNAMIC_DEFAULT_BROKER_CONFIG: 3,
  STATIC_BROKER_CONFIG: 4,
  DEFAULT_CONFIG: 5,
  DYNAMIC_BROKER_LOGGER_CONFIG: 6,
} as const;

export type ConfigValue = boolean | string | number | bigint | string[];

export interface ConfigDef {
  name: string;
  type: ConfigTypeName;
  /** The default as Kafka documents it, in string form; null for "no default". */
  defaultValue: string | null;
  documentation: string;
  /** Inclusive numeric bounds, Kafka's `atLeast`/`between`. */
  min?: number | bigint;
  max?: number | bigint;
  /** Allowed values (for strings) or allowed list items (for lists), Kafka's `in(...)`/`ValidList`. */
  validValues?: readonly string[];
  /** Case-insensitive match for validValues (Kafka's CaseInsensitiveValidString). */
  caseInsensitive?: boolean;
  sensitive?: boolean;
  /** Kafka's checks that bounds and lists cannot express; returns the reason a value is invalid, else null. */
  check?: (text: string) => string | null;
  /**
   * How Kafka lets the name change at runtime (DynamicBrokerConfig): only at start (read-only), per broker, or
   * also as the cluster-wide default. Broker configs only.
   */
  updateMode?: UpdateMode;
  /** True where Sluice accepts, stores and describes the name but does not act on it. */
  notActedOn?: boolean;
  /** Accepted by Kafka but left out of its documentation and of DescribeConfigs until set (defineInternal). */
  internal?: boolean;
  /** Settable only through AlterConfigs, never at start and not described until set (DynamicConfig.Broker quotas). */
  dynamicOnly?: boolean;
}

export type UpdateMode = 'read-only' | 'per-broker' | 'cluster-wide';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const INT16_MIN = -32768;
const INT16_MAX = 32767;
export const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

function invalid(def: ConfigDef, value: string, reason: string): ConfigError {
  return new ConfigError(`Invalid value ${value} for configuration ${def.name}: ${reason}`);
}

function checkBounds(def: ConfigDef, raw: string, value: number | bigint): void {
  const below = def.min !== undefined && value < def.min;
  const above = def.max !== undefined && value > def.max;
  if (!below && !above) return;
  if (def.min !== undefined && def.max !== undefined) {
    throw invalid(def, raw, `Value must be no less than ${def.min} and no more than ${def.max}`);
  }
  if (below) throw invalid(def, raw, `Value must be at least ${def.min}`);
  throw invalid(def, raw, `Value must be no more than ${def.max}`);
}

/** Parses and validates one value the way Kafka's ConfigDef does; throws ConfigError with Kafka's wording. */
export function parseConfigValue(def: ConfigDef, raw: string): ConfigValue {
  const value = parseTyped(def, raw);
  const reason = def.check?.(raw.trim());
  if (reason) throw invalid(def, raw, reason);
  return value;
}

function parseTyped(def: ConfigDef, raw: string): ConfigValue {
  const text = raw.trim();
  switch (def.type) {
    case 'boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false')
        throw invalid(def, raw, 'Expected value to be either true or false');
      return lower === 'true';
    }
    case 'int':
    case 'short': {
      if (!/^[+-]?\d+$/.test(text)) throw invalid(def, raw, `Not a number of type ${def.type.toUpperCase()}`);
      const value = Number(text);
      const [lo, hi] = def.type === 'int' ? [INT32_MIN, INT32_MAX] : [INT16_MIN, INT16_MAX];
      if (value < lo || value > hi) throw invalid(def, raw, `Not a number of type ${def.type.toUpperCase()}`);
      checkBounds(def, raw, value);
      return value;
    }
    case 'long': {
      if (!/^[+-]?\d+$/.test(text)) throw invalid(def, raw, 'Not a number of type LONG');
      const value = BigInt(text);
      if (value < LONG_MIN || value > LONG_MAX) throw invalid(def, raw, 'Not a number of type LONG');
      checkBounds(def, raw, value);
      return value;
    }
    case 'double': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) throw invalid(def, raw, 'Not a number of type DOUBLE');
      checkBounds(def, raw, value);
      return value;
    }
    case 'list': {
      const items = text === '' ? [] : text.split(',').map((item) => item.trim());
      if (def.validValues) {
        for (const item of items) {
          if (!def.validValues.includes(item)) {
            throw invalid(def, raw, `String must be one of: ${def.validValues.join(', ')}`);
          }
        }
      }
      return items;
    }
    case 'string':
    case 'class':
    case 'password': {
      if (def.validValues) {
        const match = def.caseInsensitive
          ? def.validValues.find((v) => v.toLowerCase() === text.toLowerCase())
          : def.validValues.find((v) => v === text);
        if (match === undefined)
          throw invalid(def, raw, `String must be one of: ${def.validValues.join(', ')}`);
        return match;
      }
      return text;
    }
  }
}
