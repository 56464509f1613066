/**
 * org.apache.kafka.connect.json.JsonConverter. With `schemas.enable=true` every message is an envelope
 * `{"schema":...,"payload":...}` whose schema object lists, in this order: type, then items / keys+values /
 * fields (each field's schema followed by its "field" name), optional, name, version, doc, parameters, default.
 * Type names are Kafka's JSON names (int8 ... int64, float, double, boolean, string, bytes, array, map, struct).
 * With `schemas.enable=false` the payload is written alone and read back with an inferred schema of null
 * (integers as INT64 bigints, other numbers as FLOAT64, objects as Maps).
 * Floating point values are written as Java prints them (12.0, 1.0E10) and bytes as base64, as Jackson does.
 */
import { AbstractConfig } from '../config/abstract-config.ts';
import type { ConfigDef } from '../config/config-def.ts';
import { CaseInsensitiveValidString } from '../config/validators.ts';
import { BigDecimal } from '../data/big-decimal.ts';
import { javaDoubleToString, javaFloatToString, narrow } from '../data/java-numbers.ts';
import { ConnectDate, ConnectTime, ConnectTimestamp, Decimal } from '../data/logical-types.ts';
import { LruCache } from '../data/lru-cache.ts';
import { SchemaAndValue } from '../data/schema-and-value.ts';
import type { Schema } from '../data/schema.ts';
import {
  SchemaBuilder,
  javaClassName,
  schemaEquals,
  schemaTypeOf,
  valueMatchesSchemaClass,
} from '../data/schema.ts';
import type { SchemaType } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import { DataException } from '../errors.ts';
import type { Converter, HeaderConverter } from '../storage/converter.ts';
import { newConverterConfigDef, withConverterType } from '../storage/converter.ts';
import type { JsonNode } from './json-node.ts';
import {
  NULL_NODE,
  asText,
  binaryValue,
  nodeTypeName,
  numberNode,
  objectNode,
  parseJson,
  serializeJson,
  textNode,
  writeJson,
} from './json-node.ts';

export const SCHEMAS_ENABLE_CONFIG = 'schemas.enable';
export const SCHEMAS_CACHE_SIZE_CONFIG = 'schemas.cache.size';
export const DECIMAL_FORMAT_CONFIG = 'decimal.format';
export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';

export type DecimalFormat = 'BASE64' | 'NUMERIC';

const JSON_CONVERTER_CONFIG_DEF = newConverterConfigDef()
  .define({
    name: SCHEMAS_ENABLE_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'HIGH',
    documentation: 'Include schemas within each of the serialized values and keys.',
    group: 'Schemas',
    orderInGroup: 0,
    width: 'MEDIUM',
    displayName: 'Enable Schemas',
  })
  .define({
    name: SCHEMAS_CACHE_SIZE_CONFIG,
    type: 'INT',
    defaultValue: 1000,
    importance: 'HIGH',
    documentation: 'The maximum number of schemas that can be cached in this converter instance.',
    group: 'Schemas',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Schema Cache Size',
  })
  .define({
    name: DECIMAL_FORMAT_CONFIG,
    type: 'STRING',
    defaultValue: 'BASE64',
    validator: CaseInsensitiveValidString.in('BASE64', 'NUMERIC'),
    importance: 'LOW',
    documentation:
      "Controls which format this converter will serialize decimals in. This value is case insensitive and can be either 'BASE64' (default) or 'NUMERIC'",
    group: 'Serialization',
    orderInGroup: 0,
    width: 'MEDIUM',
    displayName: 'Decimal Format',
  })
  .define({
    name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'LOW',
    documentation:
      'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.',
    group: 'Serialization',
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Replace null with default',
  });

const TYPE_NAMES: Record<SchemaType, string> = {
  INT8: 'int8',
  INT16: 'int16',
  INT32: 'int32',
  INT64: 'int64',
  FLOAT32: 'float',
  FLOAT64: 'double',
  BOOLEAN: 'boolean',
  STRING: 'string',
  BYTES: 'bytes',
  ARRAY: 'array',
  MAP: 'map',
  STRUCT: 'struct',
};

