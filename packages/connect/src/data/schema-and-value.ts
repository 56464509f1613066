import type { Schema } from './schema.ts';
import { schemaEquals, valueEquals } from './schema.ts';

/** A value together with its schema, as converters return it; `SchemaAndValue.NULL` is a tombstone. */
export class SchemaAndValue {
  static readonly NULL = new SchemaAndValue(null, null);

  constructor(
    readonly schema: Schema | null,
    readonly value: unknown,
  ) {}

  equals(other: SchemaAndValue): boolean {
    return schemaEquals(this.schema, other.schema) && valueEquals(this.value, other.value);
  }
}
