/**
 * Samples every partition's size on disk, log start offset and high watermark (ClusterSource.partitionSizes: one
 * pass, as the topic list reads them) on an interval and records the changes in SQLite (size-history-store.ts),
 * so a topic's size over time works against any Kafka cluster. The last recorded values are read back from the
 * database on start, so a restarted console carries on where it stopped (what changed while it was down is
 * dated when it is first seen again).
 *
 * An idle partition costs nothing after its first record: at 10,000 mostly idle topics a round is one read of
 * the cluster and a few rows. Rounds never overlap; retention runs at most once a minute.
 */
import type { Database } from '@sluice/db';
import { PeriodicRounds } from '../periodic-rounds.ts';
import type { ClusterSource } from '../cluster-source/cluster-source.ts';
import { LAG_HISTORY_RETENTION, type RetentionPolicy } from '../lag/lag-retention.ts';
import { changedSizes, partitionSizeKey, type RecordedSize } from './size-history.ts';
import { applySizeRetention, latestSizes, writeSizes } from './size-history-store.ts';

/** As the lag sampler's: sizes move with traffic and retention checks (5 minutes by default), not by the second. */
export const DEFAULT_SIZE_SAMPLE_INTERVAL_MS = 30_000;
const RETENTION_INTERVAL_MS = 60_000;

export interface SizeSamplerOptions {
  db: Database;
  source: ClusterSource;
  intervalMs?: number;
  retention?: RetentionPolicy;
  clock?: () => number;
  onError?: (error: unknown) => void;
}

export class SizeSampler {
  readonly intervalMs: number;
  private readonly retention: RetentionPolicy;
  private readonly clock: () => number;
  private previous: Map<string, RecordedSize> | null = null;
  private lastRetentionAt = -Infinity;
  private readonly rounds: PeriodicRounds;

  constructor(private readonly options: SizeSamplerOptions) {
    this.intervalMs = options.intervalMs ?? DEFAULT_SIZE_SAMPLE_INTERVAL_MS;
    this.retention = options.retention ?? LAG_HISTORY_RETENTION;
    this.clock = options.clock ?? Date.now;
    this.rounds = new PeriodicRounds(
      this.intervalMs,
      () => this.sampleOnce(),
      options.onError ?? ((error) => console.error('size sampler:', error)),
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

  /** One round: every partition's size, the changed ones written, retention applied when due. Resolves with what changed. */
  async sampleOnce(): Promise<RecordedSize[]> {
    const { db, source } = this.options;
    this.previous ??= await latestSizes(db);
    const at = this.clock();
    const observed = await source.partitionSizes();
    const changed = changedSizes(this.previous, observed);
    await writeSizes(db, at, changed);
    for (const size of changed) this.previous.set(partitionSizeKey(size.topic, size.partition), size);
    if (at - this.lastRetentionAt >= RETENTION_INTERVAL_MS) {
      this.lastRetentionAt = at;
      await applySizeRetention(db, at, this.retention);
    }
    return changed;
  }
}
