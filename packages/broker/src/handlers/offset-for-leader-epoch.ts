import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/** Kafka's OffsetsForLeaderEpochRequest.DEBUGGING_REPLICA_ID: may ask any replica, not only the leader. */
const DEBUGGING_REPLICA_ID = -2;

/**
 * The end offset of a leader epoch in the partition's log, from its leader epoch cache (Kafka's
 * Partition.lastOffsetForLeaderEpoch): the largest epoch at or below the one asked for and where it ends. A
 * follower asks this to find where its log diverges from the leader's (KIP-101); consumers ask it to detect
 * truncation (KIP-320). The current leader epoch the caller gives is checked first (FENCED_LEADER_EPOCH,
 * UNKNOWN_LEADER_EPOCH), and only the leader answers unless the caller is a debugging tool.
 */
export const offsetForLeaderEpochHandler = defineHandler({
  apiKey: ApiKey.OffsetForLeaderEpoch,
  minVersion: 0,
  maxVersion: 4,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ topic, partitions }) => ({
      topic,
      partitions: partitions.map(({ partition }) => ({
        errorCode,
        partition,
        leaderEpoch: -1,
        endOffset: -1n,
      })),
    })),
  }),
  handle({ body }, { services }) {
    const { replicaManager } = services;
    const topics = body.topics.map((topic) => ({
      topic: topic.topic,
      partitions: topic.partitions.map(({ partition: index, currentLeaderEpoch, leaderEpoch }) => {
        const answer = (errorCode: number, epoch = -1, endOffset = -1n) => ({
          errorCode,
          partition: index,
          leaderEpoch: epoch,
          endOffset,
        });
        const exists = services.topics.get(topic.topic)?.partitions[index] !== undefined;
        const partition = exists ? replicaManager.partition(topic.topic, index) : undefined;
        if (!exists || (!partition && !replicaManager.clustered))
          return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        if (!partition) return answer(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        const problem = partition.checkLeaderEpoch(
          currentLeaderEpoch,
          body.replicaId !== DEBUGGING_REPLICA_ID,
        );
        if (problem !== ErrorCode.NONE) return answer(problem);
        const end = partition.endOffsetForEpoch(leaderEpoch);
        return end ? answer(ErrorCode.NONE, end.epoch, BigInt(end.endOffset)) : answer(ErrorCode.NONE);
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
