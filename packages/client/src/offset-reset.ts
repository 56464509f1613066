/**
 * Offset resets for a consumer group, with kafka-consumer-groups.sh's rules: only an inactive group (Empty, or
 * Dead: unknown to the coordinator) may be reset; targets outside [log start offset, log end offset] are moved
 * to the nearer end; --to-datetime past the last record goes to the log end offset. A plan is computed first
 * (the dry run shows it), then committed as one OffsetCommit from outside the group protocol.
 */
import type { OffsetResetInput } from '@sluice/validators';
import { KafkaError, type ClusterClient } from './cluster-client.ts';

export interface OffsetResetPlanRow {
  topic: string;
  partition: number;
  /** The committed offset before the reset; null when the group has none for the partition. */
  currentOffset: bigint | null;
  newOffset: bigint;
  logStartOffset: bigint;
  logEndOffset: bigint;
}

export interface OffsetResetPlan {
  groupId: string;
  groupState: string;
  rows: OffsetResetPlanRow[];
}

/** A reset that cannot be planned: the group is live, or a partition has no committed offset to move. */
export class OffsetResetError extends Error {
  override readonly name = 'OffsetResetError';
}

const EARLIEST = -2n;
const LATEST = -1n;

function clamp(offset: bigint, low: bigint, high: bigint): bigint {
  return offset < low ? low : offset > high ? high : offset;
}

export async function planOffsetReset(
  client: ClusterClient,
  input: OffsetResetInput,
  now = Date.now(),
): Promise<OffsetResetPlan> {
  const described = await client.describeGroup(input.groupId);
  if (described.groupState !== 'Empty' && described.groupState !== 'Dead') {
    throw new OffsetResetError(
      `Assignments can only be reset if the group '${input.groupId}' is inactive, but the current state is ${described.groupState}.`,
    );
  }
  const committed = new Map(
    (await client.fetchOffsets(input.groupId)).map((o) => [`${o.topic}:${o.partition}`, o.offset]),
  );

  let wanted: { topic: string; partitions: number[] | undefined }[];
  if (input.scope === 'all-topics') {
    const byTopic = new Map<string, number[]>();
    for (const key of committed.keys()) {
      const at = key.lastIndexOf(':');
      byTopic.set(key.slice(0, at), [...(byTopic.get(key.slice(0, at)) ?? []), Number(key.slice(at + 1))]);
    }
    wanted = [...byTopic].map(([topic, partitions]) => ({ topic, partitions }));
  } else {
    wanted = input.scope.map((s) => ({ topic: s.topic, partitions: s.partitions }));
  }

  const rows: OffsetResetPlanRow[] = [];
  for (const { topic: name, partitions } of wanted) {
    const topic = await client.topic(name);
    const existing = topic.partitions.map((p) => p.partitionIndex).sort((a, b) => a - b);
    for (const partition of partitions ?? existing) {
      if (!existing.includes(partition))
        throw new KafkaError(3, `topic ${name} has no partition ${partition}`);
      const logStartOffset = await client.listOffset(topic, partition, EARLIEST);
      const logEndOffset = await client.listOffset(topic, partition, LATEST);
      const currentOffset = committed.get(`${name}:${partition}`) ?? null;
      const target = input.target;
      let newOffset: bigint;
      switch (target.to) {
        case 'earliest':
          newOffset = logStartOffset;
          break;
        case 'latest':
          newOffset = logEndOffset;
          break;
        case 'current':
        case 'shift-by': {
          if (currentOffset === null)
            throw new OffsetResetError(
              `group ${input.groupId} has no committed offset for ${name}-${partition} to ${target.to === 'current' ? 'keep' : 'shift from'}`,
            );
          newOffset = clamp(
            currentOffset + (target.to === 'shift-by' ? target.shift : 0n),
            logStartOffset,
            logEndOffset,
          );
          break;
        }
        case 'offset':
          newOffset = clamp(target.offset, logStartOffset, logEndOffset);
          break;
        case 'datetime':
        case 'duration': {
          const timestamp = target.to === 'datetime' ? target.timestamp : now - target.durationMs;
          const found = await client.listOffset(topic, partition, BigInt(timestamp));
          newOffset = found < 0n ? logEndOffset : found;
          break;
        }
      }
      rows.push({ topic: name, partition, currentOffset, newOffset, logStartOffset, logEndOffset });
    }
  }
  return { groupId: input.groupId, groupState: described.groupState, rows };
}

/** Commits a plan. The coordinator refuses it (UNKNOWN_MEMBER_ID) if members joined since it was made. */
export async function executeOffsetReset(client: ClusterClient, plan: OffsetResetPlan): Promise<void> {
  if (plan.rows.length === 0) return;
  await client.commitOffsets(
    plan.groupId,
    plan.rows.map((r) => ({ topic: r.topic, partition: r.partition, offset: r.newOffset })),
  );
}
