/**
 * Consumer status without lag thresholds, after Burrow's evaluator (linkedin/Burrow,
 * core/internal/evaluator/caching.go). Burrow judges each partition over a sliding window of the group's
 * commits, each with the lag when it was seen; the rules, in Burrow's order:
 *
 *   current lag <= allowed lag                                          -> OK   (never an error without lag)
 *   no commit for longer than the window's commits span, and the high
 *     watermark never fell to the last commit within the window        -> STOP
 *   the committed offset went back and has not reached where it was    -> REWIND
 *   lag above the allowed lag at every commit in the window, and
 *     every commit the same offset                                     -> STALL
 *     the lag never decreasing from one commit to the next             -> WARN
 *   otherwise                                                          -> OK
 *
 * A group is ERR when any partition is STOP, STALL or REWIND, else WARN when any is WARN, else OK; NOTFOUND
 * when the cluster does not know it.
 *
 * Burrow reads every commit from __consumer_offsets; here the window is made of the lag sampler's observations,
 * one per sample round, and turned into commits: a new commit timestamp (or, when the source cannot tell commit
 * times, a new committed offset) starts a commit, dated by its commit timestamp or else by the first
 * observation that saw it, with the lag of that observation. Commits more frequent than sample rounds collapse
 * into one per round, as Burrow's min-distance does.
 */

export type PartitionStatus = 'OK' | 'WARN' | 'STOP' | 'STALL' | 'REWIND';
export type GroupStatus = 'NOTFOUND' | 'OK' | 'WARN' | 'ERR';

/** One look at a partition of a group: what the lag sampler stores per round. */
export interface LagObservation {
  at: number;
  committedOffset: number | null;
  commitTimestamp: number | null;
  /** The high watermark. */
  logEndOffset: number;
  lag: number;
}

export interface StatusOptions {
  /** Burrow's allowed-lag: lag up to this counts as none. */
  allowedLag?: number;
  /**
   * Fewer observations than this cannot show a trend, and the partition is OK, as Burrow's minimum-complete
   * lets a partition with too little history pass. Two: one observation would call any lagging partition
   * STOP (no time between its first and last commit), however recently it committed.
   */
  minimumObservations?: number;
}

interface Commit {
  offset: number;
  timestamp: number;
  lag: number;
}

function commitsIn(window: LagObservation[]): Commit[] {
  const commits: Commit[] = [];
  for (const o of window) {
    if (o.committedOffset === null) continue;
    const last = commits.at(-1);
    const sameCommit =
      last !== undefined &&
      last.offset === o.committedOffset &&
      (o.commitTimestamp === null || o.commitTimestamp === last.timestamp);
    if (!sameCommit) {
      commits.push({ offset: o.committedOffset, timestamp: o.commitTimestamp ?? o.at, lag: o.lag });
    }
  }
  return commits;
}

/**
 * `window` holds the partition's observations, oldest first; `currentLag` is the lag now (Burrow's
 * CurrentLag, from the latest high watermark); `now` is when the evaluation happens.
 */
export function evaluatePartition(
  window: LagObservation[],
  currentLag: number,
  now: number,
  options: StatusOptions = {},
): PartitionStatus {
  const allowedLag = options.allowedLag ?? 0;
  if (currentLag <= allowedLag) return 'OK';
  if (window.length < (options.minimumObservations ?? 2)) return 'OK';
  const commits = commitsIn(window);
  if (commits.length === 0) return 'OK';
  const first = commits[0]!;
  const last = commits.at(-1)!;

  const stopped = now - last.timestamp > last.timestamp - first.timestamp;
  const recentlyCaughtUp = window.some((o) => o.logEndOffset <= last.offset);
  if (stopped && !recentlyCaughtUp) return 'STOP';

  // A rewind counts only until the consumer is back where it was: a rebalance may recommit an older offset.
  const rewind = commits.findIndex((c, i) => i > 0 && c.offset < commits[i - 1]!.offset);
  if (rewind > 0 && !commits.slice(rewind).some((c) => c.offset >= commits[rewind - 1]!.offset)) {
    return 'REWIND';
  }

  if (commits.every((c) => c.lag > allowedLag)) {
    if (commits.every((c) => c.offset === first.offset)) return 'STALL';
    if (commits.every((c, i) => i === 0 || c.lag >= commits[i - 1]!.lag)) return 'WARN';
  }
  return 'OK';
}

export function groupStatus(found: boolean, partitions: PartitionStatus[]): GroupStatus {
  if (!found) return 'NOTFOUND';
  if (partitions.some((s) => s === 'STOP' || s === 'STALL' || s === 'REWIND')) return 'ERR';
  return partitions.includes('WARN') ? 'WARN' : 'OK';
}
