/**
 * The Raft client of the metadata quorum (KIP-595, Kafka's KafkaRaftClient): elections, the leader's appends,
 * fetch-based replication to followers, snapshots, and delivery of the committed log to listeners.
 *
 * Invariants (with quorum-state.ts, leader-state.ts and raft-log.ts):
 * - one event loop: a timer polls the epoch state every POLL_MS and acts on expired deadlines (election timeout,
 *   fetch timeout, backoff, check quorum); responses and requests run between polls on the same thread, and
 *   every answer re-checks the epoch it was sent in, so a stale answer never moves the state;
 * - a vote is granted only to a candidate whose log is at least as up to date as ours (last epoch, then end
 *   offset) and is persisted before the answer leaves; a candidate persists its own vote before asking;
 * - followers learn the log and the high watermark only from their leader's Fetch answers; a diverging epoch
 *   truncates the follower's uncommitted suffix, a snapshot id makes it fetch the snapshot (FetchSnapshot);
 * - the leader's appends are fsync'd before it counts them, and the high watermark is what a majority has;
 * - the high watermark of a node never passes its own log end offset, and listeners see only offsets below it.
 */
import { ApiKey, ErrorCode } from '@sluice/protocol';
import { systemClock, type Clock } from '../clock.ts';
import { createLogger, type Logger } from '../logger.ts';
import { LeaderState } from './leader-state.ts';
import { leaderChangeRecord } from './control-records.ts';
import { ListenerDelivery } from './listener-delivery.ts';
import { majorityOf, type QuorumConfig, type VoterEndpoint } from './quorum-config.ts';
import { QuorumState } from './quorum-state.ts';
import { RaftChannel } from './raft-channel.ts';
import {
  NotLeaderError,
  type LeaderAndEpoch,
  type RaftClient,
  type RaftListener,
  type SnapshotId,
} from './raft-client.ts';
import { encodeLeaderBatch, RaftLog } from './raft-log.ts';
import {
  FETCH_MAX_WAIT_MS,
  beginQuorumEpochRequest,
  endQuorumEpochRequest,
  fetchRequest,
  fetchSnapshotRequest,
  voteRequest,
} from './raft-messages.ts';
import { RaftRequestHandler } from './raft-request-handler.ts';

const POLL_MS = 10;
/** Kafka's quorum retry backoff (controller.quorum.retry.backoff.ms default). */
const RETRY_BACKOFF_MS = 20;
/** How often an observer without a leader asks a voter who leads. */
const DISCOVERY_BACKOFF_MS = 100;

export interface KafkaRaftClientOptions {
  config: QuorumConfig;
  /** metadata.log.dir (or the first log dir): `__cluster_metadata-0/`, with `quorum-state` in it, lives here. */
  metadataLogDir: string;
  clock?: Clock;
  log?: Logger;
  random?: () => number;
  /** segment.bytes of the metadata log (Kafka's metadata.log.segment.bytes); small in tests. */
  segmentBytes?: number;
}

interface SnapshotFetch {
  id: SnapshotId;
  chunks: Buffer[];
  position: number;
}

export class KafkaRaftClient implements RaftClient {
  readonly nodeId: number;
  readonly config: QuorumConfig;
  readonly quorum: QuorumState;
  readonly raftLog: RaftLog;
  readonly clock: Clock;
  readonly log: Logger;
  /** Serves the quorum's requests on the controller listener. */
  readonly requests: RaftRequestHandler;
  private readonly channel: RaftChannel;
  /**
   * Where each node's controller listener is: the voters, the bootstrap servers under the negative ids Kafka
   * gives them (-1, -2, ...), and leaders learned from the node endpoints of Fetch answers.
   */
  private readonly endpoints: Map<number, VoterEndpoint>;
  private readonly deliveries = new Map<RaftListener, ListenerDelivery>();
  private readonly stateWaiters = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private highWatermarkKnown = false;
  private lastLeader: LeaderAndEpoch;
  /** Per peer: when the next quorum request (Vote, BeginQuorumEpoch, EndQuorumEpoch) to it may go. */
  private readonly nextRequestAt = new Map<number, number>();
  private readonly inFlight = new Set<number>();
  private fetchInFlight = false;
  private nextFetchAt = 0;
  private snapshotFetch: SnapshotFetch | null = null;
  private endQuorumEpochSent = -1;
  /** The tail of the queue of leader appends (see enqueueLeaderAppend). */
  private leaderAppends: Promise<unknown> = Promise.resolve();

