import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { BigDecimal } from '../data/big-decimal.ts';
import { ConnectDate, ConnectTime, ConnectTimestamp, Decimal } from '../data/logical-types.ts';
import { SchemaAndValue } from '../data/schema-and-value.ts';
import { Schema, SchemaBuilder, schemaEquals, valueEquals } from '../data/schema.ts';
import type { Schema as ConnectSchemaType } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import { ConfigException, DataException } from '../errors.ts';
import { JsonConverter } from './json-converter.ts';

const TOPIC = 'topic';

function converter(configs: Record<string, unknown> = {}, isKey = false): JsonConverter {
  const instance = new JsonConverter();
  instance.configure(configs, isKey);
  return instance;
}

/** The written bytes as UTF-8 text; a tombstone (no bytes at all) reads as `<tombstone>`, never as `null`. */
function text(bytes: Uint8Array | null): string {
  return bytes === null ? '<tombstone>' : Buffer.from(bytes).toString('utf8');
}

function bytesOf(json: string): Uint8Array {
  return new Uint8Array(Buffer.from(json, 'utf8'));
}

function roundTrip(
  instance: JsonConverter,
  schema: ConnectSchemaType | null,
  value: unknown,
): SchemaAndValue {
  return instance.toConnectData(TOPIC, instance.fromConnectData(TOPIC, schema, value));
}

