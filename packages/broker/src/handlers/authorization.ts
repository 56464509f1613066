/**
 * Authorization of requests, with Kafka 3.9's rules (KafkaApis, ControllerApis, AuthHelper): which operation on
 * which resource each API needs, and what a refusal looks like.
 *
 * Most APIs are authorized here, around the handler (`withAuthorization`): the request is split into what the
 * principal may do, which the handler (or, on a cluster member, the controller it forwards to) answers, and the
 * rest, answered with the authorization error by the handler's own `errorResponse`, which mirrors exactly the
 * topics, groups or resources it is given. So a forwarded request carries only authorized work, and a refused
 * resource is reported the way the API reports any error for it.
 *
 * APIs whose answer depends on what the principal may see (Metadata, DescribeTopicPartitions, ListGroups,
 * DescribeCluster's and DescribeGroups' authorized operations, Fetch with its sessions, OffsetFetch of all
 * topics) authorize inside their handlers with `authorize` and `authorizedOperationsFor`.
 *
 * Invariants: without an authorizer nothing is split and every handler runs as it would otherwise; an
 * authorization refusal is never a request-level failure that hides what was allowed.
 */
import { ApiKey, ErrorCode, type ApiKeyNumber, type DecodedRequest } from '@sluice/protocol';
import {
  AclOperation,
  authorizedOperations,
  CLUSTER_NAME,
  ResourceType,
  type AclOperationCode,
  type ResourceTypeCode,
} from '../security/acl-operations.ts';
import { principalToString } from '../security/kafka-principal.ts';
import { CLOSE_CONNECTION, type Handler, type RequestContext, type ResponseOf } from './handler.ts';
import type { RequestFailure } from './request-failure.ts';

/** The refusals, with the messages of Kafka's Errors. */
export const TOPIC_AUTHORIZATION_FAILED: RequestFailure = {
  errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
  errorMessage: 'Topic authorization failed.',
};
export const GROUP_AUTHORIZATION_FAILED: RequestFailure = {
  errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED,
  errorMessage: 'Group authorization failed.',
};
export const CLUSTER_AUTHORIZATION_FAILED: RequestFailure = {
  errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
  errorMessage: 'Cluster authorization failed.',
};
export const TRANSACTIONAL_ID_AUTHORIZATION_FAILED: RequestFailure = {
  errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
  errorMessage: 'Transactional Id authorization failed.',
};

/**
 * Whether the connection's principal may perform `operation` on the resource (always, without an authorizer).
 * Pass `logIfDenied` false where a refusal only filters what is shown (Kafka's filterByAuthorized).
 */
export function authorize(
  context: RequestContext,
  operation: AclOperationCode,
  resourceType: ResourceTypeCode,
  resourceName: string,
  logIfDenied = true,
): boolean {
  const authorizer = context.services.authorizer;
  return (
    authorizer === null ||
    authorizer.authorize(
      principalToString(context.principal),
      context.clientHost,
      operation,
      resourceType,
      resourceName,
      logIfDenied,
    )
  );
}

export function authorizeCluster(
  context: RequestContext,
  operation: AclOperationCode,
  logIfDenied = true,
): boolean {
  return authorize(context, operation, ResourceType.CLUSTER, CLUSTER_NAME, logIfDenied);
}

/** The authorized operations bitfield of a resource for the connection's principal. */
export function authorizedOperationsFor(
  context: RequestContext,
  resourceType: ResourceTypeCode,
  resourceName: string,
): number {
  return authorizedOperations(resourceType, resourceName, (operation, type, name) =>
    authorize(context, operation, type, name, false),
  );
}

/**
 * How one request divides: `allowed` is the request reduced to what the principal may do (null: nothing), and
 * `complete` turns the handler's answer to it (null when the handler was not called) into the full response.
 */
interface AuthorizationSplit<K extends ApiKeyNumber> {
  allowed: DecodedRequest<K> | null;
  complete(response: ResponseOf<K> | null): ResponseOf<K> | typeof CLOSE_CONNECTION;
}

