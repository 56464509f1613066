/**
 * A group's lag as the console shows it: the live numbers (compute-lag), each partition's status over its
 * recent window (lag-status) and its drain estimate (drain-estimate), and the group's status and estimate.
 */
import { consumerPosition, partitionKey, type GroupLag, type PartitionLag } from './compute-lag.ts';
import { estimateDrain, groupDrainEstimate, type DrainEstimate } from './drain-estimate.ts';
import { evaluatePartition, groupStatus, type GroupStatus, type PartitionStatus } from './lag-status.ts';
import type { StoredObservation } from './lag-store.ts';

/** Sample rounds in the status window: Burrow's default of 10 offsets, five minutes at 30 s rounds. */
export const STATUS_WINDOW_ROUNDS = 10;

export interface PartitionAssessment extends PartitionLag {
  status: PartitionStatus;
  drain: DrainEstimate;
}

export interface GroupAssessment {
  lag: GroupLag;
  status: GroupStatus;
  drain: DrainEstimate;
  partitions: PartitionAssessment[];
}

/**
 * `windows` are the partitions' stored observations (recentObservations), `lag` the live reading. The status
 * window ends with the live observation, so a commit since the last round counts, as it would in Burrow, which
 * sees every commit. Rates for the drain estimate come from the evenly spaced rounds alone (a request moments
 * after a round would add a near-duplicate point), and the live lag is what they divide.
 */
export function assessGroupLag(lag: GroupLag, windows: Map<string, StoredObservation[]>): GroupAssessment {
  const partitions = lag.partitions.map((p): PartitionAssessment => {
    const stored = windows.get(partitionKey(p)) ?? [];
    const live: StoredObservation = {
      at: lag.at,
      committedOffset: p.committedOffset,
      commitTimestamp: p.commitTimestamp,
      logStartOffset: p.logStartOffset,
      logEndOffset: p.logEndOffset,
      lag: p.lag,
    };
    const statusWindow = stored.at(-1)?.at === lag.at ? stored : [...stored, live];
    const drainWindow = stored.map((o) => ({
      at: o.at,
      position: consumerPosition(o.committedOffset, { logStartOffset: o.logStartOffset }),
      logEndOffset: o.logEndOffset,
    }));
    return {
      ...p,
      status: evaluatePartition(statusWindow, p.lag, lag.at),
      drain: estimateDrain(drainWindow, p.lag),
    };
  });
  const found = lag.group.state !== 'Dead' || lag.partitions.length > 0;
  return {
    lag,
    status: groupStatus(
      found,
      partitions.map((p) => p.status),
    ),
    drain: groupDrainEstimate(partitions.map((p) => p.drain)),
    partitions,
  };
}
