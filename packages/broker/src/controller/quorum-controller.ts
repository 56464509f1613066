/**
 * The quorum controller (KIP-631, Kafka's QuorumController): a RaftListener on the `__cluster_metadata` log that
 * replays every committed record into its image and, while this node leads the quorum, serves the controller
 * APIs by writing records with RaftClient.scheduleAppend and answering once they are committed.
 *
 * Invariants:
 * - `committed` is exactly the replay of the committed log (a snapshot, then every batch after it);
 * - while active, `latest` is `committed` plus every record appended but not yet committed, in log order;
 *   every operation is computed against `latest` and its records are replayed into it in the same synchronous
 *   step that hands them to the Raft client, so operations see each other's effects in the order they are
 *   written and never interleave; batches reach the Raft client one at a time, in that same order;
 * - an operation is answered only when the log is committed up to its last record (one with no records waits
 *   for everything written before it), so no caller learns of a change the quorum could still lose;
 * - on becoming leader the controller appends an activation batch (metadata.version when the log is empty, and
 *   a NoOpRecord) and serves nothing until that batch is committed: by then `committed` holds every record of
 *   earlier epochs, and the offset of the batch tells where the next record goes (a broker's epoch);
 * - on losing leadership, or when an append is refused, every pending operation fails with NOT_CONTROLLER and
 *   `latest` falls back to `committed`;
 * - only the active controller fences brokers whose heartbeats stopped (`broker.session.timeout.ms`) and moves
 *   leadership back to preferred replicas (`auto.leader.rebalance.enable`, every
 *   `leader.imbalance.check.interval.seconds`).
 */
import {
  ErrorCode,
  type AllocateProducerIdsRequest,
  type AllocateProducerIdsResponse,
  type AlterPartitionReassignmentsRequest,
  type AlterPartitionReassignmentsResponse,
  type AlterPartitionRequest,
  type AlterPartitionResponse,
  type BrokerHeartbeatRequest,
  type BrokerHeartbeatResponse,
  type BrokerRegistrationRequest,
  type BrokerRegistrationResponse,
  type AlterClientQuotasRequest,
  type AlterClientQuotasResponseEntryData,
  type CreatePartitionsRequest,
  type CreatePartitionsResponseCreatePartitionsTopicResult,
  type CreateTopicsRequest,
  type CreateTopicsResponseCreatableTopicResult,
  type DeleteTopicsRequest,
  type DeleteTopicsResponseDeletableTopicResult,
  type ElectLeadersRequest,
  type ElectLeadersResponse,
  type ListPartitionReassignmentsRequest,
  type ListPartitionReassignmentsResponse,
} from '@sluice/protocol';
import { systemClock, type Clock } from '../clock.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { createLogger, type Logger } from '../logger.ts';
import { MetadataDelta } from '../metadata/metadata-delta.ts';
import { EMPTY_METADATA_IMAGE, type MetadataImage } from '../metadata/metadata-image.ts';
import { deserializeMetadataRecord, serializeMetadataRecord } from '../metadata/metadata-record-serde.ts';
import { readMetadataSnapshot, writeMetadataSnapshot } from '../metadata/metadata-snapshot.ts';
import type {
  CommittedBatch,
  LeaderAndEpoch,
  RaftClient,
  RaftListener,
  SnapshotId,
} from '../raft/raft-client.ts';
import {
  BrokerHeartbeatTracker,
  brokerHeartbeat,
  fenceBrokerRecords,
  registerBroker,
} from './cluster-control-manager.ts';
import { alterConfigs, type ResourceChange, type ResourceResult } from './configuration-control-manager.ts';
import {
  ControllerError,
  type ControlContext,
  type ControllerConfig,
  type ControllerResult,
} from './controller-result.ts';
import { bootstrapRecords } from './feature-control-manager.ts';
import { DEFAULT_BOOTSTRAP_METADATA, type BootstrapMetadata } from '../metadata/bootstrap-metadata.ts';
import { alterPartition, electLeaders, rebalanceLeaders } from './partition-leadership.ts';
import { alterPartitionReassignments, listPartitionReassignments } from './partition-reassignment.ts';
import { allocateProducerIds } from './producer-id-control-manager.ts';
import { createPartitions, createTopics, deleteTopics } from './replication-control-manager.ts';
import { alterClientQuotas } from './client-quota-control-manager.ts';
import { StripedReplicaPlacer } from './striped-replica-placer.ts';

