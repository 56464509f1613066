/**
 * How far an ongoing reassignment has come, from what Kafka's APIs tell: the replicas being added and removed
 * (ListPartitionReassignments) and each replica's log size (DescribeLogDirs). A replica being added has caught
 * up when its log is as large as the leader's; until then the difference is the bytes left to copy. Sizes are
 * those of the logs on disk, so a follower can be briefly larger than the leader (it has not yet rolled or
 * cleaned what the leader has); bytes left never go below zero.
 *
 * Kafka completes a reassignment once every target replica is in the ISR: a target replica whose broker is down
 * holds it up until the broker is back (or the reassignment is cancelled); a removing one does not.
 */
import type { PartitionReassignment, ReplicaLogSize } from '../cluster-source/cluster-source.ts';

export interface ReplicaProgress {
  broker: number;
  role: 'adding' | 'removing' | 'staying';
  /** Null when the broker has no log of the partition yet (or did not answer). */
  sizeBytes: number | null;
  /** For a replica being added: the leader's size minus its own; zero for the others. */
  bytesLeft: number;
  /** The replica's broker is not live (fenced or stopped): its size is unknown and it cannot catch up. */
  brokerDown: boolean;
}

export interface ReassignmentProgress extends PartitionReassignment {
  leader: number;
  leaderSizeBytes: number | null;
  /** The sum over the replicas being added. */
  bytesLeft: number;
  replicaProgress: ReplicaProgress[];
  /** Target replicas (adding or staying) whose broker is down: the reassignment cannot complete until they return. */
  waitingFor: number[];
}

export function reassignmentProgress(
  ongoing: PartitionReassignment,
  leader: number,
  sizes: readonly ReplicaLogSize[],
  downBrokers: ReadonlySet<number> = new Set(),
): ReassignmentProgress {
  const sizeOf = (broker: number) => sizes.find((s) => s.broker === broker && !s.isFuture)?.sizeBytes ?? null;
  const leaderSizeBytes = sizeOf(leader);
  const replicaProgress = ongoing.replicas.map((broker): ReplicaProgress => {
    const role = ongoing.addingReplicas.includes(broker)
      ? 'adding'
      : ongoing.removingReplicas.includes(broker)
        ? 'removing'
        : 'staying';
    const sizeBytes = sizeOf(broker);
    const bytesLeft = role === 'adding' ? Math.max(0, (leaderSizeBytes ?? 0) - (sizeBytes ?? 0)) : 0;
    return { broker, role, sizeBytes, bytesLeft, brokerDown: downBrokers.has(broker) };
  });
  return {
    ...ongoing,
    leader,
    leaderSizeBytes,
    bytesLeft: replicaProgress.reduce((sum, r) => sum + r.bytesLeft, 0),
    replicaProgress,
    waitingFor: replicaProgress.filter((r) => r.brokerDown && r.role !== 'removing').map((r) => r.broker),
  };
}
