/**
 * The controller mutation quota on a cluster member, whose CreateTopics, CreatePartitions and DeleteTopics go to
 * the controller. Sluice forwards without Kafka's envelope, so the controller does not know the client; the
 * broker that received the request applies its client's quota instead, before forwarding: it counts each topic's
 * partitions from its own metadata (the partitions a new topic asks for, a deleted topic has, or a topic gains),
 * refuses topics in request order while the quota is exhausted (strict versions) and forwards the rest. Topics
 * the controller then rejects get their partitions back, so, as in Kafka, only valid mutations count.
 *
 * The quota is therefore per broker, like Kafka's other client quotas, where Kafka keeps this one on the
 * active controller.
 */
import {
  ApiKey,
  ErrorCode,
  ZERO_UUID,
  defaultCreateTopicsResponseCreatableTopicResult,
  type ApiKeyNumber,
  type DecodedRequest,
} from '@sluice/protocol';
import type { Handler, RequestContext, ResponseOf } from '../handlers/handler.ts';
import { RequestMutationQuota, THROTTLED, type MutatingApi } from './mutation-quotas.ts';

/**
 * How one mutating API's request and response list topics: `topics` of the request, the partitions each would
 * change (0: unknown to this broker, left for the controller to judge), the request with fewer topics, the
 * response's results, and the result of a refused topic.
 */
interface MutatingShape<K extends MutatingApi, T, R> {
  topics(request: DecodedRequest<K>): readonly T[];
  partitions(topic: T, context: RequestContext): number;
  withTopics(request: DecodedRequest<K>, topics: T[]): DecodedRequest<K>;
  results(response: ResponseOf<K>): R[];
  isResultOf(result: R, topic: T): boolean;
  refused(topic: T, context: RequestContext): R;
}

async function forwardWithinQuota<K extends MutatingApi, T, R extends { errorCode: number }>(
  shape: MutatingShape<K, T, R>,
  handler: Handler,
  request: DecodedRequest<K>,
  context: RequestContext,
  quota: RequestMutationQuota,
): Promise<ResponseOf<K>> {
  const topics = shape.topics(request);
  const taken = topics.map((topic) => {
    const partitions = shape.partitions(topic, context);
    return { partitions, accepted: partitions <= 0 || quota.take(partitions) };
  });
  const forwarded = topics.filter((_, i) => taken[i]!.accepted);
  const response = (await handler.handle(
    shape.withTopics(request, forwarded) as DecodedRequest,
    context,
  )) as ResponseOf<K>;
  const results = shape.results(response);
  topics.forEach((topic, i) => {
    const { partitions, accepted } = taken[i]!;
    if (!accepted) {
      results.push(shape.refused(topic, context));
      return;
    }
    const result = results.find((r) => shape.isResultOf(r, topic));
    if (partitions > 0 && result?.errorCode !== ErrorCode.NONE) quota.refund(partitions);
  });
  return response;
}

type CreateTopicsRequest = DecodedRequest<typeof ApiKey.CreateTopics>;
type CreatableTopic = CreateTopicsRequest['body']['topics'][number];

const CREATE_TOPICS: MutatingShape<
  typeof ApiKey.CreateTopics,
  CreatableTopic,
  ResponseOf<typeof ApiKey.CreateTopics>['topics'][number]
> = {
  topics: (request) => request.body.topics,
  partitions(topic, { services }) {
    if (services.topics.get(topic.name)) return 0;
    if (topic.assignments.length > 0) return topic.assignments.length;
    return topic.numPartitions === -1 ? services.config.getNumber('num.partitions') : topic.numPartitions;
  },
  withTopics: (request, topics) => ({ ...request, body: { ...request.body, topics } }),
  results: (response) => response.topics,
  isResultOf: (result, topic) => result.name === topic.name,
  refused: (topic) => ({
    ...defaultCreateTopicsResponseCreatableTopicResult(),
    name: topic.name,
    ...THROTTLED,
  }),
};

type PartitionsTopic = DecodedRequest<typeof ApiKey.CreatePartitions>['body']['topics'][number];

const CREATE_PARTITIONS: MutatingShape<
  typeof ApiKey.CreatePartitions,
  PartitionsTopic,
  ResponseOf<typeof ApiKey.CreatePartitions>['results'][number]
> = {
  topics: (request) => request.body.topics,
  partitions(topic, { services }) {
    const current = services.topics.get(topic.name)?.partitions.length;
    return current === undefined ? 0 : topic.count - current;
  },
  withTopics: (request, topics) => ({ ...request, body: { ...request.body, topics } }),
  results: (response) => response.results,
  isResultOf: (result, topic) => result.name === topic.name,
  refused: (topic) => ({ name: topic.name, ...THROTTLED }),
};

interface DeletedTopic {
  name: string | null;
  topicId: string;
}

function knownTopic(topic: DeletedTopic, { services }: RequestContext) {
  return topic.name !== null ? services.topics.get(topic.name) : services.topics.getById(topic.topicId);
}

const DELETE_TOPICS: MutatingShape<
  typeof ApiKey.DeleteTopics,
  DeletedTopic,
  ResponseOf<typeof ApiKey.DeleteTopics>['responses'][number]
> = {
  // v6 names topics by name or id in `topics`; older versions list names in `topicNames`.
  topics: ({ body, apiVersion }) =>
    apiVersion >= 6 ? body.topics : body.topicNames.map((name) => ({ name, topicId: ZERO_UUID })),
  partitions(topic, context) {
    if (!context.services.config.get<boolean>('delete.topic.enable')) return 0;
    return knownTopic(topic, context)?.partitions.length ?? 0;
  },
  withTopics: (request, topics) => ({
    ...request,
    body:
      request.apiVersion >= 6
        ? { ...request.body, topics }
        : { ...request.body, topicNames: topics.map((t) => t.name ?? '') },
  }),
  results: (response) => response.responses,
  isResultOf: (result, topic) =>
    topic.name !== null ? result.name === topic.name : result.topicId === topic.topicId,
  refused(topic, context) {
    const known = knownTopic(topic, context);
    return { name: known?.name ?? topic.name, topicId: known?.topicId ?? topic.topicId, ...THROTTLED };
  },
};

/** A forwarding handler with the client's controller mutation quota applied before it forwards. */
export function withForwardedMutationQuota(handler: Handler): Handler {
  const apiKey = handler.apiKey;
  if (apiKey !== ApiKey.CreateTopics && apiKey !== ApiKey.CreatePartitions && apiKey !== ApiKey.DeleteTopics)
    return handler;
  return {
    ...handler,
    async handle(request, context) {
      const quota = RequestMutationQuota.of(context, request.clientId, apiKey, request.apiVersion);
      if (!quota.enabled) return handler.handle(request, context);
      let response: { throttleTimeMs: number };
      if (apiKey === ApiKey.CreateTopics)
        response = await forwardWithinQuota(
          CREATE_TOPICS,
          handler,
          request as CreateTopicsRequest,
          context,
          quota,
        );
      else if (apiKey === ApiKey.CreatePartitions)
        response = await forwardWithinQuota(
          CREATE_PARTITIONS,
          handler,
          request as DecodedRequest<typeof ApiKey.CreatePartitions>,
          context,
          quota,
        );
      else
        response = await forwardWithinQuota(
          DELETE_TOPICS,
          handler,
          request as DecodedRequest<typeof ApiKey.DeleteTopics>,
          context,
          quota,
        );
      response.throttleTimeMs = Math.max(response.throttleTimeMs, quota.throttleTimeMs());
      return response as ResponseOf<ApiKeyNumber>;
    },
  };
}
