import { AbstractConfig } from '../config/abstract-config.ts';
import type { ConfigDef } from '../config/config-def.ts';
import { SchemaAndValue } from '../data/schema-and-value.ts';
import { Schema } from '../data/schema.ts';
import type { Schema as SchemaType } from '../data/schema.ts';
import { javaDoubleToString, javaFloatToString } from '../data/java-numbers.ts';
import { ConfigException, DataException } from '../errors.ts';
import type { Converter, HeaderConverter } from './converter.ts';
import { newConverterConfigDef, withConverterType } from './converter.ts';

export const STRING_CONVERTER_ENCODING_CONFIG = 'converter.encoding';

const STRING_CONVERTER_CONFIG_DEF = newConverterConfigDef().define({
  name: STRING_CONVERTER_ENCODING_CONFIG,
  type: 'STRING',
  defaultValue: 'UTF-8',
  importance: 'HIGH',
  documentation: 'The name of the Java character set to use for encoding strings as byte arrays.',
  group: null,
  orderInGroup: -1,
  width: 'MEDIUM',
  displayName: 'Encoding',
});

/**
 * The charsets of `converter.encoding`, by Java charset name or alias (case-insensitive). UTF-16 writes a
 * big-endian byte-order mark and reads one if present, as Java's UTF-16 charset does.
 */
const CHARSETS: Record<string, 'utf8' | 'latin1' | 'ascii' | 'utf16be' | 'utf16le' | 'utf16'> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'iso-8859-1': 'latin1',
  iso8859_1: 'latin1',
  latin1: 'latin1',
  'us-ascii': 'ascii',
  ascii: 'ascii',
  'utf-16be': 'utf16be',
  'utf-16le': 'utf16le',
  'utf-16': 'utf16',
};

type Charset = (typeof CHARSETS)[string];

function encode(text: string, charset: Charset): Uint8Array {
  switch (charset) {
    case 'utf8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'latin1':
      return new Uint8Array(
        Buffer.from([...text].map((c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f))),
      );
    case 'ascii':
      return new Uint8Array(
        Buffer.from([...text].map((c) => (c.charCodeAt(0) <= 0x7f ? c.charCodeAt(0) : 0x3f))),
      );
    case 'utf16le':
      return new Uint8Array(Buffer.from(text, 'utf16le'));
    case 'utf16be':
      return new Uint8Array(Buffer.from(text, 'utf16le').swap16());
    case 'utf16':
      return text === '' ? new Uint8Array() : new Uint8Array([0xfe, 0xff, ...encode(text, 'utf16be')]);
  }
}

function decode(bytes: Uint8Array, charset: Charset): string {
  const buffer = Buffer.from(bytes);
  switch (charset) {
    case 'utf8':
      return new TextDecoder('utf-8').decode(bytes);
    case 'latin1':
      return buffer.toString('latin1');
    case 'ascii':
      return [...bytes].map((b) => (b <= 0x7f ? String.fromCharCode(b) : '\uFFFD')).join('');
    case 'utf16le':
      return new TextDecoder('utf-16le').decode(bytes);
    case 'utf16be':
      return new TextDecoder('utf-16be').decode(bytes);
    case 'utf16':
      if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder('utf-16le').decode(bytes.subarray(2));
      if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return new TextDecoder('utf-16be').decode(bytes.subarray(2));
      return new TextDecoder('utf-16be').decode(bytes);
  }
}

/**
 * Java's `value.toString()` where it differs from JavaScript's: a FLOAT32/FLOAT64 (or a schemaless fraction) prints
 * as Java prints a Float/Double, so 12.0 is "12.0" and 1e10 is "1.0E10".
 */
function javaToString(schema: SchemaType | null, value: unknown): string {
  if (typeof value === 'number') {
    if (schema?.type() === 'FLOAT32') return javaFloatToString(value);
    if (schema?.type() === 'FLOAT64' || (schema === null && !Number.isInteger(value)))
      return javaDoubleToString(value);
  }
  return String(value);
}

/**
 * org.apache.kafka.connect.storage.StringConverter: writes any value's string form in `converter.encoding`,
 * reads bytes as an optional string. Schemas are ignored when writing and not stored.
 */
export class StringConverter implements Converter, HeaderConverter {
  private charset: Charset = 'utf8';

  config(): ConfigDef {
    return STRING_CONVERTER_CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, unknown>>, isKey?: boolean): void {
    const config = new AbstractConfig(STRING_CONVERTER_CONFIG_DEF, withConverterType(configs, isKey));
    const encoding = config.getString(STRING_CONVERTER_ENCODING_CONFIG) ?? 'UTF-8';
    const charset = CHARSETS[encoding.toLowerCase()];
    if (charset === undefined) {
      throw new ConfigException(
        STRING_CONVERTER_ENCODING_CONFIG,
        encoding,
        `Unsupported encoding ${encoding}`,
      );
    }
    this.charset = charset;
  }

  fromConnectData(_topic: string, schema: SchemaType | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    try {
      return encode(javaToString(schema, value), this.charset);
    } catch (error) {
      throw new DataException('Failed to serialize to a string: ', { cause: error });
    }
  }

  toConnectData(_topic: string, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(
      Schema.OPTIONAL_STRING_SCHEMA,
      value === null ? null : decode(value, this.charset),
    );
  }

  fromConnectHeader(
    topic: string,
    _headerKey: string,
    schema: SchemaType | null,
    value: unknown,
  ): Uint8Array | null {
    return this.fromConnectData(topic, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, value);
  }

  close(): void {}
}
