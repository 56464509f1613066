/**
 * Topics and partitions as the controller creates and deletes them (the topic half of Kafka's
 * ReplicationControlManager): CreateTopics, DeleteTopics and CreatePartitions, written as TopicRecord,
 * PartitionRecord, ConfigRecord and RemoveTopicRecord.
 *
 * Invariants: a new partition's ISR is its active replicas and its leader the first of them (leader epoch 0,
 * partition epoch 0); placement comes from the StripedReplicaPlacer over the registered brokers not in
 * controlled shutdown; a request's topics are judged independently, each either fully written or not at all;
 * validate_only writes nothing and answers what would have been done; error codes and messages are Kafka's
 * (TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR,
 * INVALID_REPLICA_ASSIGNMENT, INVALID_CONFIG, INVALID_REQUEST, UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID).
 */
import {
  ErrorCode,
  ZERO_UUID,
  type CreatePartitionsRequest,
  type CreatePartitionsResponseCreatePartitionsTopicResult,
  type CreateTopicsRequest,
  type CreateTopicsResponseCreatableTopicResult,
  type DeleteTopicsRequest,
  type DeleteTopicsResponseDeletableTopicResult,
} from '@sluice/protocol';
import { ConfigError } from '../config/config-def.ts';
import { validateConfigs } from '../config/config-store.ts';
import { TOPIC_CONFIGS } from '../config/topic-configs.ts';
import { isActiveBroker, topicByName, type MetadataImage } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { NO_LEADER } from '../metadata/partition-registration.ts';
import { randomTopicId, topicNameProblem } from '../metadata/topic-registry.ts';
import { topicConfigRecords } from './configuration-control-manager.ts';
import type { ControlContext, ControllerResult } from './controller-result.ts';
import { PlacementError, type StripedReplicaPlacer, type UsableBroker } from './striped-replica-placer.ts';

class TopicError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Brokers a new replica may be placed on: registered and not in controlled shutdown. */
export function usableBrokers(image: MetadataImage): UsableBroker[] {
  return [...image.brokers.values()]
    .filter((b) => !b.inControlledShutdown)
    .map((b) => ({ id: b.id, rack: b.rack, fenced: b.fenced }));
}

function partitionRecord(topicId: string, partitionId: number, replicas: number[], image: MetadataImage) {
  const isr = replicas.filter((r) => isActiveBroker(image, r));
  return {
    type: 'PartitionRecord' as const,
    data: {
      partitionId,
      topicId,
      replicas,
      isr,
      removingReplicas: [],
      addingReplicas: [],
      leader: isr[0] ?? NO_LEADER,
      leaderRecoveryState: 0,
      leaderEpoch: 0,
      partitionEpoch: 0,
      directories: [],
      eligibleLeaderReplicas: null,
      lastKnownElr: null,
    },
  };
}

