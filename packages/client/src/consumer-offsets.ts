/**
 * A group member's offsets (the offset side of Kafka's ConsumerCoordinator): OffsetCommit with the member's
 * generation, and OffsetFetch of committed offsets. A moving or loading coordinator is retried until the timeout
 * (default.api.timeout.ms); a commit the group refuses because it rebalanced fails with CommitFailedError.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { KafkaError, throwIfError, type ClusterClient } from './cluster-client.ts';
import { byTopic, partitionKey, type TopicPartition } from './consumer-protocol.ts';
import type { GroupMember } from './group-member.ts';

/**
 * Kafka's CommitFailedException (and RebalanceInProgressException): the commit was refused because the group
 * rebalanced or is rebalancing; the partitions may be someone else's now. Nothing was committed.
 */
export class CommitFailedError extends KafkaError {}

export interface GroupOffsetsOptions {
  groupId: string;
  groupInstanceId: string | null;
  retryBackoffMs: number;
  /** How long a moving or loading coordinator is retried. */
  timeoutMs: number;
}

const COORDINATOR_RETRIABLE = new Set<number>([
  ErrorCode.NOT_COORDINATOR,
  ErrorCode.COORDINATOR_NOT_AVAILABLE,
  ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.REQUEST_TIMED_OUT,
]);

const COMMIT_FAILED = new Set<number>([
  ErrorCode.REBALANCE_IN_PROGRESS,
  ErrorCode.UNKNOWN_MEMBER_ID,
  ErrorCode.ILLEGAL_GENERATION,
  ErrorCode.FENCED_INSTANCE_ID,
]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Commits offsets as `member`, in its current generation; refused while it is joining. */
export async function commitGroupOffsets(
  client: ClusterClient,
  member: GroupMember,
  options: GroupOffsetsOptions,
  entries: readonly (TopicPartition & { offset: bigint })[],
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (member.rebalancing)
      throw new CommitFailedError(
        ErrorCode.REBALANCE_IN_PROGRESS,
        `commit of group ${options.groupId} refused: the member is not in a completed generation`,
      );
    const generation = member.currentGeneration;
    let retry: Error;
    try {
      const response = await (
        await client.coordinator(options.groupId)
      ).request(ApiKey.OffsetCommit, {
        groupId: options.groupId,
        generationIdOrMemberEpoch: generation.generationId,
        memberId: generation.memberId,
        groupInstanceId: options.groupInstanceId,
        retentionTimeMs: -1n,
        topics: [...byTopicOffsets(entries)].map(([name, partitions]) => ({
          name,
          partitions: partitions.map((p) => ({
            partitionIndex: p.partition,
            committedOffset: p.offset,
            committedLeaderEpoch: -1,
            commitTimestamp: -1n,
            committedMetadata: '',
          })),
        })),
      });
      const failed = response.topics
        .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })))
        .find((p) => p.errorCode !== ErrorCode.NONE);
      if (!failed) return;
      const what = `OffsetCommit of group ${options.groupId} (${failed.topic}-${failed.partitionIndex})`;
      if (COMMIT_FAILED.has(failed.errorCode)) {
        if (failed.errorCode !== ErrorCode.REBALANCE_IN_PROGRESS)
          member.requestRejoin('a commit found the generation stale');
        throw new CommitFailedError(failed.errorCode, what);
      }
      if (!COORDINATOR_RETRIABLE.has(failed.errorCode)) throw new KafkaError(failed.errorCode, what);
      retry = new KafkaError(failed.errorCode, what);
    } catch (error) {
      if (error instanceof KafkaError && !COORDINATOR_RETRIABLE.has(error.errorCode)) throw error;
      retry = error as Error;
    }
    if (Date.now() + options.retryBackoffMs > deadline) throw retry;
    await sleep(options.retryBackoffMs);
  }
}

/** The group's committed offsets for these partitions, "topic\u0000partition" -> offset; absent: none. */
export async function fetchGroupOffsets(
  client: ClusterClient,
  tps: readonly TopicPartition[],
  options: GroupOffsetsOptions,
): Promise<Map<string, bigint>> {
  const topics = [...byTopic(tps)].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    let retry: Error;
    try {
      const response = await (
        await client.coordinator(options.groupId)
      ).request(ApiKey.OffsetFetch, {
        groupId: options.groupId,
        topics,
        groups: [{ groupId: options.groupId, memberId: null, memberEpoch: -1, topics }],
        requireStable: false,
      });
      // v8+ answers per group; older versions at the top level.
      const group = response.groups[0] ?? { errorCode: response.errorCode, topics: response.topics };
      throwIfError(group.errorCode, `OffsetFetch of group ${options.groupId}`);
      const committed = new Map<string, bigint>();
      for (const topic of group.topics)
        for (const p of topic.partitions) {
          throwIfError(
            p.errorCode,
            `OffsetFetch of group ${options.groupId} ${topic.name}-${p.partitionIndex}`,
          );
          if (p.committedOffset >= 0n)
            committed.set(partitionKey(topic.name, p.partitionIndex), p.committedOffset);
        }
      return committed;
    } catch (error) {
      if (error instanceof KafkaError && !COORDINATOR_RETRIABLE.has(error.errorCode)) throw error;
      retry = error as Error;
    }
    if (Date.now() + options.retryBackoffMs > deadline) throw retry;
    await sleep(options.retryBackoffMs);
  }
}

function byTopicOffsets(
  entries: readonly (TopicPartition & { offset: bigint })[],
): Map<string, { partition: number; offset: bigint }[]> {
  const grouped = new Map<string, { partition: number; offset: bigint }[]>();
  for (const e of entries) grouped.set(e.topic, [...(grouped.get(e.topic) ?? []), e]);
  return grouped;
}
