/**
 * Every group's lag and status now, as the console's group list assesses them, for the server's /metrics
 * (kafka_exporter's kafka_consumergroup_lag, and Burrow's group status). A group that cannot be read is left
 * out of the answer and named in `failedGroups`.
 */
import type { Database } from '@sluice/db';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { mapConcurrently } from '../map-concurrently.ts';
import { assessGroupLag, STATUS_WINDOW_ROUNDS, type GroupAssessment } from './assess-lag.ts';
import { computeGroupLag } from './compute-lag.ts';
import { recentObservations } from './lag-store.ts';

/** Groups read at once: each costs a few reads of the cluster and one of SQLite. */
const CONCURRENT_GROUPS = 8;

export interface CurrentLag {
  groups: GroupAssessment[];
  failedGroups: string[];
}

export async function currentLag(db: Database, source: ClusterSource): Promise<CurrentLag> {
  const listed = await source.listGroups();
  const failedGroups: string[] = [];
  const assessed = await mapConcurrently(listed, CONCURRENT_GROUPS, async ({ groupId }) => {
    try {
      const [lag, windows] = await Promise.all([
        computeGroupLag(source, groupId),
        recentObservations(db, groupId, STATUS_WINDOW_ROUNDS),
      ]);
      return assessGroupLag(lag, windows);
    } catch {
      failedGroups.push(groupId);
      return null;
    }
  });
  return { groups: assessed.filter((g): g is GroupAssessment => g !== null), failedGroups };
}
