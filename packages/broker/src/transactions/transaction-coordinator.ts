/**
 * The transaction coordinator of this broker (Kafka's TransactionCoordinator with its TransactionStateManager):
 * it hands transactional producers their producer id and epoch, fences zombies, records which partitions a
 * transaction touched, and ends transactions by writing COMMIT or ABORT markers to those partitions.
 *
 * Invariants:
 * - this broker coordinates exactly the transactional ids whose __transaction_state partition it leads; the
 *   partition's leader epoch when it was loaded is the coordinator epoch every marker carries, so partitions can
 *   refuse markers from a coordinator that lost the partition (TRANSACTION_COORDINATOR_FENCED);
 * - every state change is written to __transaction_state and committed before it takes effect (see
 *   TransactionMetadata); one change per transactional id is in flight at a time;
 * - a transaction in PrepareCommit or PrepareAbort always has its markers being sent: after the prepare is
 *   written, after a load that finds it prepared. Once every partition has its marker, Complete* is written;
 * - an Ongoing transaction older than its timeout is aborted with the producer's epoch bumped, so the producer
 *   (a zombie, or one that hung) can write nothing more in it.
 */
import { ErrorCode, encodeRecordBatch, encodeTransactionLogRecord } from '@sluice/protocol';
import type { NodeEndpoint } from '../broker-services.ts';
import type { BrokerConfigStore } from '../config/config-store.ts';
import { coordinatorStoreError, type InternalTopicCreator } from '../groups/offsets-topic.ts';
import { causeOf, failureOf } from '../handlers/request-failure.ts';
import type { Logger, OncePerCauseLog } from '../logger.ts';
import { NO_LEADER } from '../metadata/partition-registration.ts';
import type { ProducerIdAllocator } from '../metadata/producer-ids.ts';
import type { TopicRegistry } from '../metadata/topic-registry.ts';
import type { LeadershipListener, ReplicaManager } from '../replication/replica-manager.ts';
import {
  TRANSACTION_STATE_TOPIC,
  loadTransactionLog,
  transactionPartitionFor,
  transactionTopicSpec,
} from './transaction-log.ts';
import type { TransactionMarkerChannel } from './transaction-markers.ts';
import { type TxnMarker } from './transaction-markers.ts';
import {
  NO_PRODUCER_EPOCH,
  TXN_STATE_NAMES,
  TransactionMetadata,
  TxnState,
  fromLogValue,
  isEpochExhausted,
  partitionKey,
  toLogValue,
  txnStateByName,
  type TransitMetadata,
  type TxnPartition,
  type TxnStateId,
} from './transaction-metadata.ts';

export { TRANSACTION_STATE_TOPIC } from './transaction-log.ts';

export interface TransactionCoordinatorOptions {
  topics: TopicRegistry;
  config: BrokerConfigStore;
  log: Logger;
  errorLog: OncePerCauseLog;
  now: () => number;
  /** This broker as clients reach it. */
  node: NodeEndpoint;
  replicaManager: ReplicaManager;
  internalTopics: InternalTopicCreator;
  producerIds: ProducerIdAllocator;
  markers: TransactionMarkerChannel;
}

/** A __transaction_state partition led here (Kafka's TxnMetadataCacheEntry plus its loading state). */
interface CoordinatedPartition {
  state: 'loading' | 'active';
  coordinatorEpoch: number;
}

export interface ProducerIdAndEpoch {
  producerId: bigint;
  producerEpoch: number;
}

export interface InitProducerIdResult extends ProducerIdAndEpoch {
  errorCode: number;
}

/** A transaction as DescribeTransactions and the console show it. */
export interface TransactionDescription {
  transactionalId: string;
  state: string;
  producerId: bigint;
  producerEpoch: number;
  timeoutMs: number;
  /** When the ongoing transaction started; -1 when none is open. */
  startTimestamp: number;
  lastUpdateTimestamp: number;
  partitions: TxnPartition[];
}

