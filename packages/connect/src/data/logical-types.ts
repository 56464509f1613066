/**
 * Connect's logical types (org.apache.kafka.connect.data.Decimal, Date, Time, Timestamp): a named schema over
 * a primitive type plus the conversion between the logical value and its primitive encoding.
 * Kafka's Date/Time/Timestamp classes are exported as ConnectDate/ConnectTime/ConnectTimestamp so they do not
 * shadow JavaScript's Date; their logical values are JavaScript Dates in UTC.
 */
import { DataException } from '../errors.ts';
import { BigDecimal } from './big-decimal.ts';
import {
  DATE_LOGICAL_NAME,
  DECIMAL_LOGICAL_NAME,
  TIME_LOGICAL_NAME,
  TIMESTAMP_LOGICAL_NAME,
} from './logical-names.ts';
import { SchemaBuilder } from './schema.ts';
import type { ConnectSchema, Schema } from './schema.ts';

const MILLIS_PER_DAY = 24 * 60 * 60 * 1000;

export const Decimal = {
  LOGICAL_NAME: DECIMAL_LOGICAL_NAME,
  SCALE_FIELD: 'scale',

  /** BYTES schema named Decimal, version 1, with the `scale` parameter. */
  builder(scale: number): SchemaBuilder {
    return SchemaBuilder.bytes().name(DECIMAL_LOGICAL_NAME).parameter('scale', String(scale)).version(1);
  },

  schema(scale: number): ConnectSchema {
    return Decimal.builder(scale).build();
  },

  /** The unscaled value as big-endian two's complement; the value's scale must equal the schema's. */
  fromLogical(schema: Schema, value: BigDecimal): Uint8Array {
    const schemaScale = decimalScale(schema);
    if (value.scale !== schemaScale) {
      throw new DataException(
        `Decimal value has mismatching scale for given Decimal schema. Schema has scale ${schemaScale}, value has scale ${value.scale}.`,
      );
    }
    return value.unscaledToByteArray();
  },

  toLogical(schema: Schema, value: Uint8Array): BigDecimal {
    return BigDecimal.fromUnscaledBytes(value, decimalScale(schema));
  },
};

function decimalScale(schema: Schema): number {
  const scale = schema.parameters()?.get('scale');
  if (scale === undefined) throw new DataException('Invalid Decimal schema: scale parameter not found.');
  if (!/^[+-]?\d+$/.test(scale)) throw new DataException('Invalid scale parameter found in Decimal schema: ');
  return Number(scale);
}

/** Days since the Unix epoch in an INT32; the Date must be midnight UTC. */
export const ConnectDate = {
  LOGICAL_NAME: DATE_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int32().name(DATE_LOGICAL_NAME).version(1).build(),

  fromLogical(schema: Schema, value: Date): number {
    if (schema.name() !== DATE_LOGICAL_NAME) {
      throw new DataException('Requested conversion of Date object but the schema does not match.');
    }
    const millis = value.getTime();
    if (millis % MILLIS_PER_DAY !== 0) {
      throw new DataException(
        'Kafka Connect Date type should not have any time fields set to non-zero values.',
      );
    }
    return millis / MILLIS_PER_DAY;
  },

  toLogical(schema: Schema, value: number): Date {
    if (schema.name() !== DATE_LOGICAL_NAME) {
      throw new DataException('Requested conversion of Date object but the schema does not match.');
    }
    return new Date(value * MILLIS_PER_DAY);
  },
};

/** Milliseconds since midnight in an INT32; the Date must fall on 1970-01-01 UTC. */
export const ConnectTime = {
  LOGICAL_NAME: TIME_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int32().name(TIME_LOGICAL_NAME).version(1).build(),

  fromLogical(schema: Schema, value: Date): number {
    if (schema.name() !== TIME_LOGICAL_NAME) {
      throw new DataException('Requested conversion of Time object but the schema does not match.');
    }
    const millis = value.getTime();
    if (millis < 0 || millis > MILLIS_PER_DAY) {
      throw new DataException(
        'Kafka Connect Time type should not have any date fields set to non-zero values.',
      );
    }
    return millis;
  },

  toLogical(schema: Schema, value: number): Date {
    if (schema.name() !== TIME_LOGICAL_NAME) {
      throw new DataException('Requested conversion of Date object but the schema does not match.');
    }
    if (value < 0 || value > MILLIS_PER_DAY) {
      throw new DataException(
        'Time values must use number of milliseconds greater than 0 and less than 86400000',
      );
    }
    return new Date(value);
  },
};

/** Milliseconds since the Unix epoch in an INT64. */
export const ConnectTimestamp = {
  LOGICAL_NAME: TIMESTAMP_LOGICAL_NAME,
  builder(): SchemaBuilder {
    return SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1);
  },
  SCHEMA: SchemaBuilder.int64().name(TIMESTAMP_LOGICAL_NAME).version(1).build(),

  fromLogical(schema: Schema, value: Date): number {
    if (schema.name() !== TIMESTAMP_LOGICAL_NAME) {
      throw new DataException('Requested conversion of Timestamp object but the schema does not match.');
    }
    return value.getTime();
  },

  toLogical(schema: Schema, value: number | bigint): Date {
    if (schema.name() !== TIMESTAMP_LOGICAL_NAME) {
      throw new DataException('Requested conversion of Timestamp object but the schema does not match.');
    }
    return new Date(Number(value));
  },
};
