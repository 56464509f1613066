/**
 * Config overrides in the metadata log (Kafka's ConfigurationControlManager): IncrementalAlterConfigs and the
 * legacy AlterConfigs for topic and broker resources, validated with the broker's own config definitions
 * (config/), written as ConfigRecords (a null value deletes an override).
 *
 * Invariants: a resource's changes are validated as a whole before any record for it is written (a request
 * never half-applies one resource); a broker resource named "" is the cluster-wide default, any other name
 * must be a broker id; a topic resource must name an existing topic; effective topic values resolve as
 * Kafka's do: the topic override, then the cluster-wide broker default, then the controller's static value.
 */
import { ErrorCode } from '@sluice/protocol';
import { ConfigError, parseConfigValue, type ConfigDef } from '../config/config-def.ts';
import { BROKER_CONFIGS } from '../config/broker-configs.ts';
import { TOPIC_CONFIGS } from '../config/topic-configs.ts';
import {
  ConfigResourceType,
  resourceConfigs,
  topicByName,
  type MetadataImage,
} from '../metadata/metadata-image.ts';
import type { MetadataRecord } from '../metadata/metadata-record-serde.ts';
import type { ControlContext, ControllerConfig, ControllerResult } from './controller-result.ts';

export const AlterConfigOp = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

export interface ResourceChange {
  resourceType: number;
  resourceName: string;
  /** Incremental: each op; legacy AlterConfigs: the full new set (ops are SET, the rest deleted). */
  configs: { name: string; configOperation: number; value: string | null }[];
}

export interface ResourceResult {
  resourceType: number;
  resourceName: string;
  errorCode: number;
  errorMessage: string | null;
}

/** A topic config's effective value as the controller sees it (override > cluster default > static). */
export function effectiveTopicConfig(
  image: MetadataImage,
  config: ControllerConfig,
  topicName: string,
  name: 'unclean.leader.election.enable' | 'min.insync.replicas',
): string {
  const override = resourceConfigs(image, ConfigResourceType.TOPIC, topicName).get(name);
  if (override !== undefined) return override;
  const clusterDefault = resourceConfigs(image, ConfigResourceType.BROKER, '').get(name);
  if (clusterDefault !== undefined) return clusterDefault;
  return name === 'unclean.leader.election.enable'
    ? String(config.uncleanLeaderElectionEnable)
    : String(config.minInsyncReplicas);
}

export function uncleanLeaderElectionEnabled(
  image: MetadataImage,
  config: ControllerConfig,
  topicName: string,
): boolean {
  return effectiveTopicConfig(image, config, topicName, 'unclean.leader.election.enable').trim() === 'true';
}

function resourceProblem(image: MetadataImage, change: ResourceChange): ResourceResult | null {
  const base = { resourceType: change.resourceType, resourceName: change.resourceName };
  if (change.resourceType === ConfigResourceType.TOPIC) {
    if (!topicByName(image, change.resourceName)) {
      return {
        ...base,
        errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
        errorMessage: `The topic '${change.resourceName}' does not exist.`,
      };
    }
    return null;
  }
  if (change.resourceType === ConfigResourceType.BROKER) {
    if (change.resourceName !== '' && !/^\d+$/.test(change.resourceName)) {
      return {
        ...base,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `Illegal broker ID ${change.resourceName}`,
      };
    }
    return null;
  }
  return {
    ...base,
    errorCode: ErrorCode.INVALID_REQUEST,
    errorMessage: `Unsupported resource type ${change.resourceType}`,
  };
}

