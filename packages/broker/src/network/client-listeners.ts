/**
 * The broker's client listeners, from Kafka's `listeners`, `advertised.listeners` and
 * `listener.security.protocol.map`: each has a name, an address to bind, a security protocol (PLAINTEXT, SSL,
 * SASL_PLAINTEXT, SASL_SSL) and the address clients are told. A standalone broker given no `listeners` has one
 * PLAINTEXT listener on --host:--port, which is what `npm start` and `sluice broker` give.
 *
 * Each listener's TLS and SASL settings come from the `ssl.*` and `sasl.*` configs, overridable per listener
 * (`listener.name.<listener>.ssl.keystore.location`, `listener.name.<listener>.<mechanism>.sasl.jaas.config`).
 * A listener that cannot work (TLS without a key, SASL with a mechanism Sluice does not serve, PLAIN without
 * users) is refused at start with a ConfigError that says what to set.
 *
 * Unlike Kafka, a listener with an empty host binds the broker's --host (127.0.0.1 by default) rather than
 * every interface, so nothing is exposed beyond loopback unless asked for.
 */
import { randomBytes } from 'node:crypto';
import type { BrokerServices } from '../broker-services.ts';
import { ConfigError } from '../config/config-def.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { parseListeners, parseSecurityProtocolMap, type KRaftSettings } from '../cluster/kraft-settings.ts';
import type { RequestContext } from '../handlers/handler.ts';
import type { Logger } from '../logger.ts';
import { parseJaasConfig, plainUsers } from '../security/sasl/jaas-config.ts';
import { PlainSaslServer } from '../security/sasl/plain-server.ts';
import { SCRAM_ALGORITHMS } from '@sluice/protocol';
import { ScramSaslServer } from '../security/sasl/scram.ts';
import {
  SUPPORTED_SASL_MECHANISMS,
  isSupportedMechanism,
  type SaslMechanism,
} from '../security/sasl/sasl-server.ts';
import type { SecurityMetadata } from '../security/security-metadata.ts';
import { listenerTls, type ListenerTls } from '../security/ssl-context.ts';
import { listenerLimits, type ListenerSetup } from './listener.ts';
import type { SaslListenerSettings } from './sasl-authenticator.ts';

export type SecurityProtocolName = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';

/** Kafka's SecurityProtocol ids, as broker registrations carry them. */
export const SECURITY_PROTOCOL_IDS: Readonly<Record<SecurityProtocolName, number>> = {
  PLAINTEXT: 0,
  SSL: 1,
  SASL_PLAINTEXT: 2,
  SASL_SSL: 3,
};

export interface ClientListener {
  name: string;
  /** The address to bind. */
  host: string;
  /** The port to bind; 0 picks a free one. */
  port: number;
  securityProtocol: SecurityProtocolName;
  /** What clients are told, when advertised.listeners names this listener; else the bound address. */
  advertised: { host: string; port: number } | null;
}

const DEFAULT_PROTOCOL_MAP = 'PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL';

export function clientListeners(
  config: BrokerConfigStore,
  kraft: KRaftSettings | null,
  options: { host: string; port: number; advertisedHost?: string },
): ClientListener[] {
  const listValue = (name: string): string[] => {
    const value = config.getOptional<string | string[]>(name) ?? [];
    return typeof value === 'string' ? value.split(',') : value;
  };
  const advertisedEntries = (): Map<string, { host: string; port: number }> =>
    new Map(
      parseListeners(listValue('advertised.listeners'), 'advertised.listeners').map((l) => [l.name, l]),
    );

  if (kraft) {
    const advertised = new Map(kraft.advertisedListeners.map((l) => [l.name, l]));
    return kraft.listeners
      .filter((l) => !kraft.controllerListenerNames.includes(l.name))
      .map((l) => ({
        name: l.name,
        host: l.host || options.host,
        port: l.port,
        securityProtocol: (kraft.securityProtocols.get(l.name) ?? 'PLAINTEXT') as SecurityProtocolName,
        advertised: advertisedAddress(advertised.get(l.name), l.host || options.host),
      }));
  }
  if (!config.isStaticallySet('listeners')) {
    const advertised = advertisedEntries().get('PLAINTEXT');
    return [
      {
        name: 'PLAINTEXT',
        host: options.host,
        port: options.port,
        securityProtocol: 'PLAINTEXT',
        advertised: advertised
          ? advertisedAddress(advertised, options.advertisedHost ?? options.host)
          : options.advertisedHost
            ? { host: options.advertisedHost, port: 0 }
            : null,
      },
    ];
  }
  const protocols = parseSecurityProtocolMap(
    config.isStaticallySet('listener.security.protocol.map')
      ? listValue('listener.security.protocol.map')
      : DEFAULT_PROTOCOL_MAP.split(','),
  );
  const advertised = advertisedEntries();
  const listeners = parseListeners(listValue('listeners'), 'listeners');
  if (listeners.length === 0) throw new ConfigError('listeners must name at least one listener');
  return listeners.map((l) => {
    const protocol = protocols.get(l.name);
    if (!protocol)
      throw new ConfigError(
        `No security protocol defined for listener ${l.name} in listener.security.protocol.map`,
      );
    return {
      name: l.name,
      host: l.host || options.host,
      port: l.port,
      securityProtocol: protocol as SecurityProtocolName,
      advertised: advertisedAddress(
        advertised.get(l.name),
        options.advertisedHost ?? (l.host || options.host),
      ),
    };
  });
}

