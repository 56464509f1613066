import {
  ApiKey,
  ErrorCode,
  type AddPartitionsToTxnRequestAddPartitionsToTxnTopic,
  type AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult,
} from '@sluice/protocol';
import { AclOperation, ResourceType } from '../security/acl-operations.ts';
import { partitionKey, type TxnPartition } from '../transactions/transaction-metadata.ts';
import { authorize, authorizeCluster } from './authorization.ts';
import { defineHandler, type RequestContext } from './handler.ts';
import { fencedForVersion } from './transaction-errors.ts';

function results(
  topics: readonly AddPartitionsToTxnRequestAddPartitionsToTxnTopic[],
  codeOf: (tp: TxnPartition) => number,
): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] {
  return topics.map(({ name, partitions }) => ({
    name,
    resultsByPartition: partitions.map((partitionIndex) => ({
      partitionIndex,
      partitionErrorCode: codeOf({ topic: name, partition: partitionIndex }),
    })),
  }));
}

/**
 * One transaction of the request (Kafka's handleAddPartitionsToTxnRequest): Write on the transactional id and on
 * every topic, every partition known; when any partition fails those checks, none is added and the others are
 * answered OPERATION_NOT_ATTEMPTED. Otherwise the coordinator adds them all (or, verifyOnly, says which are in
 * the transaction), with one error for all.
 */
async function addOrVerify(
  context: RequestContext,
  transaction: {
    transactionalId: string;
    producerId: bigint;
    producerEpoch: number;
    verifyOnly: boolean;
    topics: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
  },
  apiVersion: number,
): Promise<AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[]> {
  const { services } = context;
  const { transactionalId, producerId, producerEpoch, topics } = transaction;
  if (!authorize(context, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, transactionalId))
    return results(topics, () => ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
  const refused = new Map<string, number>();
  const partitions: TxnPartition[] = [];
  for (const { name, partitions: indexes } of topics) {
    const mayWrite = authorize(context, AclOperation.WRITE, ResourceType.TOPIC, name);
    const topic = services.topics.get(name);
    for (const partition of indexes) {
      const tp = { topic: name, partition };
      partitions.push(tp);
      if (!mayWrite) refused.set(partitionKey(tp), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      else if (!topic?.partitions[partition])
        refused.set(partitionKey(tp), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }
  }
  if (refused.size > 0)
    return results(topics, (tp) => refused.get(partitionKey(tp)) ?? ErrorCode.OPERATION_NOT_ATTEMPTED);
  if (transaction.verifyOnly) {
    const verified = services.transactions.verifyPartitions(
      transactionalId,
      producerId,
      producerEpoch,
      partitions,
    );
    return results(topics, (tp) =>
      typeof verified === 'number' ? verified : verified.get(partitionKey(tp))!,
    );
  }
  const errorCode = await services.transactions.addPartitions(
    transactionalId,
    producerId,
    producerEpoch,
    partitions,
  );
  const answered = fencedForVersion(errorCode, apiVersion, 2);
  return results(topics, () => answered);
}

/**
 * AddPartitionsToTxn. Versions 0-3 come from producers, one transaction each; versions 4+ from brokers, several
 * transactions at once and possibly verifyOnly (KIP-890), which needs ClusterAction.
 */
export const addPartitionsToTxnHandler = defineHandler({
  apiKey: ApiKey.AddPartitionsToTxn,
  minVersion: 0,
  maxVersion: 5,
  errorResponse: ({ body, apiVersion }, { errorCode }) => ({
    throttleTimeMs: 0,
    errorCode: apiVersion >= 4 ? errorCode : ErrorCode.NONE,
    resultsByTransaction: [],
    resultsByTopicV3AndBelow: results(body.v3AndBelowTopics, () => errorCode),
  }),
  async handle({ body, apiVersion }, context) {
    if (apiVersion < 4) {
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.NONE,
        resultsByTransaction: [],
        resultsByTopicV3AndBelow: await addOrVerify(
          context,
          {
            transactionalId: body.v3AndBelowTransactionalId,
            producerId: body.v3AndBelowProducerId,
            producerEpoch: body.v3AndBelowProducerEpoch,
            verifyOnly: false,
            topics: body.v3AndBelowTopics,
          },
          apiVersion,
        ),
      };
    }
    if (!authorizeCluster(context, AclOperation.CLUSTER_ACTION))
      return {
        throttleTimeMs: 0,
        errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
        resultsByTransaction: [],
        resultsByTopicV3AndBelow: [],
      };
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      resultsByTransaction: await Promise.all(
        body.transactions.map(async (transaction) => ({
          transactionalId: transaction.transactionalId,
          topicResults: await addOrVerify(context, transaction, apiVersion),
        })),
      ),
      resultsByTopicV3AndBelow: [],
    };
  },
});
