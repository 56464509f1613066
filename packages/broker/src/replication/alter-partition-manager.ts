/**
 * How a partition leader asks the controller to change its ISR (AlterPartition, KIP-497). The quorum controller
 * implements it (through an AlterPartition request, or directly when it runs in the same process); the replica
 * manager's tests implement it by playing the controller.
 *
 * Invariant, as in Kafka: a proposal is answered once, with the partition as the controller now records it (its
 * new ISR and partition epoch) or with an AlterPartition error code. The leader keeps using the "maximal ISR" (the
 * committed ISR plus any replica it proposed to add) for its high watermark until the answer arrives.
 */
import type { AlterPartitionProposal, PartitionRegistration } from '../metadata/partition-registration.ts';

export interface AlterPartitionManager {
  submit(proposal: AlterPartitionProposal): Promise<PartitionRegistration | number>;
}
