import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Schema, SchemaBuilder } from '../data/schema.ts';
import { Struct } from '../data/struct.ts';
import { SinkRecord, SourceRecord } from '../connector/connect-record.ts';
import { ConfigException, DataException } from '../errors.ts';
import { ExtractField, HoistField, MaskField, ValueToKey } from './field-transforms.ts';
import { InsertField } from './insert-field.ts';
import { ReplaceField } from './replace-field.ts';
import {
  Filter,
  HasHeaderKey,
  RecordIsTombstone,
  RegexRouter,
  TimestampRouter,
  TopicNameMatches,
} from './routers.ts';
import { TransformationStage, applyChain } from './transformation.ts';

const SCHEMA = SchemaBuilder.struct()
  .name('name')
  .version(1)
  .field('dont', Schema.STRING_SCHEMA)
  .field('abc', Schema.INT32_SCHEMA)
  .field('foo', Schema.BOOLEAN_SCHEMA)
  .field('etc', Schema.STRING_SCHEMA)
  .build();

function sinkRecord(
  valueSchema: typeof SCHEMA | null,
  value: unknown,
  extra: Partial<{ topic: string }> = {},
) {
  return new SinkRecord({
    topic: extra.topic ?? 'test',
    kafkaPartition: 0,
    kafkaOffset: 42n,
    valueSchema,
    value,
    timestamp: 1_483_425_001_864,
  });
}

function configured<T extends { configure(p: Record<string, unknown>): void }>(
  instance: T,
  props: Record<string, unknown>,
): T {
  instance.configure(props);
  return instance;
}

describe('InsertField', () => {
  test('schemaless: adds topic, partition, offset, timestamp and a static field', () => {
    const xform = configured(new InsertField.Value(), {
      'topic.field': 'topic_field!',
      'partition.field': 'partition_field',
      'offset.field': 'offset_field',
      'timestamp.field': 'timestamp_field?',
      'static.field': 'instance_id',
      'static.value': 'my-instance-id',
    });
    const out = xform.apply(sinkRecord(null, new Map([['magic', 42]])));
    assert.deepEqual(
      out.value,
      new Map<string, unknown>([
        ['magic', 42],
        ['topic_field', 'test'],
        ['partition_field', 0],
        ['offset_field', 42n],
        ['timestamp_field', 1_483_425_001_864],
        ['instance_id', 'my-instance-id'],
      ]),
    );
  });

  test('with schema: required and optional field schemas and a Timestamp', () => {
    const xform = configured(new InsertField.Value(), {
      'topic.field': 'topic_field!',
      'timestamp.field': 'ts',
    });
    const simple = SchemaBuilder.struct()
      .name('name')
      .version(1)
      .doc('doc')
      .field('magic', Schema.OPTIONAL_INT64_SCHEMA)
      .build();
    const out = xform.apply(sinkRecord(simple as typeof SCHEMA, new Struct(simple).put('magic', 42n)));
    assert.equal(out.valueSchema?.name(), 'name');
    assert.equal(out.valueSchema?.doc(), 'doc');
    assert.equal(out.valueSchema?.field('topic_field')?.schema().isOptional(), false);
    assert.equal(out.valueSchema?.field('ts')?.schema().name(), 'org.apache.kafka.connect.data.Timestamp');
    assert.equal((out.value as Struct).get('topic_field'), 'test');
    assert.equal(((out.value as Struct).get('ts') as Date).getTime(), 1_483_425_001_864);
  });

  test('null values pass through; offsets need a SinkRecord; config errors read as Kafka’s', () => {
    const xform = configured(new InsertField.Value(), { 'offset.field': 'o' });
    const tombstone = sinkRecord(null, null);
    assert.equal(xform.apply(tombstone), tombstone);
    assert.throws(
      () => xform.apply(new SourceRecord({ topic: 't', value: new Map() })),
      /Only SinkRecord supported for \[field insertion\], found: org\.apache\.kafka\.connect\.source\.SourceRecord/,
    );
    assert.throws(
      () => configured(new InsertField.Value(), {}),
      /^ConfigException: No field insertion configured$|No field insertion configured/,
    );
    assert.throws(
      () => configured(new InsertField.Value(), { 'static.field': 's' }),
      /Invalid value null for configuration static\.value: No value specified for static field: s/,
    );
  });

  test('$Key works on the key', () => {
    const xform = configured(new InsertField.Key(), { 'topic.field': 't' });
    const out = xform.apply(new SourceRecord({ topic: 'x', key: new Map(), value: 'v' }));
    assert.deepEqual(out.key, new Map([['t', 'x']]));
    assert.equal(out.value, 'v');
  });
});

