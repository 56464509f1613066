import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const leaveGroupHandler = defineHandler({
  apiKey: ApiKey.LeaveGroup,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    members: body.members.map(({ memberId, groupInstanceId }) => ({ memberId, groupInstanceId, errorCode })),
  }),
  async handle({ body, apiVersion }, { services }) {
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE) return { throttleTimeMs: 0, errorCode: refused, members: [] };
    // v3+ leaves several (static) members at once; earlier versions name one member.
    const leaving =
      apiVersion >= 3 ? body.members : [{ memberId: body.memberId, groupInstanceId: null, reason: null }];
    const codes = await services.groups.leave(body.groupId, leaving);
    const members = leaving.map((m, i) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      errorCode: codes[i]!,
    }));
    const errorCode = apiVersion >= 3 ? ErrorCode.NONE : codes[0]!;
    return { throttleTimeMs: 0, errorCode, members: apiVersion >= 3 ? members : [] };
  },
});
