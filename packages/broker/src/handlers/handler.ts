/**
 * The contract of a request handler: one file per API under handlers/, each exporting one `defineHandler(...)`.
 * A handler validates, authorizes, applies quotas, does the work and returns the response; Kafka errors are
 * error codes in that response. An exception that escapes anyway is answered with `errorResponse` (see
 * request-failure.ts), and the connection stays open. Returning null sends no response (Produce with acks=0);
 * CLOSE_CONNECTION sends none and disconnects.
 */
import type { ApiKeyNumber, ApiMessages, DecodedRequest } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import type { KafkaPrincipal } from '../security/kafka-principal.ts';
import type { RequestFailure } from './request-failure.ts';

/** What every listener knows about the connection a request came on. */
export interface ConnectionInfo {
  /** The connection's id, unique for the life of the listener. */
  connectionId: number;
  clientId: string | null;
  /** "ip:port" of the client. */
  remoteAddress: string;
  /** The client's IP address alone, as ACL hosts and `ip` quotas match it. */
  clientHost: string;
  /** The listener the connection came in on (PLAINTEXT, SASL_SSL, CONTROLLER or a custom name). */
  listenerName: string;
  /** The authenticated principal (User:ANONYMOUS where nothing authenticates). */
  principal: KafkaPrincipal;
}

/** The context of a request on the broker (client) listener. */
export interface RequestContext extends ConnectionInfo {
  services: BrokerServices;
}

export type ResponseOf<K extends ApiKeyNumber> = ApiMessages[K]['response'];

/**
 * Returned instead of a response when the client must be disconnected without one: a Produce with acks=0 that
 * failed, so the producer notices (it gets no response) and refreshes its metadata, as Kafka does.
 */
export const CLOSE_CONNECTION = Symbol('close connection');

/**
 * `C` is the listener's context: RequestContext on the broker listener, the controller's context on the
 * controller listener (raft/controller-listener.ts).
 */
export interface Handler<K extends ApiKeyNumber = ApiKeyNumber, C = RequestContext> {
  apiKey: K;
  /** The versions this handler serves, within what the codec supports; ApiVersions advertises exactly these. */
  minVersion: number;
  maxVersion: number;
  handle(
    request: DecodedRequest<K>,
    context: C,
  ): Promise<ResponseOf<K> | null | typeof CLOSE_CONNECTION> | ResponseOf<K> | null | typeof CLOSE_CONNECTION;
  /**
   * The response when `handle` failed unexpectedly (Kafka's getErrorResponse): the failure's code in every
   * error field, mirroring the topics, partitions, groups or resources of the request; CLOSE_CONNECTION when
   * no response may be sent (Produce with acks=0).
   */
  errorResponse(request: DecodedRequest<K>, failure: RequestFailure): ResponseOf<K> | typeof CLOSE_CONNECTION;
}

export function defineHandler<K extends ApiKeyNumber, C = RequestContext>(
  handler: Handler<K, C>,
): Handler<K, C> {
  return handler;
}
