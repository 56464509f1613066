/**
 * One row of Kafka's broker configuration catalog and its reading into a ConfigDef. Rows keep Kafka's documented
 * form of valid values ("[1,...]", "[0,...,100]", "[a, b, c]", "non-empty string", "metadata version") so each
 * table reads like Kafka's own documentation; this file is the one place that form is interpreted.
 */
import type { ConfigDef, ConfigTypeName, UpdateMode } from '../config-def.ts';
import { checkGzipLevel, checkMetadataVersion, checkNonEmptyString } from '../kafka-validators.ts';

/** name, type, default (null: none), valid values as Kafka documents them, update mode, and a marker. */
export type CatalogRow =
  | readonly [string, ConfigTypeName, string | null, string, UpdateMode]
  | readonly [string, ConfigTypeName, string | null, string, UpdateMode, 'internal' | 'dynamic-only'];

const NOT_ACTED_ON = 'Kafka broker configuration; accepted, stored and described, not acted on by Sluice.';

function numberOf(type: ConfigTypeName, text: string): number | bigint {
  return type === 'long' ? BigInt(text) : Number(text);
}

function validity(type: ConfigTypeName, valid: string): Partial<ConfigDef> {
  const range = /^\[(-?[\d.E]+),\.\.\.(?:,(-?[\d.E]+))?\]$/.exec(valid);
  if (range) {
    const min = numberOf(type, range[1]!);
    return range[2] === undefined ? { min } : { min, max: numberOf(type, range[2]) };
  }
  if (valid === 'metadata version') return { check: checkMetadataVersion };
  if (valid === '[1,...,9] or -1') return { check: checkGzipLevel };
  if (valid === 'non-empty string') return { check: checkNonEmptyString };
  // Kafka's NonNullValidator: any string, the empty one included (a properties file cannot say null).
  if (valid === 'non-null string') return {};
  if (valid.startsWith('[') && valid.endsWith(']')) {
    return { validValues: valid.slice(1, -1).split(', ') };
  }
  return {};
}

export function catalogRowToDef(row: CatalogRow): ConfigDef {
  const [name, type, defaultValue, valid, updateMode, marker] = row;
  return {
    name,
    type,
    defaultValue,
    documentation: NOT_ACTED_ON,
    updateMode,
    notActedOn: true,
    sensitive: type === 'password' ? true : undefined,
    dynamicOnly: marker === 'dynamic-only' ? true : undefined,
    internal: marker === 'internal' ? true : undefined,
    ...validity(type, valid),
  };
}