export class TransactionCoordinator implements LeadershipListener {
  private readonly txns = new Map<string, TransactionMetadata>();
  private readonly coordinated = new Map<number, CoordinatedPartition>();
  private creatingTopic: Promise<void> | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly config: BrokerConfigStore;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly replicaManager: ReplicaManager;

  constructor(private readonly options: TransactionCoordinatorOptions) {
    ({ config: this.config, log: this.log, now: this.now, replicaManager: this.replicaManager } = options);
    this.replicaManager.addLeadershipListener(this);
  }

  // ---- Where transactional ids live ------------------------------------------------------------------------

  partitionFor(transactionalId: string): number {
    const partitions =
      this.options.topics.get(TRANSACTION_STATE_TOPIC)?.partitions.length ??
      this.config.getNumber('transaction.state.log.num.partitions');
    return transactionPartitionFor(transactionalId, partitions);
  }

  /** Creates __transaction_state when missing (FindCoordinator does, as in Kafka); false when it cannot. */
  async ensureTopic(): Promise<boolean> {
    const { topics } = this.options;
    if (topics.get(TRANSACTION_STATE_TOPIC)) return true;
    const { partitions, replicationFactor, configs } = transactionTopicSpec(this.config);
    this.creatingTopic ??= this.options.internalTopics
      .ensureInternalTopic(TRANSACTION_STATE_TOPIC, partitions, replicationFactor, configs)
      .then(() => this.start())
      .finally(() => {
        this.creatingTopic = null;
      });
    try {
      await this.creatingTopic;
    } catch (error) {
      this.log.error(`cannot create ${TRANSACTION_STATE_TOPIC}: ${String(error)}`);
      return false;
    }
    return topics.get(TRANSACTION_STATE_TOPIC) !== undefined;
  }

  /** FindCoordinator: the leader of the id's __transaction_state partition, or an error code. */
  async findCoordinator(transactionalId: string): Promise<NodeEndpoint | number> {
    if (!(await this.ensureTopic())) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const { node } = this.options;
    if (!this.replicaManager.clustered) return node;
    const { leaderId } = this.replicaManager.currentLeader(
      TRANSACTION_STATE_TOPIC,
      this.partitionFor(transactionalId),
    );
    if (leaderId === NO_LEADER) return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (leaderId === node.nodeId) return node;
    return this.replicaManager.broker(leaderId) ?? ErrorCode.COORDINATOR_NOT_AVAILABLE;
  }

  /** NONE when requests for this id may be served here; NOT_COORDINATOR or COORDINATOR_LOAD_IN_PROGRESS otherwise. */
  coordinatorError(transactionalId: string): number {
    if (!this.options.topics.get(TRANSACTION_STATE_TOPIC)) return ErrorCode.NOT_COORDINATOR;
    const coordinated = this.coordinated.get(this.partitionFor(transactionalId));
    if (!coordinated) return ErrorCode.NOT_COORDINATOR;
    return coordinated.state === 'loading' ? ErrorCode.COORDINATOR_LOAD_IN_PROGRESS : ErrorCode.NONE;
  }

  // ---- Loading and unloading -------------------------------------------------------------------------------

  /** A single broker leads every partition of __transaction_state: it loads them all, and starts its timers. */
  async start(): Promise<void> {
    this.startTimers();
    if (this.replicaManager.clustered) return;
    const topic = this.options.topics.get(TRANSACTION_STATE_TOPIC);
    if (!topic) return;
    for (const { partitionIndex, leaderEpoch } of topic.partitions)
      await this.onElection(partitionIndex, Math.max(leaderEpoch, 0));
  }

  onBecomeLeader(topicName: string, partition: number, leaderEpoch: number): void {
    if (topicName === TRANSACTION_STATE_TOPIC) void this.onElection(partition, leaderEpoch);
  }

