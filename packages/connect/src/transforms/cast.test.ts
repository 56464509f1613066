import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { BigDecimal } from '../data/big-decimal.ts';
import { ConnectDate, ConnectTime, ConnectTimestamp, Decimal } from '../data/logical-types.ts';
import { Schema, SchemaBuilder } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import { SourceRecord } from '../connector/connect-record.ts';
import { ConfigException, DataException } from '../errors.ts';
import { Cast } from './cast.ts';

function record(keySchema: Schema | null, key: unknown, valueSchema: Schema | null, value: unknown) {
  return new SourceRecord({
    sourcePartition: null,
    sourceOffset: null,
    topic: 'topic',
    kafkaPartition: 0,
    keySchema,
    key,
    valueSchema,
    value,
  });
}

function castValue(props: Record<string, unknown>) {
  const cast = new Cast.Value();
  cast.configure(props);
  return cast;
}

function castKey(props: Record<string, unknown>) {
  const cast = new Cast.Key();
  cast.configure(props);
  return cast;
}

describe('Cast config', () => {
  test('an empty spec is rejected', () => {
    assert.throws(() => castValue({ spec: '' }), {
      name: 'ConfigException',
      message: 'Must specify at least one field to cast.',
    });
  });

  test('spec is required', () => {
    assert.throws(() => castValue({}), ConfigException);
  });

  test('an unknown type in a field spec', () => {
    assert.throws(() => castValue({ spec: 'foo:faketype' }), {
      name: 'ConfigException',
      message: 'Invalid type found in casting spec: faketype',
    });
  });

  test('more than one colon is reported as Kafka does, under "renames"', () => {
    assert.throws(() => castValue({ spec: 'a:int8:extra' }), {
      name: 'ConfigException',
      message: 'Invalid value [a:int8:extra] for configuration renames: Invalid rename mapping: a:int8:extra',
    });
  });

  test('a whole-value cast may be the only entry', () => {
    assert.throws(() => castValue({ spec: 'int8,int32' }), {
      name: 'ConfigException',
      message:
        'Cast transformations that specify a type to cast the entire value to may ony specify a single cast in their spec',
    });
    assert.throws(() => castValue({ spec: 'foo:int8,int32' }), ConfigException);
  });

  test('complex and binary targets are rejected', () => {
    for (const type of ['bytes', 'array', 'map', 'struct']) {
      assert.throws(() => castValue({ spec: `foo:${type}` }), {
        name: 'ConfigException',
        message: `Cast transformation does not support casting to ${type.toUpperCase()}; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING]`,
      });
    }
  });

  test('an unknown whole-value type is Schema.Type.valueOf failing', () => {
    assert.throws(() => castValue({ spec: 'foo' }), {
      message: 'No enum constant org.apache.kafka.connect.data.Schema.Type.FOO',
    });
  });

  test('types are case-insensitive and trimmed', () => {
    const cast = castValue({ spec: ' a : INT8 , b:Float64' });
    const out = cast.apply(
      record(
        null,
        null,
        null,
        new Map<string, unknown>([
          ['a', 300],
          ['b', '1.5'],
        ]),
      ),
    );
    assert.deepEqual(
      out.value,
      new Map<string, unknown>([
        ['a', 44],
        ['b', 1.5],
      ]),
    );
  });

  test('config() exposes spec and replace.null.with.default', () => {
    const def = new Cast.Value().config();
    assert.deepEqual([...def.names()].sort(), ['replace.null.with.default', 'spec']);
  });
});

