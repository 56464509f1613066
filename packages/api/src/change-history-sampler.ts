/**
 * The round both history samplers take (the ISR timeline's and the size history's): read what the cluster shows
 * now, record only what changed since the last record, and apply retention at most once a minute. The last
 * recorded values are read back from the database at the first round, so a restarted console carries on where it
 * stopped (what changed while it was down is dated when it is first seen again). Rounds never overlap.
 */
import type { Database } from '@sluice/db';
import { PeriodicRounds } from './periodic-rounds.ts';
import { LAG_HISTORY_RETENTION, type RetentionPolicy } from './lag/lag-retention.ts';

const RETENTION_INTERVAL_MS = 60_000;

export interface HistorySamplerOptions {
  db: Database;
  intervalMs?: number;
  retention?: RetentionPolicy;
  clock?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * What a history keeps: how to observe the cluster (as O), pick the records (T) that changed, key, read back,
 * write and expire them.
 */
export interface ChangeHistory<T, O = T> {
  /** Names the sampler in the error log. */
  name: string;
  defaultIntervalMs: number;
  observe(): Promise<O[]>;
  changed(previous: ReadonlyMap<string, T>, observed: readonly O[]): T[];
  key(record: T): string;
  latest(db: Database): Promise<Map<string, T>>;
  write(db: Database, at: number, changed: T[]): Promise<void>;
  applyRetention(db: Database, at: number, retention: RetentionPolicy): Promise<unknown>;
}

export class ChangeHistorySampler<T, O = T> {
  readonly intervalMs: number;
  private readonly retention: RetentionPolicy;
  private readonly clock: () => number;
  private previous: Map<string, T> | null = null;
  private lastRetentionAt = -Infinity;
  private readonly rounds: PeriodicRounds;

  constructor(
    private readonly history: ChangeHistory<T, O>,
    private readonly options: HistorySamplerOptions,
  ) {
    this.intervalMs = options.intervalMs ?? history.defaultIntervalMs;
    this.retention = options.retention ?? LAG_HISTORY_RETENTION;
    this.clock = options.clock ?? Date.now;
    this.rounds = new PeriodicRounds(
      this.intervalMs,
      () => this.sampleOnce(),
      options.onError ?? ((error) => console.error(`${history.name}:`, error)),
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

  /** One round: the changed records written, retention applied when due. Resolves with what changed. */
  async sampleOnce(): Promise<T[]> {
    const { db } = this.options;
    const { history } = this;
    this.previous ??= await history.latest(db);
    const at = this.clock();
    const changed = history.changed(this.previous, await history.observe());
    await history.write(db, at, changed);
    for (const record of changed) this.previous.set(history.key(record), record);
    if (at - this.lastRetentionAt >= RETENTION_INTERVAL_MS) {
      this.lastRetentionAt = at;
      await history.applyRetention(db, at, this.retention);
    }
    return changed;
  }
}
