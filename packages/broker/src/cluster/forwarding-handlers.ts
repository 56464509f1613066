/**
 * On a cluster member, the admin requests that change cluster metadata are the controller's to answer: the broker
 * forwards them to the active controller and relays its answer (KIP-590's forwarding, without the envelope: a
 * Sluice broker and its controller are the same software, so the request goes as it came).
 *
 * Invariant: the versions a forwarding handler advertises are those both the broker and the controller serve, and a
 * request goes to the controller at the version the client sent, so no field is lost in re-encoding (DeleteTopics
 * v0-5 name topics in a field that v6 no longer has).
 */
import { ApiKey, ErrorCode, type ApiKeyNumber } from '@sluice/protocol';
import { controllerApis } from '../controller/controller-apis.ts';
import type { Handler, RequestContext } from '../handlers/handler.ts';
import type { RequestFailure } from '../handlers/request-failure.ts';
import { withForwardedMutationQuota } from '../quota/forwarded-mutation-quota.ts';
import { describeQuorumHandler } from '../raft/handlers/describe-quorum.ts';
import { ControllerUnavailableError } from './controller-channel.ts';

/** How long a forwarded request may wait for the controller (Kafka's request.timeout.ms default). */
const FORWARD_TIMEOUT_MS = 30_000;

const FORWARDED: readonly ApiKeyNumber[] = [
  ApiKey.CreateTopics,
  ApiKey.DeleteTopics,
  ApiKey.CreatePartitions,
  ApiKey.AlterConfigs,
  ApiKey.IncrementalAlterConfigs,
  ApiKey.ElectLeaders,
  ApiKey.AlterPartitionReassignments,
  ApiKey.ListPartitionReassignments,
  ApiKey.AlterUserScramCredentials,
  ApiKey.AlterClientQuotas,
  ApiKey.CreateAcls,
  ApiKey.DeleteAcls,
];

interface ForwardedApi {
  apiKey: ApiKeyNumber;
  minVersion: number;
  maxVersion: number;
  errorResponse: Handler['errorResponse'];
}

function forwardingHandler(api: ForwardedApi): Handler {
  return withForwardedMutationQuota({
    ...api,
    async handle(request, { services }: RequestContext) {
      const cluster = services.cluster;
      if (!cluster) throw new Error('forwarding handler on a broker that is not a cluster member');
      try {
        return await cluster.channel.send(api.apiKey, request.body, FORWARD_TIMEOUT_MS, request.apiVersion);
      } catch (error) {
        if (!(error instanceof ControllerUnavailableError)) throw error;
        const failure: RequestFailure = {
          errorCode: ErrorCode.REQUEST_TIMED_OUT,
          errorMessage: error.message,
        };
        return api.errorResponse(request, failure);
      }
    },
  });
}

/** The broker's handlers with the metadata-changing admin APIs (and DescribeQuorum) forwarded to the controller. */
export function clusterMemberHandlers(base: readonly Handler[]): Handler[] {
  const forwarded = new Map<number, ForwardedApi>();
  for (const api of controllerApis) {
    if (!FORWARDED.includes(api.apiKey)) continue;
    const local = base.find((handler) => handler.apiKey === api.apiKey);
    forwarded.set(api.apiKey, {
      apiKey: api.apiKey,
      minVersion: Math.max(api.minVersion, local?.minVersion ?? api.minVersion),
      maxVersion: Math.min(api.maxVersion, local?.maxVersion ?? api.maxVersion),
      errorResponse: (local?.errorResponse ?? api.errorResponse) as Handler['errorResponse'],
    });
  }
  const describeQuorum = describeQuorumHandler as unknown as Handler;
  forwarded.set(ApiKey.DescribeQuorum, {
    apiKey: ApiKey.DescribeQuorum,
    minVersion: describeQuorum.minVersion,
    maxVersion: describeQuorum.maxVersion,
    errorResponse: describeQuorum.errorResponse,
  });
  const handlers = base.map((handler) => {
    const api = forwarded.get(handler.apiKey);
    return api ? forwardingHandler(api) : handler;
  });
  for (const api of forwarded.values())
    if (!base.some((handler) => handler.apiKey === api.apiKey)) handlers.push(forwardingHandler(api));
  return handlers;
}
