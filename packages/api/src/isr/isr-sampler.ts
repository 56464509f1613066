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
  private readonly onError: (error: unknown) => void;
  private previous: Map<string, PartitionState> | null = null;
  private lastRetentionAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: IsrSamplerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_ISR_SAMPLE_INTERVAL_MS;
    this.retention = options.retention ?? LAG_HISTORY_RETENTION;
    this.clock = options.clock ?? Date.now;
    this.onError = options.onError ?? ((error) => console.error('ISR sampler:', error));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.sampleOnce()
        .catch(this.onError)
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(this.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
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
