import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const syncGroupHandler = defineHandler({
  apiKey: ApiKey.SyncGroup,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    protocolType: body.protocolType,
    protocolName: body.protocolName,
    assignment: Buffer.alloc(0),
  }),
  handle({ body }, { services }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE)
      return {
        throttleTimeMs: 0,
        errorCode: refused,
        protocolType: body.protocolType,
        protocolName: body.protocolName,
        assignment: Buffer.alloc(0),
      };
    return services.groups.sync(
      body.groupId,
      body.memberId,
      body.groupInstanceId,
      body.generationId,
      body.assignments,
    );
  },
});
