import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Schema } from '../data/schema.ts';
import { ConfigException } from '../errors.ts';
import { StringConverter } from './string-converter.ts';

const TOPIC = 'topic';

function converter(configs: Record<string, unknown> = {}): StringConverter {
  const instance = new StringConverter();
  instance.configure(configs, false);
  return instance;
}

describe('StringConverter', () => {
  test('writes a string as UTF-8 and reads it back with the optional string schema', () => {
    const instance = converter();
    const written = instance.fromConnectData(TOPIC, Schema.STRING_SCHEMA, 'hello wörld');
    assert.deepEqual(written, new Uint8Array(Buffer.from('hello wörld', 'utf8')));
    const back = instance.toConnectData(TOPIC, written);
    assert.equal(back.schema, Schema.OPTIONAL_STRING_SCHEMA);
    assert.equal(back.value, 'hello wörld');
  });

  test('ignores the schema and writes any value’s string form, floats as Java prints them', () => {
    const instance = converter();
    const asText = (schema: typeof Schema.INT32_SCHEMA | null, value: unknown): string =>
      Buffer.from(instance.fromConnectData(TOPIC, schema, value) as Uint8Array).toString('utf8');
    assert.equal(asText(Schema.INT32_SCHEMA, 12), '12');
    assert.equal(asText(null, true), 'true');
    assert.equal(asText(Schema.INT64_SCHEMA, 9007199254740993n), '9007199254740993');
    assert.equal(asText(Schema.FLOAT64_SCHEMA, 12), '12.0');
    assert.equal(asText(Schema.FLOAT32_SCHEMA, Math.fround(0.1)), '0.1');
    assert.equal(asText(null, 1.5), '1.5');
  });

  test('null is a tombstone both ways', () => {
    const instance = converter();
    assert.equal(instance.fromConnectData(TOPIC, Schema.OPTIONAL_STRING_SCHEMA, null), null);
    assert.equal(instance.fromConnectData(TOPIC, null, null), null);
    const back = instance.toConnectData(TOPIC, null);
    assert.equal(back.schema, Schema.OPTIONAL_STRING_SCHEMA);
    assert.equal(back.value, null);
  });

  test('an empty string is an empty value, not a tombstone', () => {
    const instance = converter();
    assert.deepEqual(instance.fromConnectData(TOPIC, Schema.STRING_SCHEMA, ''), new Uint8Array());
    assert.equal(instance.toConnectData(TOPIC, new Uint8Array()).value, '');
  });

  test('converter.encoding selects the charset', () => {
    const utf16 = converter({ 'converter.encoding': 'UTF-16' });
    const written = utf16.fromConnectData(TOPIC, Schema.STRING_SCHEMA, 'hi');
    assert.deepEqual([...(written as Uint8Array)], [0xfe, 0xff, 0x00, 0x68, 0x00, 0x69]);
    assert.equal(utf16.toConnectData(TOPIC, written).value, 'hi');
    const latin1 = converter({ 'converter.encoding': 'ISO-8859-1' });
    assert.deepEqual([...(latin1.fromConnectData(TOPIC, null, 'é') as Uint8Array)], [0xe9]);
  });

  test('an unknown encoding is a config error', () => {
    assert.throws(() => converter({ 'converter.encoding': 'EBCDIC-XYZ' }), ConfigException);
  });

  test('headers convert the same way', () => {
    const instance = converter();
    const written = instance.fromConnectHeader(TOPIC, 'h', Schema.STRING_SCHEMA, 'v');
    assert.equal(instance.toConnectHeader(TOPIC, 'h', written).value, 'v');
  });

  test('configure(configs, isKey) sets converter.type, and converter.encoding defaults to UTF-8', () => {
    const defaults = new StringConverter().config().defaultValues();
    assert.equal(defaults.get('converter.encoding'), 'UTF-8');
    assert.equal(defaults.has('converter.type'), false);
    assert.throws(
      () => new StringConverter().configure({}),
      /Missing required configuration "converter.type" which has no default value\./,
    );
  });
});
