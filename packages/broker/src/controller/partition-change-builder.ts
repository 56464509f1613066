/**
 * Builds the PartitionChangeRecord for a change to one partition, with Kafka's election rules
 * (PartitionChangeBuilder, as of metadata.version 3.9 without eligible leader replicas):
 *
 * - a clean leader comes from the target ISR and must be acceptable (an active broker); the current leader is
 *   kept while it stays valid, except in a PREFERRED election, which takes the first replica when it is valid;
 *   otherwise the first valid replica in replica order;
 * - an UNCLEAN election (only when `unclean.leader.election.enable`) falls back to any acceptable replica when
 *   the ISR has none; it sets the ISR to that leader alone and the leader recovery state to RECOVERING;
 * - the ISR is never emptied: a target ISR with no members leaves the ISR as it was (the last member stays, so
 *   it alone can become leader again), and the partition goes leaderless (-1) when nobody valid remains;
 * - the leader epoch bumps when the leader changes and when a replica is removed from the replica set; an ISR
 *   shrink alone does not bump it (it did before metadata.version 3.6, KAFKA-15021); the partition epoch bumps
 *   with every record (applied by MetadataDelta);
 * - a reassignment (KIP-455) completes in the same change that brings every adding replica into the ISR with at
 *   least one replica that stays: the removing replicas leave the replica set and the ISR, adding and removing
 *   are cleared, and a leader being removed hands over to a replica that stays (PartitionReassignmentReplicas);
 * - no record when nothing changes.
 */
import type { metadata } from '@sluice/protocol';
import { NO_LEADER_CHANGE } from '../metadata/metadata-delta.ts';
import { NO_LEADER, type PartitionRegistration } from '../metadata/partition-registration.ts';

export type Election = 'preferred' | 'online' | 'unclean';

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function containsAll(list: readonly number[], members: readonly number[]): boolean {
  return members.every((m) => list.includes(m));
}

/**
 * A reassignment's completed state for `targetIsr` (Kafka's maybeCompleteReassignment): the replicas and ISR
 * without the removing replicas, once the ISR holds every remaining replica; null while it cannot complete.
 */
export function completedReassignment(
  replicas: readonly number[],
  removing: readonly number[],
  adding: readonly number[],
  targetIsr: readonly number[],
): { replicas: number[]; isr: number[] } | null {
  if (removing.length === 0 && adding.length === 0) return null;
  const isr = targetIsr.filter((r) => !removing.includes(r));
  const remaining = replicas.filter((r) => !removing.includes(r));
  if (isr.length === 0 || remaining.length === 0) return null;
  return containsAll(isr, remaining) ? { replicas: remaining, isr } : null;
}

export class PartitionChangeBuilder {
  private targetIsr: readonly number[];
  private targetReplicas: readonly number[];
  private targetRemoving: readonly number[];
  private targetAdding: readonly number[];
  private election: Election = 'online';
  private targetLeaderRecoveryState: 0 | 1;

  constructor(
    private readonly partition: PartitionRegistration,
    private readonly topicId: string,
    private readonly partitionId: number,
    private readonly isAcceptableLeader: (brokerId: number) => boolean,
  ) {
    this.targetIsr = partition.isr;
    this.targetReplicas = partition.replicas;
    this.targetRemoving = partition.removingReplicas;
    this.targetAdding = partition.addingReplicas;
    this.targetLeaderRecoveryState = partition.leaderRecoveryState;
  }

  setTargetIsr(isr: readonly number[]): this {
    this.targetIsr = isr;
    return this;
  }

  setTargetReplicas(replicas: readonly number[]): this {
    this.targetReplicas = replicas;
    return this;
  }

  setTargetRemoving(removing: readonly number[]): this {
    this.targetRemoving = removing;
    return this;
  }

  setTargetAdding(adding: readonly number[]): this {
    this.targetAdding = adding;
    return this;
  }

