/**
 * How a Sluice client (the CLI, the console's remote ClusterSource) reaches a secured Kafka listener: TLS
 * options and SASL credentials, from the client properties Kafka's tools read (`--command-config FILE`):
 * `security.protocol`, `sasl.mechanism`, `sasl.jaas.config` (or `sasl.username`/`sasl.password`, librdkafka's
 * names), `ssl.truststore.location`/`ssl.ca.location` (PEM), `ssl.keystore.location`/`ssl.certificate.location`
 * and `ssl.key.location` (PEM) and `ssl.endpoint.identification.algorithm`.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { parseJavaProperties } from './java-properties.ts';

export type ClientSaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface ConnectionSecurity {
  /** TLS to the broker; absent for PLAINTEXT and SASL_PLAINTEXT. */
  tls?: ConnectionOptions;
  /** SASL authentication after connecting; absent for PLAINTEXT and SSL. */
  sasl?: { mechanism: ClientSaslMechanism; username: string; password: string };
}

/** Parses Java properties text as java.util.Properties.load does (java-properties.ts). */
export function parseProperties(text: string): Map<string, string> {
  return new Map(Object.entries(parseJavaProperties(text)));
}

function jaasOption(jaas: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^\\s;]+))`).exec(jaas);
  return match ? (match[1]?.replace(/\\(.)/g, '$1') ?? match[2]) : undefined;
}

/** A PEM file a setting names; the error names the setting and the file, never the file's content. */
function readPem(setting: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${setting} ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Keystores and truststores are PEM files here; Kafka's JKS and PKCS12 stores are refused by name. */
function assertPemStore(props: ReadonlyMap<string, string>, setting: string): void {
  const type = props.get(setting);
  if (type !== undefined && type.toUpperCase() !== 'PEM')
    throw new Error(`Unsupported ${setting} ${type}: give PEM files (${setting}=PEM)`);
}

export function connectionSecurityFromProperties(props: ReadonlyMap<string, string>): ConnectionSecurity {
  const protocol = (props.get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
  if (!['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(protocol))
    throw new Error(
      `Unsupported security.protocol ${protocol} (PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL are)`,
    );
  const security: ConnectionSecurity = {};
  if (protocol === 'SSL' || protocol === 'SASL_SSL') {
    assertPemStore(props, 'ssl.truststore.type');
    assertPemStore(props, 'ssl.keystore.type');
    const tls: ConnectionOptions = {};
    const caSetting = props.has('ssl.truststore.location') ? 'ssl.truststore.location' : 'ssl.ca.location';
    const ca = props.get(caSetting);
    if (ca) tls.ca = readPem(caSetting, ca);
    const certSetting = props.has('ssl.certificate.location')
      ? 'ssl.certificate.location'
      : 'ssl.keystore.location';
    const cert = props.get(certSetting);
    // Kafka's PEM keystore holds the private key and the certificate chain in one file.
    const keySetting = props.has('ssl.key.location') ? 'ssl.key.location' : certSetting;
    const key =
      props.get('ssl.key.location') ?? (cert && props.get('ssl.keystore.location') ? cert : undefined);
    if (cert) tls.cert = readPem(certSetting, cert);
    if (key) tls.key = readPem(keySetting, key);
    const keyPassword = props.get('ssl.key.password');
    if (keyPassword) tls.passphrase = keyPassword;
    // Kafka's default checks the host name against the certificate; an empty value turns that off.
    if (props.get('ssl.endpoint.identification.algorithm') === '') tls.checkServerIdentity = () => undefined;
    security.tls = tls;
  }
  if (protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL') {
    const mechanism = (props.get('sasl.mechanism') ?? props.get('sasl.mechanisms') ?? 'GSSAPI').toUpperCase();
    if (mechanism !== 'PLAIN' && mechanism !== 'SCRAM-SHA-256' && mechanism !== 'SCRAM-SHA-512')
      throw new Error(`Unsupported sasl.mechanism ${mechanism} (PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 are)`);
    const jaas = props.get('sasl.jaas.config') ?? '';
    const username = props.get('sasl.username') ?? jaasOption(jaas, 'username');
    const password = props.get('sasl.password') ?? jaasOption(jaas, 'password');
    if (username === undefined || password === undefined)
      throw new Error('SASL needs a username and password (sasl.jaas.config or sasl.username/sasl.password)');
    security.sasl = { mechanism, username, password };
  }
  return security;
}

/**
 * The ConnectionSecurity of a client properties file (`--command-config FILE`). Errors name the file and the
 * setting at fault (a missing file, an unknown security.protocol or sasl.mechanism), never a secret.
 */
export function connectionSecurityFromFile(path: string): ConnectionSecurity {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return connectionSecurityFromProperties(parseProperties(text));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}
