/**
 * Cast ($Key/$Value): casts the whole key or value, or top-level fields of a Struct or schemaless Map, to a
 * primitive type. Behaviour, config keys and messages follow Kafka's Cast:
 * - `spec` is either one type (cast the whole value) or `field:type` pairs; types are Schema.Type names in
 *   any case. Casting to BYTES, ARRAY, MAP or STRUCT is a config error.
 * - Inputs are integers, floats, boolean, string and bytes; bytes (and Decimal, Date, Time, Timestamp) cast
 *   to string, bytes as base64. A Date/Time/Timestamp cast to a number is first encoded as Connect stores it
 *   (days, millis of day, epoch millis).
 * - Numbers narrow as Java's primitive conversions do (`(byte) 300` is 44, `(int) 1e20` saturates) and
 *   strings parse with Java's parsers; an unparsable string is "out of range".
 * Dates format as Values.dateFormatFor does, in UTC (a JVM worker uses its default time zone).
 */
import { ConfigDef, NO_DEFAULT_VALUE } from '../config/config-def.ts';
import type { Validator } from '../config/config-def.ts';
import { BigDecimal } from '../data/big-decimal.ts';
import {
  NumberFormatException,
  doubleToInt,
  doubleToLong,
  javaDoubleToString,
  javaFloatToString,
  javaParseDouble,
  javaParseInt,
  javaParseLong,
  narrow,
} from '../data/java-numbers.ts';
import { DATE_LOGICAL_NAME, TIME_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME } from '../data/logical-names.ts';
import { ConnectDate, ConnectTime, ConnectTimestamp } from '../data/logical-types.ts';
import { LruCache } from '../data/lru-cache.ts';
import { SCHEMA_TYPES, SchemaBuilder, javaClassName, javaString, schemaTypeOf } from '../data/schema.ts';
import type { Schema, SchemaType } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import type { AnyConnectRecord } from '../connector/connect-record.ts';
import { ConfigException, DataException } from '../errors.ts';
import { javaSplit } from './replace-field.ts';
import { SimpleDateFormat } from './simple-date-format.ts';
import {
  REPLACE_NULL_WITH_DEFAULT_CONFIG,
  REPLACE_NULL_WITH_DEFAULT_DOC,
  SimpleConfig,
  copySchemaBasics,
  fieldValue,
  operatingSchema,
  operatingValue,
  requireMap,
  requireStruct,
  withSide,
} from './transformation.ts';
import type { RecordSide, Transformation } from './transformation.ts';

export const CAST_SPEC_CONFIG = 'spec';

const PURPOSE = 'cast types';
const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;

export type CastTargetType =
  'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64' | 'BOOLEAN' | 'STRING';

// SCHEMA_TYPES is Schema.Type's declaration order, which is how Java prints an EnumSet of them.
const SUPPORTED_CAST_INPUT_TYPES: ReadonlySet<SchemaType> = new Set(SCHEMA_TYPES.slice(0, 9));
const SUPPORTED_CAST_OUTPUT_TYPES: ReadonlySet<SchemaType> = new Set(SCHEMA_TYPES.slice(0, 8));

function enumSetString(types: ReadonlySet<SchemaType>): string {
  return `[${SCHEMA_TYPES.filter((type) => types.has(type)).join(', ')}]`;
}

/** Schema.Type.valueOf(text.toUpperCase()): an unknown name is Java's IllegalArgumentException. */
function schemaTypeValueOf(text: string): SchemaType {
  const upper = text.toUpperCase();
  const type = SCHEMA_TYPES.find((candidate) => candidate === upper);
  if (type === undefined)
    throw new RangeError(`No enum constant org.apache.kafka.connect.data.Schema.Type.${upper}`);
  return type;
}

function validOutputType(type: SchemaType): CastTargetType {
  if (!SUPPORTED_CAST_OUTPUT_TYPES.has(type)) {
    throw new ConfigException(
      `Cast transformation does not support casting to ${type}; supported types are ${enumSetString(SUPPORTED_CAST_OUTPUT_TYPES)}`,
    );
  }
  return type as CastTargetType;
}

export interface CastSpec {
  /** Set when the spec is a single type for the whole key or value. */
  wholeValue: CastTargetType | null;
  fields: ReadonlyMap<string, CastTargetType>;
}

/** Cast's parseFieldTypes, including its message for a mapping with more than one colon. */
export function parseCastSpec(mappings: readonly string[]): CastSpec {
  let wholeValue: CastTargetType | null = null;
  const fields = new Map<string, CastTargetType>();
  for (const mapping of mappings) {
    const parts = javaSplit(mapping, ':');
    if (parts.length > 2)
      throw new ConfigException('renames', mappings, `Invalid rename mapping: ${mapping}`);
    if (parts.length === 1) {
      wholeValue = validOutputType(schemaTypeValueOf((parts[0] ?? '').trim()));
    } else {
      const typeName = (parts[1] as string).trim();
      let type: SchemaType;
      try {
        type = schemaTypeValueOf(typeName);
      } catch {
        throw new ConfigException(`Invalid type found in casting spec: ${typeName}`);
      }
      fields.set((parts[0] as string).trim(), validOutputType(type));
    }
  }
  if (wholeValue !== null && mappings.length > 1) {
    throw new ConfigException(
      'Cast transformations that specify a type to cast the entire value to may ony specify a single cast in their spec',
    );
  }
  return { wholeValue, fields };
}

