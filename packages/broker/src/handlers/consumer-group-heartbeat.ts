import { ApiKey, ErrorCode, defaultConsumerGroupHeartbeatResponse } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/** KIP-848: v0 has the coordinator name new members; v1 (KIP-1082) has members name themselves. */
export const consumerGroupHeartbeatHandler = defineHandler({
  apiKey: ApiKey.ConsumerGroupHeartbeat,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    ...defaultConsumerGroupHeartbeatResponse(),
    errorCode,
    errorMessage,
  }),
  handle({ body, apiVersion }, { services, clientId, clientHost }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE) return { ...defaultConsumerGroupHeartbeatResponse(), errorCode: refused };
    return services.groups.consumerGroupHeartbeat(body, {
      apiVersion,
      clientId: clientId ?? '',
      clientHost: `/${clientHost}`,
    });
  },
});
