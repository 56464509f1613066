/**
 * A partition as the metadata log records it (KIP-631: PartitionRecord, then PartitionChangeRecords), the
 * controller's view that every broker's replica manager acts on. Mirrors Kafka's PartitionRegistration.
 *
 * Invariants: `isr` is a subset of `replicas`; `leader` is -1 (no leader) or a member of `isr`; `leaderEpoch`
 * grows whenever the leader changes; `partitionEpoch` grows with every change to the partition.
 */
export interface PartitionRegistration {
  replicas: readonly number[];
  isr: readonly number[];
  removingReplicas: readonly number[];
  addingReplicas: readonly number[];
  /** The leader's broker id, or -1 when the partition has none (offline). */
  leader: number;
  /** 0: recovered; 1: recovering (after an unclean election, until the leader has fixed its state). */
  leaderRecoveryState: 0 | 1;
  leaderEpoch: number;
  partitionEpoch: number;
}

export const NO_LEADER = -1;

/** The ISR change a partition leader asks the controller for (AlterPartition, KIP-497). */
export interface AlterPartitionProposal {
  topicId: string;
  partition: number;
  leaderEpoch: number;
  /** The partition epoch the leader last saw; the controller refuses a stale one (INVALID_UPDATE_VERSION). */
  partitionEpoch: number;
  newIsr: readonly number[];
  leaderRecoveryState: 0 | 1;
}
