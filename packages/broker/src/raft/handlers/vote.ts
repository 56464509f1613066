/** Vote (KIP-595): a candidate asks this voter for its vote in an epoch. */
import { ApiKey, apis } from '@sluice/protocol';
import { defineHandler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';

export const voteHandler = defineHandler<typeof ApiKey.Vote, ControllerRequestContext>({
  apiKey: ApiKey.Vote,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode }) => ({ ...apis[ApiKey.Vote].defaultResponse(), errorCode }),
  handle: (request, { controller }) => controller.raft.requests.handleVote(request.body, request.apiVersion),
});
