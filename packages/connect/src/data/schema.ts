/**
 * Connect's schema model (org.apache.kafka.connect.data.Schema, ConnectSchema, Field, SchemaBuilder).
 *
 * Java's value classes map onto JavaScript values as follows; `validateValue` enforces it the way
 * ConnectSchema.validateValue enforces Java classes:
 *   INT8 / INT16 / INT32   number, an integer within the type's range
 *   INT64                  bigint within 64 bits, or a safe-integer number (converters always produce bigint)
 *   FLOAT32 / FLOAT64      number
 *   BOOLEAN / STRING       boolean / string
 *   BYTES                  Uint8Array (a Buffer is one)
 *   ARRAY / MAP / STRUCT   Array / Map / Struct
 *   Decimal                BigDecimal; Date, Time and Timestamp: Date
 * Error messages name the Java class a JVM worker would have seen (a JS string is `java.lang.String`), so
 * they read exactly as Kafka's.
 *
 * Schemas are immutable once built and compared by value (`schemaEquals`), as ConnectSchema.equals does.
 */
import { DataException, SchemaBuilderException } from '../errors.ts';
import { BigDecimal } from './big-decimal.ts';
import {
  INT16_MAX,
  INT16_MIN,
  INT32_MAX,
  INT32_MIN,
  INT64_MAX,
  INT64_MIN,
  INT8_MAX,
  INT8_MIN,
} from './java-numbers.ts';
import {
  DATE_LOGICAL_NAME,
  DECIMAL_LOGICAL_NAME,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
} from './logical-names.ts';
import { Struct } from './struct.ts';

export const SCHEMA_TYPES = [
  'INT8',
  'INT16',
  'INT32',
  'INT64',
  'FLOAT32',
  'FLOAT64',
  'BOOLEAN',
  'STRING',
  'BYTES',
  'ARRAY',
  'MAP',
  'STRUCT',
] as const;
export type SchemaType = (typeof SCHEMA_TYPES)[number];

export function isPrimitiveType(type: SchemaType): boolean {
  return type !== 'ARRAY' && type !== 'MAP' && type !== 'STRUCT';
}

/** Read access to a schema, implemented by ConnectSchema and (while building) SchemaBuilder, as in Kafka. */
export interface Schema {
  type(): SchemaType;
  isOptional(): boolean;
  /** The default value, or null when there is none. */
  defaultValue(): unknown;
  name(): string | null;
  version(): number | null;
  doc(): string | null;
  /** Parameters in insertion order, or null when none were set. */
  parameters(): ReadonlyMap<string, string> | null;
  /** STRUCT only; throws DataException for other types. */
  fields(): readonly Field[];
  /** STRUCT only; null when there is no such field. */
  field(fieldName: string): Field | null;
  /** MAP only. */
  keySchema(): Schema | null;
  /** ARRAY and MAP only. */
  valueSchema(): Schema | null;
  /** The concrete, immutable schema. */
  schema(): ConnectSchema;
}

export class Field {
  constructor(
    private readonly fieldName: string,
    private readonly fieldIndex: number,
    private readonly fieldSchema: Schema,
  ) {}

  name(): string {
    return this.fieldName;
  }

  index(): number {
    return this.fieldIndex;
  }

  schema(): Schema {
    return this.fieldSchema;
  }

  equals(other: Field): boolean {
    return (
      this.fieldName === other.fieldName &&
      this.fieldIndex === other.fieldIndex &&
      schemaEquals(this.fieldSchema, other.fieldSchema)
    );
  }

  toString(): string {
    return `Field{name=${this.fieldName}, index=${this.fieldIndex}, schema=${String(this.fieldSchema)}}`;
  }
}

export interface ConnectSchemaInit {
  type: SchemaType;
  optional?: boolean;
  defaultValue?: unknown;
  name?: string | null;
  version?: number | null;
  doc?: string | null;
  parameters?: ReadonlyMap<string, string> | null;
  fields?: readonly Field[] | null;
  keySchema?: Schema | null;
  valueSchema?: Schema | null;
}

export class ConnectSchema implements Schema {
  private readonly init: Required<ConnectSchemaInit>;
  private readonly fieldsByName: Map<string, Field> | null;

  constructor(init: ConnectSchemaInit) {
    this.init = {
      optional: false,
      defaultValue: null,
      name: null,
      version: null,
      doc: null,
      parameters: null,
      fields: null,
      keySchema: null,
      valueSchema: null,
      ...init,
    };
    if (init.type === 'STRUCT') {
      const fields = init.fields ?? [];
      this.init.fields = fields;
      this.fieldsByName = new Map(fields.map((field) => [field.name(), field]));
    } else {
      this.init.fields = null;
      this.fieldsByName = null;
    }
    if (this.init.defaultValue === undefined) this.init.defaultValue = null;
  }

