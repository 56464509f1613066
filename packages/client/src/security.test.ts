/**
 * Client properties files as `--command-config` reads them: bad or missing settings fail with a message that
 * names the file and the setting, and never the password.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { connectionSecurityFromFile } from './security.ts';

const dir = mkdtempSync(join(tmpdir(), 'sluice-client-properties-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('a properties file that does not exist is named', () => {
  const missing = join(dir, 'absent.properties');
  assert.throws(() => connectionSecurityFromFile(missing), {
    message: `cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'`,
  });
});

test('an unknown security.protocol is refused with the ones that exist', () => {
  const path = file('protocol.properties', 'security.protocol=SASL_SSH\n');
  assert.throws(() => connectionSecurityFromFile(path), {
    message: `${path}: Unsupported security.protocol SASL_SSH (PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL are)`,
  });
});

test('a truststore file that does not exist names its setting', () => {
  const path = file(
    'truststore.properties',
    'security.protocol=SSL\nssl.truststore.location=/nonexistent/ca.pem\n',
  );
  assert.throws(() => connectionSecurityFromFile(path), {
    message: new RegExp(`^${path}: ssl.truststore.location /nonexistent/ca.pem: ENOENT`),
  });
});

test("Kafka's JKS stores are refused by name: PEM files are what Sluice reads", () => {
  const path = file(
    'jks.properties',
    'security.protocol=SSL\nssl.truststore.type=JKS\nssl.truststore.location=/etc/kafka/truststore.jks\n',
  );
  assert.throws(() => connectionSecurityFromFile(path), {
    message: `${path}: Unsupported ssl.truststore.type JKS: give PEM files (ssl.truststore.type=PEM)`,
  });
});

test('SASL without a password says what is missing and nothing else', () => {
  const path = file(
    'sasl.properties',
    'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-256\n' +
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="alice";\n',
  );
  assert.throws(() => connectionSecurityFromFile(path), /SASL needs a username and password/);
});

test("Kafka's client properties become TLS options and SASL credentials", () => {
  const ca = file('ca.pem', 'not really a certificate');
  const path = file(
    'good.properties',
    [
      'security.protocol=SASL_SSL',
      'sasl.mechanism=SCRAM-SHA-512',
      'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\',
      // The file holds \\\" : Properties.load makes it \", which JAAS reads as a quote inside a string.
      '  username="alice" password="s3cret \\\\\\"quoted\\\\\\"";',
      'ssl.truststore.type=PEM',
      `ssl.truststore.location=${ca}`,
      'ssl.endpoint.identification.algorithm=',
    ].join('\n'),
  );
  const security = connectionSecurityFromFile(path);
  assert.deepEqual(security.sasl, {
    mechanism: 'SCRAM-SHA-512',
    username: 'alice',
    password: 's3cret "quoted"',
  });
  assert.equal(security.tls?.ca?.toString(), 'not really a certificate');
  assert.equal(typeof security.tls?.checkServerIdentity, 'function', 'host name checks turned off');
});
