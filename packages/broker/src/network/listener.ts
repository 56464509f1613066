/**
 * What a listener needs to serve requests: its handler registry, how to build a request's context, its limits
 * and where it logs and counts. The broker's client listener and the controller listener (KRaft's CONTROLLER
 * listener, raft/controller-listener.ts) share the framing code in connection.ts and kafka-server.ts and differ
 * only here.
 */
import type { BrokerServices } from '../broker-services.ts';
import type { ConnectionInfo } from '../handlers/handler.ts';
import type { HandlerRegistry } from '../handlers/registry.ts';
import type { Logger, OncePerCauseLog } from '../logger.ts';
import type { BrokerMetrics } from '../metrics.ts';
import type { ListenerTls } from '../security/ssl-context.ts';
import type { SaslListenerSettings } from './sasl-authenticator.ts';

export interface ListenerLimits {
  /** socket.request.max.bytes */
  maxRequestBytes: number;
  /** connections.max.idle.ms */
  idleTimeoutMs: number;
  /** max.connections */
  maxConnections: number;
}

export interface ListenerSetup<C> {
  /** The listener's name (PLAINTEXT, CONTROLLER, ...), as requests' contexts and logs name it. */
  name: string;
  handlers: HandlerRegistry<C>;
  log: Logger;
  errorLog: OncePerCauseLog;
  metrics: BrokerMetrics;
  limits(): ListenerLimits;
  /** The context handlers get for a request on the connection described by `info`. */
  context(info: ConnectionInfo): C;
  /** TLS on SSL and SASL_SSL listeners; null on PLAINTEXT and SASL_PLAINTEXT. */
  tls?: ListenerTls | null;
  /** SASL on SASL_PLAINTEXT and SASL_SSL listeners; null otherwise. */
  sasl?: SaslListenerSettings | null;
  /** sasl.server.max.receive.size: the largest frame a client may send before it has authenticated. */
  maxReceiveBytesBeforeAuth?: number;
  now?: () => number;
}

export function listenerLimits(services: Pick<BrokerServices, 'config'>): ListenerLimits {
  const { config } = services;
  return {
    maxRequestBytes: config.getNumber('socket.request.max.bytes'),
    idleTimeoutMs: config.getNumber('connections.max.idle.ms'),
    maxConnections: config.getNumber('max.connections'),
  };
}
