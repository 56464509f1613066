/**
 * The controller mutation quota (KIP-599, Kafka's ControllerMutationQuotaManager): `controller_mutation_rate`
 * partitions per second that CreateTopics, CreatePartitions and DeleteTopics may create or delete, measured by a
 * token bucket rather than a sampled rate, so that a burst is paid back as soon as its tokens refill.
 *
 * A request gets a quota for its lifetime (newQuotaFor):
 * - strict from CreateTopics v6, CreatePartitions v3 and DeleteTopics v5: a topic is refused with
 *   THROTTLING_QUOTA_EXCEEDED while the bucket is below zero; a topic that finds it at zero or above is accepted
 *   whatever its size, and may take it below zero;
 * - permissive for older versions, which cannot be told THROTTLING_QUOTA_EXCEEDED: every topic is accepted and
 *   the response is throttled once the bucket is below zero.
 * Either way the throttle time is what refills the bucket to zero: -tokens / quota seconds.
 */
import { ClientQuotaManager, type ClientSensors, type QuotaObservation } from './client-quota-manager.ts';
import { TokenBucket, type SampleWindows } from './quota-stats.ts';

/** What Kafka's ThrottlingQuotaExceededException says. */
export const THROTTLING_QUOTA_EXCEEDED_MESSAGE = 'The throttling quota has been exceeded.';

export class ThrottlingQuotaExceededError extends Error {
  override readonly name = 'ThrottlingQuotaExceededError';

  constructor(readonly throttleTimeMs: number) {
    super(THROTTLING_QUOTA_EXCEEDED_MESSAGE);
  }
}

/** One request's view of its client's mutation quota. */
export interface ControllerMutationQuota {
  /** Takes `permits` partition mutations; throws ThrottlingQuotaExceededError when a strict quota refuses them. */
  record(permits: number): void;
  /** Gives back permits taken for mutations that then did not happen. */
  refund(permits: number): void;
  /** What the response's throttle_time_ms should be now (the time recorded, less what has passed since). */
  throttleTime(): number;
}

export const UNBOUNDED_MUTATION_QUOTA: ControllerMutationQuota = {
  record: () => undefined,
  refund: () => undefined,
  throttleTime: () => 0,
};

interface MutationSensors extends ClientSensors {
  tokens: TokenBucket;
}

/** The versions from which each API's quota is strict (Kafka's ControllerApis). */
export const STRICT_SINCE_VERSION = { CreateTopics: 6, CreatePartitions: 3, DeleteTopics: 5 } as const;

export class ControllerMutationQuotaManager extends ClientQuotaManager {
  constructor(
    windows: SampleWindows,
    private readonly now: () => number,
  ) {
    super('ControllerMutation', { windows });
  }

  /** The quota a request of `apiVersion` gets; strict from `strictSinceVersion`. */
  newQuotaFor(user: string, clientId: string, apiVersion: number, strictSinceVersion: number) {
    if (!this.quotasEnabled) return UNBOUNDED_MUTATION_QUOTA;
    return this.newQuota(user, clientId, apiVersion >= strictSinceVersion);
  }

  private newQuota(user: string, clientId: string, strict: boolean): ControllerMutationQuota {
    let lastThrottleTimeMs = 0;
    let lastRecordedMs = 0;
    const violated = (sensors: MutationSensors, nowMs: number): boolean => {
      if (sensors.quota === null) return false;
      const tokens = sensors.tokens.measure(this.windows, sensors.quota, nowMs);
      if (tokens >= 0) return false;
      lastThrottleTimeMs = Math.round((-tokens / sensors.quota) * 1000);
      lastRecordedMs = nowMs;
      return true;
    };
    return {
      record: (permits) => {
        const nowMs = this.now();
        const sensors = this.mutationSensors(user, clientId, nowMs);
        if (strict && violated(sensors, nowMs)) throw new ThrottlingQuotaExceededError(lastThrottleTimeMs);
        this.take(sensors, permits, nowMs);
        if (!strict) violated(sensors, nowMs);
      },
      refund: (permits) => {
        const nowMs = this.now();
        this.take(this.mutationSensors(user, clientId, nowMs), -permits, nowMs);
      },
      throttleTime: () => Math.max(0, lastThrottleTimeMs - (this.now() - lastRecordedMs)),
    };
  }

  private take(sensors: MutationSensors, permits: number, nowMs: number): void {
    sensors.rate.record(this.windows, permits, nowMs);
    if (sensors.quota !== null) sensors.tokens.record(this.windows, sensors.quota, permits, nowMs);
    sensors.lastRecordMs = nowMs;
  }

  private mutationSensors(user: string, clientId: string, nowMs: number): MutationSensors {
    const sensors = this.sensorsFor(user, clientId, nowMs) as MutationSensors;
    sensors.tokens ??= new TokenBucket();
    return sensors;
  }

  /** The remaining tokens (Kafka's `tokens` metric) with the usual observation. */
  protected override observe(sensors: ClientSensors, nowMs: number): QuotaObservation & { tokens: number } {
    const base = super.observe(sensors, nowMs);
    const { tokens } = sensors as MutationSensors;
    return {
      ...base,
      tokens:
        tokens && sensors.quota !== null ? tokens.measure(this.windows, sensors.quota, nowMs) : Number.NaN,
    };
  }
}