const TYPES_BY_NAME = new Map(Object.entries(TYPE_NAMES).map(([type, name]) => [name, type as SchemaType]));

interface JsonConverterSettings {
  schemasEnabled: boolean;
  decimalFormat: DecimalFormat;
  replaceNullWithDefault: boolean;
}

export class JsonConverter implements Converter, HeaderConverter {
  private settings: JsonConverterSettings = {
    schemasEnabled: true,
    decimalFormat: 'BASE64',
    replaceNullWithDefault: true,
  };
  private fromConnectSchemaCache = new LruCache<Schema, JsonNode & { kind: 'object' }>(1000);
  private toConnectSchemaCache = new LruCache<string, Schema>(1000);

  config(): ConfigDef {
    return JSON_CONVERTER_CONFIG_DEF;
  }

  configure(configs: Readonly<Record<string, unknown>>, isKey?: boolean): void {
    const config = new AbstractConfig(JSON_CONVERTER_CONFIG_DEF, withConverterType(configs, isKey));
    this.settings = {
      schemasEnabled: config.getBoolean(SCHEMAS_ENABLE_CONFIG) ?? true,
      decimalFormat: (config.getString(DECIMAL_FORMAT_CONFIG) ?? 'BASE64').toUpperCase() as DecimalFormat,
      replaceNullWithDefault: config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true,
    };
    const cacheSize = config.getInt(SCHEMAS_CACHE_SIZE_CONFIG) ?? 1000;
    this.fromConnectSchemaCache = new LruCache(cacheSize);
    this.toConnectSchemaCache = new LruCache(cacheSize);
  }

