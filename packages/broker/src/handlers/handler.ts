/**
 * The contract of a request handler: one file per API under handlers/, each exporting one `defineHandler(...)`.
 * A handler validates, authorizes, applies quotas, does the work and returns the response; Kafka errors are
 * error codes in that response. An exception that escapes anyway is answered with `errorResponse` (see
 * request-failure.ts), and the connection stays open. Returning null sends no response (Produce with acks=0).
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

export interface Handler<K extends ApiKeyNumber = ApiKeyNumber> {
  apiKey: K;
  /** The versions this handler serves, within what the codec supports; ApiVersions advertises exactly these. */
  minVersion: number;
  maxVersion: number;
  handle(
    request: DecodedRequest<K>,
    context: RequestContext,
  ): Promise<ResponseOf<K> | null> | ResponseOf<K> | null;
  /**
   * The response when `handle` failed unexpectedly (Kafka's getErrorResponse): the failure's code in every
   * error field, mirroring the topics, partitions, groups or resources of the request. Null when no response
   * may be sent (Produce with acks=0): the connection is then closed, as Kafka does, so the client notices.
   */
  errorResponse(request: DecodedRequest<K>, failure: RequestFailure): ResponseOf<K> | null;
}

export function defineHandler<K extends ApiKeyNumber>(handler: Handler<K>): Handler<K> {
  return handler;
}
