import { ApiKey, ErrorCode, defaultDescribeGroupsResponseDescribedGroup } from '@sluice/protocol';
import { OPERATIONS_NOT_REQUESTED, ResourceType } from '../security/acl-operations.ts';
import { authorizedOperationsFor } from './authorization.ts';
import { defineHandler } from './handler.ts';

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
  handle({ body, apiVersion }, context) {
    const { services } = context;
    // Kafka's handleDescribeGroupsRequest: v3+, when asked, for each group described without error (an unknown
    // group, described as Dead, included).
    const includeOperations = apiVersion >= 3 && body.includeAuthorizedOperations;
    const operationsOf = (groupId: string, errorCode: number) =>
      includeOperations && errorCode === ErrorCode.NONE
        ? authorizedOperationsFor(context, ResourceType.GROUP, groupId)
        : OPERATIONS_NOT_REQUESTED;
    const groups = body.groups.map((groupId) => {
      const refused = services.groups.coordinatorError(groupId);
      if (refused !== ErrorCode.NONE)
        return {
          ...defaultDescribeGroupsResponseDescribedGroup(),
          groupId,
          errorCode: refused,
          authorizedOperations: OPERATIONS_NOT_REQUESTED,
        };
      const group = services.groups.describe(groupId);
      // Kafka describes an unknown group as Dead with no members, not as an error; a consumer-protocol group
      // is not found by this classic API (ConsumerGroupDescribe describes it).
      if (!group) {
        const errorCode = services.groups.consumerGroups.get(groupId)
          ? ErrorCode.GROUP_ID_NOT_FOUND
          : ErrorCode.NONE;
        return {
          errorCode,
          groupId,
          groupState: 'Dead',
          protocolType: '',
          protocolData: '',
          members: [],
          authorizedOperations: operationsOf(groupId, errorCode),
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
        authorizedOperations: operationsOf(groupId, ErrorCode.NONE),
      };
    });
    return { throttleTimeMs: 0, groups };
  },
});
