/**
 * The worker's Kafka clients, built on @sluice/client with Kafka Connect's client defaults: producers with
 * acks=all and a delivery timeout as long as Kafka Connect's (effectively unbounded, so a broker outage
 * stalls a source task instead of failing it), consumers with auto commit off and auto.offset.reset=earliest.
 */
import { ClusterClient, Consumer, KafkaError, Producer } from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';
import type { WorkerClients } from './worker.ts';
import type { RecordConsumer, RecordProducer } from './kafka-clients.ts';

/** Kafka Connect sets delivery.timeout.ms to Integer.MAX_VALUE for its producers. */
const CONNECT_DELIVERY_TIMEOUT_MS = 2_147_483_647;

export function workerClients(bootstrapServers: string, clientIdPrefix: string): WorkerClients {
  const client = new ClusterClient(bootstrapServers, clientIdPrefix);
  return {
    client,
    newProducer(clientId: string): RecordProducer {
      return new Producer(new ClusterClient(bootstrapServers, clientId), {
        acks: -1,
        deliveryTimeoutMs: CONNECT_DELIVERY_TIMEOUT_MS,
      });
    },
    newConsumer(groupId: string, clientId: string): RecordConsumer {
      return new Consumer(new ClusterClient(bootstrapServers, clientId), {
        groupId,
        autoOffsetReset: 'earliest',
      });
    },
    async ensureTopic(name: string, replicationFactor: number): Promise<void> {
      const [result] = await client.createTopics([
        { name, numPartitions: 1, replicationFactor, assignments: [], configs: [] },
      ]);
      if (result && result.errorCode !== 0 && result.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS)
        throw new KafkaError(result.errorCode, result.errorMessage ?? `creating topic ${name}`);
    },
  };
}
