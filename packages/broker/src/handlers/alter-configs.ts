import { ApiKey } from '@sluice/protocol';
import { alterRequestProblem, applyOverrides, duplicateResources } from './config-resources.ts';
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
    const duplicates = duplicateResources(body.resources);
    const responses = body.resources.map((resource) => {
      const { resourceType, resourceName, configs } = resource;
      const base = { resourceType, resourceName };
      const problem = alterRequestProblem(services, resource, configs, duplicates);
      if (problem) return { ...base, ...problem };
      const overrides = new Map(configs.map((c) => [c.name, c.value!]));
      return {
        ...base,
        ...applyOverrides(services, resourceType, resourceName, overrides, body.validateOnly),
      };
    });
    return { throttleTimeMs: 0, responses };
  },
});