  onBecomeFollower(topicName: string, partition: number): void {
    if (topicName === TRANSACTION_STATE_TOPIC) this.onResignation(partition);
  }

  onRemoved(topicName: string, partition: number): void {
    if (topicName === TRANSACTION_STATE_TOPIC) this.onResignation(partition);
  }

  /**
   * This broker leads a __transaction_state partition: its transactional ids are loaded from the log, and the
   * transactions found prepared get their markers sent (Kafka's loadTransactionsForTxnTopicPartition).
   */
  async onElection(partition: number, coordinatorEpoch: number): Promise<void> {
    const current = this.coordinated.get(partition);
    if (current && current.coordinatorEpoch >= coordinatorEpoch) return;
    if (current) this.onResignation(partition);
    const coordinated: CoordinatedPartition = { state: 'loading', coordinatorEpoch };
    this.coordinated.set(partition, coordinated);
    const stillLoading = () => this.coordinated.get(partition) === coordinated;
    const started = this.now();
    try {
      const log = this.replicaManager.partition(TRANSACTION_STATE_TOPIC, partition)?.log;
      const loaded = new Map<string, TransitMetadata | null>();
      const records =
        log && log.logEndOffset > log.logStartOffset
          ? await loadTransactionLog(
              log,
              (id, value) => loaded.set(id, value === null ? null : fromLogValue(value)),
              stillLoading,
              this.config.getNumber('transaction.state.log.load.buffer.size'),
            )
          : 0;
      if (!stillLoading()) return;
      for (const [id, state] of loaded) {
        if (state === null || state.state === TxnState.Dead) this.txns.delete(id);
        else this.txns.set(id, new TransactionMetadata(id, state));
      }
      coordinated.state = 'active';
      if (records > 0)
        this.log.info(
          `loaded ${TRANSACTION_STATE_TOPIC}-${partition} (coordinator epoch ${coordinatorEpoch}): ` +
            `${this.txns.size} transactional id(s) from ${records} records in ${this.now() - started} ms`,
        );
      for (const metadata of this.txns.values()) {
        if (this.partitionFor(metadata.transactionalId) !== partition || !metadata.isPrepared) continue;
        this.completeInBackground(metadata, coordinatorEpoch);
      }
    } catch (error) {
      this.log.error(`loading ${TRANSACTION_STATE_TOPIC}-${partition} failed: ${String(error)}`);
      if (stillLoading()) this.onResignation(partition);
    }
  }

  /** This broker no longer leads a __transaction_state partition: its ids are forgotten here. */
  onResignation(partition: number): void {
    if (!this.coordinated.delete(partition)) return;
    for (const id of [...this.txns.keys()]) if (this.partitionFor(id) === partition) this.txns.delete(id);
    this.log.info(`resigned ${TRANSACTION_STATE_TOPIC}-${partition}`);
  }

  private coordinatorEpochOf(transactionalId: string): number {
    return this.coordinated.get(this.partitionFor(transactionalId))?.coordinatorEpoch ?? -1;
  }

  // ---- Writing state ---------------------------------------------------------------------------------------

