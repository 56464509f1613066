import {
  ApiKey,
  ErrorCode,
  type OffsetFetchResponsePartitions,
  defaultOffsetFetchResponse,
  defaultOffsetFetchResponsePartition,
} from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize } from './authorization.ts';
import { defineHandler, type RequestContext } from './handler.ts';

/**
 * The group's committed offsets for the topics asked for (null: all). As Kafka: topics the principal may not
 * describe are left out of an all-topics answer, and answered with TOPIC_AUTHORIZATION_FAILED when named.
 */
function fetchGroup(
  context: RequestContext,
  groupId: string,
  topics: { name: string; partitionIndexes: number[] }[] | null,
  requireStable: boolean,
) {
  const { services } = context;
  const mayDescribe = (topic: string) =>
    authorize(context, AclOperation.DESCRIBE, ResourceType.TOPIC, topic, topics !== null);
  const refusedTopics = (topics ?? []).filter((t) => !mayDescribe(t.name));
  const wanted =
    topics === null
      ? null
      : topics
          .filter((t) => mayDescribe(t.name))
          .map((t) => ({ topic: t.name, partitions: t.partitionIndexes }));
  const byTopic = new Map<string, OffsetFetchResponsePartitions[]>();
  for (const { topic, partition, committed } of services.groups.fetchOffsets(groupId, wanted)) {
    if (topics === null && !mayDescribe(topic)) continue;
    const partitions = byTopic.get(topic) ?? [];
    byTopic.set(topic, partitions);
    // require_stable (v7+): an offset an open transaction may still change is not answered yet (retriable).
    if (requireStable && services.groups.hasPendingTransactionalOffset(groupId, topic, partition)) {
      partitions.push({
        ...defaultOffsetFetchResponsePartition(),
        partitionIndex: partition,
        committedOffset: -1n,
        errorCode: ErrorCode.UNSTABLE_OFFSET_COMMIT,
      });
      continue;
    }
    partitions.push({
      partitionIndex: partition,
      committedOffset: committed?.offset ?? -1n,
      committedLeaderEpoch: committed?.leaderEpoch ?? -1,
      metadata: committed?.metadata ?? '',
      errorCode: ErrorCode.NONE,
    });
  }
  for (const { name, partitionIndexes } of refusedTopics) {
    byTopic.set(
      name,
      partitionIndexes.map((partitionIndex) => ({
        ...defaultOffsetFetchResponsePartition(),
        partitionIndex,
        committedOffset: -1n,
        errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
      })),
    );
  }
  return [...byTopic].map(([name, partitions]) => ({ name, partitions }));
}

/** Versions 0-1 have no group-level error code: the error goes on every partition asked for. */
function offsetFetchRefused(
  topics: { name: string; partitionIndexes: number[] }[] | null,
  errorCode: number,
) {
  return {
    ...defaultOffsetFetchResponse(),
    errorCode,
    topics: (topics ?? []).map(({ name, partitionIndexes }) => ({
      name,
      partitions: partitionIndexes.map((partitionIndex) => ({
        ...defaultOffsetFetchResponsePartition(),
        partitionIndex,
        committedOffset: -1n,
        errorCode,
      })),
    })),
    groups: [],
  };
}

export const offsetFetchHandler = defineHandler({
  apiKey: ApiKey.OffsetFetch,
  minVersion: 0,
  maxVersion: 9,
  errorResponse: ({ body }, { errorCode }) => ({
    ...offsetFetchRefused(body.topics, errorCode),
    groups: body.groups.map(({ groupId }) => ({ groupId, topics: [], errorCode })),
  }),
  handle({ body, apiVersion }, context) {
    const { services } = context;
    const mayDescribeGroup = (groupId: string) =>
      authorize(context, AclOperation.DESCRIBE, ResourceType.GROUP, groupId);
    // v8+ fetches for several groups at once.
    if (apiVersion >= 8) {
      return {
        throttleTimeMs: 0,
        topics: [],
        errorCode: ErrorCode.NONE,
        groups: body.groups.map((g) => {
          // v9+: a consumer-protocol member names itself and its epoch, which must be current.
          const refused = mayDescribeGroup(g.groupId)
            ? services.groups.coordinatorError(g.groupId)
            : ErrorCode.GROUP_AUTHORIZATION_FAILED;
          const errorCode =
            refused !== ErrorCode.NONE
              ? refused
              : apiVersion >= 9
                ? services.groups.validateFetch(g.groupId, g.memberId, g.memberEpoch)
                : ErrorCode.NONE;
          return {
            groupId: g.groupId,
            topics:
              errorCode === ErrorCode.NONE
                ? fetchGroup(context, g.groupId, g.topics, body.requireStable)
                : [],
            errorCode,
          };
        }),
      };
    }
    const refused = mayDescribeGroup(body.groupId)
      ? services.groups.coordinatorError(body.groupId)
      : ErrorCode.GROUP_AUTHORIZATION_FAILED;
    if (refused !== ErrorCode.NONE) return offsetFetchRefused(body.topics, refused);
    return {
      throttleTimeMs: 0,
      topics: fetchGroup(context, body.groupId, body.topics, apiVersion >= 7 && body.requireStable),
      errorCode: ErrorCode.NONE,
      groups: [],
    };
  },
});
