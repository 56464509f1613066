/** BeginQuorumEpoch (KIP-595): a new leader tells the voters of its epoch. */
import { ApiKey, apis } from '@sluice/protocol';
import { defineHandler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';

export const beginQuorumEpochHandler = defineHandler<
  typeof ApiKey.BeginQuorumEpoch,
  ControllerRequestContext
>({
  apiKey: ApiKey.BeginQuorumEpoch,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode }) => ({
    ...apis[ApiKey.BeginQuorumEpoch].defaultResponse(),
    errorCode,
  }),
  handle: (request, { controller }) => controller.raft.requests.handleBeginQuorumEpoch(request.body),
});
