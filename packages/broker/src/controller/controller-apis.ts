/**
 * The controller's request handlers, request in and response out, for the controller listener to register:
 * CreateTopics, DeleteTopics, CreatePartitions, AlterConfigs, IncrementalAlterConfigs, ElectLeaders,
 * AlterPartitionReassignments, ListPartitionReassignments, AlterPartition, BrokerRegistration, BrokerHeartbeat,
 * AllocateProducerIds, AlterUserScramCredentials, AlterClientQuotas, CreateAcls and DeleteAcls.
 *
 * quorumControllerHandlers(controller) binds them to a QuorumController as the controller listener's handlers.
 *
 * Invariants: a handler never throws; a request-level failure (NOT_CONTROLLER on a standby or after losing
 * leadership, STALE_BROKER_EPOCH, INCONSISTENT_CLUSTER_ID, ...) becomes `errorResponse` with that code in every
 * error field, as Kafka's getErrorResponse does; anything unexpected becomes UNKNOWN_SERVER_ERROR (failureOf).
 */
import {
  ApiKey,
  ErrorCode,
  ZERO_UUID,
  type AlterUserScramCredentialsRequest,
  type ApiKeyNumber,
  type DecodedRequest,
} from '@sluice/protocol';
import { defineHandler, type Handler, type ResponseOf } from '../handlers/handler.ts';
import { failureOf, type RequestFailure } from '../handlers/request-failure.ts';
import { AlterConfigOp } from './configuration-control-manager.ts';
import { createAcls, deleteAcls } from './acl-control-manager.ts';
import { alterUserScramCredentials } from './scram-control-manager.ts';
import { ControllerError } from './controller-result.ts';
import type { QuorumController } from './quorum-controller.ts';

export interface ControllerApi<K extends ApiKeyNumber = ApiKeyNumber> {
  apiKey: K;
  minVersion: number;
  maxVersion: number;
  handle(controller: QuorumController, request: DecodedRequest<K>): Promise<ResponseOf<K>>;
  errorResponse(request: DecodedRequest<K>, failure: RequestFailure): ResponseOf<K>;
}

function defineControllerApi<K extends ApiKeyNumber>(api: ControllerApi<K>): ControllerApi<K> {
  return api;
}

/** The request's own deadline (CreateTopics, DeleteTopics, CreatePartitions, ElectLeaders), when it sets one. */
function requestTimeoutMs(request: DecodedRequest): number {
  const body = request.body as { timeoutMs?: unknown };
  return typeof body.timeoutMs === 'number' && body.timeoutMs > 0 ? body.timeoutMs : 0;
}

/**
 * Runs a controller handler; every failure becomes its errorResponse. A request with a positive timeoutMs whose
 * records are not committed in time gets REQUEST_TIMED_OUT (the records may still be committed later, as in Kafka).
 */