  type(): SchemaType {
    return this.init.type;
  }
  isOptional(): boolean {
    return this.init.optional;
  }
  defaultValue(): unknown {
    return this.init.defaultValue;
  }
  name(): string | null {
    return this.init.name;
  }
  version(): number | null {
    return this.init.version;
  }
  doc(): string | null {
    return this.init.doc;
  }
  parameters(): ReadonlyMap<string, string> | null {
    return this.init.parameters;
  }

  fields(): readonly Field[] {
    if (this.init.type !== 'STRUCT') throw new DataException('Cannot list fields on non-struct type');
    return this.init.fields ?? [];
  }

  field(fieldName: string): Field | null {
    if (this.init.type !== 'STRUCT') throw new DataException('Cannot look up fields on non-struct type');
    return this.fieldsByName?.get(fieldName) ?? null;
  }

  keySchema(): Schema | null {
    if (this.init.type !== 'MAP') throw new DataException('Cannot look up key schema on non-map type');
    return this.init.keySchema;
  }

  valueSchema(): Schema | null {
    if (this.init.type !== 'MAP' && this.init.type !== 'ARRAY') {
      throw new DataException('Cannot look up value schema on non-array and non-map type');
    }
    return this.init.valueSchema;
  }

  schema(): ConnectSchema {
    return this;
  }

  /** Validates `value` against this schema, throwing DataException with Kafka's message when it does not fit. */
  validateValue(value: unknown): void {
    validateValue(this, value);
  }

  toString(): string {
    return schemaToString(this);
  }
}

function schemaToString(schema: Schema): string {
  const name = schema.name();
  return name !== null ? `Schema{${name}:${schema.type()}}` : `Schema{${schema.type()}}`;
}

/**
 * ConnectSchema.validateValue: checks `value` against `schema`. `fieldName` only shapes the message
 * (`for field: "x"` instead of `for value`).
 */
export function validateValue(schema: Schema, value: unknown, fieldName?: string | null): void {
  validateAt(schema, value, fieldName == null ? 'value' : `field: "${fieldName}"`);
}

function validateAt(schema: Schema, value: unknown, location: string): void {
  if (value === null || value === undefined) {
    if (!schema.isOptional()) {
      throw new DataException(
        `Invalid value: null used for required ${location}, schema type: ${schema.type()}`,
      );
    }
    return;
  }
  if (!valueMatchesSchemaClass(schema, value)) {
    let message = 'Invalid Java object for schema';
    const name = schema.name();
    if (name !== null) message += ` "${name}"`;
    message += ` with type ${schema.type()}: class ${javaClassName(value)} for ${location}`;
    throw new DataException(message);
  }
  switch (schema.type()) {
    case 'STRUCT': {
      const struct = value as Struct;
      if (!schemaEquals(struct.schema(), schema)) throw new DataException('Struct schemas do not match.');
      struct.validate();
      break;
    }
    case 'ARRAY': {
      const entryLocation = `element of array ${location}`;
      const elementSchema = assertSchemaNotNull(schema.valueSchema(), entryLocation);
      for (const entry of value as unknown[]) validateAt(elementSchema, entry, entryLocation);
      break;
    }
    case 'MAP': {
      const keyLocation = `key of map ${location}`;
      const valueLocation = `value of map ${location}`;
      const keySchema = assertSchemaNotNull(schema.keySchema(), keyLocation);
      const valueSchema = assertSchemaNotNull(schema.valueSchema(), valueLocation);
      for (const [entryKey, entryValue] of value as Map<unknown, unknown>) {
        validateAt(keySchema, entryKey, keyLocation);
        validateAt(valueSchema, entryValue, valueLocation);
      }
      break;
    }
    default:
      break;
  }
}

