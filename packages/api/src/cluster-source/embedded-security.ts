/**
 * The security of the broker embedded in this process: changes and reads go over its listener like any Kafka
 * client's (WireClusterSecurity); what its quota managers measure of each client is read in-process (the
 * figures /metrics exports as kafka_server_produce_byte_rate and its throttle time), and so is what its
 * authorizer decides with: the very ACLs and settings it enforces.
 */
import type { BrokerServices, QuotaObservation } from '@sluice/broker';
import type { ClusterClient } from '@sluice/client';
import { quotaEntityKey } from '@sluice/validators';
import type {
  AuthorizationContext,
  ObservedThroughput,
  QuotaUsage,
  UnlimitedClient,
} from './cluster-security.ts';
import { WireClusterSecurity } from './wire-security.ts';

const NOTHING_OBSERVED: ObservedThroughput = {
  produceByteRate: 0,
  fetchByteRate: 0,
  produceThrottleTimeMs: 0,
  fetchThrottleTimeMs: 0,
  clients: 0,
};

/**
 * Adds one sensor to a total. Rates add up (the entity's clients together); throttle times do not (each client
 * is throttled on its own), so the longest is kept. Request and ControllerMutation sensors are not shown.
 */
function add(total: ObservedThroughput, observation: QuotaObservation): ObservedThroughput {
  switch (observation.quotaType) {
    case 'Produce':
      return {
        ...total,
        produceByteRate: total.produceByteRate + observation.rate,
        produceThrottleTimeMs: Math.max(total.produceThrottleTimeMs, observation.throttleTimeMs),
      };
    case 'Fetch':
      return {
        ...total,
        fetchByteRate: total.fetchByteRate + observation.rate,
        fetchThrottleTimeMs: Math.max(total.fetchThrottleTimeMs, observation.throttleTimeMs),
      };
    default:
      return total;
  }
}

function sumOf(observations: readonly QuotaObservation[]): ObservedThroughput {
  const pairs = new Set(observations.map((o) => `${o.user}\u0000${o.clientId}`));
  return { ...observations.reduce(add, NOTHING_OBSERVED), clients: pairs.size };
}

export class EmbeddedClusterSecurity extends WireClusterSecurity {
  constructor(
    private readonly services: BrokerServices,
    client: ClusterClient,
  ) {
    super(client);
  }

  override async quotaUsage(): Promise<QuotaUsage> {
    const { entities, unlimited } = this.services.quotas.usage();
    const byEntity: Record<string, ObservedThroughput> = {};
    for (const { entity, observations } of entities) {
      const measured = observations.filter((o) => o.quotaType === 'Produce' || o.quotaType === 'Fetch');
      if (measured.length > 0) byEntity[quotaEntityKey(entity)] = sumOf(measured);
    }
    const clients = new Map<string, QuotaObservation[]>();
    for (const observation of unlimited) {
      if (observation.quotaType !== 'Produce' && observation.quotaType !== 'Fetch') continue;
      const key = `${observation.user}\u0000${observation.clientId}`;
      clients.set(key, [...(clients.get(key) ?? []), observation]);
    }
    const unlimitedClients: UnlimitedClient[] = [...clients.values()]
      .map((observations) => ({
        user: observations[0]!.user,
        clientId: observations[0]!.clientId,
        ...sumOf(observations),
      }))
      .sort((a, b) => a.user.localeCompare(b.user) || a.clientId.localeCompare(b.clientId));
    return { entities: byEntity, unlimited: unlimitedClients };
  }

  override async authorization(): Promise<AuthorizationContext | null> {
    const { authorizer } = this.services;
    if (!authorizer) return null;
    return { acls: [...authorizer.acls().values()], options: authorizer.options };
  }
}