  fromConnectData(_topic: string, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema === null && (value === null || value === undefined)) return null;
    const json = this.settings.schemasEnabled
      ? objectNode([
          ['schema', this.asJsonSchema(schema) ?? NULL_NODE],
          ['payload', this.convertToJson(schema, value) ?? NULL_NODE],
        ])
      : this.convertToJson(schema, value);
    return json === null ? null : serializeJson(json);
  }

  toConnectData(_topic: string, value: Uint8Array | null): SchemaAndValue {
    if (value === null) return SchemaAndValue.NULL;
    let json: JsonNode;
    try {
      json = parseJson(value);
    } catch (error) {
      throw new DataException('Converting byte[] to Kafka Connect data failed due to serialization error: ', {
        cause: error,
      });
    }
    if (this.settings.schemasEnabled) {
      if (
        json.kind !== 'object' ||
        json.fields.size !== 2 ||
        !json.fields.has('schema') ||
        !json.fields.has('payload')
      ) {
        throw new DataException(
          'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields.' +
            ' If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.',
        );
      }
      const schema = this.asConnectSchema(json.fields.get('schema') as JsonNode);
      return new SchemaAndValue(schema, this.convertToConnect(schema, json.fields.get('payload')));
    }
    return new SchemaAndValue(null, this.convertToConnect(null, json));
  }

  fromConnectHeader(
    topic: string,
    _headerKey: string,
    schema: Schema | null,
    value: unknown,
  ): Uint8Array | null {
    return this.fromConnectData(topic, schema, value);
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, value);
  }

  close(): void {}

  /** The JSON schema object Kafka writes for `schema` (null for no schema). */
  asJsonSchema(schema: Schema | null): (JsonNode & { kind: 'object' }) | null {
    if (schema === null) return null;
    const cached = this.fromConnectSchemaCache.get(schema);
    if (cached) return cached;
    const json = objectNode([['type', textNode(TYPE_NAMES[schema.type()])]]);
    switch (schema.type()) {
      case 'ARRAY':
        json.fields.set('items', this.asJsonSchema(schema.valueSchema()) ?? NULL_NODE);
        break;
      case 'MAP':
        json.fields.set('keys', this.asJsonSchema(schema.keySchema()) ?? NULL_NODE);
        json.fields.set('values', this.asJsonSchema(schema.valueSchema()) ?? NULL_NODE);
        break;
      case 'STRUCT':
        json.fields.set('fields', {
          kind: 'array',
          items: schema.fields().map((field) => {
            const fieldJson = objectNode(
              (this.asJsonSchema(field.schema()) as JsonNode & { kind: 'object' }).fields,
            );
            fieldJson.fields.set('field', textNode(field.name()));
            return fieldJson;
          }),
        });
        break;
      default:
        break;
    }
    json.fields.set('optional', { kind: 'boolean', value: schema.isOptional() });
    const name = schema.name();
    if (name !== null) json.fields.set('name', textNode(name));
    const version = schema.version();
    if (version !== null) json.fields.set('version', numberNode(String(version), true));
    const doc = schema.doc();
    if (doc !== null) json.fields.set('doc', textNode(doc));
    const parameters = schema.parameters();
    if (parameters !== null) {
      json.fields.set(
        'parameters',
        objectNode([...parameters].map(([key, value]) => [key, textNode(value)])),
      );
    }
    if (schema.defaultValue() !== null) {
      json.fields.set('default', this.convertToJson(schema, schema.defaultValue()) ?? NULL_NODE);
    }
    this.fromConnectSchemaCache.put(schema, json);
    return json;
  }

  /** The Connect schema a JSON schema object describes (null for a JSON null). */
  asConnectSchema(jsonSchema: JsonNode): Schema | null {
    if (jsonSchema.kind === 'null') return null;
    const cacheKey = writeJson(jsonSchema);
    const cached = this.toConnectSchemaCache.get(cacheKey);
    if (cached) return cached;
    const fields = jsonSchema.kind === 'object' ? jsonSchema.fields : new Map<string, JsonNode>();
    const typeNode = fields.get('type');
    if (typeNode === undefined || typeNode.kind !== 'string')
      throw new DataException("Schema must contain 'type' field");
    const type = TYPES_BY_NAME.get(typeNode.value);
    let builder: SchemaBuilder;
    switch (type) {
      case 'ARRAY': {
        const items = fields.get('items');
        if (items === undefined || items.kind === 'null') {
          throw new DataException('Array schema did not specify the element type');
        }
        builder = SchemaBuilder.array(this.asConnectSchema(items) as Schema);
        break;
      }
      case 'MAP': {
        const keys = fields.get('keys');
        if (keys === undefined) throw new DataException('Map schema did not specify the key type');
        const values = fields.get('values');
        if (values === undefined) throw new DataException('Map schema did not specify the value type');
        builder = SchemaBuilder.map(
          this.asConnectSchema(keys) as Schema,
          this.asConnectSchema(values) as Schema,
        );
        break;
      }
      case 'STRUCT': {
        builder = SchemaBuilder.struct();
        const structFields = fields.get('fields');
        if (structFields === undefined || structFields.kind !== 'array') {
          throw new DataException('Struct schema\'s "fields" argument is not an array.');
        }
        for (const field of structFields.items) {
          const fieldName = field.kind === 'object' ? field.fields.get('field') : undefined;
          if (fieldName === undefined || fieldName.kind !== 'string') {
            throw new DataException("Struct schema's field name not specified properly");
          }
          builder.field(fieldName.value, this.asConnectSchema(field) as Schema);
        }
        break;
      }
      case undefined:
        throw new DataException(`Unknown schema type: ${typeNode.value}`);
      default:
        builder = SchemaBuilder.type(type);
    }
    const optional = fields.get('optional');
    if (optional?.kind === 'boolean' && optional.value) builder.optional();
    else builder.required();
    const name = fields.get('name');
    if (name?.kind === 'string') builder.name(name.value);
    const version = fields.get('version');
    if (version?.kind === 'number' && version.integral) builder.version(intValue(version));
    const doc = fields.get('doc');
    if (doc?.kind === 'string') builder.doc(doc.value);
    const parameters = fields.get('parameters');
    if (parameters?.kind === 'object') {
      for (const [key, value] of parameters.fields) {
        if (value.kind !== 'string') throw new DataException('Schema parameters must have string values.');
        builder.parameter(key, value.value);
      }
    }
    const defaultNode = fields.get('default');
    if (defaultNode !== undefined) builder.defaultValue(this.convertToConnect(builder, defaultNode));
    const schema = builder.build();
    this.toConnectSchemaCache.put(cacheKey, schema);
    return schema;
  }

  private convertToJson(schema: Schema | null, value: unknown): JsonNode | null {
    if (value === null || value === undefined) {
      if (schema === null) return null;
      if (schema.defaultValue() !== null && this.settings.replaceNullWithDefault) {
        return this.convertToJson(schema, schema.defaultValue());
      }
      if (schema.isOptional()) return NULL_NODE;
      throw new DataException(
        'Conversion error: null value for field that is required and has no default value',
      );
    }
    const logical = schema?.name();
    if (schema && logical) {
      const converted = this.logicalToJson(schema, logical, value);
      if (converted !== undefined) return converted;
    }
    let type: SchemaType;
    if (schema === null) {
      const inferred = schemaTypeOf(value);
      if (inferred === null) {
        throw new DataException(
          `Java class class ${javaClassName(value)} does not have corresponding schema type.`,
        );
      }
      type = inferred;
    } else {
      type = schema.type();
    }
    const invalid = (): DataException =>
      new DataException(
        `Invalid type for ${schema ? schema.type() : 'unknown schema'}: class ${javaClassName(value)}`,
      );
    switch (type) {
      case 'INT8':
      case 'INT16':
      case 'INT32':
      case 'INT64':
        if (!valueMatchesSchemaClass(schema ?? SchemaBuilder.type(type), value)) throw invalid();
        return numberNode(String(value), true);
      case 'FLOAT32':
      case 'FLOAT64': {
        if (typeof value !== 'number') throw invalid();
        const text = type === 'FLOAT32' ? javaFloatToString(value) : javaDoubleToString(value);
        return Number.isFinite(value) ? numberNode(text, false) : textNode(text);
      }
      case 'BOOLEAN':
        if (typeof value !== 'boolean') throw invalid();
        return { kind: 'boolean', value };
      case 'STRING':
        if (typeof value !== 'string') throw invalid();
        return textNode(value);
      case 'BYTES':
        if (!(value instanceof Uint8Array)) {
          throw new DataException(`Invalid type for bytes type: class ${javaClassName(value)}`);
        }
        return { kind: 'binary', value };
      case 'ARRAY': {
        if (!Array.isArray(value)) throw invalid();
        const elementSchema = schema === null ? null : schema.valueSchema();
        return {
          kind: 'array',
          items: value.map((item) => this.convertToJson(elementSchema, item) ?? NULL_NODE),
        };
      }
      case 'MAP': {
        if (!(value instanceof Map)) throw invalid();
        const keySchema = schema === null ? null : schema.keySchema();
        const valueSchema = schema === null ? null : schema.valueSchema();
        const objectMode =
          schema === null
            ? [...value.keys()].every((key) => typeof key === 'string')
            : keySchema?.type() === 'STRING';
        const entries = [...value].map(
          ([key, entryValue]) =>
            [
              this.convertToJson(keySchema, key) ?? NULL_NODE,
              this.convertToJson(valueSchema, entryValue) ?? NULL_NODE,
            ] as const,
        );
        if (objectMode) return objectNode(entries.map(([key, entryValue]) => [asText(key), entryValue]));
        return {
          kind: 'array',
          items: entries.map(([key, entryValue]) => ({ kind: 'array', items: [key, entryValue] })),
        };
      }
      case 'STRUCT': {
        if (!(value instanceof Struct)) throw invalid();
        if (!schemaEquals(value.schema(), schema)) throw new DataException('Mismatching schema.');
        return objectNode(
          (schema as Schema)
            .fields()
            .map((field) => [
              field.name(),
              this.convertToJson(field.schema(), value.getWithoutDefault(field.name())) ?? NULL_NODE,
            ]),
        );
      }
    }
  }

  private logicalToJson(schema: Schema, logicalName: string, value: unknown): JsonNode | undefined {
    switch (logicalName) {
      case Decimal.LOGICAL_NAME:
        if (!(value instanceof BigDecimal)) {
          throw new DataException(
            `Invalid type for Decimal, expected BigDecimal but was class ${javaClassName(value)}`,
          );
        }
        return this.settings.decimalFormat === 'NUMERIC'
          ? numberNode(value.toString(), false)
          : { kind: 'binary', value: Decimal.fromLogical(schema, value) };
      case ConnectDate.LOGICAL_NAME:
      case ConnectTime.LOGICAL_NAME:
      case ConnectTimestamp.LOGICAL_NAME: {
        const label = logicalName.slice(logicalName.lastIndexOf('.') + 1);
        if (!(value instanceof Date)) {
          throw new DataException(
            `Invalid type for ${label}, expected Date but was class ${javaClassName(value)}`,
          );
        }
        const encoded =
          logicalName === ConnectDate.LOGICAL_NAME
            ? ConnectDate.fromLogical(schema, value)
            : logicalName === ConnectTime.LOGICAL_NAME
              ? ConnectTime.fromLogical(schema, value)
              : ConnectTimestamp.fromLogical(schema, value);
        return numberNode(String(encoded), true);
      }
      default:
        return undefined;
    }
  }

  private convertToConnect(schema: Schema | null, json: JsonNode | undefined): unknown {
    let type: SchemaType | null;
    if (schema !== null) {
      type = schema.type();
      if (json === undefined || json.kind === 'null' || json.kind === 'missing') {
        if (schema.defaultValue() !== null && this.settings.replaceNullWithDefault)
          return schema.defaultValue();
        if (schema.isOptional()) return null;
        throw new DataException(`Invalid null value for required ${type} field`);
      }
    } else {
      switch (json?.kind) {
        case undefined:
        case 'null':
        case 'missing':
          return null;
        case 'boolean':
          type = 'BOOLEAN';
          break;
        case 'number':
          type = json.integral ? 'INT64' : 'FLOAT64';
          break;
        case 'array':
          type = 'ARRAY';
          break;
        case 'object':
          type = 'MAP';
          break;
        case 'string':
          type = 'STRING';
          break;
        default:
          type = null;
      }
    }
    if (type === null) throw new DataException(`Unknown schema type: null`);
    if (json === undefined) return null;
    const logicalName = schema?.name();
    if (schema && logicalName) {
      const logical = logicalToConnect(schema, logicalName, json);
      if (logical !== undefined) return logical;
    }
    return this.typeToConnect(type, schema, json);
  }

  private typeToConnect(type: SchemaType, schema: Schema | null, json: JsonNode): unknown {
    switch (type) {
      case 'BOOLEAN':
        return json.kind === 'boolean' ? json.value : false;
      case 'INT8':
        return narrow(BigInt(intValue(json)), 8);
      case 'INT16':
        return narrow(BigInt(intValue(json)), 16);
      case 'INT32':
        return intValue(json);
      case 'INT64':
        return longValue(json);
      case 'FLOAT32':
        return Math.fround(doubleValue(json));
      case 'FLOAT64':
        return doubleValue(json);
      case 'BYTES':
        try {
          return binaryValue(json);
        } catch (error) {
          throw new DataException('Invalid bytes field', { cause: error });
        }
      case 'STRING':
        return json.kind === 'string' ? json.value : null;
      case 'ARRAY': {
        const elementSchema = schema === null ? null : schema.valueSchema();
        return containerElements(json).map((item) => this.convertToConnect(elementSchema, item));
      }
      case 'MAP': {
        const keySchema = schema === null ? null : schema.keySchema();
        const valueSchema = schema === null ? null : schema.valueSchema();
        const result = new Map<unknown, unknown>();
        if (schema === null || keySchema?.type() === 'STRING') {
          if (json.kind !== 'object') {
            throw new DataException(
              `Maps with string fields should be encoded as JSON objects, but found ${nodeTypeName(json)}`,
            );
          }
          for (const [key, value] of json.fields) result.set(key, this.convertToConnect(valueSchema, value));
        } else {
          if (json.kind !== 'array') {
            throw new DataException(
              `Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeTypeName(json)}`,
            );
          }
          for (const entry of json.items) {
            if (entry.kind !== 'array') {
              throw new DataException(
                `Found invalid map entry instead of array tuple: ${nodeTypeName(entry)}`,
              );
            }
            if (entry.items.length !== 2) {
              throw new DataException(
                `Found invalid map entry, expected length 2 but found :${entry.items.length}`,
              );
            }
            result.set(
              this.convertToConnect(keySchema, entry.items[0]),
              this.convertToConnect(valueSchema, entry.items[1]),
            );
          }
        }
        return result;
      }
      case 'STRUCT': {
        if (json.kind !== 'object') {
          throw new DataException(
            `Structs should be encoded as JSON objects, but found ${nodeTypeName(json)}`,
          );
        }
        const structSchema = (schema as Schema).schema();
        const struct = new Struct(structSchema);
        for (const field of structSchema.fields()) {
          struct.put(field, this.convertToConnect(field.schema(), json.fields.get(field.name())));
        }
        return struct;
      }
    }
  }
}