const specValidator: Validator = {
  ensureValid(_name: string, value: unknown): void {
    const list = value as string[] | null;
    if (list === null || list.length === 0)
      throw new ConfigException('Must specify at least one field to cast.');
    parseCastSpec(list);
  },
  toString: () => 'list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>',
};

export const CAST_CONFIG_DEF = new ConfigDef()
  .define({
    name: CAST_SPEC_CONFIG,
    type: 'LIST',
    defaultValue: NO_DEFAULT_VALUE,
    validator: specValidator,
    importance: 'HIGH',
    documentation:
      'List of fields and the type to cast them to of the form field1:type,field2:type to cast fields of Maps or Structs. A single type to cast the entire value. Valid types are int8, int16, int32, int64, float32, float64, boolean, and string. Note that binary fields can only be cast to string.',
  })
  .define({
    name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

function schemaBuilderFor(type: CastTargetType): SchemaBuilder {
  switch (type) {
    case 'INT8':
      return SchemaBuilder.int8();
    case 'INT16':
      return SchemaBuilder.int16();
    case 'INT32':
      return SchemaBuilder.int32();
    case 'INT64':
      return SchemaBuilder.int64();
    case 'FLOAT32':
      return SchemaBuilder.float32();
    case 'FLOAT64':
      return SchemaBuilder.float64();
    case 'BOOLEAN':
      return SchemaBuilder.bool();
    case 'STRING':
      return SchemaBuilder.string();
  }
}

function unexpectedType(value: unknown): DataException {
  return new DataException(`Unexpected type in Cast transformation: class ${javaClassName(value)}`);
}

function isFloating(type: SchemaType): boolean {
  return type === 'FLOAT32' || type === 'FLOAT64';
}

/** Number.byteValue/shortValue/intValue/longValue of the Java number `value` stands for. */
function integral(value: unknown, sourceType: SchemaType, bits: 8 | 16 | 32 | 64): number | bigint {
  const fromBigInt = (n: bigint): number | bigint => (bits === 64 ? BigInt.asIntN(64, n) : narrow(n, bits));
  if (typeof value === 'bigint') return fromBigInt(value);
  if (value instanceof BigDecimal) return fromBigInt(value.toBigInt());
  if (typeof value === 'number') {
    if (isFloating(sourceType) || !Number.isInteger(value)) {
      return bits === 64 ? doubleToLong(value) : narrow(BigInt(doubleToInt(value)), bits);
    }
    return fromBigInt(BigInt(value));
  }
  if (typeof value === 'boolean') return bits === 64 ? BigInt(value ? 1 : 0) : value ? 1 : 0;
  if (typeof value === 'string') return bits === 64 ? javaParseLong(value) : javaParseInt(value, bits);
  throw unexpectedType(value);
}

function floating(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof BigDecimal) return value.doubleValue();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return javaParseDouble(value);
  throw unexpectedType(value);
}

function castToBoolean(value: unknown, sourceType: SchemaType): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof BigDecimal) {
    return integral(value, sourceType, 64) !== 0n;
  }
  throw unexpectedType(value);
}

/** Values.dateFormatFor: a time of day below one day's millis, a date at midnight, else a timestamp. */
function formatDate(date: Date): string {
  const millis = date.getTime();
  const pattern =
    millis < MILLIS_PER_DAY
      ? "HH:mm:ss.SSS'Z'"
      : millis % MILLIS_PER_DAY === 0
        ? 'yyyy-MM-dd'
        : "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
  return new SimpleDateFormat(pattern).format(date);
}

function castToString(value: unknown, sourceType: SchemaType): string {
  if (value instanceof Date) return formatDate(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'number') {
    if (sourceType === 'FLOAT32') return javaFloatToString(value);
    if (sourceType === 'FLOAT64' || !Number.isInteger(value)) return javaDoubleToString(value);
  }
  return javaString(value);
}

function encodeLogicalType(schema: Schema, value: unknown): unknown {
  switch (schema.name()) {
    case DATE_LOGICAL_NAME:
      return ConnectDate.fromLogical(schema, value as Date);
    case TIME_LOGICAL_NAME:
      return ConnectTime.fromLogical(schema, value as Date);
    case TIMESTAMP_LOGICAL_NAME:
      return ConnectTimestamp.fromLogical(schema, value as Date);
    default:
      return value;
  }
}