/** The overrides after applying `change`; throws ConfigError (INVALID_CONFIG) or an INVALID_REQUEST result. */
function nextOverrides(
  current: ReadonlyMap<string, string>,
  change: ResourceChange,
  defs: ReadonlyMap<string, ConfigDef>,
  incremental: boolean,
): Map<string, string> {
  const next = incremental ? new Map(current) : new Map<string, string>();
  const kind = change.resourceType === ConfigResourceType.TOPIC ? 'topic' : 'broker';
  for (const { name, configOperation, value } of change.configs) {
    const def = defs.get(name);
    if (!def) throw new ConfigError(`Unknown ${kind} config name: ${name}`);
    switch (configOperation) {
      case AlterConfigOp.SET:
        if (value === null) throw new ConfigError(`Null value not supported for : ${name}`);
        parseConfigValue(def, value);
        next.set(name, value);
        break;
      case AlterConfigOp.DELETE:
        next.delete(name);
        break;
      case AlterConfigOp.APPEND:
      case AlterConfigOp.SUBTRACT: {
        if (def.type !== 'list')
          throw new ConfigError(`Config value append is not allowed for config key: ${name}`);
        const items = (parseConfigValue(def, next.get(name) ?? def.defaultValue ?? '') as string[]).filter(
          (item) => item !== '',
        );
        const changes = (parseConfigValue(def, value ?? '') as string[]).filter((item) => item !== '');
        const result =
          configOperation === AlterConfigOp.APPEND
            ? [...items, ...changes.filter((item) => !items.includes(item))]
            : items.filter((item) => !changes.includes(item));
        next.set(name, result.join(','));
        break;
      }
      default:
        throw new InvalidOperation(`Unknown operation ${configOperation}`);
    }
  }
  return next;
}

class InvalidOperation extends Error {}

/**
 * IncrementalAlterConfigs (incremental = true) or AlterConfigs (false: the request's configs replace every
 * override of the resource).
 */
export function alterConfigs(
  ctx: ControlContext,
  changes: readonly ResourceChange[],
  validateOnly: boolean,
  incremental: boolean,
): ControllerResult<ResourceResult[]> {
  const records: MetadataRecord[] = [];
  const response = changes.map((change): ResourceResult => {
    const base = { resourceType: change.resourceType, resourceName: change.resourceName };
    const problem = resourceProblem(ctx.image, change);
    if (problem) return problem;
    const names = change.configs.map((c) => c.name);
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate !== undefined) {
      return {
        ...base,
        errorCode: ErrorCode.INVALID_REQUEST,
        errorMessage: `Error due to duplicate config keys: ${duplicate}`,
      };
    }
    const defs = change.resourceType === ConfigResourceType.TOPIC ? TOPIC_CONFIGS : BROKER_CONFIGS;
    const current = resourceConfigs(ctx.image, change.resourceType, change.resourceName);
    let next: Map<string, string>;
    try {
      next = nextOverrides(current, change, defs, incremental);
    } catch (error) {
      if (error instanceof ConfigError) {
        return { ...base, errorCode: ErrorCode.INVALID_CONFIG, errorMessage: error.message };
      }
      if (error instanceof InvalidOperation) {
        return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: error.message };
      }
      throw error;
    }
    if (!validateOnly) {
      for (const [name, value] of next) {
        if (current.get(name) === value) continue;
        records.push({
          type: 'ConfigRecord',
          data: { resourceType: change.resourceType, resourceName: change.resourceName, name, value },
        });
      }
      for (const name of current.keys()) {
        if (next.has(name)) continue;
        records.push({
          type: 'ConfigRecord',
          data: { resourceType: change.resourceType, resourceName: change.resourceName, name, value: null },
        });
      }
    }
    return { ...base, errorCode: ErrorCode.NONE, errorMessage: null };
  });
  return { records, response };
}

/** ConfigRecords for the overrides of a new topic (CreateTopics). */
export function topicConfigRecords(
  topicName: string,
  configs: ReadonlyMap<string, string>,
): MetadataRecord[] {
  return [...configs].map(([name, value]) => ({
    type: 'ConfigRecord' as const,
    data: { resourceType: ConfigResourceType.TOPIC, resourceName: topicName, name, value },
  }));
}
