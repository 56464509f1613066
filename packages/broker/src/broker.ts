/**
 * A Sluice broker: the Kafka listener, the request handlers and the storage of one data directory, wired
 * together. `Broker.start` returns once the listener is bound and every log is loaded (and recovered after a
 * crash); `close` shuts down cleanly so the next start can skip recovery.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrokerServices, NodeEndpoint } from './broker-services.ts';
import { systemClock, type Clock } from './clock.ts';
import { ConfigError } from './config/config-def.ts';
import { BrokerConfigStore } from './config/config-store.ts';
import { FetchSessionCache } from './fetch/fetch-sessions.ts';
import { GroupCoordinator } from './groups/group-coordinator.ts';
import { topicManagerCreator, type InternalTopicCreator } from './groups/offsets-topic.ts';
import { brokerHandlers } from './handlers/index.ts';
import { HandlerRegistry } from './handlers/registry.ts';
import { OncePerCauseLog, createLogger, type Logger } from './logger.ts';
import { ProducerIdManager } from './metadata/producer-ids.ts';
import { TopicManager } from './metadata/topic-manager.ts';
import { TopicRegistry } from './metadata/topic-registry.ts';
import { BrokerMetrics } from './metrics.ts';
import { KafkaServer } from './network/kafka-server.ts';
import { brokerListener } from './network/listener.ts';
import type { RequestContext } from './handlers/handler.ts';
import type { AlterPartitionManager } from './replication/alter-partition-manager.ts';
import { ReplicaManager } from './replication/replica-manager.ts';
import { LogManager } from './storage/log-manager.ts';

export interface BrokerOptions {
  dataDir: string;
  /** Interface to bind; 127.0.0.1 unless told otherwise. */
  host?: string;
  /** Port to bind; 0 picks a free one. */
  port: number;
  /** Host name given to clients in metadata (default: host). */
  advertisedHost?: string;
  /** Broker settings by Kafka's names, as `--config name=value` gives them. */
  configs?: ReadonlyMap<string, string>;
  clock?: Clock;
  logger?: Logger;
  /**
   * Makes the broker a member of a replicated cluster: its partitions come from the controller
   * (ReplicaManager.applyDelta) and ISR changes go to this AlterPartitionManager. Absent: a single broker.
   */
  alterPartition?: AlterPartitionManager;
  /**
   * The highest Fetch version this broker's followers send, as Kafka's inter.broker.protocol.version pins it
   * (default 17). Below 12 followers find divergence with OffsetForLeaderEpoch instead of Fetch's diverging_epoch.
   */
  replicaFetchMaxVersion?: number;
  /**
   * How internal topics (__consumer_offsets) are created; default: this broker's TopicManager. A cluster member
   * asks its controller.
   */
  internalTopics?: InternalTopicCreator;
}

/** How often time-based flushes are considered; flush.ms itself decides whether one is due. */
const FLUSH_CHECK_MS = 1000;

/** The host and port of the PLAINTEXT entry of advertised.listeners ("PLAINTEXT://host:port"), if any. */
function advertisedEndpoint(listeners: string[] | null): { host: string; port: number } | null {
  const entry = listeners?.find((l) => /^PLAINTEXT:\/\//i.test(l.trim()));
  if (!entry) return null;
  const match = /^PLAINTEXT:\/\/(.*):(\d+)$/i.exec(entry.trim());
  if (!match)
    throw new ConfigError(`Invalid advertised.listeners entry ${entry}: expected PLAINTEXT://host:port`);
  return { host: match[1]!.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(match[2]) };
}

export class Broker {
  private constructor(
    readonly services: BrokerServices,
    private readonly server: KafkaServer<RequestContext>,
    readonly port: number,
  ) {}

  static async start(options: BrokerOptions): Promise<Broker> {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const log = options.logger ?? createLogger('broker');
    const clock = options.clock ?? systemClock;
    const config = new BrokerConfigStore(options.configs ?? new Map(), (message) => log.warn(message));
    const host = options.host ?? '127.0.0.1';
    const nodeId = config.getNumber('node.id');
    const topics = new TopicRegistry(dataDir, nodeId);
    const errorLog = new OncePerCauseLog(log);
    const logs = new LogManager(dataDir, clock, log, errorLog);
    const advertised = advertisedEndpoint(config.getOptional<string[]>('advertised.listeners'));
    const node: NodeEndpoint = {
      nodeId,
      host: advertised?.host ?? options.advertisedHost ?? host,
      port: advertised?.port ?? options.port,
      rack: null,
    };
    const topicManager = new TopicManager(topics, logs, config, () => [nodeId]);
    const replicaManager = new ReplicaManager({
      nodeId,
      config,
      clock,
      logger: log,
      logs,
      topics,
      topicManager,
      ...(options.alterPartition ? { alterPartition: options.alterPartition } : {}),
      ...(options.replicaFetchMaxVersion !== undefined
        ? { maxFetchVersion: options.replicaFetchMaxVersion }
        : {}),
    });
    const services: BrokerServices = {
      handlers: new HandlerRegistry(brokerHandlers),
      config,
      clock,
      log,
      errorLog,
      metrics: new BrokerMetrics(),
      node,
      brokers: () => (replicaManager.clustered ? replicaManager.liveBrokers() : [node]),
      controllerId: () => nodeId,
      topics,
      topicManager,
      logs,
      producerIds: new ProducerIdManager(dataDir),
      fetchSessions: new FetchSessionCache(),
      groups: new GroupCoordinator({
        topics,
        config,
        log,
        errorLog,
        now: () => clock.now(),
        node,
        replicaManager,
        internalTopics: options.internalTopics ?? topicManagerCreator(topicManager),
      }),
      replicaManager,
      dataDir,
    };
    topicManager.loadLogs();
    await services.groups.start();
    services.groups.startOffsetExpiration();
    replicaManager.start();
    logs.startBackgroundTasks({
      retentionCheckMs: config.getNumber('log.retention.check.interval.ms'),
      flushCheckMs: FLUSH_CHECK_MS,
      checkpointMs: config.getNumber('log.flush.offset.checkpoint.interval.ms'),
    });
    if (config.get<boolean>('log.cleaner.enable'))
      logs.startCleaner(config.getNumber('log.cleaner.backoff.ms'), {
        dedupeBufferBytes: config.getNumber('log.cleaner.dedupe.buffer.size'),
      });
    const server = new KafkaServer(brokerListener(services));
    const port = await server.listen(host, options.port);
    // Port 0 asks for a free port: advertise the one bound, unless advertised.listeners names another.
    if (!advertised?.port) node.port = port;
    log.info(`Sluice broker ${nodeId} listening on ${host}:${port} (data in ${dataDir})`);
    return new Broker(services, server, port);
  }

  /** Stops accepting requests, closes connections, flushes and checkpoints every log. */
  async close(): Promise<void> {
    await this.server.close();
    await this.services.replicaManager.close();
    this.services.groups.close();
    await this.services.logs.stopCleaner();
    this.services.logs.close();
    this.services.log.info('Sluice broker stopped cleanly');
  }
}
