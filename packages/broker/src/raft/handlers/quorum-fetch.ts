/**
 * Fetch on the controller listener: replicas of `__cluster_metadata` fetching from the quorum leader (KIP-595's
 * fetch-based replication; v13+ name the topic by Kafka's METADATA_TOPIC_ID). The broker listener's Fetch
 * (handlers/fetch.ts) serves consumers and data replicas; this one serves only the metadata log.
 */
import { ApiKey, apis } from '@sluice/protocol';
import { defineHandler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';

export const quorumFetchHandler = defineHandler<typeof ApiKey.Fetch, ControllerRequestContext>({
  apiKey: ApiKey.Fetch,
  minVersion: 13,
  maxVersion: 17,
  errorResponse: (_request, { errorCode }) => ({ ...apis[ApiKey.Fetch].defaultResponse(), errorCode }),
  handle: (request, { controller }) => controller.raft.requests.handleFetch(request.body, request.apiVersion),
});
