/**
 * The classic consumer protocol's payloads (protocol type "consumer"): a member's subscription in JoinGroup and
 * its assignment in SyncGroup, each a version int16 followed by ConsumerProtocolSubscription/Assignment, and
 * Kafka's RangeAssignor ("range").
 */
import {
  Reader,
  Writer,
  decodeConsumerProtocolAssignment,
  decodeConsumerProtocolSubscription,
  encodeConsumerProtocolAssignment,
  encodeConsumerProtocolSubscription,
  type ConsumerProtocolSubscription,
} from '@sluice/protocol';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export const CONSUMER_PROTOCOL_TYPE = 'consumer';
export const RANGE_ASSIGNOR = 'range';
/** The versions we write: v3 subscriptions carry the rack id; readers of older versions ignore the tail. */
const SUBSCRIPTION_VERSION = 3;
const ASSIGNMENT_VERSION = 3;

/** "topic\u0000partition": the key for per-partition maps. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

export function parsePartitionKey(key: string): TopicPartition {
  const at = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}

/** Groups partitions by topic, partitions in ascending order, topics by name. */
export function byTopic(partitions: Iterable<TopicPartition>): Map<string, number[]> {
  const grouped = new Map<string, number[]>();
  for (const { topic, partition } of partitions)
    grouped.set(topic, [...(grouped.get(topic) ?? []), partition]);
  for (const list of grouped.values()) list.sort((a, b) => a - b);
  return new Map([...grouped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function encodeSubscription(
  subscription: Pick<ConsumerProtocolSubscription, 'topics'> & Partial<ConsumerProtocolSubscription>,
): Buffer {
  const writer = new Writer(64);
  writer.int16(SUBSCRIPTION_VERSION);
  encodeConsumerProtocolSubscription(
    writer,
    {
      topics: [...subscription.topics].sort(),
      userData: subscription.userData ?? null,
      ownedPartitions: subscription.ownedPartitions ?? [],
      generationId: subscription.generationId ?? -1,
      rackId: subscription.rackId ?? null,
    },
    SUBSCRIPTION_VERSION,
  );
  return writer.finish();
}

/** Reads any version; a version newer than ours is read as ours (newer versions only add fields at the end). */
export function decodeSubscription(metadata: Buffer): ConsumerProtocolSubscription {
  const reader = new Reader(metadata);
  const version = reader.int16();
  return decodeConsumerProtocolSubscription(reader, Math.min(version, SUBSCRIPTION_VERSION));
}

export function encodeAssignment(
  partitions: Iterable<TopicPartition>,
  userData: Buffer | null = null,
): Buffer {
  const writer = new Writer(64);
  writer.int16(ASSIGNMENT_VERSION);
  encodeConsumerProtocolAssignment(
    writer,
    {
      assignedPartitions: [...byTopic(partitions)].map(([topic, ps]) => ({ topic, partitions: ps })),
      userData,
    },
    ASSIGNMENT_VERSION,
  );
  return writer.finish();
}

/** An empty buffer (a member the leader gave nothing, as some clients send it) is no partitions. */
export function decodeAssignment(assignment: Buffer): TopicPartition[] {
  if (assignment.length === 0) return [];
  const reader = new Reader(assignment);
  const version = reader.int16();
  const decoded = decodeConsumerProtocolAssignment(reader, Math.min(version, ASSIGNMENT_VERSION));
  return decoded.assignedPartitions.flatMap((t) =>
    t.partitions.map((partition) => ({ topic: t.topic, partition })),
  );
}

export interface RangeMember {
  memberId: string;
  groupInstanceId: string | null;
  topics: readonly string[];
}

/**
 * Kafka's RangeAssignor: per topic, its subscribers in order (static members by instance id first, as Kafka's
 * MemberInfo orders them, then by member id) each take a consecutive range; the first (partitions % members)
 * take one more. Topics missing from `partitionCounts` (deleted, not yet created) are skipped.
 */
export function rangeAssign(
  partitionCounts: ReadonlyMap<string, number>,
  members: readonly RangeMember[],
): Map<string, TopicPartition[]> {
  const assignment = new Map<string, TopicPartition[]>(members.map((m) => [m.memberId, []]));
  const subscribers = new Map<string, RangeMember[]>();
  for (const member of members)
    for (const topic of member.topics) subscribers.set(topic, [...(subscribers.get(topic) ?? []), member]);
  for (const [topic, topicMembers] of subscribers) {
    const count = partitionCounts.get(topic);
    if (count === undefined) continue;
    const ordered = [...topicMembers].sort(compareMembers);
    const perMember = Math.floor(count / ordered.length);
    const extra = count % ordered.length;
    ordered.forEach((member, i) => {
      const start = perMember * i + Math.min(i, extra);
      const length = perMember + (i < extra ? 1 : 0);
      for (let partition = start; partition < start + length; partition++)
        assignment.get(member.memberId)!.push({ topic, partition });
    });
  }
  return assignment;
}

function compareMembers(a: RangeMember, b: RangeMember): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null)
    return a.groupInstanceId < b.groupInstanceId ? -1 : a.groupInstanceId > b.groupInstanceId ? 1 : 0;
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}
