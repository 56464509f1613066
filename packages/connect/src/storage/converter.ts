/**
 * Converters turn Connect data into the bytes stored in Kafka and back (org.apache.kafka.connect.storage
 * .Converter / HeaderConverter). Each has a ConfigDef; `converter.type` (key, value or header) is set by the
 * worker through `configure(configs, isKey)` or given explicitly.
 */
import type { ConfigDef } from '../config/config-def.ts';
import { ConfigDef as ConfigDefClass } from '../config/config-def.ts';
import { ValidString } from '../config/validators.ts';
import type { SchemaAndValue } from '../data/schema-and-value.ts';
import type { Schema } from '../data/schema.ts';
import type { ConnectHeaders } from '../header/headers.ts';

export type ConverterType = 'key' | 'value' | 'header';

export const CONVERTER_TYPE_CONFIG = 'converter.type';

export interface Converter {
  config(): ConfigDef;
  /** With `isKey`, sets `converter.type` to key or value as the worker does; otherwise it must be in `configs`. */
  configure(configs: Readonly<Record<string, unknown>>, isKey?: boolean): void;
  /** Serialises a value with its schema; null for a null schema and value (a tombstone) where the format allows. */
  fromConnectData(
    topic: string,
    schema: Schema | null,
    value: unknown,
    headers?: ConnectHeaders,
  ): Uint8Array | null;
  toConnectData(topic: string, value: Uint8Array | null, headers?: ConnectHeaders): SchemaAndValue;
  close(): void;
}

export interface HeaderConverter {
  config(): ConfigDef;
  configure(configs: Readonly<Record<string, unknown>>): void;
  fromConnectHeader(
    topic: string,
    headerKey: string,
    schema: Schema | null,
    value: unknown,
  ): Uint8Array | null;
  toConnectHeader(topic: string, headerKey: string, value: Uint8Array | null): SchemaAndValue;
  close(): void;
}

/** ConverterConfig.newConfigDef(): the `converter.type` key every converter config starts from. */
export function newConverterConfigDef(): ConfigDefClass {
  return new ConfigDefClass().define({
    name: CONVERTER_TYPE_CONFIG,
    type: 'STRING',
    validator: ValidString.in('key', 'value', 'header'),
    importance: 'LOW',
    documentation: 'How this converter will be used.',
  });
}

/** Adds `converter.type` for the `configure(configs, isKey)` form. */
export function withConverterType(
  configs: Readonly<Record<string, unknown>>,
  isKey: boolean | undefined,
): Readonly<Record<string, unknown>> {
  if (isKey === undefined) return configs;
  return { ...configs, [CONVERTER_TYPE_CONFIG]: isKey ? 'key' : 'value' };
}
