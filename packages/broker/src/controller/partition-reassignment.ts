/**
 * Partition reassignment as the controller runs it (KIP-455; the reassignment half of Kafka's
 * ReplicationControlManager): AlterPartitionReassignments starts or cancels one, ListPartitionReassignments
 * shows those in progress.
 *
 * A reassignment moves a partition from its current replicas to a target in stages, all of them
 * PartitionChangeRecords:
 * 1. the replica set becomes the target followed by the replicas being removed, with `addingReplicas` (target
 *    minus current) and `removingReplicas` (current minus target); the adding replicas start fetching;
 * 2. the leader's AlterPartition brings the adding replicas into the ISR as they catch up;
 * 3. the change that makes the ISR hold every replica that stays also completes the reassignment
 *    (PartitionChangeBuilder): removing replicas leave, a leader being removed hands over, and they delete
 *    their copies. A target that only reorders the current replicas completes at once.
 *
 * Cancelling reverts to the original replicas (the current ones without those being added) and an ISR without
 * the adding replicas; when no original replica is left in the ISR, reverting needs an unclean election and is
 * refused unless the topic allows one (INVALID_REPLICA_ASSIGNMENT), as Kafka does.
 *
 * Invariants: each partition of a request is judged on its own; records are only computed here, never applied.
 */
import {
  ErrorCode,
  type AlterPartitionReassignmentsRequest,
  type AlterPartitionReassignmentsResponse,
  type ListPartitionReassignmentsRequest,
  type ListPartitionReassignmentsResponse,
} from '@sluice/protocol';
import {
  isActiveBroker,
  topicByName,
  type MetadataImage,
  type TopicImage,
} from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import type { PartitionRegistration } from '../metadata/partition-registration.ts';
import { uncleanLeaderElectionEnabled } from './configuration-control-manager.ts';
import { ControllerError, type ControlContext, type ControllerResult } from './controller-result.ts';
import { PartitionChangeBuilder } from './partition-change-builder.ts';

export function isReassigning(partition: PartitionRegistration): boolean {
  return partition.addingReplicas.length > 0 || partition.removingReplicas.length > 0;
}

/** Kafka's validateManualPartitionAssignment for a reassignment target (broker ids checked in ascending order). */
function checkTarget(image: MetadataImage, replicas: readonly number[]): void {
  if (replicas.length === 0) {
    throw new ControllerError(
      ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      'The manual partition assignment includes an empty replica list.',
    );
  }
  const sorted = [...replicas].sort((a, b) => a - b);
  sorted.forEach((id, i) => {
    if (!image.brokers.has(id)) {
      throw new ControllerError(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes broker ${id}, but no such broker is registered.`,
      );
    }
    if (i > 0 && sorted[i - 1] === id) {
      throw new ControllerError(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `The manual partition assignment includes the broker ${id} more than once.`,
      );
    }
  });
}

function changeReassignment(
  ctx: ControlContext,
  topic: TopicImage,
  partitionId: number,
  partition: PartitionRegistration,
  target: readonly number[],
): MetadataRecord | null {
  checkTarget(ctx.image, target);
  const current = partition.replicas;
  const removing = current.filter((r) => !target.includes(r)).sort((a, b) => a - b);
  const adding = target.filter((r) => !current.includes(r)).sort((a, b) => a - b);
  const builder = new PartitionChangeBuilder(partition, topic.id, partitionId, (r) =>
    isActiveBroker(ctx.image, r),
  )
    .setTargetReplicas([...target, ...removing])
    .setTargetRemoving(removing)
    .setTargetAdding(adding);
  const change = builder.build();
  return change && { type: 'PartitionChangeRecord', data: change };
}

function cancelReassignment(
  ctx: ControlContext,
  topic: TopicImage,
  partitionId: number,
  partition: PartitionRegistration,
): MetadataRecord | null {
  if (!isReassigning(partition)) {
    throw new ControllerError(
      ErrorCode.NO_REASSIGNMENT_IN_PROGRESS,
      'No partition reassignment is in progress.',
    );
  }
  const replicas = partition.replicas.filter((r) => !partition.addingReplicas.includes(r));
  let isr = partition.isr.filter((r) => !partition.addingReplicas.includes(r));
  const unclean = uncleanLeaderElectionEnabled(ctx.image, ctx.config, topic.name);
  if (isr.length === 0) {
    if (!unclean) {
      throw new ControllerError(
        ErrorCode.INVALID_REPLICA_ASSIGNMENT,
        `Unable to revert partition assignment for ${topic.name}:${partitionId} because it would require an unclean leader election.`,
      );
    }
    isr = [replicas[0]!];
  }
  const builder = new PartitionChangeBuilder(partition, topic.id, partitionId, (r) =>
    isActiveBroker(ctx.image, r),
  )
    .setTargetIsr(isr)
    .setTargetReplicas(replicas)
    .setTargetRemoving([])
    .setTargetAdding([]);
  if (unclean) builder.setElection('unclean');
  const change = builder.build();
  return change && { type: 'PartitionChangeRecord', data: change };
}

export function alterPartitionReassignments(
  ctx: ControlContext,
  request: AlterPartitionReassignmentsRequest,
): ControllerResult<AlterPartitionReassignmentsResponse> {
  const records: MetadataRecord[] = [];
  const responses = request.topics.map((requested) => ({
    name: requested.name,
    partitions: requested.partitions.map(({ partitionIndex, replicas }) => {
      try {
        const topic = topicByName(ctx.image, requested.name);
        if (!topic) {
          throw new ControllerError(
            ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            `Unable to find a topic named ${requested.name}.`,
          );
        }
        const partition = topic.partitions.get(partitionIndex);
        if (!partition) {
          throw new ControllerError(
            ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            `Unable to find partition ${requested.name}:${partitionIndex}.`,
          );
        }
        const record =
          replicas === null
            ? cancelReassignment(ctx, topic, partitionIndex, partition)
            : changeReassignment(ctx, topic, partitionIndex, partition, replicas);
        if (record) records.push(record);
        return { partitionIndex, errorCode: ErrorCode.NONE, errorMessage: null };
      } catch (error) {
        if (!(error instanceof ControllerError)) throw error;
        return { partitionIndex, errorCode: error.errorCode, errorMessage: error.message };
      }
    }),
  }));
  return {
    records,
    response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, responses },
  };
}

export function listPartitionReassignments(
  image: MetadataImage,
  request: ListPartitionReassignmentsRequest,
): ListPartitionReassignmentsResponse {
  const wanted: { topic: TopicImage; partitionIds: number[] }[] =
    request.topics === null
      ? [...image.topicsById.values()].map((topic) => ({ topic, partitionIds: [...topic.partitions.keys()] }))
      : request.topics.flatMap((t) => {
          const topic = topicByName(image, t.name);
          return topic ? [{ topic, partitionIds: t.partitionIndexes }] : [];
        });
  const topics = wanted
    .map(({ topic, partitionIds }) => ({
      name: topic.name,
      partitions: partitionIds.flatMap((partitionIndex) => {
        const partition = topic.partitions.get(partitionIndex);
        if (!partition || !isReassigning(partition)) return [];
        return [
          {
            partitionIndex,
            replicas: [...partition.replicas],
            addingReplicas: [...partition.addingReplicas],
            removingReplicas: [...partition.removingReplicas],
          },
        ];
      }),
    }))
    .filter((t) => t.partitions.length > 0);
  return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, topics };
}
