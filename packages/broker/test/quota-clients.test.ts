/**
 * Client quotas as real clients feel them: librdkafka (confluent-kafka-python) producing and consuming as fast as
 * it can for 10 seconds under 1 MiB/s quotas set with `sluice configs`, by client-id and by user (User:ANONYMOUS
 * on PLAINTEXT). Each is held within 20 % of the quota and sees the broker's throttle time.
 *
 * A SASL user is held to its user quota the same way: quotas follow the principal a connection authenticated as.
 *
 * The producer uses the Java producer's batch.size (16 KiB). Kafka measures a new client as if it had been
 * quiet for the rest of its window (quota.window.num - 1 windows), so it lets a client burst by 10 s x quota
 * before it throttles; with librdkafka's own default of 1 MB batches each throttled request overshoots by a
 * whole batch, and Kafka's algorithm (which Sluice reproduces) then lets about 1.3 MiB/s through in the first
 * 10 seconds. See the report printed by each test for the figures measured.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { script, sluice } from './support/cluster-tools.ts';
import { runOk } from './support/run.ts';

const PYTHON = '/usr/bin/python3';
const MIB = 1_048_576;
const SECONDS = 10;
const PLAIN_PASSWORD = 'quota-Carol-secret-2718';

interface ProducerReport {
  acked_bytes: number;
  mib_per_s: number;
  throttle_max_ms: number;
  failed: number;
}

interface ConsumerReport {
  received_bytes: number;
  mib_per_s: number;
  throttle_max_ms: number;
}

async function python<T>(name: string, args: string[]): Promise<T> {
  const { stdout } = await runOk(PYTHON, [script(name), ...args], { timeoutMs: 120_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

function assertHeldToQuota(report: { mib_per_s: number; throttle_max_ms: number }, what: string): void {
  assert.ok(
    report.mib_per_s >= 0.8 && report.mib_per_s <= 1.2,
    `${what}: ${report.mib_per_s.toFixed(3)} MiB/s against a 1 MiB/s quota`,
  );
  assert.ok(report.throttle_max_ms > 0, `${what} saw no throttle time`);
}

describe('quotas against librdkafka', () => {
  let broker: BrokerProcess;
  const configs = (...args: string[]) => sluice(['configs', '--bootstrap-server', broker.bootstrap, ...args]);
  before(async () => {
    broker = await startBroker({
      configs: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_carol="${PLAIN_PASSWORD}";`,
      },
    });
    await sluice(['topics', 'create', '--bootstrap-server', broker.bootstrap, '--topic', 'quota-produce']);
    await sluice(['topics', 'create', '--bootstrap-server', broker.bootstrap, '--topic', 'quota-consume']);
  });
  after(async () => {
    await broker.stop();
  });

  it('holds a producer to a 1 MiB/s client-id quota set with sluice configs', async (t) => {
    const altered = await configs(
      '--alter',
      '--add-config',
      `producer_byte_rate=${MIB}`,
      '--entity-type',
      'clients',
      '--entity-name',
      'quota-producer',
    );
    assert.equal(altered.stdout.trim(), 'Completed updating config for client quota-producer.');
    const described = await configs('--describe', '--entity-type', 'clients');
    assert.equal(
      described.stdout.trim(),
      "Quota configs for client-id 'quota-producer' are producer_byte_rate=1048576.0",
    );
    const report = await python<ProducerReport>('confluent_quota_producer.py', [
      broker.bootstrap,
      'quota-produce',
      'quota-producer',
      String(SECONDS),
      '16384',
    ]);
    t.diagnostic(`client-id quota: ${JSON.stringify(report)}`);
    assertHeldToQuota(report, 'the producer');
  });

  it('holds a consumer to a 1 MiB/s consumer_byte_rate', async (t) => {
    const filled = await python<ProducerReport>('confluent_quota_producer.py', [
      broker.bootstrap,
      'quota-consume',
      'filler',
      '0',
      String(30 * MIB),
    ]);
    assert.equal(filled.failed, 0);
    await configs('--alter', '--add-config', `consumer_byte_rate=${MIB}`, '--client', 'quota-consumer');
    const report = await python<ConsumerReport>('confluent_quota_consumer.py', [
      broker.bootstrap,
      'quota-consume',
      'quota-consumer',
      String(SECONDS),
    ]);
    t.diagnostic(`consumer quota: ${JSON.stringify(report)}`);
    assertHeldToQuota(report, 'the consumer');
  });

  it('holds User:ANONYMOUS to a user quota, whatever its client-id', async (t) => {
    await configs('--alter', '--add-config', `producer_byte_rate=${MIB}`, '--user', 'ANONYMOUS');
    const described = await configs('--describe', '--entity-type', 'users', '--entity-name', 'ANONYMOUS');
    assert.equal(
      described.stdout.trim(),
      "Quota configs for user-principal 'ANONYMOUS' are producer_byte_rate=1048576.0",
    );
    const report = await python<ProducerReport>('confluent_quota_producer.py', [
      broker.bootstrap,
      'quota-produce',
      'anonymous-producer',
      String(SECONDS),
      '16384',
    ]);
    t.diagnostic(`user quota: ${JSON.stringify(report)}`);
    assertHeldToQuota(report, 'the producer');
    const removed = await configs('--alter', '--delete-config', 'producer_byte_rate', '--user', 'ANONYMOUS');
    assert.equal(removed.stdout.trim(), 'Completed updating config for user ANONYMOUS.');
  });

  it('holds a SASL user to its user quota, and not the anonymous clients beside it', async (t) => {
    await configs(
      '--alter',
      '--add-config',
      `producer_byte_rate=${MIB}`,
      '--entity-type',
      'users',
      '--entity-name',
      'carol',
    );
    const sasl = [
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanisms=PLAIN',
      'sasl.username=carol',
      `sasl.password=${PLAIN_PASSWORD}`,
    ];
    const report = await python<ProducerReport>('confluent_quota_producer.py', [
      `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`,
      'quota-produce',
      'carol-producer',
      String(SECONDS),
      '16384',
      ...sasl,
    ]);
    t.diagnostic(`SASL user quota: ${JSON.stringify(report)}`);
    assertHeldToQuota(report, 'the SASL producer');
    // Carol's sensor is over its quota now, so a client sharing it (a quota keyed by client-id alone) would be
    // throttled on its first response. Its rate says little (a 1 MiB/s quota allows a 10 MiB burst, and a loaded
    // machine slows a 2-second run); the throttle time the broker sends is what tells the two apart.
    const anonymous = await python<ProducerReport>('confluent_quota_producer.py', [
      broker.bootstrap,
      'quota-produce',
      'carol-producer',
      '2',
      '16384',
    ]);
    t.diagnostic(`User:ANONYMOUS with the same client-id: ${JSON.stringify(anonymous)}`);
    assert.ok(anonymous.acked_bytes > 0, 'User:ANONYMOUS produced nothing');
    assert.equal(anonymous.throttle_max_ms, 0, "User:ANONYMOUS was throttled under carol's user quota");
  });
});
