/**
 * How long a consumer needs to work off its lag, from the rates observed over the window: the consume rate is
 * the slope of its position (committed offset, or log start offset before its first commit), the produce rate
 * the slope of the high watermark, both least-squares fits over the observations so one bursty commit does not
 * swing the estimate. The lag drains at (consume − produce) records a second; when that is not positive it
 * never drains at the rates seen.
 */

export interface DrainObservation {
  at: number;
  /** Where the consumer reads next. */
  position: number;
  /** The high watermark. */
  logEndOffset: number;
}

export type DrainEstimate =
  | { state: 'drained' }
  | { state: 'draining'; seconds: number; consumePerSecond: number; producePerSecond: number }
  | { state: 'never'; consumePerSecond: number; producePerSecond: number }
  /** Lag, but fewer than two observations at different times: no rate to go by. */
  | { state: 'unknown' };

/** Least-squares slope of y over x, or null when the x values do not spread. */
function slope(points: { x: number; y: number }[]): number | null {
  const n = points.length;
  if (n < 2) return null;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  return sxx === 0 ? null : sxy / sxx;
}

/** `window` oldest first (any order works); `currentLag` is the lag now, which the estimate divides. */
export function estimateDrain(window: DrainObservation[], currentLag: number): DrainEstimate {
  if (currentLag <= 0) return { state: 'drained' };
  // Seconds from the first observation keep the fit well conditioned with epoch-millisecond timestamps.
  const origin = window[0]?.at ?? 0;
  const consumePerSecond = slope(window.map((o) => ({ x: (o.at - origin) / 1000, y: o.position })));
  const producePerSecond = slope(window.map((o) => ({ x: (o.at - origin) / 1000, y: o.logEndOffset })));
  if (consumePerSecond === null || producePerSecond === null) return { state: 'unknown' };
  const drainPerSecond = consumePerSecond - producePerSecond;
  if (drainPerSecond <= 0) return { state: 'never', consumePerSecond, producePerSecond };
  return { state: 'draining', seconds: currentLag / drainPerSecond, consumePerSecond, producePerSecond };
}

/**
 * A group's estimate from its partitions': they drain in parallel, so the group has drained when its slowest
 * partition has. Never when any partition never drains; unknown when any lagging partition has no rate yet.
 * Rates are the sums over the partitions that have them.
 */
export function groupDrainEstimate(partitions: DrainEstimate[]): DrainEstimate {
  const withRates = partitions.filter((e) => e.state === 'draining' || e.state === 'never');
  const consumePerSecond = withRates.reduce((s, e) => s + e.consumePerSecond, 0);
  const producePerSecond = withRates.reduce((s, e) => s + e.producePerSecond, 0);
  if (partitions.some((e) => e.state === 'never'))
    return { state: 'never', consumePerSecond, producePerSecond };
  if (partitions.some((e) => e.state === 'unknown')) return { state: 'unknown' };
  const seconds = partitions.flatMap((e) => (e.state === 'draining' ? [e.seconds] : []));
  if (seconds.length === 0) return { state: 'drained' };
  return { state: 'draining', seconds: Math.max(...seconds), consumePerSecond, producePerSecond };
}
