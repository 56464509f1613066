import { ConfigException } from '../errors.ts';
import type { ConfigDef } from './config-def.ts';
import type { Password } from './config-def.ts';

/**
 * Parsed configuration (org.apache.kafka.common.config.AbstractConfig; transforms use it as SimpleConfig).
 * Construction parses and validates every key, so a plugin's `configure` fails fast with Kafka's message.
 */
export class AbstractConfig {
  private readonly values: Map<string, unknown>;

  constructor(
    readonly definition: ConfigDef,
    private readonly originalProps: Readonly<Record<string, unknown>>,
  ) {
    this.values = definition.parse(originalProps);
  }

  get(key: string): unknown {
    if (!this.values.has(key)) throw new ConfigException(`Unknown configuration '${key}'`);
    return this.values.get(key);
  }

  getString(key: string): string | null {
    return this.get(key) as string | null;
  }
  getInt(key: string): number | null {
    return this.get(key) as number | null;
  }
  getLong(key: string): number | null {
    return this.get(key) as number | null;
  }
  getDouble(key: string): number | null {
    return this.get(key) as number | null;
  }
  getBoolean(key: string): boolean | null {
    return this.get(key) as boolean | null;
  }
  getList(key: string): string[] | null {
    return this.get(key) as string[] | null;
  }
  getPassword(key: string): Password | null {
    return this.get(key) as Password | null;
  }
  /** The configured class name of a CLASS key. */
  getClass(key: string): string | null {
    return this.get(key) as string | null;
  }

  originals(): Record<string, unknown> {
    return { ...this.originalProps };
  }

  /** Originals whose key starts with `prefix`, with the prefix stripped (AbstractConfig.originalsWithPrefix). */
  originalsWithPrefix(prefix: string): Record<string, unknown> {
    return originalsWithPrefix(this.originalProps, prefix);
  }
}

export function originalsWithPrefix(
  props: Readonly<Record<string, unknown>>,
  prefix: string,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith(prefix) && key.length > prefix.length) result[key.slice(prefix.length)] = value;
  }
  return result;
}