function assertSchemaNotNull(schema: Schema | null, location: string): Schema {
  if (schema === null) throw new DataException(`No schema defined for ${location}`);
  return schema;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Whether `value` has the JavaScript representation of `schema`'s type (or logical type). */
export function valueMatchesSchemaClass(schema: Schema, value: unknown): boolean {
  switch (schema.name()) {
    case DECIMAL_LOGICAL_NAME:
      return value instanceof BigDecimal;
    case DATE_LOGICAL_NAME:
    case TIME_LOGICAL_NAME:
    case TIMESTAMP_LOGICAL_NAME:
      return value instanceof Date;
    default:
      break;
  }
  switch (schema.type()) {
    case 'INT8':
      return isIntegerIn(value, INT8_MIN, INT8_MAX);
    case 'INT16':
      return isIntegerIn(value, INT16_MIN, INT16_MAX);
    case 'INT32':
      return isIntegerIn(value, INT32_MIN, INT32_MAX);
    case 'INT64':
      return typeof value === 'bigint'
        ? value >= INT64_MIN && value <= INT64_MAX
        : typeof value === 'number' && Number.isSafeInteger(value);
    case 'FLOAT32':
    case 'FLOAT64':
      return typeof value === 'number';
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'STRING':
      return typeof value === 'string';
    case 'BYTES':
      return value instanceof Uint8Array;
    case 'ARRAY':
      return Array.isArray(value);
    case 'MAP':
      return value instanceof Map;
    case 'STRUCT':
      return value instanceof Struct;
  }
}

/**
 * ConnectSchema.schemaType(Class): the schema type a schemaless value stands for, or null for values Connect
 * cannot represent without a schema (including dates and decimals, as in Kafka). A JS number is an INT32 when
 * it is an integer in range, an INT64 when it is a larger safe integer, otherwise a FLOAT64.
 */
export function schemaTypeOf(value: unknown): SchemaType | null {
  switch (typeof value) {
    case 'string':
      return 'STRING';
    case 'boolean':
      return 'BOOLEAN';
    case 'bigint':
      return 'INT64';
    case 'number':
      if (Number.isInteger(value)) {
        if (value >= INT32_MIN && value <= INT32_MAX) return 'INT32';
        if (Number.isSafeInteger(value)) return 'INT64';
      }
      return 'FLOAT64';
    default:
      break;
  }
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map) return 'MAP';
  if (value instanceof Struct) return 'STRUCT';
  return null;
}

/** The Java class a JVM worker would hold for `value`, as `getClass().getName()` prints it. */
export function javaClassName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return 'java.lang.String';
    case 'boolean':
      return 'java.lang.Boolean';
    case 'bigint':
      return 'java.lang.Long';
    case 'number':
      if (Number.isInteger(value))
        return value >= INT32_MIN && value <= INT32_MAX ? 'java.lang.Integer' : 'java.lang.Long';
      return 'java.lang.Double';
    default:
      break;
  }
  if (value instanceof Uint8Array) return '[B';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value instanceof Map) return 'java.util.HashMap';
  if (value instanceof Struct) return 'org.apache.kafka.connect.data.Struct';
  if (value instanceof Date) return 'java.util.Date';
  if (value instanceof BigDecimal) return 'java.math.BigDecimal';
  return `${(value as object).constructor?.name ?? 'java.lang.Object'}`;
}

/** ConnectSchema.equals: structural equality including defaults, fields, key/value schemas and parameters. */
export function schemaEquals(a: Schema | null, b: Schema | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (
    a.type() !== b.type() ||
    a.isOptional() !== b.isOptional() ||
    a.version() !== b.version() ||
    a.name() !== b.name() ||
    a.doc() !== b.doc() ||
    !valueEquals(a.defaultValue(), b.defaultValue()) ||
    !parametersEqual(a.parameters(), b.parameters())
  ) {
    return false;
  }
  if (a.type() === 'STRUCT') {
    const aFields = a.fields();
    const bFields = b.fields();
    if (aFields.length !== bFields.length) return false;
    if (!aFields.every((field, i) => field.equals(bFields[i] as Field))) return false;
  }
  if (a.type() === 'MAP' && !schemaEquals(a.keySchema(), b.keySchema())) return false;
  if ((a.type() === 'MAP' || a.type() === 'ARRAY') && !schemaEquals(a.valueSchema(), b.valueSchema()))
    return false;
  return true;
}

function parametersEqual(
  a: ReadonlyMap<string, string> | null,
  b: ReadonlyMap<string, string> | null,
): boolean {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}

/** Value equality as Java's equals/deepEquals sees Connect values (bytes by content, dates by instant). */
export function valueEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
    return Number.isInteger(a) && Number.isInteger(b) && BigInt(a) === BigInt(b);
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof BigDecimal) return a.equals(b);
  if (a instanceof Struct) return b instanceof Struct && a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => valueEquals(item, b[i]));
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (b.has(key)) {
        if (!valueEquals(value, b.get(key))) return false;
        continue;
      }
      let found = false;
      for (const [otherKey, otherValue] of b) {
        if (valueEquals(key, otherKey) && valueEquals(value, otherValue)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  return false;
}

/** How Java's String.valueOf renders a Connect value (used in toString and some messages). */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${javaString(k)}=${javaString(v)}`).join(', ')}}`;
  }
  if (value instanceof Uint8Array) return `[B@${value.length.toString(16)}`;
  if (value instanceof Date) return value.toUTCString();
  return String(value);
}

