/**
 * InsertField$Key / InsertField$Value: adds fields from the record's metadata (topic, partition, offset,
 * timestamp) or a static string. A field name ending in `!` is required, `?` (or nothing) optional. Null
 * keys/values pass through; schemaless values must be Maps, values with a schema Structs.
 */
import { ConfigDef } from '../config/config-def.ts';
import { LruCache } from '../data/lru-cache.ts';
import { ConnectTimestamp } from '../data/logical-types.ts';
import { Schema, SchemaBuilder } from '../data/schema.ts';
import type { Schema as ConnectSchema } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import type { AnyConnectRecord } from '../connector/connect-record.ts';
import { ConfigException } from '../errors.ts';
import {
  REPLACE_NULL_WITH_DEFAULT_CONFIG,
  REPLACE_NULL_WITH_DEFAULT_DOC,
  SimpleConfig,
  copySchemaBasics,
  fieldValue,
  operatingSchema,
  operatingValue,
  requireMap,
  requireSinkRecord,
  requireStruct,
  withSide,
} from './transformation.ts';
import type { RecordSide, Transformation } from './transformation.ts';

const OPTIONALITY_DOC =
  'Suffix with <code>!</code> to make this a required field, or <code>?</code> to keep it optional (the default).';

export const INSERT_FIELD_CONFIG_DEF = new ConfigDef()
  .define({
    name: 'topic.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for Kafka topic. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'partition.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for Kafka partition. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'offset.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for Kafka offset - only applicable to sink connectors.<br/>${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'timestamp.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for record timestamp. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'static.field',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: `Field name for static data field. ${OPTIONALITY_DOC}`,
  })
  .define({
    name: 'static.value',
    type: 'STRING',
    defaultValue: null,
    importance: 'MEDIUM',
    documentation: 'Static field value, if field name configured.',
  })
  .define({
    name: REPLACE_NULL_WITH_DEFAULT_CONFIG,
    type: 'BOOLEAN',
    defaultValue: true,
    importance: 'MEDIUM',
    documentation: REPLACE_NULL_WITH_DEFAULT_DOC,
  });

const PURPOSE = 'field insertion';
const OPTIONAL_TIMESTAMP_SCHEMA = ConnectTimestamp.builder().optional().build();

interface InsertionSpec {
  name: string;
  optional: boolean;
}

function parseSpec(spec: string | null): InsertionSpec | null {
  if (spec === null) return null;
  if (spec.endsWith('?')) return { name: spec.slice(0, -1), optional: true };
  if (spec.endsWith('!')) return { name: spec.slice(0, -1), optional: false };
  return { name: spec, optional: true };
}

export abstract class InsertField<
  R extends AnyConnectRecord = AnyConnectRecord,
> implements Transformation<R> {
  static Key: new () => InsertField;
  static Value: new () => InsertField;

  private topicField: InsertionSpec | null = null;
  private partitionField: InsertionSpec | null = null;
  private offsetField: InsertionSpec | null = null;
  private timestampField: InsertionSpec | null = null;
  private staticField: InsertionSpec | null = null;
  private staticValue: string | null = null;
  private replaceNullWithDefault = true;
  private schemaUpdateCache = new LruCache<ConnectSchema, ConnectSchema>(16);

  protected constructor(private readonly side: RecordSide) {}

  configure(props: Readonly<Record<string, unknown>>): void {
    const config = new SimpleConfig(INSERT_FIELD_CONFIG_DEF, props);
    this.topicField = parseSpec(config.getString('topic.field'));
    this.partitionField = parseSpec(config.getString('partition.field'));
    this.offsetField = parseSpec(config.getString('offset.field'));
    this.timestampField = parseSpec(config.getString('timestamp.field'));
    this.staticField = parseSpec(config.getString('static.field'));
    this.staticValue = config.getString('static.value');
    this.replaceNullWithDefault = config.getBoolean(REPLACE_NULL_WITH_DEFAULT_CONFIG) ?? true;
    if (
      !this.topicField &&
      !this.partitionField &&
      !this.offsetField &&
      !this.timestampField &&
      !this.staticField
    ) {
      throw new ConfigException('No field insertion configured');
    }
    // Kafka prints the parsed spec object here (InsertField$InsertionSpec@hash); the field name is more useful.
    if (this.staticField !== null && this.staticValue === null) {
      throw new ConfigException(
        'static.value',
        null,
        `No value specified for static field: ${this.staticField.name}`,
      );
    }
    this.schemaUpdateCache = new LruCache(16);
  }

  apply(record: R): R {
    if (operatingValue(record, this.side) === null) return record;
    if (operatingSchema(record, this.side) === null) return this.applySchemaless(record);
    return this.applyWithSchema(record);
  }

  private applySchemaless(record: R): R {
    const updated = new Map(requireMap(operatingValue(record, this.side), PURPOSE));
    if (this.topicField) updated.set(this.topicField.name, record.topic);
    if (this.partitionField && record.kafkaPartition !== null)
      updated.set(this.partitionField.name, record.kafkaPartition);
    if (this.offsetField) updated.set(this.offsetField.name, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (this.timestampField && record.timestamp !== null)
      updated.set(this.timestampField.name, record.timestamp);
    if (this.staticField && this.staticValue !== null) updated.set(this.staticField.name, this.staticValue);
    return withSide(record, this.side, null, updated);
  }

  private applyWithSchema(record: R): R {
    const value = requireStruct(operatingValue(record, this.side), PURPOSE);
    const valueSchema = value.schema().schema();
    let updatedSchema = this.schemaUpdateCache.get(valueSchema);
    if (updatedSchema === undefined) {
      updatedSchema = this.makeUpdatedSchema(valueSchema);
      this.schemaUpdateCache.put(valueSchema, updatedSchema);
    }
    const updated = new Struct(updatedSchema);
    for (const field of valueSchema.fields()) {
      updated.put(field.name(), fieldValue(value, field.name(), this.replaceNullWithDefault));
    }
    if (this.topicField) updated.put(this.topicField.name, record.topic);
    if (this.partitionField && record.kafkaPartition !== null)
      updated.put(this.partitionField.name, record.kafkaPartition);
    if (this.offsetField) updated.put(this.offsetField.name, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (this.timestampField && record.timestamp !== null)
      updated.put(this.timestampField.name, new Date(record.timestamp));
    if (this.staticField && this.staticValue !== null) updated.put(this.staticField.name, this.staticValue);
    return withSide(record, this.side, updatedSchema, updated);
  }

  private makeUpdatedSchema(schema: ConnectSchema): ConnectSchema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const field of schema.fields()) builder.field(field.name(), field.schema());
    const add = (spec: InsertionSpec | null, optional: ConnectSchema, required: ConnectSchema): void => {
      if (spec) builder.field(spec.name, spec.optional ? optional : required);
    };
    add(this.topicField, Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA);
    add(this.partitionField, Schema.OPTIONAL_INT32_SCHEMA, Schema.INT32_SCHEMA);
    add(this.offsetField, Schema.OPTIONAL_INT64_SCHEMA, Schema.INT64_SCHEMA);
    add(this.timestampField, OPTIONAL_TIMESTAMP_SCHEMA, ConnectTimestamp.SCHEMA);
    add(this.staticField, Schema.OPTIONAL_STRING_SCHEMA, Schema.STRING_SCHEMA);
    return builder.build();
  }

  config(): ConfigDef {
    return INSERT_FIELD_CONFIG_DEF;
  }

  close(): void {}
}

InsertField.Key = class extends InsertField {
  constructor() {
    super('key');
  }
};
InsertField.Value = class extends InsertField {
  constructor() {
    super('value');
  }
};
