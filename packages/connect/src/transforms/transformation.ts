/**
 * Single message transformations and predicates (org.apache.kafka.connect.transforms.Transformation,
 * transforms.predicates.Predicate) and the helpers Kafka's built-in ones share (transforms.util.Requirements,
 * SchemaUtil). A transformation returns a new record, the same record, or null to drop it; it never mutates its
 * input. Most built-ins come in `$Key` and `$Value` variants that differ only in which side of the record they
 * read and rewrite; `RecordSide` captures that difference once.
 */
import { AbstractConfig } from '../config/abstract-config.ts';
import type { ConfigDef } from '../config/config-def.ts';
import { javaClassName } from '../data/schema.ts';
import type { Schema, SchemaBuilder } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import type { AnyConnectRecord } from '../connector/connect-record.ts';
import { SinkRecord } from '../connector/connect-record.ts';
import { DataException } from '../errors.ts';

export interface Transformation<R extends AnyConnectRecord = AnyConnectRecord> {
  configure(props: Readonly<Record<string, unknown>>): void;
  /** The transformed record, or null to drop it. */
  apply(record: R): R | null;
  config(): ConfigDef;
  close(): void;
}

export interface Predicate<R extends AnyConnectRecord = AnyConnectRecord> {
  configure(props: Readonly<Record<string, unknown>>): void;
  test(record: R): boolean;
  config(): ConfigDef;
  close(): void;
}

/** transforms.util.SimpleConfig: parses and validates on construction, throwing Kafka's ConfigException. */
export class SimpleConfig extends AbstractConfig {}

export type RecordSide = 'key' | 'value';

export function operatingSchema(record: AnyConnectRecord, side: RecordSide): Schema | null {
  return side === 'key' ? record.keySchema : record.valueSchema;
}

export function operatingValue(record: AnyConnectRecord, side: RecordSide): unknown {
  return side === 'key' ? record.key : record.value;
}

/** A copy of `record` with one side replaced, everything else (topic, partition, timestamp, headers) kept. */
export function withSide<R extends AnyConnectRecord>(
  record: R,
  side: RecordSide,
  schema: Schema | null,
  value: unknown,
): R {
  return side === 'key'
    ? (record.newRecord(
        record.topic,
        record.kafkaPartition,
        schema,
        value,
        record.valueSchema,
        record.value,
        record.timestamp,
      ) as R)
    : (record.newRecord(
        record.topic,
        record.kafkaPartition,
        record.keySchema,
        record.key,
        schema,
        value,
        record.timestamp,
      ) as R);
}

function nullSafeClassName(value: unknown): string {
  if (value instanceof SinkRecord) return 'org.apache.kafka.connect.sink.SinkRecord';
  if (value !== null && typeof value === 'object' && 'sourcePartition' in value) {
    return 'org.apache.kafka.connect.source.SourceRecord';
  }
  return javaClassName(value);
}

export function requireSchema(schema: Schema | null, purpose: string): Schema {
  if (schema === null) throw new DataException(`Schema required for [${purpose}]`);
  return schema;
}

/** Schemaless values that are records are JavaScript Maps with string keys (Java's Map<String, Object>). */
export function requireMap(value: unknown, purpose: string): Map<string, unknown> {
  if (!(value instanceof Map)) {
    throw new DataException(
      `Only Map objects supported in absence of schema for [${purpose}], found: ${nullSafeClassName(value)}`,
    );
  }
  return value as Map<string, unknown>;
}

export function requireMapOrNull(value: unknown, purpose: string): Map<string, unknown> | null {
  return value === null || value === undefined ? null : requireMap(value, purpose);
}

export function requireStruct(value: unknown, purpose: string): Struct {
  if (!(value instanceof Struct)) {
    throw new DataException(
      `Only Struct objects supported for [${purpose}], found: ${nullSafeClassName(value)}`,
    );
  }
  return value;
}

export function requireStructOrNull(value: unknown, purpose: string): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose);
}

export function requireSinkRecord(record: AnyConnectRecord, purpose: string): SinkRecord {
  if (!(record instanceof SinkRecord)) {
    throw new DataException(
      `Only SinkRecord supported for [${purpose}], found: ${nullSafeClassName(record)}`,
    );
  }
  return record;
}

/** SchemaUtil.copySchemaBasics: name, version, doc and parameters onto `builder`. */
export function copySchemaBasics(source: Schema, builder: SchemaBuilder): SchemaBuilder {
  builder.name(source.name());
  builder.version(source.version());
  builder.doc(source.doc());
  const parameters = source.parameters();
  if (parameters !== null) builder.parameters(parameters);
  return builder;
}

/** A struct field's value honouring `replace.null.with.default`. */
export function fieldValue(struct: Struct, fieldName: string, replaceNullWithDefault: boolean): unknown {
  return replaceNullWithDefault ? struct.get(fieldName) : struct.getWithoutDefault(fieldName);
}

export const REPLACE_NULL_WITH_DEFAULT_CONFIG = 'replace.null.with.default';
export const REPLACE_NULL_WITH_DEFAULT_DOC =
  'Whether to replace fields that have a default value and that are null to the default value. When set to true, the default value is used, otherwise null is used.';

/**
 * One step of a connector's transformation chain (runtime TransformationStage): the transformation runs only
 * when its predicate (if any) tests true, or false with `negate`.
 */
export class TransformationStage<R extends AnyConnectRecord = AnyConnectRecord> {
  constructor(
    readonly transformation: Transformation<R>,
    readonly predicate: Predicate<R> | null = null,
    readonly negate = false,
  ) {}

  apply(record: R): R | null {
    if (this.predicate !== null && this.predicate.test(record) === this.negate) return record;
    return this.transformation.apply(record);
  }
}

/** Runs stages in order; a null from any stage drops the record (runtime TransformationChain). */
export function applyChain<R extends AnyConnectRecord>(
  stages: readonly TransformationStage<R>[],
  record: R,
): R | null {
  let current: R | null = record;
  for (const stage of stages) {
    if (current === null) return null;
    current = stage.apply(current);
  }
  return current;
}