export interface QuorumControllerOptions {
  raft: RaftClient;
  config: ControllerConfig;
  clock?: Clock;
  logger?: Logger;
  /** Replica placement randomness (tests pass a fixed sequence). */
  random?: () => number;
  /** How often the active controller looks for expired broker sessions; 0 turns the timer off (tests use tick()). */
  fencingCheckIntervalMs?: number;
  /** Committed records between two snapshots this node writes (Kafka bounds them by bytes; 0 turns them off). */
  snapshotIntervalRecords?: number;
  /** The node's config store, for the effective configs CreateTopics v5+ returns (null configs without it). */
  configStore?: BrokerConfigStore;
  /** What an empty metadata log starts with (`bootstrap.checkpoint`); default: metadata.version alone. */
  bootstrap?: BootstrapMetadata;
}

interface Waiter {
  offset: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

function notController(leader: LeaderAndEpoch | null): ControllerError {
  return new ControllerError(
    ErrorCode.NOT_CONTROLLER,
    `This node is not the active controller${leader?.leaderId != null ? ` (the leader is ${leader.leaderId})` : ''}.`,
  );
}

export class QuorumController implements RaftListener {
  private committed: MetadataImage = EMPTY_METADATA_IMAGE;
  private latest: MetadataImage = EMPTY_METADATA_IMAGE;
  private activeEpoch: number | null = null;
  private activation: { epoch: number; offset: number | null } | null = null;
  private activationWaiters: Waiter[] = [];
  private nextOffset = 0;
  private lastWrittenOffset = -1;
  private waiters: Waiter[] = [];
  private leader: LeaderAndEpoch | null = null;
  private fencingTimer: NodeJS.Timeout | null = null;
  private rebalanceTimer: NodeJS.Timeout | null = null;
  private recordsSinceSnapshot = 0;
  /** The last append handed to the Raft client; the next waits for it, so batches land in the order written. */
  private appendChain: Promise<unknown> = Promise.resolve();
  private readonly raft: RaftClient;
  private readonly config: ControllerConfig;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly placer: StripedReplicaPlacer;
  private readonly tracker: BrokerHeartbeatTracker;
  private readonly fencingCheckIntervalMs: number;
  private readonly snapshotIntervalRecords: number;
  private readonly bootstrap: BootstrapMetadata;
  readonly configStore: BrokerConfigStore | null;

  constructor(options: QuorumControllerOptions) {
    this.raft = options.raft;
    this.config = options.config;
    this.bootstrap = options.bootstrap ?? DEFAULT_BOOTSTRAP_METADATA;
    this.clock = options.clock ?? systemClock;
    this.log = options.logger ?? createLogger('controller');
    this.placer = new StripedReplicaPlacer(options.random);
    this.tracker = new BrokerHeartbeatTracker(options.config.brokerSessionTimeoutMs);
    this.fencingCheckIntervalMs = options.fencingCheckIntervalMs ?? 1000;
    this.snapshotIntervalRecords = options.snapshotIntervalRecords ?? 20_000;
    this.configStore = options.configStore ?? null;
  }

  /** Starts listening to the metadata log. */
  start(): void {
    this.raft.register(this);
  }

  stop(): void {
    this.raft.unregister(this);
    this.resign();
  }

  isActive(): boolean {
    return this.activeEpoch !== null;
  }

  /** The image of everything committed. */
  image(): MetadataImage {
    return this.committed;
  }

  // RaftListener

