/**
 * Authentication on a real broker with four listeners (PLAINTEXT, SSL with required client certificates,
 * SASL_PLAINTEXT with PLAIN and SCRAM, SASL_SSL with SCRAM): SCRAM credentials managed with
 * AlterUserScramCredentials and DescribeUserScramCredentials, the SASL exchanges at the protocol level (v1
 * SaslAuthenticate and the v0 raw-token flow), re-authentication (KIP-368), and hostile input. Real clients are
 * in security-clients.test.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { KafkaConnection } from '@sluice/client';
import {
  ApiKey,
  ErrorCode,
  SCRAM_ALGORITHMS,
  ScramClient,
  apis,
  encodeRequest,
  scramSaltedPassword,
} from '@sluice/protocol';
import { startBroker, type BrokerProcess } from './support/broker-process.ts';
import { createTestCertificates, type TestCertificates } from './support/tls-certificates.ts';

const ADMIN_PASSWORD = 'admin-Plain-secret-7781';
const ALICE_PASSWORD = 'alice-Scram-secret-4419';
const BOB_PASSWORD = 'bob-Scram-secret-0032';
const SECRETS = [ADMIN_PASSWORD, ALICE_PASSWORD, BOB_PASSWORD];

export async function upsertScram(
  connection: KafkaConnection,
  user: string,
  password: string,
  mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512' = 'SCRAM-SHA-256',
  iterations = 4096,
) {
  const algorithm = SCRAM_ALGORITHMS[mechanism];
  const salt = randomBytes(16);
  return connection.request(ApiKey.AlterUserScramCredentials, {
    deletions: [],
    upsertions: [
      {
        name: user,
        mechanism: algorithm.code,
        iterations,
        salt,
        saltedPassword: scramSaltedPassword(algorithm, password, salt, iterations),
      },
    ],
  });
}

/** Opens a TCP or TLS socket and collects what the broker sends until it closes. */
function rawSocket(
  port: number,
  tls?: { ca: Buffer },
): Promise<{ socket: Socket; received: () => Buffer; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = tls
      ? connectTls({ host: '127.0.0.1', port, ca: tls.ca, servername: 'localhost' })
      : connectTcp({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('error', () => undefined);
    socket.once(tls ? 'secureConnect' : 'connect', () =>
      resolve({ socket, received: () => Buffer.concat(chunks), closed }),
    );
    socket.once('error', reject);
  });
}

