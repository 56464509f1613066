/**
 * Security metadata in a 3-broker cluster: SCRAM users and ACLs created through one broker (forwarded to the
 * controller, kept in the metadata log) hold on every broker and survive a restart of the whole cluster; a
 * deleted user is refused everywhere. Replication and the admin tools run over the PLAINTEXT listeners as
 * User:ANONYMOUS, the super user. Clients are kcat (librdkafka) and Sluice's own client.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, apis } from '@sluice/protocol';
import { startCluster, type ClusterProcess } from './support/cluster-process.ts';
import { SLUICE_BIN, waitFor, waitForBrokers } from './support/cluster-tools.ts';
import { run, runOk } from './support/run.ts';

const PASSWORD = 'cluster-Scram-secret-6610';

describe('SCRAM users and ACLs in a cluster', () => {
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
  /** The error code a broker answers erin's Metadata request for `topic` with (no auto-creation). */
  const topicErrorFor = async (nodeId: number, topic: string): Promise<number> => {
    const connection = await KafkaConnection.connect('127.0.0.1', saslPort(nodeId), 'acl-probe', 10_000, {
      sasl: { mechanism: 'SCRAM-SHA-512', username: 'erin', password: PASSWORD },
    });
    try {
      const metadata = await connection.request(ApiKey.Metadata, {
        ...apis[ApiKey.Metadata].defaultRequest(),
        topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: topic }],
        allowAutoTopicCreation: false,
      });
      return metadata.topics[0]!.errorCode;
    } finally {
      connection.close();
    }
  };

  before(async () => {
    cluster = await startCluster({
      brokers: 3,
      listeners: ['SASL_PLAINTEXT'],
      configs: {
        'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': 'User:ANONYMOUS',
      },
    });
    await waitForBrokers(cluster.bootstrap, 3);
  });
  after(async () => {
    await cluster?.stopAll();
    for (const broker of cluster?.brokers ?? []) assert.ok(!broker.output.includes(PASSWORD));
  });

  it('a user created through broker 1 authenticates on every broker; an ACL made through broker 3 admits it to a topic everywhere', async () => {
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
    // The authorizer refuses erin until an ACL, created through broker 3, reaches every broker.
    const refused = await run('kcat', ['-b', bootstrap, ...sasl, '-P', '-t', 'secured', '-X', 'acks=all'], {
      input: 'refused\n',
      timeoutMs: 60_000,
    });
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Topic authorization failed/);
    const third = cluster.brokers[2]!.layout;
    for (const operation of [['--producer'], ['--operation', 'Read']])
      await runOk(
        SLUICE_BIN,
        [
          'acls',
          '--bootstrap-server',
          `127.0.0.1:${third.port}`,
          '--add',
          '--allow-principal',
          'User:erin',
          ...operation,
          '--topic',
          'secured',
        ],
        { timeoutMs: 30_000 },
      );
    for (const nodeId of [1, 2, 3])
      await waitFor(
        `erin's ACL on broker ${nodeId}`,
        async () =>
          (await topicErrorFor(nodeId, 'secured')) !== ErrorCode.TOPIC_AUTHORIZATION_FAILED ? true : null,
        15_000,
      );
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

  it('keeps credentials and ACLs across a restart of every broker, and a deleted user is refused everywhere', async () => {
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
    // The ACLs came back from the metadata log: erin may describe "secured" and nothing else.
    for (const nodeId of [1, 2, 3]) {
      assert.equal(await topicErrorFor(nodeId, 'secured'), ErrorCode.NONE);
      assert.equal(await topicErrorFor(nodeId, 'unlisted'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    }

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
