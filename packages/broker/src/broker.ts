/**
 * A Sluice broker: the Kafka listener, the request handlers and the storage of one data directory, wired
 * together. `Broker.start` returns once the listener is bound and every log is loaded (and recovered after a
 * crash); `close` shuts down cleanly so the next start can skip recovery.
 */
import type { PartitionCleanerStatus } from './storage/cleaner-status.ts';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrokerServices, NodeEndpoint } from './broker-services.ts';
import { BrokerMetadataPublisher } from './cluster/broker-metadata-publisher.ts';
import { ControllerAlterPartitionManager } from './cluster/controller-alter-partition.ts';
import { ControllerProducerIdManager } from './cluster/controller-producer-ids.ts';
import { ControllerTopicCreator } from './cluster/controller-topic-creator.ts';
import { clusterMemberHandlers } from './cluster/forwarding-handlers.ts';
import { KRaftNode, metadataLogDir } from './cluster/kraft-node.ts';
import { parseKRaftSettings, type KRaftSettings } from './cluster/kraft-settings.ts';
import { systemClock, type Clock } from './clock.ts';
import { ConfigError } from './config/config-def.ts';
import { BrokerConfigStore } from './config/config-store.ts';
import { resolveLogConfig } from './config/log-config.ts';
import { FetchSessionCache } from './fetch/fetch-sessions.ts';
import { GroupCoordinator } from './groups/group-coordinator.ts';
import { TransactionCoordinator } from './transactions/transaction-coordinator.ts';
import { LocalMarkerWriter, TransactionMarkerChannel } from './transactions/transaction-markers.ts';
import { TransactionVerifier } from './transactions/transaction-verifier.ts';
import { topicManagerCreator, type InternalTopicCreator } from './groups/offsets-topic.ts';
import { brokerHandlers } from './handlers/index.ts';
import { HandlerRegistry } from './handlers/registry.ts';
import { OncePerCauseLog, createLogger, type Logger } from './logger.ts';
import { readBootstrapMetadata } from './metadata/bootstrap-metadata.ts';
import { ProducerIdManager } from './metadata/producer-ids.ts';
import { TopicManager } from './metadata/topic-manager.ts';
import { TopicRegistry } from './metadata/topic-registry.ts';
import { BrokerMetrics } from './metrics.ts';
import { registerBrokerCollectors } from './http/broker-collectors.ts';
import { BrokerHttpServer } from './http/broker-http-server.ts';
import { exposition } from './http/process-metrics.ts';
import {
  SECURITY_PROTOCOL_IDS,
  clientListenerSetup,
  clientListeners,
  warnAboutOpenListeners,
  type ClientListener,
} from './network/client-listeners.ts';
import { KafkaServer } from './network/kafka-server.ts';
import { QuotaManagers } from './quota/quota-managers.ts';
import { withRequestQuotas } from './quota/request-quota.ts';
import type { RequestContext } from './handlers/handler.ts';
import type { AlterPartitionManager } from './replication/alter-partition-manager.ts';
import { ReplicaManager } from './replication/replica-manager.ts';
import { METADATA_TOPIC } from './raft/raft-log.ts';
import { LogManager } from './storage/log-manager.ts';
import { LogCleanerReconfiguration, cleanerSettings } from './storage/cleaner-settings.ts';
import { withAuthorization } from './handlers/authorization.ts';
import { authorizerFromConfig } from './security/authorizer.ts';
import { ClusterSecurityMetadata, LocalMetadataStore } from './security/security-metadata.ts';

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
  /**
   * When sluice.http.port is only a default chosen for the user (`sluice broker` picks the Kafka port + 1000):
   * a port in use then gives way to a free one, with a warning, instead of failing the start.
   */
  httpPortInUseFallback?: boolean;
}

/** A host as a URL writes it: an IPv6 address in brackets. */
function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** How often time-based flushes are considered; flush.ms itself decides whether one is due. */
const FLUSH_CHECK_MS = 1000;

