import {
  ApiKey,
  ErrorCode,
  type CreateTopicsResponseCreatableTopicResult,
  ZERO_UUID,
  defaultCreateTopicsResponseCreatableTopicResult,
} from '@sluice/protocol';
import { RequestMutationQuota, THROTTLED } from '../quota/mutation-quotas.ts';
import { defineHandler } from './handler.ts';

export const createTopicsHandler = defineHandler({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name }) => ({
      ...defaultCreateTopicsResponseCreatableTopicResult(),
      name,
      errorCode,
      errorMessage,
    })),
  }),
  handle({ body, apiVersion, clientId }, context) {
    const { services } = context;
    const quota = RequestMutationQuota.of(context, clientId, ApiKey.CreateTopics, apiVersion);
    const counts = new Map<string, number>();
    for (const topic of body.topics) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
    // One durable write of the topic registry for the whole request.
    const topics = services.topics.batch(() =>
      body.topics.map((requested): CreateTopicsResponseCreatableTopicResult => {
        const base = {
          name: requested.name,
          topicId: ZERO_UUID,
          topicConfigErrorCode: ErrorCode.NONE,
          numPartitions: -1,
          replicationFactor: -1,
          configs: null,
        };
        if ((counts.get(requested.name) ?? 0) > 1) {
          return {
            ...base,
            errorCode: ErrorCode.INVALID_REQUEST,
            errorMessage: `Create topics request contains multiple entries for the topic ${requested.name}.`,
          };
        }
        const nullConfig = requested.configs.find((c) => c.value === null);
        if (nullConfig) {
          return {
            ...base,
            errorCode: ErrorCode.INVALID_CONFIG,
            errorMessage: `Null value not supported for topic configs: ${nullConfig.name}`,
          };
        }
        const configs = new Map(requested.configs.map((c) => [c.name, c.value!]));
        const create = (validateOnly: boolean) =>
          services.topicManager.createTopic({
            name: requested.name,
            numPartitions: requested.numPartitions,
            replicationFactor: requested.replicationFactor,
            assignments: requested.assignments,
            configs,
            validateOnly,
          });
        // With a mutation quota, a valid topic's partitions are taken before it is created (as in Kafka).
        let result = create(body.validateOnly || quota.enabled);
        if (quota.enabled && result.errorCode === ErrorCode.NONE) {
          if (!quota.take(result.numPartitions)) return { ...base, ...THROTTLED };
          if (!body.validateOnly) result = create(false);
        }
        if (result.errorCode !== ErrorCode.NONE) {
          return { ...base, errorCode: result.errorCode, errorMessage: result.errorMessage };
        }
        if (result.topic)
          services.log.info(`created topic ${requested.name} (${result.numPartitions} partitions)`);
        // v5+ answers with the topic's effective configs, as Kafka does.
        const described =
          apiVersion >= 5
            ? services.config.describeTopic(configs).map((c) => ({
                name: c.name,
                value: c.def.sensitive ? null : c.value,
                readOnly: false,
                configSource: c.source,
                isSensitive: c.def.sensitive ?? false,
              }))
            : null;
        return {
          ...base,
          topicId: result.topic?.topicId ?? ZERO_UUID,
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          numPartitions: result.numPartitions,
          replicationFactor: result.replicationFactor,
          configs: described,
        };
      }),
    );
    return { throttleTimeMs: quota.throttleTimeMs(), topics };
  },
});
