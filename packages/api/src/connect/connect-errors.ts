/**
 * Kafka Connect's refusals as tRPC errors: the message is the worker's own (`message` of its ErrorMessage) so
 * the console shows what Connect said, and the status it answered picks the code.
 */
import { TRPCError } from '@trpc/server';
import { ConnectRestError } from './connect-rest-client.ts';

type TRPCCode = ConstructorParameters<typeof TRPCError>[0]['code'];

function codeFor(errorCode: number): TRPCCode {
  switch (errorCode) {
    case 0:
      return 'SERVICE_UNAVAILABLE';
    case 400:
      return 'BAD_REQUEST';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 408:
      return 'TIMEOUT';
    case 422:
      return 'UNPROCESSABLE_CONTENT';
    default:
      // Connect's 500s (a failed rebalance, a connector that threw) and its own auth refusals: the worker failed
      // the request, not the console.
      return 'BAD_GATEWAY';
  }
}

/** Runs a call to a Connect cluster, turning its refusals into tRPC errors with Connect's message. */
export async function connectCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof ConnectRestError)
      throw new TRPCError({ code: codeFor(error.errorCode), message: error.message, cause: error });
    throw error;
  }
}