const NO_DEFAULT = null;

/** SchemaBuilder: a fluent, check-as-you-go way to build a ConnectSchema; itself readable as a Schema. */
export class SchemaBuilder implements Schema {
  private readonly schemaType: SchemaType;
  private optionalFlag: boolean | null = null;
  private defaultVal: unknown = NO_DEFAULT;
  private schemaName: string | null = null;
  private schemaVersion: number | null = null;
  private schemaDoc: string | null = null;
  private schemaParameters: Map<string, string> | null = null;
  private readonly structFields: Map<string, Field> | null;
  private keySchemaValue: Schema | null = null;
  private valueSchemaValue: Schema | null = null;

  constructor(type: SchemaType) {
    if (type == null) throw new SchemaBuilderException('type cannot be null');
    this.schemaType = type;
    this.structFields = type === 'STRUCT' ? new Map() : null;
  }

  static type(type: SchemaType): SchemaBuilder {
    return new SchemaBuilder(type);
  }
  static int8(): SchemaBuilder {
    return new SchemaBuilder('INT8');
  }
  static int16(): SchemaBuilder {
    return new SchemaBuilder('INT16');
  }
  static int32(): SchemaBuilder {
    return new SchemaBuilder('INT32');
  }
  static int64(): SchemaBuilder {
    return new SchemaBuilder('INT64');
  }
  static float32(): SchemaBuilder {
    return new SchemaBuilder('FLOAT32');
  }
  static float64(): SchemaBuilder {
    return new SchemaBuilder('FLOAT64');
  }
  static bool(): SchemaBuilder {
    return new SchemaBuilder('BOOLEAN');
  }
  static string(): SchemaBuilder {
    return new SchemaBuilder('STRING');
  }
  static bytes(): SchemaBuilder {
    return new SchemaBuilder('BYTES');
  }
  static struct(): SchemaBuilder {
    return new SchemaBuilder('STRUCT');
  }
  static array(valueSchema: Schema): SchemaBuilder {
    if (valueSchema == null) throw new SchemaBuilderException('valueSchema cannot be null.');
    const builder = new SchemaBuilder('ARRAY');
    builder.valueSchemaValue = valueSchema;
    return builder;
  }
  static map(keySchema: Schema, valueSchema: Schema): SchemaBuilder {
    if (keySchema == null) throw new SchemaBuilderException('keySchema cannot be null.');
    if (valueSchema == null) throw new SchemaBuilderException('valueSchema cannot be null.');
    const builder = new SchemaBuilder('MAP');
    builder.keySchemaValue = keySchema;
    builder.valueSchemaValue = valueSchema;
    return builder;
  }

  type(): SchemaType {
    return this.schemaType;
  }

  isOptional(): boolean {
    return this.optionalFlag ?? false;
  }

  optional(): this {
    checkCanSet('optional', this.optionalFlag, true);
    this.optionalFlag = true;
    return this;
  }

  required(): this {
    checkCanSet('optional', this.optionalFlag, false);
    this.optionalFlag = false;
    return this;
  }

  defaultValue(): unknown;
  defaultValue(value: unknown): this;
  defaultValue(...args: [] | [unknown]): unknown {
    if (args.length === 0) return this.defaultVal;
    const [value] = args;
    checkCanSet('default', this.defaultVal, value);
    try {
      validateValue(this, value);
    } catch (error) {
      if (error instanceof DataException)
        throw new SchemaBuilderException('Invalid default value', { cause: error });
      throw error;
    }
    this.defaultVal = value ?? null;
    return this;
  }

  name(): string | null;
  name(name: string | null): this;
  name(...args: [] | [string | null]): string | null | this {
    if (args.length === 0) return this.schemaName;
    checkCanSet('name', this.schemaName, args[0]);
    this.schemaName = args[0];
    return this;
  }

  version(): number | null;
  version(version: number | null): this;
  version(...args: [] | [number | null]): number | null | this {
    if (args.length === 0) return this.schemaVersion;
    checkCanSet('version', this.schemaVersion, args[0]);
    this.schemaVersion = args[0];
    return this;
  }

