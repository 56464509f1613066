/**
 * Config resources shared by DescribeConfigs, AlterConfigs and IncrementalAlterConfigs: resolving a resource
 * (topic, this broker, or the cluster-wide broker default named "") and applying a complete set of overrides.
 */
import { ErrorCode } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { ConfigError } from '../config/config-def.ts';

export const ResourceType = { TOPIC: 2, BROKER: 4, BROKER_LOGGER: 8 } as const;

export interface ResourceResult {
  errorCode: number;
  errorMessage: string | null;
}

export const OK: ResourceResult = { errorCode: ErrorCode.NONE, errorMessage: null };

/** Why a resource cannot be used, or null: unknown topics, other brokers, unsupported types. */
export function resourceProblem(
  services: BrokerServices,
  resourceType: number,
  resourceName: string,
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
    if (resourceName !== '' && resourceName !== String(services.node.nodeId)) {
      return {
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `Unexpected broker id, expected ${services.node.nodeId} or empty string, but received ${resourceName}`,
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
  return services.config.dynamicOverrides();
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
  try {
    const changes = new Map<string, string | null>(configs);
    for (const name of services.config.dynamicOverrides().keys())
      if (!configs.has(name)) changes.set(name, null);
    services.config.validateDynamic(changes);
    if (!validateOnly) {
      services.config.setDynamic(changes);
      services.topicManager.refreshAllLogConfigs();
    }
    return OK;
  } catch (error) {
    if (error instanceof ConfigError)
      return { errorCode: ErrorCode.INVALID_CONFIG, errorMessage: error.message };
    throw error;
  }
}