  /**
   * Writes `target` for `metadata` to __transaction_state and applies it once committed; resolves with the
   * error a coordinator answers (NONE on success). The transition must have been prepared (pending set).
   */
  private async persist(metadata: TransactionMetadata, target: TransitMetadata): Promise<number> {
    const id = metadata.transactionalId;
    const index = this.partitionFor(id);
    const coordinated = this.coordinated.get(index);
    let errorCode: number;
    try {
      const partition = this.replicaManager.partition(TRANSACTION_STATE_TOPIC, index);
      if (!coordinated || !partition || !partition.isLeader) {
        errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
      } else if (partition.notEnoughReplicas() !== null) {
        errorCode = ErrorCode.NOT_ENOUGH_REPLICAS;
      } else {
        const record = encodeTransactionLogRecord(
          id,
          target.state === TxnState.Dead ? null : toLogValue(target),
        );
        const batch = await encodeRecordBatch({ records: [{ ...record, timestamp: BigInt(this.now()) }] });
        errorCode = partition.appendAsLeader(batch).errorCode;
        if (errorCode === ErrorCode.NONE) {
          errorCode = (
            await partition.waitForHighWatermark(
              partition.log.logEndOffset,
              this.config.getNumber('request.timeout.ms'),
            )
          ).errorCode;
        }
        // The partition moved (or was re-elected) meanwhile: the new coordinator loads what was written.
        if (errorCode === ErrorCode.NONE && this.coordinated.get(index) !== coordinated)
          errorCode = ErrorCode.NOT_LEADER_OR_FOLLOWER;
      }
    } catch (error) {
      this.options.errorLog.error(
        `${TRANSACTION_STATE_TOPIC}: ${causeOf(error)}`,
        `Storing the state of transactional id ${id} failed`,
        error,
      );
      errorCode = failureOf(error).errorCode;
    }
    const answer = coordinatorStoreError(errorCode, ErrorCode.UNKNOWN_SERVER_ERROR);
    if (answer === ErrorCode.NONE) {
      metadata.completeTransition(target);
      if (target.state === TxnState.Dead && this.txns.get(id) === metadata) this.txns.delete(id);
    } else {
      metadata.abortTransition();
    }
    return answer;
  }

  // ---- InitProducerId --------------------------------------------------------------------------------------

