/**
 * Replication throttles (Kafka's ReplicationQuotaManager, KIP-73), used to keep a reassignment from starving
 * clients: one quota for what this broker sends as a leader, one for what it fetches as a follower.
 *
 * - A partition is throttled here when its topic's `leader.replication.throttled.replicas` (or
 *   `follower.replication.throttled.replicas`) lists `partition:thisBrokerId`, or is `*`.
 * - The quota is exceeded when the bytes recorded over the sample window (`replication.quota.window.num`
 *   windows of `replication.quota.window.size.seconds`) exceed `leader.replication.throttled.rate` (or
 *   `follower.replication.throttled.rate`) bytes per second; both rates are dynamic broker configs.
 * - Only replicas outside the ISR are ever held back (a throttle never slows an in-sync replica, so it never
 *   delays acks=all), and only while the quota is exceeded: a held-back partition is left out of the follower's
 *   fetch, or answered with no records by the leader, and replication carries on at about the configured rate.
 */
import type { Clock } from '../clock.ts';

export const LEADER_THROTTLED_REPLICAS = 'leader.replication.throttled.replicas';
export const FOLLOWER_THROTTLED_REPLICAS = 'follower.replication.throttled.replicas';

/** The partitions a throttled-replicas value throttles on `brokerId`: 'all', or their indexes. */
export function throttledPartitions(value: string, brokerId: number): 'all' | ReadonlySet<number> {
  const trimmed = value.trim();
  if (trimmed === '*') return 'all';
  const partitions = new Set<number>();
  if (trimmed === '') return partitions;
  for (const entry of trimmed.split(',')) {
    const [partition, broker] = entry.trim().split(':');
    if (Number(broker) === brokerId) partitions.add(Number(partition));
  }
  return partitions;
}

export interface ReplicationQuotaOptions {
  brokerId: number;
  clock: Clock;
  /** The topic config naming throttled replicas (leader or follower). */
  replicasConfig: typeof LEADER_THROTTLED_REPLICAS | typeof FOLLOWER_THROTTLED_REPLICAS;
  /** The topic's value of that config, if set. */
  topicConfig: (topic: string, name: string) => string | undefined;
  /** The throttled rate in bytes per second (read on every check: it is a dynamic config). */
  rate: () => number;
  windowCount: number;
  windowSizeMs: number;
}

export class ReplicationQuota {
  /** Bytes per window, oldest first; each entry's start is a multiple of the window size. */
  private readonly samples: { start: number; bytes: number }[] = [];
  private parsed = new Map<string, { value: string; partitions: 'all' | ReadonlySet<number> }>();

  constructor(private readonly options: ReplicationQuotaOptions) {}

  isThrottled(topic: string, partition: number): boolean {
    const value = this.options.topicConfig(topic, this.options.replicasConfig);
    if (value === undefined || value.trim() === '') return false;
    let cached = this.parsed.get(topic);
    if (cached?.value !== value) {
      cached = { value, partitions: throttledPartitions(value, this.options.brokerId) };
      this.parsed.set(topic, cached);
    }
    return cached.partitions === 'all' || cached.partitions.has(partition);
  }

  record(bytes: number): void {
    if (bytes <= 0) return;
    const now = this.options.clock.now();
    const start = now - (now % this.options.windowSizeMs);
    const last = this.samples[this.samples.length - 1];
    if (last && last.start === start) last.bytes += bytes;
    else this.samples.push({ start, bytes });
    this.purge(now);
  }

  /** Bytes per second over the sample window (Kafka's Rate: at least the window count less one window long). */
  rate(): number {
    const now = this.options.clock.now();
    this.purge(now);
    const first = this.samples[0];
    if (!first) return 0;
    const total = this.samples.reduce((sum, s) => sum + s.bytes, 0);
    const { windowCount, windowSizeMs } = this.options;
    const elapsedMs = Math.max(now - first.start, (windowCount - 1) * windowSizeMs);
    return (total * 1000) / elapsedMs;
  }

  isQuotaExceeded(): boolean {
    const bound = this.options.rate();
    return Number.isFinite(bound) && bound < Number.MAX_SAFE_INTEGER && this.rate() > bound;
  }

  private purge(now: number): void {
    const oldest = now - this.options.windowCount * this.options.windowSizeMs;
    while (this.samples.length > 0 && this.samples[0]!.start + this.options.windowSizeMs <= oldest)
      this.samples.shift();
  }
}
