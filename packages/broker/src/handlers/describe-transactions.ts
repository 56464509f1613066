import { ApiKey, ErrorCode } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { authorize } from './authorization.ts';
import { defineHandler } from './handler.ts';

function failed(transactionalId: string, errorCode: number) {
  return {
    errorCode,
    transactionalId,
    transactionState: '',
    transactionTimeoutMs: 0,
    transactionStartTimeMs: -1n,
    producerId: -1n,
    producerEpoch: -1,
    topics: [],
  };
}

/**
 * DescribeTransactions: the state of each transactional id this broker coordinates. Needs Describe on the id;
 * the partitions of topics the principal may not describe are left out, as Kafka does.
 */
export const describeTransactionsHandler = defineHandler({
  apiKey: ApiKey.DescribeTransactions,
  minVersion: 0,
  maxVersion: 0,
  errorResponse: ({ body }, { errorCode }) => ({
    throttleTimeMs: 0,
    transactionStates: body.transactionalIds.map((id) => failed(id, errorCode)),
  }),
  handle({ body }, context) {
    const transactionStates = body.transactionalIds.map((transactionalId) => {
      if (!authorize(context, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, transactionalId))
        return failed(transactionalId, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
      const found = context.services.transactions.describe(transactionalId);
      if (typeof found === 'number') return failed(transactionalId, found);
      const byTopic = new Map<string, number[]>();
      for (const { topic, partition } of found.partitions) {
        if (!authorize(context, AclOperation.DESCRIBE, ResourceType.TOPIC, topic, false)) continue;
        byTopic.set(topic, [...(byTopic.get(topic) ?? []), partition]);
      }
      return {
        errorCode: ErrorCode.NONE,
        transactionalId,
        transactionState: found.state,
        transactionTimeoutMs: found.timeoutMs,
        transactionStartTimeMs: BigInt(found.startTimestamp),
        producerId: found.producerId,
        producerEpoch: found.producerEpoch,
        topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
      };
    });
    return { throttleTimeMs: 0, transactionStates };
  },
});
