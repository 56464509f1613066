import { ApiKey } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const heartbeatHandler = defineHandler({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode }),
  handle({ body }, { services }) {
    return {
      throttleTimeMs: 0,
      errorCode: services.groups.heartbeat(
        body.groupId,
        body.memberId,
        body.groupInstanceId,
        body.generationId,
      ),
    };
  },
});
