import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BROKER_CONFIGS } from './broker-configs.ts';
import { validateDynamicBrokerConfigs } from './broker-dynamic-rules.ts';
import { parseConfigValue } from './config-def.ts';
import { checkMetadataVersion } from './kafka-validators.ts';
import { TOPIC_CONFIGS } from './topic-configs.ts';

describe("Kafka 3.9's broker config catalog", () => {
  it('knows every documented name with a type, an update mode and a default Kafka itself accepts', () => {
    assert.ok(BROKER_CONFIGS.size >= 330, `${BROKER_CONFIGS.size} names`);
    for (const def of BROKER_CONFIGS.values()) {
      assert.ok(def.updateMode, `${def.name} has an update mode`);
      // A "" default of a non-empty check stands for "unset", as Kafka validates only values that are set.
      if (def.defaultValue === null || (def.defaultValue === '' && def.check)) continue;
      assert.doesNotThrow(() => parseConfigValue(def, def.defaultValue!), `default of ${def.name}`);
    }
    const relogin = BROKER_CONFIGS.get('sasl.kerberos.min.time.before.relogin')!;
    assert.deepEqual(
      [relogin.type, relogin.defaultValue, relogin.updateMode],
      ['long', '60000', 'per-broker'],
    );
    assert.equal(BROKER_CONFIGS.get('log.cleaner.threads')!.updateMode, 'cluster-wide');
    assert.equal(BROKER_CONFIGS.get('process.roles')!.updateMode, 'read-only');
    assert.equal(
      BROKER_CONFIGS.get('num.partitions')!.notActedOn,
      undefined,
      'Sluice acts on num.partitions',
    );
    assert.equal(BROKER_CONFIGS.get('zookeeper.connect')!.notActedOn, true);
  });

  it('validates message format versions as MetadataVersion.fromVersionString does', () => {
    for (const version of ['0.10.0', '0.10.0-IV1', '0.10.0.1', '2.8', '2.8-IV1', '2.8.1', '3.0-IV1', '3.9']) {
      assert.equal(checkMetadataVersion(version), null, version);
    }
    for (const version of ['9.9', '2', '0.10', 'latest', '']) {
      assert.equal(checkMetadataVersion(version), `Version ${version} is not a valid version`, version);
    }
    assert.throws(
      () => parseConfigValue(TOPIC_CONFIGS.get('message.format.version')!, '1.5'),
      /Invalid value 1.5 for configuration message.format.version: Version 1.5 is not a valid version/,
    );
  });

  it("refuses dynamic changes in Kafka's order and words", () => {
    const check =
      (values: Record<string, string>, perBroker = true) =>
      () =>
        validateDynamicBrokerConfigs(new Map(Object.entries(values)), perBroker);
    assert.throws(
      check({ 'log.dirs': '/x', 'node.id': '2', 'log.retention.ms': 'soon' }),
      /^ConfigError: Cannot update these configs dynamically: Set\(log.dirs, node.id\)$/,
    );
    assert.throws(check({ 'log.retention.ms': 'soon' }), /Not a number of type LONG/);
    assert.throws(check({ 'num.network.threads': '0' }), /Value must be at least 1/);
    assert.doesNotThrow(
      check({ 'num.network.threads': '4', 'listener.name.internal.max.connections': '5' }, false),
    );
    assert.throws(
      check({ 'listener.name.internal.ssl.keystore.location': '/k' }, false),
      /at default cluster level, broker id must be specified: Set\(listener.name.internal.ssl.keystore.location\)/,
    );
    assert.doesNotThrow(check({ 'listener.name.internal.scram-sha-256.sasl.jaas.config': 'x required;' }));
    assert.doesNotThrow(check({ 'leader.replication.throttled.rate': '1000000' }, false));
  });

  it('checks throttled replica lists and gzip levels as Kafka does', () => {
    const leader = TOPIC_CONFIGS.get('leader.replication.throttled.replicas')!;
    assert.deepEqual(parseConfigValue(leader, '0:1,1:1'), ['0:1', '1:1']);
    assert.deepEqual(parseConfigValue(leader, '*'), ['*']);
    assert.throws(() => parseConfigValue(leader, '0-1'), /must be the literal '\*' or a list of replicas/);
    const gzip = TOPIC_CONFIGS.get('compression.gzip.level')!;
    assert.equal(parseConfigValue(gzip, '-1'), -1);
    assert.throws(() => parseConfigValue(gzip, '0'), /Value must be between 1 and 9 or equal to -1/);
  });
});
