/**
 * A partition's size over time as the console observes it: size on disk (the largest replica), log start offset
 * and high watermark. The sampler keeps the last values it recorded of every partition and records a partition
 * only when one of them differs (changedSizes); readers turn a topic's recorded changes into step series over a
 * time window, per partition and for the whole topic (buildSizeHistory).
 *
 * Invariants: of two consecutive records of a partition, the second differs from the first, and a partition's
 * values are those of its last record until the next one. A record with null values is a tombstone: the topic
 * was gone when sampled. A partition whose size or offsets could not be read in a round (its brokers did not
 * answer, it had no leader) is left as it was: neither changed nor gone.
 */
import type { PartitionSize } from '../cluster-source/cluster-source.ts';

/** What is recorded of a partition: all three values, or none (a tombstone). */
export interface RecordedSize {
  topic: string;
  partition: number;
  sizeBytes: number | null;
  logStartOffset: number | null;
  highWatermark: number | null;
}

export interface RecordedSizeAt extends RecordedSize {
  at: number;
}

export interface PartitionSizePoint {
  at: number;
  sizeBytes: number;
  logStartOffset: number;
  highWatermark: number;
}

export interface TopicSizePoint {
  at: number;
  /** The sum over the topic's partitions of their size at `at`. */
  sizeBytes: number;
}

export interface TopicSizeHistory {
  since: number;
  until: number;
  /**
   * 0 when every recorded change in the window is a point; otherwise the series kept only the last point of each
   * bucket of this many milliseconds (each kept point exact at its time), to stay within the point limit.
   */
  bucketMs: number;
  /** Oldest first: the topic's size at `since` (when known), at each change, and at `until`. */
  total: TopicSizePoint[];
  /** By partition; the same shape as `total`, with the offsets. A partition with no value in the window is left out. */
  partitions: { partition: number; points: PartitionSizePoint[] }[];
}

export const partitionSizeKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

export function isTombstone(recorded: RecordedSize): boolean {
  return recorded.sizeBytes === null;
}

function sameSize(a: RecordedSize, b: RecordedSize): boolean {
  return (
    a.sizeBytes === b.sizeBytes &&
    a.logStartOffset === b.logStartOffset &&
    a.highWatermark === b.highWatermark
  );
}

/**
 * The records to write from one sample of the whole cluster: each partition read in full that is new or changed
 * since `previous` (the last record per partitionSizeKey), and a tombstone for each partition whose topic is gone
 * (Kafka never removes a partition from a topic that is still there).
 */
export function changedSizes(
  previous: ReadonlyMap<string, RecordedSize>,
  observed: readonly PartitionSize[],
): RecordedSize[] {
  const changed: RecordedSize[] = [];
  const seen = new Set<string>();
  for (const size of observed) {
    const key = partitionSizeKey(size.topic, size.partition);
    seen.add(key);
    if (size.sizeBytes === null || size.logStartOffset === null || size.highWatermark === null) continue;
    const before = previous.get(key);
    if (!before || !sameSize(before, size)) changed.push({ ...size });
  }
  for (const [key, before] of previous) {
    if (seen.has(key) || isTombstone(before)) continue;
    changed.push({ ...before, sizeBytes: null, logStartOffset: null, highWatermark: null });
  }
  return changed;
}

/** Keeps the first point and the last of each `bucketMs` bucket (aligned to `since`); the last point always stays. */
function lastPerBucket<P extends { at: number }>(points: P[], since: number, bucketMs: number): P[] {
  if (bucketMs === 0) return points;
  return points.filter(
    (p, i) =>
      i === 0 ||
      i === points.length - 1 ||
      Math.floor((p.at - since) / bucketMs) !== Math.floor((points[i + 1]!.at - since) / bucketMs),
  );
}

/**
 * A topic's size history over [since, until] from its records (per partition, oldest first, each partition's
 * last record before `since` included, as readTopicSizes gives them). Each series starts at `since` with the
 * value recorded before it (or at its first record inside the window), has a point at every change, and ends
 * at `until` with the values then current; a partition's series ends at its tombstone. The topic's total counts
 * each partition from its first record to its tombstone. At most about `maxPoints` points per series.
 */
export function buildSizeHistory(
  records: ReadonlyMap<number, readonly RecordedSizeAt[]>,
  since: number,
  until: number,
  maxPoints: number,
): TopicSizeHistory {
  const partitions: TopicSizeHistory['partitions'] = [];
  /** Every partition's changes in the window, as (time, partition, size or null for gone). */
  const changes: { at: number; partition: number; sizeBytes: number | null }[] = [];
  for (const [partition, list] of [...records].sort(([a], [b]) => a - b)) {
    const points: PartitionSizePoint[] = [];
    let current: PartitionSizePoint | null = null;
    for (const record of list) {
      if (record.at > until) break;
      const at = Math.max(record.at, since);
      changes.push({ at, partition, sizeBytes: record.sizeBytes });
      // A point at `since` is replaced by a later record also dated before the window.
      if (points.at(-1)?.at === at) points.pop();
      if (isTombstone(record)) {
        current = null;
        continue;
      }
      current = {
        at,
        sizeBytes: record.sizeBytes!,
        logStartOffset: record.logStartOffset!,
        highWatermark: record.highWatermark!,
      };
      points.push(current);
    }
    if (current && current.at < until) points.push({ ...current, at: until });
    if (points.length > 0) partitions.push({ partition, points });
  }

  changes.sort((a, b) => a.at - b.at);
  const total: TopicSizePoint[] = [];
  const sizes = new Map<number, number>();
  let sum = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    sum += (change.sizeBytes ?? 0) - (sizes.get(change.partition) ?? 0);
    if (change.sizeBytes === null) sizes.delete(change.partition);
    else sizes.set(change.partition, change.sizeBytes);
    const lastAtThisTime = changes[i + 1]?.at !== change.at;
    if (lastAtThisTime && (sizes.size > 0 || total.length > 0)) total.push({ at: change.at, sizeBytes: sum });
  }
  const last = total.at(-1);
  if (last && last.at < until && sizes.size > 0) total.push({ at: until, sizeBytes: last.sizeBytes });

  const longest = Math.max(total.length, ...partitions.map((p) => p.points.length));
  const bucketMs = longest > maxPoints ? Math.ceil((until - since) / maxPoints) : 0;
  return {
    since,
    until,
    bucketMs,
    total: lastPerBucket(total, since, bucketMs),
    partitions: partitions.map((p) => ({ ...p, points: lastPerBucket(p.points, since, bucketMs) })),
  };
}
