/**
 * Samples every partition's leader, leader epoch, replicas and ISR (one Metadata request) on an interval and
 * records the changes in SQLite (partition-history-store.ts), so the ISR timeline works against any Kafka
 * cluster. The last recorded states are read back from the database on start, so a restarted console carries on
 * where it stopped (what changed while it was down is dated when it is first seen again).
 *
 * A change that comes and goes between two samples is not seen: the interval (5 s by default, far below
 * Kafka's replica.lag.time.max.ms of 30 s) bounds what can be missed. Rounds never overlap; retention runs at most
 * once a minute.
 */
import type { Database } from '@sluice/db';
import { PeriodicRounds } from '../periodic-rounds.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { LAG_HISTORY_RETENTION, type RetentionPolicy } from '../lag/lag-retention.ts';
import { changedStates, partitionStateKey, type PartitionState } from './partition-history.ts';
import { applyRetention, latestStates, writeStates } from './partition-history-store.ts';

export const DEFAULT_ISR_SAMPLE_INTERVAL_MS = 5_000;
const RETENTION_INTERVAL_MS = 60_000;

export interface IsrSamplerOptions {
  db: Database;
  source: ClusterSource;
  intervalMs?: number;
  retention?: RetentionPolicy;
  clock?: () => number;
  onError?: (error: unknown) => void;
}

export class IsrSampler {
  readonly intervalMs: number;
  private readonly retention: RetentionPolicy;
  private readonly clock: () => number;
  private previous: Map<string, PartitionState> | null = null;
  private lastRetentionAt = -Infinity;
  private readonly rounds: PeriodicRounds;

  constructor(private readonly options: IsrSamplerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_ISR_SAMPLE_INTERVAL_MS;
    this.retention = options.retention ?? LAG_HISTORY_RETENTION;
    this.clock = options.clock ?? Date.now;
    this.rounds = new PeriodicRounds(
      this.intervalMs,
      () => this.sampleOnce(),
      options.onError ?? ((error) => console.error('ISR sampler:', error)),
    );
  }

  /** Takes a round now, then one every intervalMs until stop(). */
  start(): void {
    this.rounds.start();
  }

  /** Resolves once no round is in flight and none will start. */
  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One round: Metadata, the changed states written, retention applied when due. Resolves with what changed. */
  async sampleOnce(): Promise<PartitionState[]> {
    const { db, source } = this.options;
    this.previous ??= await latestStates(db);
    const at = this.clock();
    const observed = await source.partitionStates();
    const changed = changedStates(this.previous, observed);
    await writeStates(db, at, changed);
    for (const state of changed) this.previous.set(partitionStateKey(state.topic, state.partition), state);
    if (at - this.lastRetentionAt >= RETENTION_INTERVAL_MS) {
      this.lastRetentionAt = at;
      await applyRetention(db, at, this.retention);
    }
    return changed;
  }
}
