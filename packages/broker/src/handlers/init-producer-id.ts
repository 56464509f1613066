import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';

/**
 * Idempotent producers get a fresh producer id (epoch 0). Transactional ids need the transaction coordinator,
 * which Sluice does not have yet: those requests are refused with Kafka's "not available" coordinator error.
 */
export const initProducerIdHandler = defineHandler({
  apiKey: ApiKey.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: (_request, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    producerId: -1n,
    producerEpoch: -1,
  }),
  handle({ body }, { services }) {
    if (body.transactionalId !== null) {
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE,
        producerId: -1n,
        producerEpoch: -1,
      };
    }
    if (body.producerId >= 0n) {
      // A producer asking to bump its own epoch (KIP-360) after a sequence error keeps its id.
      const epoch = body.producerEpoch + 1;
      if (epoch <= 32767)
        return {
          throttleTimeMs: 0,
          errorCode: ErrorCode.NONE,
          producerId: body.producerId,
          producerEpoch: epoch,
        };
    }
    const producerId = services.producerIds.allocate();
    // A cluster member waiting for its first block of ids from the controller: retriable, as in Kafka.
    if (producerId === null)
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
        producerId: -1n,
        producerEpoch: -1,
      };
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
  },
});
