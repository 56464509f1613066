import {
  ApiKey,
  ErrorCode,
  type OffsetFetchResponsePartitions,
  defaultOffsetFetchResponse,
  defaultOffsetFetchResponsePartition,
} from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { defineHandler } from './handler.ts';

function fetchGroup(
  services: BrokerServices,
  groupId: string,
  topics: { name: string; partitionIndexes: number[] }[] | null,
) {
  const wanted =
    topics === null ? null : topics.map((t) => ({ topic: t.name, partitions: t.partitionIndexes }));
  const byTopic = new Map<string, OffsetFetchResponsePartitions[]>();
  for (const { topic, partition, committed } of services.groups.fetchOffsets(groupId, wanted)) {
    const partitions = byTopic.get(topic) ?? [];
    partitions.push({
      partitionIndex: partition,
      committedOffset: committed?.offset ?? -1n,
      committedLeaderEpoch: committed?.leaderEpoch ?? -1,
      metadata: committed?.metadata ?? '',
      errorCode: ErrorCode.NONE,
    });
    byTopic.set(topic, partitions);
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
  handle({ body, apiVersion }, { services }) {
    // v8+ fetches for several groups at once.
    if (apiVersion >= 8) {
      return {
        throttleTimeMs: 0,
        topics: [],
        errorCode: ErrorCode.NONE,
        groups: body.groups.map((g) => {
          // v9+: a consumer-protocol member names itself and its epoch, which must be current.
          const refused = services.groups.coordinatorError(g.groupId);
          const errorCode =
            refused !== ErrorCode.NONE
              ? refused
              : apiVersion >= 9
                ? services.groups.validateFetch(g.groupId, g.memberId, g.memberEpoch)
                : ErrorCode.NONE;
          return {
            groupId: g.groupId,
            topics: errorCode === ErrorCode.NONE ? fetchGroup(services, g.groupId, g.topics) : [],
            errorCode,
          };
        }),
      };
    }
    const refused = services.groups.coordinatorError(body.groupId);
    if (refused !== ErrorCode.NONE) return offsetFetchRefused(body.topics, refused);
    return {
      throttleTimeMs: 0,
      topics: fetchGroup(services, body.groupId, body.topics),
      errorCode: ErrorCode.NONE,
      groups: [],
    };
  },
});