function logicalToConnect(schema: Schema, logicalName: string, json: JsonNode): unknown {
  switch (logicalName) {
    case Decimal.LOGICAL_NAME:
      if (json.kind === 'number') return BigDecimal.parse(json.text);
      if (json.kind === 'binary' || json.kind === 'string') {
        try {
          return Decimal.toLogical(schema, binaryValue(json) as Uint8Array);
        } catch (error) {
          throw new DataException('Invalid bytes for Decimal field', { cause: error });
        }
      }
      throw new DataException(
        `Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeTypeName(json)}`,
      );
    case ConnectDate.LOGICAL_NAME:
      if (!isInt(json)) {
        throw new DataException(
          `Invalid type for Date, underlying representation should be integer but was ${nodeTypeName(json)}`,
        );
      }
      return ConnectDate.toLogical(schema, intValue(json));
    case ConnectTime.LOGICAL_NAME:
      if (!isInt(json)) {
        throw new DataException(
          `Invalid type for Time, underlying representation should be integer but was ${nodeTypeName(json)}`,
        );
      }
      return ConnectTime.toLogical(schema, intValue(json));
    case ConnectTimestamp.LOGICAL_NAME:
      if (json.kind !== 'number' || !json.integral) {
        throw new DataException(
          `Invalid type for Timestamp, underlying representation should be integral but was ${nodeTypeName(json)}`,
        );
      }
      return ConnectTimestamp.toLogical(schema, longValue(json));
    default:
      return undefined;
  }
}

/** Iterating a Jackson node yields array items or object values; scalars yield nothing. */
function containerElements(json: JsonNode): JsonNode[] {
  if (json.kind === 'array') return json.items;
  if (json.kind === 'object') return [...json.fields.values()];
  return [];
}

function integerPart(json: JsonNode): bigint {
  if (json.kind !== 'number') return 0n;
  return json.integral ? BigInt(json.text) : BigDecimal.parse(json.text).toBigInt();
}

/** Jackson's isInt(): an integral number that fits 32 bits. */
function isInt(json: JsonNode): boolean {
  if (json.kind !== 'number' || !json.integral) return false;
  const value = BigInt(json.text);
  return value >= -(2n ** 31n) && value < 2n ** 31n;
}

/** Jackson's intValue(): truncation and Java's narrowing; 0 for non-numbers. */
function intValue(json: JsonNode): number {
  return Number(BigInt.asIntN(32, integerPart(json)));
}

function longValue(json: JsonNode): bigint {
  return BigInt.asIntN(64, integerPart(json));
}

function doubleValue(json: JsonNode): number {
  return json.kind === 'number' ? Number(json.text) : 0;
}
