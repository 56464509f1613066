/**
 * Security metadata in a 3-broker cluster: SCRAM users created through one broker (forwarded to the controller,
 * kept in the metadata log) authenticate on every broker, survive a restart of the whole cluster, and a
 * deleted user is refused everywhere. Clients are kcat (librdkafka) and Sluice's own client.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, apis } from '@sluice/protocol';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { SLUICE_BIN, waitFor, waitForBrokers } from './support/cluster-tools.ts';
import { run, runOk } from './support/run.ts';

const PASSWORD = 'cluster-Scram-secret-6610';

describe('SCRAM users in a cluster', () => {
  let cluster: ClusterProcess;
  const saslPort = (nodeId: number) => cluster.brokers[nodeId - 1]!.layout.listenerPorts.SASL_PLAINTEXT!;
  const authenticate = (nodeId: number, password = PASSWORD) =>
    KafkaConnection.connect('127.0.0.1', saslPort(nodeId), 'cluster-scram', 10_000, {
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'erin', password },
    }).then(
      (connection) => {
        connection.close();
        return 'ok';
      },
      (error: Error) => error.message,
    );

  before(async () => {
    cluster = await startCluster({
      brokers: 3,
      listeners: ['SASL_PLAINTEXT'],
      configs: { 'sasl.enabled.mechanisms': 'SCRAM-SHA-512' },
    });
    await waitForBrokers(cluster.bootstrap, 3);
  });
  after(async () => {
    await cluster?.stopAll();
    for (const broker of cluster?.brokers ?? []) assert.ok(!broker.output.includes(PASSWORD));
  });

  it('a user created through broker 1 authenticates on every broker, with kcat too', async () => {
    const first = cluster.brokers[0]!.layout;
    await runOk(
      SLUICE_BIN,
      [
        'users',
        '--bootstrap-server',
        `127.0.0.1:${first.port}`,
        '--create',
        'erin',
        '--mechanism',
        'SCRAM-SHA-512',
        '--password-stdin',
      ],
      { input: `${PASSWORD}\n`, timeoutMs: 30_000 },
    );
    // Every broker learns of the credential from the metadata log, within its propagation delay.
    for (const nodeId of [1, 2, 3])
      await waitFor(
        `erin on broker ${nodeId}`,
        async () => ((await authenticate(nodeId)) === 'ok' ? true : null),
        15_000,
      );
    const bootstrap = [1, 2, 3].map((nodeId) => `127.0.0.1:${saslPort(nodeId)}`).join(',');
    const sasl = [
      '-X',
      'security.protocol=SASL_PLAINTEXT',
      '-X',
      'sasl.mechanisms=SCRAM-SHA-512',
      '-X',
      'sasl.username=erin',
      '-X',
      `sasl.password=${PASSWORD}`,
    ];
    await runOk('kcat', ['-b', bootstrap, ...sasl, '-P', '-t', 'secured', '-X', 'acks=all'], {
      input: 'one\ntwo\nthree\n',
      timeoutMs: 60_000,
    });
    const { stdout } = await runOk(
      'kcat',
      ['-b', bootstrap, ...sasl, '-C', '-t', 'secured', '-o', 'beginning', '-c', '3', '-e'],
      {
        timeoutMs: 60_000,
      },
    );
    assert.deepEqual(stdout.trim().split('\n').sort(), ['one', 'three', 'two']);
    // Metadata over the SASL listener names every broker by its SASL_PLAINTEXT port.
    const connection = await KafkaConnection.connect('127.0.0.1', saslPort(2), 'meta', 10_000, {
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'erin', password: PASSWORD },
    });
    const metadata = await connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
    connection.close();
    assert.deepEqual(metadata.brokers.map((b) => b.port).sort(), [1, 2, 3].map(saslPort).sort());
  });

  it('keeps the credential across a restart of every broker, and a deleted user is refused everywhere', async () => {
    await cluster.stopAll();
    await Promise.all([1, 2, 3].map((nodeId) => cluster.start(nodeId)));
    await waitForBrokers(cluster.bootstrap, 3);
    for (const nodeId of [1, 2, 3])
      await waitFor(
        `erin on broker ${nodeId} after the restart`,
        async () => ((await authenticate(nodeId)) === 'ok' ? true : null),
        30_000,
      );
    assert.match(await authenticate(3, 'wrong'), /error 58/);

    await runOk(SLUICE_BIN, ['users', '--bootstrap-server', cluster.bootstrap, '--delete', 'erin'], {
      timeoutMs: 30_000,
    });
    for (const nodeId of [1, 2, 3])
      await waitFor(
        `erin refused by broker ${nodeId}`,
        async () => (/error 58/.test(await authenticate(nodeId)) ? true : null),
        15_000,
      );
    const listed = await run(
      SLUICE_BIN,
      ['users', '--bootstrap-server', cluster.bootstrap, '--describe', 'erin'],
      { timeoutMs: 30_000 },
    );
    assert.equal(listed.code, 1);
    assert.match(listed.stderr, /erin: Attempt to describe a user credential that does not exist/);
  });
});
