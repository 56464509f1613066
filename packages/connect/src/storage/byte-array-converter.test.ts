import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Schema } from '../data/schema.ts';
import { DataException } from '../errors.ts';
import { ByteArrayConverter } from './byte-array-converter.ts';

const TOPIC = 'topic';
const SAMPLE = new Uint8Array([0x74, 0x65, 0x73, 0x74, 0x00, 0xff]);

describe('ByteArrayConverter', () => {
  test('passes bytes through unchanged both ways', () => {
    const converter = new ByteArrayConverter();
    assert.equal(converter.fromConnectData(TOPIC, Schema.BYTES_SCHEMA, SAMPLE), SAMPLE);
    assert.equal(converter.fromConnectData(TOPIC, null, SAMPLE), SAMPLE);
    const back = converter.toConnectData(TOPIC, SAMPLE);
    assert.equal(back.schema, Schema.OPTIONAL_BYTES_SCHEMA);
    assert.equal(back.value, SAMPLE);
  });

  test('rejects a non-bytes schema with Kafka’s message', () => {
    assert.throws(
      () => new ByteArrayConverter().fromConnectData(TOPIC, Schema.INT32_SCHEMA, 12),
      (error: unknown) =>
        error instanceof DataException &&
        error.message === 'Invalid schema type for ByteArrayConverter: INT32',
    );
  });

  test('rejects a value that is not bytes', () => {
    assert.throws(
      () => new ByteArrayConverter().fromConnectData(TOPIC, null, 'a string'),
      (error: unknown) =>
        error instanceof DataException &&
        error.message === 'ByteArrayConverter is not compatible with objects of type class java.lang.String',
    );
  });

  test('null is a tombstone both ways', () => {
    const converter = new ByteArrayConverter();
    assert.equal(converter.fromConnectData(TOPIC, Schema.OPTIONAL_BYTES_SCHEMA, null), null);
    assert.equal(converter.fromConnectData(TOPIC, null, null), null);
    const back = converter.toConnectData(TOPIC, null);
    assert.equal(back.schema, Schema.OPTIONAL_BYTES_SCHEMA);
    assert.equal(back.value, null);
  });

  test('headers convert the same way', () => {
    const converter = new ByteArrayConverter();
    assert.equal(converter.fromConnectHeader(TOPIC, 'h', Schema.BYTES_SCHEMA, SAMPLE), SAMPLE);
    assert.equal(converter.toConnectHeader(TOPIC, 'h', SAMPLE).value, SAMPLE);
  });
});
