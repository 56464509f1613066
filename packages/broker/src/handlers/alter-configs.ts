import { ApiKey, ErrorCode } from '@sluice/protocol';
import { applyOverrides, resourceProblem } from './config-resources.ts';
import { defineHandler } from './handler.ts';

/** AlterConfigs replaces a resource's whole set of overrides; configs left out return to their defaults. */
export const alterConfigsHandler = defineHandler({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
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
      const nullValue = configs.find((c) => c.value === null);
      if (nullValue) {
        return {
          ...base,
          errorCode: ErrorCode.INVALID_CONFIG,
          errorMessage: `Null value not supported for : ${nullValue.name}`,
        };
      }
      const overrides = new Map(configs.map((c) => [c.name, c.value!]));
      return {
        ...base,
        ...applyOverrides(services, resourceType, resourceName, overrides, body.validateOnly),
      };
    });
    return { throttleTimeMs: 0, responses };
  },
});
