/**
 * One partition as this broker holds it, leader or follower (Kafka's Partition): the local log, the leader and
 * leader epoch the controller last gave it, and, on the leader, the state of every follower.
 *
 * Invariants (Kafka's, KIP-101, KIP-497):
 * - the leader's high watermark is the smallest log end offset over the "maximal ISR" (the committed ISR plus any
 *   replica an in-flight AlterPartition adds, and caught-up replicas about to join), and never goes backwards;
 * - the ISR changes only through the controller: a shrink (a follower not caught up for replica.lag.time.max.ms)
 *   or an expansion (a follower at or past the high watermark and the leader epoch start offset) is proposed to
 *   the AlterPartitionManager, one at a time, and takes effect when the controller answers or metadata brings it;
 * - a new leader epoch is recorded in the leader epoch cache at the log end offset before any append in it, so a
 *   follower whose log diverged can find where (OffsetForLeaderEpoch, or Fetch's diverging_epoch);
 * - an acks=all append is acknowledged once the high watermark passes it, with NOT_ENOUGH_REPLICAS_AFTER_APPEND
 *   when the committed ISR is then below min.insync.replicas; losing leadership fails it (NOT_LEADER_OR_FOLLOWER)
 *   and its timeout answers REQUEST_TIMED_OUT. Appends never wait when the ISR is the leader alone.
 */
import { ErrorCode } from '@sluice/protocol';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { NO_LEADER, type PartitionRegistration } from '../metadata/partition-registration.ts';
import type { AppendResult, PartitionLog } from '../storage/partition-log.ts';
import type { AppendOrigin, TxnMarker } from '../storage/producer-state.ts';
import type { AlterPartitionManager } from './alter-partition-manager.ts';

/** What the leader knows of one follower (Kafka's Replica / ReplicaState). */
export interface FollowerState {
  brokerId: number;
  /** The follower's log end offset as of its last fetch; -1 until it fetches in this leader epoch. */
  logEndOffset: number;
  logStartOffset: number;
  /** The last time the follower was caught up with the leader's log end offset (0: never in this epoch). */
  lastCaughtUpTimeMs: number;
  lastFetchLeaderLogEndOffset: number;
  lastFetchTimeMs: number;
}

interface IsrState {
  /** The ISR as the controller committed it. */
  isr: readonly number[];
  /** isr plus the replicas an in-flight expansion adds; equal to isr otherwise. */
  maximalIsr: readonly number[];
  inFlight: boolean;
}

interface DelayedProduce {
  requiredOffset: number;
  resolve: (result: { errorCode: number; errorMessage: string | null }) => void;
  timer: NodeJS.Timeout;
}

export interface PartitionContext {
  localBrokerId: number;
  clock: Clock;
  logger: Logger;
  /** Null for a broker outside a cluster: its ISR is itself and never changes. */
  alterPartition: AlterPartitionManager | null;
  replicaLagTimeMaxMs: () => number;
  /** The topic's min.insync.replicas. */
  minInsyncReplicas: () => number;
  /**
   * Whether the metadata says a broker may join an ISR (registered, unfenced, not shutting down): Kafka's
   * isReplicaIsrEligible. The leader proposes no one the controller would refuse as INELIGIBLE_REPLICA, which
   * would otherwise be proposed again on every fetch.
   */
  isReplicaIsrEligible: (brokerId: number) => boolean;
}

export interface LeaderHint {
  leaderId: number;
  leaderEpoch: number;
}

export class Partition {
  leaderId = NO_LEADER;
  leaderEpoch = -1;
  partitionEpoch = -1;
  replicas: readonly number[] = [];
  private isrState: IsrState = { isr: [], maximalIsr: [], inFlight: false };
  private readonly followers = new Map<number, FollowerState>();
  /** The log end offset when this broker became leader in the current epoch. */
  private leaderEpochStartOffset = -1;
  private delayedProduces: DelayedProduce[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    readonly topicName: string,
    readonly topicId: string,
    readonly index: number,
    readonly log: PartitionLog,
    private readonly context: PartitionContext,
  ) {
    // Any high watermark change (a follower's fetch, a shrink) may complete waiting acks=all appends.
    this.unsubscribe = log.onAppend(() => this.completeDelayedProduces());
  }

