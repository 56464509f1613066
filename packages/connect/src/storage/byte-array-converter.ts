import type { ConfigDef } from '../config/config-def.ts';
import { SchemaAndValue } from '../data/schema-and-value.ts';
import { Schema, javaClassName } from '../data/schema.ts';
import type { Schema as SchemaType } from '../data/schema.ts';
import { DataException } from '../errors.ts';
import type { Converter, HeaderConverter } from './converter.ts';
import { newConverterConfigDef } from './converter.ts';

const BYTE_ARRAY_CONVERTER_CONFIG_DEF = newConverterConfigDef();

/** org.apache.kafka.connect.converters.ByteArrayConverter: passes bytes through untouched. */
export class ByteArrayConverter implements Converter, HeaderConverter {
  config(): ConfigDef {
    return BYTE_ARRAY_CONVERTER_CONFIG_DEF;
  }

  configure(): void {}

  fromConnectData(_topic: string, schema: SchemaType | null, value: unknown): Uint8Array | null {
    if (schema !== null && schema.type() !== 'BYTES') {
      throw new DataException(`Invalid schema type for ByteArrayConverter: ${schema.type()}`);
    }
    if (value !== null && value !== undefined && !(value instanceof Uint8Array)) {
      throw new DataException(
        `ByteArrayConverter is not compatible with objects of type class ${javaClassName(value)}`,
      );
    }
    return (value as Uint8Array | null | undefined) ?? null;
  }

  toConnectData(_topic: string, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
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
