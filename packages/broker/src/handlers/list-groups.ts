import { ApiKey, ErrorCode } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize, authorizeCluster } from './authorization.ts';
import { defineHandler } from './handler.ts';

export const listGroupsHandler = defineHandler({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode, groups: [] }),
  handle({ body, apiVersion }, context) {
    const { services } = context;
    // As Kafka: Describe on the cluster lists every group, else only the groups the principal may describe.
    const mayDescribe = authorizeCluster(context, AclOperation.DESCRIBE, false)
      ? () => true
      : (groupId: string) => authorize(context, AclOperation.DESCRIBE, ResourceType.GROUP, groupId, false);
    // As Kafka's coordinator: no partial listing while a partition of __consumer_offsets is being loaded.
    if (services.groups.isLoading())
      return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, groups: [] };
    const states =
      apiVersion >= 4 && body.statesFilter.length > 0
        ? new Set(body.statesFilter.map((s) => s.toLowerCase()))
        : null;
    const types =
      apiVersion >= 5 && body.typesFilter.length > 0
        ? new Set(body.typesFilter.map((t) => t.toLowerCase()))
        : null;
    const groups = services.groups
      .list()
      .filter(
        (g) =>
          mayDescribe(g.groupId) &&
          (states === null || states.has(g.state.toLowerCase())) &&
          (types === null || types.has(g.groupType)),
      )
      .map((g) => ({
        groupId: g.groupId,
        protocolType: g.protocolType,
        groupState: g.state,
        groupType: g.groupType,
      }));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
});
