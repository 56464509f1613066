import {
  ApiKey,
  ErrorCode,
  type DescribeConfigsResponseDescribeConfigsResourceResult,
} from '@sluice/protocol';
import { CONFIG_TYPE_CODES, ConfigSource, ConfigType } from '../config/config-def.ts';
import type { ResolvedConfig } from '../config/config-store.ts';
import { ResourceType, brokerLevel, resourceProblem } from './config-resources.ts';
import { defineHandler } from './handler.ts';

export const describeConfigsHandler = defineHandler({
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: body.resources.map(({ resourceType, resourceName }) => ({
      resourceType,
      resourceName,
      errorCode,
      errorMessage,
      configs: [],
    })),
  }),
  handle({ body, apiVersion }, { services }) {
    const results = body.resources.map(({ resourceType, resourceName, configurationKeys }) => {
      const base = { resourceType, resourceName };
      const problem = resourceProblem(services, resourceType, resourceName);
      if (problem) return { ...base, ...problem, configs: [] };
      const resolved: ResolvedConfig[] =
        resourceType === ResourceType.TOPIC
          ? services.config.describeTopic(services.topics.get(resourceName)!.configs)
          : services.config.describeBroker(brokerLevel(resourceName));
      const keys =
        configurationKeys === null || configurationKeys.length === 0 ? null : new Set(configurationKeys);
      const configs = resolved
        .filter((c) => keys === null || keys.has(c.name))
        .map((c): DescribeConfigsResponseDescribeConfigsResourceResult => {
          const sensitive = c.sensitive;
          return {
            name: c.name,
            value: sensitive ? null : c.value,
            readOnly: c.readOnly,
            isDefault: c.source === ConfigSource.DEFAULT_CONFIG,
            configSource: c.source,
            isSensitive: sensitive,
            synonyms:
              apiVersion >= 1 && body.includeSynonyms
                ? c.synonyms.map((s) => ({
                    name: s.name,
                    value: sensitive ? null : s.value,
                    source: s.source,
                  }))
                : [],
            configType: c.def ? CONFIG_TYPE_CODES[c.def.type] : ConfigType.UNKNOWN,
            documentation:
              apiVersion >= 3 && body.includeDocumentation ? (c.def?.documentation ?? null) : null,
          };
        });
      return { ...base, errorCode: ErrorCode.NONE, errorMessage: null, configs };
    });
    return { throttleTimeMs: 0, results };
  },
});
