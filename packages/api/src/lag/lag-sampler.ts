/**
 * Samples the lag of every group of a cluster on an interval into SQLite: one round reads all groups at one
 * instant (`at`, shared by every row of the round) and writes them, with the retention policy applied, in one
 * transaction. Rounds never overlap: the next is scheduled when one ends.
 */
import type { Database } from '@sluice/db';
import { PeriodicRounds } from '../periodic-rounds.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { mapConcurrently } from '../map-concurrently.ts';
import { computeGroupLag, type GroupLag } from './compute-lag.ts';
import { writeRound } from './lag-store.ts';
import { LAG_HISTORY_RETENTION, type RetentionPolicy } from './lag-retention.ts';

export const DEFAULT_LAG_SAMPLE_INTERVAL_MS = 30_000;
/** Groups read at once: enough to hide a remote cluster's round trips, few enough not to flood it. */
const CONCURRENT_GROUPS = 8;

export interface LagSamplerOptions {
  db: Database;
  source: ClusterSource;
  intervalMs?: number;
  retention?: RetentionPolicy;
  clock?: () => number;
  /** Where failures go (a group that cannot be read, a round that cannot be written); the sampler keeps going. */
  onError?: (error: unknown) => void;
}

export interface SampleRound {
  at: number;
  groups: number;
  rows: number;
  deletedRounds: number;
  /** Groups that could not be read this round; they are missing from it, the others are written. */
  failedGroups: string[];
}

export class LagSampler {
  readonly intervalMs: number;
  private readonly retention: RetentionPolicy;
  private readonly clock: () => number;
  private readonly onError: (error: unknown) => void;
  private readonly rounds: PeriodicRounds;

  constructor(private readonly options: LagSamplerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_LAG_SAMPLE_INTERVAL_MS;
    this.retention = options.retention ?? LAG_HISTORY_RETENTION;
    this.clock = options.clock ?? Date.now;
    this.onError = options.onError ?? ((error) => console.error('lag sampler:', error));
    this.rounds = new PeriodicRounds(this.intervalMs, () => this.sampleOnce(), this.onError);
  }

  /** Takes a round now, then one every intervalMs until stop(). */
  start(): void {
    this.rounds.start();
  }

  /** Resolves once no round is in flight and none will start. */
  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: every group's lag at one instant, written in one transaction. */
  async sampleOnce(): Promise<SampleRound> {
    const at = this.clock();
    const listed = await this.options.source.listGroups();
    const failedGroups: string[] = [];
    const lags = await mapConcurrently(listed, CONCURRENT_GROUPS, async ({ groupId }) => {
      try {
        return await computeGroupLag(this.options.source, groupId, at);
      } catch (error) {
        failedGroups.push(groupId);
        this.onError(new Error(`cannot read the lag of group ${groupId}`, { cause: error }));
        return null;
      }
    });
    const groups = lags.filter((g): g is GroupLag => g !== null);
    const written = await writeRound(this.options.db, at, groups, this.retention);
    return { at, groups: groups.length, ...written, failedGroups };
  }
}
