import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, ConfigSource, parseConfigValue } from './config-def.ts';
import { BrokerConfigStore } from './config-store.ts';
import { resolveLogConfig } from './log-config.ts';
import { TOPIC_CONFIGS } from './topic-configs.ts';

describe('config values', () => {
  it("rejects bad values with Kafka's wording", () => {
    const retention = TOPIC_CONFIGS.get('retention.ms')!;
    assert.throws(
      () => parseConfigValue(retention, 'soon'),
      /Invalid value soon for configuration retention.ms: Not a number of type LONG/,
    );
    assert.throws(() => parseConfigValue(retention, '-5'), /Value must be at least -1/);
    const policy = TOPIC_CONFIGS.get('cleanup.policy')!;
    assert.deepEqual(parseConfigValue(policy, 'compact, delete'), ['compact', 'delete']);
    assert.throws(() => parseConfigValue(policy, 'shred'), /String must be one of: compact, delete/);
    assert.equal(parseConfigValue(TOPIC_CONFIGS.get('compression.type')!, 'ZSTD'), 'zstd');
    assert.throws(
      () => parseConfigValue(TOPIC_CONFIGS.get('min.cleanable.dirty.ratio')!, '1.5'),
      /no more than 1/,
    );
  });

  it('refuses unknown broker settings at start', () => {
    assert.throws(() => new BrokerConfigStore(new Map([['no.such.setting', '1']])), ConfigError);
    assert.throws(
      () => new BrokerConfigStore(new Map([['num.partitions', '0']])),
      /Value must be at least 1/,
    );
  });
});

describe('effective topic configs', () => {
  it('resolves topic override > broker synonym (converted) > default, and reports the chain', () => {
    const store = new BrokerConfigStore(new Map([['log.retention.hours', '2']]));
    const fromBroker = store.resolveTopicConfig(TOPIC_CONFIGS.get('retention.ms')!, new Map());
    assert.equal(fromBroker.value, '7200000');
    assert.equal(fromBroker.source, ConfigSource.STATIC_BROKER_CONFIG);
    const overridden = store.resolveTopicConfig(
      TOPIC_CONFIGS.get('retention.ms')!,
      new Map([['retention.ms', '1000']]),
    );
    assert.equal(overridden.value, '1000');
    assert.equal(overridden.source, ConfigSource.DYNAMIC_TOPIC_CONFIG);
    assert.deepEqual(
      overridden.synonyms.map((s) => [s.name, s.value]),
      [
        ['retention.ms', '1000'],
        ['log.retention.hours', '7200000'],
        ['retention.ms', '604800000'],
      ],
    );
    const log = resolveLogConfig(store, new Map([['flush.messages', '1']]));
    assert.equal(log.flushMessages, 1);
    assert.equal(log.flushMs, Infinity, 'Long.MAX_VALUE means never');
    assert.equal(log.maxMessageBytes, 1048588);
  });

  it('applies dynamic broker overrides ahead of static ones', () => {
    const store = new BrokerConfigStore(new Map([['message.max.bytes', '2000']]));
    store.setDynamic(new Map([['message.max.bytes', '3000']]));
    assert.equal(store.topicValue<number>('max.message.bytes', new Map()), 3000);
    store.setDynamic(new Map([['message.max.bytes', null]]));
    assert.equal(store.topicValue<number>('max.message.bytes', new Map()), 2000);
  });
});
