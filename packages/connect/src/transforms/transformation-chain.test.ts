import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { Schema } from '../data/schema.ts';
import { SourceRecord } from '../connector/connect-record.ts';
import { ConnectException } from '../errors.ts';
import { Cast } from './cast.ts';
import { Plugins, simpleName } from './plugins.ts';
import { Filter, TopicNameMatches } from './routers.ts';
import { applyChain } from './transformation.ts';
import { enrichTransformationChain, transformationStages } from './transformation-chain.ts';

function record(topic: string, value: unknown = 42) {
  return new SourceRecord({
    sourcePartition: null,
    sourceOffset: null,
    topic,
    kafkaPartition: 0,
    keySchema: null,
    key: null,
    valueSchema: Schema.INT32_SCHEMA,
    value,
  });
}

describe('Plugins', () => {
  const plugins = new Plugins();

  test('resolves Kafka class names, nested classes included', () => {
    const cast = plugins.resolve('org.apache.kafka.connect.transforms.Cast$Value');
    assert.ok(cast !== undefined && 'create' in cast);
    assert.ok(cast.create() instanceof Cast);
    assert.equal(
      plugins.resolve('org.apache.kafka.connect.transforms.predicates.TopicNameMatches')?.kind,
      'Predicate',
    );
  });

  test('top-level classes have their simple name as an alias; $Key/$Value classes have none', () => {
    assert.equal(plugins.aliases().get('Filter'), 'org.apache.kafka.connect.transforms.Filter');
    assert.equal(
      plugins.aliases().get('TopicNameMatches'),
      'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
    );
    assert.equal(plugins.aliases().get('ValueToKey'), 'org.apache.kafka.connect.transforms.ValueToKey');
    assert.equal(plugins.resolve('InsertField$Value'), undefined);
    assert.equal(plugins.resolve('Value'), undefined);
    assert.equal(plugins.resolve('Key'), undefined);
  });

  test('simpleName follows Class.getSimpleName', () => {
    assert.equal(simpleName('org.apache.kafka.connect.transforms.Cast$Key'), 'Key');
    assert.equal(simpleName('org.apache.kafka.connect.transforms.Filter'), 'Filter');
  });

  test('a suffix-pruned alias is registered when unique', () => {
    const custom = new Plugins([
      {
        className: 'com.example.UpperCaseTransformation',
        kind: 'Transformation',
        create: () => new Filter(),
      },
      { className: 'com.example.IsBigPredicate', kind: 'Predicate', create: () => new TopicNameMatches() },
    ]);
    assert.equal(custom.aliases().get('UpperCase'), 'com.example.UpperCaseTransformation');
    assert.equal(custom.aliases().get('UpperCaseTransformation'), 'com.example.UpperCaseTransformation');
    assert.equal(custom.aliases().get('IsBig'), 'com.example.IsBigPredicate');
  });

  test('lists transformations and predicates without abstract classes', () => {
    assert.ok(plugins.transformations().includes('org.apache.kafka.connect.transforms.Cast$Key'));
    assert.ok(!plugins.transformations().includes('org.apache.kafka.connect.transforms.Cast'));
    assert.equal(plugins.predicates().length, 3);
  });
});

