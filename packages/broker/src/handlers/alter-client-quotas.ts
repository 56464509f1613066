/**
 * AlterClientQuotas. A standalone broker runs the controller's operation against its own security metadata; a
 * cluster member forwards the request to the controller (cluster/forwarding-handlers.ts), as Kafka does.
 */
import { ApiKey, type DecodedRequest } from '@sluice/protocol';
import { alterClientQuotas } from '../controller/client-quota-control-manager.ts';
import { ControllerError } from '../controller/controller-result.ts';
import { defineHandler } from './handler.ts';
import type { RequestFailure } from './request-failure.ts';

/** Every entity of the request answered with the failure (Kafka's AlterClientQuotasRequest.getErrorResponse). */
function errorResponse(
  { body }: DecodedRequest<typeof ApiKey.AlterClientQuotas>,
  { errorCode, errorMessage }: RequestFailure,
) {
  return {
    throttleTimeMs: 0,
    entries: body.entries.map(({ entity }) => ({ errorCode, errorMessage, entity })),
  };
}

export const alterClientQuotasHandler = defineHandler({
  apiKey: ApiKey.AlterClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  errorResponse,
  async handle(request, { services }) {
    const writer = services.security.writer;
    if (!writer) throw new Error('AlterClientQuotas reached a cluster member instead of its controller');
    try {
      return { throttleTimeMs: 0, entries: await writer.run((ctx) => alterClientQuotas(ctx, request.body)) };
    } catch (error) {
      if (!(error instanceof ControllerError)) throw error;
      return errorResponse(request, { errorCode: error.errorCode, errorMessage: error.message });
    }
  },
});