/** An API's authorization: null when everything in the request is allowed. */
type RequestAuthorization<K extends ApiKeyNumber> = (
  request: DecodedRequest<K>,
  context: RequestContext,
  handler: Handler<K>,
) => AuthorizationSplit<K> | null;

/** Refuses the whole request with `failure`, as the handler's errorResponse words it. */
function refuseAll<K extends ApiKeyNumber>(
  request: DecodedRequest<K>,
  handler: Handler<K>,
  failure: RequestFailure,
): AuthorizationSplit<K> {
  return { allowed: null, complete: () => handler.errorResponse(request, failure) };
}

/** An API that needs one operation on the cluster. */
function clusterOperation<K extends ApiKeyNumber>(operation: AclOperationCode): RequestAuthorization<K> {
  return (request, context, handler) =>
    authorizeCluster(context, operation) ? null : refuseAll(request, handler, CLUSTER_AUTHORIZATION_FAILED);
}

/** An API on one group (its `groupId`) that needs one operation on it. */
function groupOperation<K extends ApiKeyNumber>(operation: AclOperationCode): RequestAuthorization<K> {
  return (request, context, handler) => {
    const { groupId } = request.body as { groupId: string };
    return authorize(context, operation, ResourceType.GROUP, groupId)
      ? null
      : refuseAll(request, handler, GROUP_AUTHORIZATION_FAILED);
  };
}

/**
 * Splits the request's `itemsField` array by `refusal` (null: allowed). Refused items are answered by the
 * handler's errorResponse for a request holding only them, and its `responseField` entries join the handler's
 * answer to the allowed items.
 */
function splitItems<K extends ApiKeyNumber, T>(
  request: DecodedRequest<K>,
  handler: Handler<K>,
  itemsField: string,
  responseField: string,
  refusal: (item: T) => RequestFailure | null,
): AuthorizationSplit<K> | null {
  const body = request.body as unknown as Record<string, unknown>;
  const items = body[itemsField] as T[];
  const allowedItems: T[] = [];
  const refused = new Map<RequestFailure, T[]>();
  for (const item of items) {
    const failure = refusal(item);
    if (failure === null) allowedItems.push(item);
    else {
      const list = refused.get(failure);
      if (list) list.push(item);
      else refused.set(failure, [item]);
    }
  }
  if (refused.size === 0) return null;
  const withItems = (list: T[]) =>
    ({ ...request, body: { ...body, [itemsField]: list } }) as DecodedRequest<K>;
  return {
    allowed: allowedItems.length > 0 ? withItems(allowedItems) : null,
    complete(response) {
      const refusedEntries: unknown[] = [];
      let base = response as unknown as Record<string, unknown> | null;
      for (const [failure, list] of refused) {
        const answer = handler.errorResponse(withItems(list), failure);
        if (answer === CLOSE_CONNECTION) return CLOSE_CONNECTION;
        const entries = (answer as unknown as Record<string, unknown>)[responseField] as unknown[];
        refusedEntries.push(...entries);
        // With nothing allowed, the refusals' own response is the base: its other fields carry no error.
        base ??= withoutRequestError(answer as unknown as Record<string, unknown>);
      }
      const own = ((base as Record<string, unknown>)[responseField] as unknown[] | undefined) ?? [];
      return {
        ...base,
        [responseField]: response === null ? refusedEntries : [...own, ...refusedEntries],
      } as unknown as ResponseOf<K>;
    },
  };
}

/** A response with its request-level error (if it has one) cleared: refusing some items is not a request failure. */
function withoutRequestError(response: Record<string, unknown>): Record<string, unknown> {
  const cleared = { ...response };
  if ('errorCode' in cleared) cleared.errorCode = ErrorCode.NONE;
  if ('errorMessage' in cleared) cleared.errorMessage = null;
  return cleared;
}

