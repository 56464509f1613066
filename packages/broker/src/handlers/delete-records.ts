import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/** -1 asks to delete everything up to the high watermark. */
const HIGH_WATERMARK = -1n;

export const deleteRecordsHandler = defineHandler({
  apiKey: ApiKey.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name, partitions }) => ({
      name,
      partitions: partitions.map(({ partitionIndex }) => ({ partitionIndex, lowWatermark: -1n, errorCode })),
    })),
  }),
  handle({ body }, { services }) {
    const topics = body.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map(({ partitionIndex, offset }) => {
        const log = services.topicManager.partitionLog(topic.name, partitionIndex);
        if (!log)
          return { partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        const target = offset === HIGH_WATERMARK ? log.highWatermark : Number(offset);
        const result = log.deleteRecordsBefore(target);
        if (result.errorCode === ErrorCode.NONE) {
          services.log.info(
            `deleted records of ${topic.name}-${partitionIndex} before offset ${result.lowWatermark}`,
          );
        }
        return { partitionIndex, lowWatermark: BigInt(result.lowWatermark), errorCode: result.errorCode };
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
