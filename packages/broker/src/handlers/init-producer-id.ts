import { ApiKey, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { fencedForVersion } from './transaction-errors.ts';

/**
 * InitProducerId. Without a transactional id: an idempotent producer gets a fresh producer id at epoch 0, or
 * (KIP-360) its own id with the epoch bumped. With one: the transaction coordinator answers (a producer id and an
 * epoch that fences every older producer of the id).
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
  async handle({ body, apiVersion }, { services }) {
    if (body.transactionalId !== null) {
      // v3+ may name the producer id and epoch it had (KIP-360); -1 means none.
      const expected =
        apiVersion >= 3 && body.producerId >= 0n
          ? { producerId: body.producerId, producerEpoch: body.producerEpoch }
          : null;
      const result = await services.transactions.initProducerId(
        body.transactionalId,
        body.transactionTimeoutMs,
        expected,
      );
      return { throttleTimeMs: 0, ...result, errorCode: fencedForVersion(result.errorCode, apiVersion, 4) };
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