  constructor(options: KafkaRaftClientOptions) {
    this.config = options.config;
    this.nodeId = options.config.nodeId;
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? createLogger(`raft-${this.nodeId}`);
    const now = () => this.clock.now();
    this.raftLog = new RaftLog(options.metadataLogDir, now(), { segmentBytes: options.segmentBytes });
    this.quorum = new QuorumState(this.raftLog.dir, this.config, now, options.random);
    this.endpoints = new Map(this.config.voters);
    (this.config.bootstrapServers ?? []).forEach((server, i) => this.endpoints.set(-(i + 1), { ...server }));
    this.channel = new RaftChannel(`raft-${this.nodeId}`, this.endpoints, this.config.requestTimeoutMs);
    this.lastLeader = this.leaderAndEpoch();
    this.requests = new RaftRequestHandler(this);
  }

  /** Starts the event loop. */
  start(): void {
    this.log.info(`metadata quorum: node ${this.nodeId} starts ${this.quorum.describe()}`);
    // As Kafka's initialize: the only voter need not wait out an election timeout to elect itself.
    const onlyVoter = this.quorum.isVoter && this.config.voters.size === 1;
    if (onlyVoter && this.quorum.state.name !== 'Leader') this.becomeCandidate();
    this.timer = setInterval(() => this.poll(), POLL_MS);
    this.poll();
  }

  register(listener: RaftListener): void {
    if (this.deliveries.has(listener)) return;
    const delivery = new ListenerDelivery(listener, this.raftLog, this.log);
    this.deliveries.set(listener, delivery);
    delivery.leaderChanged(this.leaderAndEpoch(), this.epochStartOffset());
    if (this.highWatermarkKnown || this.raftLog.startOffset > 0) delivery.deliver();
  }

  unregister(listener: RaftListener): void {
    this.deliveries.get(listener)?.stop();
    this.deliveries.delete(listener);
  }

  leaderAndEpoch(): LeaderAndEpoch {
    return { leaderId: this.quorum.leaderId, epoch: this.quorum.epoch };
  }

  highWatermark(): number | null {
    return this.highWatermarkKnown ? this.raftLog.highWatermark : null;
  }

  async scheduleAppend(epoch: number, records: readonly Buffer[]): Promise<number> {
    this.checkLeaderOf(epoch);
    const appended = await this.enqueueLeaderAppend(epoch, () =>
      encodeLeaderBatch(
        records.map((value) => ({ key: null, value })),
        epoch,
        this.clock.now(),
      ),
    );
    return appended.lastOffset;
  }

  /**
   * Leader appends land in the order they were asked for, although encoding a batch is asynchronous: the
   * controller predicts the offsets of its records, and the LeaderChangeMessage must be a new leader's first entry.
   */
  private enqueueLeaderAppend(
    epoch: number,
    encode: () => Promise<Buffer>,
  ): Promise<{ baseOffset: number; lastOffset: number }> {
    const appended = this.leaderAppends.then(async () => {
      this.checkLeaderOf(epoch);
      const batch = await encode();
      this.checkLeaderOf(epoch);
      return this.appendAsLeader(batch);
    });
    this.leaderAppends = appended.catch(() => undefined);
    return appended;
  }

  async createSnapshot(id: SnapshotId, records: readonly Buffer[]): Promise<void> {
    await this.raftLog.createSnapshot(id, records, this.clock.now());
  }