describe('JsonConverter with schemas.enable=true (the default)', () => {
  test('a string value is written as Kafka writes it, byte for byte', () => {
    // FileStreamSourceTask emits Schema.STRING_SCHEMA (required) values; Kafka's JsonConverter builds the envelope
    // as schema-then-payload and the schema as type-then-optional, and Jackson writes it compactly.
    const written = converter().fromConnectData(TOPIC, Schema.STRING_SCHEMA, 'hello');
    assert.equal(text(written), '{"schema":{"type":"string","optional":false},"payload":"hello"}');
    assert.deepEqual(
      [...(written as Uint8Array)],
      [...Buffer.from('{"schema":{"type":"string","optional":false},"payload":"hello"}')],
    );
  });

  test('characters beyond U+FFFF are written as Jackson writes them: each surrogate escaped', () => {
    const written = converter().fromConnectData(TOPIC, Schema.STRING_SCHEMA, 'smile 😀 é');
    assert.equal(
      text(written),
      '{"schema":{"type":"string","optional":false},"payload":"smile \\uD83D\\uDE00 é"}',
    );
    assert.equal(converter().toConnectData(TOPIC, written).value, 'smile 😀 é');
  });

  test('an optional string and a null optional value', () => {
    const instance = converter();
    assert.equal(
      text(instance.fromConnectData(TOPIC, Schema.OPTIONAL_STRING_SCHEMA, 'x')),
      '{"schema":{"type":"string","optional":true},"payload":"x"}',
    );
    assert.equal(
      text(instance.fromConnectData(TOPIC, Schema.OPTIONAL_BOOLEAN_SCHEMA, null)),
      '{"schema":{"type":"boolean","optional":true},"payload":null}',
    );
  });

  test('a null schema with a non-null value writes schema null', () => {
    assert.equal(text(converter().fromConnectData(TOPIC, null, 'x')), '{"schema":null,"payload":"x"}');
  });

  test('every primitive type writes its JSON type name and round-trips', () => {
    const instance = converter();
    const cases: [ConnectSchemaType, unknown, string][] = [
      [Schema.INT8_SCHEMA, 12, '{"schema":{"type":"int8","optional":false},"payload":12}'],
      [Schema.INT16_SCHEMA, -12345, '{"schema":{"type":"int16","optional":false},"payload":-12345}'],
      [Schema.INT32_SCHEMA, 2147483647, '{"schema":{"type":"int32","optional":false},"payload":2147483647}'],
      [
        Schema.INT64_SCHEMA,
        9223372036854775807n,
        '{"schema":{"type":"int64","optional":false},"payload":9223372036854775807}',
      ],
      [
        Schema.FLOAT32_SCHEMA,
        Math.fround(12.34),
        '{"schema":{"type":"float","optional":false},"payload":12.34}',
      ],
      [Schema.FLOAT64_SCHEMA, 12.0, '{"schema":{"type":"double","optional":false},"payload":12.0}'],
      [Schema.FLOAT64_SCHEMA, 1e10, '{"schema":{"type":"double","optional":false},"payload":1.0E10}'],
      [Schema.BOOLEAN_SCHEMA, true, '{"schema":{"type":"boolean","optional":false},"payload":true}'],
      [Schema.STRING_SCHEMA, 'a"b\n', '{"schema":{"type":"string","optional":false},"payload":"a\\"b\\n"}'],
      [
        Schema.BYTES_SCHEMA,
        new Uint8Array(Buffer.from('test-string')),
        '{"schema":{"type":"bytes","optional":false},"payload":"dGVzdC1zdHJpbmc="}',
      ],
    ];
    for (const [schema, value, expected] of cases) {
      assert.equal(text(instance.fromConnectData(TOPIC, schema, value)), expected, `${schema.type()} writes`);
      const back = roundTrip(instance, schema, value);
      assert.ok(schemaEquals(back.schema, schema), `${schema.type()} schema round-trips`);
      assert.ok(valueEquals(back.value, value), `${schema.type()} value round-trips: ${String(back.value)}`);
    }
  });

  test('INT64 values read back as bigint', () => {
    const back = roundTrip(converter(), Schema.INT64_SCHEMA, 4398046511104n);
    assert.equal(back.value, 4398046511104n);
  });

  test('arrays, maps with string keys (objects) and non-string keys (arrays of pairs)', () => {
    const instance = converter();
    const arraySchema = SchemaBuilder.array(Schema.INT32_SCHEMA).build();
    assert.equal(
      text(instance.fromConnectData(TOPIC, arraySchema, [1, 2, 3])),
      '{"schema":{"type":"array","items":{"type":"int32","optional":false},"optional":false},"payload":[1,2,3]}',
    );
    assert.deepEqual(roundTrip(instance, arraySchema, [1, 2, 3]).value, [1, 2, 3]);

    const stringMap = SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).build();
    const input = new Map([
      ['key1', 12],
      ['key2', 15],
    ]);
    assert.equal(
      text(instance.fromConnectData(TOPIC, stringMap, input)),
      '{"schema":{"type":"map","keys":{"type":"string","optional":false},"values":{"type":"int32","optional":false},' +
        '"optional":false},"payload":{"key1":12,"key2":15}}',
    );
    assert.deepEqual(roundTrip(instance, stringMap, input).value, input);

    const intMap = SchemaBuilder.map(Schema.INT32_SCHEMA, Schema.INT32_SCHEMA).build();
    const intInput = new Map([
      [1, 12],
      [2, 15],
    ]);
    assert.equal(
      text(instance.fromConnectData(TOPIC, intMap, intInput)).endsWith('"payload":[[1,12],[2,15]]}'),
      true,
    );
    assert.deepEqual(roundTrip(instance, intMap, intInput).value, intInput);
  });

  test('a struct writes each field schema with its "field" name last, and round-trips', () => {
    const instance = converter();
    const schema = SchemaBuilder.struct()
      .name('com.example.Person')
      .field('name', Schema.STRING_SCHEMA)
      .field('age', Schema.OPTIONAL_INT32_SCHEMA)
      .build();
    const person = new Struct(schema).put('name', 'Ada').put('age', 36);
    assert.equal(
      text(instance.fromConnectData(TOPIC, schema, person)),
      '{"schema":{"type":"struct","fields":[{"type":"string","optional":false,"field":"name"},' +
        '{"type":"int32","optional":true,"field":"age"}],"optional":false,"name":"com.example.Person"},' +
        '"payload":{"name":"Ada","age":36}}',
    );
    const back = roundTrip(instance, schema, person);
    assert.ok(schemaEquals(back.schema, schema));
    assert.ok(person.equals(back.value));
  });

  test('schema metadata: name, version, doc, parameters and default, in that order', () => {
    const schema = SchemaBuilder.int32()
      .name('n')
      .version(2)
      .doc('d')
      .parameter('k', 'v')
      .defaultValue(7)
      .build();
    const instance = converter();
    assert.equal(
      text(instance.fromConnectData(TOPIC, schema, null)),
      '{"schema":{"type":"int32","optional":false,"name":"n","version":2,"doc":"d","parameters":{"k":"v"},"default":7},"payload":7}',
    );
    assert.ok(schemaEquals(roundTrip(instance, schema, 3).schema, schema));
  });

  test('replace.null.with.default=false writes null for a null optional field with a default', () => {
    const schema = SchemaBuilder.string().optional().defaultValue('dflt').build();
    assert.equal(text(converter().fromConnectData(TOPIC, schema, null)).endsWith('"payload":"dflt"}'), true);
    assert.equal(
      text(converter({ 'replace.null.with.default': false }).fromConnectData(TOPIC, schema, null)).endsWith(
        '"payload":null}',
      ),
      true,
    );
  });

  test('Decimal: base64 of the unscaled two-complement bytes by default, a number with decimal.format=NUMERIC', () => {
    const value = new BigDecimal(156n, 2);
    const schema = Decimal.schema(2);
    const base64 = converter().fromConnectData(TOPIC, schema, value);
    assert.equal(
      text(base64),
      '{"schema":{"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,' +
        '"parameters":{"scale":"2"}},"payload":"AJw="}',
    );
    assert.ok(value.equals(converter().toConnectData(TOPIC, base64).value));
    const numeric = converter({ 'decimal.format': 'numeric' });
    const written = numeric.fromConnectData(TOPIC, schema, value);
    assert.equal(text(written).endsWith('"payload":1.56}'), true);
    assert.ok(value.equals(numeric.toConnectData(TOPIC, written).value));
    const trailingZeros = numeric.fromConnectData(TOPIC, Decimal.schema(4), new BigDecimal(15600n, 4));
    assert.equal(text(trailingZeros).endsWith('"payload":1.5600}'), true);
  });

  test('Decimal with a scale other than the schema’s is rejected', () => {
    assert.throws(
      () => converter().fromConnectData(TOPIC, Decimal.schema(2), new BigDecimal(156n, 3)),
      (error: unknown) => error instanceof DataException && /mismatching scale/.test(error.message),
    );
  });

  test('Date, Time and Timestamp write their integer encodings and read back as Dates', () => {
    const instance = converter();
    const date = new Date(Date.UTC(1970, 0, 1) + 10000 * 86_400_000);
    assert.equal(
      text(instance.fromConnectData(TOPIC, ConnectDate.SCHEMA, date)),
      '{"schema":{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Date","version":1},"payload":10000}',
    );
    assert.equal((roundTrip(instance, ConnectDate.SCHEMA, date).value as Date).getTime(), date.getTime());

    const time = new Date(14_400_000);
    assert.equal(
      text(instance.fromConnectData(TOPIC, ConnectTime.SCHEMA, time)),
      '{"schema":{"type":"int32","optional":false,"name":"org.apache.kafka.connect.data.Time","version":1},"payload":14400000}',
    );
    assert.equal((roundTrip(instance, ConnectTime.SCHEMA, time).value as Date).getTime(), 14_400_000);

    const timestamp = new Date(4_000_000_000);
    assert.equal(
      text(instance.fromConnectData(TOPIC, ConnectTimestamp.SCHEMA, timestamp)),
      '{"schema":{"type":"int64","optional":false,"name":"org.apache.kafka.connect.data.Timestamp","version":1},' +
        '"payload":4000000000}',
    );
    assert.equal(
      (roundTrip(instance, ConnectTimestamp.SCHEMA, timestamp).value as Date).getTime(),
      4_000_000_000,
    );
  });

  test('a Date with a time of day is rejected as Kafka rejects it', () => {
    assert.throws(
      () => converter().fromConnectData(TOPIC, ConnectDate.SCHEMA, new Date(1000)),
      /Kafka Connect Date type should not have any time fields set to non-zero values\./,
    );
  });

  test('a required null without a default is a conversion error', () => {
    assert.throws(
      () => converter().fromConnectData(TOPIC, Schema.STRING_SCHEMA, null),
      /Conversion error: null value for field that is required and has no default value/,
    );
  });

  test('a value of the wrong type is rejected naming the Java class', () => {
    assert.throws(
      () => converter().fromConnectData(TOPIC, Schema.STRING_SCHEMA, 12),
      /Invalid type for STRING: class java\.lang\.Integer/,
    );
  });

  test('reading plain JSON without the envelope names the setting to change', () => {
    assert.throws(
      () => converter().toConnectData(TOPIC, bytesOf('{"a":1}')),
      /JsonConverter with schemas\.enable requires "schema" and "payload" fields and may not contain additional fields\. If you are trying to deserialize plain JSON data, set schemas\.enable=false in your converter configuration\./,
    );
  });

  test('malformed JSON is a serialization error', () => {
    assert.throws(
      () => converter().toConnectData(TOPIC, bytesOf('{"schema":')),
      /Converting byte\[\] to Kafka Connect data failed due to serialization error/,
    );
  });

  test('an envelope with a null schema reads the payload schemalessly', () => {
    const back = converter().toConnectData(TOPIC, bytesOf('{"schema":null,"payload":{"a":[1,2.5]}}'));
    assert.equal(back.schema, null);
    assert.deepEqual(back.value, new Map([['a', [1n, 2.5]]]));
  });

  test('tombstones: null schema and value write null; null bytes read as SchemaAndValue.NULL', () => {
    const instance = converter({}, true);
    assert.equal(instance.fromConnectData(TOPIC, null, null), null);
    assert.equal(instance.toConnectData(TOPIC, null), SchemaAndValue.NULL);
  });

  test('headers use the same encoding', () => {
    const instance = converter();
    const written = instance.fromConnectHeader(TOPIC, 'h', Schema.STRING_SCHEMA, 'test-string');
    assert.equal(text(written), '{"schema":{"type":"string","optional":false},"payload":"test-string"}');
    assert.equal(instance.toConnectHeader(TOPIC, 'h', written).value, 'test-string');
  });
});

