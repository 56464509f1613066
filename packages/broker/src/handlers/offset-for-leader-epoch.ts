import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/**
 * The end offset of a leader epoch. Sluice's partitions keep one leader for their whole life (a single broker),
 * so the current epoch ends at the log end offset and a newer epoch is unknown.
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
    const topics = body.topics.map((topic) => ({
      topic: topic.topic,
      partitions: topic.partitions.map(({ partition, currentLeaderEpoch, leaderEpoch }) => {
        const answer = (errorCode: number, epoch = -1, endOffset = -1n) => ({
          errorCode,
          partition,
          leaderEpoch: epoch,
          endOffset,
        });
        const metadata = services.topics.get(topic.topic)?.partitions[partition];
        const log = metadata && services.topicManager.partitionLog(topic.topic, partition);
        if (!metadata || !log) return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        if (currentLeaderEpoch >= 0 && currentLeaderEpoch < metadata.leaderEpoch)
          return answer(ErrorCode.FENCED_LEADER_EPOCH);
        if (currentLeaderEpoch > metadata.leaderEpoch) return answer(ErrorCode.UNKNOWN_LEADER_EPOCH);
        if (leaderEpoch > metadata.leaderEpoch) return answer(ErrorCode.NONE);
        return answer(ErrorCode.NONE, metadata.leaderEpoch, BigInt(log.logEndOffset));
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
