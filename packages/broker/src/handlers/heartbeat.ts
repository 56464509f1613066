import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const heartbeatHandler = defineHandler({
  apiKey: ApiKey.Heartbeat,
  minVersion: 0,
  maxVersion: 4,
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode }),
  handle({ body }, { services }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode: refused };
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
