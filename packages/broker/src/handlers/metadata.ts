import {
  ApiKey,
  ErrorCode,
  type MetadataResponseTopic,
  ZERO_UUID,
  defaultMetadataResponse,
  defaultMetadataResponseTopic,
} from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import { topicNameProblem, type TopicMetadata } from '../metadata/topic-registry.ts';
import {
  AclOperation,
  CLUSTER_NAME,
  OPERATIONS_NOT_REQUESTED,
  ResourceType,
} from '../security/acl-operations.ts';
import { authorize, authorizeCluster, authorizedOperationsFor } from './authorization.ts';
import { defineHandler, type RequestContext } from './handler.ts';

/** A cluster member's latest registration of a partition overrides the registry's copy (leaders and ISR move). */
function describeTopic(services: BrokerServices, topic: TopicMetadata): MetadataResponseTopic {
  return {
    errorCode: ErrorCode.NONE,
    name: topic.name,
    topicId: topic.topicId,
    isInternal: topic.isInternal,
    partitions: topic.partitions.map((p) => {
      const registration = services.replicaManager.registration(topic.name, p.partitionIndex);
      return {
        // Kafka answers LEADER_NOT_AVAILABLE for a partition without a leader.
        errorCode: registration?.leader === -1 ? ErrorCode.LEADER_NOT_AVAILABLE : ErrorCode.NONE,
        partitionIndex: p.partitionIndex,
        leaderId: registration?.leader ?? p.leaderId,
        leaderEpoch: registration?.leaderEpoch ?? p.leaderEpoch,
        replicaNodes: [...(registration?.replicas ?? p.replicas)],
        isrNodes: [...(registration?.isr ?? p.isr)],
        offlineReplicas: [],
      };
    }),
    topicAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
  };
}

function topicError(errorCode: number, name: string | null, topicId = ZERO_UUID): MetadataResponseTopic {
  return {
    errorCode,
    name,
    topicId,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: OPERATIONS_NOT_REQUESTED,
  };
}

/** Looks up a topic by name, creating it with the broker defaults when Kafka's auto-create rules allow. */
function topicByName(context: RequestContext, name: string, allowAutoCreate: boolean): MetadataResponseTopic {
  const { services } = context;
  // A topic the principal may not describe is refused whether or not it exists, so its existence stays hidden.
  if (!authorize(context, AclOperation.DESCRIBE, ResourceType.TOPIC, name)) {
    return topicError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, name);
  }
  const existing = services.topics.get(name);
  if (existing) return describeTopic(services, existing);
  if (topicNameProblem(name)) return topicError(ErrorCode.INVALID_TOPIC_EXCEPTION, name);
  if (!allowAutoCreate || !services.config.get<boolean>('auto.create.topics.enable')) {
    return topicError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name);
  }
  if (
    !authorizeCluster(context, AclOperation.CREATE, false) &&
    !authorize(context, AclOperation.CREATE, ResourceType.TOPIC, name)
  ) {
    return topicError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, name);
  }
  if (services.cluster) {
    // The controller creates it; until this broker's metadata has it, the client is asked to retry.
    services.cluster.requestTopicCreation(name);
    return topicError(ErrorCode.LEADER_NOT_AVAILABLE, name);
  }
  const created = services.topicManager.createTopic({
    name,
    numPartitions: -1,
    replicationFactor: -1,
    assignments: [],
    configs: new Map(),
    validateOnly: false,
  });
  if (created.topic) {
    services.log.info(`auto-created topic ${name} with ${created.numPartitions} partition(s)`);
    return describeTopic(services, created.topic);
  }
  // Another request may have created it in between; anything else is the creation error.
  const raced = services.topics.get(name);
  return raced ? describeTopic(services, raced) : topicError(created.errorCode, name);
}

export const metadataHandler = defineHandler({
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 12,
  errorResponse: ({ body }, { errorCode }) => ({
    ...defaultMetadataResponse(),
    topics: (body.topics ?? []).map(({ name, topicId }) => ({
      ...defaultMetadataResponseTopic(),
      name,
      topicId,
      errorCode,
    })),
  }),
  handle({ body, apiVersion }, context) {
    const { services, listenerName } = context;
    const mayDescribe = (name: string, logIfDenied = true) =>
      authorize(context, AclOperation.DESCRIBE, ResourceType.TOPIC, name, logIfDenied);
    // v0 asks for every topic with an empty list; v1+ with null.
    const allTopics = body.topics === null || (apiVersion === 0 && body.topics.length === 0);
    // Before v4 every Metadata request could auto-create.
    const allowAutoCreate = apiVersion < 4 || body.allowAutoTopicCreation;
    const topics = allTopics
      ? services.topics
          .list()
          .filter((t) => mayDescribe(t.name, false))
          .map((t) => describeTopic(services, t))
      : body.topics!.map((requested) => {
          if (requested.name !== null) return topicByName(context, requested.name, allowAutoCreate);
          const byId = services.topics.getById(requested.topicId);
          if (!byId) return topicError(ErrorCode.UNKNOWN_TOPIC_ID, null, requested.topicId);
          // Refused by id, the name is not revealed.
          return mayDescribe(byId.name)
            ? describeTopic(services, byId)
            : topicError(ErrorCode.TOPIC_AUTHORIZATION_FAILED, null, requested.topicId);
        });
    // As Kafka's handleTopicMetadataRequest: v8+ only; every topic answered by name gets its operations (an
    // unknown topic too), a topic id that was not found does not; cluster operations exist in v8-10 only, and
    // are 0 for a principal that may not describe the cluster.
    if (apiVersion >= 8 && body.includeTopicAuthorizedOperations) {
      for (const topic of topics) {
        if (topic.name !== null) {
          topic.topicAuthorizedOperations = authorizedOperationsFor(context, ResourceType.TOPIC, topic.name);
        }
      }
    }
    const clusterAuthorizedOperations =
      apiVersion >= 8 && apiVersion <= 10 && body.includeClusterAuthorizedOperations
        ? authorizeCluster(context, AclOperation.DESCRIBE, false)
          ? authorizedOperationsFor(context, ResourceType.CLUSTER, CLUSTER_NAME)
          : 0
        : OPERATIONS_NOT_REQUESTED;
    return {
      throttleTimeMs: 0,
      brokers: services
        .brokers(listenerName)
        .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack })),
      clusterId: services.topics.clusterId,
      controllerId: services.controllerId(),
      topics,
      clusterAuthorizedOperations,
    };
  },
});
