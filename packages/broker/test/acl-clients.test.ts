/**
 * ACLs with real clients and tools: `sluice acls` (kafka-acls.sh's flags and output), kafka-python's and kafkajs's
 * admin ACL APIs, and the refusals real clients meet: kcat and confluent-kafka-python over SASL PLAIN, and kcat
 * over TLS whose certificate subject ssl.principal.mapping.rules turns into the principal the ACLs name.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { run, runOk } from './support/run.ts';
import { createTestCertificates, type TestCertificates } from './support/tls-certificates.ts';

const PYTHON = '/usr/bin/python3';
const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const client = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const ALICE_PASSWORD = 'alice-Acl-secret-3310';

describe('ACLs with real clients', () => {
  let broker: BrokerProcess;
  let certs: TestCertificates;
  const sluice = (args: string[]) =>
    runOk(CLI, [...args, '--bootstrap-server', broker.bootstrap], { timeoutMs: 30_000 });
  const kcatSasl = () => [
    '-b',
    `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`,
    '-X',
    'security.protocol=SASL_PLAINTEXT',
    '-X',
    'sasl.mechanisms=PLAIN',
    '-X',
    'sasl.username=alice',
    '-X',
    `sasl.password=${ALICE_PASSWORD}`,
  ];

  before(async () => {
    certs = await createTestCertificates();
    broker = await startBroker({
      configs: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="${ALICE_PASSWORD}";`,
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeystore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'ssl.client.auth': 'required',
        'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+),OU=services.*$/svc-$1/L,DEFAULT',
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': 'User:ANONYMOUS',
      },
    });
    for (const topic of ['orders', 'audit-log']) await sluice(['topics', 'create', '--topic', topic]);
  });

  after(async () => {
    await broker?.stop();
    assert.ok(!broker.output().includes(ALICE_PASSWORD), 'the log holds a password');
  });

  it('refuses kcat until `sluice acls --add --producer/--consumer` allows it, and again after --remove', async () => {
    const produce = () =>
      run('kcat', [...kcatSasl(), '-P', '-t', 'orders', '-p', '0'], {
        input: 'one\ntwo\n',
        timeoutMs: 30_000,
      });
    const refused = await produce();
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Topic authorization failed/);

    const added = await sluice([
      'acls',
      '--add',
      '--allow-principal',
      'User:alice',
      '--producer',
      '--topic',
      'orders',
    ]);
    assert.match(
      added.stdout,
      /Adding ACLs for resource `ResourcePattern\(resourceType=TOPIC, name=orders, patternType=LITERAL\)`/,
    );
    assert.match(added.stdout, /\(principal=User:alice, host=\*, operation=WRITE, permissionType=ALLOW\)/);
    const produced = await produce();
    assert.equal(produced.code, 0, produced.stderr);

    // A consumer group needs Read on the group too: kcat -G is refused on the group, then reads.
    const consume = () =>
      run('kcat', [...kcatSasl(), '-G', 'order-readers', '-o', 'beginning', '-c', '2', '-e', 'orders'], {
        timeoutMs: 30_000,
      });
    await sluice([
      'acls',
      '--add',
      '--allow-principal',
      'User:alice',
      '--operation',
      'Read',
      '--topic',
      'orders',
    ]);
    const noGroup = await consume();
    assert.notEqual(noGroup.code, 0);
    assert.match(noGroup.stderr, /Group authorization failed/i);
    await sluice([
      'acls',
      '--add',
      '--allow-principal',
      'User:alice',
      '--consumer',
      '--topic',
      'orders',
      '--group',
      'order-readers',
    ]);
    const consumed = await consume();
    assert.equal(consumed.code, 0, consumed.stderr);
    assert.deepEqual(consumed.stdout.trim().split('\n'), ['one', 'two']);

    const listed = await sluice(['acls', '--list', '--principal', 'User:alice']);
    assert.match(
      listed.stdout,
      /ResourcePattern\(resourceType=GROUP, name=order-readers, patternType=LITERAL\)/,
    );
    await sluice([
      'acls',
      '--remove',
      '--allow-principal',
      'User:alice',
      '--operation',
      'Write',
      '--topic',
      'orders',
    ]);
    const again = await produce();
    assert.notEqual(again.code, 0);
    assert.match(again.stderr, /Topic authorization failed/);
  });

  it('lets a DENY win for confluent-kafka-python, and a PREFIXED ALLOW from kafka-python admit it', async () => {
    const produce = async () =>
      JSON.parse(
        (
          await runOk(
            PYTHON,
            [
              client('python_acls.py'),
              'confluent-produce',
              `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`,
              'alice',
              ALICE_PASSWORD,
              'audit-log',
            ],
            { timeoutMs: 60_000 },
          )
        ).stdout,
      ) as { error?: string; delivered?: boolean };
    assert.deepEqual(await produce(), { error: 'TOPIC_AUTHORIZATION_FAILED' });
    const admin = JSON.parse(
      (
        await runOk(
          PYTHON,
          [client('python_acls.py'), 'kafka-python-admin', broker.bootstrap, 'User:alice', 'audit-'],
          {
            timeoutMs: 60_000,
          },
        )
      ).stdout,
    ) as { created: number; failed: number; described: string[] };
    assert.equal(admin.created, 1);
    assert.equal(admin.failed, 0);
    assert.ok(admin.described.includes('TOPIC:audit-:PREFIXED:WRITE:ALLOW'), JSON.stringify(admin));
    assert.deepEqual(await produce(), { delivered: true });
    await sluice([
      'acls',
      '--add',
      '--deny-principal',
      'User:alice',
      '--operation',
      'Write',
      '--topic',
      'audit-log',
    ]);
    assert.deepEqual(await produce(), { error: 'TOPIC_AUTHORIZATION_FAILED' });
  });

  it('manages ACLs through kafkajs admin', async () => {
    const { stdout } = await runOk(
      process.execPath,
      [client('kafkajs-acls.mjs'), broker.bootstrap, 'User:kafkajs-user', 'orders', 'kafkajs-group'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(JSON.parse(stdout), {
      described: ['GROUP:kafkajs-group:READ', 'TOPIC:orders:READ'],
      deleted: ['kafkajs-group:READ'],
    });
  });

  it('authorizes a TLS client as the principal its certificate maps to', async () => {
    const cert = await certs.client('billing', '/O=Example/OU=services/CN=Billing');
    const kcatTls = [
      '-b',
      `127.0.0.1:${broker.ports.SSL}`,
      '-X',
      'security.protocol=SSL',
      '-X',
      `ssl.ca.location=${certs.caFile}`,
      '-X',
      `ssl.key.location=${cert.key}`,
      '-X',
      `ssl.certificate.location=${cert.cert}`,
      '-X',
      'ssl.endpoint.identification.algorithm=none',
    ];
    const produce = () =>
      run('kcat', [...kcatTls, '-P', '-t', 'orders', '-p', '0'], { input: 'tls\n', timeoutMs: 30_000 });
    const refused = await produce();
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /Topic authorization failed/);
    // The mapping rule lower-cases "Billing" and prefixes "svc-": that is the principal the ACL names.
    await sluice([
      'acls',
      '--add',
      '--allow-principal',
      'User:svc-billing',
      '--operation',
      'Write',
      '--topic',
      'orders',
    ]);
    const produced = await produce();
    assert.equal(produced.code, 0, produced.stderr);
  });
});
