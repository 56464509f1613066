import { ApiKey, ErrorCode, defaultFindCoordinatorResponse } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

const GROUP_KEY = 0;
const TRANSACTION_KEY = 1;

/**
 * A group's coordinator is the leader of its __consumer_offsets partition, a transactional id's the leader of
 * its __transaction_state partition (each topic is created on first use).
 */
export const findCoordinatorHandler = defineHandler({
  apiKey: ApiKey.FindCoordinator,
  minVersion: 0,
  maxVersion: 6,
  errorResponse: ({ body }, { errorCode, errorMessage }) => ({
    ...defaultFindCoordinatorResponse(),
    errorCode,
    errorMessage,
    nodeId: -1,
    port: -1,
    coordinators: body.coordinatorKeys.map((key) => ({
      key,
      nodeId: -1,
      host: '',
      port: -1,
      errorCode,
      errorMessage,
    })),
  }),
  async handle({ body, apiVersion }, { services, listenerName }) {
    const answer = async (key: string) => {
      const unavailable = (errorMessage: string | null) => ({
        key,
        nodeId: -1,
        host: '',
        port: -1,
        errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
        errorMessage,
      });
      if (body.keyType !== GROUP_KEY && body.keyType !== TRANSACTION_KEY)
        return {
          ...unavailable(`Unknown coordinator type ${body.keyType}`),
          errorCode: ErrorCode.INVALID_REQUEST,
        };
      if (body.keyType === TRANSACTION_KEY && key === '')
        return {
          ...unavailable('A transactional id must not be empty'),
          errorCode: ErrorCode.INVALID_REQUEST,
        };
      const coordinator =
        body.keyType === GROUP_KEY
          ? await services.groups.findCoordinator(key)
          : await services.transactions.findCoordinator(key);
      if (typeof coordinator === 'number') return unavailable(null);
      // The coordinator as reached through the listener this client came in on.
      const node = services.brokers(listenerName).find((b) => b.nodeId === coordinator.nodeId);
      if (!node) return unavailable(null);
      return {
        key,
        nodeId: node.nodeId,
        host: node.host,
        port: node.port,
        errorCode: ErrorCode.NONE,
        errorMessage: null,
      };
    };
    // v4+ asks for several keys at once; earlier versions for one.
    if (apiVersion >= 4) {
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        errorMessage: null,
        nodeId: -1,
        host: '',
        port: -1,
        coordinators: await Promise.all(body.coordinatorKeys.map(answer)),
      };
    }
    const { errorCode, errorMessage, nodeId, host, port } = await answer(body.key);
    return { throttleTimeMs: 0, errorCode, errorMessage, nodeId, host, port, coordinators: [] };
  },
});
