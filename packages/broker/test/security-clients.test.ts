/**
 * Real clients against a secured broker: kcat (librdkafka) with SASL SCRAM over TLS, confluent-kafka-python
 * with SASL PLAIN, kafka-python with SCRAM (the raw-token flow after a v0 handshake), kafkajs with SCRAM over
 * TLS, and sarama over TLS with a client certificate. Each produces and reads back; a wrong password and an
 * unknown user are refused alike. The SCRAM users are created with `sluice users`, as an operator would.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startBroker, tempDataDir, type BrokerProcess } from './support/broker-process.ts';
import { run, runOk } from './support/run.ts';
import { createTestCertificates, type TestCertificates } from './support/tls-certificates.ts';

const PYTHON = '/usr/bin/python3';
const CLI = fileURLToPath(new URL('../../../apps/cli/bin/sluice.mjs', import.meta.url));
const client = (name: string) => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));
const PLAIN_PASSWORD = 'plain-Client-secret-5521';
const SCRAM_PASSWORD = 'scram-Client-secret-9034';

describe('real clients against TLS and SASL listeners', () => {
  let broker: BrokerProcess;
  let certs: TestCertificates;

  before(async () => {
    certs = await createTestCertificates();
    broker = await startBroker({
      configs: {
        listeners:
          'PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeystore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'listener.name.ssl.ssl.client.auth': 'required',
        'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_ssl.sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_carol="${PLAIN_PASSWORD}";`,
      },
    });
    for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'])
      await runOk(
        CLI,
        [
          'users',
          '--bootstrap-server',
          broker.bootstrap,
          '--create',
          'dave',
          '--mechanism',
          mechanism,
          '--password-stdin',
        ],
        { input: `${SCRAM_PASSWORD}\n`, timeoutMs: 30_000 },
      );
  });

  after(async () => {
    await broker?.stop();
    for (const secret of [PLAIN_PASSWORD, SCRAM_PASSWORD])
      assert.ok(!broker.output().includes(secret), 'no password reaches the log');
  });

  it('kcat (librdkafka) with SASL SCRAM-SHA-512 over TLS produces and consumes', async () => {
    const sasl = [
      '-X',
      'security.protocol=SASL_SSL',
      '-X',
      'sasl.mechanisms=SCRAM-SHA-512',
      '-X',
      'sasl.username=dave',
      '-X',
      `sasl.password=${SCRAM_PASSWORD}`,
      '-X',
      `ssl.ca.location=${certs.caFile}`,
    ];
    const bootstrap = `127.0.0.1:${broker.ports.SASL_SSL}`;
    const records = Array.from({ length: 20 }, (_, i) => `kcat-${i}`);
    await runOk('kcat', ['-b', bootstrap, ...sasl, '-P', '-t', 'kcat-secure', '-p', '0'], {
      input: `${records.join('\n')}\n`,
      timeoutMs: 60_000,
    });
    const { stdout } = await runOk(
      'kcat',
      ['-b', bootstrap, ...sasl, '-C', '-t', 'kcat-secure', '-p', '0', '-o', 'beginning', '-c', '20', '-e'],
      { timeoutMs: 60_000 },
    );
    assert.deepEqual(stdout.trim().split('\n'), records);

    const wrong = await run(
      'kcat',
      [
        '-b',
        bootstrap,
        ...sasl.slice(0, -4),
        '-X',
        'sasl.password=wrong',
        '-X',
        `ssl.ca.location=${certs.caFile}`,
        '-L',
      ],
      { timeoutMs: 60_000 },
    );
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /Authentication failed|SASL authentication error/i);
  });

  it('confluent-kafka-python with SASL PLAIN produces and consumes; a wrong password is refused', async () => {
    const bootstrap = `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`;
    const ok = await runOk(
      PYTHON,
      [
        client('python_sasl.py'),
        'confluent',
        bootstrap,
        'PLAIN',
        'carol',
        PLAIN_PASSWORD,
        'confluent-plain',
        '30',
      ],
      {
        timeoutMs: 90_000,
      },
    );
    const report = JSON.parse(ok.stdout.trim().split('\n').at(-1)!);
    assert.deepEqual(
      report.values,
      Array.from({ length: 30 }, (_, i) => `confluent-${i}`),
    );
    const wrong = await runOk(
      PYTHON,
      [client('python_sasl.py'), 'confluent', bootstrap, 'PLAIN', 'carol', 'wrong', 'confluent-plain', '1'],
      {
        timeoutMs: 90_000,
      },
    );
    assert.deepEqual(JSON.parse(wrong.stdout.trim().split('\n').at(-1)!), { error: '_AUTHENTICATION' });
  });

  it('kafka-python with SASL SCRAM-SHA-256 produces and consumes; an unknown user is refused', async () => {
    const bootstrap = `127.0.0.1:${broker.ports.SASL_PLAINTEXT}`;
    const ok = await runOk(
      PYTHON,
      [
        client('python_sasl.py'),
        'kafka-python',
        bootstrap,
        'SCRAM-SHA-256',
        'dave',
        SCRAM_PASSWORD,
        'kp-scram',
        '25',
      ],
      {
        timeoutMs: 90_000,
      },
    );
    assert.deepEqual(
      JSON.parse(ok.stdout.trim().split('\n').at(-1)!).values,
      Array.from({ length: 25 }, (_, i) => `kafka-python-${i}`),
    );
    const unknown = await runOk(
      PYTHON,
      [
        client('python_sasl.py'),
        'kafka-python',
        bootstrap,
        'SCRAM-SHA-256',
        'mallory',
        SCRAM_PASSWORD,
        'kp-scram',
        '1',
      ],
      {
        timeoutMs: 90_000,
      },
    );
    assert.ok('error' in JSON.parse(unknown.stdout.trim().split('\n').at(-1)!), unknown.stdout);
  });

  it('kafkajs with SASL SCRAM-SHA-256 over TLS produces and consumes in a group; a wrong password fails alike', async () => {
    const bootstrap = `127.0.0.1:${broker.ports.SASL_SSL}`;
    const ok = await runOk(
      'node',
      [
        client('kafkajs-sasl.mjs'),
        bootstrap,
        'scram-sha-256',
        'dave',
        SCRAM_PASSWORD,
        'kafkajs-scram',
        '15',
        certs.caFile,
      ],
      {
        timeoutMs: 90_000,
      },
    );
    assert.deepEqual(
      JSON.parse(ok.stdout.trim()).values.sort(),
      Array.from({ length: 15 }, (_, i) => `kafkajs-${i}`).sort(),
    );
    const failures = [];
    for (const [user, password] of [
      ['dave', 'wrong'],
      ['mallory', 'wrong'],
    ]) {
      const { stdout } = await runOk(
        'node',
        [
          client('kafkajs-sasl.mjs'),
          bootstrap,
          'scram-sha-256',
          user!,
          password!,
          'kafkajs-scram',
          '1',
          certs.caFile,
        ],
        {
          timeoutMs: 90_000,
        },
      );
      failures.push(JSON.parse(stdout.trim()));
    }
    assert.equal(failures[0].error, 'KafkaJSSASLAuthenticationError');
    assert.equal(failures[1].error, failures[0].error);
    assert.equal(failures[1].message.replace('mallory', 'dave'), failures[0].message);
  });

  it('sarama over TLS with a client certificate produces and consumes', async () => {
    const buildDir = tempDataDir('sarama-tls-');
    const binary = join(buildDir, 'sarama-tls');
    await runOk('go', ['build', '-o', binary, '.'], {
      cwd: client('sarama-tls'),
      timeoutMs: 240_000,
      env: {
        ...process.env,
        GO111MODULE: 'off',
        GOPATH: `/usr/share/gocode:${join(buildDir, 'gopath')}`,
        GOFLAGS: '',
        GOCACHE: join(buildDir, 'cache'),
      },
    });
    const identity = await certs.client('sarama', '/CN=sarama/OU=clients/O=Example');
    const { stdout } = await runOk(
      binary,
      [`127.0.0.1:${broker.ports.SSL}`, 'sarama-tls', certs.caFile, identity.cert, identity.key, '10'],
      { timeoutMs: 120_000 },
    );
    const report = JSON.parse(stdout.trim()) as { producedOffsets: number[]; values: string[] };
    assert.deepEqual(
      report.producedOffsets,
      Array.from({ length: 10 }, (_, i) => i),
    );
    assert.deepEqual(
      report.values,
      Array.from({ length: 10 }, (_, i) => `tls-${i}`),
    );
  });
});
