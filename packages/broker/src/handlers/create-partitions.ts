import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

export const createPartitionsHandler = defineHandler({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: body.topics.map(({ name }) => ({ name, errorCode, errorMessage })),
  }),
  handle({ body }, { services }) {
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
      const result = services.topicManager.createPartitions(
        topic.name,
        topic.count,
        topic.assignments?.map((a) => a.brokerIds) ?? null,
        body.validateOnly,
      );
      return { name: topic.name, ...result };
    });
    return { throttleTimeMs: 0, results };
  },
});