describe('authentication: listeners, TLS, SASL PLAIN and SCRAM', () => {
  let broker: BrokerProcess;
  let certs: TestCertificates;
  let admin: KafkaConnection;
  const sasl = (
    mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512',
    username: string,
    password: string,
  ) => ({
    sasl: { mechanism, username, password },
  });

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
        'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+),OU=clients.*$/$1/L,DEFAULT',
        'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_ssl.sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_admin="${ADMIN_PASSWORD}";`,
        'connections.max.reauth.ms': '3000',
      },
    });
    admin = await KafkaConnection.connect('127.0.0.1', broker.ports.PLAINTEXT!);
    const created = await upsertScram(admin, 'alice', ALICE_PASSWORD);
    assert.deepEqual(created.results, [{ user: 'alice', errorCode: ErrorCode.NONE, errorMessage: null }]);
    await upsertScram(admin, 'alice', ALICE_PASSWORD, 'SCRAM-SHA-512', 8192);
    await upsertScram(admin, 'bob', BOB_PASSWORD);
  });

  after(async () => {
    admin?.close();
    await broker?.stop();
    // No password, in any form Kafka could leak it, reaches the log.
    for (const secret of SECRETS) assert.ok(!broker.output().includes(secret), `the log holds ${secret}`);
  });

  describe('SCRAM credentials (AlterUserScramCredentials, DescribeUserScramCredentials)', () => {
    it('describes mechanisms and iterations, never salts or keys', async () => {
      const described = await admin.request(ApiKey.DescribeUserScramCredentials, {
        users: [{ name: 'alice' }],
      });
      assert.deepEqual(described.results, [
        {
          user: 'alice',
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          credentialInfos: [
            { mechanism: 1, iterations: 4096 },
            { mechanism: 2, iterations: 8192 },
          ],
        },
      ]);
      const all = await admin.request(ApiKey.DescribeUserScramCredentials, { users: null });
      assert.deepEqual(
        all.results.map((r) => r.user),
        ['alice', 'bob'],
      );
    });

    it('refuses what Kafka refuses, user by user', async () => {
      const algorithm = SCRAM_ALGORITHMS['SCRAM-SHA-256'];
      const salt = randomBytes(16);
      const response = await admin.request(ApiKey.AlterUserScramCredentials, {
        deletions: [
          { name: 'nobody', mechanism: 1 },
          { name: 'carol', mechanism: 7 },
        ],
        upsertions: [
          {
            name: 'weak',
            mechanism: 1,
            iterations: 1000,
            salt,
            saltedPassword: scramSaltedPassword(algorithm, 'x', salt, 1000),
          },
          { name: '', mechanism: 1, iterations: 4096, salt, saltedPassword: Buffer.alloc(32, 1) },
          { name: 'twice', mechanism: 1, iterations: 4096, salt, saltedPassword: Buffer.alloc(32, 1) },
          { name: 'twice', mechanism: 1, iterations: 4096, salt, saltedPassword: Buffer.alloc(32, 2) },
        ],
      });
      const codes = Object.fromEntries(response.results.map((r) => [r.user, r.errorCode]));
      assert.deepEqual(codes, {
        nobody: ErrorCode.RESOURCE_NOT_FOUND,
        carol: ErrorCode.UNSUPPORTED_SASL_MECHANISM,
        weak: ErrorCode.UNACCEPTABLE_CREDENTIAL,
        '': ErrorCode.UNACCEPTABLE_CREDENTIAL,
        twice: ErrorCode.DUPLICATE_RESOURCE,
      });
      const described = await admin.request(ApiKey.DescribeUserScramCredentials, {
        users: [{ name: 'twice' }, { name: 'weak' }],
      });
      assert.deepEqual(
        described.results.map((r) => r.errorCode),
        [ErrorCode.RESOURCE_NOT_FOUND, ErrorCode.RESOURCE_NOT_FOUND],
      );
    });
  });

  describe('SASL', () => {
    it('authenticates SCRAM-SHA-256 and SCRAM-SHA-512 over SASL_SSL, and the broker proves it knows the credential', async () => {
      for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
        const connection = await KafkaConnection.connect(
          '127.0.0.1',
          broker.ports.SASL_SSL!,
          'scram',
          10_000,
          {
            tls: { ca: readFileSync(certs.caFile), servername: 'localhost' },
            ...sasl(mechanism, 'alice', ALICE_PASSWORD),
          },
        );
        const metadata = await connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
        // Metadata names brokers by the listener the client came in on.
        assert.deepEqual(
          metadata.brokers.map((b) => b.port),
          [broker.ports.SASL_SSL],
        );
        connection.close();
      }
    });

    it('authenticates PLAIN users from the listener’s JAAS config over SASL_PLAINTEXT', async () => {
      const connection = await KafkaConnection.connect(
        '127.0.0.1',
        broker.ports.SASL_PLAINTEXT!,
        'plain',
        10_000,
        {
          ...sasl('PLAIN', 'admin', ADMIN_PASSWORD),
        },
      );
      const metadata = await connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
      assert.equal(metadata.brokers[0]!.port, broker.ports.SASL_PLAINTEXT);
      connection.close();
    });

    it('fails a wrong password and an unknown user alike with SASL_AUTHENTICATION_FAILED', async () => {
      const attempt = (mechanism: 'PLAIN' | 'SCRAM-SHA-256', user: string, password: string) =>
        KafkaConnection.connect(
          '127.0.0.1',
          broker.ports.SASL_PLAINTEXT!,
          'bad',
          10_000,
          sasl(mechanism, user, password),
        ).then(
          () => 'authenticated',
          (error: Error) => error.message,
        );
      const wrongScram = await attempt('SCRAM-SHA-256', 'alice', 'not-the-password');
      const unknownScram = await attempt('SCRAM-SHA-256', 'mallory', 'not-the-password');
      assert.match(wrongScram, new RegExp(`error ${ErrorCode.SASL_AUTHENTICATION_FAILED}`));
      assert.equal(unknownScram, wrongScram, 'an unknown user is told exactly what a wrong password is told');
      const wrongPlain = await attempt('PLAIN', 'admin', 'not-the-password');
      const unknownPlain = await attempt('PLAIN', 'mallory', 'not-the-password');
      assert.match(wrongPlain, /error 58\): Authentication failed: Invalid username or password/);
      assert.equal(unknownPlain, wrongPlain);
    });

    it('offers only the listener’s mechanisms: UNSUPPORTED_SASL_MECHANISM lists them, then closes', async () => {
      const connection = await KafkaConnection.connect('127.0.0.1', broker.ports.SASL_SSL!, 'mech', 10_000, {
        tls: { ca: readFileSync(certs.caFile), servername: 'localhost' },
      });
      const response = await connection.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' });
      assert.equal(response.errorCode, ErrorCode.UNSUPPORTED_SASL_MECHANISM);
      assert.deepEqual(response.mechanisms, ['SCRAM-SHA-256', 'SCRAM-SHA-512']);
      await assert.rejects(
        connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest()),
        /closed|ECONNRESET|EPIPE/,
      );
    });

    it('serves nothing but ApiVersions before authentication: any other request closes the connection', async () => {
      const connection = await KafkaConnection.connect('127.0.0.1', broker.ports.SASL_PLAINTEXT!);
      await assert.rejects(
        connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest()),
        /closed|ECONNRESET/,
      );
      assert.match(broker.output(), /unexpected Kafka request of type 3 during SASL handshake/);
    });

    it('answers SaslHandshake with ILLEGAL_SASL_STATE on a listener without SASL', async () => {
      const response = await admin.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' });
      assert.equal(response.errorCode, ErrorCode.ILLEGAL_SASL_STATE);
    });

    it('serves the raw-token flow of SaslHandshake v0 (what kafka-python 2.0 sends)', async () => {
      const { socket, received } = await rawSocket(broker.ports.SASL_PLAINTEXT!);
      const frames = (chunks: Buffer[]) => socket.write(Buffer.concat(chunks));
      frames(encodeRequest(ApiKey.SaslHandshake, 0, 1, 'raw', { mechanism: 'PLAIN' }));
      await sleep(200);
      const token = Buffer.from(`\u0000admin\u0000${ADMIN_PASSWORD}`);
      const size = Buffer.alloc(4);
      size.writeInt32BE(token.length);
      frames([size, token]);
      frames(
        encodeRequest(ApiKey.Metadata, 1, 2, 'raw', {
          ...apis[ApiKey.Metadata].defaultRequest(),
          topics: [],
        }),
      );
      await sleep(500);
      const bytes = received();
      // The handshake answer (correlation id 1), the empty PLAIN challenge (a zero size), then Metadata (id 2).
      const handshakeSize = bytes.readInt32BE(0);
      assert.equal(bytes.readInt32BE(4), 1);
      const afterHandshake = 4 + handshakeSize;
      assert.equal(bytes.readInt32BE(afterHandshake), 0, 'an empty challenge for PLAIN');
      assert.equal(bytes.readInt32BE(afterHandshake + 8), 2, 'Metadata is answered once authenticated');
      socket.destroy();
    });

    it('re-authenticates within the session lifetime (KIP-368), and refuses a change of principal', async () => {
      const connection = await KafkaConnection.connect('127.0.0.1', broker.ports.SASL_PLAINTEXT!, 'reauth');
      const authenticate = async (user: string, password: string) => {
        const handshake = await connection.send(ApiKey.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-256' });
        assert.equal(handshake.errorCode, ErrorCode.NONE);
        const client = new ScramClient(SCRAM_ALGORITHMS['SCRAM-SHA-256'], user, password);
        const first = await connection.send(ApiKey.SaslAuthenticate, 2, { authBytes: client.firstMessage() });
        const final = await connection.send(ApiKey.SaslAuthenticate, 2, {
          authBytes: client.finalMessage(first.authBytes),
        });
        if (final.errorCode === ErrorCode.NONE) client.verifyServerFinal(final.authBytes);
        return final;
      };
      const first = await authenticate('alice', ALICE_PASSWORD);
      assert.equal(first.errorCode, ErrorCode.NONE);
      assert.ok(
        first.sessionLifetimeMs > 0n && first.sessionLifetimeMs <= 3000n,
        `${first.sessionLifetimeMs}`,
      );
      const again = await authenticate('alice', ALICE_PASSWORD);
      assert.equal(again.errorCode, ErrorCode.NONE);
      await connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
      const other = await authenticate('bob', BOB_PASSWORD);
      assert.equal(other.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
      assert.match(
        other.errorMessage ?? '',
        /Cannot change principals during re-authentication from User:alice: User:bob/,
      );
    });

    it('closes a connection whose session ended without re-authentication', async () => {
      const connection = await KafkaConnection.connect(
        '127.0.0.1',
        broker.ports.SASL_PLAINTEXT!,
        'expiry',
        10_000,
        {
          ...sasl('SCRAM-SHA-256', 'bob', BOB_PASSWORD),
        },
      );
      await connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
      await sleep(3500);
      await assert.rejects(
        connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest()),
        /closed|ECONNRESET/,
      );
    });
  });

  describe('TLS', () => {
    it('serves a client with a trusted certificate; its principal comes from ssl.principal.mapping.rules', async () => {
      const client = await certs.client('alice-cert', '/CN=Alice/OU=clients/O=Example');
      const connection = await KafkaConnection.connect('127.0.0.1', broker.ports.SSL!, 'tls', 10_000, {
        tls: {
          ca: readFileSync(certs.caFile),
          key: readFileSync(client.key),
          cert: readFileSync(client.cert),
          servername: 'localhost',
        },
      });
      const metadata = await connection.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
      assert.equal(metadata.brokers[0]!.port, broker.ports.SSL);
      connection.close();
    });

    it('refuses clients without a certificate, or with an untrusted one, under ssl.client.auth=required', async () => {
      await assert.rejects(
        KafkaConnection.connect('127.0.0.1', broker.ports.SSL!, 'no-cert', 10_000, {
          tls: { ca: readFileSync(certs.caFile), servername: 'localhost' },
        }),
      );
      const rogue = await certs.untrusted('rogue', '/CN=rogue/OU=clients');
      await assert.rejects(
        KafkaConnection.connect('127.0.0.1', broker.ports.SSL!, 'rogue', 10_000, {
          tls: {
            ca: readFileSync(certs.caFile),
            key: readFileSync(rogue.key),
            cert: readFileSync(rogue.cert),
            servername: 'localhost',
          },
        }),
      );
      assert.match(broker.output(), /Failed authentication with 127\.0\.0\.1 \(SSL handshake failed/);
    });
  });

  it('never describes a secret: DescribeConfigs hides JAAS configs and key passwords', async () => {
    const response = await admin.request(ApiKey.DescribeConfigs, {
      resources: [{ resourceType: 4, resourceName: '1', configurationKeys: null }],
      includeSynonyms: true,
      includeDocumentation: false,
    });
    const jaas = response.results[0]!.configs.find(
      (c) => c.name === 'listener.name.sasl_plaintext.plain.sasl.jaas.config',
    );
    assert.ok(jaas, 'the listener JAAS config is listed');
    assert.equal(jaas.value, null);
    assert.equal(jaas.isSensitive, true);
    assert.ok(
      !JSON.stringify(response, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).includes(
        ADMIN_PASSWORD,
      ),
    );
  });

  describe('hostile input', () => {
    it('closes on plaintext and on garbage sent to TLS ports, logs why, and stays up', async () => {
      for (const port of [broker.ports.SSL!, broker.ports.SASL_SSL!]) {
        const plaintext = await rawSocket(port);
        plaintext.socket.write(
          Buffer.concat(
            encodeRequest(ApiKey.ApiVersions, 0, 1, 'x', apis[ApiKey.ApiVersions].defaultRequest()),
          ),
        );
        await plaintext.closed;
        const garbage = await rawSocket(port);
        garbage.socket.write(randomBytes(4096));
        await garbage.closed;
      }
      assert.match(broker.output(), /SSL handshake failed/);
      await admin.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
    });

    it('closes on an oversized frame before authentication (sasl.server.max.receive.size)', async () => {
      const { socket, closed } = await rawSocket(broker.ports.SASL_PLAINTEXT!);
      const size = Buffer.alloc(4);
      size.writeInt32BE(600_000);
      socket.write(size);
      await closed;
      assert.match(broker.output(), /exceeds|oversized|too large|larger/i);
    });

    it('fails malformed SASL tokens, a tampered SCRAM proof and a replayed client-final message', async () => {
      /** Sends the tokens in turn; returns the error code of the first refused one (NONE if none was). */
      const exchange = async (tokens: Buffer[]): Promise<number> => {
        const connection = await KafkaConnection.connect('127.0.0.1', broker.ports.SASL_PLAINTEXT!);
        const handshake = await connection.send(ApiKey.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-256' });
        assert.equal(handshake.errorCode, ErrorCode.NONE);
        let errorCode: number = ErrorCode.NONE;
        for (const token of tokens) {
          errorCode = (await connection.send(ApiKey.SaslAuthenticate, 1, { authBytes: token })).errorCode;
          if (errorCode !== ErrorCode.NONE) break;
        }
        connection.close();
        return errorCode;
      };
      for (const garbage of [
        Buffer.alloc(0),
        randomBytes(300),
        Buffer.from('n,,n=alice'),
        Buffer.from('p=tls-unique,,n=alice,r=abc'),
      ]) {
        assert.equal(await exchange([garbage]), ErrorCode.SASL_AUTHENTICATION_FAILED);
      }

      // A proof with one bit flipped.
      const honest = new ScramClient(SCRAM_ALGORITHMS['SCRAM-SHA-256'], 'alice', ALICE_PASSWORD);
      const connection = await KafkaConnection.connect('127.0.0.1', broker.ports.SASL_PLAINTEXT!);
      await connection.send(ApiKey.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-256' });
      const serverFirst = await connection.send(ApiKey.SaslAuthenticate, 1, {
        authBytes: honest.firstMessage(),
      });
      const final = honest.finalMessage(serverFirst.authBytes);
      const tampered = Buffer.from(final);
      tampered[tampered.length - 3]! ^= 0x01;
      const refused = await connection.send(ApiKey.SaslAuthenticate, 1, { authBytes: tampered });
      assert.equal(refused.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
      connection.close();

      // The honest final message replayed in a new exchange: the server's nonce differs, so it fails.
      const replayed = await exchange([
        new ScramClient(SCRAM_ALGORITHMS['SCRAM-SHA-256'], 'alice', ALICE_PASSWORD).firstMessage(),
        final,
      ]);
      assert.equal(replayed, ErrorCode.SASL_AUTHENTICATION_FAILED);
      await admin.request(ApiKey.Metadata, apis[ApiKey.Metadata].defaultRequest());
    });
  });
});
