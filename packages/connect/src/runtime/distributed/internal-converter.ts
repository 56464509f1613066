/**
 * The converter a Connect worker uses for its internal topics (config, status, offsets): a JsonConverter
 * with `schemas.enable=false`. Values are written as bare compact JSON, struct fields in schema order, so the
 * bytes are those a Java worker's Jackson writes; they are read back schemaless, integers as bigint (Java's
 * Long), objects as Maps, arrays as arrays.
 *
 * Also Java's `String.split("-")` and `Integer.parseInt`, which Kafka's stores use to parse record keys.
 */
import { DataException } from '../../errors.ts';
import { JsonConverter } from '../../json/json-converter.ts';

function newInternalConverter(isKey: boolean): JsonConverter {
  const converter = new JsonConverter();
  converter.configure({ 'schemas.enable': false }, isKey);
  return converter;
}

const KEY_CONVERTER = newInternalConverter(true);
const VALUE_CONVERTER = newInternalConverter(false);

export function internalKeyConverter(): JsonConverter {
  return KEY_CONVERTER;
}

export function internalValueConverter(): JsonConverter {
  return VALUE_CONVERTER;
}

/** Schemaless JSON back to Connect data; `undefined` when the bytes are not JSON (Kafka logs and skips them). */
export function readInternalJson(converter: JsonConverter, bytes: Buffer | null): unknown {
  try {
    return converter.toConnectData('', bytes).value;
  } catch (error) {
    if (error instanceof DataException) return undefined;
    throw error;
  }
}

export function asBuffer(bytes: Uint8Array | null): Buffer | null {
  if (bytes === null) return null;
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Java's `s.split("-")`: trailing empty strings are dropped. */
export function javaSplitOnDash(value: string): string[] {
  const parts = value.split('-');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length === 1 && parts[0] === '' && value.length > 0) return [];
  return parts;
}

/** Java's `Integer.parseInt` for ASCII digits: null where Java throws NumberFormatException. */
export function javaParseInt(text: string): number | null {
  if (!/^[+-]?\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : null;
}

/** A schemaless integer as Kafka's intValue() reads it: Integer or Long (bigint), else null. */
export function intValue(value: unknown): number | null {
  if (typeof value === 'bigint') return Number(BigInt.asIntN(32, value));
  if (typeof value === 'number' && Number.isInteger(value)) return value | 0;
  return null;
}
