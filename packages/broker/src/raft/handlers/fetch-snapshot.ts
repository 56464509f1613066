/** FetchSnapshot (KIP-630): a replica behind the leader's log start offset fetches the leader's snapshot. */
import { ApiKey, apis } from '@sluice/protocol';
import { defineHandler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';

export const fetchSnapshotHandler = defineHandler<typeof ApiKey.FetchSnapshot, ControllerRequestContext>({
  apiKey: ApiKey.FetchSnapshot,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode }) => ({
    ...apis[ApiKey.FetchSnapshot].defaultResponse(),
    errorCode,
  }),
  handle: (request, { controller }) => controller.raft.requests.handleFetchSnapshot(request.body),
});
