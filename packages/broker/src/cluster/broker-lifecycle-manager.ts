/**
 * A broker's membership of the cluster, as Kafka's BrokerLifecycleManager keeps it: register with the active
 * controller (BrokerRegistration), then heartbeat every `broker.heartbeat.interval.ms` (BrokerHeartbeat) with
 * the metadata offset this broker has applied.
 *
 * States, in order: STARTING (not registered) -> RECOVERY (registered, fenced: it hosts no leaders until it has
 * caught up with the metadata log) -> RUNNING (unfenced) -> PENDING_CONTROLLED_SHUTDOWN (asked the controller to
 * move its leaderships away) -> SHUTTING_DOWN. The controller fences a broker that misses heartbeats for
 * `broker.session.timeout.ms`; the broker notices through the heartbeat answers and carries on heartbeating,
 * which unfences it again. A broker the controller no longer knows (or whose epoch is stale) registers anew.
 */
import { randomUUID } from 'node:crypto';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import type { Logger } from '../logger.ts';
import type { ControllerChannel } from './controller-channel.ts';

export type BrokerLifecycleState =
  'STARTING' | 'RECOVERY' | 'RUNNING' | 'PENDING_CONTROLLED_SHUTDOWN' | 'SHUTTING_DOWN';

export interface BrokerRegistrationInfo {
  nodeId: number;
  clusterId: string;
  rack: string | null;
  listeners: { name: string; host: string; port: number; securityProtocol: number }[];
  logDirs: string[];
}

export interface LifecycleSettings {
  heartbeatIntervalMs: number;
  /** How long one registration or heartbeat may wait for the controller. */
  requestTimeoutMs: number;
}

/** Kafka 3.9's metadata.version range this broker can run (1 = 3.0-IV1 ... 21 = 3.9-IV0). */
const METADATA_VERSION_RANGE = { name: 'metadata.version', minSupportedVersion: 1, maxSupportedVersion: 21 };

export class BrokerLifecycleManager {
  private currentState: BrokerLifecycleState = 'STARTING';
  private brokerEpoch = -1n;
  /** A fresh id for every process start, so the controller tells a restart from a duplicate registration. */
  readonly incarnationId = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private caughtUp = false;
  private readonly caughtUpWaiters: (() => void)[] = [];
  private readonly shutdownWaiters: (() => void)[] = [];

  constructor(
    private readonly info: BrokerRegistrationInfo,
    private readonly channel: ControllerChannel,
    private readonly settings: LifecycleSettings,
    /** The offset of the last metadata record this broker has applied (-1 before any). */
    private readonly appliedMetadataOffset: () => number,
    private readonly log: Logger,
  ) {}

  get state(): BrokerLifecycleState {
    return this.currentState;
  }

  get epoch(): bigint {
    return this.brokerEpoch;
  }

  start(): void {
    this.schedule(0);
  }

  /** Resolves once the controller says this broker has caught up with the metadata log. */
  initialCatchUp(): Promise<void> {
    if (this.caughtUp) return Promise.resolve();
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  /**
   * Controlled shutdown: heartbeats ask to shut down until the controller has moved this broker's leaderships
   * away and says it may (or `timeoutMs` passes).
   */
  async controlledShutdown(timeoutMs: number): Promise<void> {
    if (this.currentState === 'STARTING' || this.currentState === 'SHUTTING_DOWN') {
      this.stop();
      return;
    }
    this.currentState = 'PENDING_CONTROLLED_SHUTDOWN';
    this.schedule(0);
    await Promise.race([
      new Promise<void>((resolve) => this.shutdownWaiters.push(resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
    ]);
    this.stop();
  }

  stop(): void {
    this.currentState = 'SHUTTING_DOWN';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of this.shutdownWaiters.splice(0)) waiter();
  }

  private schedule(delayMs: number): void {
    if (this.currentState === 'SHUTTING_DOWN') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const step = this.currentState === 'STARTING' ? this.register() : this.heartbeat();
      step
        .catch((error: unknown) =>
          this.log.warn(`Controller unreachable: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() =>
          this.schedule(this.currentState === 'STARTING' ? 500 : this.settings.heartbeatIntervalMs),
        );
    }, delayMs);
    this.timer.unref();
  }

  private async register(): Promise<void> {
    const response = await this.channel.send(
      ApiKey.BrokerRegistration,
      {
        brokerId: this.info.nodeId,
        clusterId: this.info.clusterId,
        incarnationId: this.incarnationId,
        listeners: this.info.listeners,
        features: [METADATA_VERSION_RANGE],
        rack: this.info.rack,
        isMigratingZkBroker: false,
        logDirs: this.info.logDirs,
        previousBrokerEpoch: this.brokerEpoch,
      },
      this.settings.requestTimeoutMs,
    );
    if (response.errorCode !== ErrorCode.NONE) {
      if (response.errorCode === ErrorCode.NOT_CONTROLLER) this.channel.dropConnection();
      this.log.warn(`Broker registration refused with error ${response.errorCode}; retrying`);
      return;
    }
    this.brokerEpoch = response.brokerEpoch;
    this.currentState = 'RECOVERY';
    this.log.info(`Registered with the controller (broker epoch ${response.brokerEpoch})`);
  }

  private async heartbeat(): Promise<void> {
    const wantShutDown = this.currentState === 'PENDING_CONTROLLED_SHUTDOWN';
    const response = await this.channel.send(
      ApiKey.BrokerHeartbeat,
      {
        brokerId: this.info.nodeId,
        brokerEpoch: this.brokerEpoch,
        currentMetadataOffset: BigInt(this.appliedMetadataOffset()),
        wantFence: false,
        wantShutDown,
        offlineLogDirs: [],
      },
      this.settings.requestTimeoutMs,
    );
    switch (response.errorCode) {
      case ErrorCode.NONE:
        break;
      case ErrorCode.STALE_BROKER_EPOCH:
      case ErrorCode.BROKER_ID_NOT_REGISTERED:
        this.log.warn(`The controller does not know broker epoch ${this.brokerEpoch}; registering again`);
        if (this.currentState !== 'PENDING_CONTROLLED_SHUTDOWN') this.currentState = 'STARTING';
        return;
      case ErrorCode.NOT_CONTROLLER:
        this.channel.dropConnection();
        return;
      default:
        this.log.warn(`Broker heartbeat answered with error ${response.errorCode}`);
        return;
    }
    if (response.isCaughtUp && !this.caughtUp) {
      this.caughtUp = true;
      for (const waiter of this.caughtUpWaiters.splice(0)) waiter();
    }
    if (this.currentState === 'PENDING_CONTROLLED_SHUTDOWN') {
      if (response.shouldShutDown) this.stop();
      return;
    }
    const next = response.isFenced ? 'RECOVERY' : 'RUNNING';
    if (next !== this.currentState)
      this.log.info(next === 'RUNNING' ? 'Unfenced: this broker is running' : 'Fenced by the controller');
    this.currentState = next;
  }
}
