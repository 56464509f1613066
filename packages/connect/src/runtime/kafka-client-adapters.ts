/**
 * The worker's Kafka clients, built on @sluice/client with Kafka Connect's client defaults: producers with
 * acks=all and a delivery timeout as long as Kafka Connect's (effectively unbounded, so a broker outage
 * stalls a source task instead of failing it), consumers with auto commit off and auto.offset.reset=earliest.
 *
 * Security, as a Kafka Connect worker reads it: the worker's `security.protocol`, `sasl.*` and `ssl.*`
 * settings secure every client; `producer.`-, `consumer.`- and `admin.`-prefixed ones override them for the
 * connectors' producers, consumers and admin clients. Those prefixes also carry the client settings below
 * (Kafka's names), e.g. `consumer.session.timeout.ms`, which bounds how long a sink's group waits for a dead
 * worker's consumer. A connector's own overrides (`producer.override.*`, ..., see client-config-override.ts)
 * take precedence over the worker's, client.id and a sink's group.id included.
 */
import {
  ClusterClient,
  Consumer,
  KafkaError,
  Producer,
  IsolationLevel,
  connectionSecurityFromProperties,
  type ConnectionSecurity,
} from '@sluice/client';
import { CompressionCodec, ErrorCode } from '@sluice/protocol';
import { ConfigException } from '../errors.ts';
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

/** A numeric client setting, or undefined when not set; anything but a non-negative integer is refused by name. */
function numberSetting(props: Readonly<Record<string, string>>, key: string): number | undefined {
  const text = props[key];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigException(key, text, 'Not a non-negative integer');
  return value;
}

function consumerSettings(props: Readonly<Record<string, string>>) {
  const reset = props['consumer.auto.offset.reset'] ?? 'earliest';
  if (reset !== 'earliest' && reset !== 'latest' && reset !== 'none')
    throw new ConfigException(
      'consumer.auto.offset.reset',
      reset,
      'String must be one of: latest, earliest, none',
    );
  const isolation = props['consumer.isolation.level'] ?? 'read_uncommitted';
  if (isolation !== 'read_uncommitted' && isolation !== 'read_committed')
    throw new ConfigException(
      'consumer.isolation.level',
      isolation,
      'String must be one of: read_committed, read_uncommitted',
    );
  return {
    autoOffsetReset: reset as 'earliest' | 'latest' | 'none',
    isolationLevel:
      isolation === 'read_committed' ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED,
    sessionTimeoutMs: numberSetting(props, 'consumer.session.timeout.ms'),
    heartbeatIntervalMs: numberSetting(props, 'consumer.heartbeat.interval.ms'),
    rebalanceTimeoutMs: numberSetting(props, 'consumer.max.poll.interval.ms'),
    maxPollRecords: numberSetting(props, 'consumer.max.poll.records'),
    fetchMaxWaitMs: numberSetting(props, 'consumer.fetch.max.wait.ms'),
  };
}

/** Kafka's acks values; Kafka Connect's producers use all unless told otherwise. */
function acksSetting(props: Readonly<Record<string, string>>): -1 | 0 | 1 {
  const text = props['producer.acks'] ?? 'all';
  if (text === 'all' || text === '-1') return -1;
  if (text === '0' || text === '1') return Number(text) as 0 | 1;
  throw new ConfigException('producer.acks', text, 'String must be one of: all, -1, 0, 1');
}

function compressionSetting(props: Readonly<Record<string, string>>): number {
  const text = props['producer.compression.type'] ?? 'none';
  if (!Object.hasOwn(CompressionCodec, text))
    throw new ConfigException(
      'producer.compression.type',
      text,
      `String must be one of: ${Object.keys(CompressionCodec).join(', ')}`,
    );
  return CompressionCodec[text as keyof typeof CompressionCodec];
}

function producerSettings(props: Readonly<Record<string, string>>) {
  return {
    acks: acksSetting(props),
    compression: compressionSetting(props),
    deliveryTimeoutMs: numberSetting(props, 'producer.delivery.timeout.ms') ?? CONNECT_DELIVERY_TIMEOUT_MS,
    requestTimeoutMs: numberSetting(props, 'producer.request.timeout.ms'),
    lingerMs: numberSetting(props, 'producer.linger.ms'),
    batchSize: numberSetting(props, 'producer.batch.size'),
    maxRequestSize: numberSetting(props, 'producer.max.request.size'),
  };
}

/** The worker's settings with a connector's overrides for one client laid over its `prefix`-ed ones. */
function withOverrides(
  workerProps: Readonly<Record<string, string>>,
  prefix: string,
  overrides: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return workerProps;
  const merged: Record<string, string> = { ...workerProps };
  for (const [setting, value] of entries) merged[prefix + setting] = value;
  return merged;
}

export function workerClients(
  bootstrapServers: string,
  clientIdPrefix: string,
  workerProps: Readonly<Record<string, string>> = {},
): WorkerClients {
  const security = securityOf(workerProps);
  // The worker's own settings are checked now, so that a bad one stops the worker instead of its first task.
  consumerSettings(workerProps);
  producerSettings(workerProps);
  const client = new ClusterClient(bootstrapServers, clientIdPrefix, { security });
  return {
    client,
    newClient: (clientId: string) => new ClusterClient(bootstrapServers, clientId, { security }),
    newInternalProducer(clientId: string): RecordProducer {
      // The worker's own topics are written with acks=all whatever the connectors' producers are told, under
      // this producer's own client id.
      const { acks: _acks, compression: _compression, ...settings } = producerSettings(workerProps);
      return new Producer(
        new ClusterClient(bootstrapServers, clientId, { security: securityOf(workerProps, 'producer.') }),
        { ...settings, acks: -1, deliveryTimeoutMs: CONNECT_DELIVERY_TIMEOUT_MS },
      );
    },
    newProducer(clientId: string, overrides = {}): RecordProducer {
      const props = withOverrides(workerProps, 'producer.', overrides);
      const id = props['producer.client.id'] ?? clientId;
      return new Producer(
        new ClusterClient(bootstrapServers, id, { security: securityOf(props, 'producer.') }),
        producerSettings(props),
      );
    },
    newConsumer(groupId: string, clientId: string, overrides = {}): RecordConsumer {
      const props = withOverrides(workerProps, 'consumer.', overrides);
      const id = props['consumer.client.id'] ?? clientId;
      return new Consumer(
        new ClusterClient(bootstrapServers, id, { security: securityOf(props, 'consumer.') }),
        { ...consumerSettings(props), groupId },
      );
    },
    async ensureTopic(name: string, replicationFactor: number, overrides = {}): Promise<void> {
      const props = withOverrides(workerProps, 'admin.', overrides);
      const admin =
        props === workerProps
          ? client
          : new ClusterClient(bootstrapServers, props['admin.client.id'] ?? `${clientIdPrefix}-admin`, {
              security: securityOf(props, 'admin.'),
            });
      try {
        const [result] = await admin.createTopics([
          { name, numPartitions: 1, replicationFactor, assignments: [], configs: [] },
        ]);
        if (result && result.errorCode !== 0 && result.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS)
          throw new KafkaError(result.errorCode, result.errorMessage ?? `creating topic ${name}`);
      } finally {
        if (admin !== client) admin.close();
      }
    },
  };
}