/** The log directory's id (KIP-858) from meta.properties, as BrokerRegistration lists it; none if unformatted. */
function directoryIds(dataDir: string): string[] {
  const path = join(dataDir, 'meta.properties');
  const match = existsSync(path) ? /^directory\.id=(.+)$/m.exec(readFileSync(path, 'utf8')) : null;
  return match ? [match[1]!.trim()] : [];
}

/** The node's KRaft settings, or null for a standalone broker (no process.roles). */
function kraftSettings(config: BrokerConfigStore, nodeId: number): KRaftSettings | null {
  // Kafka types some of these as comma-separated strings, others as lists.
  const list = (name: string): string[] => {
    const value = config.getOptional<string | string[]>(name) ?? [];
    return typeof value === 'string' ? value.split(',') : value;
  };
  return parseKRaftSettings({
    nodeId,
    processRoles: list('process.roles'),
    controllerQuorumVoters: list('controller.quorum.voters'),
    controllerQuorumBootstrapServers: list('controller.quorum.bootstrap.servers'),
    listeners: list('listeners'),
    advertisedListeners: config.getOptional<string[]>('advertised.listeners'),
    controllerListenerNames: list('controller.listener.names'),
    listenerSecurityProtocolMap: list('listener.security.protocol.map'),
  });
}

/**
 * The listener followers fetch through and brokers are registered under (Kafka's inter.broker.listener.name,
 * else the listener named after security.inter.broker.protocol). Sluice's replica fetchers do not authenticate
 * yet, so it must be a PLAINTEXT listener.
 */
function interBrokerListenerOf(
  config: BrokerConfigStore,
  listeners: readonly ClientListener[],
): ClientListener {
  const named = config.getOptional<string>('inter.broker.listener.name');
  const name = (
    named ??
    config.getOptional<string>('security.inter.broker.protocol') ??
    'PLAINTEXT'
  ).toUpperCase();
  const listener = listeners.find((l) => l.name === name) ?? (named ? undefined : listeners[0]);
  if (!listener)
    throw new ConfigError(
      `inter.broker.listener.name must be a listener name defined in listeners (${listeners.map((l) => l.name).join(', ')}), got ${name}`,
    );
  if (listener.securityProtocol !== 'PLAINTEXT')
    throw new ConfigError(
      `The inter-broker listener ${listener.name} uses ${listener.securityProtocol}: Sluice brokers replicate over a ` +
        `PLAINTEXT listener only (for example one on a private interface); set inter.broker.listener.name to one.`,
    );
  return listener;
}

export class Broker {
  private constructor(
    readonly services: BrokerServices,
    private readonly servers: KafkaServer<RequestContext>[],
    /** The bound port of each client listener, by listener name. */
    readonly ports: ReadonlyMap<string, number>,
    private readonly http: BrokerHttpServer | null,
  ) {}

  /** The bound port of the HTTP endpoint (sluice.http.port), or null when it is off. */
  get httpPort(): number | null {
    return this.http?.port ?? null;
  }

  /** The bound port of the first client listener (the only one unless `listeners` names several). */
  get port(): number {
    return this.ports.values().next().value!;
  }