  /**
   * InitProducerId with a transactional id (Kafka's handleInitProducerId): a new id gets a producer id at epoch
   * 0; a known one gets its epoch bumped, which fences any older producer with the same id; an open transaction
   * is aborted first (the caller is told CONCURRENT_TRANSACTIONS and retries). `expected` is the producer id and
   * epoch a producer sends to recover from an abortable error (KIP-360).
   */
  async initProducerId(
    transactionalId: string,
    timeoutMs: number,
    expected: ProducerIdAndEpoch | null,
  ): Promise<InitProducerIdResult> {
    const fail = (errorCode: number): InitProducerIdResult => ({
      errorCode,
      producerId: -1n,
      producerEpoch: -1,
    });
    if (transactionalId === '') return fail(ErrorCode.INVALID_REQUEST);
    if (timeoutMs <= 0 || timeoutMs > this.config.getNumber('transaction.max.timeout.ms'))
      return fail(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    const notHere = this.coordinatorError(transactionalId);
    if (notHere !== ErrorCode.NONE) return fail(notHere);
    let metadata = this.txns.get(transactionalId);
    if (!metadata) {
      const producerId = this.options.producerIds.allocate();
      if (producerId === null) return fail(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
      metadata = new TransactionMetadata(transactionalId, {
        producerId,
        previousProducerId: -1n,
        producerEpoch: NO_PRODUCER_EPOCH,
        lastProducerEpoch: NO_PRODUCER_EPOCH,
        timeoutMs,
        state: TxnState.Empty,
        partitions: new Map(),
        startTimestamp: -1,
        lastUpdateTimestamp: this.now(),
      });
      this.txns.set(transactionalId, metadata);
    }
    if (metadata.pending !== null) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    if (expected && !this.isValidExpectedProducer(metadata, expected)) return fail(ErrorCode.PRODUCER_FENCED);
    const now = this.now();
    switch (metadata.state) {
      case TxnState.PrepareCommit:
      case TxnState.PrepareAbort:
        return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
      case TxnState.Ongoing: {
        // Fence the current producer and abort its transaction; the caller retries once that completed.
        const errorCode = await this.fenceAndAbort(metadata);
        return fail(errorCode === ErrorCode.NONE ? ErrorCode.CONCURRENT_TRANSACTIONS : errorCode);
      }
      case TxnState.Empty:
      case TxnState.CompleteCommit:
      case TxnState.CompleteAbort: {
        const target = metadata.snapshot();
        if (
          isEpochExhausted(metadata.producerEpoch) &&
          (!expected || expected.producerEpoch === metadata.producerEpoch)
        ) {
          const producerId = this.options.producerIds.allocate();
          if (producerId === null) return fail(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS);
          target.previousProducerId = metadata.producerId;
          target.producerId = producerId;
          target.producerEpoch = 0;
          target.lastProducerEpoch = expected ? metadata.producerEpoch : NO_PRODUCER_EPOCH;
        } else if (
          !expected ||
          metadata.producerEpoch === NO_PRODUCER_EPOCH ||
          expected.producerEpoch === metadata.producerEpoch
        ) {
          target.lastProducerEpoch = expected ? metadata.producerEpoch : NO_PRODUCER_EPOCH;
          target.producerEpoch = metadata.producerEpoch + 1;
        } else if (expected.producerEpoch === metadata.lastProducerEpoch) {
          // A retry of a bump whose answer the producer never got: answer the same epoch again.
        } else {
          return fail(ErrorCode.PRODUCER_FENCED);
        }
        target.state = TxnState.Empty;
        target.timeoutMs = timeoutMs;
        target.partitions = new Map();
        target.startTimestamp = -1;
        target.lastUpdateTimestamp = now;
        metadata.prepareTransition(target);
        const errorCode = await this.persist(metadata, target);
        if (errorCode !== ErrorCode.NONE) return fail(errorCode);
        return { errorCode, producerId: metadata.producerId, producerEpoch: metadata.producerEpoch };
      }
      default:
        return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    }
  }

  /** Kafka's isValidProducerId: the producer id and epoch a recovering producer sends must be this id's. */
  private isValidExpectedProducer(metadata: TransactionMetadata, expected: ProducerIdAndEpoch): boolean {
    return (
      metadata.producerEpoch === NO_PRODUCER_EPOCH ||
      expected.producerId === metadata.producerId ||
      (expected.producerId === metadata.previousProducerId && isEpochExhausted(expected.producerEpoch))
    );
  }

  /**
   * Bumps the epoch of an Ongoing transaction and aborts it (Kafka's prepareFenceProducerEpoch followed by
   * endTransaction(ABORT, isFromClient = false)): the markers carry the new epoch, so the partitions refuse the
   * fenced producer from then on.
   */
  private async fenceAndAbort(metadata: TransactionMetadata): Promise<number> {
    const bumped = metadata.producerEpoch + 1;
    if (bumped > 32767) return ErrorCode.UNKNOWN_SERVER_ERROR;
    metadata.pending = TxnState.PrepareEpochFence;
    const errorCode = await this.endTransaction(
      metadata.transactionalId,
      metadata.producerId,
      bumped,
      false,
      false,
    );
    // Refused before anything was written: the fence is off, and the next attempt bumps from the same epoch.
    if (metadata.pending === TxnState.PrepareEpochFence) metadata.pending = null;
    return errorCode;
  }

  // ---- AddPartitionsToTxn and AddOffsetsToTxn --------------------------------------------------------------

  /** The checks AddPartitionsToTxn and its verification make before looking at the state (Kafka's order). */
  private checkProducer(
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
  ): TransactionMetadata | number {
    if (transactionalId === '') return ErrorCode.INVALID_REQUEST;
    const notHere = this.coordinatorError(transactionalId);
    if (notHere !== ErrorCode.NONE) return notHere;
    const metadata = this.txns.get(transactionalId);
    if (!metadata || metadata.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (metadata.producerEpoch !== producerEpoch) return ErrorCode.PRODUCER_FENCED;
    if (metadata.pending !== null || metadata.isPrepared) return ErrorCode.CONCURRENT_TRANSACTIONS;
    if (metadata.state === TxnState.PrepareEpochFence || metadata.state === TxnState.Dead)
      return ErrorCode.PRODUCER_FENCED;
    return metadata;
  }

  /** AddPartitionsToTxn (and AddOffsetsToTxn, with the group's __consumer_offsets partition): one error for all. */
  async addPartitions(
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
    partitions: readonly TxnPartition[],
  ): Promise<number> {
    const checked = this.checkProducer(transactionalId, producerId, producerEpoch);
    if (typeof checked === 'number') return checked;
    const metadata = checked;
    const added = partitions.filter((tp) => !metadata.partitions.has(partitionKey(tp)));
    if (metadata.state === TxnState.Ongoing && added.length === 0) return ErrorCode.NONE;
    const now = this.now();
    const target = metadata.snapshot();
    for (const tp of added) target.partitions.set(partitionKey(tp), { ...tp });
    if (metadata.state !== TxnState.Ongoing) target.startTimestamp = now;
    target.state = TxnState.Ongoing;
    target.lastUpdateTimestamp = now;
    metadata.prepareTransition(target);
    return this.persist(metadata, target);
  }

  /**
   * The verification form of AddPartitionsToTxn (KIP-890): whether each partition is part of the producer's
   * ongoing transaction, without adding it. A number is an error for the whole transaction.
   */
  verifyPartitions(
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
    partitions: readonly TxnPartition[],
  ): Map<string, number> | number {
    const checked = this.checkProducer(transactionalId, producerId, producerEpoch);
    if (typeof checked === 'number') return checked;
    const results = new Map<string, number>();
    for (const tp of partitions) {
      const inTxn = checked.state === TxnState.Ongoing && checked.partitions.has(partitionKey(tp));
      results.set(partitionKey(tp), inTxn ? ErrorCode.NONE : ErrorCode.INVALID_TXN_STATE);
    }
    return results;
  }

  // ---- EndTxn ----------------------------------------------------------------------------------------------

  /**
   * EndTxn (Kafka's handleEndTransaction): an Ongoing transaction is prepared (PrepareCommit or PrepareAbort,
   * written and committed), the caller is answered, and the markers go out in the background; Complete* is
   * written once every partition has its marker. A retry of an end already done is answered NONE.
   * `fromClient` false is the coordinator's own abort (a fence or a timeout) with the bumped epoch.
   */
  async endTransaction(
    transactionalId: string,
    producerId: bigint,
    producerEpoch: number,
    commit: boolean,
    fromClient = true,
  ): Promise<number> {
    if (transactionalId === '') return ErrorCode.INVALID_REQUEST;
    const notHere = this.coordinatorError(transactionalId);
    if (notHere !== ErrorCode.NONE) return notHere;
    const metadata = this.txns.get(transactionalId);
    if (!metadata || metadata.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if ((fromClient && producerEpoch !== metadata.producerEpoch) || producerEpoch < metadata.producerEpoch)
      return ErrorCode.PRODUCER_FENCED;
    if (metadata.pending !== null && metadata.pending !== TxnState.PrepareEpochFence)
      return ErrorCode.CONCURRENT_TRANSACTIONS;
    const invalid = () => {
      this.log.debug(
        `EndTxn(${commit ? 'commit' : 'abort'}) of ${transactionalId} in state ${TXN_STATE_NAMES[metadata.state]}`,
      );
      return ErrorCode.INVALID_TXN_STATE;
    };
    switch (metadata.state) {
      case TxnState.Ongoing: {
        const fencing = metadata.pending === TxnState.PrepareEpochFence;
        if (fencing && commit) return ErrorCode.UNKNOWN_SERVER_ERROR;
        const target = metadata.snapshot();
        if (fencing) {
          // The fence's epoch is written with the abort (Kafka bumps it in place here).
          metadata.pending = null;
          target.producerEpoch = producerEpoch;
          target.lastProducerEpoch = NO_PRODUCER_EPOCH;
        }
        target.state = commit ? TxnState.PrepareCommit : TxnState.PrepareAbort;
        target.lastUpdateTimestamp = this.now();
        metadata.prepareTransition(target);
        const coordinatorEpoch = this.coordinatorEpochOf(transactionalId);
        const errorCode = await this.persist(metadata, target);
        if (errorCode === ErrorCode.NONE) this.completeInBackground(metadata, coordinatorEpoch);
        return errorCode;
      }
      case TxnState.CompleteCommit:
        return commit ? ErrorCode.NONE : invalid();
      case TxnState.CompleteAbort:
        return commit ? invalid() : ErrorCode.NONE;
      case TxnState.PrepareCommit:
        return commit ? ErrorCode.CONCURRENT_TRANSACTIONS : invalid();
      case TxnState.PrepareAbort:
        return commit ? invalid() : ErrorCode.CONCURRENT_TRANSACTIONS;
      default:
        return invalid();
    }
  }

  /** Sends a prepared transaction's markers, then writes Complete*; a failure leaves it for the next load. */
  private completeInBackground(metadata: TransactionMetadata, coordinatorEpoch: number): void {
    const commit = metadata.state === TxnState.PrepareCommit;
    const marker: TxnMarker = {
      producerId: metadata.producerId,
      producerEpoch: metadata.producerEpoch,
      coordinatorEpoch,
      commit,
    };
    const id = metadata.transactionalId;
    const stillOurs = () =>
      this.txns.get(id) === metadata &&
      this.coordinatorEpochOf(id) === coordinatorEpoch &&
      metadata.isPrepared;
    void this.options.markers
      .send(id, marker, [...metadata.partitions.values()], stillOurs)
      .then(async (delivered) => {
        if (!delivered || !stillOurs() || metadata.pending !== null) return;
        const target = metadata.snapshot();
        target.state = commit ? TxnState.CompleteCommit : TxnState.CompleteAbort;
        target.partitions = new Map();
        target.startTimestamp = -1;
        target.lastUpdateTimestamp = this.now();
        metadata.prepareTransition(target);
        const errorCode = await this.persist(metadata, target);
        if (errorCode !== ErrorCode.NONE)
          this.log.warn(
            `could not complete transaction ${id}: error ${errorCode}; it completes on the next load`,
          );
      })
      .catch((error: unknown) => this.log.error(`sending the markers of transaction ${id} failed`, error));
  }

  // ---- Timeouts and expiration -----------------------------------------------------------------------------

  private startTimers(): void {
    if (this.timers.length > 0) return;
    const every = (name: string, task: () => Promise<void>) => {
      const timer = setInterval(
        () => void task().catch((e: unknown) => this.log.error(`${name} failed`, e)),
        this.config.getNumber(name),
      );
      timer.unref();
      this.timers.push(timer);
    };
    every('transaction.abort.timed.out.transaction.cleanup.interval.ms', () =>
      this.abortTimedOutTransactions(),
    );
    every('transaction.remove.expired.transaction.cleanup.interval.ms', () => this.expireTransactionalIds());
  }

  /** Aborts every Ongoing transaction open longer than its timeout, fencing its producer (Kafka's order). */
  async abortTimedOutTransactions(): Promise<void> {
    const now = this.now();
    const expired = [...this.txns.values()].filter(
      (m) =>
        m.state === TxnState.Ongoing &&
        m.pending === null &&
        this.coordinatorError(m.transactionalId) === ErrorCode.NONE &&
        m.startTimestamp >= 0 &&
        m.startTimestamp + m.timeoutMs < now,
    );
    for (const metadata of expired) {
      this.log.info(
        `aborting transaction ${metadata.transactionalId} (producer ${metadata.producerId}): open ` +
          `${now - metadata.startTimestamp} ms, longer than its timeout of ${metadata.timeoutMs} ms`,
      );
      const errorCode = await this.fenceAndAbort(metadata);
      if (errorCode !== ErrorCode.NONE)
        this.log.warn(
          `aborting timed-out transaction ${metadata.transactionalId} failed: error ${errorCode}`,
        );
    }
  }

  /** Forgets transactional ids idle for transactional.id.expiration.ms (a tombstone, Kafka's Dead state). */
  async expireTransactionalIds(): Promise<void> {
    const now = this.now();
    const expiration = this.config.getNumber('transactional.id.expiration.ms');
    const idle = [...this.txns.values()].filter(
      (m) =>
        (m.state === TxnState.Empty ||
          m.state === TxnState.CompleteCommit ||
          m.state === TxnState.CompleteAbort) &&
        m.pending === null &&
        this.coordinatorError(m.transactionalId) === ErrorCode.NONE &&
        m.lastUpdateTimestamp + expiration <= now,
    );
    for (const metadata of idle) {
      const target = metadata.snapshot();
      target.state = TxnState.Dead;
      target.lastUpdateTimestamp = now;
      metadata.prepareTransition(target);
      if ((await this.persist(metadata, target)) === ErrorCode.NONE)
        this.log.info(`expired transactional id ${metadata.transactionalId}`);
    }
  }

  // ---- Describing ------------------------------------------------------------------------------------------

  private description(metadata: TransactionMetadata): TransactionDescription {
    return {
      transactionalId: metadata.transactionalId,
      state: TXN_STATE_NAMES[metadata.state],
      producerId: metadata.producerId,
      producerEpoch: metadata.producerEpoch,
      timeoutMs: metadata.timeoutMs,
      startTimestamp: metadata.startTimestamp,
      lastUpdateTimestamp: metadata.lastUpdateTimestamp,
      partitions: [...metadata.partitions.values()].sort(
        (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition,
      ),
    };
  }

  /** DescribeTransactions for one id: its description, or the error Kafka answers. */
  describe(transactionalId: string): TransactionDescription | number {
    const notHere = this.coordinatorError(transactionalId);
    if (notHere !== ErrorCode.NONE) return notHere;
    const metadata = this.txns.get(transactionalId);
    // An id whose first InitProducerId is still being written does not exist yet (Kafka: TRANSACTIONAL_ID_NOT_FOUND).
    if (!metadata || metadata.producerEpoch === NO_PRODUCER_EPOCH)
      return ErrorCode.TRANSACTIONAL_ID_NOT_FOUND;
    return this.description(metadata);
  }

  /**
   * ListTransactions: the ids coordinated here, filtered by state names, producer ids and (v1) how long the
   * transaction has been open. Unknown state names are reported back, as Kafka does.
   */
  list(
    stateFilters: readonly string[],
    producerIdFilters: readonly bigint[],
    durationFilterMs: number,
  ): { errorCode: number; unknownStateFilters: string[]; transactions: TransactionDescription[] } {
    const states = new Set<TxnStateId>();
    const unknownStateFilters: string[] = [];
    for (const name of stateFilters) {
      const state = txnStateByName(name);
      if (state === undefined) unknownStateFilters.push(name);
      else states.add(state);
    }
    const loading = [...this.coordinated.values()].some((c) => c.state === 'loading');
    if (loading)
      return { errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, unknownStateFilters, transactions: [] };
    const producerIds = new Set(producerIdFilters);
    const now = this.now();
    const transactions = [...this.txns.values()]
      .filter((m) => m.producerEpoch !== NO_PRODUCER_EPOCH)
      .filter((m) => this.coordinatorError(m.transactionalId) === ErrorCode.NONE)
      .filter((m) => stateFilters.length === 0 || states.has(m.state))
      .filter((m) => producerIds.size === 0 || producerIds.has(m.producerId))
      .filter(
        (m) => durationFilterMs < 0 || (m.startTimestamp >= 0 && now - m.startTimestamp >= durationFilterMs),
      )
      .map((m) => this.description(m));
    return { errorCode: ErrorCode.NONE, unknownStateFilters, transactions };
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.length = 0;
    this.options.markers.close();
  }
}
