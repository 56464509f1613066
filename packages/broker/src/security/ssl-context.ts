/**
 * The TLS settings of an SSL or SASL_SSL listener from Kafka's `ssl.*` configs (each may be overridden per
 * listener as `listener.name.<listener>.ssl.*`): the broker's key and certificate chain, the CAs it trusts for
 * client certificates, `ssl.client.auth`, `ssl.enabled.protocols` and `ssl.cipher.suites`.
 *
 * Keystores: PEM (`ssl.keystore.type=PEM` with `ssl.keystore.location` holding the key and chain, or the inline
 * `ssl.keystore.key` and `ssl.keystore.certificate.chain`) and PKCS12. Truststores: PEM (a file of CA
 * certificates, or the inline `ssl.truststore.certificates`). JKS, Kafka's default type, is Java's own format:
 * a broker given one says how to convert it rather than failing obscurely.
 */
import { readFileSync } from 'node:fs';
import type { TlsOptions } from 'node:tls';
import { ConfigError } from '../config/config-def.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { parsePrincipalMappingRules, type PrincipalMappingRule } from './ssl-principal.ts';

export type SslClientAuth = 'none' | 'requested' | 'required';

export interface ListenerTls {
  options: TlsOptions;
  clientAuth: SslClientAuth;
  principalMappingRules: PrincipalMappingRule[];
}

const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
type TlsVersion = (typeof TLS_VERSIONS)[number];

function readConfiguredFile(path: string, configName: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new ConfigError(`Cannot read ${configName} ${path}: ${(error as Error).message}`);
  }
}

function javaStoreError(configName: string): ConfigError {
  return new ConfigError(
    `${configName}=JKS is Java's keystore format, which Sluice cannot read: use PKCS12 or PEM ` +
      `(keytool -importkeystore -srckeystore store.jks -destkeystore store.p12 -deststoretype PKCS12 converts one)`,
  );
}

export function listenerTls(config: BrokerConfigStore, listenerName: string): ListenerTls {
  const value = <T extends string | string[]>(name: string) => config.listenerValue<T>(listenerName, name);
  const prefixed = (name: string) => `listener.name.${listenerName.toLowerCase()}.${name}`;
  const options: TlsOptions = {};

  const keystoreType = (value<string>('ssl.keystore.type') ?? 'JKS').toUpperCase();
  const keystoreLocation = value<string>('ssl.keystore.location');
  const inlineKey = value<string>('ssl.keystore.key');
  const inlineChain = value<string>('ssl.keystore.certificate.chain');
  const keyPassword = value<string>('ssl.key.password') ?? undefined;
  const keystorePassword = value<string>('ssl.keystore.password') ?? undefined;
  if (inlineKey || inlineChain) {
    if (keystoreType !== 'PEM')
      throw new ConfigError('ssl.keystore.key and ssl.keystore.certificate.chain need ssl.keystore.type=PEM');
    if (!inlineKey || !inlineChain)
      throw new ConfigError('ssl.keystore.key and ssl.keystore.certificate.chain must be set together');
    options.key = inlineKey;
    options.cert = inlineChain;
    if (keyPassword) options.passphrase = keyPassword;
  } else if (keystoreLocation) {
    if (keystoreType === 'JKS') throw javaStoreError('ssl.keystore.type');
    const bytes = readConfiguredFile(keystoreLocation, 'ssl.keystore.location');
    if (keystoreType === 'PKCS12') {
      options.pfx = bytes;
      if (keystorePassword) options.passphrase = keystorePassword;
    } else if (keystoreType === 'PEM') {
      options.key = bytes;
      options.cert = bytes;
      if (keyPassword) options.passphrase = keyPassword;
    } else {
      throw new ConfigError(`Unsupported ssl.keystore.type ${keystoreType} (PKCS12 and PEM are supported)`);
    }
  } else {
    throw new ConfigError(
      `Listener ${listenerName} uses TLS but has no key: set ${prefixed('ssl.keystore.location')} ` +
        `(or ssl.keystore.location) to a PKCS12 or PEM keystore`,
    );
  }

  const truststoreType = (value<string>('ssl.truststore.type') ?? 'JKS').toUpperCase();
  const truststoreLocation = value<string>('ssl.truststore.location');
  const inlineCertificates = value<string>('ssl.truststore.certificates');
  if (inlineCertificates) {
    options.ca = inlineCertificates;
  } else if (truststoreLocation) {
    if (truststoreType === 'JKS') throw javaStoreError('ssl.truststore.type');
    if (truststoreType !== 'PEM')
      throw new ConfigError(
        `Unsupported ssl.truststore.type ${truststoreType}: Sluice reads PEM truststores (a file of CA certificates)`,
      );
    options.ca = readConfiguredFile(truststoreLocation, 'ssl.truststore.location');
  }

  const clientAuth = (value<string>('ssl.client.auth') ?? 'none').toLowerCase() as SslClientAuth;
  if (clientAuth !== 'none' && !options.ca)
    throw new ConfigError(
      `ssl.client.auth=${clientAuth} needs the CAs that sign client certificates: set ssl.truststore.location (PEM)`,
    );
  options.requestCert = clientAuth !== 'none';
  // "requested" accepts clients without a certificate; one that presents an untrusted certificate is still
  // refused, by the connection once the handshake is done (tls cannot tell the two apart before).
  options.rejectUnauthorized = clientAuth === 'required';

  const protocols = (value<string[]>('ssl.enabled.protocols') ?? ['TLSv1.2']).filter(Boolean);
  for (const protocol of protocols)
    if (!(TLS_VERSIONS as readonly string[]).includes(protocol))
      throw new ConfigError(`Unsupported protocol ${protocol} in ssl.enabled.protocols`);
  const ordered = TLS_VERSIONS.filter((v) => protocols.includes(v));
  if (ordered.length === 0) throw new ConfigError('ssl.enabled.protocols must name at least one protocol');
  options.minVersion = ordered[0] as TlsVersion;
  options.maxVersion = ordered[ordered.length - 1] as TlsVersion;
  const ciphers = (value<string[]>('ssl.cipher.suites') ?? []).filter(Boolean);
  if (ciphers.length > 0) {
    options.ciphers = ciphers.join(':');
  }
  return {
    options,
    clientAuth,
    principalMappingRules: parsePrincipalMappingRules(
      value<string>('ssl.principal.mapping.rules') ?? 'DEFAULT',
    ),
  };
}