  handleCommit(batch: CommittedBatch): void {
    const delta = new MetadataDelta(this.committed);
    batch.records.forEach((value, i) => delta.replay(deserializeMetadataRecord(value), batch.baseOffset + i));
    this.committed = delta.apply();
    if (this.activeEpoch === null) {
      this.latest = this.committed;
      if (this.activation?.offset != null && this.committed.offset >= this.activation.offset) this.activate();
    }
    this.releaseWaiters();
    this.recordsSinceSnapshot += batch.records.length;
    if (this.snapshotIntervalRecords > 0 && this.recordsSinceSnapshot >= this.snapshotIntervalRecords) {
      this.recordsSinceSnapshot = 0;
      const id: SnapshotId = { endOffset: this.committed.offset + 1, epoch: batch.epoch };
      this.raft.createSnapshot(id, writeMetadataSnapshot(this.committed)).catch((error: unknown) => {
        this.log.warn(`could not write metadata snapshot at ${id.endOffset}: ${String(error)}`);
      });
    }
  }

  handleLoadSnapshot(snapshot: { id: SnapshotId; records: readonly Buffer[] }): void {
    this.committed = readMetadataSnapshot(snapshot.records, snapshot.id.endOffset);
    if (this.activeEpoch === null) this.latest = this.committed;
    this.recordsSinceSnapshot = 0;
    this.releaseWaiters();
  }

  handleLeaderChange(leader: LeaderAndEpoch): void {
    this.leader = leader;
    if (leader.leaderId === this.raft.nodeId) {
      if (this.activeEpoch === leader.epoch || this.activation?.epoch === leader.epoch) return;
      this.resign();
      this.beginActivation(leader.epoch);
    } else if (this.activeEpoch !== null || this.activation !== null) {
      this.resign();
    }
  }

  private beginActivation(epoch: number): void {
    this.activation = { epoch, offset: null };
    const bootstrap = bootstrapRecords(this.committed, this.bootstrap);
    if (bootstrap.length > 1)
      this.log.info(
        `bootstrapping the empty metadata log with ${bootstrap.length} records from ${this.bootstrap.source}`,
      );
    const records = [...bootstrap, { type: 'NoOpRecord' as const, data: {} }];
    this.append(
      epoch,
      records.map((r) => serializeMetadataRecord(r)),
    ).then(
      (offset) => {
        if (this.activation?.epoch !== epoch) return;
        this.activation.offset = offset;
        if (this.committed.offset >= offset) this.activate();
      },
      (error: unknown) => {
        if (this.activation?.epoch !== epoch) return;
        this.log.warn(`could not activate the controller in epoch ${epoch}: ${String(error)}`);
        this.resign();
      },
    );
  }

  private activate(): void {
    const { epoch, offset } = this.activation!;
    this.activation = null;
    this.activeEpoch = epoch;
    this.latest = this.committed;
    this.nextOffset = offset! + 1;
    this.lastWrittenOffset = offset!;
    this.tracker.reset(this.latest, this.clock.now());
    this.log.info(`active controller in epoch ${epoch} from offset ${this.nextOffset}`);
    this.scheduleFencingCheck();
    if (this.config.autoLeaderRebalanceEnable && this.fencingCheckIntervalMs > 0) {
      this.rebalanceTimer = setInterval(
        () => void this.rebalanceLeaders(),
        this.config.leaderImbalanceCheckIntervalMs,
      );
      this.rebalanceTimer.unref();
    }
    const waiters = this.activationWaiters;
    this.activationWaiters = [];
    for (const waiter of waiters) waiter.resolve();
  }