  get name(): string {
    return `${this.topicName}-${this.index}`;
  }

  get isLeader(): boolean {
    return this.leaderId === this.context.localBrokerId;
  }

  /** The committed ISR. */
  get isr(): readonly number[] {
    return this.isrState.isr;
  }

  get maximalIsr(): readonly number[] {
    return this.isrState.maximalIsr;
  }

  get isrChangeInFlight(): boolean {
    return this.isrState.inFlight;
  }

  leaderHint(): LeaderHint {
    return { leaderId: this.leaderId, leaderEpoch: this.leaderEpoch };
  }

  followerState(brokerId: number): FollowerState | undefined {
    return this.followers.get(brokerId);
  }

  /** A registration older than what this partition has already applied changes nothing. */
  private isStale(registration: PartitionRegistration): boolean {
    return (
      registration.leaderEpoch < this.leaderEpoch ||
      (registration.leaderEpoch === this.leaderEpoch && registration.partitionEpoch <= this.partitionEpoch)
    );
  }

  /**
   * Becomes (or stays) the leader as `registration` says. A new leader epoch starts a new term: the epoch is
   * recorded at the log end offset and every follower's state starts over (in-ISR followers as just caught up).
   * Returns false when the registration is stale.
   */
  makeLeader(registration: PartitionRegistration): boolean {
    if (this.isStale(registration)) return false;
    const now = this.context.clock.now();
    const newTerm = !this.isLeader || registration.leaderEpoch !== this.leaderEpoch;
    this.leaderId = this.context.localBrokerId;
    this.leaderEpoch = registration.leaderEpoch;
    this.partitionEpoch = registration.partitionEpoch;
    this.replicas = [...registration.replicas];
    this.isrState = { isr: [...registration.isr], maximalIsr: [...registration.isr], inFlight: false };
    if (newTerm) {
      this.leaderEpochStartOffset = this.log.logEndOffset;
      // An unreplicated log (a single broker) records its epoch with its first append instead: no follower can
      // diverge from it, and a checkpoint write per partition on first use would slow every first request.
      if (this.log.replicated) this.log.leaderEpochs.assign(this.leaderEpoch, this.leaderEpochStartOffset);
      this.followers.clear();
    }
    for (const id of this.replicas) {
      if (id === this.context.localBrokerId || this.followers.has(id)) continue;
      this.followers.set(id, {
        brokerId: id,
        logEndOffset: -1,
        logStartOffset: -1,
        lastCaughtUpTimeMs: registration.isr.includes(id) ? now : 0,
        lastFetchLeaderLogEndOffset: -1,
        lastFetchTimeMs: 0,
      });
    }
    for (const id of this.followers.keys()) if (!this.replicas.includes(id)) this.followers.delete(id);
    this.maybeIncrementHighWatermark(now);
    this.completeDelayedProduces();
    return true;
  }

  /**
   * Becomes (or stays) a follower of `registration.leader`. Returns true when the leader or the leader epoch
   * changed, so the fetcher must restart from this replica's log (and find where it diverges).
   */
  makeFollower(registration: PartitionRegistration): boolean {
    if (this.isStale(registration)) return false;
    const changed = this.leaderId !== registration.leader || this.leaderEpoch !== registration.leaderEpoch;
    this.leaderId = registration.leader;
    this.leaderEpoch = registration.leaderEpoch;
    this.partitionEpoch = registration.partitionEpoch;
    this.replicas = [...registration.replicas];
    this.isrState = { isr: [...registration.isr], maximalIsr: [...registration.isr], inFlight: false };
    this.followers.clear();
    this.leaderEpochStartOffset = -1;
    this.completeDelayedProduces();
    return changed;
  }

