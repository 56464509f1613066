/**
 * Leaders and ISRs as the controller changes them (the leadership half of Kafka's ReplicationControlManager):
 * AlterPartition from partition leaders (KIP-497), ElectLeaders (preferred and unclean), and the leader/ISR
 * updates that follow a broker being fenced, entering controlled shutdown, registering again, or unfencing.
 *
 * Invariants: every change goes through PartitionChangeBuilder, so the election rules and epoch bumps are the
 * same whatever caused them; AlterPartition is checked in Kafka's order (leader epoch newer than ours is
 * NOT_CONTROLLER, older is FENCED_LEADER_EPOCH, a non-leader sender is INVALID_REQUEST, a stale partition epoch
 * is INVALID_UPDATE_VERSION, an ISR outside the replicas or without the leader is INVALID_REQUEST, a fenced,
 * shutting down, unregistered or re-registered replica is INELIGIBLE_REPLICA (OPERATION_NOT_ATTEMPTED before
 * v2)); a partition is made leaderless rather than given a leader outside its ISR unless the topic allows
 * unclean election.
 */
import {
  ErrorCode,
  type AlterPartitionRequest,
  type AlterPartitionResponse,
  type ElectLeadersRequest,
  type ElectLeadersResponse,
} from '@sluice/protocol';
import {
  isActiveBroker,
  topicByName,
  type MetadataImage,
  type TopicImage,
} from '../metadata/metadata-image.ts';
import { mergePartitionChange } from '../metadata/metadata-delta.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import { NO_LEADER, type PartitionRegistration } from '../metadata/partition-registration.ts';
import { uncleanLeaderElectionEnabled } from './configuration-control-manager.ts';
import type { ControlContext, ControllerResult } from './controller-result.ts';
import { ControllerError } from './controller-result.ts';
import { PartitionChangeBuilder } from './partition-change-builder.ts';

export interface PartitionRef {
  topic: TopicImage;
  partitionId: number;
  partition: PartitionRegistration;
}

export function partitionsWhere(
  image: MetadataImage,
  test: (partition: PartitionRegistration) => boolean,
): PartitionRef[] {
  const refs: PartitionRef[] = [];
  for (const topic of image.topicsById.values()) {
    for (const [partitionId, partition] of topic.partitions) {
      if (test(partition)) refs.push({ topic, partitionId, partition });
    }
  }
  return refs;
}

/** Kafka's checkBrokerEpoch: an unknown broker or another epoch is STALE_BROKER_EPOCH. */
export function checkBrokerEpoch(image: MetadataImage, brokerId: number, brokerEpoch: bigint): void {
  const broker = image.brokers.get(brokerId);
  if (!broker) {
    throw new ControllerError(
      ErrorCode.STALE_BROKER_EPOCH,
      `No broker registration found for broker ${brokerId}`,
    );
  }
  if (BigInt(broker.epoch) !== brokerEpoch) {
    throw new ControllerError(
      ErrorCode.STALE_BROKER_EPOCH,
      `Expected broker epoch ${broker.epoch}, but got broker epoch ${brokerEpoch}`,
    );
  }
}

/**
 * Kafka's generateLeaderAndIsrUpdates: for each partition, removes `brokerToRemove` from the ISR (never
 * emptying it) and elects a leader among active brokers, where `brokerToAdd` counts as active even before its
 * unfencing is replayed.
 */
export function leaderAndIsrUpdates(
  ctx: ControlContext,
  brokerToRemove: number,
  brokerToAdd: number,
  partitions: readonly PartitionRef[],
): MetadataRecord[] {
  const records: MetadataRecord[] = [];
  const acceptable = (r: number): boolean =>
    r !== brokerToRemove && (r === brokerToAdd || isActiveBroker(ctx.image, r));
  for (const { topic, partitionId, partition } of partitions) {
    const builder = new PartitionChangeBuilder(partition, topic.id, partitionId, acceptable);
    if (uncleanLeaderElectionEnabled(ctx.image, ctx.config, topic.name)) builder.setElection('unclean');
    if (brokerToRemove !== NO_LEADER) builder.setTargetIsr(partition.isr.filter((r) => r !== brokerToRemove));
    const change = builder.build();
    if (change) records.push({ type: 'PartitionChangeRecord', data: change });
  }
  return records;
}

