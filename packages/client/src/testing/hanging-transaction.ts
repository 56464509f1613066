/**
 * For tests: a hanging transaction, made the way old clients and KAFKA-12671 made them. A transactional batch is
 * written straight to a partition's leader without AddPartitionsToTxn, so its coordinator never learns of the
 * partition and will never write its marker there. The leader accepts it only with KIP-890's verification off
 * (transaction.partition.verification.enable=false).
 */
import { ApiKey, ErrorCode, encodeRecordBatch } from '@sluice/protocol';
import { CoordinatorType, throwIfError, type ClusterClient } from '../cluster-client.ts';

/** Resolves with the producer id of the hanging transaction, started at the partition's log end. */
export async function writeHangingTransaction(
  client: ClusterClient,
  transactionalId: string,
  topic: string,
  partition: number,
  values: readonly string[],
): Promise<{ producerId: bigint; producerEpoch: number }> {
  const coordinator = await client.broker(
    await client.findCoordinator(transactionalId, CoordinatorType.TRANSACTION),
  );
  const init = await coordinator.request(ApiKey.InitProducerId, {
    transactionalId,
    transactionTimeoutMs: 60_000,
    producerId: -1n,
    producerEpoch: -1,
  });
  throwIfError(init.errorCode, `InitProducerId ${transactionalId}`);
  const metadata = await client.topic(topic);
  const leader = await client.broker(
    metadata.partitions.find((p) => p.partitionIndex === partition)!.leaderId,
  );
  const produced = await leader.request(ApiKey.Produce, {
    transactionalId,
    acks: -1,
    timeoutMs: 30_000,
    topicData: [
      {
        name: topic,
        partitionData: [
          {
            index: partition,
            records: await encodeRecordBatch({
              producerId: init.producerId,
              producerEpoch: init.producerEpoch,
              baseSequence: 0,
              isTransactional: true,
              records: values.map((value) => ({ key: null, value: Buffer.from(value), headers: [] })),
            }),
          },
        ],
      },
    ],
  });
  const result = produced.responses[0]?.partitionResponses[0];
  throwIfError(result?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR, result?.errorMessage);
  return { producerId: init.producerId, producerEpoch: init.producerEpoch };
}
