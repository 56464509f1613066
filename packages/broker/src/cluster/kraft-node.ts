/**
 * The cluster side of a Sluice node in KRaft mode (Kafka's KafkaRaftServer with its ControllerServer and the
 * broker's lifecycle): the Raft client of the `__cluster_metadata` log, the quorum controller and its listener
 * when the node has the controller role, the metadata loader every broker applies images from, the channel to the
 * active controller, and the broker's registration and heartbeats.
 *
 * Start order matters: publishers are installed before the Raft client starts, so no committed batch is missed;
 * the broker registers only once its client listener is bound, so the endpoint it registers is reachable.
 * Shutdown is the reverse: controlled shutdown (leaderships move away first), then the quorum resigns.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { Clock } from '../clock.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { quorumControllerHandlers } from '../controller/controller-apis.ts';
import { QuorumController } from '../controller/quorum-controller.ts';
import { createLogger, type Logger } from '../logger.ts';
import type { BootstrapMetadata } from '../metadata/bootstrap-metadata.ts';
import { ControllerListener, type ControllerHandler } from '../raft/controller-listener.ts';
import { KafkaRaftClient } from '../raft/kafka-raft-client.ts';
import { BrokerLifecycleManager, type BrokerRegistrationInfo } from './broker-lifecycle-manager.ts';
import { ControllerChannel } from './controller-channel.ts';
import type { KRaftSettings } from './kraft-settings.ts';
import { MetadataLoader } from './metadata-loader.ts';

/** Security protocol ids as BrokerRegistration carries them (Kafka's SecurityProtocol). */
/** How long a broker waits at shutdown for the controller to move its leaderships away. */
const CONTROLLED_SHUTDOWN_TIMEOUT_MS = 10_000;
const AUTO_CREATE_TIMEOUT_MS = 30_000;

export interface KRaftNodeOptions {
  settings: KRaftSettings;
  /** The data directory: `__cluster_metadata-0/` and `quorum-state` live here (metadata.log.dir unless set). */
  dataDir: string;
  clusterId: string;
  config: BrokerConfigStore;
  clock: Clock;
  log: Logger;
  /** What the metadata log starts with when this node's controller is the first active one on an empty log. */
  bootstrap: BootstrapMetadata;
}

/** Where `__cluster_metadata-0/`, `quorum-state` and `bootstrap.checkpoint` live: metadata.log.dir, else the data dir. */
export function metadataLogDir(config: BrokerConfigStore, dataDir: string): string {
  return config.getOptional<string>('metadata.log.dir') ?? dataDir;
}

export class KRaftNode {
  readonly raft: KafkaRaftClient;
  readonly loader: MetadataLoader;
  readonly channel: ControllerChannel;
  readonly controller: QuorumController | null;
  private controllerListener: ControllerListener | null = null;
  private lifecycleManager: BrokerLifecycleManager | null = null;
  private readonly autoCreating = new Set<string>();

  constructor(private readonly options: KRaftNodeOptions) {
    const { settings, config } = options;
    this.raft = new KafkaRaftClient({
      config: {
        nodeId: settings.nodeId,
        voters: settings.voters,
        bootstrapServers: settings.bootstrapServers,
        electionTimeoutMs: config.getNumber('controller.quorum.election.timeout.ms'),
        fetchTimeoutMs: config.getNumber('controller.quorum.fetch.timeout.ms'),
        electionBackoffMaxMs: config.getNumber('controller.quorum.election.backoff.max.ms'),
        requestTimeoutMs: config.getNumber('controller.quorum.request.timeout.ms'),
        clusterId: options.clusterId,
      },
      metadataLogDir: metadataLogDir(config, options.dataDir),
      clock: options.clock,
      log: createLogger('raft'),
    });
    this.loader = new MetadataLoader(options.log);
    this.raft.register(this.loader);
    this.channel = new ControllerChannel(
      () => this.raft.leaderAndEpoch(),
      (nodeId) => this.raft.endpointOf(nodeId),
      `broker-${settings.nodeId}-to-controller`,
    );
    this.controller = settings.roles.has('controller')
      ? new QuorumController({
          raft: this.raft,
          clock: options.clock,
          logger: createLogger('controller'),
          bootstrap: options.bootstrap,
          config: {
            clusterId: options.clusterId,
            nodeId: settings.nodeId,
            defaultNumPartitions: config.getNumber('num.partitions'),
            defaultReplicationFactor: config.getNumber('default.replication.factor'),
            brokerSessionTimeoutMs: config.getNumber('broker.session.timeout.ms'),
            uncleanLeaderElectionEnable: config.get<boolean>('unclean.leader.election.enable'),
            minInsyncReplicas: config.getNumber('min.insync.replicas'),
            autoLeaderRebalanceEnable: config.get<boolean>('auto.leader.rebalance.enable'),
            leaderImbalanceCheckIntervalMs:
              config.getNumber('leader.imbalance.check.interval.seconds') * 1000,
          },
        })
      : null;
  }