export function alterPartition(
  ctx: ControlContext,
  request: AlterPartitionRequest,
  apiVersion: number,
): ControllerResult<AlterPartitionResponse> {
  checkBrokerEpoch(ctx.image, request.brokerId, request.brokerEpoch);
  const records: MetadataRecord[] = [];
  const response: AlterPartitionResponse = { throttleTimeMs: 0, errorCode: ErrorCode.NONE, topics: [] };
  const failed = (partitionIndex: number, errorCode: number) => ({
    partitionIndex,
    errorCode,
    leaderId: -1,
    leaderEpoch: -1,
    isr: [],
    leaderRecoveryState: 0,
    partitionEpoch: -1,
  });
  for (const topicData of request.topics) {
    const topic =
      apiVersion > 1
        ? ctx.image.topicsById.get(topicData.topicId)
        : topicByName(ctx.image, topicData.topicName);
    const topicResult = {
      topicName: topicData.topicName,
      topicId: topicData.topicId,
      partitions: [] as AlterPartitionResponse['topics'][number]['partitions'],
    };
    response.topics.push(topicResult);
    if (!topic) {
      const error = apiVersion > 1 ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
      for (const p of topicData.partitions) topicResult.partitions.push(failed(p.partitionIndex, error));
      continue;
    }
    for (const data of topicData.partitions) {
      const newIsr =
        apiVersion >= 3
          ? data.newIsrWithEpochs.map((s) => ({ brokerId: s.brokerId, brokerEpoch: s.brokerEpoch }))
          : data.newIsr.map((brokerId) => ({ brokerId, brokerEpoch: -1n }));
      let partition = topic.partitions.get(data.partitionIndex);
      const error = validateAlterPartition(ctx.image, request.brokerId, partition, data, newIsr, apiVersion);
      if (error !== ErrorCode.NONE || !partition) {
        topicResult.partitions.push(failed(data.partitionIndex, error));
        continue;
      }
      const builder = new PartitionChangeBuilder(partition, topic.id, data.partitionIndex, (r) =>
        isActiveBroker(ctx.image, r),
      )
        .setTargetIsr(newIsr.map((s) => s.brokerId))
        .setTargetLeaderRecoveryState(data.leaderRecoveryState === 1 ? 1 : 0);
      if (uncleanLeaderElectionEnabled(ctx.image, ctx.config, topic.name)) builder.setElection('unclean');
      const change = builder.build();
      if (change) {
        records.push({ type: 'PartitionChangeRecord', data: change });
        partition = mergePartitionChange(partition, change);
        if (change.leader !== request.brokerId && change.leader !== -2) {
          topicResult.partitions.push(
            failed(
              data.partitionIndex,
              apiVersion > 1 ? ErrorCode.NEW_LEADER_ELECTED : ErrorCode.FENCED_LEADER_EPOCH,
            ),
          );
          continue;
        }
      }
      topicResult.partitions.push({
        partitionIndex: data.partitionIndex,
        errorCode: ErrorCode.NONE,
        leaderId: partition.leader,
        leaderEpoch: partition.leaderEpoch,
        isr: [...partition.isr],
        leaderRecoveryState: partition.leaderRecoveryState,
        partitionEpoch: partition.partitionEpoch,
      });
    }
  }
  return { records, response };
}

function validateAlterPartition(
  image: MetadataImage,
  brokerId: number,
  partition: PartitionRegistration | undefined,
  data: AlterPartitionRequest['topics'][number]['partitions'][number],
  newIsr: { brokerId: number; brokerEpoch: bigint }[],
  apiVersion: number,
): number {
  if (!partition) return ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
  // A leader ahead of us means this controller is behind the log: let the broker find the new controller.
  if (data.leaderEpoch > partition.leaderEpoch) return ErrorCode.NOT_CONTROLLER;
  if (data.partitionEpoch > partition.partitionEpoch) return ErrorCode.NOT_CONTROLLER;
  if (data.leaderEpoch < partition.leaderEpoch) return ErrorCode.FENCED_LEADER_EPOCH;
  if (brokerId !== partition.leader) return ErrorCode.INVALID_REQUEST;
  if (data.partitionEpoch < partition.partitionEpoch) return ErrorCode.INVALID_UPDATE_VERSION;
  const ids = newIsr.map((s) => s.brokerId);
  const distinct = new Set(ids).size === ids.length;
  if (ids.length === 0 || !distinct || !ids.every((id) => partition.replicas.includes(id))) {
    return ErrorCode.INVALID_REQUEST;
  }
  if (!ids.includes(partition.leader)) return ErrorCode.INVALID_REQUEST;
  if (data.leaderRecoveryState === 1 && ids.length > 1) return ErrorCode.INVALID_REQUEST;
  if (partition.leaderRecoveryState === 0 && data.leaderRecoveryState === 1) return ErrorCode.INVALID_REQUEST;
  const ineligible = newIsr.some(({ brokerId: id, brokerEpoch }) => {
    const broker = image.brokers.get(id);
    if (!broker || broker.inControlledShutdown || broker.fenced) return true;
    return brokerEpoch !== -1n && BigInt(broker.epoch) !== brokerEpoch;
  });
  if (ineligible) return apiVersion > 1 ? ErrorCode.INELIGIBLE_REPLICA : ErrorCode.OPERATION_NOT_ATTEMPTED;
  return ErrorCode.NONE;
}