/** Items naming a topic (`name` or `topic`) that need `operation` on it. */
function topicItems<K extends ApiKeyNumber>(
  itemsField: string,
  responseField: string,
  operation: AclOperationCode,
  nameOf: (item: never) => string = (item: { name?: string; topic?: string }) =>
    item.name ?? item.topic ?? '',
): RequestAuthorization<K> {
  return (request, context, handler) =>
    splitItems(request, handler, itemsField, responseField, (item: never) =>
      authorize(context, operation, ResourceType.TOPIC, nameOf(item)) ? null : TOPIC_AUTHORIZATION_FAILED,
    );
}

/** Config resources by Kafka's ConfigResource type: topics are topics, groups groups, everything else the cluster. */
function configResourceRefusal(
  context: RequestContext,
  operation: AclOperationCode,
): (resource: { resourceType: number; resourceName: string }) => RequestFailure | null {
  return ({ resourceType, resourceName }) => {
    if (resourceType === 2) {
      return authorize(context, operation, ResourceType.TOPIC, resourceName)
        ? null
        : TOPIC_AUTHORIZATION_FAILED;
    }
    if (resourceType === 32) {
      return authorize(context, operation, ResourceType.GROUP, resourceName)
        ? null
        : GROUP_AUTHORIZATION_FAILED;
    }
    return authorizeCluster(context, operation) ? null : CLUSTER_AUTHORIZATION_FAILED;
  };
}

/** FindCoordinator's key types. */
const GROUP_KEY = 0;

function coordinatorKeyRefusal(
  context: RequestContext,
  keyType: number,
): (key: string) => RequestFailure | null {
  return (key) =>
    keyType === GROUP_KEY
      ? authorize(context, AclOperation.DESCRIBE, ResourceType.GROUP, key)
        ? null
        : GROUP_AUTHORIZATION_FAILED
      : authorize(context, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, key)
        ? null
        : TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
}

/** Runs two authorizations in turn: the second sees only what the first allowed. */
function both<K extends ApiKeyNumber>(
  first: RequestAuthorization<K>,
  second: RequestAuthorization<K>,
): RequestAuthorization<K> {
  return (request, context, handler) => {
    const outer = first(request, context, handler);
    if (outer?.allowed === null) return outer;
    const inner = second(outer?.allowed ?? request, context, handler);
    if (!outer) return inner;
    if (!inner) return outer;
    return {
      allowed: inner.allowed,
      complete: (response) => {
        const middle = inner.complete(response);
        return middle === CLOSE_CONNECTION ? middle : outer.complete(middle);
      },
    };
  };
}

const { READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS } =
  AclOperation;