  /**
   * Kafka's rescheduleMaybeFenceStaleBrokers: the next check runs when the first session among unfenced brokers
   * runs out (sessions only move later, so it never needs to run sooner), and at least every
   * fencingCheckIntervalMs. A fixed 1 s interval fenced a dead broker up to 1 s late, delaying every failover.
   */
  private scheduleFencingCheck(): void {
    if (this.fencingCheckIntervalMs <= 0 || this.activeEpoch === null) return;
    if (this.fencingTimer) clearTimeout(this.fencingTimer);
    const next = this.tracker.nextExpiry(this.latest);
    const untilExpiry = next === null ? Infinity : Math.max(0, next - this.clock.now()) + 1;
    this.fencingTimer = setTimeout(
      () => {
        this.fencingTimer = null;
        void this.tick().finally(() => this.scheduleFencingCheck());
      },
      Math.min(untilExpiry, this.fencingCheckIntervalMs),
    );
    this.fencingTimer.unref();
  }

  private resign(): void {
    const wasActive = this.activeEpoch !== null || this.activation !== null;
    this.activeEpoch = null;
    this.activation = null;
    this.latest = this.committed;
    if (this.fencingTimer) clearTimeout(this.fencingTimer);
    if (this.rebalanceTimer) clearInterval(this.rebalanceTimer);
    this.fencingTimer = null;
    this.rebalanceTimer = null;
    const failed = [...this.waiters, ...this.activationWaiters];
    this.waiters = [];
    this.activationWaiters = [];
    for (const waiter of failed) waiter.reject(notController(this.leader));
    if (wasActive) this.log.info('no longer the active controller');
  }

  private releaseWaiters(): void {
    const done = this.waiters.filter((w) => w.offset <= this.committed.offset);
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.offset > this.committed.offset);
    for (const waiter of done) waiter.resolve();
  }

