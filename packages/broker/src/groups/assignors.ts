/**
 * Server-side partition assignors of the consumer protocol (KIP-848), named as Kafka names them: "uniform"
 * (the default) and "range". Both are pure functions of the members' subscriptions, the topics' partition
 * counts and, for "uniform", the previous target assignment.
 *
 * Invariants of every result: each partition of a subscribed topic is assigned to exactly one member
 * subscribed to that topic; members subscribed to nothing get nothing.
 */

/** topic name -> partition indexes */
export type Assignment = Map<string, Set<number>>;

export interface AssignorMember {
  memberId: string;
  subscribedTopics: readonly string[];
}

export interface AssignorInput {
  members: readonly AssignorMember[];
  /** Partition counts of the subscribed topics that exist. */
  partitionCounts: ReadonlyMap<string, number>;
  /** The previous target assignment, which "uniform" keeps as much of as balance allows. */
  previous: ReadonlyMap<string, Assignment>;
}

export type Assignor = (input: AssignorInput) => Map<string, Assignment>;

export const DEFAULT_ASSIGNOR = 'uniform';

function emptyAssignments(members: readonly AssignorMember[]): Map<string, Assignment> {
  return new Map(members.map((m) => [m.memberId, new Map()]));
}

function add(assignment: Assignment, topic: string, partition: number): void {
  let partitions = assignment.get(topic);
  if (!partitions) assignment.set(topic, (partitions = new Set()));
  partitions.add(partition);
}

export function assignedPartitionCount(assignment: Assignment): number {
  let total = 0;
  for (const partitions of assignment.values()) total += partitions.size;
  return total;
}

/**
 * Range: for each topic, its subscribers sorted by member id take contiguous ranges of partitions, the first
 * (partitions % subscribers) one partition more, so members subscribed to co-partitioned topics get the same
 * partition numbers of each.
 */
export const rangeAssignor: Assignor = ({ members, partitionCounts }) => {
  const result = emptyAssignments(members);
  for (const [topic, partitions] of partitionCounts) {
    const subscribers = members
      .filter((m) => m.subscribedTopics.includes(topic))
      .map((m) => m.memberId)
      .sort();
    if (subscribers.length === 0) continue;
    const base = Math.floor(partitions / subscribers.length);
    const extra = partitions % subscribers.length;
    let next = 0;
    subscribers.forEach((memberId, i) => {
      const take = base + (i < extra ? 1 : 0);
      for (let p = next; p < next + take; p++) add(result.get(memberId)!, topic, p);
      next += take;
    });
  }
  return result;
};

/**
 * Uniform: balanced and sticky. Partitions stay with their previous owner while it is still subscribed;
 * the rest go to the least-loaded eligible member; then partitions move from the most to the least loaded
 * eligible members until no move can narrow the spread (with identical subscriptions, counts differ by at
 * most one).
 */
export const uniformAssignor: Assignor = ({ members, partitionCounts, previous }) => {
  const result = emptyAssignments(members);
  const subscribed = new Map(members.map((m) => [m.memberId, new Set(m.subscribedTopics)]));
  const load = new Map(members.map((m) => [m.memberId, 0]));
  const owner = new Map<string, string>();
  const key = (topic: string, partition: number) => `${topic}\u0000${partition}`;
  const give = (memberId: string, topic: string, partition: number) => {
    owner.set(key(topic, partition), memberId);
    load.set(memberId, load.get(memberId)! + 1);
  };

  const topics = [...partitionCounts.keys()].sort();
  // Stickiness first, but never more than a fair share for this member.
  const totalPartitions = topics
    .filter((t) => members.some((m) => subscribed.get(m.memberId)!.has(t)))
    .reduce((sum, t) => sum + partitionCounts.get(t)!, 0);
  const fairShare = Math.ceil(totalPartitions / Math.max(1, members.length));
  for (const [memberId, assignment] of previous) {
    if (!subscribed.has(memberId)) continue;
    for (const [topic, partitions] of assignment) {
      const partitionCount = partitionCounts.get(topic) ?? 0;
      if (!subscribed.get(memberId)!.has(topic)) continue;
      for (const p of [...partitions].sort((a, b) => a - b)) {
        if (p < partitionCount && !owner.has(key(topic, p)) && load.get(memberId)! < fairShare)
          give(memberId, topic, p);
      }
    }
  }
  // Then every unowned partition to its least-loaded subscriber (ties to the smaller member id).
  for (const topic of topics) {
    const eligible = members.filter((m) => subscribed.get(m.memberId)!.has(topic)).map((m) => m.memberId);
    if (eligible.length === 0) continue;
    for (let p = 0; p < partitionCounts.get(topic)!; p++) {
      if (owner.has(key(topic, p))) continue;
      const target = eligible.reduce((best, id) =>
        load.get(id)! < load.get(best)! || (load.get(id)! === load.get(best)! && id < best) ? id : best,
      );
      give(target, topic, p);
    }
  }
  // Finally, narrow the spread: move a partition from a member to an eligible one with at least two fewer.
  for (let moved = true; moved;) {
    moved = false;
    for (const [k, from] of owner) {
      const topic = k.slice(0, k.indexOf('\u0000'));
      const candidates = members.filter(
        (m) => subscribed.get(m.memberId)!.has(topic) && load.get(m.memberId)! + 1 < load.get(from)!,
      );
      if (candidates.length === 0) continue;
      const to = candidates.reduce((best, m) =>
        load.get(m.memberId)! < load.get(best.memberId)! ? m : best,
      );
      owner.set(k, to.memberId);
      load.set(from, load.get(from)! - 1);
      load.set(to.memberId, load.get(to.memberId)! + 1);
      moved = true;
    }
  }
  for (const [k, memberId] of owner) {
    const at = k.indexOf('\u0000');
    add(result.get(memberId)!, k.slice(0, at), Number(k.slice(at + 1)));
  }
  return result;
};

export const assignors: ReadonlyMap<string, Assignor> = new Map([
  ['uniform', uniformAssignor],
  ['range', rangeAssignor],
]);
