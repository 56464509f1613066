/**
 * The contract of a request handler: one file per API under handlers/, each exporting one `defineHandler(...)`.
 * A handler validates, authorizes, applies quotas, does the work and returns the response; Kafka errors are
 * error codes in that response. An exception that escapes anyway is answered with `errorResponse` (see
 * request-failure.ts), and the connection stays open. Returning null sends no response (Produce with acks=0);
 * CLOSE_CONNECTION sends none and disconnects.
 */
import type { ApiKeyNumber, ApiMessages, DecodedRequest } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import type { RequestFailure } from './request-failure.ts';

export interface RequestContext {
  services: BrokerServices;
  /** The connection's id, unique for the life of the broker. */
  connectionId: number;
  clientId: string | null;
  remoteAddress: string;
}

export type ResponseOf<K extends ApiKeyNumber> = ApiMessages[K]['response'];

/**
 * Returned instead of a response when the client must be disconnected without one: a Produce with acks=0 that
 * failed, so the producer notices (it gets no response) and refreshes its metadata, as Kafka does.
 */
export const CLOSE_CONNECTION = Symbol('close connection');

export interface Handler<K extends ApiKeyNumber = ApiKeyNumber> {
  apiKey: K;
  /** The versions this handler serves, within what the codec supports; ApiVersions advertises exactly these. */
  minVersion: number;
  maxVersion: number;
  handle(
    request: DecodedRequest<K>,
    context: RequestContext,
  ): Promise<ResponseOf<K> | null | typeof CLOSE_CONNECTION> | ResponseOf<K> | null | typeof CLOSE_CONNECTION;
  /**
   * The response when `handle` failed unexpectedly (Kafka's getErrorResponse): the failure's code in every
   * error field, mirroring the topics, partitions, groups or resources of the request; CLOSE_CONNECTION when
   * no response may be sent (Produce with acks=0).
   */
  errorResponse(request: DecodedRequest<K>, failure: RequestFailure): ResponseOf<K> | typeof CLOSE_CONNECTION;
}

export function defineHandler<K extends ApiKeyNumber>(handler: Handler<K>): Handler<K> {
  return handler;
}