describe('transformationStages', () => {
  test('no transforms is an empty chain', () => {
    assert.deepEqual(transformationStages({}), []);
  });

  test('builds the chain in order, with predicates, negate and aliases', () => {
    const stages = transformationStages({
      transforms: 'cast, dropOthers',
      'transforms.cast.type': 'org.apache.kafka.connect.transforms.Cast$Value',
      'transforms.cast.spec': 'string',
      'transforms.dropOthers.type': 'Filter',
      'transforms.dropOthers.predicate': 'isKept',
      'transforms.dropOthers.negate': 'true',
      predicates: 'isKept',
      'predicates.isKept.type': 'TopicNameMatches',
      'predicates.isKept.pattern': 'kept-.*',
    });
    assert.equal(stages.length, 2);
    assert.ok(stages[1]?.predicate instanceof TopicNameMatches);
    assert.equal(stages[1]?.negate, true);
    assert.equal(applyChain(stages, record('kept-1'))?.value, '42');
    assert.equal(applyChain(stages, record('other')), null);
  });

  test('each stage gets its own predicate instance', () => {
    const stages = transformationStages({
      transforms: 'a,b',
      'transforms.a.type': 'Filter',
      'transforms.a.predicate': 'p',
      'transforms.b.type': 'Filter',
      'transforms.b.predicate': 'p',
      predicates: 'p',
      'predicates.p.type': 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
    });
    assert.notEqual(stages[0]?.predicate, stages[1]?.predicate);
  });

  test('duplicate aliases', () => {
    assert.throws(() => transformationStages({ transforms: 'a,a', 'transforms.a.type': 'Filter' }), {
      name: 'ConfigException',
      message: 'Invalid value [a, a] for configuration transforms: Duplicate alias provided.',
    });
    assert.throws(
      () => transformationStages({ predicates: 'p,p', 'predicates.p.type': 'RecordIsTombstone' }),
      { message: 'Invalid value [p, p] for configuration predicates: Duplicate alias provided.' },
    );
  });

  test('a transform without a type is "Not a Transformation"', () => {
    assert.throws(() => transformationStages({ transforms: 'dangler' }), {
      name: 'ConfigException',
      message: 'Invalid value null for configuration transforms.dangler.type: Not a Transformation',
    });
  });

  test('an unknown class, including the short $Value name Kafka cannot load', () => {
    for (const type of ['com.example.Missing', 'InsertField$Value']) {
      assert.throws(() => transformationStages({ transforms: 'a', 'transforms.a.type': type }), {
        name: 'ConfigException',
        message: `Invalid value ${type} for configuration transforms.a.type: Class ${type} could not be found.`,
      });
    }
  });

  test('a predicate named as a transformation, and the reverse', () => {
    assert.throws(() => transformationStages({ transforms: 'a', 'transforms.a.type': 'HasHeaderKey' }), {
      message:
        'Invalid value class org.apache.kafka.connect.transforms.predicates.HasHeaderKey for configuration transforms.a.type: Not a Transformation',
    });
    assert.throws(() => transformationStages({ predicates: 'p', 'predicates.p.type': 'Filter' }), {
      message:
        'Invalid value class org.apache.kafka.connect.transforms.Filter for configuration predicates.p.type: Not a Predicate',
    });
  });

  test('an abstract $Key/$Value parent suggests its nested classes', () => {
    assert.throws(
      () =>
        transformationStages({
          transforms: 'a',
          'transforms.a.type': 'org.apache.kafka.connect.transforms.Cast',
        }),
      {
        message:
          'Invalid value class org.apache.kafka.connect.transforms.Cast for configuration transforms.a.type: Transformation is abstract and cannot be created. Did you mean org.apache.kafka.connect.transforms.Cast$Key, org.apache.kafka.connect.transforms.Cast$Value?',
      },
    );
  });

  test("the transformation's own config is validated under its prefix", () => {
    assert.throws(
      () =>
        transformationStages({
          transforms: 'a',
          'transforms.a.type': 'org.apache.kafka.connect.transforms.Cast$Value',
        }),
      {
        name: 'ConfigException',
        message: 'Missing required configuration "transforms.a.spec" which has no default value.',
      },
    );
    assert.throws(
      () =>
        transformationStages({
          transforms: 'a',
          'transforms.a.type': 'org.apache.kafka.connect.transforms.Cast$Value',
          'transforms.a.spec': 'x:bogus',
        }),
      { name: 'ConfigException', message: 'Invalid type found in casting spec: bogus' },
    );
  });

  test('negate needs a predicate', () => {
    assert.throws(
      () =>
        transformationStages({
          transforms: 'a',
          'transforms.a.type': 'Filter',
          'transforms.a.negate': 'true',
        }),
      {
        name: 'ConfigException',
        message:
          "Config 'transforms.a.negate' was provided but there is no config 'transforms.a.predicate' defining a predicate to be negated.",
      },
    );
  });

  test('a predicate alias missing from `predicates` fails when the stages are built', () => {
    assert.throws(
      () =>
        transformationStages({
          transforms: 'a',
          'transforms.a.type': 'Filter',
          'transforms.a.predicate': 'nope',
        }),
      (error: unknown) =>
        error instanceof ConnectException &&
        error.message ===
          "org.apache.kafka.common.config.ConfigException: Unknown configuration 'predicates.nope.type'",
    );
  });

  test("a listed predicate without a type, and a predicate's own config", () => {
    assert.throws(() => transformationStages({ predicates: 'p' }), {
      message: 'Invalid value null for configuration predicates.p.type: Not a Predicate',
    });
    assert.throws(() => transformationStages({ predicates: 'p', 'predicates.p.type': 'TopicNameMatches' }), {
      message: 'Missing required configuration "predicates.p.pattern" which has no default value.',
    });
  });

  test('enrich adds each alias’s keys, with predicate and negate for transformations', () => {
    const def = enrichTransformationChain({
      transforms: 'a',
      'transforms.a.type': 'org.apache.kafka.connect.transforms.Cast$Key',
    });
    assert.deepEqual(def.names().sort(), [
      'predicates',
      'transforms',
      'transforms.a.negate',
      'transforms.a.predicate',
      'transforms.a.replace.null.with.default',
      'transforms.a.spec',
      'transforms.a.type',
    ]);
  });
});