describe('Cast whole value with schema', () => {
  const cases: [string, Schema, unknown, Schema, unknown][] = [
    ['int8', Schema.INT32_SCHEMA, 42, Schema.INT8_SCHEMA, 42],
    ['int16', Schema.INT32_SCHEMA, 42, Schema.INT16_SCHEMA, 42],
    ['int32', Schema.INT32_SCHEMA, 42, Schema.INT32_SCHEMA, 42],
    ['int64', Schema.INT32_SCHEMA, 42, Schema.INT64_SCHEMA, 42n],
    ['float32', Schema.INT32_SCHEMA, 42, Schema.FLOAT32_SCHEMA, 42],
    ['float64', Schema.INT32_SCHEMA, 42, Schema.FLOAT64_SCHEMA, 42],
    ['boolean', Schema.INT32_SCHEMA, 42, Schema.BOOLEAN_SCHEMA, true],
    ['boolean', Schema.INT32_SCHEMA, 0, Schema.BOOLEAN_SCHEMA, false],
    ['string', Schema.INT32_SCHEMA, 42, Schema.STRING_SCHEMA, '42'],
    ['string', Schema.FLOAT64_SCHEMA, 42, Schema.STRING_SCHEMA, '42.0'],
    ['string', Schema.FLOAT32_SCHEMA, Math.fround(0.1), Schema.STRING_SCHEMA, '0.1'],
    ['string', Schema.BOOLEAN_SCHEMA, true, Schema.STRING_SCHEMA, 'true'],
    ['int32', Schema.STRING_SCHEMA, '42', Schema.INT32_SCHEMA, 42],
    ['int64', Schema.STRING_SCHEMA, '9223372036854775807', Schema.INT64_SCHEMA, 9223372036854775807n],
    ['boolean', Schema.STRING_SCHEMA, 'TRUE', Schema.BOOLEAN_SCHEMA, true],
    ['boolean', Schema.STRING_SCHEMA, 'yes', Schema.BOOLEAN_SCHEMA, false],
    ['float32', Schema.STRING_SCHEMA, '42.5', Schema.FLOAT32_SCHEMA, 42.5],
    ['int8', Schema.BOOLEAN_SCHEMA, true, Schema.INT8_SCHEMA, 1],
    ['int64', Schema.BOOLEAN_SCHEMA, false, Schema.INT64_SCHEMA, 0n],
  ];
  for (const [spec, inSchema, input, outSchema, expected] of cases) {
    test(`${inSchema.type()} ${JSON.stringify(String(input))} -> ${spec}`, () => {
      const out = castValue({ spec }).apply(record(null, null, inSchema, input));
      assert.equal(out.valueSchema?.type(), outSchema.type());
      assert.equal(out.value, expected);
    });
  }

  test('narrowing follows Java: (byte) 300 is 44, a long keeps its low bits', () => {
    assert.equal(castValue({ spec: 'int8' }).apply(record(null, null, Schema.INT32_SCHEMA, 300)).value, 44);
    assert.equal(
      castValue({ spec: 'int32' }).apply(record(null, null, Schema.INT64_SCHEMA, 2n ** 32n + 5n)).value,
      5,
    );
  });

  test('floats truncate toward zero and saturate as Java casts do', () => {
    const cast = (spec: string, value: number) =>
      castValue({ spec }).apply(record(null, null, Schema.FLOAT64_SCHEMA, value)).value;
    assert.equal(cast('int32', -42.9), -42);
    assert.equal(cast('int32', 1e20), 2147483647);
    assert.equal(cast('int64', 1e20), 9223372036854775807n);
    assert.equal(cast('int16', 1e20), -1);
    assert.equal(cast('boolean', 0.5), false);
    assert.equal(cast('float32', 0.1), Math.fround(0.1));
  });

  test('a string that does not parse is out of range', () => {
    assert.throws(() => castValue({ spec: 'int8' }).apply(record(null, null, Schema.STRING_SCHEMA, '128')), {
      name: 'DataException',
      message: 'Value (128) was out of range for requested data type',
    });
    assert.throws(() => castValue({ spec: 'int32' }).apply(record(null, null, Schema.STRING_SCHEMA, 'abc')), {
      message: 'Value (abc) was out of range for requested data type',
    });
  });

  test('bytes cast to string as base64 and to nothing else', () => {
    const bytes = new Uint8Array([0x6b, 0x61, 0x66, 0x6b, 0x61]);
    const out = castValue({ spec: 'string' }).apply(record(null, null, Schema.BYTES_SCHEMA, bytes));
    assert.equal(out.value, 'a2Fma2E=');
    assert.throws(() => castValue({ spec: 'int32' }).apply(record(null, null, Schema.BYTES_SCHEMA, bytes)), {
      name: 'DataException',
      message: 'Unexpected type in Cast transformation: class [B',
    });
  });

  test('complex inputs are rejected', () => {
    const schema = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
    assert.throws(() => castValue({ spec: 'string' }).apply(record(null, null, schema, [1])), {
      name: 'DataException',
      message:
        'Cast transformation does not support casting from ARRAY; supported types are [INT8, INT16, INT32, INT64, FLOAT32, FLOAT64, BOOLEAN, STRING, BYTES]',
    });
  });

  test('Decimal casts to string and to numbers', () => {
    const schema = Decimal.schema(2);
    const value = new BigDecimal(12345n, 2);
    assert.equal(castValue({ spec: 'string' }).apply(record(null, null, schema, value)).value, '123.45');
    assert.equal(castValue({ spec: 'int32' }).apply(record(null, null, schema, value)).value, 123);
    assert.equal(castValue({ spec: 'float64' }).apply(record(null, null, schema, value)).value, 123.45);
  });

  test('Date, Time and Timestamp encode to their stored numbers, or format as strings', () => {
    const day = new Date(Date.UTC(2024, 2, 15));
    assert.equal(
      castValue({ spec: 'int32' }).apply(record(null, null, ConnectDate.SCHEMA, day)).value,
      19797,
    );
    assert.equal(
      castValue({ spec: 'string' }).apply(record(null, null, ConnectDate.SCHEMA, day)).value,
      '2024-03-15',
    );
    const time = new Date(3_723_004);
    assert.equal(
      castValue({ spec: 'int32' }).apply(record(null, null, ConnectTime.SCHEMA, time)).value,
      3_723_004,
    );
    assert.equal(
      castValue({ spec: 'string' }).apply(record(null, null, ConnectTime.SCHEMA, time)).value,
      '01:02:03.004Z',
    );
    const instant = new Date(Date.UTC(2024, 2, 15, 10, 20, 30, 400));
    assert.equal(
      castValue({ spec: 'int64' }).apply(record(null, null, ConnectTimestamp.SCHEMA, instant)).value,
      BigInt(instant.getTime()),
    );
    assert.equal(
      castValue({ spec: 'string' }).apply(record(null, null, ConnectTimestamp.SCHEMA, instant)).value,
      '2024-03-15T10:20:30.400Z',
    );
  });

  test('schema basics, optionality and default carry over to the new type', () => {
    const schema = SchemaBuilder.int32().name('n').version(3).doc('d').optional().defaultValue(7).build();
    const out = castValue({ spec: 'string' }).apply(record(null, null, schema, 1));
    const outSchema = out.valueSchema as Schema;
    assert.equal(outSchema.type(), 'STRING');
    assert.equal(outSchema.name(), 'n');
    assert.equal(outSchema.version(), 3);
    assert.equal(outSchema.doc(), 'd');
    assert.equal(outSchema.isOptional(), true);
    assert.equal(outSchema.defaultValue(), '7');
  });

  test('a null value passes through untouched', () => {
    const input = record(null, null, SchemaBuilder.int32().optional().build(), null);
    assert.equal(castValue({ spec: 'int8' }).apply(input), input);
  });

  test('Cast$Key casts the key and leaves the value', () => {
    const out = castKey({ spec: 'int64' }).apply(record(Schema.INT32_SCHEMA, 42, Schema.STRING_SCHEMA, 'v'));
    assert.equal(out.keySchema?.type(), 'INT64');
    assert.equal(out.key, 42n);
    assert.equal(out.value, 'v');
    assert.equal(out.valueSchema, Schema.STRING_SCHEMA);
  });
});