describe('ReplaceField', () => {
  test('schemaless include/exclude/renames, exclude winning', () => {
    const xform = configured(new ReplaceField.Value(), {
      exclude: 'dont',
      include: 'abc,foo,dont',
      renames: 'abc:xyz,foo:bar',
    });
    const out = xform.apply(
      sinkRecord(
        null,
        new Map<string, unknown>([
          ['dont', 'whatever'],
          ['abc', 42],
          ['foo', true],
          ['etc', 'etc'],
        ]),
      ),
    );
    assert.deepEqual(
      out.value,
      new Map<string, unknown>([
        ['xyz', 42],
        ['bar', true],
      ]),
    );
  });

  test('with schema: keeps schema name and version, renames fields', () => {
    const xform = configured(new ReplaceField.Value(), { include: 'abc,foo', renames: 'abc:xyz,foo:bar' });
    const value = new Struct(SCHEMA)
      .put('dont', 'whatever')
      .put('abc', 42)
      .put('foo', true)
      .put('etc', 'etc');
    const out = xform.apply(sinkRecord(SCHEMA, value));
    assert.equal(out.valueSchema?.name(), 'name');
    assert.equal(out.valueSchema?.version(), 1);
    assert.deepEqual(
      out.valueSchema?.fields().map((f) => f.name()),
      ['xyz', 'bar'],
    );
    assert.equal((out.value as Struct).get('xyz'), 42);
  });

  test('an invalid rename is a config error', () => {
    assert.throws(
      () => configured(new ReplaceField.Value(), { renames: 'a:b:c' }),
      (error: unknown) =>
        error instanceof ConfigException &&
        /Invalid value \[a:b:c\] for configuration renames: Invalid rename mapping: a:b:c/.test(
          error.message,
        ),
    );
  });
});

describe('MaskField', () => {
  test('masks with type-appropriate empties and custom replacements', () => {
    const schema = SchemaBuilder.struct()
      .field('i', Schema.INT32_SCHEMA)
      .field('l', Schema.INT64_SCHEMA)
      .field('s', Schema.STRING_SCHEMA)
      .field('b', Schema.BOOLEAN_SCHEMA)
      .build();
    const value = new Struct(schema).put('i', 42).put('l', 42n).put('s', 'secret').put('b', true);
    const out = configured(new MaskField.Value(), { fields: 'i,l,s,b' }).apply(
      sinkRecord(schema as typeof SCHEMA, value),
    ).value as Struct;
    assert.deepEqual([out.get('i'), out.get('l'), out.get('s'), out.get('b')], [0, 0n, '', false]);
    const replaced = configured(new MaskField.Value(), { fields: 's,i', replacement: '123' }).apply(
      sinkRecord(schema as typeof SCHEMA, value),
    ).value as Struct;
    assert.deepEqual([replaced.get('s'), replaced.get('i')], ['123', 123]);
  });

  test('schemaless and error messages', () => {
    const out = configured(new MaskField.Value(), { fields: 'a' }).apply(
      sinkRecord(null, new Map([['a', 'x']])),
    );
    assert.deepEqual(out.value, new Map([['a', '']]));
    assert.throws(
      () =>
        configured(new MaskField.Value(), { fields: 'a', replacement: 'abc' }).apply(
          sinkRecord(null, new Map([['a', 5]])),
        ),
      /Unable to convert abc \(class java\.lang\.String\) to number/,
    );
    assert.throws(
      () => configured(new MaskField.Value(), { fields: '' }),
      /Invalid value \[\] for configuration fields: Empty list/,
    );
    assert.throws(
      () => configured(new MaskField.Value(), { fields: 'a' }).apply(sinkRecord(null, 'str')),
      /Only Map objects supported in absence of schema for \[mask fields\], found: java\.lang\.String/,
    );
  });
});

