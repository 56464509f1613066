/**
 * A connector's own client settings (KIP-458): `producer.override.*`, `consumer.override.*` and
 * `admin.override.*` reach that connector's clients on real workers against a real broker, as far as the worker's
 * `connector.client.config.override.policy` allows; what it forbids is refused with Kafka's message.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ClusterClient } from '@sluice/client';
import { startBroker, tempDataDir, type BrokerProcess } from '../../broker/test/support/broker-process.ts';
import { runOk } from '../../broker/test/support/run.ts';
import { ConfigException } from '../src/errors.ts';
import { overridePolicy } from '../src/runtime/client-config-override.ts';
import { rest, startStandaloneWorker, waitFor, type WorkerProcess } from '../src/testing/worker-process.ts';

let broker: BrokerProcess;
let dir: string;
/** A worker with Kafka's default policy (All), and one with the Principal policy. */
let all: WorkerProcess;
let principal: WorkerProcess;

/** A standalone worker of its own (its properties and offsets in a folder named after it), with `configs`. */
function standaloneWorker(name: string, configs: Record<string, string> = {}): Promise<WorkerProcess> {
  return startStandaloneWorker({
    bootstrap: broker.bootstrap,
    dir: join(dir, name),
    configs: { 'offset.flush.interval.ms': '500', ...configs },
  });
}

before(async () => {
  broker = await startBroker({ configs: { 'group.initial.rebalance.delay.ms': '0' } });
  dir = tempDataDir('sluice-connect-overrides-');
  [all, principal] = await Promise.all([
    standaloneWorker('all'),
    standaloneWorker('principal', {
      'connector.client.config.override.policy':
        'org.apache.kafka.connect.connector.policy.PrincipalConnectorClientConfigOverridePolicy',
    }),
  ]);
});

after(async () => {
  if (process.env.CONNECT_TEST_DEBUG) console.log(all?.output(), principal?.output());
  await Promise.all([all?.stop(), principal?.stop()]);
  await broker?.stop();
});

interface Status {
  connector: { state: string };
  tasks: { id: number; state: string; trace?: string }[];
}