describe('JsonConverter with schemas.enable=false', () => {
  const plain = (): JsonConverter => converter({ 'schemas.enable': 'false' });

  test('a string value is written as a bare JSON string', () => {
    assert.equal(text(plain().fromConnectData(TOPIC, Schema.STRING_SCHEMA, 'hello')), '"hello"');
  });

  test('values are written without a schema and read back with a null schema', () => {
    const instance = plain();
    const schema = SchemaBuilder.struct()
      .field('a', Schema.INT32_SCHEMA)
      .field('b', Schema.STRING_SCHEMA)
      .build();
    const written = instance.fromConnectData(TOPIC, schema, new Struct(schema).put('a', 1).put('b', 'x'));
    assert.equal(text(written), '{"a":1,"b":"x"}');
    const back = instance.toConnectData(TOPIC, written);
    assert.equal(back.schema, null);
    assert.deepEqual(
      back.value,
      new Map<string, unknown>([
        ['a', 1n],
        ['b', 'x'],
      ]),
    );
  });

  test('schemaless values: integers read as INT64 bigints, fractions as doubles, objects as Maps', () => {
    const instance = plain();
    assert.equal(instance.toConnectData(TOPIC, bytesOf('12')).value, 12n);
    assert.equal(instance.toConnectData(TOPIC, bytesOf('12.5')).value, 12.5);
    assert.equal(instance.toConnectData(TOPIC, bytesOf('true')).value, true);
    assert.deepEqual(instance.toConnectData(TOPIC, bytesOf('["a",null]')).value, ['a', null]);
    assert.equal(
      text(instance.fromConnectData(TOPIC, null, new Map([['k', [1, 'two']]]))),
      '{"k":[1,"two"]}',
    );
  });

  test('a null optional value with a schema is the JSON literal null; no schema and no value is a tombstone', () => {
    const instance = plain();
    assert.equal(text(instance.fromConnectData(TOPIC, Schema.OPTIONAL_STRING_SCHEMA, null)), 'null');
    assert.equal(instance.fromConnectData(TOPIC, null, null), null);
    assert.equal(instance.toConnectData(TOPIC, null), SchemaAndValue.NULL);
  });

  test('an envelope is read as an ordinary map when schemas are disabled', () => {
    const back = plain().toConnectData(
      TOPIC,
      bytesOf('{"schema":{"type":"string","optional":false},"payload":"hi"}'),
    );
    assert.equal(back.schema, null);
    assert.equal((back.value as Map<string, unknown>).get('payload'), 'hi');
  });
});

describe('JsonConverter configuration', () => {
  test('decimal.format outside BASE64/NUMERIC is rejected with Kafka’s message', () => {
    assert.throws(
      () => converter({ 'decimal.format': 'hex' }),
      (error: unknown) =>
        error instanceof ConfigException &&
        error.message ===
          'Invalid value hex for configuration decimal.format: String must be one of (case insensitive): BASE64, NUMERIC',
    );
  });

  test('schemas.enable must be a boolean', () => {
    assert.throws(
      () => converter({ 'schemas.enable': 'yes' }),
      /Invalid value yes for configuration schemas\.enable: Expected value to be either true or false/,
    );
  });

  test('the config definition carries Kafka’s keys and defaults', () => {
    const defaults = new JsonConverter().config().defaultValues();
    assert.equal(defaults.get('schemas.enable'), true);
    assert.equal(defaults.get('schemas.cache.size'), 1000);
    assert.equal(defaults.get('decimal.format'), 'BASE64');
    assert.equal(defaults.get('replace.null.with.default'), true);
  });
});
