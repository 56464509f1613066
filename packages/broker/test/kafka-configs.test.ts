/**
 * Configs Kafka 3.9 accepts that Sluice does not act on (issue 11), through real clients' admin APIs:
 * confluent-kafka-python (AlterConfigs, DescribeConfigs) and @platformatic/kafka (IncrementalAlterConfigs,
 * AlterConfigs, DescribeConfigs); then, with Sluice's own client, what those clients cannot send (the cluster
 * default resource "", custom names, listener-prefixed names).
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const script = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const BROKER = 4;
const SOURCE = { TOPIC: 1, DYNAMIC_BROKER: 2, DYNAMIC_DEFAULT_BROKER: 3, STATIC_BROKER: 4, DEFAULT: 5 };

describe('configs Kafka 3.9 accepts', () => {
  let broker: BrokerProcess;
  before(async () => {
    broker = await startBroker({
      configs: { 'sasl.kerberos.kinit.cmd': '/usr/bin/kinit', 'inter.broker.protocol.version': '3.9' },
    });
  });
  after(async () => {
    await broker.stop();
  });

  it('takes every Kafka broker config name at start and warns once for each it does not act on', () => {
    const warnings = broker.output().match(/sasl\.kerberos\.kinit\.cmd is a Kafka config that Sluice/g) ?? [];
    assert.equal(warnings.length, 1, broker.output());
    assert.match(broker.output(), /inter\.broker\.protocol\.version is a Kafka config that Sluice/);
  });

  it('confluent-kafka-python: message.format.version on a topic, a broker SASL config, refusals', async () => {
    const { stdout } = await runOk(PYTHON, [script('confluent_configs.py'), broker.bootstrap, '1'], {
      timeoutMs: 60_000,
    });
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report, {
      topic_default: {
        'message.format.version': { value: '3.0-IV1', read_only: false, source: SOURCE.DEFAULT },
      },
      topic_alter: 'ok',
      topic_described: {
        'message.format.version': { value: '0.10.0', read_only: false, source: SOURCE.TOPIC },
        'retention.ms': { value: '3600000', read_only: false, source: SOURCE.TOPIC },
        'local.retention.ms': { value: '-2', read_only: false, source: SOURCE.DEFAULT },
      },
      broker_alter: 'ok',
      broker_described: {
        'sasl.kerberos.min.time.before.relogin': {
          value: '60001',
          read_only: false,
          source: SOURCE.DYNAMIC_BROKER,
        },
        'log.dirs': { value: null, read_only: true, source: SOURCE.DEFAULT },
        'num.io.threads': { value: '8', read_only: false, source: SOURCE.DEFAULT },
      },
      read_only: ['INVALID_REQUEST', 'Cannot update these configs dynamically: Set(log.dirs)'],
      nonsense_topic: ['INVALID_CONFIG', 'Unknown topic config name: no.such.config'],
      ssl_without_listener: [
        'INVALID_REQUEST',
        'These security configs can be dynamically updated only per-listener using the listener prefix: Set(ssl.keystore.location)',
      ],
    });
  });

  it('@platformatic/kafka: incremental and legacy alters of the same configs, and their refusals', async () => {
    const { stdout } = await runOk(
      process.execPath,
      [script('platformatic-configs.mjs'), broker.bootstrap, '1'],
      {
        timeoutMs: 60_000,
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(report, {
      topicIncremental: 'ok',
      topicDescribed: {
        'message.format.version': { value: '2.8-IV1', readOnly: false, source: SOURCE.TOPIC },
        'message.downconversion.enable': { value: 'false', readOnly: false, source: SOURCE.TOPIC },
        'remote.storage.enable': { value: 'false', readOnly: false, source: SOURCE.DEFAULT },
      },
      badVersion: {
        code: ErrorCode.INVALID_CONFIG,
        message:
          'Invalid value 9.9 for configuration message.format.version: Version 9.9 is not a valid version',
      },
      brokerIncremental: 'ok',
      brokerLegacy: 'ok',
      brokerDescribed: {
        'sasl.kerberos.min.time.before.relogin': {
          value: '62000',
          readOnly: false,
          source: SOURCE.DYNAMIC_BROKER,
        },
        'log.dirs': { value: null, readOnly: true, source: SOURCE.DEFAULT },
        'background.threads': { value: '10', readOnly: false, source: SOURCE.DEFAULT },
      },
      readOnly: {
        code: ErrorCode.INVALID_REQUEST,
        message: 'Cannot update these configs dynamically: Set(auto.create.topics.enable)',
      },
      badBrokerValue: {
        code: ErrorCode.INVALID_REQUEST,
        message:
          'Invalid value soon for configuration sasl.kerberos.min.time.before.relogin: Not a number of type LONG',
      },
      nonsenseTopic: { code: ErrorCode.INVALID_CONFIG, message: 'Unknown topic config name: no.such.config' },
    });
  });

  describe("what the clients cannot send, with Sluice's own client", () => {
    let client: KafkaConnection;
    before(async () => {
      client = await KafkaConnection.connect('127.0.0.1', broker.port);
    });
    after(() => client.close());

    const incremental = async (
      resourceName: string,
      name: string,
      configOperation: number,
      value: string | null,
    ) =>
      (
        await client.request(ApiKey.IncrementalAlterConfigs, {
          resources: [{ resourceType: BROKER, resourceName, configs: [{ name, configOperation, value }] }],
          validateOnly: false,
        })
      ).responses[0]!;
    const describeBroker = async (resourceName: string, keys: string[] | null) =>
      (
        await client.request(ApiKey.DescribeConfigs, {
          resources: [{ resourceType: BROKER, resourceName, configurationKeys: keys }],
          includeSynonyms: true,
          includeDocumentation: false,
        })
      ).results[0]!;

    it('keeps the cluster-wide default ("") apart from the per-broker value, as Kafka does', async () => {
      const perBroker = await incremental('', 'sasl.kerberos.min.time.before.relogin', 0, '60002');
      assert.deepEqual(
        [perBroker.errorCode, perBroker.errorMessage],
        [
          ErrorCode.INVALID_REQUEST,
          'Cannot update these configs at default cluster level, broker id must be specified: Set(sasl.kerberos.min.time.before.relogin)',
        ],
      );
      assert.equal((await incremental('', 'log.retention.ms', 0, '7200000')).errorCode, ErrorCode.NONE);
      assert.equal((await incremental('1', 'log.retention.ms', 0, '3600000')).errorCode, ErrorCode.NONE);
      const clusterLevel = await describeBroker('', null);
      assert.deepEqual(
        clusterLevel.configs.map((c) => [c.name, c.value, c.configSource, c.synonyms.length]),
        [['log.retention.ms', '7200000', SOURCE.DYNAMIC_DEFAULT_BROKER, 1]],
      );
      const [retention] = (await describeBroker('1', ['log.retention.ms'])).configs;
      assert.equal(retention!.value, '3600000');
      assert.deepEqual(
        retention!.synonyms.map((s) => [s.name, s.value, s.source]),
        [
          ['log.retention.ms', '3600000', SOURCE.DYNAMIC_BROKER],
          ['log.retention.ms', '7200000', SOURCE.DYNAMIC_DEFAULT_BROKER],
          ['log.retention.hours', '168', SOURCE.DEFAULT],
        ],
      );
      assert.equal((await incremental('1', 'log.retention.ms', 1, null)).errorCode, ErrorCode.NONE);
      assert.equal((await incremental('', 'log.retention.ms', 1, null)).errorCode, ErrorCode.NONE);
    });

    it('stores custom and listener-prefixed names as Kafka does, and refuses APPEND to a custom name', async () => {
      assert.equal((await incremental('1', 'my.plugin.setting', 0, 'x')).errorCode, ErrorCode.NONE);
      const [custom] = (await describeBroker('1', ['my.plugin.setting'])).configs;
      assert.deepEqual(
        [custom!.value, custom!.isSensitive, custom!.readOnly, custom!.configSource, custom!.configType],
        [null, true, true, SOURCE.DYNAMIC_BROKER, 0],
        'a name of unknown type is described as possibly sensitive',
      );
      const append = await incremental('1', 'my.plugin.other', 2, 'x');
      assert.deepEqual([append.errorCode, append.errorMessage], [ErrorCode.UNKNOWN_SERVER_ERROR, null]);
      const prefixed = await incremental('1', 'listener.name.plaintext.ssl.keystore.location', 0, '/k.jks');
      assert.equal(prefixed.errorCode, ErrorCode.NONE);
      const badPrefixed = await incremental('1', 'listener.name.plaintext.max.connections', 0, 'many');
      assert.equal(badPrefixed.errorCode, ErrorCode.INVALID_REQUEST);
      assert.match(badPrefixed.errorMessage ?? '', /Not a number of type INT/);
      const appendNonList = await incremental('1', 'background.threads', 2, '3');
      assert.deepEqual(
        [appendNonList.errorCode, appendNonList.errorMessage],
        [ErrorCode.INVALID_CONFIG, 'Config value append is not allowed for config key: background.threads'],
      );
    });

    it('lists every Kafka broker config for this broker, read-only where Kafka cannot change it', async () => {
      const all = (await describeBroker('1', null)).configs;
      const byName = new Map(all.map((c) => [c.name, c]));
      assert.ok(all.length >= 310, `described ${all.length} broker configs`);
      assert.equal(byName.get('zookeeper.connect')!.readOnly, true);
      assert.equal(byName.get('ssl.keystore.password')!.isSensitive, true);
      assert.equal(byName.get('log.cleaner.threads')!.readOnly, false);
      assert.equal(byName.get('inter.broker.protocol.version')!.configSource, SOURCE.STATIC_BROKER);
      assert.equal(byName.has('unstable.api.versions.enable'), false, 'internal configs only once set');
    });
  });
});
