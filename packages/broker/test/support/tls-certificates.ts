/**
 * A throwaway certificate authority for TLS tests, made with the openssl command line: a CA, a broker
 * certificate for 127.0.0.1 and localhost, and client certificates with the subjects a test asks for. All PEM,
 * in a temporary directory removed when the process exits (see tempDataDir).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDataDir } from './broker-process.ts';
import { runOk } from './run.ts';

export interface TestCertificates {
  dir: string;
  /** The CA certificate (PEM): the truststore of brokers and clients. */
  caFile: string;
  /** The broker's key and certificate in one PEM file (ssl.keystore.type=PEM). */
  brokerKeystore: string;
  brokerKey: string;
  brokerCert: string;
  /** Issues a client certificate for `subject` ("/CN=alice/OU=eng/O=Example"). */
  client(name: string, subject: string): Promise<{ key: string; cert: string; keystore: string }>;
  /** A certificate for `subject` signed by a CA nobody trusts. */
  untrusted(name: string, subject: string): Promise<{ key: string; cert: string }>;
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await runOk('openssl', args, { cwd, timeoutMs: 60_000 });
}

async function issue(
  dir: string,
  name: string,
  subject: string,
  ca: { key: string; cert: string },
  extensions: string,
): Promise<{ key: string; cert: string; keystore: string }> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.crt`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, extensions);
  await openssl(
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-subj', subject, '-out', csr],
    dir,
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.cert,
      '-CAkey',
      ca.key,
      '-CAcreateserial',
      '-days',
      '2',
      '-sha256',
      '-extfile',
      ext,
      '-out',
      cert,
    ],
    dir,
  );
  const keystore = join(dir, `${name}.pem`);
  writeFileSync(keystore, Buffer.concat([readFileSync(key), readFileSync(cert)]));
  return { key, cert, keystore };
}

async function authority(dir: string, name: string): Promise<{ key: string; cert: string }> {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  await openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-subj',
      `/CN=${name}`,
      '-days',
      '2',
      '-out',
      cert,
    ],
    dir,
  );
  return { key, cert };
}

export async function createTestCertificates(): Promise<TestCertificates> {
  const dir = tempDataDir('sluice-tls-');
  const ca = await authority(dir, 'sluice-test-ca');
  const broker = await issue(
    dir,
    'broker',
    '/CN=localhost/O=Sluice test broker',
    ca,
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
  );
  return {
    dir,
    caFile: ca.cert,
    brokerKeystore: broker.keystore,
    brokerKey: broker.key,
    brokerCert: broker.cert,
    client: (name, subject) => issue(dir, name, subject, ca, 'extendedKeyUsage=clientAuth\n'),
    untrusted: async (name, subject) => {
      const rogue = await authority(dir, `${name}-rogue-ca`);
      return issue(dir, name, subject, rogue, 'extendedKeyUsage=clientAuth\n');
    },
  };
}
