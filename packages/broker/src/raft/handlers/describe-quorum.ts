/** DescribeQuorum (KIP-595, KIP-836): the leader's view of the quorum (epoch, high watermark, each replica). */
import { ApiKey, apis } from '@sluice/protocol';
import { defineHandler } from '../../handlers/handler.ts';
import type { ControllerRequestContext } from '../controller-listener.ts';

export const describeQuorumHandler = defineHandler<typeof ApiKey.DescribeQuorum, ControllerRequestContext>({
  apiKey: ApiKey.DescribeQuorum,
  minVersion: 0,
  maxVersion: 2,
  errorResponse: (_request, { errorCode }) => ({
    ...apis[ApiKey.DescribeQuorum].defaultResponse(),
    errorCode,
  }),
  handle: (request, { controller }) => controller.raft.requests.handleDescribeQuorum(request.body),
});