  setElection(election: Election): this {
    this.election = election;
    return this;
  }

  setTargetLeaderRecoveryState(state: 0 | 1): this {
    this.targetLeaderRecoveryState = state;
    return this;
  }

  private isValidNewLeader(replica: number): boolean {
    return this.targetIsr.includes(replica) && this.isAcceptableLeader(replica);
  }

  /** The elected leader, and whether the election was unclean. */
  electLeader(): { leader: number; unclean: boolean } {
    const current = this.partition.leader;
    if (this.election === 'preferred') {
      const preferred = this.targetReplicas[0];
      if (preferred !== undefined && this.isValidNewLeader(preferred))
        return { leader: preferred, unclean: false };
      if (current !== NO_LEADER && this.isValidNewLeader(current)) return { leader: current, unclean: false };
      const other = this.targetReplicas.slice(1).find((r) => this.isValidNewLeader(r));
      return { leader: other ?? NO_LEADER, unclean: false };
    }
    if (current !== NO_LEADER && this.isValidNewLeader(current)) return { leader: current, unclean: false };
    const clean = this.targetReplicas.find((r) => this.isValidNewLeader(r));
    if (clean !== undefined) return { leader: clean, unclean: false };
    if (this.election === 'unclean') {
      const unclean = this.targetReplicas.find((r) => this.isAcceptableLeader(r));
      if (unclean !== undefined) return { leader: unclean, unclean: true };
    }
    return { leader: NO_LEADER, unclean: false };
  }

  /** The change record, or null when the partition would not change. */
  build(): metadata.PartitionChangeRecord | null {
    const record: metadata.PartitionChangeRecord = {
      partitionId: this.partitionId,
      topicId: this.topicId,
      isr: null,
      leader: NO_LEADER_CHANGE,
      replicas: null,
      removingReplicas: null,
      addingReplicas: null,
      leaderRecoveryState: -1,
      directories: null,
      eligibleLeaderReplicas: null,
      lastKnownElr: null,
    };
    const completed = completedReassignment(
      this.targetReplicas,
      this.targetRemoving,
      this.targetAdding,
      this.targetIsr,
    );
    if (completed) {
      this.targetReplicas = completed.replicas;
      this.targetIsr = completed.isr;
      this.targetRemoving = [];
      this.targetAdding = [];
    }
    const { leader, unclean } = this.electLeader();
    let leaderRecoveryState = this.targetLeaderRecoveryState;
    if (leader !== this.partition.leader) {
      record.leader = leader;
      if (unclean) {
        record.isr = [leader];
        leaderRecoveryState = 1;
      }
    }
    if (record.leader === NO_LEADER_CHANGE && !containsAll(this.targetReplicas, this.partition.replicas)) {
      // A replica leaves the replica set: its fetches must be fenced, so the leader epoch moves.
      record.leader = this.partition.leader;
    }
    if (record.isr === null && this.targetIsr.length > 0 && !sameList(this.targetIsr, this.partition.isr)) {
      record.isr = [...this.targetIsr];
    }
    if (this.targetReplicas.length > 0 && !sameList(this.targetReplicas, this.partition.replicas)) {
      record.replicas = [...this.targetReplicas];
    }
    if (!sameList(this.targetRemoving, this.partition.removingReplicas)) {
      record.removingReplicas = [...this.targetRemoving];
    }
    if (!sameList(this.targetAdding, this.partition.addingReplicas)) {
      record.addingReplicas = [...this.targetAdding];
    }
    if (leaderRecoveryState !== this.partition.leaderRecoveryState) {
      record.leaderRecoveryState = leaderRecoveryState;
    }
    const noOp =
      record.isr === null &&
      record.leader === NO_LEADER_CHANGE &&
      record.replicas === null &&
      record.removingReplicas === null &&
      record.addingReplicas === null &&
      record.leaderRecoveryState === -1;
    return noOp ? null : record;
  }
}
