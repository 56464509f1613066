import { ApiKey, ErrorCode } from '@sluice/protocol';
import { RequestMutationQuota, THROTTLED } from '../quota/mutation-quotas.ts';
import { defineHandler } from './handler.ts';

export const createPartitionsHandler = defineHandler({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: body.topics.map(({ name }) => ({ name, errorCode, errorMessage })),
  }),
  handle({ body, apiVersion, clientId }, context) {
    const { services } = context;
    const quota = RequestMutationQuota.of(context, clientId, ApiKey.CreatePartitions, apiVersion);
    const counts = new Map<string, number>();
    for (const topic of body.topics) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
    const results = body.topics.map((topic) => {
      if ((counts.get(topic.name) ?? 0) > 1) {
        return {
          name: topic.name,
          errorCode: ErrorCode.INVALID_REQUEST,
          errorMessage: 'Duplicate topic in request.',
        };
      }
      const create = (validateOnly: boolean) =>
        services.topicManager.createPartitions(
          topic.name,
          topic.count,
          topic.assignments?.map((a) => a.brokerIds) ?? null,
          validateOnly,
        );
      // With a mutation quota, the new partitions are taken once the change is known to be valid (as in Kafka).
      let result = create(body.validateOnly || quota.enabled);
      if (quota.enabled && result.errorCode === ErrorCode.NONE) {
        const current = services.topics.get(topic.name)?.partitions.length ?? 0;
        if (!quota.take(topic.count - current)) return { name: topic.name, ...THROTTLED };
        if (!body.validateOnly) result = create(false);
      }
      return { name: topic.name, ...result };
    });
    return { throttleTimeMs: quota.throttleTimeMs(), results };
  },
});
