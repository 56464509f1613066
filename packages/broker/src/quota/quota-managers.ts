/**
 * A broker's client quota managers (Kafka's QuotaFactory.QuotaManagers) and how they follow the quotas in the
 * security metadata (Kafka's ClientQuotaMetadataManager): every change to the image's client quotas is applied
 * to the manager of its key, live, on every broker that replays it.
 *
 * - Produce: `producer_byte_rate`, bytes of Produce requests per second.
 * - Fetch: `consumer_byte_rate`, bytes of consumer Fetch responses per second (follower fetches are exempt).
 * - Request: `request_percentage`, the share of one request handler (here: the event loop) a client may use,
 *   in percent per quota window; its throttle time is capped at one window.
 * - ControllerMutation: `controller_mutation_rate`, partitions created or deleted per second (token bucket).
 * `ip` entities carry only `connection_creation_rate`, which these managers do not use.
 */
import {
  clientQuotaEntityKey,
  type ClientQuotaEntity,
  type ClientQuotaImage,
} from '../metadata/metadata-image.ts';
import type { SecurityImage } from '../security/security-metadata.ts';
import { ClientQuotaManager, type EntityPart, type QuotaObservation } from './client-quota-manager.ts';
import { ControllerMutationQuotaManager } from './controller-mutation-quota.ts';

/** Kafka's quota config keys (QuotaConfigs). */
export const QuotaKey = {
  PRODUCER_BYTE_RATE: 'producer_byte_rate',
  CONSUMER_BYTE_RATE: 'consumer_byte_rate',
  REQUEST_PERCENTAGE: 'request_percentage',
  CONTROLLER_MUTATION_RATE: 'controller_mutation_rate',
  CONNECTION_CREATION_RATE: 'connection_creation_rate',
} as const;

/** Kafka's ClientQuotaEntity types. */
export const QuotaEntityType = { USER: 'user', CLIENT_ID: 'client-id', IP: 'ip' } as const;

/** A configured quota entity with what is measured of the clients its quotas apply to. */
export interface EntityQuotaUsage {
  entity: ClientQuotaEntity;
  /** Its quotas by key, as configured. */
  quotas: Record<string, number>;
  /** The sensors whose quota comes from this entity (several for a default: one per user or client-id). */
  observations: QuotaObservation[];
}

export interface QuotaManagersConfig {
  /** quota.window.num */
  windowNum: number;
  /** quota.window.size.seconds */
  windowSizeSeconds: number;
  /** controller.quota.window.num */
  controllerWindowNum: number;
  /** controller.quota.window.size.seconds */
  controllerWindowSizeSeconds: number;
}

export class QuotaManagers {
  readonly produce: ClientQuotaManager;
  readonly fetch: ClientQuotaManager;
  readonly request: ClientQuotaManager;
  readonly controllerMutation: ControllerMutationQuotaManager;
  private applied: ReadonlyMap<string, ClientQuotaImage> = new Map();

  constructor(
    config: QuotaManagersConfig,
    private readonly now: () => number,
  ) {
    const windows = { samples: config.windowNum, windowMs: config.windowSizeSeconds * 1000 };
    this.produce = new ClientQuotaManager('Produce', { windows });
    this.fetch = new ClientQuotaManager('Fetch', { windows });
    this.request = new ClientQuotaManager('Request', { windows, maxThrottleTimeMs: windows.windowMs });
    this.controllerMutation = new ControllerMutationQuotaManager(
      { samples: config.controllerWindowNum, windowMs: config.controllerWindowSizeSeconds * 1000 },
      now,
    );
  }

  /** The manager a quota key configures; undefined for keys the client quota managers do not use. */
  managerFor(key: string): ClientQuotaManager | undefined {
    switch (key) {
      case QuotaKey.PRODUCER_BYTE_RATE:
        return this.produce;
      case QuotaKey.CONSUMER_BYTE_RATE:
        return this.fetch;
      case QuotaKey.REQUEST_PERCENTAGE:
        return this.request;
      case QuotaKey.CONTROLLER_MUTATION_RATE:
        return this.controllerMutation;
      default:
        return undefined;
    }
  }

  /** Applies what changed in the image's client quotas since the last image applied. */
  apply(image: SecurityImage): void {
    const before = this.applied;
    const after = image.clientQuotas;
    if (before === after) return;
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(key);
      const now = after.get(key);
      if (old === now) continue;
      const entity = (now ?? old)!.entity;
      if (QuotaEntityType.IP in entity) continue;
      const user: EntityPart = QuotaEntityType.USER in entity ? entity[QuotaEntityType.USER] : undefined;
      const clientId: EntityPart =
        QuotaEntityType.CLIENT_ID in entity ? entity[QuotaEntityType.CLIENT_ID] : undefined;
      if (user === undefined && clientId === undefined) continue;
      for (const quotaKey of new Set([...(old?.quotas.keys() ?? []), ...(now?.quotas.keys() ?? [])])) {
        const value = now?.quotas.get(quotaKey) ?? null;
        if (value === (old?.quotas.get(quotaKey) ?? null)) continue;
        this.managerFor(quotaKey)?.updateQuota(user, clientId, value);
      }
    }
    this.applied = after;
  }

  /** Every (user, client-id) pair measured, by kind of quota: observed rates, throttle times and quotas. */
  observations(): QuotaObservation[] {
    const nowMs = this.now();
    return [this.produce, this.fetch, this.request, this.controllerMutation].flatMap((manager) =>
      manager.observations(nowMs),
    );
  }

  /**
   * Every quota entity in force (the last image applied) with the sensors its quotas apply to, and the sensors no
   * quota applies to (clients measured but not limited): what the console shows beside each quota.
   */
  usage(): { entities: EntityQuotaUsage[]; unlimited: QuotaObservation[] } {
    const nowMs = this.now();
    const entities = new Map<string, EntityQuotaUsage>();
    for (const [key, { entity, quotas }] of this.applied)
      entities.set(key, { entity, quotas: Object.fromEntries(quotas), observations: [] });
    const unlimited: QuotaObservation[] = [];
    for (const manager of [this.produce, this.fetch, this.request, this.controllerMutation]) {
      for (const observation of manager.observations(nowMs)) {
        const source = manager.quotaEntity(observation);
        const usage =
          source && entities.get(clientQuotaEntityKey(quotaEntityOf(source.user, source.clientId)));
        if (usage) usage.observations.push(observation);
        else unlimited.push(observation);
      }
    }
    return { entities: [...entities.values()], unlimited };
  }

  /** The observations of one client (a user and client-id as its requests carry them), whichever tags measure it. */
  observationsFor(user: string, clientId: string): QuotaObservation[] {
    const nowMs = this.now();
    return [this.produce, this.fetch, this.request, this.controllerMutation].flatMap((manager) => {
      const tags = manager.metricTags(user, clientId);
      return manager.observations(nowMs).filter((o) => o.user === tags.user && o.clientId === tags.clientId);
    });
  }
}

function quotaEntityOf(user: EntityPart, clientId: EntityPart): ClientQuotaEntity {
  const entity: Record<string, string | null> = {};
  if (user !== undefined) entity[QuotaEntityType.USER] = user;
  if (clientId !== undefined) entity[QuotaEntityType.CLIENT_ID] = clientId;
  return entity;
}