export const ElectionType = { PREFERRED: 0, UNCLEAN: 1 } as const;

export function electLeaders(
  ctx: ControlContext,
  request: ElectLeadersRequest,
): ControllerResult<ElectLeadersResponse> {
  const records: MetadataRecord[] = [];
  const results = new Map<string, ElectLeadersResponse['replicaElectionResults'][number]>();
  const add = (topic: string, partitionId: number, errorCode: number, errorMessage: string | null) => {
    let result = results.get(topic);
    if (!result) {
      result = { topic, partitionResult: [] };
      results.set(topic, result);
    }
    result.partitionResult.push({ partitionId, errorCode, errorMessage });
  };
  if (request.electionType !== ElectionType.PREFERRED && request.electionType !== ElectionType.UNCLEAN) {
    throw new ControllerError(ErrorCode.INVALID_REQUEST, `Unknown election type ${request.electionType}`);
  }
  const electAll = request.topicPartitions === null;
  const requested: { topic: string; partitionId: number }[] = electAll
    ? [...ctx.image.topicsById.values()].flatMap((t) =>
        [...t.partitions.keys()].map((partitionId) => ({ topic: t.name, partitionId })),
      )
    : request.topicPartitions!.flatMap((t) =>
        t.partitions.map((partitionId) => ({ topic: t.topic, partitionId })),
      );
  for (const { topic: name, partitionId } of requested) {
    const topic = topicByName(ctx.image, name);
    const partition = topic?.partitions.get(partitionId);
    if (!topic || !partition) {
      add(name, partitionId, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'The topic or partition does not exist.');
      continue;
    }
    const preferred = request.electionType === ElectionType.PREFERRED;
    const builder = new PartitionChangeBuilder(partition, topic.id, partitionId, (r) =>
      isActiveBroker(ctx.image, r),
    ).setElection(preferred ? 'preferred' : 'unclean');
    const change = builder.build();
    const hasPreferredLeader = partition.leader === partition.replicas[0];
    if (preferred && hasPreferredLeader) {
      if (!electAll)
        add(
          name,
          partitionId,
          ErrorCode.ELECTION_NOT_NEEDED,
          'Leader election not needed for topic partition.',
        );
      continue;
    }
    if (!preferred && partition.leader !== NO_LEADER) {
      if (!electAll)
        add(
          name,
          partitionId,
          ErrorCode.ELECTION_NOT_NEEDED,
          'Leader election not needed for topic partition.',
        );
      continue;
    }
    if (!change || change.leader === -2 || (preferred && change.leader !== partition.replicas[0])) {
      if (preferred) {
        add(
          name,
          partitionId,
          ErrorCode.PREFERRED_LEADER_NOT_AVAILABLE,
          'Failed to elect leader for topic partition.',
        );
      } else {
        add(
          name,
          partitionId,
          ErrorCode.ELIGIBLE_LEADERS_NOT_AVAILABLE,
          'Failed to elect leader for topic partition.',
        );
      }
      continue;
    }
    records.push({ type: 'PartitionChangeRecord', data: change });
    add(name, partitionId, ErrorCode.NONE, null);
  }
  return {
    records,
    response: { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults: [...results.values()] },
  };
}

/**
 * Preferred leader elections for every partition whose preferred replica is active and in the ISR but does not
 * lead (Kafka's auto leader rebalance, `auto.leader.rebalance.enable`).
 */
export function rebalanceLeaders(ctx: ControlContext): MetadataRecord[] {
  const imbalanced = partitionsWhere(ctx.image, (p) => {
    const preferred = p.replicas[0];
    return (
      preferred !== undefined &&
      p.leader !== preferred &&
      p.isr.includes(preferred) &&
      isActiveBroker(ctx.image, preferred)
    );
  });
  const records: MetadataRecord[] = [];
  for (const { topic, partitionId, partition } of imbalanced) {
    const change = new PartitionChangeBuilder(partition, topic.id, partitionId, (r) =>
      isActiveBroker(ctx.image, r),
    )
      .setElection('preferred')
      .build();
    if (change) records.push({ type: 'PartitionChangeRecord', data: change });
  }
  return records;
}
