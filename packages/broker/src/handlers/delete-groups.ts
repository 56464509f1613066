import { ApiKey } from '@sluice/protocol';
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
    for (const groupId of body.groupsNames)
      results.push({ groupId, errorCode: await services.groups.deleteGroup(groupId) });
    return { throttleTimeMs: 0, results };
  },
});
