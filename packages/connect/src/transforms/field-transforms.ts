/**
 * MaskField, HoistField, ExtractField ($Key/$Value) and ValueToKey: the field-level transformations whose logic
 * fits in a few lines each. Behaviour, config keys and messages follow Kafka's classes of the same names;
 * ExtractField takes a top-level field name (Kafka's `field.syntax.version=V1`).
 */
import { ConfigDef, NO_DEFAULT_VALUE } from '../config/config-def.ts';
import { NonEmptyListValidator, NonEmptyString } from '../config/validators.ts';
import { BigDecimal } from '../data/big-decimal.ts';
import { LruCache } from '../data/lru-cache.ts';
import { NumberFormatException, javaParseDouble, javaParseInt, javaParseLong } from '../data/java-numbers.ts';
import { SchemaBuilder, javaClassName } from '../data/schema.ts';
import type { Schema } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import type { AnyConnectRecord } from '../connector/connect-record.ts';
import { DataException } from '../errors.ts';
import {
  REPLACE_NULL_WITH_DEFAULT_CONFIG,
  REPLACE_NULL_WITH_DEFAULT_DOC,
  SimpleConfig,
  fieldValue,
  operatingSchema,
  operatingValue,
  requireMap,
  requireMapOrNull,
  requireStruct,
  requireStructOrNull,
  withSide,
} from './transformation.ts';
import type { RecordSide, Transformation } from './transformation.ts';

const replaceNullWithDefaultKey = {
  name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
  type: 'BOOLEAN',
  defaultValue: true,
  importance: 'MEDIUM',
  documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
} as const;

function sideVariants<T>(make: (side: RecordSide) => T): { Key: new () => T; Value: new () => T } {
  return {
    Key: function Key() {
      return make('key');
    } as unknown as new () => T,
    Value: function Value() {
      return make('value');
    } as unknown as new () => T,
  };
}

export const MASK_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'fields',
    type: 'LIST',
    defaultValue: NO_DEFAULT_VALUE,
    validator: NonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'Names of fields to mask.',
  })
  .define({
    name: 'replacement',
    type: 'STRING',
    defaultValue: null,
    validator: NonEmptyString,
    importance: 'LOW',
    documentation:
      "Custom value replacement, that will be applied to all 'fields' values (numeric or non-empty string values only).",
  })
  .define(replaceNullWithDefaultKey);

/** The Java class a masked value has, from its schema when there is one (so an INT64 is a Long). */
function maskClass(schema: Schema | null, value: unknown): string {
  if (schema !== null) {
    if (schema.name() === 'org.apache.kafka.connect.data.Decimal') return 'java.math.BigDecimal';
    switch (schema.type()) {
      case 'INT8':
        return 'java.lang.Byte';
      case 'INT16':
        return 'java.lang.Short';
      case 'INT64':
        return 'java.lang.Long';
      case 'FLOAT32':
        return 'java.lang.Float';
      default:
        break;
    }
  }
  return javaClassName(value);
}

function maskWithNull(className: string, value: unknown): unknown {
  switch (className) {
    case 'java.lang.Boolean':
      return false;
    case 'java.lang.Byte':
    case 'java.lang.Short':
    case 'java.lang.Integer':
    case 'java.lang.Float':
    case 'java.lang.Double':
      return 0;
    case 'java.lang.Long':
      return typeof value === 'bigint' ? 0n : 0;
    case 'java.math.BigDecimal':
      return BigDecimal.ZERO;
    case 'java.util.Date':
      return new Date(0);
    case 'java.lang.String':
      return '';
    case 'java.util.ArrayList':
      return [];
    case 'java.util.HashMap':
      return new Map();
    default:
      throw new DataException(`Cannot mask value of type: class ${className}`);
  }
}

function maskWithReplacement(className: string, value: unknown, replacement: string): unknown {
  try {
    switch (className) {
      case 'java.lang.Byte':
        return javaParseInt(replacement.trim(), 8);
      case 'java.lang.Short':
        return javaParseInt(replacement.trim(), 16);
      case 'java.lang.Integer':
        return javaParseInt(replacement.trim(), 32);
      case 'java.lang.Long': {
        const parsed = javaParseLong(replacement.trim());
        return typeof value === 'bigint' ? parsed : Number(parsed);
      }
      case 'java.lang.Float':
        return Math.fround(javaParseDouble(replacement));
      case 'java.lang.Double':
        return javaParseDouble(replacement);
      case 'java.lang.String':
        return replacement;
      case 'java.math.BigDecimal':
        return BigDecimal.parse(replacement);
      default:
        throw new DataException(`Cannot mask value of type class ${className} with custom replacement.`);
    }
  } catch (error) {
    if (error instanceof NumberFormatException) {
      throw new DataException(`Unable to convert ${replacement} (class java.lang.String) to number`, {
        cause: error,
      });
    }
    throw error;
  }
}

