import { ApiKey } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize } from './authorization.ts';
import { defineHandler } from './handler.ts';

/**
 * ListTransactions: the transactional ids this broker coordinates, filtered by state, producer id and (v1) how
 * long the transaction has been open; only ids the principal may describe are listed.
 */
export const listTransactionsHandler = defineHandler({
  apiKey: ApiKey.ListTransactions,
  minVersion: 0,
  maxVersion: 1,
  errorResponse: (_request, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode,
    unknownStateFilters: [],
    transactionStates: [],
  }),
  handle({ body, apiVersion }, context) {
    const { errorCode, unknownStateFilters, transactions } = context.services.transactions.list(
      body.stateFilters,
      body.producerIdFilters,
      apiVersion >= 1 ? Number(body.durationFilter) : -1,
    );
    return {
      throttleTimeMs: 0,
      errorCode,
      unknownStateFilters,
      transactionStates: transactions
        .filter((t) =>
          authorize(context, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, t.transactionalId, false),
        )
        .map((t) => ({
          transactionalId: t.transactionalId,
          producerId: t.producerId,
          transactionState: t.state,
        })),
    };
  },
});