  /**
   * Kafka's Partition.checkLeaderEpoch for requests that carry the epoch the client believes current
   * (-1: none): FENCED_LEADER_EPOCH when it is older, UNKNOWN_LEADER_EPOCH when newer, then
   * NOT_LEADER_OR_FOLLOWER when this broker is not the leader and the request needs it.
   */
  checkLeaderEpoch(currentLeaderEpoch: number, requireLeader = true): number {
    if (currentLeaderEpoch >= 0) {
      if (currentLeaderEpoch < this.leaderEpoch) return ErrorCode.FENCED_LEADER_EPOCH;
      if (currentLeaderEpoch > this.leaderEpoch) return ErrorCode.UNKNOWN_LEADER_EPOCH;
    }
    if (requireLeader && !this.isLeader) return ErrorCode.NOT_LEADER_OR_FOLLOWER;
    return ErrorCode.NONE;
  }

  /**
   * Where `epoch` ends in this replica's log (Kafka's lastOffsetForLeaderEpoch), or null when the log has no epoch
   * at or below it. The leader's current epoch ends at the log end offset even before anything was appended in it.
   */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } | null {
    const end = this.log.endOffsetForEpoch(epoch);
    if (end || !this.isLeader || epoch < this.leaderEpoch) return end;
    const latest = this.log.leaderEpochs.latestEpoch;
    return latest === undefined || latest < this.leaderEpoch
      ? { epoch: this.leaderEpoch, endOffset: this.log.logEndOffset }
      : null;
  }

  /** For acks=all: NOT_ENOUGH_REPLICAS's message when the committed ISR is below min.insync.replicas, else null. */
  notEnoughReplicas(): string | null {
    const minIsr = this.context.minInsyncReplicas();
    const isr = this.isrState.isr;
    if (isr.length >= minIsr) return null;
    return (
      `The size of the current ISR ${isr.length} is insufficient to satisfy the min.isr requirement of ` +
      `${minIsr} for partition ${this.name}`
    );
  }

  /** Appends a producer's batches in the current leader epoch; the caller has checked leadership. */
  appendAsLeader(records: Buffer, origin: AppendOrigin = 'client'): AppendResult {
    const now = this.context.clock.now();
    const result = this.log.appendAsLeader(records, this.leaderEpoch, now, origin);
    if (result.errorCode === ErrorCode.NONE) this.maybeIncrementHighWatermark(now);
    return result;
  }

  /**
   * Writes a transaction marker in the current leader epoch (WriteTxnMarkers on the leader, which Kafka appends
   * with acks=all): NOT_LEADER_OR_FOLLOWER when this broker does not lead the partition, NOT_ENOUGH_REPLICAS when
   * the ISR is below min.insync.replicas, else PartitionLog.appendTxnMarker's answer. The marker counts as written
   * once the high watermark passes it: `waitForHighWatermark(baseOffset + 1, timeoutMs)`, as for acks=all.
   */
  appendTxnMarker(marker: TxnMarker): AppendResult {
    const refuse = (errorCode: number, errorMessage: string): AppendResult => ({
      errorCode,
      errorMessage,
      baseOffset: -1,
      logAppendTime: -1,
      logStartOffset: this.log.logStartOffset,
    });
    if (!this.isLeader)
      return refuse(ErrorCode.NOT_LEADER_OR_FOLLOWER, `Leader not local for partition ${this.name}`);
    const notEnough = this.notEnoughReplicas();
    if (notEnough) return refuse(ErrorCode.NOT_ENOUGH_REPLICAS, notEnough);
    const now = this.context.clock.now();
    const result = this.log.appendTxnMarker(marker, this.leaderEpoch, now);
    if (result.errorCode === ErrorCode.NONE) this.maybeIncrementHighWatermark(now);
    return result;
  }

  /**
   * Resolves once the high watermark reaches `requiredOffset` (an acks=all append is then on every replica of
   * the ISR), or with REQUEST_TIMED_OUT after `timeoutMs`.
   */
  waitForHighWatermark(
    requiredOffset: number,
    timeoutMs: number,
  ): Promise<{ errorCode: number; errorMessage: string | null }> {
    return new Promise((resolve) => {
      const delayed: DelayedProduce = {
        requiredOffset,
        resolve,
        timer: setTimeout(() => {
          this.delayedProduces = this.delayedProduces.filter((d) => d !== delayed);
          resolve({ errorCode: ErrorCode.REQUEST_TIMED_OUT, errorMessage: null });
        }, timeoutMs),
      };
      this.delayedProduces.push(delayed);
      this.completeDelayedProduces();
    });
  }

  /** Kafka's checkEnoughReplicasReachOffset for every waiting acks=all append. */
  private completeDelayedProduces(): void {
    if (this.delayedProduces.length === 0) return;
    const waiting: DelayedProduce[] = [];
    for (const delayed of this.delayedProduces) {
      let result: { errorCode: number; errorMessage: string | null } | null = null;
      if (!this.isLeader) {
        result = {
          errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER,
          errorMessage: `Leader not local for partition ${this.name}`,
        };
      } else if (this.log.highWatermark >= delayed.requiredOffset) {
        const short = this.isrState.isr.length < this.context.minInsyncReplicas();
        result = short
          ? { errorCode: ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND, errorMessage: null }
          : { errorCode: ErrorCode.NONE, errorMessage: null };
      }
      if (result) {
        clearTimeout(delayed.timer);
        delayed.resolve(result);
      } else {
        waiting.push(delayed);
      }
    }
    this.delayedProduces = waiting;
  }

  /**
   * A follower fetched from `fetchOffset` (Kafka's updateFollowerFetchState): its log end offset is now
   * `fetchOffset`; it counts as caught up at this fetch when it reached the leader's end, or at its previous
   * fetch when it reached what the leader had then. Then the ISR may grow and the high watermark move.
   * Returns false when `replicaId` is not a replica of this partition.
   */
  updateFollowerFetchState(
    replicaId: number,
    fetchOffset: number,
    followerStartOffset: number,
    leaderEndOffset: number,
  ): boolean {
    const state = this.followers.get(replicaId);
    if (!state || !this.isLeader) return false;
    const now = this.context.clock.now();
    let lastCaughtUpTimeMs = state.lastCaughtUpTimeMs;
    if (fetchOffset >= leaderEndOffset) lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, now);
    else if (fetchOffset >= state.lastFetchLeaderLogEndOffset)
      lastCaughtUpTimeMs = Math.max(lastCaughtUpTimeMs, state.lastFetchTimeMs);
    Object.assign(state, {
      logEndOffset: fetchOffset,
      logStartOffset: followerStartOffset,
      lastCaughtUpTimeMs,
      lastFetchLeaderLogEndOffset: leaderEndOffset,
      lastFetchTimeMs: now,
    });
    this.maybeExpandIsr(state);
    this.maybeIncrementHighWatermark(now);
    return true;
  }

  private isCaughtUp(state: FollowerState, leaderEndOffset: number, now: number): boolean {
    return (
      state.logEndOffset === leaderEndOffset ||
      now - state.lastCaughtUpTimeMs <= this.context.replicaLagTimeMaxMs()
    );
  }

  /** Kafka's maybeIncrementLeaderHW; returns whether the high watermark moved. */
  maybeIncrementHighWatermark(now: number): boolean {
    if (!this.isLeader) return false;
    const leaderEnd = this.log.logEndOffset;
    let highWatermark = leaderEnd;
    for (const state of this.followers.values()) {
      const inIsr = this.isrState.maximalIsr.includes(state.brokerId);
      // A replica caught up but not yet added holds the high watermark back too, so it can join (KIP-841).
      const aboutToJoin = !inIsr && state.logEndOffset >= 0 && this.isCaughtUp(state, leaderEnd, now);
      if (state.logEndOffset < highWatermark && (inIsr || aboutToJoin))
        highWatermark = Math.max(state.logEndOffset, 0);
    }
    const before = this.log.highWatermark;
    return this.log.updateHighWatermark(highWatermark) > before;
  }

  private maybeExpandIsr(state: FollowerState): void {
    if (!this.context.alterPartition || this.isrState.inFlight) return;
    if (this.isrState.isr.includes(state.brokerId)) return;
    const inSync =
      state.logEndOffset >= this.log.highWatermark && state.logEndOffset >= this.leaderEpochStartOffset;
    if (!inSync || !this.context.isReplicaIsrEligible(state.brokerId)) return;
    const isr = this.isrState.isr;
    this.proposeIsr({ isr, maximalIsr: [...isr, state.brokerId], inFlight: true }, [...isr, state.brokerId]);
  }

  /**
   * Kafka's maybeShrinkIsr, run every replica.lag.time.max.ms / 2: followers in the ISR that have not caught up
   * with the leader's log end offset for replica.lag.time.max.ms are proposed for removal. While the shrink is in
   * flight the high watermark still waits for them (the committed ISR stands until the controller answers).
   */
  maybeShrinkIsr(): void {
    if (!this.isLeader || !this.context.alterPartition || this.isrState.inFlight) return;
    const now = this.context.clock.now();
    const leaderEnd = this.log.logEndOffset;
    const outOfSync = this.isrState.isr.filter((id) => {
      if (id === this.context.localBrokerId) return false;
      const state = this.followers.get(id);
      return !state || !this.isCaughtUp(state, leaderEnd, now);
    });
    if (outOfSync.length === 0) return;
    const isr = this.isrState.isr;
    const newIsr = isr.filter((id) => !outOfSync.includes(id));
    this.context.logger.info(
      `Shrinking ISR of ${this.name} from ${isr.join(',')} to ${newIsr.join(',')}: leader end offset ` +
        `${leaderEnd}, out of sync ${outOfSync.map((id) => `${id}@${this.followers.get(id)?.logEndOffset ?? -1}`).join(',')}`,
    );
    this.proposeIsr({ isr, maximalIsr: isr, inFlight: true }, newIsr);
  }

  private proposeIsr(pending: IsrState, newIsr: readonly number[]): void {
    const alterPartition = this.context.alterPartition!;
    this.isrState = pending;
    const { leaderEpoch, partitionEpoch } = this;
    alterPartition
      .submit({
        topicId: this.topicId,
        partition: this.index,
        leaderEpoch,
        partitionEpoch,
        newIsr,
        leaderRecoveryState: 0,
      })
      .then(
        (answer) => this.handleAlterPartitionAnswer(pending, answer),
        (error: unknown) => {
          this.context.logger.warn(`AlterPartition for ${this.name} failed: ${String(error)}`);
          this.handleAlterPartitionAnswer(pending, ErrorCode.UNKNOWN_SERVER_ERROR);
        },
      );
  }

  private handleAlterPartitionAnswer(pending: IsrState, answer: PartitionRegistration | number): void {
    // Metadata (a new epoch, or the same change arriving first) may have replaced the pending state already.
    if (this.isrState !== pending) return;
    if (typeof answer === 'number') {
      this.context.logger.info(`AlterPartition for ${this.name} answered error ${answer}`);
      // Kafka waits for metadata after these (the proposal was based on stale state); others are retried.
      const waitForMetadata = [
        ErrorCode.FENCED_LEADER_EPOCH,
        ErrorCode.INVALID_UPDATE_VERSION,
        ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
      ] as number[];
      if (!waitForMetadata.includes(answer))
        this.isrState = { ...pending, maximalIsr: pending.isr, inFlight: false };
      return;
    }
    if (answer.leaderEpoch !== this.leaderEpoch || answer.partitionEpoch < this.partitionEpoch) return;
    this.partitionEpoch = answer.partitionEpoch;
    this.isrState = { isr: [...answer.isr], maximalIsr: [...answer.isr], inFlight: false };
    this.context.logger.info(
      `ISR of ${this.name} is now ${answer.isr.join(',')} (partition epoch ${answer.partitionEpoch})`,
    );
    this.maybeIncrementHighWatermark(this.context.clock.now());
    this.completeDelayedProduces();
  }

  /** The partition leaves this broker (or the broker stops): waiting appends fail. */
  close(): void {
    this.unsubscribe();
    this.leaderId = NO_LEADER;
    this.completeDelayedProduces();
  }
}
