/**
 * The __consumer_offsets topic as the group coordinator uses it: which partition holds a group (Kafka's
 * `abs(groupId.hashCode) % offsets.topic.num.partitions`), how the topic is created (cleanup.policy=compact,
 * offsets.topic.replication.factor and offsets.topic.num.partitions, through an injected creator so a cluster
 * member can ask its controller), how a partition's records are replayed when this broker becomes its leader
 * (Kafka's CoordinatorLoader), and how append errors map to coordinator errors.
 *
 * Invariants: a group's records all live in its one partition, so loading a partition rebuilds exactly the groups
 * that hash to it; a partition is replayed from its log start offset to its log end offset in offset order (the
 * newest record of a key wins, as compaction keeps it).
 */
import {
  ControlRecordType,
  ErrorCode,
  decodeConsumerOffsetsRecord,
  decodeControlRecordKey,
  decodeRecordBatch,
  splitBatches,
} from '@sluice/protocol';
import type { BrokerConfigStore } from '../config/config-store.ts';
import type { TopicManager } from '../metadata/topic-manager.ts';
import type { PartitionLog } from '../storage/partition-log.ts';

export const CONSUMER_OFFSETS_TOPIC = '__consumer_offsets';

/** Java's String.hashCode, which decides a group's __consumer_offsets partition in Kafka. */
export function javaStringHash(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (Math.imul(hash, 31) + value.charCodeAt(i)) | 0;
  return hash;
}

export function offsetsPartitionFor(groupId: string, partitions: number): number {
  return (javaStringHash(groupId) & 0x7fffffff) % partitions;
}

/**
 * Creates an internal topic if it does not exist yet (Kafka's AutoTopicCreationManager for internal topics):
 * a single broker creates it itself; a cluster member asks the controller. Resolves once the topic exists
 * (its partitions may still be without leaders); rejects when it cannot be created.
 */
export interface InternalTopicCreator {
  ensureInternalTopic(
    name: string,
    partitions: number,
    replicationFactor: number,
    configs: ReadonlyMap<string, string>,
  ): Promise<void>;
}

/** A single broker's creator: the TopicManager, as before clusters. */
export function topicManagerCreator(topicManager: TopicManager): InternalTopicCreator {
  return {
    ensureInternalTopic(name, partitions, replicationFactor, configs) {
      const result = topicManager.createTopic({
        name,
        numPartitions: partitions,
        replicationFactor,
        assignments: [],
        configs: new Map(configs),
        validateOnly: false,
        isInternal: true,
      });
      if (result.errorCode === ErrorCode.NONE || result.errorCode === ErrorCode.TOPIC_ALREADY_EXISTS)
        return Promise.resolve();
      return Promise.reject(new Error(`cannot create ${name}: ${result.errorMessage ?? result.errorCode}`));
    },
  };
}

/** The settings Kafka creates __consumer_offsets with. */
export function offsetsTopicSpec(config: BrokerConfigStore) {
  return {
    partitions: config.getNumber('offsets.topic.num.partitions'),
    replicationFactor: config.getNumber('offsets.topic.replication.factor'),
    configs: new Map([
      ['cleanup.policy', 'compact'],
      ['segment.bytes', String(config.getNumber('offsets.topic.segment.bytes'))],
      ['compression.type', 'producer'],
    ]),
  };
}

export type ConsumerOffsetsRecord = ReturnType<typeof decodeConsumerOffsetsRecord>;

/**
 * Replays a partition's records from its log start to the log end offset as it was when loading began;
 * returns how many records were applied. Records of a transactional batch (TxnOffsetCommit) are applied with
 * their producer id, and a transaction marker is passed to `completeTransaction`, so pending transactional
 * offsets are decided exactly as they were when written. `stillWanted` is asked between batches: loading stops
 * when the partition was resigned meanwhile.
 */
export async function loadConsumerOffsets(
  log: PartitionLog,
  apply: (record: ConsumerOffsetsRecord, producerId: bigint | null) => void,
  stillWanted: () => boolean,
  bufferBytes: number,
  completeTransaction: (producerId: bigint, commit: boolean) => void = () => {},
): Promise<number> {
  const end = log.logEndOffset;
  let offset = log.logStartOffset;
  let records = 0;
  while (offset < end && stillWanted()) {
    const read = log.read(offset, bufferBytes, true, 'logEnd');
    const { batches } = splitBatches(read.records);
    if (batches.length === 0) break;
    for (const { bytes, header } of batches) {
      const next = Number(header.baseOffset) + header.lastOffsetDelta + 1;
      if (next > end) return records;
      const decoded = (await decodeRecordBatch(bytes)).records;
      if (header.isControl) {
        const key = decoded[0]?.key;
        if (key)
          completeTransaction(
            header.producerId,
            decodeControlRecordKey(key).type === ControlRecordType.COMMIT,
          );
        offset = next;
        continue;
      }
      const producerId = header.isTransactional ? header.producerId : null;
      for (const record of decoded) {
        if (!stillWanted()) return records;
        if (!record.key) continue;
        apply(decodeConsumerOffsetsRecord(record.key, record.value), producerId);
        records++;
      }
      offset = next;
    }
  }
  return records;
}

/**
 * What a coordinator answers when writing to __consumer_offsets failed, as Kafka's GroupMetadataManager maps
 * append errors: a storage error or lost leadership sends clients to find the coordinator again.
 */
export function coordinatorStoreError(appendError: number, tooLarge: number): number {
  switch (appendError) {
    case ErrorCode.NONE:
      return ErrorCode.NONE;
    case ErrorCode.UNKNOWN_TOPIC_OR_PARTITION:
    case ErrorCode.NOT_ENOUGH_REPLICAS:
    case ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    case ErrorCode.REQUEST_TIMED_OUT:
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    case ErrorCode.NOT_LEADER_OR_FOLLOWER:
    case ErrorCode.KAFKA_STORAGE_ERROR:
      return ErrorCode.NOT_COORDINATOR;
    case ErrorCode.MESSAGE_TOO_LARGE:
    case ErrorCode.RECORD_LIST_TOO_LARGE:
    case ErrorCode.INVALID_FETCH_SIZE:
      return tooLarge;
    default:
      return ErrorCode.UNKNOWN_SERVER_ERROR;
  }
}