export async function handleControllerRequest<K extends ApiKeyNumber>(
  api: ControllerApi<K>,
  controller: QuorumController,
  request: DecodedRequest<K>,
): Promise<ResponseOf<K>> {
  const timeoutMs = requestTimeoutMs(request);
  let timer: NodeJS.Timeout | undefined;
  try {
    const handled = api.handle(controller, request);
    if (timeoutMs === 0) return await handled;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ControllerError(ErrorCode.REQUEST_TIMED_OUT, `Timed out after ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    handled.catch(() => undefined);
    return await Promise.race([handled, timedOut]);
  } catch (error) {
    const failure =
      error instanceof ControllerError
        ? { errorCode: error.errorCode, errorMessage: error.message }
        : failureOf(error);
    return api.errorResponse(request, failure);
  } finally {
    clearTimeout(timer);
  }
}

export const createTopicsApi = defineControllerApi({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  async handle(controller, { body, apiVersion }) {
    const topics = await controller.createTopics(body);
    const store = controller.configStore;
    if (apiVersion < 5 || !store) return { throttleTimeMs: 0, topics };
    // v5+ answers with the new topic's effective configs, as Kafka does.
    return {
      throttleTimeMs: 0,
      topics: topics.map((result) => {
        const requested = body.topics.find((t) => t.name === result.name);
        if (result.errorCode !== ErrorCode.NONE || !requested) return result;
        const overrides = new Map(requested.configs.map((c) => [c.name, c.value ?? '']));
        const configs = store.describeTopic(overrides).map((c) => ({
          name: c.name,
          value: c.def.sensitive ? null : c.value,
          readOnly: false,
          configSource: c.source,
          isSensitive: c.def.sensitive ?? false,
        }));
        return { ...result, configs };
      }),
    };
  },
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    topics: body.topics.map(({ name }) => ({
      name,
      topicId: ZERO_UUID,
      errorCode,
      errorMessage,
      topicConfigErrorCode: ErrorCode.NONE,
      numPartitions: -1,
      replicationFactor: -1,
      configs: null,
    })),
  }),
});

export const deleteTopicsApi = defineControllerApi({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  async handle(controller, { body, apiVersion }) {
    return { throttleTimeMs: 0, responses: await controller.deleteTopics(body, apiVersion) };
  },
  errorResponse: ({ body, apiVersion }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    responses:
      apiVersion >= 6
        ? body.topics.map(({ name, topicId }) => ({ name, topicId, errorCode, errorMessage }))
        : body.topicNames.map((name) => ({ name, topicId: ZERO_UUID, errorCode, errorMessage })),
  }),
});

export const createPartitionsApi = defineControllerApi({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  async handle(controller, { body }) {
    return { throttleTimeMs: 0, results: await controller.createPartitions(body) };
  },
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: body.topics.map(({ name }) => ({ name, errorCode, errorMessage })),
  }),
});

export const incrementalAlterConfigsApi = defineControllerApi({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  async handle(controller, { body }) {
    const responses = await controller.alterConfigs(body.resources, body.validateOnly, true);
    return { throttleTimeMs: 0, responses };
  },
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    responses: body.resources.map(({ resourceType, resourceName }) => ({
      resourceType,
      resourceName,
      errorCode,
      errorMessage,
    })),
  }),
});

export const alterConfigsApi = defineControllerApi({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  async handle(controller, { body }) {
    const changes = body.resources.map((r) => ({
      resourceType: r.resourceType,
      resourceName: r.resourceName,
      configs: r.configs.map((c) => ({ name: c.name, configOperation: AlterConfigOp.SET, value: c.value })),
    }));
    return { throttleTimeMs: 0, responses: await controller.alterConfigs(changes, body.validateOnly, false) };
  },
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    responses: body.resources.map(({ resourceType, resourceName }) => ({
      resourceType,
      resourceName,
      errorCode,
      errorMessage,
    })),
  }),
});

export const electLeadersApi = defineControllerApi({
  apiKey: ApiKey.ElectLeaders,
  minVersion: 0,
  maxVersion: 2,
  handle: (controller, { body }) => controller.electLeaders(body),
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    errorCode,
    replicaElectionResults: (body.topicPartitions ?? []).map(({ topic, partitions }) => ({
      topic,
      partitionResult: partitions.map((partitionId) => ({ partitionId, errorCode, errorMessage })),
    })),
  }),
});

export const alterPartitionReassignmentsApi = defineControllerApi({
  apiKey: ApiKey.AlterPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  handle: (controller, { body }) => controller.alterPartitionReassignments(body),
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage,
    responses: [],
  }),
});

export const listPartitionReassignmentsApi = defineControllerApi({
  apiKey: ApiKey.ListPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  handle: (controller, { body }) => controller.listPartitionReassignments(body),
  errorResponse: (_request, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    errorCode,
    errorMessage,
    topics: [],
  }),
});

export const alterPartitionApi = defineControllerApi({
  apiKey: ApiKey.AlterPartition,
  minVersion: 0,
  maxVersion: 3,
  handle: (controller, { body, apiVersion }) => controller.alterPartition(body, apiVersion),
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode, topics: [] }),
});

export const brokerRegistrationApi = defineControllerApi({
  apiKey: ApiKey.BrokerRegistration,
  minVersion: 0,
  maxVersion: 4,
  handle: (controller, { body }) => controller.registerBroker(body),
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode, brokerEpoch: -1n }),
});

export const brokerHeartbeatApi = defineControllerApi({
  apiKey: ApiKey.BrokerHeartbeat,
  minVersion: 0,
  maxVersion: 1,
  handle: (controller, { body }) => controller.brokerHeartbeat(body),
  errorResponse: (_request, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    isCaughtUp: false,
    isFenced: true,
    shouldShutDown: false,
  }),
});

export const allocateProducerIdsApi = defineControllerApi({
  apiKey: ApiKey.AllocateProducerIds,
  minVersion: 0,
  maxVersion: 0,
  handle: (controller, { body }) => controller.allocateProducerIds(body),
  errorResponse: (_request, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    producerIdStart: -1n,
    producerIdLen: 0,
  }),
});

export const alterClientQuotasApi = defineControllerApi({
  apiKey: ApiKey.AlterClientQuotas,
  minVersion: 0,
  maxVersion: 1,
  async handle(controller, { body }) {
    return { throttleTimeMs: 0, entries: await controller.alterClientQuotas(body) };
  },
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    entries: body.entries.map(({ entity }) => ({ errorCode, errorMessage, entity })),
  }),
});

/** Every API the controller serves, for the controller listener's registry and its ApiVersions. */
/** Every user named by the request, once, in request order: what an AlterUserScramCredentials answer lists. */
export function scramAlterationUsers(body: AlterUserScramCredentialsRequest): string[] {
  return [...new Set([...body.deletions, ...body.upsertions].map((a) => a.name))];
}

export const alterUserScramCredentialsApi = defineControllerApi({
  apiKey: ApiKey.AlterUserScramCredentials,
  minVersion: 0,
  maxVersion: 0,
  handle: (controller, { body }) => controller.run((ctx) => alterUserScramCredentials(ctx, body)),
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: scramAlterationUsers(body).map((user) => ({ user, errorCode, errorMessage })),
  }),
});

export const createAclsApi = defineControllerApi({
  apiKey: ApiKey.CreateAcls,
  minVersion: 0,
  maxVersion: 3,
  handle: async (controller, { body }) => ({
    throttleTimeMs: 0,
    results: await controller.run((ctx) => createAcls(ctx, body)),
  }),
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    results: body.creations.map(() => ({ errorCode, errorMessage })),
  }),
});

export const deleteAclsApi = defineControllerApi({
  apiKey: ApiKey.DeleteAcls,
  minVersion: 0,
  maxVersion: 3,
  handle: async (controller, { body }) => ({
    throttleTimeMs: 0,
    filterResults: await controller.run((ctx) => deleteAcls(ctx, body)),
  }),
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    throttleTimeMs: 0,
    filterResults: body.filters.map(() => ({ errorCode, errorMessage, matchingAcls: [] })),
  }),
});

export const controllerApis: readonly ControllerApi[] = [
  createTopicsApi,
  deleteTopicsApi,
  createPartitionsApi,
  incrementalAlterConfigsApi,
  alterConfigsApi,
  electLeadersApi,
  alterPartitionReassignmentsApi,
  listPartitionReassignmentsApi,
  alterPartitionApi,
  brokerRegistrationApi,
  brokerHeartbeatApi,
  allocateProducerIdsApi,
  alterUserScramCredentialsApi,
  alterClientQuotasApi,
  createAclsApi,
  deleteAclsApi,
] as readonly ControllerApi[];

/**
 * The controller's APIs as handlers for the controller listener (ControllerListener's `handlers`), bound to one
 * QuorumController; they need nothing from the listener's request context.
 */
export function quorumControllerHandlers(controller: QuorumController): Handler<ApiKeyNumber, unknown>[] {
  return controllerApis.map((api) =>
    defineHandler<ApiKeyNumber, unknown>({
      apiKey: api.apiKey,
      minVersion: api.minVersion,
      maxVersion: api.maxVersion,
      handle: (request) => handleControllerRequest(api, controller, request),
      errorResponse: (request, failure) => api.errorResponse(request, failure),
    }),
  );
}
