/**
 * Client quotas of one kind (Kafka's ClientQuotaManager with its default quota callback): quota values by entity,
 * which entity's quota a (user, client-id) pair is held to, and a sensor per metric-tag pair that measures the
 * pair's rate and the throttle times it was given.
 *
 * Quota resolution, most specific first (user and client-id quotas may be set for a name or for `<default>`):
 *   1. user U, client-id C        2. user U, client-id <default>    3. user U
 *   4. user <default>, client C   5. user <default>, client <default>   6. user <default>
 *   7. client-id C                8. client-id <default>
 * The pair is measured under metric tags (user, client-id), either of them '' when the quota in force does not
 * name it, so that every client sharing a quota shares its sensor: with client-id quotas alone, all users of one
 * client-id together; with user quotas alone, all clients of one user together.
 *
 * Invariants: which entity levels have ever had a quota (`enabledLevels`) only grows until restart, as in Kafka
 * (it picks the metric tags); a sensor's quota is re-resolved whenever any quota changes; a sensor not recorded
 * to for an hour is dropped, with its metrics.
 */
import { Rate, SampledSum, throttleTimeMs, type SampleWindows } from './quota-stats.ts';

/** The kinds of client quota, by the name Kafka's metrics group (JMX `type`) gives them. */
export type QuotaType = 'Produce' | 'Fetch' | 'Request' | 'ControllerMutation';

/**
 * One side of a quota entity as the managers key it: undefined when the entity does not name that type, null for
 * `<default>`, otherwise the name.
 */
export type EntityPart = string | null | undefined;

/** The metric tags a (user, client-id) pair is measured under; '' where the quota in force does not name it. */
export interface QuotaMetricTags {
  user: string;
  clientId: string;
}

/** What the console and /metrics show of one sensor. */
export interface QuotaObservation {
  quotaType: QuotaType;
  user: string;
  clientId: string;
  /** Bytes per second (Produce, Fetch), percent of one thread (Request) or partition mutations per second. */
  rate: number;
  /** The mean throttle time given over the last two 30-second windows (Kafka's throttle-time); 0 when none. */
  throttleTimeMs: number;
  /** The quota this pair is held to; null when none applies. */
  quota: number | null;
}

const USER_LEVEL = 2;
const CLIENT_ID_LEVEL = 1;
const USER_CLIENT_ID_LEVEL = 4;

/** Kafka's ClientQuotaManager.InactiveSensorExpirationTimeSeconds. */
const SENSOR_EXPIRY_MS = 3_600_000;
/** How often expired sensors are looked for (Kafka's metrics reaper runs every 30 seconds). */
const EXPIRY_CHECK_MS = 30_000;
/** The throttle-time metric's sampling: the Metrics default config (2 samples of 30 seconds). */
const THROTTLE_TIME_WINDOWS: SampleWindows = { samples: 2, windowMs: 30_000 };

export interface ClientSensors {
  readonly tags: QuotaMetricTags;
  readonly rate: Rate;
  readonly throttleTimes: SampledSum;
  /** The quota in force for these tags; null: none. */
  quota: number | null;
  lastRecordMs: number;
}

function partKey(part: EntityPart): string {
  if (part === undefined) return '-';
  if (part === null) return '*';
  return `=${encodeURIComponent(part)}`;
}

function entityKey(user: EntityPart, clientId: EntityPart): string {
  return `${partKey(user)}|${partKey(clientId)}`;
}

function tagsKey(tags: QuotaMetricTags): string {
  return `${encodeURIComponent(tags.user)}|${encodeURIComponent(tags.clientId)}`;
}

export interface ClientQuotaManagerOptions {
  windows: SampleWindows;
  /** Caps every throttle time (the request quota caps at one window); none by default. */
  maxThrottleTimeMs?: number;
}

export class ClientQuotaManager {
  protected readonly windows: SampleWindows;
  private readonly maxThrottleTimeMs: number;
  private readonly overridden = new Map<string, number>();
  private enabledLevels = 0;
  protected readonly sensors = new Map<string, ClientSensors>();
  private lastExpiryCheckMs = 0;

  constructor(
    readonly quotaType: QuotaType,
    options: ClientQuotaManagerOptions,
  ) {
    this.windows = options.windows;
    this.maxThrottleTimeMs = options.maxThrottleTimeMs ?? Number.POSITIVE_INFINITY;
  }

  /** Whether any quota of this kind has been set since start (Kafka's quotasEnabled). */
  get quotasEnabled(): boolean {
    return this.enabledLevels !== 0;
  }

  /** Sets (a number) or removes (null) the quota of the entity (user, client-id); see EntityPart. */
  updateQuota(user: EntityPart, clientId: EntityPart, quota: number | null): void {
    if (user === undefined && clientId === undefined)
      throw new Error('a quota entity names a user or a client');
    if (user !== undefined) this.enabledLevels |= clientId !== undefined ? USER_CLIENT_ID_LEVEL : USER_LEVEL;
    else this.enabledLevels |= CLIENT_ID_LEVEL;
    const key = entityKey(user, clientId);
    if (quota === null) this.overridden.delete(key);
    else this.overridden.set(key, quota);
    for (const sensors of this.sensors.values()) sensors.quota = this.quotaLimit(sensors.tags);
  }

  /** The metric tags of a request from `user` with `clientId` (Kafka's DefaultQuotaCallback.quotaMetricTags). */
  metricTags(user: string, clientId: string): QuotaMetricTags {
    switch (this.enabledLevels) {
      case 0:
      case CLIENT_ID_LEVEL:
        return { user: '', clientId };
      case USER_LEVEL:
        return { user, clientId: '' };
      case USER_CLIENT_ID_LEVEL:
        return { user, clientId };
      default: {
        const has = (u: EntityPart, c: EntityPart) => this.overridden.has(entityKey(u, c));
        if (has(user, clientId) || has(user, null)) return { user, clientId };
        if (has(user, undefined)) return { user, clientId: '' };
        if (has(null, clientId) || has(null, null)) return { user, clientId };
        if (has(null, undefined)) return { user, clientId: '' };
        return { user: '', clientId };
      }
    }
  }