  private waitForCommit(offset: number): Promise<void> {
    if (offset <= this.committed.offset) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ offset, resolve, reject }));
  }

  /**
   * Runs an operation: computes it against the latest image, replays and appends its records in one synchronous
   * step, and resolves with its response once they are committed.
   */
  run<T>(operation: (ctx: ControlContext) => ControllerResult<T>): Promise<T> {
    if (this.activeEpoch === null) {
      if (this.activation === null) return Promise.reject(notController(this.leader));
      return new Promise<void>((resolve, reject) =>
        this.activationWaiters.push({ offset: -1, resolve, reject }),
      ).then(() => this.run(operation));
    }
    const epoch = this.activeEpoch;
    let result: ControllerResult<T>;
    try {
      result = operation({
        image: this.latest,
        config: this.config,
        nextOffset: this.nextOffset,
        now: this.clock.now(),
      });
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    if (result.records.length === 0)
      return this.waitForCommit(this.lastWrittenOffset).then(() => result.response);
    const delta = new MetadataDelta(this.latest);
    result.records.forEach((record, i) => delta.replay(record, this.nextOffset + i));
    this.latest = delta.apply();
    const expectedLastOffset = this.nextOffset + result.records.length - 1;
    this.nextOffset = expectedLastOffset + 1;
    this.lastWrittenOffset = expectedLastOffset;
    const values = result.records.map((record) => serializeMetadataRecord(record));
    // Registered now, so a resignation before the append settles fails this operation too.
    const committed = new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { offset: expectedLastOffset, resolve, reject };
      this.waiters.push(waiter);
      this.append(epoch, values).then(
        (lastOffset) => {
          if (lastOffset === expectedLastOffset) return;
          this.log.warn(`metadata batch landed at ${lastOffset}, expected ${expectedLastOffset}`);
          waiter.offset = lastOffset;
          if (this.activeEpoch === epoch) {
            this.nextOffset += lastOffset - expectedLastOffset;
            this.lastWrittenOffset = Math.max(this.lastWrittenOffset, lastOffset);
          }
          this.releaseWaiters();
        },
        () => {
          if (this.activeEpoch === epoch) this.resign();
          reject(notController(this.leader));
        },
      );
    });
    return committed.then(() => result.response);
  }

  /**
   * Hands a batch to the Raft client once the previous one is in the log: the latest image assumed this order,
   * and a Raft client that encodes batches asynchronously could otherwise append them in another.
   */
  private append(epoch: number, values: Buffer[]): Promise<number> {
    const appended = this.appendChain.then(() => this.raft.scheduleAppend(epoch, values));
    this.appendChain = appended.catch(() => undefined);
    return appended;
  }

  /** Fences every broker whose session expired, one at a time (so each sees the previous one's changes). */
  tick(): Promise<void> {
    if (this.activeEpoch === null) return Promise.resolve();
    const stale = this.tracker.staleBrokers(this.latest, this.clock.now());
    const fenced = stale.map((brokerId) => {
      this.log.info(`fencing broker ${brokerId}: no heartbeat for ${this.config.brokerSessionTimeoutMs} ms`);
      return this.run((ctx) => ({ records: fenceBrokerRecords(ctx, brokerId), response: undefined }));
    });
    return Promise.all(fenced).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof ControllerError)) this.log.warn(`fencing failed: ${String(error)}`);
      },
    );
  }

  /** Moves leadership back to preferred replicas that are in sync (runs every leader.imbalance.check.interval). */
  rebalanceLeaders(): Promise<void> {
    if (this.activeEpoch === null) return Promise.resolve();
    return this.run((ctx) => ({ records: rebalanceLeaders(ctx), response: undefined })).catch(
      (error: unknown) => {
        if (!(error instanceof ControllerError)) this.log.warn(`leader rebalance failed: ${String(error)}`);
      },
    );
  }

  // Controller operations (each throws ControllerError with a Kafka error code for a request-level failure).

  createTopics(request: CreateTopicsRequest): Promise<CreateTopicsResponseCreatableTopicResult[]> {
    return this.run((ctx) => createTopics(ctx, this.placer, request));
  }

  deleteTopics(
    request: DeleteTopicsRequest,
    apiVersion: number,
  ): Promise<DeleteTopicsResponseDeletableTopicResult[]> {
    return this.run((ctx) => deleteTopics(ctx, request, apiVersion));
  }

  createPartitions(
    request: CreatePartitionsRequest,
  ): Promise<CreatePartitionsResponseCreatePartitionsTopicResult[]> {
    return this.run((ctx) => createPartitions(ctx, this.placer, request));
  }

  alterConfigs(
    changes: readonly ResourceChange[],
    validateOnly: boolean,
    incremental: boolean,
  ): Promise<ResourceResult[]> {
    return this.run((ctx) => alterConfigs(ctx, changes, validateOnly, incremental));
  }

  registerBroker(request: BrokerRegistrationRequest): Promise<BrokerRegistrationResponse> {
    return this.run((ctx) => registerBroker(ctx, this.tracker, request));
  }

  brokerHeartbeat(request: BrokerHeartbeatRequest): Promise<BrokerHeartbeatResponse> {
    return this.run((ctx) => brokerHeartbeat(ctx, this.tracker, request));
  }

  alterPartition(request: AlterPartitionRequest, apiVersion: number): Promise<AlterPartitionResponse> {
    return this.run((ctx) => alterPartition(ctx, request, apiVersion));
  }

  electLeaders(request: ElectLeadersRequest): Promise<ElectLeadersResponse> {
    return this.run((ctx) => electLeaders(ctx, request));
  }

  alterPartitionReassignments(
    request: AlterPartitionReassignmentsRequest,
  ): Promise<AlterPartitionReassignmentsResponse> {
    return this.run((ctx) => alterPartitionReassignments(ctx, request));
  }

  /** Reads the latest image once everything written before is committed (no records of its own). */
  listPartitionReassignments(
    request: ListPartitionReassignmentsRequest,
  ): Promise<ListPartitionReassignmentsResponse> {
    return this.run((ctx) => ({ records: [], response: listPartitionReassignments(ctx.image, request) }));
  }

  alterClientQuotas(request: AlterClientQuotasRequest): Promise<AlterClientQuotasResponseEntryData[]> {
    return this.run((ctx) => alterClientQuotas(ctx, request));
  }

  allocateProducerIds(request: AllocateProducerIdsRequest): Promise<AllocateProducerIdsResponse> {
    return this.run((ctx) => allocateProducerIds(ctx, request));
  }
}