export class MaskField<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  static readonly Key = sideVariants((side) => new MaskField(side)).Key;
  static readonly Value = sideVariants((side) => new MaskField(side)).Value;

  private maskedFields = new Set<string>();
  private replacement: string | null = null;
  private replaceNullWithDefault = true;

  protected constructor(private readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(MASK_FIELD_CONFIG_DEF, props);
    this.maskedFields = new Set(config.getList('fields'));
    this.replacement = config.getString('replacement');
    this.replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  private masked(schema: Schema | null, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    const className = maskClass(schema, value);
    return this.replacement === null
      ? maskWithNull(className, value)
      : maskWithReplacement(className, value, this.replacement);
  }

  apply(record: R): R {
    const schema = operatingSchema(record, this.side);
    if (schema === null) {
      const value = requireMap(operatingValue(record, this.side), 'mask fields');
      const updated = new Map(value);
      for (const field of this.maskedFields) updated.set(field, this.masked(null, value.get(field) ?? null));
      return withSide(record, this.side, null, updated);
    }
    const value = requireStruct(operatingValue(record, this.side), 'mask fields');
    const updated = new Struct(value.schema());
    for (const field of value.schema().fields()) {
      const original = fieldValue(value, field.name(), this.replaceNullWithDefault);
      updated.put(
        field,
        this.maskedFields.has(field.name()) ? this.masked(field.schema(), original) : original,
      );
    }
    return withSide(record, this.side, value.schema(), updated);
  }

  config(): ConfigDef {
    return MASK_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

export const HOIST_FIELD_CONFIG_DEF = new ConfigDef().define({
  name: 'field',
  type: 'STRING',
  defaultValue: NO_DEFAULT_VALUE,
  importance: 'MEDIUM',
  documentation: 'Field name for the single field that will be created in the resulting Struct or Map.',
});

export class HoistField<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  static readonly Key = sideVariants((side) => new HoistField(side)).Key;
  static readonly Value = sideVariants((side) => new HoistField(side)).Value;

  private fieldName = '';
  private schemaUpdateCache = new LruCache<Schema, Schema>(16);

  protected constructor(private readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, unknown>>): void {
    this.fieldName = new SimpleConfig(HOIST_FIELD_CONFIG_DEF, props).getString('field') as string;
    this.schemaUpdateCache = new LruCache(16);
  }

  apply(record: R): R {
    const schema = operatingSchema(record, this.side);
    const value = operatingValue(record, this.side);
    if (schema === null) return withSide(record, this.side, null, new Map([[this.fieldName, value]]));
    let updatedSchema = this.schemaUpdateCache.get(schema);
    if (updatedSchema === undefined) {
      updatedSchema = SchemaBuilder.struct().field(this.fieldName, schema).build();
      this.schemaUpdateCache.put(schema, updatedSchema);
    }
    return withSide(record, this.side, updatedSchema, new Struct(updatedSchema).put(this.fieldName, value));
  }

  config(): ConfigDef {
    return HOIST_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

export const EXTRACT_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'field',
    type: 'STRING',
    defaultValue: NO_DEFAULT_VALUE,
    importance: 'MEDIUM',
    documentation: 'Field name to extract.',
  })
  .define(replaceNullWithDefaultKey);

export class ExtractField<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  static readonly Key = sideVariants((side) => new ExtractField(side)).Key;
  static readonly Value = sideVariants((side) => new ExtractField(side)).Value;

  private fieldName = '';
  private replaceNullWithDefault = true;

  protected constructor(private readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(EXTRACT_FIELD_CONFIG_DEF, props);
    this.fieldName = config.getString('field') as string;
    this.replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
  }

  apply(record: R): R {
    const schema = operatingSchema(record, this.side);
    if (schema === null) {
      const value = requireMapOrNull(operatingValue(record, this.side), 'field extraction');
      return withSide(record, this.side, null, value === null ? null : (value.get(this.fieldName) ?? null));
    }
    const value = requireStructOrNull(operatingValue(record, this.side), 'field extraction');
    const field = schema.field(this.fieldName);
    if (field === null) throw new RangeError(`Unknown field: ${this.fieldName}`);
    return withSide(
      record,
      this.side,
      field.schema(),
      value === null ? null : fieldValue(value, this.fieldName, this.replaceNullWithDefault),
    );
  }

  config(): ConfigDef {
    return EXTRACT_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

export const VALUE_TO_KEY_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'fields',
    type: 'LIST',
    defaultValue: NO_DEFAULT_VALUE,
    validator: NonEmptyListValidator,
    importance: 'HIGH',
    documentation: 'Field names on the record value to extract as the record key.',
  })
  .define(replaceNullWithDefaultKey);

/** ValueToKey: replaces the key with a Map/Struct of the listed value fields. */
export class ValueToKey<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  private fields: string[] = [];
  private replaceNullWithDefault = true;
  private keySchemaCache = new LruCache<Schema, Schema>(16);

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(VALUE_TO_KEY_CONFIG_DEF, props);
    this.fields = config.getList('fields') ?? [];
    this.replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
    this.keySchemaCache = new LruCache(16);
  }

  apply(record: R): R {
    const purpose = 'copying fields from value to key';
    if (record.valueSchema === null) {
      const value = requireMap(record.value, purpose);
      const key = new Map(this.fields.map((field) => [field, value.get(field) ?? null]));
      return record.newRecord(
        record.topic,
        record.kafkaPartition,
        null,
        key,
        null,
        record.value,
        record.timestamp,
      ) as R;
    }
    const value = requireStruct(record.value, purpose);
    let keySchema = this.keySchemaCache.get(value.schema());
    if (keySchema === undefined) {
      const builder = SchemaBuilder.struct();
      for (const field of this.fields) {
        const fromValue = value.schema().field(field);
        if (fromValue === null) throw new DataException(`Field does not exist: ${field}`);
        builder.field(field, fromValue.schema());
      }
      keySchema = builder.build();
      this.keySchemaCache.put(value.schema(), keySchema);
    }
    const key = new Struct(keySchema);
    for (const field of this.fields) key.put(field, fieldValue(value, field, this.replaceNullWithDefault));
    return record.newRecord(
      record.topic,
      record.kafkaPartition,
      keySchema,
      key,
      value.schema(),
      value,
      record.timestamp,
    ) as R;
  }

  config(): ConfigDef {
    return VALUE_TO_KEY_CONFIG_DEF;
  }

  close(): void {}
}
