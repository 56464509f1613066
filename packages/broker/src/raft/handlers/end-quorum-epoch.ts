/** EndQuorumEpoch (KIP-595): a leader resigning gracefully, naming its preferred successors. */
import { ApiKey, apis } from '@sluice/protocol';
import { defineHandler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';

export const endQuorumEpochHandler = defineHandler<typeof ApiKey.EndQuorumEpoch, ControllerRequestContext>({
  apiKey: ApiKey.EndQuorumEpoch,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode }) => ({
    ...apis[ApiKey.EndQuorumEpoch].defaultResponse(),
    errorCode,
  }),
  handle: (request, { controller }) =>
    controller.raft.requests.handleEndQuorumEpoch(request.body, request.apiVersion),
});
