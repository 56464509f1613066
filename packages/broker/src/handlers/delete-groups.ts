import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const deleteGroupsHandler = defineHandler({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 2,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    results: body.groupsNames.map((groupId) => ({ groupId, errorCode })),
  }),
  async handle({ body }, { services }) {
    const results = [];
    for (const groupId of body.groupsNames) {
      const refused = services.groups.coordinatorError(groupId);
      const errorCode = refused !== ErrorCode.NONE ? refused : await services.groups.deleteGroup(groupId);
      results.push({ groupId, errorCode });
    }
    return { throttleTimeMs: 0, results };
  },
});