  static async start(options: BrokerOptions): Promise<Broker> {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const log = options.logger ?? createLogger('broker');
    const clock = options.clock ?? systemClock;
    const config = new BrokerConfigStore(options.configs ?? new Map(), (message) => log.warn(message));
    const host = options.host ?? '127.0.0.1';
    const nodeId = config.getNumber('node.id');
    const kraft = kraftSettings(config, nodeId);
    if (kraft && !existsSync(join(dataDir, 'meta.properties')))
      throw new ConfigError(
        `No meta.properties found in ${dataDir}: a KRaft node needs its storage formatted with the cluster id ` +
          '(sluice cluster does this for every broker it starts; for a node started by hand: ' +
          'sluice storage format --data-dir DIR --cluster-id ID --config node.id=N)',
      );
    const topics = new TopicRegistry(dataDir, nodeId, { durable: kraft === null });
    const errorLog = new OncePerCauseLog(log);
    const logs = new LogManager(dataDir, clock, log, errorLog);
    const listeners = clientListeners(config, kraft, {
      host,
      port: options.port,
      ...(options.advertisedHost ? { advertisedHost: options.advertisedHost } : {}),
    });
    const interBrokerListener = kraft ? interBrokerListenerOf(config, listeners) : listeners[0]!;
    const rack = config.getOptional<string>('broker.rack');
    /** This broker as clients of each listener reach it; ports are filled in once bound. */
    const endpoints = new Map<string, NodeEndpoint>(
      listeners.map((l) => [
        l.name,
        { nodeId, host: l.advertised?.host ?? l.host, port: l.advertised?.port ?? l.port, rack },
      ]),
    );
    const node = endpoints.get(interBrokerListener.name)!;
    const topicManager = new TopicManager(topics, logs, config, () => [nodeId]);
    const bootstrap = await readBootstrapMetadata(metadataLogDir(config, dataDir));
    const cluster = kraft
      ? new KRaftNode({
          settings: kraft,
          dataDir,
          clusterId: topics.clusterId,
          config,
          clock,
          log,
          bootstrap,
        })
      : null;
    const alterPartition =
      options.alterPartition ??
      (cluster
        ? new ControllerAlterPartitionManager(
            nodeId,
            () => cluster.lifecycle?.epoch ?? -1n,
            cluster.channel,
            (topicId, partition) => cluster.loader.image.topicsById.get(topicId)?.partitions.get(partition),
            config.getNumber('controller.quorum.request.timeout.ms') * 5,
          )
        : undefined);
    const replicaManager = new ReplicaManager({
      nodeId,
      config,
      clock,
      logger: log,
      logs,
      topics,
      topicManager,
      ...(alterPartition ? { alterPartition } : {}),
      ...(cluster
        ? {
            isReplicaIsrEligible: (brokerId: number) => {
              const broker = cluster.loader.image.brokers.get(brokerId);
              return broker !== undefined && !broker.fenced && !broker.inControlledShutdown;
            },
          }
        : {}),
      ...(options.replicaFetchMaxVersion !== undefined
        ? { maxFetchVersion: options.replicaFetchMaxVersion }
        : {}),
    });
    const publisher = cluster
      ? new BrokerMetadataPublisher(
          nodeId,
          interBrokerListener.name,
          topics,
          topicManager,
          config,
          replicaManager,
          log,
        )
      : null;
    const security = cluster
      ? new ClusterSecurityMetadata()
      : new LocalMetadataStore(dataDir, topics.clusterId, nodeId, clock, bootstrap);
    const producerIds = cluster
      ? new ControllerProducerIdManager(nodeId, () => cluster.lifecycle?.epoch ?? -1n, cluster.channel, log)
      : new ProducerIdManager(dataDir);
    const internalTopics =
      options.internalTopics ??
      (cluster ? new ControllerTopicCreator(cluster.channel, topics) : topicManagerCreator(topicManager));
    const groups = new GroupCoordinator({
      topics,
      config,
      log,
      errorLog,
      now: () => clock.now(),
      node,
      replicaManager,
      internalTopics,
    });
    const txnMarkers = new LocalMarkerWriter({
      topics,
      replicaManager,
      timeoutMs: () => config.getNumber('request.timeout.ms'),
      onOffsetsMarker: (partition, producerId, commit) =>
        groups.completeTransaction(partition, producerId, commit),
    });
    const transactions = new TransactionCoordinator({
      topics,
      config,
      log,
      errorLog,
      now: () => clock.now(),
      node,
      replicaManager,
      internalTopics,
      producerIds,
      markers: new TransactionMarkerChannel({
        nodeId,
        topics,
        replicaManager,
        logger: log,
        requestTimeoutMs: () => config.getNumber('request.timeout.ms'),
        writeLocal: (marker, partitions) => txnMarkers.write(marker, partitions),
      }),
    });
    const services: BrokerServices = {
      handlers: new HandlerRegistry(
        withRequestQuotas(
          withAuthorization(cluster ? clusterMemberHandlers(brokerHandlers) : brokerHandlers),
        ),
      ),
      config,
      clock,
      log,
      errorLog,
      metrics: new BrokerMetrics(),
      node,
      brokers: (listenerName = interBrokerListener.name) =>
        publisher
          ? publisher.liveBrokers(listenerName)
          : replicaManager.clustered
            ? replicaManager.liveBrokers()
            : [endpoints.get(listenerName) ?? node],
      // KRaft brokers name the active controller when it is one of them (combined mode), as clients only need
      // some broker to send controller-bound requests to.
      controllerId: () => (cluster ? (cluster.raft.leaderAndEpoch().leaderId ?? -1) : nodeId),
      topics,
      topicManager,
      logs,
      producerIds,
      fetchSessions: new FetchSessionCache(),
      groups,
      transactions,
      txnVerifier: new TransactionVerifier({
        nodeId,
        coordinator: transactions,
        replicaManager,
        logger: log,
        requestTimeoutMs: () => config.getNumber('request.timeout.ms'),
      }),
      txnMarkers,
      replicaManager,
      cluster,
      security,
      authorizer: authorizerFromConfig(config, security, (message) => log.info(`[authorizer] ${message}`)),
      quotas: new QuotaManagers(
        {
          windowNum: config.getNumber('quota.window.num'),
          windowSizeSeconds: config.getNumber('quota.window.size.seconds'),
          controllerWindowNum: config.getNumber('controller.quota.window.num'),
          controllerWindowSizeSeconds: config.getNumber('controller.quota.window.size.seconds'),
        },
        () => clock.now(),
      ),
      dataDir,
    };
    services.quotas.apply(services.security.image());
    const superUsers = services.authorizer?.options.superUsers;
    if (cluster && superUsers && !superUsers.has('User:ANONYMOUS') && !superUsers.has('User:*')) {
      // Followers fetch over the PLAINTEXT inter-broker listener, where every connection is User:ANONYMOUS.
      log.warn(
        `an authorizer is configured but User:ANONYMOUS is not in super.users: replica fetches on the ` +
          `inter-broker listener ${interBrokerListener.name} are refused unless an ACL allows User:ANONYMOUS ` +
          `ClusterAction on the cluster`,
      );
    }
    services.security.onChange((image) => services.quotas.apply(image));
    if (cluster) {
      // Every log on disk is opened before the metadata log says which this broker still hosts (Kafka's order).
      logs.cleanDeletedDirectories();
      logs.loadAll(
        logs
          .discoverPartitionDirs(new Set([`${METADATA_TOPIC}-0`]))
          .map((p) => ({ ...p, config: resolveLogConfig(config, new Map()) })),
      );
      cluster.loader.install(publisher!);
      cluster.loader.install(security as ClusterSecurityMetadata);
    } else {
      topicManager.loadLogs();
    }
    await services.groups.start();
    services.groups.startOffsetExpiration();
    await services.transactions.start();
    replicaManager.start();
    logs.startBackgroundTasks({
      retentionCheckMs: config.getNumber('log.retention.check.interval.ms'),
      flushCheckMs: FLUSH_CHECK_MS,
      checkpointMs: config.getNumber('log.flush.offset.checkpoint.interval.ms'),
      producerExpiration: {
        checkMs: config.getNumber('producer.id.expiration.check.interval.ms'),
        expirationMs: () => config.getNumber('producer.id.expiration.ms'),
      },
    });
    if (config.get<boolean>('log.cleaner.enable') && config.getNumber('log.cleaner.threads') > 0) {
      logs.startCleaner(() => cleanerSettings(config));
      config.addReconfigurable(new LogCleanerReconfiguration(config, logs));
    }
    await cluster?.start(host);
    warnAboutOpenListeners(listeners, log);
    const servers: KafkaServer<RequestContext>[] = [];
    const ports = new Map<string, number>();
    try {
      for (const listener of listeners) {
        const server = new KafkaServer(clientListenerSetup(services, listener));
        servers.push(server);
        const port = await server.listen(listener.host, listener.port);
        ports.set(listener.name, port);
        // Port 0 asks for a free port: advertise the one bound, unless advertised.listeners names another.
        const endpoint = endpoints.get(listener.name)!;
        if (!endpoint.port) endpoint.port = port;
      }
    } catch (error) {
      await Promise.all(servers.map((server) => server.close()));
      throw error;
    }
    cluster?.startBroker(
      { nodeId, clusterId: topics.clusterId, rack, logDirs: directoryIds(dataDir) },
      listeners.map((l) => ({
        name: l.name,
        host: endpoints.get(l.name)!.host,
        port: endpoints.get(l.name)!.port,
        securityProtocol: SECURITY_PROTOCOL_IDS[l.securityProtocol],
      })),
    );
    services.metrics.topicExists = (topic) => topics.get(topic) !== undefined;
    registerBrokerCollectors(services.metrics.registry, {
      services,
      connectionCounts: () => new Map(listeners.map((l, i) => [l.name, servers[i]?.connectionCount ?? 0])),
    });
    const httpPort = config.getNumber('sluice.http.port');
    let http: BrokerHttpServer | null = null;
    if (httpPort >= 0) {
      const routes = {
        metrics: () => exposition([services.metrics.registry]),
        cleanerStatus: () => services.logs.cleanerStatus(),
      };
      http = await BrokerHttpServer.listen(host, httpPort, routes, log)
        .catch((error: unknown) => {
          if (!options.httpPortInUseFallback || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE')
            throw error;
          log.warn(`sluice.http.port ${httpPort} is in use; serving metrics on a free port instead`);
          return BrokerHttpServer.listen(host, 0, routes, log);
        })
        .catch(async (error: unknown) => {
          await Promise.all(servers.map((server) => server.close()));
          throw error;
        });
      if (http.port !== httpPort) config.resolveStatic('sluice.http.port', String(http.port));
      log.info(`Sluice broker ${nodeId} serving metrics on http://${hostForUrl(host)}:${http.port}/metrics`);
    }
    // "127.0.0.1:9092", or with several listeners "127.0.0.1:9092 (PLAINTEXT), 127.0.0.1:9093 (SASL_SSL)".
    const where =
      listeners.length === 1 && listeners[0]!.name === 'PLAINTEXT'
        ? `${listeners[0]!.host}:${ports.get('PLAINTEXT')}`
        : listeners.map((l) => `${l.host}:${ports.get(l.name)} (${l.name})`).join(', ');
    log.info(`Sluice broker ${nodeId} listening on ${where} (data in ${dataDir})`);
    return new Broker(services, servers, ports, http);
  }

  /** The log cleaner's status of every partition with a log on this broker (see storage/cleaner-status.ts). */
  cleanerStatus(): PartitionCleanerStatus[] {
    return this.services.logs.cleanerStatus();
  }

  /** Stops accepting requests, closes connections, flushes and checkpoints every log. */
  async close(): Promise<void> {
    await this.http?.close();
    await this.services.cluster?.shutdown();
    await Promise.all(this.servers.map((server) => server.close()));
    await this.services.replicaManager.close();
    this.services.groups.close();
    this.services.transactions.close();
    this.services.txnVerifier.close();
    await this.services.logs.stopCleaner();
    this.services.logs.close();
    this.services.log.info('Sluice broker stopped cleanly');
  }
}