/** An advertised entry with its empty host or zero port filled in later (port 0: the bound port). */
function advertisedAddress(
  entry: { host: string; port: number } | undefined,
  defaultHost: string,
): { host: string; port: number } | null {
  if (!entry) return null;
  return { host: entry.host || defaultHost, port: entry.port };
}

const LOOPBACK = /^(127\.|::1$|localhost$)/i;

/** Kafka logs nothing here; Sluice says it loudly, since such a broker lets anyone on the network do anything. */
export function warnAboutOpenListeners(listeners: readonly ClientListener[], log: Logger): void {
  for (const listener of listeners) {
    if (LOOPBACK.test(listener.host)) continue;
    const unauthenticated = listener.securityProtocol === 'PLAINTEXT' || listener.securityProtocol === 'SSL';
    if (!unauthenticated) continue;
    log.warn(
      `*** Listener ${listener.name} on ${listener.host}:${listener.port} accepts ${listener.securityProtocol} ` +
        `connections from beyond this machine WITHOUT AUTHENTICATION: anyone who can reach it can produce, consume ` +
        `and delete. Use SASL_SSL (or SSL with ssl.client.auth=required) and an authorizer for shared brokers. ***`,
    );
  }
}

/** The SASL settings of a SASL_PLAINTEXT or SASL_SSL listener. */
export function saslSettings(
  config: BrokerConfigStore,
  listenerName: string,
  security: SecurityMetadata,
): SaslListenerSettings {
  const configured = (config.listenerValue<string[]>(listenerName, 'sasl.enabled.mechanisms') ?? [])
    .map((m) => m.trim().toUpperCase())
    .filter(Boolean);
  if (configured.length === 0)
    throw new ConfigError(`Listener ${listenerName} uses SASL but sasl.enabled.mechanisms is empty`);
  for (const mechanism of configured)
    if (!isSupportedMechanism(mechanism))
      throw new ConfigError(
        `SASL mechanism ${mechanism} (in sasl.enabled.mechanisms of listener ${listenerName}) is not supported by ` +
          `Sluice; set sasl.enabled.mechanisms to one or more of ${SUPPORTED_SASL_MECHANISMS.join(', ')}` +
          (mechanism === 'GSSAPI' ? ` (GSSAPI is Kafka's default)` : ''),
      );
  const mechanisms = configured as SaslMechanism[];
  let users: Map<string, string> | null = null;
  if (mechanisms.includes('PLAIN')) {
    const configName = `listener.name.${listenerName.toLowerCase()}.plain.sasl.jaas.config`;
    const jaas = config.listenerValue<string>(listenerName, 'sasl.jaas.config', 'PLAIN');
    if (!jaas)
      throw new ConfigError(
        `SASL/PLAIN on listener ${listenerName} needs its users: set ${configName}=` +
          `'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";'`,
      );
    users = plainUsers(parseJaasConfig(jaas, configName));
  }
  // Stable for the life of the process: an unknown user's made-up SCRAM salt is the same on every attempt.
  const fakeSaltSecret = randomBytes(32);
  return {
    mechanisms,
    newServer(mechanism) {
      if (mechanism === 'PLAIN') return new PlainSaslServer(users!);
      const algorithm = SCRAM_ALGORITHMS[mechanism];
      return new ScramSaslServer(
        algorithm,
        (user) => security.image().scramCredentials.get(user)?.get(algorithm.code),
        fakeSaltSecret,
      );
    },
    maxReauthMs: () =>
      Number(config.listenerValue<number | bigint>(listenerName, 'connections.max.reauth.ms') ?? 0),
  };
}

/** The ListenerSetup of one client listener: the broker's handlers behind its TLS and SASL. */
export function clientListenerSetup(
  services: BrokerServices,
  listener: ClientListener,
): ListenerSetup<RequestContext> {
  const { config } = services;
  const usesTls = listener.securityProtocol === 'SSL' || listener.securityProtocol === 'SASL_SSL';
  const usesSasl = listener.securityProtocol === 'SASL_PLAINTEXT' || listener.securityProtocol === 'SASL_SSL';
  const tls: ListenerTls | null = usesTls ? listenerTls(config, listener.name) : null;
  return {
    name: listener.name,
    handlers: services.handlers,
    log: services.log,
    errorLog: services.errorLog,
    metrics: services.metrics,
    limits: () => listenerLimits(services),
    context: (info) => ({ services, ...info }),
    tls,
    sasl: usesSasl ? saslSettings(config, listener.name, services.security) : null,
    maxReceiveBytesBeforeAuth: config.getNumber('sasl.server.max.receive.size'),
    now: () => services.clock.now(),
  };
}
