/**
 * Config resources shared by DescribeConfigs, AlterConfigs and IncrementalAlterConfigs: resolving a resource
 * (topic, this broker, or the cluster-wide broker default named "") and applying a complete set of overrides.
 * Broker resources answer as Kafka's ConfigAdminManager does: a refused broker config is INVALID_REQUEST with
 * DynamicBrokerConfig's message; a refused topic config is INVALID_CONFIG.
 */
import { ErrorCode } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { ConfigError } from '../config/config-def.ts';
import type { DynamicLevel } from '../config/config-store.ts';

export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

export interface ResourceResult {
  errorCode: number;
  errorMessage: string | null;
}

export const OK: ResourceResult = { errorCode: ErrorCode.NONE, errorMessage: null };

/** The dynamic level a broker resource names: "" is the cluster-wide default, "<node.id>" this broker. */
export function brokerLevel(resourceName: string): DynamicLevel {
  return resourceName === '' ? 'cluster' : 'broker';
}

/**
 * Why a resource cannot be used, or null: unknown topics, other brokers, unsupported types. DescribeConfigs
 * (ConfigHelper) and the AlterConfigs APIs (ConfigAdminManager) word a wrong broker id differently.
 */
export function resourceProblem(
  services: BrokerServices,
  resourceType: number,
  resourceName: string,
  api: 'describe' | 'alter' = 'describe',
): ResourceResult | null {
  if (resourceType === ResourceType.TOPIC) {
    if (!services.topics.get(resourceName)) {
      return {
        errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        errorMessage: `Topic ${resourceName} does not exist`,
      };
    }
    return null;
  }
  if (resourceType === ResourceType.BROKER) {
    if (resourceName === '') return null;
    if (!/^[+-]?\d+$/.test(resourceName)) {
      const what = api === 'describe' ? 'Broker id' : 'Node id';
      return {
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `${what} must be an integer, but it is: ${resourceName}`,
      };
    }
    if (Number(resourceName) !== services.node.nodeId) {
      const expected =
        api === 'describe' ? `${services.node.nodeId} or empty string` : `${services.node.nodeId}`;
      return {
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `Unexpected broker id, expected ${expected}, but received ${resourceName}`,
      };
    }
    return null;
  }
  return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Unsupported resource type ${resourceType}` };
}

/** The overrides currently set on a resource. */
export function currentOverrides(
  services: BrokerServices,
  resourceType: number,
  resourceName: string,
): Map<string, string> {
  if (resourceType === ResourceType.TOPIC) return new Map(services.topics.get(resourceName)?.configs ?? []);
  return services.config.dynamicOverrides(brokerLevel(resourceName));
}

/** Replaces a resource's overrides with `configs` (validated first); nothing changes when validation fails. */
export function applyOverrides(
  services: BrokerServices,
  resourceType: number,
  resourceName: string,
  configs: Map<string, string>,
  validateOnly: boolean,
): ResourceResult {
  if (resourceType === ResourceType.TOPIC) {
    const result = services.topicManager.setTopicConfigs(resourceName, configs, validateOnly);
    if (result.errorCode === ErrorCode.NONE && !validateOnly) {
      services.log.info(
        `altered configs of topic ${resourceName}: ${[...configs].map(([k, v]) => `${k}=${v}`).join(', ')}`,
      );
    }
    return result;
  }
  const level = brokerLevel(resourceName);
  try {
    const changes = new Map<string, string | null>(configs);
    for (const name of services.config.dynamicOverrides(level).keys())
      if (!configs.has(name)) changes.set(name, null);
    services.config.validateDynamic(changes, level);
    if (!validateOnly) {
      services.config.setDynamic(changes, level);
      services.topicManager.refreshAllLogConfigs();
    }
    return OK;
  } catch (error) {
    if (error instanceof ConfigError)
      return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: error.message };
    throw error;
  }
}

/** ConfigAdminManager's checks common to both AlterConfigs APIs, or null when the resource may be altered. */
export function alterRequestProblem(
  services: BrokerServices,
  resource: { resourceType: number; resourceName: string },
  configs: readonly { name: string; value: string | null; configOperation?: number }[],
  duplicateResources: ReadonlySet<string>,
): ResourceResult | null {
  if (duplicateResources.has(resourceKey(resource))) {
    return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Each resource must appear at most once.' };
  }
  const names = configs.map((c) => c.name);
  if (new Set(names).size !== names.length) {
    return { errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Error due to duplicate config keys' };
  }
  const DELETE = 1;
  const nullValues = configs
    .filter((c) => c.value === null && c.configOperation !== DELETE)
    .map((c) => c.name);
  if (nullValues.length > 0) {
    return {
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: `Null value not supported for : ${nullValues.join(', ')}`,
    };
  }
  return resourceProblem(services, resource.resourceType, resource.resourceName, 'alter');
}

function resourceKey(resource: { resourceType: number; resourceName: string }): string {
  return `${resource.resourceType}:${resource.resourceName}`;
}

/** The resources named more than once in one request; Kafka refuses every copy. */
export function duplicateResources(
  resources: readonly { resourceType: number; resourceName: string }[],
): Set<string> {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const resource of resources) {
    const key = resourceKey(resource);
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
  }
  return duplicates;
}
