import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/**
 * DescribeProducers (KIP-664): the producer state of each requested partition as this broker's replica holds it
 * (Kafka's ReplicaManager.activeProducerState): every producer id with its epoch, last sequence, last
 * timestamp, the coordinator epoch of its last marker and the first offset of its ongoing transaction (-1 when
 * none). As in Kafka, any replica hosting the partition answers (the Admin client asks the leader unless told a
 * broker); NOT_LEADER_OR_FOLLOWER when this broker holds no replica of a partition the metadata knows,
 * UNKNOWN_TOPIC_OR_PARTITION when it does not know the partition. Read on the topic is checked around the
 * handler (authorization.ts).
 */
export const describeProducersHandler = defineHandler({
  apiKey: ApiKey.DescribeProducers,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name, partitionIndexes }) => ({
      name,
      partitions: partitionIndexes.map((partitionIndex) => ({
        partitionIndex,
        errorCode,
        errorMessage,
        activeProducers: [],
      })),
    })),
  }),
  handle({ body }, { services }) {
    const { replicaManager } = services;
    const topics = body.topics.map(({ name, partitionIndexes }) => ({
      name,
      partitions: partitionIndexes.map((partitionIndex) => {
        const failed = (errorCode: number) => ({
          partitionIndex,
          errorCode,
          errorMessage: null,
          activeProducers: [],
        });
        const exists = services.topics.get(name)?.partitions[partitionIndex] !== undefined;
        const partition = exists ? replicaManager.partition(name, partitionIndex) : undefined;
        if (!exists || (!partition && !replicaManager.clustered))
          return failed(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        if (!partition) return failed(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        return {
          partitionIndex,
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          activeProducers: partition.log.producers.describe().map((producer) => ({
            producerId: producer.producerId,
            producerEpoch: producer.epoch,
            lastSequence: producer.lastSequence,
            lastTimestamp: BigInt(producer.lastTimestamp),
            coordinatorEpoch: producer.coordinatorEpoch,
            currentTxnStartOffset: BigInt(producer.currentTxnStartOffset),
          })),
        };
      }),
    }));
    return { throttleTimeMs: 0, topics };
  },
});
