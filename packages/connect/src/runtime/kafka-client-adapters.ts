/**
 * The worker's Kafka clients, built on @sluice/client with Kafka Connect's client defaults: producers with
 * acks=all and a delivery timeout as long as Kafka Connect's (effectively unbounded, so a broker outage
 * stalls a source task instead of failing it), consumers with auto commit off and auto.offset.reset=earliest.
 *
 * Security, as a Kafka Connect worker reads it: the worker's `security.protocol`, `sasl.*` and `ssl.*`
 * settings secure every client; `producer.`- and `consumer.`-prefixed ones override them for the connectors'
 * producers and consumers.
 */
import {
  ClusterClient,
  Consumer,
  KafkaError,
  Producer,
  connectionSecurityFromProperties,
  type ConnectionSecurity,
} from '@sluice/client';
import { ErrorCode } from '@sluice/protocol';
import type { WorkerClients } from './worker.ts';
import type { RecordConsumer, RecordProducer } from './kafka-clients.ts';

/** Kafka Connect sets delivery.timeout.ms to Integer.MAX_VALUE for its producers. */
const CONNECT_DELIVERY_TIMEOUT_MS = 2_147_483_647;

/** The worker's security settings, with those under `overridePrefix` (if any) taking precedence. */
function securityOf(props: Readonly<Record<string, string>>, overridePrefix?: string): ConnectionSecurity {
  const settings = new Map(Object.entries(props));
  if (overridePrefix !== undefined)
    for (const [key, value] of Object.entries(props))
      if (key.startsWith(overridePrefix)) settings.set(key.slice(overridePrefix.length), value);
  return connectionSecurityFromProperties(settings);
}

export function workerClients(
  bootstrapServers: string,
  clientIdPrefix: string,
  workerProps: Readonly<Record<string, string>> = {},
): WorkerClients {
  const security = securityOf(workerProps);
  const producerSecurity = securityOf(workerProps, 'producer.');
  const consumerSecurity = securityOf(workerProps, 'consumer.');
  const client = new ClusterClient(bootstrapServers, clientIdPrefix, { security });
  return {
    client,
    newClient: (clientId: string) => new ClusterClient(bootstrapServers, clientId, { security }),
    newProducer(clientId: string): RecordProducer {
      return new Producer(new ClusterClient(bootstrapServers, clientId, { security: producerSecurity }), {
        acks: -1,
        deliveryTimeoutMs: CONNECT_DELIVERY_TIMEOUT_MS,
      });
    },
    newConsumer(groupId: string, clientId: string): RecordConsumer {
      return new Consumer(new ClusterClient(bootstrapServers, clientId, { security: consumerSecurity }), {
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
