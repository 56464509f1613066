import { ApiKey, ErrorCode, defaultJoinGroupResponse } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const joinGroupHandler = defineHandler({
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  errorResponse: ({ body }, { errorCode }) => ({
    ...defaultJoinGroupResponse(),
    errorCode,
    generationId: -1,
    memberId: body.memberId,
  }),
  async handle({ body, apiVersion }, { services, clientId, clientHost }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE)
      return { ...defaultJoinGroupResponse(), errorCode: refused, generationId: -1, memberId: body.memberId };
    const response = await services.groups.join({
      groupId: body.groupId,
      memberId: body.memberId,
      groupInstanceId: body.groupInstanceId,
      clientId: clientId ?? '',
      clientHost: `/${clientHost}`,
      sessionTimeoutMs: body.sessionTimeoutMs,
      // v0 has no rebalance timeout: it equals the session timeout.
      rebalanceTimeoutMs: apiVersion >= 1 ? body.rebalanceTimeoutMs : body.sessionTimeoutMs,
      protocolType: body.protocolType,
      protocols: body.protocols,
      requireKnownMemberId: apiVersion >= 4,
    });
    // The protocol name is nullable only from v7; older versions say "" where there is none.
    return apiVersion >= 7 ? response : { ...response, protocolName: response.protocolName ?? '' };
  },
});