describe('HoistField, ExtractField, ValueToKey', () => {
  test('HoistField wraps schemaless values in a Map and schema values in a Struct', () => {
    const xform = configured(new HoistField.Key(), { field: 'magic' });
    assert.deepEqual(
      xform.apply(new SinkRecord({ topic: 't', kafkaPartition: 0, kafkaOffset: 0n, key: 42 })).key,
      new Map([['magic', 42]]),
    );
    const out = xform.apply(
      new SinkRecord({
        topic: 't',
        kafkaPartition: 0,
        kafkaOffset: 0n,
        keySchema: Schema.INT32_SCHEMA,
        key: 42,
      }),
    );
    assert.equal(out.keySchema?.field('magic')?.schema(), Schema.INT32_SCHEMA);
    assert.equal((out.key as Struct).getInt32('magic'), 42);
  });

  test('ExtractField pulls one field; nulls pass; unknown fields fail', () => {
    const xform = configured(new ExtractField.Value(), { field: 'abc' });
    assert.equal(xform.apply(sinkRecord(null, new Map([['abc', 42]]))).value, 42);
    assert.equal(xform.apply(sinkRecord(null, null)).value, null);
    const out = xform.apply(
      sinkRecord(SCHEMA, new Struct(SCHEMA).put('dont', 'x').put('abc', 42).put('foo', true).put('etc', 'e')),
    );
    assert.equal(out.value, 42);
    assert.equal(out.valueSchema, Schema.INT32_SCHEMA);
    assert.throws(
      () => configured(new ExtractField.Value(), { field: 'nope' }).apply(sinkRecord(SCHEMA, null)),
      /Unknown field: nope/,
    );
    assert.throws(
      () => configured(new ExtractField.Value(), {}),
      /Missing required configuration "field" which has no default value\./,
    );
  });

  test('ValueToKey builds the key from value fields', () => {
    const xform = configured(new ValueToKey(), { fields: 'abc,foo' });
    assert.deepEqual(
      xform.apply(
        sinkRecord(
          null,
          new Map<string, unknown>([
            ['abc', 1],
            ['foo', true],
            ['x', 0],
          ]),
        ),
      ).key,
      new Map<string, unknown>([
        ['abc', 1],
        ['foo', true],
      ]),
    );
    const out = xform.apply(
      sinkRecord(SCHEMA, new Struct(SCHEMA).put('dont', 'x').put('abc', 42).put('foo', true).put('etc', 'e')),
    );
    assert.deepEqual(
      out.keySchema?.fields().map((f) => f.name()),
      ['abc', 'foo'],
    );
    assert.equal((out.key as Struct).get('abc'), 42);
    assert.throws(
      () =>
        configured(new ValueToKey(), { fields: 'missing' }).apply(
          sinkRecord(
            SCHEMA,
            new Struct(SCHEMA).put('dont', 'x').put('abc', 1).put('foo', true).put('etc', 'e'),
          ),
        ),
      DataException,
    );
  });
});

describe('routers, Filter and predicates', () => {
  test('TimestampRouter formats the topic with the default yyyyMMdd in UTC', () => {
    const out = configured(new TimestampRouter(), {}).apply(sinkRecord(null, 'v'));
    assert.equal(out.topic, 'test-20170103');
    const custom = configured(new TimestampRouter(), {
      'topic.format': 'x_${timestamp}_${topic}',
      'timestamp.format': "yyyy-MM-dd'T'HH",
    });
    assert.equal(custom.apply(sinkRecord(null, 'v')).topic, 'x_2017-01-03T06_test');
    assert.throws(
      () => configured(new TimestampRouter(), {}).apply(new SourceRecord({ topic: 't' })),
      /Timestamp missing on record: /,
    );
  });

  test('RegexRouter rewrites only whole-name matches, with Java group references', () => {
    const apply = (regex: string, replacement: string, topic: string): string =>
      configured(new RegexRouter(), { regex, replacement }).apply(sinkRecord(null, 'v', { topic })).topic;
    assert.equal(apply('(.*)', 'prefix-$1', 'orig'), 'prefix-orig');
    assert.equal(apply('(.*)-(\\d\\d)', '$1', 'index-01'), 'index');
    assert.equal(apply('(?<name>.*)-\\d\\d', '${name}\\$', 'index-01'), 'index$');
    assert.equal(apply('foo', 'bar', 'foobar'), 'foobar');
    assert.throws(
      () => configured(new RegexRouter(), { regex: '(', replacement: 'x' }),
      /Invalid value \( for configuration regex: Invalid regex: /,
    );
  });

  test('Filter behind predicates, with negate', () => {
    const headers = new SinkRecord({ topic: 'foo-1', kafkaPartition: 0, kafkaOffset: 0n, value: 'v' });
    headers.headers.add('trace', 'x');
    const plain = sinkRecord(null, 'v', { topic: 'bar' });
    const tombstone = sinkRecord(null, null);
    const topicMatches = configured(new TopicNameMatches(), { pattern: 'foo-.*' });
    const hasHeader = configured(new HasHeaderKey(), { name: 'trace' });
    const isTombstone = new RecordIsTombstone();
    assert.equal(new TransformationStage(new Filter(), topicMatches).apply(headers), null);
    assert.equal(new TransformationStage(new Filter(), topicMatches).apply(plain), plain);
    assert.equal(new TransformationStage(new Filter(), topicMatches, true).apply(plain), null);
    assert.equal(new TransformationStage(new Filter(), hasHeader).apply(headers), null);
    assert.equal(new TransformationStage(new Filter(), hasHeader).apply(plain), plain);
    assert.equal(applyChain([new TransformationStage(new Filter(), isTombstone)], tombstone), null);
    assert.equal(applyChain([new TransformationStage(new Filter(), isTombstone)], plain), plain);
  });

  test('predicate config errors', () => {
    assert.throws(
      () => configured(new TopicNameMatches(), { pattern: '' }),
      /Invalid value {2}for configuration pattern: String must be non-empty/,
    );
    assert.throws(
      () => configured(new TopicNameMatches(), { pattern: '[' }),
      /for configuration pattern: Invalid regex: /,
    );
    assert.throws(
      () => configured(new HasHeaderKey(), {}),
      /Missing required configuration "name" which has no default value\./,
    );
  });
});