  async shutdown(timeoutMs: number): Promise<void> {
    if (this.stopped) return;
    const state = this.quorum.state;
    if (state.name === 'Leader') {
      const successors = state.leader.preferredSuccessors();
      this.resign();
      this.endQuorumEpochSent = state.epoch;
      await Promise.race([
        Promise.allSettled(successors.map((id) => this.sendEndQuorumEpoch(id, state.epoch, successors))),
        new Promise((resolve) => setTimeout(resolve, timeoutMs)),
      ]);
    }
    this.close();
  }

  /** Stops at once, without resigning: what a crash looks like to the other voters. */
  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    for (const delivery of this.deliveries.values()) delivery.stop();
    this.wakeStateWaiters();
    this.channel.close();
    this.raftLog.close();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  // ---- state transitions (the inbound request handler uses these too) ----

  /** Moves to `epoch` with `leaderId` when it is news: a higher epoch, or the leader of our epoch learned. */
  maybeTransition(epoch: number, leaderId: number | null): void {
    const state = this.quorum.state;
    if (epoch < state.epoch) return;
    if (epoch > state.epoch) {
      if (leaderId !== null && leaderId !== this.nodeId) this.transitionToFollower(epoch, leaderId);
      else this.transition(() => this.quorum.transitionToUnattached(epoch));
      return;
    }
    if (leaderId !== null && leaderId !== this.nodeId && state.name !== 'Follower' && state.name !== 'Leader')
      this.transitionToFollower(epoch, leaderId);
  }

  transitionToFollower(epoch: number, leaderId: number): void {
    this.snapshotFetch = null;
    this.transition(() => this.quorum.transitionToFollower(epoch, leaderId));
    this.nextFetchAt = 0;
  }

  /** Where this node's epoch as leader starts (its LeaderChangeMessage); null unless it leads. */
  private epochStartOffset(): number | null {
    const state = this.quorum.state;
    return state.name === 'Leader' ? state.leader.epochStartOffset : null;
  }

  transition(change: () => void): void {
    const wasLeader = this.quorum.state.name === 'Leader';
    change();
    if (wasLeader && this.quorum.state.name !== 'Leader') this.highWatermarkKnown = false;
    if (this.quorum.state.name !== 'Follower') this.snapshotFetch = null;
    const now = this.leaderAndEpoch();
    if (now.epoch !== this.lastLeader.epoch || now.leaderId !== this.lastLeader.leaderId) {
      this.lastLeader = now;
      this.log.info(`metadata quorum: node ${this.nodeId} is ${this.quorum.describe()}`);
      for (const delivery of this.deliveries.values()) {
        try {
          delivery.leaderChanged(now, this.epochStartOffset());
        } catch (error) {
          // A listener's failure must not stop the quorum's state machine half way through a transition.
          this.log.error('a metadata log listener failed on a leader change', error);
        }
      }
    }
    this.wakeStateWaiters();
  }

