import { DataException } from '../errors.ts';
import type { Field, Schema, SchemaType } from './schema.ts';
import { javaString, schemaEquals, validateValue, valueEquals } from './schema.ts';

/**
 * A structured record value (org.apache.kafka.connect.data.Struct). Every put is validated against the
 * field's schema; `validate()` checks that all required fields without a default are set. A null field
 * reads as its schema's default through `get`, and as null through `getWithoutDefault`.
 */
export class Struct {
  private readonly structSchema: Schema;
  private readonly values: unknown[];

  constructor(schema: Schema) {
    if (schema.type() !== 'STRUCT') throw new DataException(`Not a struct schema: ${String(schema)}`);
    this.structSchema = schema;
    this.values = new Array<unknown>(schema.fields().length).fill(null);
  }

  schema(): Schema {
    return this.structSchema;
  }

  /** The field's value, or its schema's default when the value is null. */
  get(fieldOrName: string | Field): unknown {
    const field = typeof fieldOrName === 'string' ? this.lookupField(fieldOrName) : fieldOrName;
    const value = this.values[field.index()];
    if (value === null && field.schema().defaultValue() !== null) return field.schema().defaultValue();
    return value;
  }

  getWithoutDefault(fieldName: string): unknown {
    return this.values[this.lookupField(fieldName).index()];
  }

  getInt8(fieldName: string): number | null {
    return this.getCheckType(fieldName, 'INT8') as number | null;
  }
  getInt16(fieldName: string): number | null {
    return this.getCheckType(fieldName, 'INT16') as number | null;
  }
  getInt32(fieldName: string): number | null {
    return this.getCheckType(fieldName, 'INT32') as number | null;
  }
  getInt64(fieldName: string): bigint | number | null {
    return this.getCheckType(fieldName, 'INT64') as bigint | number | null;
  }
  getFloat32(fieldName: string): number | null {
    return this.getCheckType(fieldName, 'FLOAT32') as number | null;
  }
  getFloat64(fieldName: string): number | null {
    return this.getCheckType(fieldName, 'FLOAT64') as number | null;
  }
  getBoolean(fieldName: string): boolean | null {
    return this.getCheckType(fieldName, 'BOOLEAN') as boolean | null;
  }
  getString(fieldName: string): string | null {
    return this.getCheckType(fieldName, 'STRING') as string | null;
  }
  getBytes(fieldName: string): Uint8Array | null {
    return this.getCheckType(fieldName, 'BYTES') as Uint8Array | null;
  }
  getArray(fieldName: string): unknown[] | null {
    return this.getCheckType(fieldName, 'ARRAY') as unknown[] | null;
  }
  getMap(fieldName: string): Map<unknown, unknown> | null {
    return this.getCheckType(fieldName, 'MAP') as Map<unknown, unknown> | null;
  }
  getStruct(fieldName: string): Struct | null {
    return this.getCheckType(fieldName, 'STRUCT') as Struct | null;
  }

  /** Sets a field after validating the value against the field's schema; returns this for chaining. */
  put(fieldOrName: string | Field, value: unknown): this {
    if (fieldOrName == null) throw new DataException('field cannot be null.');
    const field = typeof fieldOrName === 'string' ? this.lookupField(fieldOrName) : fieldOrName;
    validateValue(field.schema(), value, field.name());
    this.values[field.index()] = value ?? null;
    return this;
  }

  /** Checks that every required field without a default has a valid value. */
  validate(): void {
    for (const field of this.structSchema.fields()) {
      const fieldSchema = field.schema();
      const value = this.values[field.index()];
      if (value === null && (fieldSchema.isOptional() || fieldSchema.defaultValue() !== null)) continue;
      validateValue(fieldSchema, value, field.name());
    }
  }

  equals(other: unknown): boolean {
    if (this === other) return true;
    if (!(other instanceof Struct)) return false;
    return (
      schemaEquals(this.structSchema, other.structSchema) &&
      this.values.length === other.values.length &&
      this.values.every((value, i) => valueEquals(value, other.values[i]))
    );
  }

  toString(): string {
    const parts: string[] = [];
    this.structSchema.fields().forEach((field, i) => {
      const value = this.values[i];
      if (value !== null) parts.push(`${field.name()}=${javaString(value)}`);
    });
    return `Struct{${parts.join(',')}}`;
  }

  private lookupField(fieldName: string): Field {
    const field = this.structSchema.field(fieldName);
    if (field === null) throw new DataException(`${fieldName} is not a valid field name`);
    return field;
  }

  private getCheckType(fieldName: string, type: SchemaType): unknown {
    const field = this.lookupField(fieldName);
    if (field.schema().type() !== type)
      throw new DataException(`Field '${fieldName}' is not of type ${type}`);
    return this.values[field.index()];
  }
}
