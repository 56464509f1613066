/**
 * A group of the consumer protocol (KIP-848): the coordinator assigns partitions itself, and members converge
 * on their part of the target assignment one heartbeat at a time.
 *
 * Epochs: the group epoch grows with every change of membership or subscriptions; the target assignment is
 * computed for one group epoch (the assignment epoch); a member's epoch is the assignment epoch it has
 * converged to.
 *
 * Invariants (Kafka's CurrentAssignmentBuilder):
 * - a partition is owned (assigned or pending revocation) by at most one member at a time: a partition moving
 *   between members is given to the new owner only after the old one has reported it revoked;
 * - a member with partitions to revoke keeps its epoch until it has revoked them, and gets nothing new meanwhile;
 * - a member whose new partitions are still held by others takes the target epoch and receives them as they
 *   are released (UNRELEASED_PARTITIONS).
 */
import type { Assignment } from './assignors.ts';

export type ConsumerGroupState = 'Empty' | 'Assigning' | 'Reconciling' | 'Stable' | 'Dead';

/** A member's reconciliation state; the numbers are those Kafka stores in CurrentMemberAssignment records. */
export const MemberState = {
  STABLE: 0,
  UNREVOKED_PARTITIONS: 1,
  UNRELEASED_PARTITIONS: 2,
} as const;
export type MemberState = (typeof MemberState)[keyof typeof MemberState];

export interface ConsumerGroupMember {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  serverAssignor: string | null;
  rebalanceTimeoutMs: number;
  memberEpoch: number;
  previousMemberEpoch: number;
  state: MemberState;
  /** Partitions the member may consume now. */
  assigned: Assignment;
  /** Partitions the member must give up before its epoch can advance. */
  revoking: Assignment;
  sessionTimer: NodeJS.Timeout | null;
  /** Runs while the member has partitions to revoke: if it fires, the member is fenced. */
  revocationTimer: NodeJS.Timeout | null;
}

export class ConsumerGroup {
  groupEpoch = 0;
  assignmentEpoch = 0;
  /** The assignor the current target assignment was computed with. */
  assignorName = '';
  readonly members = new Map<string, ConsumerGroupMember>();
  /** member id -> its target assignment for assignmentEpoch */
  readonly target = new Map<string, Assignment>();
  /** Partition counts of the subscribed topics when the target was computed, to notice new partitions. */
  subscriptionSignature = '';

  constructor(readonly groupId: string) {}

  get state(): ConsumerGroupState {
    if (this.members.size === 0) return 'Empty';
    if (this.assignmentEpoch < this.groupEpoch) return 'Assigning';
    for (const member of this.members.values()) {
      if (member.memberEpoch !== this.assignmentEpoch || member.state !== MemberState.STABLE)
        return 'Reconciling';
    }
    return 'Stable';
  }

  subscribedTopics(): Set<string> {
    const topics = new Set<string>();
    for (const member of this.members.values()) for (const t of member.subscribedTopicNames) topics.add(t);
    return topics;
  }

  /** Which member owns a partition now (assigned or still revoking), other than `except`. */
  ownerOf(topic: string, partition: number, except: string): string | undefined {
    for (const member of this.members.values()) {
      if (member.memberId === except) continue;
      if (member.assigned.get(topic)?.has(partition) || member.revoking.get(topic)?.has(partition))
        return member.memberId;
    }
    return undefined;
  }
}

export function cloneAssignment(assignment: Assignment): Assignment {
  return new Map([...assignment].map(([topic, partitions]) => [topic, new Set(partitions)]));
}

export function sameAssignment(a: Assignment, b: Assignment): boolean {
  const nonEmpty = (x: Assignment) => [...x].filter(([, ps]) => ps.size > 0);
  const left = nonEmpty(a);
  if (left.length !== nonEmpty(b).length) return false;
  return left.every(([topic, ps]) => {
    const other = b.get(topic);
    return other !== undefined && other.size === ps.size && [...ps].every((p) => other.has(p));
  });
}

function hasAny(assignment: Assignment): boolean {
  for (const partitions of assignment.values()) if (partitions.size > 0) return true;
  return false;
}

function intersects(a: Assignment, b: Assignment): boolean {
  for (const [topic, partitions] of a) {
    const other = b.get(topic);
    if (other) for (const p of partitions) if (other.has(p)) return true;
  }
  return false;
}

/**
 * Moves a member one step towards its target, given the partitions it reports owning (null when the request
 * did not say). Mutates the member; returns whether its epoch, state or partitions changed.
 */
export function reconcile(
  group: ConsumerGroup,
  member: ConsumerGroupMember,
  owned: Assignment | null,
): boolean {
  const before = {
    epoch: member.memberEpoch,
    state: member.state,
    assigned: cloneAssignment(member.assigned),
    revoking: cloneAssignment(member.revoking),
  };
  switch (member.state) {
    case MemberState.STABLE:
      if (member.memberEpoch !== group.assignmentEpoch) computeNext(group, member);
      break;
    case MemberState.UNREVOKED_PARTITIONS:
      // No progress until the member confirms the revocation by no longer listing those partitions as owned
      // (a request that lists nothing proves nothing), even if the target moved on meanwhile.
      if (owned !== null && !intersects(owned, member.revoking)) {
        member.revoking = new Map();
        computeNext(group, member);
      }
      break;
    case MemberState.UNRELEASED_PARTITIONS:
      computeNext(group, member);
      break;
  }
  return (
    before.epoch !== member.memberEpoch ||
    before.state !== member.state ||
    !sameAssignment(before.assigned, member.assigned) ||
    !sameAssignment(before.revoking, member.revoking)
  );
}

function computeNext(group: ConsumerGroup, member: ConsumerGroupMember): void {
  const target = group.target.get(member.memberId) ?? new Map<string, Set<number>>();
  const kept: Assignment = new Map();
  const revoke: Assignment = new Map();
  const free: Assignment = new Map();
  let unreleased = false;
  const add = (into: Assignment, topic: string, p: number) => {
    let set = into.get(topic);
    if (!set) into.set(topic, (set = new Set()));
    set.add(p);
  };
  for (const topic of new Set([...target.keys(), ...member.assigned.keys()])) {
    const wanted = target.get(topic) ?? new Set<number>();
    const current = member.assigned.get(topic) ?? new Set<number>();
    for (const p of current) add(wanted.has(p) ? kept : revoke, topic, p);
    for (const p of wanted) {
      if (current.has(p)) continue;
      if (group.ownerOf(topic, p, member.memberId) === undefined) add(free, topic, p);
      else unreleased = true;
    }
  }
  if (hasAny(revoke)) {
    // Revoke first, keeping the epoch; new partitions come after the revocation is confirmed.
    member.assigned = kept;
    member.revoking = revoke;
    member.state = MemberState.UNREVOKED_PARTITIONS;
    return;
  }
  for (const [topic, ps] of free) for (const p of ps) add(kept, topic, p);
  member.assigned = kept;
  member.revoking = new Map();
  if (member.memberEpoch !== group.assignmentEpoch) {
    member.previousMemberEpoch = member.memberEpoch;
    member.memberEpoch = group.assignmentEpoch;
  }
  member.state = unreleased ? MemberState.UNRELEASED_PARTITIONS : MemberState.STABLE;
}
