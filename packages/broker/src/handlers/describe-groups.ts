import { ApiKey, ErrorCode, defaultDescribeGroupsResponseDescribedGroup } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

const OPERATIONS_NOT_REQUESTED = -2147483648;

export const describeGroupsHandler = defineHandler({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    groups: body.groups.map((groupId) => ({
      ...defaultDescribeGroupsResponseDescribedGroup(),
      groupId,
      errorCode,
      errorMessage,
    })),
  }),
  handle({ body }, { services }) {
    const groups = body.groups.map((groupId) => {
      const group = services.groups.describe(groupId);
      // Kafka describes an unknown group as Dead with no members, not as an error; a consumer-protocol group
      // is not found by this classic API (ConsumerGroupDescribe describes it).
      if (!group) {
        return {
          errorCode: services.groups.consumerGroups.get(groupId)
            ? ErrorCode.GROUP_ID_NOT_FOUND
            : ErrorCode.NONE,
          groupId,
          groupState: 'Dead',
          protocolType: '',
          protocolData: '',
          members: [],
          authorizedOperations: OPERATIONS_NOT_REQUESTED,
        };
      }
      return {
        errorCode: ErrorCode.NONE,
        groupId,
        groupState: group.state,
        protocolType: group.protocolType,
        protocolData: group.protocolName,
        members: group.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          clientId: m.clientId,
          clientHost: m.clientHost,
          memberMetadata: m.metadata,
          memberAssignment: m.assignment,
        })),
        authorizedOperations: OPERATIONS_NOT_REQUESTED,
      };
    });
    return { throttleTimeMs: 0, groups };
  },
});
