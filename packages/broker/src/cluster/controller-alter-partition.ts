/**
 * ISR changes proposed by this broker's partition leaders, sent to the active controller as AlterPartition
 * requests (KIP-497), as Kafka's AlterPartitionManager sends them: with this broker's id and epoch, the partition
 * epoch the leader last saw, and the new ISR (v3+ carries each member's broker epoch; -1 here: "any").
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { AlterPartitionProposal, PartitionRegistration } from '../metadata/partition-registration.ts';
import type { AlterPartitionManager } from '../replication/alter-partition-manager.ts';
import type { ControllerChannel } from './controller-channel.ts';

export class ControllerAlterPartitionManager implements AlterPartitionManager {
  constructor(
    private readonly nodeId: number,
    private readonly brokerEpoch: () => bigint,
    private readonly channel: ControllerChannel,
    /** The partition's current registration, for the fields AlterPartition does not answer (replicas). */
    private readonly current: (topicId: string, partition: number) => PartitionRegistration | undefined,
    private readonly timeoutMs: number,
  ) {}

  async submit(proposal: AlterPartitionProposal): Promise<PartitionRegistration | number> {
    const response = await this.channel.send(
      ApiKey.AlterPartition,
      {
        brokerId: this.nodeId,
        brokerEpoch: this.brokerEpoch(),
        topics: [
          {
            topicName: '',
            topicId: proposal.topicId,
            partitions: [
              {
                partitionIndex: proposal.partition,
                leaderEpoch: proposal.leaderEpoch,
                newIsr: [...proposal.newIsr],
                newIsrWithEpochs: proposal.newIsr.map((brokerId) => ({ brokerId, brokerEpoch: -1n })),
                leaderRecoveryState: proposal.leaderRecoveryState,
                partitionEpoch: proposal.partitionEpoch,
              },
            ],
          },
        ],
      },
      this.timeoutMs,
    );
    if (response.errorCode !== ErrorCode.NONE) {
      if (response.errorCode === ErrorCode.NOT_CONTROLLER) this.channel.dropConnection();
      return response.errorCode;
    }
    const answer = response.topics[0]?.partitions[0];
    if (!answer) return ErrorCode.UNKNOWN_SERVER_ERROR;
    if (answer.errorCode !== ErrorCode.NONE) return answer.errorCode;
    const known = this.current(proposal.topicId, proposal.partition);
    return {
      replicas: known?.replicas ?? answer.isr,
      isr: answer.isr,
      removingReplicas: known?.removingReplicas ?? [],
      addingReplicas: known?.addingReplicas ?? [],
      leader: answer.leaderId,
      leaderRecoveryState: answer.leaderRecoveryState === 1 ? 1 : 0,
      leaderEpoch: answer.leaderEpoch,
      partitionEpoch: answer.partitionEpoch,
    };
  }
}