  /** Resolves after the next append, high watermark move or state change, or after `timeoutMs`. */
  waitForChange(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stateWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.stateWaiters.add(done);
    });
  }

  /** The leader's high watermark moved, or a follower learned a new one: store it and tell the listeners. */
  onHighWatermark(offset: number): void {
    const before = this.raftLog.highWatermark;
    this.raftLog.updateHighWatermark(Math.min(offset, this.raftLog.endOffset));
    const first = !this.highWatermarkKnown;
    this.highWatermarkKnown = true;
    if (first || this.raftLog.highWatermark !== before) {
      this.wakeStateWaiters();
      for (const delivery of this.deliveries.values()) delivery.deliver();
    }
  }

  // ---- the event loop ----

  private poll(): void {
    if (this.stopped) return;
    try {
      this.pollState(this.clock.now());
    } catch (error) {
      this.log.error('metadata quorum: poll failed', error);
    }
  }

  private pollState(now: number): void {
    const state = this.quorum.state;
    switch (state.name) {
      case 'Unattached':
      case 'Voted':
      case 'Resigned':
        if (!this.quorum.isVoter) this.discoverLeader(now);
        else if (now >= state.electionDeadline) this.becomeCandidate();
        else if (state.name === 'Resigned') this.maybeSendEndQuorumEpoch();
        return;
      case 'Follower':
        if (now >= state.fetchDeadline) {
          this.log.info(
            `metadata quorum: no word from leader ${state.leaderId} in ${this.config.fetchTimeoutMs} ms`,
          );
          // A voter stands for election; an observer looks for the leader again.
          if (this.quorum.isVoter) this.becomeCandidate();
          else this.transition(() => this.quorum.transitionToUnattached(state.epoch));
        } else if (!this.fetchInFlight && now >= this.nextFetchAt) {
          void (this.snapshotFetch
            ? this.fetchSnapshot(state.epoch, state.leaderId)
            : this.fetch(state.epoch, state.leaderId));
        }
        return;
      case 'Candidate':
        if (state.backoffUntil !== null) {
          if (now >= state.backoffUntil) this.becomeCandidate();
        } else if (now >= state.electionDeadline) {
          this.backOff(now);
        } else {
          this.requestVotes(now);
        }
        return;
      case 'Leader':
        if (state.leader.timeUntilCheckQuorumExpires(now) <= 0) {
          this.log.warn(`metadata quorum: leader ${this.nodeId} has not heard from a majority; resigning`);
          this.resign();
          return;
        }
        for (const voterId of state.leader.votersNotFetched())
          this.maybeSendBeginQuorumEpoch(voterId, state.epoch, now);
        return;
    }
  }

  /** The controller endpoint of a node this one knows (a voter, or a leader an answer named). */
  endpointOf(nodeId: number): VoterEndpoint | undefined {
    return nodeId >= 0 ? this.endpoints.get(nodeId) : undefined;
  }

  /**
   * An observer (a node that fetches but does not vote) learns the leader by fetching from any voter, or from
   * a bootstrap server when it knows no voters: the answer names the current leader (currentLeader, with its
   * endpoint in nodeEndpoints), and the observer follows it.
   */
  private discoverLeader(now: number): void {
    if (this.fetchInFlight || now < this.nextFetchAt) return;
    const voters = [...this.config.voters.keys()];
    if (voters.length === 0) voters.push(...[...this.endpoints.keys()].filter((id) => id < 0));
    if (voters.length === 0) return;
    const voterId = voters[Math.floor(Math.random() * voters.length)]!;
    this.nextFetchAt = now + DISCOVERY_BACKOFF_MS;
    void this.fetch(this.quorum.epoch, voterId);
  }

  private becomeCandidate(): void {
    this.nextRequestAt.clear();
    this.transition(() => this.quorum.transitionToCandidate());
    const state = this.quorum.state;
    if (state.name === 'Candidate' && state.granted.size >= majorityOf(this.config.voters.size))
      this.becomeLeader();
  }

  private backOff(now: number): void {
    const state = this.quorum.state;
    if (state.name !== 'Candidate' || state.backoffUntil !== null) return;
    state.backoffUntil = now + this.quorum.electionBackoffMs(state.retries);
  }

  private requestVotes(now: number): void {
    const state = this.quorum.state;
    if (state.name !== 'Candidate') return;
    for (const voterId of this.config.voters.keys()) {
      if (voterId === this.nodeId || state.granted.has(voterId) || state.rejected.has(voterId)) continue;
      if (this.inFlight.has(voterId) || now < (this.nextRequestAt.get(voterId) ?? 0)) continue;
      void this.sendVote(voterId, state.epoch);
    }
  }

  private async sendVote(voterId: number, epoch: number): Promise<void> {
    this.inFlight.add(voterId);
    const request = voteRequest(
      this.config.clusterId,
      voterId,
      epoch,
      this.nodeId,
      this.raftLog.lastFetchedEpoch(),
      this.raftLog.endOffset,
    );
    try {
      const response = await this.channel.send(voterId, ApiKey.Vote, request);
      const partition = response.topics[0]?.partitions[0];
      if (this.stopped || response.errorCode !== 0 || !partition) {
        if (response.errorCode !== 0) this.log.warn(`Vote to ${voterId}: error ${response.errorCode}`);
        this.nextRequestAt.set(voterId, this.clock.now() + this.config.requestTimeoutMs);
        return;
      }
      this.maybeTransition(partition.leaderEpoch, partition.leaderId >= 0 ? partition.leaderId : null);
      const state = this.quorum.state;
      if (state.name !== 'Candidate' || state.epoch !== epoch || partition.errorCode !== 0) return;
      if (partition.voteGranted) {
        state.granted.add(voterId);
        if (state.granted.size >= majorityOf(this.config.voters.size)) this.becomeLeader();
      } else {
        state.rejected.add(voterId);
        if (state.rejected.size >= majorityOf(this.config.voters.size)) this.backOff(this.clock.now());
      }
    } catch {
      this.nextRequestAt.set(voterId, this.clock.now() + RETRY_BACKOFF_MS);
    } finally {
      this.inFlight.delete(voterId);
    }
  }

  private becomeLeader(): void {
    const state = this.quorum.state;
    if (state.name !== 'Candidate') return;
    const now = this.clock.now();
    const leader = new LeaderState(
      this.nodeId,
      state.epoch,
      this.raftLog.endOffset,
      this.config.voters.keys(),
      now,
      this.config.fetchTimeoutMs,
    );
    const granting = [...state.granted].sort((a, b) => a - b);
    this.nextRequestAt.clear();
    // Queued before listeners hear of the election, so it precedes anything they append.
    this.appendLeaderChange(state.epoch, granting);
    this.transition(() => this.quorum.transitionToLeader(leader));
  }

  /** A new leader's first entry: committing it commits everything before it (Raft's rule for old entries). */
  private appendLeaderChange(epoch: number, granting: number[]): void {
    const voters = [...this.config.voters.keys()].sort((a, b) => a - b);
    this.enqueueLeaderAppend(epoch, () =>
      encodeLeaderBatch([leaderChangeRecord(this.nodeId, voters, granting)], epoch, this.clock.now(), true),
    ).catch((error: unknown) => {
      if (!this.stopped && this.isLeaderOf(epoch))
        this.log.error(`Could not append the LeaderChangeMessage of epoch ${epoch}`, error);
    });
  }

  private appendAsLeader(batch: Buffer): { baseOffset: number; lastOffset: number } {
    const state = this.quorum.state;
    if (state.name !== 'Leader') throw new NotLeaderError(this.leaderAndEpoch());
    const now = this.clock.now();
    const offsets = this.raftLog.appendLeaderBatch(batch, now);
    if (state.leader.updateLocalEndOffset(this.raftLog.endOffset, now)) this.onLeaderHighWatermark();
    this.wakeStateWaiters();
    return offsets;
  }

  onLeaderHighWatermark(): void {
    const state = this.quorum.state;
    if (state.name !== 'Leader' || state.leader.highWatermark === null) return;
    this.onHighWatermark(state.leader.highWatermark);
  }

  private resign(): void {
    this.transition(() => this.quorum.transitionToResigned());
    this.endQuorumEpochSent = -1;
  }

  private maybeSendBeginQuorumEpoch(voterId: number, epoch: number, now: number): void {
    if (this.inFlight.has(voterId) || now < (this.nextRequestAt.get(voterId) ?? 0)) return;
    this.inFlight.add(voterId);
    this.nextRequestAt.set(voterId, now + this.config.requestTimeoutMs);
    const request = beginQuorumEpochRequest(
      this.config.clusterId,
      voterId,
      this.nodeId,
      epoch,
      this.config.voters,
    );
    this.channel
      .send(voterId, ApiKey.BeginQuorumEpoch, request)
      .then((response) => {
        const partition = response.topics[0]?.partitions[0];
        if (partition && partition.leaderEpoch > this.quorum.epoch)
          this.maybeTransition(partition.leaderEpoch, partition.leaderId >= 0 ? partition.leaderId : null);
      })
      .catch(() => this.nextRequestAt.set(voterId, this.clock.now() + RETRY_BACKOFF_MS))
      .finally(() => this.inFlight.delete(voterId));
  }

  /** A leader that resigned (check quorum) tells the others once, so they need not wait for the fetch timeout. */
  private maybeSendEndQuorumEpoch(): void {
    const state = this.quorum.state;
    if (state.name !== 'Resigned' || this.endQuorumEpochSent === state.epoch) return;
    this.endQuorumEpochSent = state.epoch;
    const others = [...this.config.voters.keys()].filter((id) => id !== this.nodeId);
    for (const id of others) void this.sendEndQuorumEpoch(id, state.epoch, others).catch(() => undefined);
  }

  private async sendEndQuorumEpoch(
    voterId: number,
    epoch: number,
    successors: readonly number[],
  ): Promise<void> {
    const request = endQuorumEpochRequest(
      this.config.clusterId,
      this.nodeId,
      epoch,
      successors,
      this.config.voters,
    );
    await this.channel.send(voterId, ApiKey.EndQuorumEpoch, request);
  }

  // ---- the follower's fetching ----

  private async fetch(epoch: number, leaderId: number): Promise<void> {
    this.fetchInFlight = true;
    const request = fetchRequest(
      this.config.clusterId,
      this.nodeId,
      epoch,
      this.raftLog.endOffset,
      this.raftLog.lastFetchedEpoch(),
      this.raftLog.startOffset,
    );
    try {
      const response = await this.channel.send(
        leaderId,
        ApiKey.Fetch,
        request,
        this.config.requestTimeoutMs + FETCH_MAX_WAIT_MS,
      );
      if (this.stopped) return;
      const partition = response.responses[0]?.partitions[0];
      if (response.errorCode !== 0 || !partition) {
        this.log.warn(`metadata quorum: Fetch from ${leaderId} failed with error ${response.errorCode}`);
        this.nextFetchAt = this.clock.now() + RETRY_BACKOFF_MS;
        return;
      }
      const { currentLeader } = partition;
      for (const endpoint of response.nodeEndpoints ?? [])
        if (endpoint.nodeId >= 0 && !this.endpoints.has(endpoint.nodeId))
          this.endpoints.set(endpoint.nodeId, { host: endpoint.host, port: endpoint.port });
      this.maybeTransition(
        currentLeader.leaderEpoch,
        currentLeader.leaderId >= 0 ? currentLeader.leaderId : null,
      );
      const state = this.quorum.state;
      if (state.name !== 'Follower' || state.epoch !== epoch || state.leaderId !== leaderId) return;
      if (partition.errorCode !== 0) {
        this.nextFetchAt = this.clock.now() + RETRY_BACKOFF_MS;
        return;
      }
      const now = this.clock.now();
      state.fetchDeadline = now + this.config.fetchTimeoutMs;
      if (partition.divergingEpoch.epoch >= 0) {
        const diverging = {
          epoch: partition.divergingEpoch.epoch,
          endOffset: Number(partition.divergingEpoch.endOffset),
        };
        const before = this.raftLog.endOffset;
        const after = this.raftLog.truncateToEndOffset(diverging);
        this.log.info(
          `metadata quorum: truncated the divergent log from ${before} to ${after} (leader ${leaderId})`,
        );
        return;
      }
      if (partition.snapshotId.endOffset >= 0n) {
        const id = { endOffset: Number(partition.snapshotId.endOffset), epoch: partition.snapshotId.epoch };
        this.log.info(`metadata quorum: fetching snapshot ${id.endOffset}-${id.epoch} from ${leaderId}`);
        this.snapshotFetch = { id, chunks: [], position: 0 };
        return;
      }
      if (partition.records && partition.records.length >= 8) {
        // The metadata log has no gaps: what the leader sent must continue our log exactly.
        const firstOffset = Number(partition.records.readBigInt64BE(0));
        if (firstOffset !== this.raftLog.endOffset) {
          this.log.warn(
            `metadata quorum: fetched records start at ${firstOffset}, not at ${this.raftLog.endOffset}`,
          );
          this.nextFetchAt = now + RETRY_BACKOFF_MS;
          return;
        }
        const result = this.raftLog.appendAsFollower(partition.records, now);
        if (result.errorCode !== 0) {
          this.log.error(`metadata quorum: cannot append fetched records: ${result.errorMessage}`);
          this.nextFetchAt = now + RETRY_BACKOFF_MS;
          return;
        }
      }
      // -1: the leader has not committed an entry of its epoch yet, so it does not know the high watermark.
      if (partition.highWatermark >= 0n) this.onHighWatermark(Number(partition.highWatermark));
    } catch {
      this.nextFetchAt = this.clock.now() + RETRY_BACKOFF_MS;
    } finally {
      this.fetchInFlight = false;
    }
  }

  private async fetchSnapshot(epoch: number, leaderId: number): Promise<void> {
    const fetch = this.snapshotFetch;
    if (!fetch) return;
    this.fetchInFlight = true;
    try {
      const request = fetchSnapshotRequest(
        this.config.clusterId,
        this.nodeId,
        epoch,
        fetch.id,
        fetch.position,
      );
      const response = await this.channel.send(leaderId, ApiKey.FetchSnapshot, request);
      const partition = response.topics[0]?.partitions[0];
      if (this.stopped || this.snapshotFetch !== fetch) return;
      if (response.errorCode !== 0 || !partition || partition.errorCode !== 0) {
        const code = partition?.errorCode ?? response.errorCode;
        if (partition)
          this.maybeTransition(
            partition.currentLeader.leaderEpoch,
            partition.currentLeader.leaderId >= 0 ? partition.currentLeader.leaderId : null,
          );
        // The snapshot is gone (a newer one replaced it): fetch again to learn the new one.
        if (code === ErrorCode.SNAPSHOT_NOT_FOUND) this.snapshotFetch = null;
        this.nextFetchAt = this.clock.now() + RETRY_BACKOFF_MS;
        return;
      }
      const state = this.quorum.state;
      if (state.name !== 'Follower' || state.epoch !== epoch) return;
      state.fetchDeadline = this.clock.now() + this.config.fetchTimeoutMs;
      if (Number(partition.position) !== fetch.position) {
        this.snapshotFetch = null;
        return;
      }
      fetch.chunks.push(partition.unalignedRecords);
      fetch.position += partition.unalignedRecords.length;
      if (fetch.position >= Number(partition.size)) {
        // Cleared first: a snapshot that fails to install is fetched again from the start.
        this.snapshotFetch = null;
        try {
          this.raftLog.installSnapshot(fetch.id, Buffer.concat(fetch.chunks));
        } catch (error) {
          this.log.error('metadata quorum: cannot install the fetched snapshot', error);
          throw error;
        }
        this.log.info(`metadata quorum: installed snapshot ${fetch.id.endOffset}-${fetch.id.epoch}`);
        this.onHighWatermark(fetch.id.endOffset);
        for (const delivery of this.deliveries.values()) delivery.deliver();
      }
    } catch {
      this.nextFetchAt = this.clock.now() + RETRY_BACKOFF_MS;
    } finally {
      this.fetchInFlight = false;
    }
  }

  // ---- helpers ----

  isLeaderOf(epoch: number): boolean {
    return this.quorum.state.name === 'Leader' && this.quorum.epoch === epoch;
  }

  private checkLeaderOf(epoch: number): void {
    if (this.stopped || !this.isLeaderOf(epoch)) throw new NotLeaderError(this.leaderAndEpoch());
  }

  private wakeStateWaiters(): void {
    for (const wake of [...this.stateWaiters]) wake();
  }
}
