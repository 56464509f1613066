import { ApiKey, ErrorCode } from '@sluice/protocol';
import { BROKER_CONFIGS } from '../config/broker-configs.ts';
import { ConfigError, parseConfigValue, type ConfigDef } from '../config/config-def.ts';
import { TOPIC_CONFIGS } from '../config/topic-configs.ts';
import {
  ResourceType,
  alterRequestProblem,
  applyOverrides,
  currentOverrides,
  duplicateResources,
  type ResourceResult,
} from './config-resources.ts';
import { defineHandler } from './handler.ts';

const OpType = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

/** Why APPEND/SUBTRACT cannot apply to a config, in the words of the component Kafka refuses it in. */
function listOperationProblem(resourceType: number, name: string, op: number): ResourceResult | null {
  const verb = op === OpType.APPEND ? 'append' : 'subtract';
  if (resourceType === ResourceType.TOPIC) {
    if (TOPIC_CONFIGS.get(name)?.type === 'list') return null;
    // The controller's ConfigurationControlManager refuses it for topics.
    return {
      errorCode: ErrorCode.INVALID_CONFIG,
      errorMessage: `Can't ${verb.toUpperCase()} to key ${name} because its type is not LIST.`,
    };
  }
  const def = BROKER_CONFIGS.get(name);
  // ConfigAdminManager looks the name up in KafkaConfig's keys and fails unexpectedly for a custom name.
  if (!def) return { errorCode: ErrorCode.UNKNOWN_SERVER_ERROR, errorMessage: null };
  if (def.type === 'list') return null;
  return {
    errorCode: ErrorCode.INVALID_CONFIG,
    errorMessage: `Config value ${verb} is not allowed for config key: ${name}`,
  };
}

/**
 * The list a broker APPEND/SUBTRACT starts from: the value at this resource's level, else Kafka's default
 * (ConfigAdminManager.prepareIncrementalConfigs); a topic's starts from its effective value.
 */
function listBase(
  def: ConfigDef,
  resourceType: number,
  overrides: ReadonlyMap<string, string>,
  effective: () => string | null,
): string[] {
  const current =
    overrides.get(def.name) ?? (resourceType === ResourceType.TOPIC ? effective() : def.defaultValue) ?? '';
  return (parseConfigValue(def, current) as string[]).filter((item) => item !== '');
}

export const incrementalAlterConfigsHandler = defineHandler({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    responses: body.resources.map(({ resourceType, resourceName }) => ({
      resourceType,
      resourceName,
      errorCode,
      errorMessage,
    })),
  }),
  handle({ body }, { services }) {
    const duplicates = duplicateResources(body.resources);
    const responses = body.resources.map((resource) => {
      const { resourceType, resourceName, configs } = resource;
      const base = { resourceType, resourceName };
      const problem = alterRequestProblem(services, resource, configs, duplicates);
      if (problem) return { ...base, ...problem };
      const isTopic = resourceType === ResourceType.TOPIC;
      const defs = isTopic ? TOPIC_CONFIGS : BROKER_CONFIGS;
      const overrides = currentOverrides(services, resourceType, resourceName);
      const unknownOp = configs.find((c) => !Object.values<number>(OpType).includes(c.configOperation));
      if (unknownOp) {
        return {
          ...base,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: `Unknown operations type ${unknownOp.configOperation}`,
        };
      }
      try {
        for (const { name, configOperation, value } of configs) {
          if (isTopic && !defs.has(name)) throw new ConfigError(`Unknown topic config name: ${name}`);
          switch (configOperation) {
            case OpType.SET:
              overrides.set(name, value!);
              break;
            case OpType.DELETE:
              overrides.delete(name);
              break;
            default: {
              const listProblem = listOperationProblem(resourceType, name, configOperation);
              if (listProblem) return { ...base, ...listProblem };
              const def = defs.get(name)!;
              const items = listBase(def, resourceType, overrides, () =>
                services.config.effectiveValue('topic', name, overrides),
              );
              const changes = (parseConfigValue(def, value ?? '') as string[]).filter((item) => item !== '');
              const next =
                configOperation === OpType.APPEND
                  ? [...items, ...changes.filter((item) => !items.includes(item))]
                  : items.filter((item) => !changes.includes(item));
              overrides.set(name, next.join(','));
            }
          }
        }
      } catch (error) {
        if (error instanceof ConfigError) {
          const errorCode = isTopic ? ErrorCode.INVALID_CONFIG : ErrorCode.INVALID_REQUEST;
          return { ...base, errorCode, errorMessage: error.message };
        }
        throw error;
      }
      return {
        ...base,
        ...applyOverrides(services, resourceType, resourceName, overrides, body.validateOnly),
      };
    });
    return { throttleTimeMs: 0, responses };
  },
});
