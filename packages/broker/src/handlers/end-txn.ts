import { ApiKey, ErrorCode } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize } from './authorization.ts';
import { defineHandler } from './handler.ts';
import { fencedForVersion } from './transaction-errors.ts';

/**
 * EndTxn: commit or abort the producer's transaction. Answered once the coordinator has written the prepare;
 * the markers follow. v5's producer id and epoch are the producer's own (Sluice runs transaction version 1, so
 * epochs are not bumped per transaction).
 */
export const endTxnHandler = defineHandler({
  apiKey: ApiKey.EndTxn,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    producerId: body.producerId,
    producerEpoch: body.producerEpoch,
  }),
  async handle({ body, apiVersion }, context) {
    const { transactionalId, producerId, producerEpoch, committed } = body;
    const answer = (errorCode: number) => ({
      throttleTimeMs: 0,
      errorCode: fencedForVersion(errorCode, apiVersion, 2),
      producerId,
      producerEpoch,
    });
    if (!authorize(context, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId))
      return answer(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    return answer(
      await context.services.transactions.endTransaction(
        transactionalId,
        producerId,
        producerEpoch,
        committed,
      ),
    );
  },
});