describe('Cast whole value without schema', () => {
  test('the Java class of the value picks the conversion', () => {
    const cast = (spec: string, value: unknown) =>
      castValue({ spec }).apply(record(null, null, null, value)).value;
    assert.equal(cast('int8', 42), 42);
    assert.equal(cast('int64', 42), 42n);
    assert.equal(cast('int32', 42n), 42);
    assert.equal(cast('string', 42), '42');
    assert.equal(cast('string', 42.5), '42.5');
    assert.equal(cast('string', 1e21), '1.0E21');
    assert.equal(cast('boolean', 'true'), true);
    assert.equal(cast('float64', true), 1);
    assert.equal(cast('string', new Uint8Array([1, 2, 3])), 'AQID');
  });

  test('a value Connect cannot represent without a schema is rejected', () => {
    assert.throws(() => castValue({ spec: 'string' }).apply(record(null, null, null, new Date(0))), {
      name: 'DataException',
      message:
        "Cast transformation was passed a value of type class java.util.Date which is not supported by Connect's data API",
    });
  });

  test('maps and lists are not castable inputs', () => {
    assert.throws(
      () => castValue({ spec: 'string' }).apply(record(null, null, null, new Map([['a', 1]]))),
      DataException,
    );
  });
});

describe('Cast fields', () => {
  const schema = SchemaBuilder.struct()
    .name('s')
    .field('int8', Schema.INT8_SCHEMA)
    .field('int32', Schema.OPTIONAL_INT32_SCHEMA)
    .field('bigint', Schema.INT64_SCHEMA)
    .field('float', Schema.FLOAT32_SCHEMA)
    .field('bool', Schema.BOOLEAN_SCHEMA)
    .field('string', Schema.STRING_SCHEMA)
    .field('withDefault', SchemaBuilder.int32().optional().defaultValue(5).build())
    .field('untouched', Schema.STRING_SCHEMA)
    .build();
  const spec =
    'int8:int32,int32:string,bigint:int16,float:string,bool:int8,string:float64,withDefault:string';

  function struct(): Struct {
    return new Struct(schema)
      .put('int8', 8)
      .put('int32', 32)
      .put('bigint', 70000n)
      .put('float', Math.fround(1.5))
      .put('bool', true)
      .put('string', '1.25')
      .put('withDefault', null)
      .put('untouched', 'x');
  }

  test('casts the named fields of a Struct and rebuilds its schema', () => {
    const out = castValue({ spec }).apply(record(null, null, schema, struct()));
    const value = out.value as Struct;
    const outSchema = out.valueSchema as Schema;
    assert.equal(outSchema.name(), 's');
    assert.equal(outSchema.field('int8')?.schema().type(), 'INT32');
    assert.equal(outSchema.field('int32')?.schema().type(), 'STRING');
    assert.equal(outSchema.field('int32')?.schema().isOptional(), true);
    assert.equal(outSchema.field('withDefault')?.schema().defaultValue(), '5');
    assert.equal(outSchema.field('untouched')?.schema(), Schema.STRING_SCHEMA);
    assert.equal(value.get('int8'), 8);
    assert.equal(value.get('int32'), '32');
    assert.equal(value.get('bigint'), 4464);
    assert.equal(value.get('float'), '1.5');
    assert.equal(value.get('bool'), 1);
    assert.equal(value.get('string'), 1.25);
    assert.equal(value.getWithoutDefault('withDefault'), '5');
    assert.equal(value.get('untouched'), 'x');
  });

  test('replace.null.with.default=false keeps a null field null', () => {
    const out = castValue({ spec, 'replace.null.with.default': false }).apply(
      record(null, null, schema, struct()),
    );
    assert.equal((out.value as Struct).getWithoutDefault('withDefault'), null);
  });

  test('the rebuilt schema is cached per input schema', () => {
    const cast = castValue({ spec });
    const first = cast.apply(record(null, null, schema, struct()));
    const second = cast.apply(record(null, null, schema, struct()));
    assert.equal(first.valueSchema, second.valueSchema);
  });

  test('a field spec needs a Struct when there is a schema', () => {
    assert.throws(
      () => castValue({ spec: 'a:int8' }).apply(record(null, null, Schema.INT32_SCHEMA, 1)),
      DataException,
    );
  });

  test('schemaless maps: named fields are cast, a missing one becomes null, others are kept', () => {
    const input = new Map<string, unknown>([
      ['a', '42'],
      ['b', 3.9],
      ['other', 'kept'],
    ]);
    const out = castValue({ spec: 'a:int64,b:int32,missing:string' }).apply(record(null, null, null, input));
    assert.deepEqual(
      out.value,
      new Map<string, unknown>([
        ['a', 42n],
        ['b', 3],
        ['other', 'kept'],
        ['missing', null],
      ]),
    );
    assert.equal(input.get('a'), '42');
  });

  test('schemaless field casts need a Map', () => {
    assert.throws(() => castValue({ spec: 'a:int8' }).apply(record(null, null, null, 'text')), {
      name: 'DataException',
      message: 'Only Map objects supported in absence of schema for [cast types], found: java.lang.String',
    });
  });
});
