import { ApiKey, ErrorCode, type ListOffsetsResponseListOffsetsPartitionResponse } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/** ListOffsets special timestamps. */
const LATEST = -1n;
const EARLIEST = -2n;
const MAX_TIMESTAMP = -3n;
const EARLIEST_LOCAL = -4n;
const LATEST_TIERED = -5n;
/** ListOffsets' isolation_level (v2+): READ_COMMITTED consumers see offsets below the LSO only. */
const READ_COMMITTED = 1;
/** Kafka's timestampMinSupportedVersion: the first version (v1+) that knows each special timestamp. */
const MIN_VERSION_OF_SPECIAL_TIMESTAMP = new Map<bigint, number>([
  [LATEST, 1],
  [EARLIEST, 1],
  [MAX_TIMESTAMP, 7],
  [EARLIEST_LOCAL, 8],
  [LATEST_TIERED, 9],
]);

export const listOffsetsHandler = defineHandler({
  apiKey: ApiKey.ListOffsets,
  minVersion: 0,
  maxVersion: 9,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name, partitions }) => ({
      name,
      partitions: partitions.map(({ partitionIndex }) => ({
        partitionIndex,
        errorCode,
        oldStyleOffsets: [],
        timestamp: -1n,
        offset: -1n,
        leaderEpoch: -1,
      })),
    })),
  }),
  async handle({ body, apiVersion }, { services }) {
    const isConsumer = body.replicaId < 0;
    const readCommitted = isConsumer && apiVersion >= 2 && body.isolationLevel === READ_COMMITTED;
    const topics = [];
    for (const topic of body.topics) {
      const seen = new Set<number>();
      const partitions: ListOffsetsResponseListOffsetsPartitionResponse[] = [];
      for (const requested of topic.partitions) {
        const answer = (errorCode: number, offset: bigint, timestamp = -1n, leaderEpoch = -1) => ({
          partitionIndex: requested.partitionIndex,
          errorCode,
          oldStyleOffsets: apiVersion === 0 && errorCode === ErrorCode.NONE && offset >= 0n ? [offset] : [],
          timestamp,
          offset: apiVersion === 0 ? -1n : offset,
          leaderEpoch,
        });
        if (seen.has(requested.partitionIndex)) {
          partitions.push(answer(ErrorCode.INVALID_REQUEST, -1n));
          continue;
        }
        seen.add(requested.partitionIndex);
        // As Kafka's handleListOffsetRequestV1AndAbove: a special timestamp the version does not know, or an
        // unknown negative one, is UNSUPPORTED_VERSION, before the partition is even looked up.
        const minVersion = MIN_VERSION_OF_SPECIAL_TIMESTAMP.get(requested.timestamp) ?? Infinity;
        if (apiVersion >= 1 && requested.timestamp < 0n && apiVersion < minVersion) {
          partitions.push(answer(ErrorCode.UNSUPPORTED_VERSION, -1n));
          continue;
        }
        const exists = services.topics.get(topic.name)?.partitions[requested.partitionIndex] !== undefined;
        const partition = exists
          ? services.replicaManager.partition(topic.name, requested.partitionIndex)
          : undefined;
        if (!exists || (!partition && !services.replicaManager.clustered)) {
          partitions.push(answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n));
          continue;
        }
        if (!partition) {
          partitions.push(answer(ErrorCode.NOT_LEADER_OR_FOLLOWER, -1n));
          continue;
        }
        // Only the leader answers, except a debugging tool (replica id -2), as in Kafka.
        const problem = partition.checkLeaderEpoch(requested.currentLeaderEpoch, body.replicaId !== -2);
        if (problem !== ErrorCode.NONE) {
          partitions.push(answer(problem, -1n));
          continue;
        }
        const log = partition.log;
        const epoch = partition.leaderEpoch;
        const { timestamp } = requested;
        // Kafka's Partition.fetchOffsetForTimestamp: the requester is answered only offsets it may fetch.
        const fetchable = readCommitted
          ? log.lastStableOffset
          : isConsumer
            ? log.highWatermark
            : log.logEndOffset;
        if (timestamp === LATEST) {
          partitions.push(answer(ErrorCode.NONE, BigInt(fetchable), -1n, epoch));
        } else if (timestamp === EARLIEST || timestamp === EARLIEST_LOCAL) {
          partitions.push(answer(ErrorCode.NONE, BigInt(log.logStartOffset), -1n, epoch));
        } else if (timestamp === LATEST_TIERED) {
          partitions.push(answer(ErrorCode.NONE, -1n, -1n, -1));
        } else if (timestamp === MAX_TIMESTAMP) {
          const found = await log.offsetOfMaxTimestamp();
          partitions.push(
            found && found.offset < fetchable
              ? answer(ErrorCode.NONE, BigInt(found.offset), BigInt(found.timestamp), found.leaderEpoch)
              : answer(ErrorCode.NONE, -1n, -1n, -1),
          );
        } else if (timestamp < 0n) {
          partitions.push(answer(ErrorCode.INVALID_REQUEST, -1n));
        } else {
          const found = await log.offsetForTimestamp(Number(timestamp));
          partitions.push(
            found && found.offset < fetchable
              ? answer(ErrorCode.NONE, BigInt(found.offset), BigInt(found.timestamp), epoch)
              : answer(ErrorCode.NONE, -1n, -1n, -1),
          );
        }
      }
      topics.push({ name: topic.name, partitions });
    }
    return { throttleTimeMs: 0, topics };
  },
});