  /**
   * Asks the controller to create a topic with the cluster's defaults (Metadata's auto-creation), without waiting:
   * the client is told LEADER_NOT_AVAILABLE meanwhile and asks again, as with Kafka. One request per name at a time.
   */
  requestTopicCreation(name: string): void {
    if (this.autoCreating.has(name)) return;
    this.autoCreating.add(name);
    this.channel
      .send(
        ApiKey.CreateTopics,
        {
          topics: [{ name, numPartitions: -1, replicationFactor: -1, assignments: [], configs: [] }],
          timeoutMs: AUTO_CREATE_TIMEOUT_MS,
          validateOnly: false,
        },
        AUTO_CREATE_TIMEOUT_MS,
      )
      .then((response) => {
        const result = response.topics[0];
        if (result && result.errorCode === ErrorCode.NONE)
          this.options.log.info(`auto-created topic ${name} with ${result.numPartitions} partition(s)`);
      })
      .catch((error: unknown) => this.options.log.warn(`auto-creation of ${name} failed: ${String(error)}`))
      .finally(() => this.autoCreating.delete(name));
  }

  get lifecycle(): BrokerLifecycleManager | null {
    return this.lifecycleManager;
  }

  /** Binds the controller listener (controller role) and starts the Raft client. */
  async start(host: string): Promise<void> {
    const { settings, log } = this.options;
    if (this.controller) {
      this.controller.start();
      const endpoint = settings.listeners.find((l) => settings.controllerListenerNames.includes(l.name))!;
      const handlers = quorumControllerHandlers(this.controller) as ControllerHandler[];
      this.controllerListener = await ControllerListener.start({
        raft: this.raft,
        host: endpoint.host || host,
        port: endpoint.port,
        log,
        handlers,
      });
      log.info(
        `Controller ${settings.nodeId} listening on ${endpoint.host || host}:${this.controllerListener.port}`,
      );
    }
    this.raft.start();
  }

  /** Registers the broker (with the advertised endpoint of each client listener) and starts heartbeating. */
  startBroker(
    info: Omit<BrokerRegistrationInfo, 'listeners'>,
    listeners: BrokerRegistrationInfo['listeners'],
  ): void {
    const { config, log } = this.options;
    this.lifecycleManager = new BrokerLifecycleManager(
      { ...info, listeners },
      this.channel,
      {
        heartbeatIntervalMs: config.getNumber('broker.heartbeat.interval.ms'),
        requestTimeoutMs: config.getNumber('controller.quorum.request.timeout.ms'),
      },
      () => this.loader.appliedOffset,
      log,
    );
    this.lifecycleManager.start();
  }

  /** Controlled shutdown first (leaderships move away), then the quorum: resign if leader, stop. */
  async shutdown(): Promise<void> {
    await this.lifecycleManager?.controlledShutdown(CONTROLLED_SHUTDOWN_TIMEOUT_MS);
    this.controller?.stop();
    await this.raft.shutdown(this.options.config.getNumber('controller.quorum.request.timeout.ms'));
    await this.controllerListener?.close();
    this.channel.close();
  }
}