/** Cast.castValueToType: null stays null; INT64 results are bigints, as the JsonConverter produces them. */
export function castValueToType(
  schema: Schema | null,
  original: unknown,
  targetType: CastTargetType,
): unknown {
  if (original === null || original === undefined) return null;
  const sourceType = schema === null ? schemaTypeOf(original) : schema.type();
  if (sourceType === null) {
    throw new DataException(
      `Cast transformation was passed a value of type class ${javaClassName(original)} which is not supported by Connect's data API`,
    );
  }
  if (!SUPPORTED_CAST_INPUT_TYPES.has(sourceType)) {
    throw new DataException(
      `Cast transformation does not support casting from ${sourceType}; supported types are ${enumSetString(SUPPORTED_CAST_INPUT_TYPES)}`,
    );
  }
  const value =
    schema !== null && schema.name() !== null && targetType !== 'STRING'
      ? encodeLogicalType(schema, original)
      : original;
  try {
    switch (targetType) {
      case 'INT8':
        return integral(value, sourceType, 8);
      case 'INT16':
        return integral(value, sourceType, 16);
      case 'INT32':
        return integral(value, sourceType, 32);
      case 'INT64':
        return integral(value, sourceType, 64);
      case 'FLOAT32':
        return Math.fround(floating(value));
      case 'FLOAT64':
        return floating(value);
      case 'BOOLEAN':
        return castToBoolean(value, sourceType);
      case 'STRING':
        return castToString(value, sourceType);
    }
  } catch (error) {
    if (error instanceof NumberFormatException) {
      throw new DataException(`Value (${javaString(value)}) was out of range for requested data type`, {
        cause: error,
      });
    }
    throw error;
  }
}

export class Cast<R extends AnyConnectRecord = AnyConnectRecord> implements Transformation<R> {
  static readonly Key = function Key() {
    return new Cast('key');
  } as unknown as new () => Cast;
  static readonly Value = function Value() {
    return new Cast('value');
  } as unknown as new () => Cast;

  private spec: CastSpec = { wholeValue: null, fields: new Map() };
  private replaceNullWithDefault = true;
  private schemaUpdateCache = new LruCache<Schema, Schema>(16);

  protected constructor(private readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(CAST_CONFIG_DEF, props);
    this.spec = parseCastSpec(config.getList(CAST_SPEC_CONFIG) ?? []);
    this.replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
    this.schemaUpdateCache = new LruCache(16);
  }

  apply(record: R): R {
    const value = operatingValue(record, this.side);
    if (value === null || value === undefined) return record;
    const schema = operatingSchema(record, this.side);
    return schema === null
      ? this.applySchemaless(record, value)
      : this.applyWithSchema(record, schema, value);
  }

  private applySchemaless(record: R, value: unknown): R {
    if (this.spec.wholeValue !== null) {
      return withSide(record, this.side, null, castValueToType(null, value, this.spec.wholeValue));
    }
    const map = requireMap(value, PURPOSE);
    const updated = new Map(map);
    for (const [field, type] of this.spec.fields) {
      updated.set(field, castValueToType(null, map.get(field) ?? null, type));
    }
    return withSide(record, this.side, null, updated);
  }

  private applyWithSchema(record: R, schema: Schema, value: unknown): R {
    const updatedSchema = this.updatedSchema(schema);
    if (this.spec.wholeValue !== null) {
      return withSide(record, this.side, updatedSchema, castValueToType(schema, value, this.spec.wholeValue));
    }
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(updatedSchema);
    for (const field of struct.schema().fields()) {
      const original = fieldValue(struct, field.name(), this.replaceNullWithDefault);
      const targetType = this.spec.fields.get(field.name());
      updated.put(
        field.name(),
        targetType === undefined ? original : castValueToType(field.schema(), original, targetType),
      );
    }
    return withSide(record, this.side, updatedSchema, updated);
  }

  private updatedSchema(schema: Schema): Schema {
    const cached = this.schemaUpdateCache.get(schema);
    if (cached !== undefined) return cached;
    const builder = copySchemaBasics(
      schema,
      this.spec.wholeValue !== null ? schemaBuilderFor(this.spec.wholeValue) : SchemaBuilder.struct(),
    );
    if (this.spec.wholeValue === null) {
      for (const field of schema.fields()) {
        const targetType = this.spec.fields.get(field.name());
        if (targetType === undefined) {
          builder.field(field.name(), field.schema());
          continue;
        }
        const fieldBuilder = schemaBuilderFor(targetType);
        if (field.schema().isOptional()) fieldBuilder.optional();
        const fieldDefault = field.schema().defaultValue();
        if (fieldDefault !== null)
          fieldBuilder.defaultValue(castValueToType(field.schema(), fieldDefault, targetType));
        builder.field(field.name(), fieldBuilder.build());
      }
    }
    if (schema.isOptional()) builder.optional();
    const schemaDefault = schema.defaultValue();
    if (schemaDefault !== null) {
      builder.defaultValue(castValueToType(schema, schemaDefault, builder.type() as CastTargetType));
    }
    const updated = builder.build();
    this.schemaUpdateCache.put(schema, updated);
    return updated;
  }

  config(): ConfigDef {
    return CAST_CONFIG_DEF;
  }

  close(): void {}
}
