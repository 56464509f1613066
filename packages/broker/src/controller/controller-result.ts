/**
 * What the control managers share: an operation reads the controller's latest image and returns the records
 * to append with the response to give once they are committed (Kafka's ControllerResult), or fails with a
 * Kafka error code (ControllerError). Control managers never mutate anything themselves: the QuorumController
 * replays their records, so the active controller and every standby reach the same state from the same log.
 */
import type { MetadataImage } from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';

export interface ControllerResult<T> {
  records: MetadataRecord[];
  response: T;
}

export class ControllerError extends Error {
  override readonly name = 'ControllerError';

  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The controller's static settings (Kafka's names in comments). */
export interface ControllerConfig {
  clusterId: string;
  nodeId: number;
  /** `num.partitions` */
  defaultNumPartitions: number;
  /** `default.replication.factor` */
  defaultReplicationFactor: number;
  /** `broker.session.timeout.ms` */
  brokerSessionTimeoutMs: number;
  /** `unclean.leader.election.enable`, the static broker value */
  uncleanLeaderElectionEnable: boolean;
  /** `min.insync.replicas`, the static broker value */
  minInsyncReplicas: number;
  /** `auto.leader.rebalance.enable` */
  autoLeaderRebalanceEnable: boolean;
  /** `leader.imbalance.check.interval.seconds`, in milliseconds */
  leaderImbalanceCheckIntervalMs: number;
}

export const DEFAULT_CONTROLLER_CONFIG: Omit<ControllerConfig, 'clusterId' | 'nodeId'> = {
  defaultNumPartitions: 1,
  defaultReplicationFactor: 1,
  brokerSessionTimeoutMs: 9000,
  uncleanLeaderElectionEnable: false,
  minInsyncReplicas: 1,
  autoLeaderRebalanceEnable: true,
  leaderImbalanceCheckIntervalMs: 300_000,
};

/** What every control manager operation reads. */
export interface ControlContext {
  image: MetadataImage;
  config: ControllerConfig;
  /** The offset the first record of this operation will get (a registration's broker epoch). */
  nextOffset: number;
  now: number;
}
