import { ApiKey, defaultConsumerGroupDescribeResponseDescribedGroup } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const consumerGroupDescribeHandler = defineHandler({
  apiKey: ApiKey.ConsumerGroupDescribe,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    groups: body.groupIds.map((groupId) => ({
      ...defaultConsumerGroupDescribeResponseDescribedGroup(),
      groupId,
      errorCode,
      errorMessage,
    })),
  }),
  handle({ body }, { services }) {
    return {
      throttleTimeMs: 0,
      groups: body.groupIds.map((groupId) =>
        services.groups.consumerGroups.describe(groupId, services.groups.isClassic(groupId)),
      ),
    };
  },
});
