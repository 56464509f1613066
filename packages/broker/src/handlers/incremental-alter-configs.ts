import { ApiKey, ErrorCode } from '@sluice/protocol';
import { ConfigError, parseConfigValue } from '../config/config-def.ts';
import { BROKER_CONFIGS } from '../config/broker-configs.ts';
import { TOPIC_CONFIGS } from '../config/topic-configs.ts';
import { ResourceType, applyOverrides, currentOverrides, resourceProblem } from './config-resources.ts';
import { defineHandler } from './handler.ts';

const OpType = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;

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
    const responses = body.resources.map(({ resourceType, resourceName, configs }) => {
      const base = { resourceType, resourceName };
      const problem = resourceProblem(services, resourceType, resourceName);
      if (problem) return { ...base, ...problem };
      const defs = resourceType === ResourceType.TOPIC ? TOPIC_CONFIGS : BROKER_CONFIGS;
      const overrides = currentOverrides(services, resourceType, resourceName);
      const names = configs.map((c) => c.name);
      const duplicate = names.find((name, i) => names.indexOf(name) !== i);
      if (duplicate) {
        return {
          ...base,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: `Error due to duplicate config keys: ${duplicate}`,
        };
      }
      try {
        for (const { name, configOperation, value } of configs) {
          const def = defs.get(name);
          if (!def)
            throw new ConfigError(
              `Unknown ${resourceType === ResourceType.TOPIC ? 'topic' : 'broker'} config name: ${name}`,
            );
          switch (configOperation) {
            case OpType.SET:
              if (value === null) throw new ConfigError(`Null value not supported for : ${name}`);
              overrides.set(name, value);
              break;
            case OpType.DELETE:
              overrides.delete(name);
              break;
            case OpType.APPEND:
            case OpType.SUBTRACT: {
              if (def.type !== 'list') {
                throw new ConfigError(`Config value append is not allowed for config key: ${name}`);
              }
              const current =
                overrides.get(name) ??
                services.config.effectiveValue(
                  resourceType === ResourceType.TOPIC ? 'topic' : 'broker',
                  name,
                  overrides,
                ) ??
                '';
              const items = (parseConfigValue(def, current) as string[]).filter((item) => item !== '');
              const changes = (parseConfigValue(def, value ?? '') as string[]).filter((item) => item !== '');
              const next =
                configOperation === OpType.APPEND
                  ? [...items, ...changes.filter((item) => !items.includes(item))]
                  : items.filter((item) => !changes.includes(item));
              overrides.set(name, next.join(','));
              break;
            }
            default:
              return {
                ...base,
                errorCode: ErrorCode.INVALID_REQUEST,
                errorMessage: `Unknown operation ${configOperation}`,
              };
          }
        }
      } catch (error) {
        if (error instanceof ConfigError)
          return { ...base, errorCode: ErrorCode.INVALID_CONFIG, errorMessage: error.message };
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
