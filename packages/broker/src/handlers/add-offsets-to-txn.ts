import { ApiKey, ErrorCode } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { CONSUMER_OFFSETS_TOPIC } from '../groups/offsets-topic.ts';
import { authorize } from './authorization.ts';
import { defineHandler } from './handler.ts';
import { fencedForVersion } from './transaction-errors.ts';

/**
 * AddOffsetsToTxn: the group's __consumer_offsets partition joins the transaction, so its TxnOffsetCommit is
 * decided by the transaction's marker. Needs Write on the transactional id and Read on the group.
 */
export const addOffsetsToTxnHandler = defineHandler({
  apiKey: ApiKey.AddOffsetsToTxn,
  minVersion: 0,
  maxVersion: 4,
  errorResponse: (_request, { errorCode }) => ({ throttleTimeMs: 0, errorCode }),
  async handle({ body, apiVersion }, context) {
    const { transactionalId, producerId, producerEpoch, groupId } = body;
    if (!authorize(context, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId))
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED };
    if (!authorize(context, AclOperation.READ, ResourceType.GROUP, groupId))
      return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    const { groups, transactions } = context.services;
    // The offsets topic must exist for its partition to be part of the transaction.
    if (!(await groups.ensureOffsetsTopic()))
      return { throttleTimeMs: 0, errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE };
    const errorCode = await transactions.addPartitions(transactionalId, producerId, producerEpoch, [
      { topic: CONSUMER_OFFSETS_TOPIC, partition: groups.partitionFor(groupId) },
    ]);
    return { throttleTimeMs: 0, errorCode: fencedForVersion(errorCode, apiVersion, 2) };
  },
});
