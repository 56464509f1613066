/**
 * AlterClientQuotas. A standalone broker runs the controller's operation against its own security metadata; a
 * cluster member forwards the request to the controller (cluster/forwarding-handlers.ts), as Kafka does.
 */
import { ApiKey } from '@sluice/protocol';
import { alterClientQuotas } from '../controller/client-quota-control-manager.ts';
import { defineHandler } from './handler.ts';

export const alterClientQuotasHandler = defineHandler({
  apiKey: ApiKey.AlterClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    entries: body.entries.map(({ entity }) => ({ errorCode, errorMessage, entity })),
  }),
  async handle({ body }, { services }) {
    const writer = services.security.writer;
    if (!writer) throw new Error('AlterClientQuotas reached a cluster member instead of its controller');
    return { throttleTimeMs: 0, entries: await writer.run((ctx) => alterClientQuotas(ctx, body)) };
  },
});
