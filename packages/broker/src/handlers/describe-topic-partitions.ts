/**
 * DescribeTopicPartitions (KIP-966): topic metadata paged by partitions, as Kafka 3.9's
 * DescribeTopicPartitionsRequestHandler and KRaftMetadataCache.getTopicMetadataForDescribeTopicResponse answer.
 *
 * - Topics are the requested names (or every topic when none is named), deduplicated, only those at or after
 *   the cursor's topic name, in name order (Java's String.compareTo: UTF-16 code units).
 * - A response holds at most min(max.request.partition.size.limit, response_partition_limit) partitions, at
 *   least 1. The cursor's topic starts at the cursor's partition, every other at 0. A topic that does not fit
 *   whole ends the page with next_cursor at its first partition left out; when the limit is used up exactly,
 *   next_cursor names the next topic at partition 0 (which need not exist).
 * - Named topics that do not exist are answered with UNKNOWN_TOPIC_OR_PARTITION (INVALID_TOPIC_EXCEPTION for an
 *   illegal name) and take no room; with no names given they cannot occur.
 * - A cursor whose topic is not among the named topics, or with a negative partition, fails the whole request
 *   with INVALID_REQUEST, as Kafka's InvalidRequestException does.
 * - Every topic in the response carries its authorized operations (no include flag in this API).
 */
import {
  ApiKey,
  ErrorCode,
  type DescribeTopicPartitionsRequest,
  type DescribeTopicPartitionsResponse,
  type DescribeTopicPartitionsResponseCursor,
  type DescribeTopicPartitionsResponseTopic,
  ZERO_UUID,
} from '@sluice/protocol';
import { topicNameProblem } from '../metadata/topic-registry.ts';
import { AclOperation, OPERATIONS_NOT_REQUESTED, ResourceType } from '../security/acl-operations.ts';
import { authorize, authorizedOperationsFor } from './authorization.ts';
import { defineHandler } from './handler.ts';

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Kafka's getErrorResponse: every named topic with the error, nothing else. */
function errorResponse(
  request: DescribeTopicPartitionsRequest,
  errorCode: number,
): DescribeTopicPartitionsResponse {
  return {
    throttleTimeMs: 0,
    topics: request.topics.map(({ name }) => ({
      errorCode,
      name,
      topicId: ZERO_UUID,
      isInternal: false,
      partitions: [],
      topicAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
    })),
    nextCursor: null,
  };
}

export const describeTopicPartitionsHandler = defineHandler({
  apiKey: ApiKey.DescribeTopicPartitions,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: ({ body }, { errorCode }) => errorResponse(body, errorCode),
  handle({ body }, context) {
    const { services } = context;
    const { cursor } = body;
    const cursorTopic = cursor?.topicName ?? '';
    const describeAll = body.topics.length === 0;
    // Topics left out of an all-topics answer are filtered quietly; a named one refused is logged.
    const mayDescribe = (name: string) =>
      authorize(context, AclOperation.DESCRIBE, ResourceType.TOPIC, name, !describeAll);
    const candidates = describeAll
      ? services.topics
          .list()
          .map((t) => t.name)
          .filter(mayDescribe)
      : body.topics.map((t) => t.name);
    const names = [...new Set(candidates.filter((name) => compareNames(name, cursorTopic) >= 0))].sort(
      compareNames,
    );
    if (cursor && ((!describeAll && !names.includes(cursor.topicName)) || cursor.partitionIndex < 0)) {
      return errorResponse(body, ErrorCode.INVALID_REQUEST);
    }
    const brokerLimit = services.config.get<number>('max.request.partition.size.limit');
    const limit = Math.max(Math.min(brokerLimit, body.responsePartitionLimit), 1);
    let remaining = limit;
    const topics: DescribeTopicPartitionsResponseTopic[] = [];
    let nextCursor: DescribeTopicPartitionsResponseCursor | null = null;
    for (const name of names) {
      if (remaining === 0) {
        nextCursor = { topicName: name, partitionIndex: 0 };
        break;
      }
      if (!mayDescribe(name)) {
        topics.push({
          errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
          name,
          topicId: ZERO_UUID,
          isInternal: false,
          partitions: [],
          topicAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
        });
        continue;
      }
      const topic = services.topics.get(name);
      if (!topic) {
        topics.push({
          errorCode: topicNameProblem(name)
            ? ErrorCode.INVALID_TOPIC_EXCEPTION
            : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          name,
          topicId: ZERO_UUID,
          isInternal: false,
          partitions: [],
          topicAuthorizedOperations: authorizedOperationsFor(context, ResourceType.TOPIC, name),
        });
        continue;
      }
      const start = name === cursorTopic && cursor ? cursor.partitionIndex : 0;
      const end = Math.min(topic.partitions.length, start + remaining);
      const partitions = topic.partitions.slice(start, Math.max(start, end)).map((p) => ({
        errorCode: ErrorCode.NONE,
        partitionIndex: p.partitionIndex,
        leaderId: p.leaderId,
        leaderEpoch: p.leaderEpoch,
        replicaNodes: p.replicas,
        isrNodes: p.isr,
        eligibleLeaderReplicas: [],
        lastKnownElr: [],
        offlineReplicas: [],
      }));
      topics.push({
        errorCode: ErrorCode.NONE,
        name,
        topicId: topic.topicId,
        isInternal: topic.isInternal,
        partitions,
        topicAuthorizedOperations: authorizedOperationsFor(context, ResourceType.TOPIC, name),
      });
      if (end < topic.partitions.length) {
        nextCursor = { topicName: name, partitionIndex: end };
        break;
      }
      remaining -= partitions.length;
    }
    return { throttleTimeMs: 0, topics, nextCursor };
  },
});