  doc(): string | null;
  doc(doc: string | null): this;
  doc(...args: [] | [string | null]): string | null | this {
    if (args.length === 0) return this.schemaDoc;
    checkCanSet('doc', this.schemaDoc, args[0]);
    this.schemaDoc = args[0];
    return this;
  }

  parameters(): ReadonlyMap<string, string> | null;
  parameters(parameters: ReadonlyMap<string, string>): this;
  parameters(...args: [] | [ReadonlyMap<string, string>]): ReadonlyMap<string, string> | null | this {
    if (args.length === 0) return this.schemaParameters;
    this.schemaParameters ??= new Map();
    for (const [key, value] of args[0]) this.schemaParameters.set(key, value);
    return this;
  }

  parameter(name: string, value: string): this {
    this.schemaParameters ??= new Map();
    this.schemaParameters.set(name, value);
    return this;
  }

  field(fieldName: string): Field | null;
  field(fieldName: string, fieldSchema: Schema): this;
  field(fieldName: string, ...args: [] | [Schema]): Field | null | this {
    if (args.length === 0) {
      if (this.schemaType !== 'STRUCT') throw new DataException('Cannot look up fields on non-struct type');
      return this.structFields?.get(fieldName) ?? null;
    }
    const [fieldSchema] = args;
    if (this.structFields === null)
      throw new SchemaBuilderException(`Cannot create fields on type ${this.schemaType}`);
    if (fieldName == null || fieldName === '') throw new SchemaBuilderException('fieldName cannot be null.');
    if (fieldSchema == null)
      throw new SchemaBuilderException(`fieldSchema for field ${fieldName} cannot be null.`);
    if (this.structFields.has(fieldName)) {
      throw new SchemaBuilderException(`Cannot create field because of field name duplication ${fieldName}`);
    }
    this.structFields.set(fieldName, new Field(fieldName, this.structFields.size, fieldSchema));
    return this;
  }

  fields(): readonly Field[] {
    if (this.structFields === null) throw new DataException('Cannot list fields on non-struct type');
    return [...this.structFields.values()];
  }

  keySchema(): Schema | null {
    return this.keySchemaValue;
  }

  valueSchema(): Schema | null {
    return this.valueSchemaValue;
  }

  build(): ConnectSchema {
    return new ConnectSchema({
      type: this.schemaType,
      optional: this.isOptional(),
      defaultValue: this.defaultVal,
      name: this.schemaName,
      version: this.schemaVersion,
      doc: this.schemaDoc,
      parameters: this.schemaParameters === null ? null : new Map(this.schemaParameters),
      fields: this.structFields === null ? null : [...this.structFields.values()],
      keySchema: this.keySchemaValue,
      valueSchema: this.valueSchemaValue,
    });
  }

  schema(): ConnectSchema {
    return this.build();
  }

  toString(): string {
    return schemaToString(this);
  }
}

function checkCanSet(fieldName: string, current: unknown, value: unknown): void {
  if (current !== null && current !== value) {
    throw new SchemaBuilderException(`Invalid SchemaBuilder call: ${fieldName} has already been set.`);
  }
}

function primitive(type: SchemaType, optional: boolean): ConnectSchema {
  return new ConnectSchema({ type, optional });
}

/** Kafka's predefined schemas (Schema.INT8_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA, ...). */
export const Schema = {
  INT8_SCHEMA: primitive('INT8', false),
  INT16_SCHEMA: primitive('INT16', false),
  INT32_SCHEMA: primitive('INT32', false),
  INT64_SCHEMA: primitive('INT64', false),
  FLOAT32_SCHEMA: primitive('FLOAT32', false),
  FLOAT64_SCHEMA: primitive('FLOAT64', false),
  BOOLEAN_SCHEMA: primitive('BOOLEAN', false),
  STRING_SCHEMA: primitive('STRING', false),
  BYTES_SCHEMA: primitive('BYTES', false),
  OPTIONAL_INT8_SCHEMA: primitive('INT8', true),
  OPTIONAL_INT16_SCHEMA: primitive('INT16', true),
  OPTIONAL_INT32_SCHEMA: primitive('INT32', true),
  OPTIONAL_INT64_SCHEMA: primitive('INT64', true),
  OPTIONAL_FLOAT32_SCHEMA: primitive('FLOAT32', true),
  OPTIONAL_FLOAT64_SCHEMA: primitive('FLOAT64', true),
  OPTIONAL_BOOLEAN_SCHEMA: primitive('BOOLEAN', true),
  OPTIONAL_STRING_SCHEMA: primitive('STRING', true),
  OPTIONAL_BYTES_SCHEMA: primitive('BYTES', true),
} as const;