/** Every API authorized around its handler, by api key. */
const AUTHORIZATIONS: Partial<Record<ApiKeyNumber, RequestAuthorization<ApiKeyNumber>>> = {
  [ApiKey.Produce]: ((request, context, handler) => {
    const { transactionalId, acks } = request.body;
    if (
      transactionalId !== null &&
      !authorize(context, WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId)
    ) {
      return refuseAll(request, handler, TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    }
    const split = topicItems<typeof ApiKey.Produce>('topicData', 'responses', WRITE)(
      request,
      context,
      handler,
    );
    // acks=0 gets no response: a producer learns of the refusal by the connection closing, as in Kafka.
    if (split && acks === 0) return { allowed: split.allowed, complete: () => CLOSE_CONNECTION };
    return split;
  }) as RequestAuthorization<typeof ApiKey.Produce>,
  [ApiKey.ListOffsets]: topicItems('topics', 'topics', DESCRIBE),
  [ApiKey.OffsetForLeaderEpoch]: ((request, context, handler) =>
    request.body.replicaId >= 0
      ? clusterOperation<typeof ApiKey.OffsetForLeaderEpoch>(CLUSTER_ACTION)(request, context, handler)
      : topicItems<typeof ApiKey.OffsetForLeaderEpoch>('topics', 'topics', DESCRIBE)(
          request,
          context,
          handler,
        )) as RequestAuthorization<typeof ApiKey.OffsetForLeaderEpoch>,
  [ApiKey.CreateTopics]: ((request, context, handler) =>
    authorizeCluster(context, CREATE)
      ? null
      : topicItems<typeof ApiKey.CreateTopics>('topics', 'topics', CREATE)(
          request,
          context,
          handler,
        )) as RequestAuthorization<typeof ApiKey.CreateTopics>,
  [ApiKey.DeleteTopics]: ((request, context, handler) => {
    if (request.apiVersion < 6) {
      return splitItems(request, handler, 'topicNames', 'responses', (name: string) =>
        authorize(context, DELETE, ResourceType.TOPIC, name) ? null : TOPIC_AUTHORIZATION_FAILED,
      );
    }
    return splitItems(
      request,
      handler,
      'topics',
      'responses',
      (topic: { name: string | null; topicId: string }) => {
        // A topic named by id is known by its name; an unknown id is the handler's UNKNOWN_TOPIC_ID to give.
        const name = topic.name ?? context.services.topics.getById(topic.topicId)?.name;
        if (name === undefined) return null;
        return authorize(context, DELETE, ResourceType.TOPIC, name) ? null : TOPIC_AUTHORIZATION_FAILED;
      },
    );
  }) as RequestAuthorization<typeof ApiKey.DeleteTopics>,
  [ApiKey.CreatePartitions]: topicItems('topics', 'results', ALTER),
  [ApiKey.DeleteRecords]: topicItems('topics', 'topics', DELETE),
  [ApiKey.DescribeConfigs]: (request, context, handler) =>
    splitItems(request, handler, 'resources', 'results', configResourceRefusal(context, DESCRIBE_CONFIGS)),
  [ApiKey.AlterConfigs]: (request, context, handler) =>
    splitItems(request, handler, 'resources', 'responses', configResourceRefusal(context, ALTER_CONFIGS)),
  [ApiKey.IncrementalAlterConfigs]: (request, context, handler) =>
    splitItems(request, handler, 'resources', 'responses', configResourceRefusal(context, ALTER_CONFIGS)),
  [ApiKey.FindCoordinator]: ((request, context, handler) => {
    const { key, keyType } = request.body;
    const refusal = coordinatorKeyRefusal(context, keyType);
    // v4+ asks for several keys at once; before, for one.
    if (request.apiVersion >= 4)
      return splitItems(request, handler, 'coordinatorKeys', 'coordinators', refusal);
    const failure = refusal(key);
    return failure ? refuseAll(request, handler, failure) : null;
  }) as RequestAuthorization<typeof ApiKey.FindCoordinator>,
  [ApiKey.JoinGroup]: groupOperation(READ),
  [ApiKey.SyncGroup]: groupOperation(READ),
  [ApiKey.Heartbeat]: groupOperation(READ),
  [ApiKey.LeaveGroup]: groupOperation(READ),
  [ApiKey.OffsetCommit]: both(groupOperation(READ), topicItems('topics', 'topics', READ)),
  [ApiKey.OffsetDelete]: both(groupOperation(DELETE), topicItems('topics', 'topics', READ)),
  [ApiKey.DescribeGroups]: (request, context, handler) =>
    splitItems(request, handler, 'groups', 'groups', (group: string) =>
      authorize(context, DESCRIBE, ResourceType.GROUP, group) ? null : GROUP_AUTHORIZATION_FAILED,
    ),
  [ApiKey.DeleteGroups]: (request, context, handler) =>
    splitItems(request, handler, 'groupsNames', 'results', (group: string) =>
      authorize(context, DELETE, ResourceType.GROUP, group) ? null : GROUP_AUTHORIZATION_FAILED,
    ),
  [ApiKey.ConsumerGroupHeartbeat]: ((request, context, handler) => {
    const { groupId, subscribedTopicNames } = request.body;
    if (!authorize(context, READ, ResourceType.GROUP, groupId)) {
      return refuseAll(request, handler, GROUP_AUTHORIZATION_FAILED);
    }
    const hidden = (subscribedTopicNames ?? []).filter(
      (topic) => !authorize(context, DESCRIBE, ResourceType.TOPIC, topic),
    );
    return hidden.length === 0
      ? null
      : refuseAll(request, handler, {
          errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED,
          errorMessage: `The member is not authorized to access the topics: ${hidden.join(', ')}.`,
        });
  }) as RequestAuthorization<typeof ApiKey.ConsumerGroupHeartbeat>,
  [ApiKey.ConsumerGroupDescribe]: (request, context, handler) =>
    splitItems(request, handler, 'groupIds', 'groups', (group: string) =>
      authorize(context, DESCRIBE, ResourceType.GROUP, group) ? null : GROUP_AUTHORIZATION_FAILED,
    ),
  [ApiKey.InitProducerId]: ((request, context, handler) => {
    const { transactionalId } = request.body;
    if (transactionalId !== null) {
      return authorize(context, WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId)
        ? null
        : refuseAll(request, handler, TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    }
    // An idempotent producer needs IdempotentWrite on the cluster, or Write on some topic (KIP-679).
    const authorizer = context.services.authorizer;
    const writesSomeTopic =
      authorizer?.authorizeAny(
        principalToString(context.principal),
        context.clientHost,
        WRITE,
        ResourceType.TOPIC,
      ) ?? true;
    return authorizeCluster(context, AclOperation.IDEMPOTENT_WRITE) || writesSomeTopic
      ? null
      : refuseAll(request, handler, CLUSTER_AUTHORIZATION_FAILED);
  }) as RequestAuthorization<typeof ApiKey.InitProducerId>,
  [ApiKey.DescribeProducers]: topicItems('topics', 'topics', READ),
  [ApiKey.DescribeLogDirs]: clusterOperation(DESCRIBE),
  [ApiKey.ElectLeaders]: clusterOperation(ALTER),
  [ApiKey.AlterPartitionReassignments]: clusterOperation(ALTER),
  [ApiKey.ListPartitionReassignments]: clusterOperation(DESCRIBE),
  [ApiKey.DescribeQuorum]: clusterOperation(DESCRIBE),
  [ApiKey.DescribeClientQuotas]: clusterOperation(DESCRIBE_CONFIGS),
  [ApiKey.AlterClientQuotas]: clusterOperation(ALTER_CONFIGS),
  [ApiKey.DescribeUserScramCredentials]: clusterOperation(DESCRIBE),
  [ApiKey.AlterUserScramCredentials]: clusterOperation(ALTER),
  [ApiKey.DescribeAcls]: clusterOperation(DESCRIBE),
  [ApiKey.CreateAcls]: clusterOperation(ALTER),
  [ApiKey.DeleteAcls]: clusterOperation(ALTER),
} as Partial<Record<ApiKeyNumber, RequestAuthorization<ApiKeyNumber>>>;

/** The ACL APIs, which without an authorizer have nothing to act on. */
const ACL_APIS: ReadonlySet<number> = new Set([ApiKey.CreateAcls, ApiKey.DescribeAcls, ApiKey.DeleteAcls]);
const SECURITY_DISABLED: RequestFailure = {
  errorCode: ErrorCode.SECURITY_DISABLED,
  errorMessage: 'No Authorizer is configured on the broker',
};

/**
 * The handlers with their APIs' authorization around them (and SECURITY_DISABLED from the ACL APIs when there is
 * no authorizer). Applied to the final handler set, so a cluster
 * member authorizes before it forwards to the controller (which trusts its brokers, having no envelope).
 */
export function withAuthorization(handlers: readonly Handler[]): Handler[] {
  return handlers.map((handler) => {
    const authorization = AUTHORIZATIONS[handler.apiKey];
    if (!authorization) return handler;
    return {
      ...handler,
      async handle(request, context) {
        if (context.services.authorizer === null) {
          return ACL_APIS.has(handler.apiKey)
            ? handler.errorResponse(request, SECURITY_DISABLED)
            : handler.handle(request, context);
        }
        const split = authorization(request, context, handler);
        if (!split) return handler.handle(request, context);
        const response = split.allowed ? await handler.handle(split.allowed, context) : null;
        if (response === CLOSE_CONNECTION) return response;
        return split.complete(response);
      },
    };
  });
}
