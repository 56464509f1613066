import {
  ApiKey,
  ErrorCode,
  ZERO_UUID,
  defaultDeleteTopicsResponseDeletableTopicResult,
} from '@sluice/protocol';
import { RequestMutationQuota, THROTTLED } from '../quota/mutation-quotas.ts';
import { defineHandler } from './handler.ts';

export const deleteTopicsHandler = defineHandler({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    responses: [
      ...body.topicNames.map((name) => ({ name, topicId: ZERO_UUID })),
      ...body.topics.map(({ name, topicId }) => ({ name, topicId })),
    ].map((topic) => ({
      ...defaultDeleteTopicsResponseDeletableTopicResult(),
      ...topic,
      errorCode,
      errorMessage,
    })),
  }),
  handle({ body, apiVersion, clientId }, context) {
    const { services } = context;
    const quota = RequestMutationQuota.of(context, clientId, ApiKey.DeleteTopics, apiVersion);
    // v6 names topics by name or id in `topics`; older versions list names in `topicNames`.
    const requested =
      apiVersion >= 6 ? body.topics : body.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
    // One durable write of the topic registry for the whole request.
    const responses = services.topics.batch(() =>
      requested.map(({ name, topicId }) => {
        const topic = name !== null ? services.topics.get(name) : services.topics.getById(topicId);
        if (!topic) {
          const byId = name === null;
          return {
            name,
            topicId,
            errorCode: byId ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
            errorMessage: byId
              ? `Topic id ${topicId} does not exist.`
              : 'This server does not host this topic-partition.',
          };
        }
        const deletable = services.config.get<boolean>('delete.topic.enable');
        if (quota.enabled && deletable && !quota.take(topic.partitions.length))
          return { name: topic.name, topicId: topic.topicId, ...THROTTLED };
        const result = services.topicManager.deleteTopic(topic.name);
        if (result.errorCode === ErrorCode.NONE) services.log.info(`deleted topic ${topic.name}`);
        return { name: topic.name, topicId: topic.topicId, ...result };
      }),
    );
    return { throttleTimeMs: quota.throttleTimeMs(), responses };
  },
});
