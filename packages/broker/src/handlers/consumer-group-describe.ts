import { ApiKey, ErrorCode, defaultConsumerGroupDescribeResponseDescribedGroup } from '@sluice/protocol';
import { ResourceType } from '../security/acl-operations.ts';
import { authorizedOperationsFor } from './authorization.ts';
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
  handle({ body }, context) {
    const { services } = context;
    return {
      throttleTimeMs: 0,
      groups: body.groupIds.map((groupId) => {
        const refused = services.groups.coordinatorError(groupId);
        if (refused !== ErrorCode.NONE)
          return { ...defaultConsumerGroupDescribeResponseDescribedGroup(), groupId, errorCode: refused };
        const described = services.groups.consumerGroups.describe(
          groupId,
          services.groups.isClassic(groupId),
        );
        // As Kafka's handleConsumerGroupDescribe: only when asked, only for groups described without error.
        return body.includeAuthorizedOperations && described.errorCode === ErrorCode.NONE
          ? {
              ...described,
              authorizedOperations: authorizedOperationsFor(context, ResourceType.GROUP, groupId),
            }
          : described;
      }),
    };
  },
});
