/**
 * org.apache.kafka.connect.storage.SimpleHeaderConverter, the worker's default header converter: writes a
 * header's value as its string form in UTF-8 (bytes as they are, maps, structs and arrays as JSON), and reads
 * a header back as an optional string.
 *
 * Kafka's reads a header back with type inference (Values.parseString: "5" becomes an INT8, "true" a BOOLEAN,
 * "[1,2]" an ARRAY); this one does not, so a transform comparing a header to a number sees a string.
 */
import { ConfigDef } from '../config/config-def.ts';
import { SchemaAndValue } from '../data/schema-and-value.ts';
import { Schema } from '../data/schema.ts';
import type { HeaderConverter } from './converter.ts';

export class SimpleHeaderConverter implements HeaderConverter {
  config(): ConfigDef {
    return new ConfigDef();
  }

  configure(): void {}

  fromConnectHeader(_topic: string, _headerKey: string, _schema: unknown, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    if (value instanceof Uint8Array) return value;
    if (typeof value === 'string') return Buffer.from(value, 'utf8');
    if (typeof value === 'object')
      return Buffer.from(
        JSON.stringify(value, (_k, v: unknown) =>
          typeof v === 'bigint' ? Number(v) : v instanceof Map ? Object.fromEntries(v) : v,
        ),
        'utf8',
      );
    return Buffer.from(String(value), 'utf8');
  }

  toConnectHeader(_topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    if (value === null) return new SchemaAndValue(null, null);
    return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, Buffer.from(value).toString('utf8'));
  }

  close(): void {}
}
