/**
 * Transaction verification on produce (KIP-890 part 1, Kafka's AddPartitionsToTxnManager): before a partition
 * accepts the first transactional batch of a producer's transaction, its leader asks the transaction coordinator
 * whether the partition was added to that transaction (AddPartitionsToTxn v4 with verifyOnly). A batch that
 * arrives after its transaction ended (a late retry, a zombie) would otherwise open a transaction no coordinator
 * knows of, and that hanging transaction would hold the last stable offset back forever.
 *
 * The coordinator is asked in process when it is this broker, else over the inter-broker listener. Its answer is
 * turned into an error a producer of that Produce version understands, as Kafka does: a partition outside the
 * transaction is TRANSACTION_ABORTABLE from Produce v11 (INVALID_TXN_STATE before); a coordinator that cannot
 * answer now is NOT_ENOUGH_REPLICAS, which every producer retries.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { Logger } from '../logger.ts';
import { NodeClient } from '../replication/node-client.ts';
import type { ReplicaManager } from '../replication/replica-manager.ts';
import type { TransactionCoordinator } from './transaction-coordinator.ts';
import { partitionKey, type TxnPartition } from './transaction-metadata.ts';

export interface TransactionVerifierOptions {
  nodeId: number;
  coordinator: TransactionCoordinator;
  replicaManager: ReplicaManager;
  logger: Logger;
  requestTimeoutMs: () => number;
}

export class TransactionVerifier {
  private readonly clients = new Map<number, NodeClient>();

  constructor(private readonly options: TransactionVerifierOptions) {}

  /** NONE when `tp` is part of the producer's ongoing transaction; else the Produce error to answer. */
  async verify(
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
    tp: TxnPartition,
    produceVersion: number,
  ): Promise<number> {
    const answer = await this.ask(transactionalId, producerId, producerEpoch, tp);
    switch (answer) {
      case ErrorCode.NONE:
        return ErrorCode.NONE;
      case ErrorCode.INVALID_TXN_STATE:
      case ErrorCode.INVALID_PRODUCER_ID_MAPPING:
        return produceVersion >= 11 ? ErrorCode.TRANSACTION_ABORTABLE : ErrorCode.INVALID_TXN_STATE;
      case ErrorCode.PRODUCER_FENCED:
      case ErrorCode.INVALID_PRODUCER_EPOCH:
        return ErrorCode.INVALID_PRODUCER_EPOCH;
      default:
        // Not the coordinator (yet), loading, a transition in flight, unreachable: retriable for any producer.
        return ErrorCode.NOT_ENOUGH_REPLICAS;
    }
  }

  private async ask(
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
    tp: TxnPartition,
  ): Promise<number> {
    const { coordinator, replicaManager, nodeId } = this.options;
    const found = await coordinator.findCoordinator(transactionalId);
    if (typeof found === 'number') return found;
    if (found.nodeId === nodeId) {
      const local = coordinator.verifyPartitions(transactionalId, producerId, producerEpoch, [tp]);
      return typeof local === 'number' ? local : local.get(partitionKey(tp))!;
    }
    const endpoint = replicaManager.broker(found.nodeId) ?? found;
    let client = this.clients.get(found.nodeId);
    if (!client) {
      client = new NodeClient(endpoint, `broker-${nodeId}-txn-verifier`, this.options.requestTimeoutMs());
      this.clients.set(found.nodeId, client);
    } else {
      client.setAddress(endpoint);
    }
    try {
      const version = await client.version(ApiKey.AddPartitionsToTxn, 5);
      if (version < 4) return ErrorCode.NONE; // A coordinator without verification: Kafka skips it too.
      const response = await client.send(ApiKey.AddPartitionsToTxn, version, {
        transactions: [
          {
            transactionalId,
            producerId,
            producerEpoch,
            verifyOnly: true,
            topics: [{ name: tp.topic, partitions: [tp.partition] }],
          },
        ],
        v3AndBelowTransactionalId: '',
        v3AndBelowProducerId: 0n,
        v3AndBelowProducerEpoch: 0,
        v3AndBelowTopics: [],
      });
      if (response.errorCode !== ErrorCode.NONE) return response.errorCode;
      return (
        response.resultsByTransaction[0]?.topicResults[0]?.resultsByPartition[0]?.partitionErrorCode ??
        ErrorCode.UNKNOWN_SERVER_ERROR
      );
    } catch (error) {
      this.options.logger.debug(
        `verifying ${transactionalId} with broker ${found.nodeId} failed: ${String(error)}`,
      );
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }
}