test('a sink reads as the consumer group its consumer.override.group.id names, and reports that group offsets', async () => {
  await runOk('kcat', ['-b', broker.bootstrap, '-P', '-t', 'orders', '-X', 'acks=all'], {
    input: 'o-1\no-2\no-3\n',
  });
  const out = join(dir, 'orders.txt');
  const created = await rest(all.url, 'POST', '/connectors', {
    name: 'orders-archive',
    config: {
      'connector.class': 'FileStreamSink',
      topics: 'orders',
      file: out,
      'consumer.override.group.id': 'orders-archivers',
      'consumer.override.client.id': 'orders-archive-reader',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  await waitFor('the three orders in the sink file', () => {
    try {
      return readFileSync(out, 'utf8') === 'o-1\no-2\no-3\n' ? true : undefined;
    } catch {
      return undefined;
    }
  });
  const client = new ClusterClient(broker.bootstrap, 'overrides-test');
  try {
    const committed = await waitFor('the overridden group to commit offset 3', async () => {
      const offsets = await client.fetchOffsets('orders-archivers');
      return offsets.some((o) => o.topic === 'orders' && o.offset === 3n) ? offsets : undefined;
    });
    assert.deepEqual(
      committed.map((o) => [o.topic, o.partition, Number(o.offset)]),
      [['orders', 0, 3]],
    );
    const groups = (await client.listGroups()).map((g) => g.groupId);
    assert.ok(groups.includes('orders-archivers'), JSON.stringify(groups));
    assert.ok(!groups.includes('connect-orders-archive'), 'no group under the default name');
  } finally {
    client.close();
  }
  // KIP-875's offsets are the overridden group's.
  const offsets = await rest(all.url, 'GET', '/connectors/orders-archive/offsets');
  assert.deepEqual(offsets.body, {
    offsets: [{ partition: { kafka_topic: 'orders', kafka_partition: 0 }, offset: { kafka_offset: 3 } }],
  });
  assert.equal((await rest(all.url, 'DELETE', '/connectors/orders-archive')).status, 204);
});

test("a source's producer.override.max.request.size holds its producer, which refuses a longer line", async () => {
  const input = join(dir, 'long-lines.txt');
  writeFileSync(input, `short\n${'x'.repeat(500)}\n`);
  const created = await rest(all.url, 'POST', '/connectors', {
    name: 'long-lines',
    config: {
      'connector.class': 'FileStreamSource',
      file: input,
      topic: 'long-lines',
      'producer.override.max.request.size': '300',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const failed = await waitFor('the task to fail on the 500-byte line', async () => {
    const status = (await rest(all.url, 'GET', '/connectors/long-lines/status')).body as Status;
    return status.tasks[0]?.state === 'FAILED' ? status.tasks[0] : undefined;
  });
  assert.match(failed.trace ?? '', /larger than max\.request\.size 300/);
  assert.equal((await rest(all.url, 'DELETE', '/connectors/long-lines')).status, 204);
});

test('the Principal policy lets a connector set who its clients authenticate as, and nothing else', async () => {
  const config = {
    'connector.class': 'FileStreamSource',
    file: join(dir, 'principal.txt'),
    topic: 'principal',
    'producer.override.security.protocol': 'PLAINTEXT',
    'producer.override.acks': '1',
    // A sink's consumer setting on a source is not checked, as Kafka checks only a source's producer.
    'consumer.override.max.poll.records': '5',
  };
  const validated = await rest(principal.url, 'PUT', '/connector-plugins/FileStreamSource/config/validate', {
    name: 'principal-src',
    ...config,
  });
  assert.equal(validated.status, 200);
  const infos = validated.body as {
    error_count: number;
    configs: { definition: unknown; value: { name: string; errors: string[] } | null }[];
  };
  assert.equal(infos.error_count, 1);
  const refusal =
    "The 'Principal' policy does not allow 'acks' to be overridden in the connector configuration.";
  const byName = new Map(infos.configs.map((c) => [c.value?.name, c.value?.errors]));
  assert.deepEqual(byName.get('acks'), [refusal]);
  assert.deepEqual(byName.get('security.protocol'), []);
  assert.equal(byName.has('max.poll.records'), false);

  const refused = await rest(principal.url, 'POST', '/connectors', { name: 'principal-src', config });
  assert.equal(refused.status, 400);
  assert.match(
    (refused.body as { message: string }).message,
    /contains the following 1 error\(s\):\nThe 'Principal' policy does not allow 'acks'/,
  );
  assert.deepEqual((await rest(principal.url, 'GET', '/connectors')).body, []);

  // The same connector is accepted by a worker under the default policy, All.
  const validatedUnderAll = await rest(
    all.url,
    'PUT',
    '/connector-plugins/FileStreamSource/config/validate',
    { name: 'principal-src', ...config },
  );
  assert.equal((validatedUnderAll.body as { error_count: number }).error_count, 0);

  const principalOnly = Object.fromEntries(
    Object.entries(config).filter(([key]) => key !== 'producer.override.acks'),
  );
  const accepted = await rest(principal.url, 'POST', '/connectors', {
    name: 'principal-src',
    config: principalOnly,
  });
  assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
  assert.equal((await rest(principal.url, 'DELETE', '/connectors/principal-src')).status, 204);
});

test("the worker's policy is named by class, simple name or alias; an unknown one is refused by name", async () => {
  for (const name of [
    'None',
    'NoneConnectorClientConfigOverridePolicy',
    'org.apache.kafka.connect.connector.policy.NoneConnectorClientConfigOverridePolicy',
  ]) {
    const policy = overridePolicy(name, []);
    assert.equal(policy.name, 'None');
    assert.equal(policy.isAllowed('client.id'), false);
  }
  assert.equal(overridePolicy('All', []).isAllowed('acks'), true);
  const allowlist = overridePolicy('Allowlist', ['linger.ms']);
  assert.deepEqual(
    ['linger.ms', 'acks'].map((setting) => allowlist.isAllowed(setting)),
    [true, false],
  );
  assert.throws(
    () => overridePolicy('Everything', []),
    (error: unknown) =>
      error instanceof ConfigException &&
      /connector\.client\.config\.override\.policy/.test(error.message) &&
      /Failed to find any class that implements ConnectorClientConfigOverridePolicy and which name matches Everything/.test(
        error.message,
      ),
  );
  // A worker with an unknown policy stops at once, saying which setting is wrong.
  await assert.rejects(
    standaloneWorker('unknown-policy', { 'connector.client.config.override.policy': 'Everything' }),
    /exited with 1 before starting:\nsluice: Invalid value Everything for configuration connector\.client\.config\.override\.policy: Failed to find any class/,
  );
});