  /** The quota for metric tags (Kafka's DefaultQuotaCallback.quotaLimit); null when none applies. */
  quotaLimit(tags: QuotaMetricTags): number | null {
    const entity = this.quotaEntity(tags);
    return entity ? this.overridden.get(entityKey(entity.user, entity.clientId))! : null;
  }

  /** The entity whose quota applies to metric tags, in quotaLimit's order of lookup; null when none does. */
  quotaEntity(tags: QuotaMetricTags): { user: EntityPart; clientId: EntityPart } | null {
    const { user, clientId } = tags;
    let candidates: [EntityPart, EntityPart][] = [];
    if (user !== '' && clientId !== '') {
      candidates = [
        [user, clientId],
        [user, null],
        [null, clientId],
        [null, null],
      ];
    } else if (user !== '') {
      candidates = [
        [user, undefined],
        [null, undefined],
      ];
    } else if (clientId !== '') {
      candidates = [
        [undefined, clientId],
        [undefined, null],
      ];
    }
    const found = candidates.find(([u, c]) => this.overridden.has(entityKey(u, c)));
    return found ? { user: found[0], clientId: found[1] } : null;
  }

  /** The quota a request from `user` with `clientId` is held to; null when none. */
  quota(user: string, clientId: string): number | null {
    return this.quotaLimit(this.metricTags(user, clientId));
  }

  /**
   * Records `value` for the pair at `nowMs` and returns how long to throttle it: 0 while its rate is within the
   * quota, else the time for the rate to fall back to the quota (Kafka's recordAndGetThrottleTimeMs).
   */
  recordAndGetThrottleTimeMs(user: string, clientId: string, value: number, nowMs: number): number {
    const sensors = this.sensorsFor(user, clientId, nowMs);
    sensors.rate.record(this.windows, value, nowMs);
    sensors.lastRecordMs = nowMs;
    if (sensors.quota === null) return 0;
    const observed = sensors.rate.measure(this.windows, nowMs);
    if (observed <= sensors.quota) return 0;
    const windowSizeMs = sensors.rate.windowSizeMs(this.windows, nowMs);
    return Math.min(throttleTimeMs(observed, sensors.quota, windowSizeMs), this.maxThrottleTimeMs);
  }

  /** Records without checking the quota: counted against the next request (Kafka's recordNoThrottle). */
  recordNoThrottle(user: string, clientId: string, value: number, nowMs: number): void {
    const sensors = this.sensorsFor(user, clientId, nowMs);
    sensors.rate.record(this.windows, value, nowMs);
    sensors.lastRecordMs = nowMs;
  }

  /** Takes back a recorded value: a throttled Fetch sends no data, so its bytes must not count. */
  unrecord(user: string, clientId: string, value: number, nowMs: number): void {
    this.recordNoThrottle(user, clientId, -value, nowMs);
  }

  /**
   * The most that one request could record without certainly being throttled, even after a quiet window; a
   * Fetch asks for no more than this (Kafka's getMaxValueInQuotaWindow).
   */
  maxValueInQuotaWindow(user: string, clientId: string): number {
    if (!this.quotasEnabled) return Number.POSITIVE_INFINITY;
    const quota = this.quota(user, clientId);
    if (quota === null) return Number.POSITIVE_INFINITY;
    return (quota * (this.windows.samples - 1) * this.windows.windowMs) / 1000;
  }

  /** Counts a throttle this manager's quota caused in the pair's throttle-time metric. */
  recordThrottle(user: string, clientId: string, throttleMs: number, nowMs: number): void {
    if (throttleMs <= 0) return;
    const sensors = this.sensorsFor(user, clientId, nowMs);
    sensors.throttleTimes.record(THROTTLE_TIME_WINDOWS, throttleMs, nowMs);
  }

  observations(nowMs: number): QuotaObservation[] {
    this.expireSensors(nowMs);
    return [...this.sensors.values()].map((sensors) => this.observe(sensors, nowMs));
  }

  protected observe(sensors: ClientSensors, nowMs: number): QuotaObservation {
    const throttle = sensors.throttleTimes.average(THROTTLE_TIME_WINDOWS, nowMs);
    return {
      quotaType: this.quotaType,
      user: sensors.tags.user,
      clientId: sensors.tags.clientId,
      rate: sensors.rate.measure(this.windows, nowMs),
      throttleTimeMs: Number.isNaN(throttle) ? 0 : throttle,
      quota: sensors.quota,
    };
  }

  protected sensorsFor(user: string, clientId: string, nowMs: number): ClientSensors {
    this.expireSensors(nowMs);
    const tags = this.metricTags(user, clientId);
    const key = tagsKey(tags);
    let sensors = this.sensors.get(key);
    if (!sensors) {
      sensors = {
        tags,
        rate: new Rate(),
        throttleTimes: new SampledSum(),
        quota: this.quotaLimit(tags),
        lastRecordMs: nowMs,
      };
      this.sensors.set(key, sensors);
    }
    return sensors;
  }

  private expireSensors(nowMs: number): void {
    if (nowMs - this.lastExpiryCheckMs < EXPIRY_CHECK_MS) return;
    this.lastExpiryCheckMs = nowMs;
    for (const [key, sensors] of this.sensors)
      if (nowMs - sensors.lastRecordMs > SENSOR_EXPIRY_MS) this.sensors.delete(key);
  }
}