/** Checks a manual assignment (CreateTopics assignments, CreatePartitions assignments) as Kafka does. */
function checkManualAssignment(
  image: MetadataImage,
  partitionId: number,
  brokerIds: readonly number[],
): void {
  if (brokerIds.length === 0) {
    throw new TopicError(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      `The manual partition assignment includes an empty replica list.`,
    );
  }
  if (new Set(brokerIds).size !== brokerIds.length) {
    throw new TopicError(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      `The manual partition assignment includes the broker ${brokerIds.find((b, i) => brokerIds.indexOf(b) !== i)} more than once.`,
    );
  }
  for (const id of brokerIds) {
    if (!image.brokers.has(id)) {
      throw new TopicError(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes broker ${id}, but no such broker is registered.`,
      );
    }
  }
  if (!brokerIds.some((id) => isActiveBroker(image, id))) {
    throw new TopicError(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      `All brokers specified in the manual partition assignment for partition ${partitionId} are fenced or in controlled shutdown.`,
    );
  }
}

function collisionKey(name: string): string {
  return name.replaceAll('.', '_');
}

function createTopic(
  ctx: ControlContext,
  placer: StripedReplicaPlacer,
  topic: CreateTopicsRequest['topics'][number],
): { records: MetadataRecord[]; topicId: string; numPartitions: number; replicationFactor: number } {
  const nameProblem = topicNameProblem(topic.name);
  if (nameProblem) throw new TopicError(ErrorCode.INVALID_TOPIC_EXCEPTION, nameProblem);
  if (topicByName(ctx.image, topic.name)) {
    throw new TopicError(ErrorCode.TOPIC_ALREADY_EXISTS, `Topic '${topic.name}' already exists.`);
  }
  const colliding = [...ctx.image.topicIdsByName.keys()].find(
    (n) => collisionKey(n) === collisionKey(topic.name),
  );
  if (colliding !== undefined) {
    throw new TopicError(
      ErrorCode.INVALID_TOPIC_EXCEPTION,
      `Topic '${topic.name}' collides with existing topic: ${colliding}`,
    );
  }
  const nullConfig = topic.configs.find((c) => c.value === null);
  if (nullConfig) {
    throw new TopicError(
      ErrorCode.INVALID_CONFIG,
      `Null value not supported for topic configs: ${nullConfig.name}`,
    );
  }
  const configs = new Map(topic.configs.map((c) => [c.name, c.value!]));
  try {
    validateConfigs(TOPIC_CONFIGS, configs, 'topic');
  } catch (error) {
    if (error instanceof ConfigError) throw new TopicError(ErrorCode.INVALID_CONFIG, error.message);
    throw error;
  }
  let assignments: number[][];
  if (topic.assignments.length > 0) {
    if (topic.numPartitions !== -1) {
      throw new TopicError(
        ErrorCode.INVALID_REQUEST,
        'A manual partition assignment was specified, but numPartitions was not set to -1.',
      );
    }
    if (topic.replicationFactor !== -1) {
      throw new TopicError(
        ErrorCode.INVALID_REQUEST,
        'A manual partition assignment was specified, but replicationFactor was not set to -1.',
      );
    }
    const sorted = [...topic.assignments].sort((a, b) => a.partitionIndex - b.partitionIndex);
    sorted.forEach((a, i) => {
      if (a.partitionIndex !== i) {
        throw new TopicError(
          ErrorCode.INVALID_REPLICA_ASSIGNMENT,
          `Partitions should be 0-based and consecutive: partition ${i} is missing from the manual assignment.`,
        );
      }
      checkManualAssignment(ctx.image, i, a.brokerIds);
    });
    const factor = sorted[0]!.brokerIds.length;
    if (sorted.some((a) => a.brokerIds.length !== factor)) {
      throw new TopicError(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        'All partitions in the manual partition assignment must have the same number of replicas.',
      );
    }
    assignments = sorted.map((a) => [...a.brokerIds]);
  } else {
    const numPartitions = topic.numPartitions === -1 ? ctx.config.defaultNumPartitions : topic.numPartitions;
    const replicationFactor =
      topic.replicationFactor === -1 ? ctx.config.defaultReplicationFactor : topic.replicationFactor;
    if (numPartitions <= 0) {
      throw new TopicError(
        ErrorCode.INVALID_PARTITIONS,
        'Number of partitions was set to an invalid non-positive value.',
      );
    }
    if (replicationFactor <= 0) {
      throw new TopicError(
        ErrorCode.INVALID_REPLICATION_FACTOR,
        'Replication factor must be larger than 0, or -1 to use the default value.',
      );
    }
    try {
      assignments = placer.place(usableBrokers(ctx.image), numPartitions, replicationFactor);
    } catch (error) {
      if (error instanceof PlacementError) {
        throw new TopicError(
          ErrorCode.INVALID_REPLICATION_FACTOR,
          `Unable to replicate the partition ${replicationFactor} time(s): ${error.message}`,
        );
      }
      throw error;
    }
  }
  const topicId = randomTopicId();
  const records: MetadataRecord[] = [{ type: 'TopicRecord', data: { name: topic.name, topicId } }];
  assignments.forEach((replicas, i) => records.push(partitionRecord(topicId, i, replicas, ctx.image)));
  records.push(...topicConfigRecords(topic.name, configs));
  return { records, topicId, numPartitions: assignments.length, replicationFactor: assignments[0]!.length };
}

export function createTopics(
  ctx: ControlContext,
  placer: StripedReplicaPlacer,
  request: CreateTopicsRequest,
): ControllerResult<CreateTopicsResponseCreatableTopicResult[]> {
  const counts = new Map<string, number>();
  for (const topic of request.topics) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
  const records: MetadataRecord[] = [];
  const response = request.topics.map((topic): CreateTopicsResponseCreatableTopicResult => {
    const base = {
      name: topic.name,
      topicId: ZERO_UUID,
      topicConfigErrorCode: ErrorCode.NONE,
      numPartitions: -1,
      replicationFactor: -1,
      configs: null,
    };
    if ((counts.get(topic.name) ?? 0) > 1) {
      return {
        ...base,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: 'Duplicate topic name.',
      };
    }
    try {
      const created = createTopic(ctx, placer, topic);
      if (!request.validateOnly) records.push(...created.records);
      return {
        ...base,
        topicId: request.validateOnly ? ZERO_UUID : created.topicId,
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        numPartitions: created.numPartitions,
        replicationFactor: created.replicationFactor,
      };
    } catch (error) {
      if (error instanceof TopicError) {
        return { ...base, errorCode: error.errorCode, errorMessage: error.message };
      }
      throw error;
    }
  });
  return { records, response };
}

export function deleteTopics(
  ctx: ControlContext,
  request: DeleteTopicsRequest,
  apiVersion: number,
): ControllerResult<DeleteTopicsResponseDeletableTopicResult[]> {
  const requested =
    apiVersion >= 6
      ? request.topics.map((t) => ({ name: t.name, topicId: t.topicId }))
      : request.topicNames.map((name) => ({ name: name as string | null, topicId: ZERO_UUID }));
  const records: MetadataRecord[] = [];
  const deleted = new Set<string>();
  const response = requested.map(({ name, topicId }): DeleteTopicsResponseDeletableTopicResult => {
    const byName = name !== null && name !== '';
    const byId = topicId !== ZERO_UUID;
    if (byName === byId) {
      return {
        name,
        topicId,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: byName ? 'Both topic name and id were given.' : 'Neither topic name nor id was given.',
      };
    }
    const topic = byName ? topicByName(ctx.image, name) : ctx.image.topicsById.get(topicId);
    if (!topic) {
      return byName
        ? {
            name,
            topicId,
            errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            errorMessage: 'This server does not host this topic-partition.',
          }
        : {
            name,
            topicId,
            errorCode: ErrorCode.UNKNOWN_TOPIC_ID,
            errorMessage: 'This server does not host this topic ID.',
          };
    }
    if (deleted.has(topic.id)) {
      return {
        name,
        topicId,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: 'Duplicate topic in request.',
      };
    }
    deleted.add(topic.id);
    records.push({ type: 'RemoveTopicRecord', data: { topicId: topic.id } });
    return { name: topic.name, topicId: topic.id, errorCode: ErrorCode.NONE, errorMessage: null };
  });
  return { records, response };
}

export function createPartitions(
  ctx: ControlContext,
  placer: StripedReplicaPlacer,
  request: CreatePartitionsRequest,
): ControllerResult<CreatePartitionsResponseCreatePartitionsTopicResult[]> {
  const counts = new Map<string, number>();
  for (const topic of request.topics) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
  const records: MetadataRecord[] = [];
  const response = request.topics.map((requested): CreatePartitionsResponseCreatePartitionsTopicResult => {
    const fail = (errorCode: number, errorMessage: string) => ({
      name: requested.name,
      errorCode,
      errorMessage,
    });
    if ((counts.get(requested.name) ?? 0) > 1)
      return fail(ErrorCode.INVALID_REQUEST, 'Duplicate topic name.');
    const topic = topicByName(ctx.image, requested.name);
    if (!topic)
      return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.');
    const current = topic.partitions.size;
    if (requested.count < current) {
      return fail(
        ErrorCode.INVALID_PARTITIONS,
        `The topic ${topic.name} currently has ${current} partition(s); ${requested.count} would not be an increase.`,
      );
    }
    if (requested.count === current) {
      return fail(ErrorCode.INVALID_PARTITIONS, `Topic already has ${current} partition(s).`);
    }
    const added = requested.count - current;
    const replicationFactor = topic.partitions.get(0)?.replicas.length ?? 1;
    let assignments: number[][];
    try {
      if (requested.assignments !== null) {
        if (requested.assignments.length !== added) {
          throw new TopicError(
            ErrorCode.INVALID_REPLICA_ASSIGNMENT,
            `Attempted to add ${added} additional partition(s), but only ${requested.assignments.length} assignment(s) were specified.`,
          );
        }
        assignments = requested.assignments.map((a, i) => {
          checkManualAssignment(ctx.image, current + i, a.brokerIds);
          if (a.brokerIds.length !== replicationFactor) {
            throw new TopicError(
              ErrorCode.INVALID_REPLICA_ASSIGNMENT,
              `The manual partition assignment includes a partition with ${a.brokerIds.length} replica(s), but this is not consistent with previous partitions, which have ${replicationFactor} replica(s).`,
            );
          }
          return [...a.brokerIds];
        });
      } else {
        try {
          assignments = placer.place(usableBrokers(ctx.image), added, replicationFactor);
        } catch (error) {
          if (error instanceof PlacementError) {
            throw new TopicError(
              ErrorCode.INVALID_REPLICATION_FACTOR,
              `Unable to replicate the partition ${replicationFactor} time(s): ${error.message}`,
            );
          }
          throw error;
        }
      }
    } catch (error) {
      if (error instanceof TopicError) return fail(error.errorCode, error.message);
      throw error;
    }
    if (!request.validateOnly) {
      assignments.forEach((replicas, i) =>
        records.push(partitionRecord(topic.id, current + i, replicas, ctx.image)),
      );
    }
    return { name: requested.name, errorCode: ErrorCode.NONE, errorMessage: null };
  });
  return { records, response };
}
