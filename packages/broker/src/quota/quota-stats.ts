/**
 * The statistics client quotas are measured with, with the semantics of Kafka's metrics library
 * (org.apache.kafka.common.metrics: SampledStat, WindowedSum, Avg, Rate, TokenBucket), so that throttle times
 * come out as Kafka's do for the same traffic.
 *
 * Invariants of a sampled stat: it keeps at most `samples + 1` samples (the extra one overlaps the start of the
 * measured window); a record goes into the current sample, or starts the next one (recycling the oldest slot)
 * once the current one is `windowMs` old; a sample with no event for `samples * windowMs` is reset before any
 * measurement, so idle time does not count twice.
 *
 * A Rate divides the windowed sum by the elapsed time since the oldest sample began, but never by less than
 * `samples - 1` whole windows: a client that has just started is measured as if it had been quiet for the rest
 * of the window (so it may send up to (samples - 1) x windowMs x quota at once before it is throttled, as in Kafka).
 */

/** How a quota's statistic is sampled: Kafka's MetricConfig (samples, timeWindow) with the quota bound. */
export interface SampleWindows {
  /** quota.window.num: the number of samples kept. */
  samples: number;
  /** quota.window.size.seconds, in milliseconds. */
  windowMs: number;
}

interface Sample {
  value: number;
  eventCount: number;
  startMs: number;
  lastEventMs: number;
}

function newSample(nowMs: number): Sample {
  return { value: 0, eventCount: 0, startMs: nowMs, lastEventMs: nowMs };
}

function resetSample(sample: Sample, nowMs: number): void {
  sample.value = 0;
  sample.eventCount = 0;
  sample.startMs = nowMs;
  sample.lastEventMs = nowMs;
}

/** Kafka's SampledStat with WindowedSum's update: each sample sums the values recorded in its window. */
export class SampledSum {
  private readonly samples: Sample[] = [];
  private current = 0;

  record(windows: SampleWindows, value: number, nowMs: number): void {
    let sample = this.currentSample(nowMs);
    if (nowMs - sample.startMs >= windows.windowMs) sample = this.advance(windows, nowMs);
    sample.value += value;
    sample.eventCount += 1;
    sample.lastEventMs = nowMs;
  }

  /** The sum of every sample still inside the window. */
  sum(windows: SampleWindows, nowMs: number): number {
    this.purgeObsoleteSamples(windows, nowMs);
    let total = 0;
    for (const sample of this.samples) total += sample.value;
    return total;
  }

  /** The mean of the recorded values still inside the window (Kafka's Avg); NaN when there are none. */
  average(windows: SampleWindows, nowMs: number): number {
    this.purgeObsoleteSamples(windows, nowMs);
    let total = 0;
    let count = 0;
    for (const sample of this.samples) {
      total += sample.value;
      count += sample.eventCount;
    }
    return count === 0 ? Number.NaN : total / count;
  }

  /** The start of the oldest sample (creating the first sample at `nowMs` if there is none, as Kafka does). */
  oldestStartMs(nowMs: number): number {
    if (this.samples.length === 0) this.samples.push(newSample(nowMs));
    let oldest = this.samples[0]!.startMs;
    for (const sample of this.samples) if (sample.startMs < oldest) oldest = sample.startMs;
    return oldest;
  }

  purgeObsoleteSamples(windows: SampleWindows, nowMs: number): void {
    const expireAgeMs = windows.samples * windows.windowMs;
    for (const sample of this.samples)
      if (nowMs - sample.lastEventMs >= expireAgeMs) resetSample(sample, nowMs);
  }

  private currentSample(nowMs: number): Sample {
    if (this.samples.length === 0) this.samples.push(newSample(nowMs));
    return this.samples[this.current]!;
  }

  private advance(windows: SampleWindows, nowMs: number): Sample {
    this.current = (this.current + 1) % (windows.samples + 1);
    if (this.current >= this.samples.length) {
      const sample = newSample(nowMs);
      this.samples.push(sample);
      return sample;
    }
    const sample = this.samples[this.current]!;
    resetSample(sample, nowMs);
    return sample;
  }
}

/** Kafka's Rate over a WindowedSum: the windowed sum per second. */
export class Rate {
  private readonly stat = new SampledSum();

  record(windows: SampleWindows, value: number, nowMs: number): void {
    this.stat.record(windows, value, nowMs);
  }

  /** Per second. */
  measure(windows: SampleWindows, nowMs: number): number {
    const sum = this.stat.sum(windows, nowMs);
    return sum / (this.windowSizeMs(windows, nowMs) / 1000);
  }

  /** The time the rate is measured over: since the oldest sample began, and at least samples - 1 windows. */
  windowSizeMs(windows: SampleWindows, nowMs: number): number {
    this.stat.purgeObsoleteSamples(windows, nowMs);
    let elapsedMs = nowMs - this.stat.oldestStartMs(nowMs);
    const fullWindows = Math.floor(elapsedMs / windows.windowMs);
    const minFullWindows = windows.samples - 1;
    if (fullWindows < minFullWindows) elapsedMs += (minFullWindows - fullWindows) * windows.windowMs;
    return Math.max(elapsedMs, 1);
  }
}

/**
 * Kafka's TokenBucket (KIP-599): credits refill at `quota` per second up to a burst of samples x window x quota;
 * a record takes its value out, and the quota is exhausted while the credits are below zero. A new bucket is
 * full (its last refill is at time zero).
 */
export class TokenBucket {
  private tokens = 0;
  private lastUpdateMs = 0;

  measure(windows: SampleWindows, quota: number, nowMs: number): number {
    this.refill(windows, quota, nowMs);
    return this.tokens;
  }

  record(windows: SampleWindows, quota: number, value: number, nowMs: number): void {
    this.refill(windows, quota, nowMs);
    this.tokens = Math.min(burst(windows, quota), this.tokens - value);
  }

  private refill(windows: SampleWindows, quota: number, nowMs: number): void {
    this.tokens = Math.min(burst(windows, quota), this.tokens + (quota * (nowMs - this.lastUpdateMs)) / 1000);
    this.lastUpdateMs = nowMs;
  }
}

function burst(windows: SampleWindows, quota: number): number {
  return (windows.samples * windows.windowMs * quota) / 1000;
}

/**
 * Kafka's QuotaUtils.throttleTime: how long the client must stay quiet for the observed rate O to fall back to
 * the quota T over the window W it is measured on, O x W / (W + X) = T, so X = (O - T) / T x W; rounded.
 */
export function throttleTimeMs(observed: number, quota: number, windowSizeMs: number): number {
  return Math.round(((observed - quota) / quota) * windowSizeMs);
}
