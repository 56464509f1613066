/**
 * The remote ClusterSource against a real Sluice broker process with secured listeners, configured from client
 * properties files as Kafka's tools take them (`--command-config`): SASL_SSL with a SCRAM-SHA-512 user created
 * first with `sluice users`, and SSL with a client certificate (ssl.client.auth=required). The topics, messages
 * and groups routers answer through both; a wrong password, a missing client certificate and an untrusted broker
 * certificate fail with Kafka's errors, and no password reaches an error message or the broker's log.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ClusterClient, connectionSecurityFromFile, KafkaAuthenticationError } from '@sluice/client';
import { openDatabase, type ConsoleDatabase, type UserRole } from '@sluice/db';
import { startBroker, tempDataDir, type BrokerProcess } from '../../../broker/test/support/broker-process.ts';
import { runOk } from '../../../broker/test/support/run.ts';
import {
  createTestCertificates,
  type TestCertificates,
} from '../../../broker/test/support/tls-certificates.ts';
import { LoginRateLimiter } from '../auth/login-rate-limiter.ts';
import { createCaller } from '../root.ts';
import { isRecord, type ClusterSource } from './cluster-source.ts';
import { RemoteClusterSource } from './remote-cluster-source.ts';

const CLI = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));
const SCRAM_USER = 'console-reader';
const SCRAM_PASSWORD = 'scram-Console-secret-7741';
const WRONG_PASSWORD = 'wrong-Console-secret-1234';

let broker: BrokerProcess;
let certs: TestCertificates;
let database: ConsoleDatabase;
let dir: string;
const sources: RemoteClusterSource[] = [];

function as(role: UserRole, cluster: ClusterSource) {
  return createCaller({
    db: database.db,
    startedAt: new Date(),
    version: 'test',
    cluster,
    user: { id: 1, username: `${role}-user`, role },
    request: null,
    loginLimiter: new LoginRateLimiter(),
  });
}

/** A client properties file, as `--command-config` takes it. */
function propertiesFile(name: string, lines: string[]): string {
  const file = join(dir, `${name}.properties`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function scramProperties(password: string): string[] {
  return [
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\`,
    `    username="${SCRAM_USER}" password="${password}";`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${certs.caFile}`,
  ];
}

function remoteSource(port: number, propertiesPath: string): RemoteClusterSource {
  const source = RemoteClusterSource.forBootstrap(`127.0.0.1:${port}`, {
    security: connectionSecurityFromFile(propertiesPath),
  });
  sources.push(source);
  return source;
}

before(async () => {
  dir = tempDataDir('sluice-secured-remote-');
  certs = await createTestCertificates();
  broker = await startBroker({
    configs: {
      listeners: 'PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0,SASL_SSL://127.0.0.1:0',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.brokerKeystore,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': certs.caFile,
      'listener.name.ssl.ssl.client.auth': 'required',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'group.initial.rebalance.delay.ms': '0',
      'offsets.topic.num.partitions': '1',
    },
  });
  await runOk(
    CLI,
    [
      'users',
      '--bootstrap-server',
      broker.bootstrap,
      '--create',
      SCRAM_USER,
      '--mechanism',
      'SCRAM-SHA-512',
      '--password-stdin',
    ],
    { input: `${SCRAM_PASSWORD}\n`, timeoutMs: 60_000 },
  );
  database = await openDatabase(join(dir, 'console.db'));
});

after(async () => {
  for (const source of sources) source.close();
  database?.close();
  await broker?.stop();
  for (const secret of [SCRAM_PASSWORD, WRONG_PASSWORD])
    assert.ok(!broker.output().includes(secret), 'no password reaches the broker log');
});

describe('the remote ClusterSource on a secured cluster', () => {
  it('over SASL_SSL with SCRAM-SHA-512: topics, messages and groups answer through the API', async () => {
    const source = remoteSource(
      broker.ports.SASL_SSL!,
      propertiesFile('scram', scramProperties(SCRAM_PASSWORD)),
    );
    await source.connect();
    const operator = as('operator', source);
    await operator.topics.create({
      name: 'secured-orders',
      partitions: 2,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
    await operator.messages.produce({
      topic: 'secured-orders',
      partition: 1,
      key: 'k',
      value: 'over SASL_SSL',
      headers: [],
      copies: 3,
    });
    const viewer = as('viewer', source);
    const listed = (await viewer.topics.list()).find((t) => t.name === 'secured-orders');
    assert.equal(listed?.records, 3, 'the topic and its records, listed over SASL_SSL');
    const detail = await viewer.topics.detail({ topic: 'secured-orders' });
    assert.deepEqual(
      detail.partitions.map((p) => p.highWatermark),
      [0, 3],
    );
    const page = await viewer.messages.browse({
      topic: 'secured-orders',
      from: { type: 'oldest' },
      limit: 10,
    });
    assert.deepEqual(
      page.records.filter(isRecord).map((r) => Buffer.from(r.value!, 'base64').toString()),
      ['over SASL_SSL', 'over SASL_SSL', 'over SASL_SSL'],
    );

    // A group that committed offsets, as a consumer would, through its own secured connection.
    const committer = new ClusterClient(`127.0.0.1:${broker.ports.SASL_SSL}`, 'committer', {
      security: connectionSecurityFromFile(join(dir, 'scram.properties')),
    });
    try {
      await committer.commitOffsets('secured-readers', [
        { topic: 'secured-orders', partition: 1, offset: 1n },
      ]);
    } finally {
      committer.close();
    }
    const groups = await viewer.groups.list();
    assert.deepEqual(
      groups.filter((g) => g.groupId === 'secured-readers').map((g) => g.totalLag),
      [2],
      'the group and its lag on the topic',
    );
    const group = await viewer.groups.detail({ groupId: 'secured-readers' });
    assert.deepEqual(
      group.partitions.map((p) => [p.topic, p.partition, p.lag]),
      [['secured-orders', 1, 2]],
    );
  });

  it('over SSL with a client certificate from a PEM keystore: the API answers', async () => {
    const client = await certs.client('console', '/CN=console/O=Sluice test');
    const source = remoteSource(
      broker.ports.SSL!,
      propertiesFile('ssl', [
        'security.protocol=SSL',
        'ssl.truststore.type=PEM',
        `ssl.truststore.location=${certs.caFile}`,
        'ssl.keystore.type=PEM',
        `ssl.keystore.location=${client.keystore}`,
        'ssl.endpoint.identification.algorithm=https',
      ]),
    );
    await source.connect();
    const viewer = as('viewer', source);
    await as('operator', source).topics.create({
      name: 'secured-by-certificate',
      partitions: 1,
      replicationFactor: 1,
      configs: {},
      validateOnly: false,
    });
    assert.ok((await viewer.topics.list()).some((t) => t.name === 'secured-by-certificate'));
    assert.ok((await viewer.groups.list()).some((g) => g.groupId === 'secured-readers'));
  });

  it("a wrong password fails with the broker's SASL_AUTHENTICATION_FAILED, at once and without the password", async () => {
    const source = remoteSource(
      broker.ports.SASL_SSL!,
      propertiesFile('wrong', scramProperties(WRONG_PASSWORD)),
    );
    await assert.rejects(source.connect(), (error: Error) => {
      assert.ok(error instanceof KafkaAuthenticationError, String(error));
      assert.match(error.message, /^SASL_AUTHENTICATION_FAILED: .*Authentication failed/);
      assert.ok(!error.message.includes(WRONG_PASSWORD), 'the password is not in the message');
      return true;
    });
  });

  it('an SSL listener that requires a client certificate refuses a client without one', async () => {
    const source = remoteSource(
      broker.ports.SSL!,
      propertiesFile('no-certificate', ['security.protocol=SSL', `ssl.truststore.location=${certs.caFile}`]),
    );
    await assert.rejects(
      source.connect(),
      (error: Error) =>
        error instanceof KafkaAuthenticationError && /^SSL handshake failed/.test(error.message),
    );
  });

  it('TLS to a listener that does not speak it fails as an SSL handshake, at once', async () => {
    const source = remoteSource(
      broker.ports.PLAINTEXT!,
      propertiesFile('tls-to-plaintext', [
        'security.protocol=SSL',
        `ssl.truststore.location=${certs.caFile}`,
      ]),
    );
    await assert.rejects(
      source.connect(),
      (error: Error) =>
        error instanceof KafkaAuthenticationError && /^SSL handshake failed/.test(error.message),
    );
  });

  it('a bootstrap server that fails the handshake does not stop the next one from answering', async () => {
    const source = RemoteClusterSource.forBootstrap(
      `127.0.0.1:${broker.ports.PLAINTEXT},127.0.0.1:${broker.ports.SASL_SSL}`,
      { security: connectionSecurityFromFile(join(dir, 'scram.properties')) },
    );
    sources.push(source);
    await source.connect();
    assert.ok((await source.listTopics()).some((t) => t.name === 'secured-orders'));
  });

  it('a broker certificate from a CA the truststore does not hold is refused', async () => {
    const rogue = await certs.untrusted('rogue-truststore', '/CN=rogue');
    const source = remoteSource(
      broker.ports.SASL_SSL!,
      propertiesFile('untrusted', [
        ...scramProperties(SCRAM_PASSWORD).filter((line) => !line.startsWith('ssl.truststore.location')),
        `ssl.truststore.location=${rogue.cert}`,
      ]),
    );
    await assert.rejects(
      source.connect(),
      (error: Error) =>
        error instanceof KafkaAuthenticationError &&
        /^SSL handshake failed: .*certificate/i.test(error.message),
    );
  });
});
