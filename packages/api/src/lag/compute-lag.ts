/**
 * A consumer group's lag, per partition, as kafka-consumer-groups.sh --describe computes it: the high watermark
 * (the log end offset a consumer can reach) minus the committed offset. Partitions of subscribed topics the
 * group has not committed yet count from the log start offset, where a new consumer with
 * auto.offset.reset=earliest begins. Lag in seconds is how old the next unconsumed record is.
 */
import type {
  ClusterSource,
  GroupDescription,
  PartitionOffsets,
  TopicPartition,
} from '../cluster-source/cluster-source.ts';

export interface PartitionOwner {
  memberId: string;
  clientId: string;
  host: string;
}

export interface PartitionLag extends TopicPartition {
  /** Null when the group has not committed this partition. */
  committedOffset: number | null;
  commitTimestamp: number | null;
  logStartOffset: number;
  /** The high watermark. */
  logEndOffset: number;
  lag: number;
  /** now − timestamp of the next unconsumed record; 0 without lag; null when that record could not be read. */
  lagSeconds: number | null;
  owner: PartitionOwner | null;
}

export interface GroupLag {
  /** When the offsets were read; lag seconds are measured at this instant. */
  at: number;
  group: GroupDescription;
  partitions: PartitionLag[];
  totalLag: number;
  /** The largest lag in seconds over the partitions, null when the group has none. */
  maxLagSeconds: number | null;
}

export const partitionKey = ({ topic, partition }: TopicPartition): string => `${topic}\u0000${partition}`;

/** Where the group's consumer of this partition reads next. */
export function consumerPosition(
  committedOffset: number | null,
  offsets: Pick<PartitionOffsets, 'logStartOffset'>,
): number {
  return committedOffset ?? offsets.logStartOffset;
}

export async function computeGroupLag(
  source: ClusterSource,
  groupId: string,
  now = Date.now(),
): Promise<GroupLag> {
  const [group, committed] = await Promise.all([
    source.describeGroup(groupId),
    source.committedOffsets(groupId),
  ]);
  const commits = new Map(committed.map((c) => [partitionKey(c), c]));
  const owners = new Map<string, PartitionOwner>();
  const subscribed = new Set<string>();
  for (const member of group.members) {
    for (const topic of member.subscribedTopics) subscribed.add(topic);
    for (const assigned of member.assignment) {
      subscribed.add(assigned.topic);
      owners.set(partitionKey(assigned), {
        memberId: member.memberId,
        clientId: member.clientId,
        host: member.host,
      });
    }
  }
  // Commits of deleted topics have no offsets to compare with, and are left out, as Kafka's tool does.
  const offsets = (await source.partitionOffsets([...subscribed, ...committed.map((c) => c.topic)])).filter(
    (o) => subscribed.has(o.topic) || commits.has(partitionKey(o)),
  );

  const partitions = await Promise.all(
    offsets.map(async (o): Promise<PartitionLag> => {
      const commit = commits.get(partitionKey(o));
      const position = consumerPosition(commit?.offset ?? null, o);
      // An offset committed past the high watermark (by an admin tool, or before the log was recreated) is
      // zero lag: nothing is waiting for the group there.
      const lag = Math.max(0, o.highWatermark - position);
      let lagSeconds: number | null = 0;
      if (lag > 0) {
        const timestamp = await source.recordTimestamp(o, position);
        // Producers' create times may run ahead of this clock; such a record is not older than now. A record
        // without a timestamp (-1: message format v0, or a producer that left it unset) tells no time lag.
        lagSeconds = timestamp === null || timestamp < 0 ? null : Math.max(0, now - timestamp) / 1000;
      }
      return {
        topic: o.topic,
        partition: o.partition,
        committedOffset: commit?.offset ?? null,
        commitTimestamp: commit?.commitTimestamp ?? null,
        logStartOffset: o.logStartOffset,
        logEndOffset: o.highWatermark,
        lag,
        lagSeconds,
        owner: owners.get(partitionKey(o)) ?? null,
      };
    }),
  );
  partitions.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const seconds = partitions.flatMap((p) => (p.lagSeconds === null ? [] : [p.lagSeconds]));
  return {
    at: now,
    group,
    partitions,
    totalLag: partitions.reduce((sum, p) => sum + p.lag, 0),
    maxLagSeconds: seconds.length > 0 ? Math.max(...seconds) : null,
  };
}
