/**
 * What the leader of an epoch knows about the replicas (Kafka's LeaderState): each voter's log end offset, as
 * its last Fetch told it, and when it last fetched and was last caught up; observers (non-voters that fetch)
 * are tracked the same way but never count.
 *
 * Invariants:
 * - the leader's own end offset is its flushed log end offset: an offset counts only once fsync'd;
 * - the high watermark is the largest offset a majority of voters has (the median end offset), and it moves
 *   only once that offset is past the epoch start offset (the leader's LeaderChangeMessage), so the leader
 *   commits an entry of its own epoch first (Raft's commitment rule); it never moves back;
 * - check quorum: a leader that has not heard a Fetch from a majority (itself included) within 1.5 x
 *   fetch.timeout resigns, so a leader cut off from the others stops acting as leader (Kafka's KIP-996 timer).
 */
import { majorityOf } from './quorum-config.ts';

export interface ReplicaState {
  nodeId: number;
  /** The replica's log end offset as it last reported it, or null before its first Fetch in this epoch. */
  endOffset: number | null;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
  /** The leader's log end offset when this replica last fetched (Kafka's lastFetchLeaderLogEndOffset). */
  leaderEndOffsetAtLastFetch: number;
}

export class LeaderState {
  private readonly voterStates = new Map<number, ReplicaState>();
  private readonly observerStates = new Map<number, ReplicaState>();
  private highWatermarkValue: number | null = null;
  private readonly checkQuorumTimeoutMs: number;
  private checkQuorumDeadline: number;
  private readonly fetchedSinceCheck = new Set<number>();

  constructor(
    readonly localId: number,
    readonly epoch: number,
    /** The log end offset when this node won the election: where its LeaderChangeMessage goes. */
    readonly epochStartOffset: number,
    voterIds: Iterable<number>,
    now: number,
    fetchTimeoutMs: number,
  ) {
    for (const nodeId of voterIds) this.voterStates.set(nodeId, emptyReplica(nodeId));
    this.checkQuorumTimeoutMs = Math.floor(fetchTimeoutMs * 1.5);
    this.checkQuorumDeadline = now + this.checkQuorumTimeoutMs;
  }

  get highWatermark(): number | null {
    return this.highWatermarkValue;
  }

  isVoter(nodeId: number): boolean {
    return this.voterStates.has(nodeId);
  }

  /** The leader's flushed log end offset moved; returns true when the high watermark moved. */
  updateLocalEndOffset(endOffset: number, now: number): boolean {
    const local = this.voterStates.get(this.localId);
    if (!local) return false;
    local.endOffset = endOffset;
    local.lastFetchTimestamp = now;
    local.lastCaughtUpTimestamp = now;
    local.leaderEndOffsetAtLastFetch = endOffset;
    return this.maybeAdvanceHighWatermark();
  }

  /**
   * A replica fetched at `fetchOffset` (so it has everything below it) while the leader's log ended at
   * `leaderEndOffset`. Returns true when the high watermark moved.
   */
  updateReplica(nodeId: number, fetchOffset: number, leaderEndOffset: number, now: number): boolean {
    if (nodeId === this.localId) return false;
    let state = this.voterStates.get(nodeId) ?? this.observerStates.get(nodeId);
    if (!state) {
      state = emptyReplica(nodeId);
      this.observerStates.set(nodeId, state);
    }
    if (fetchOffset >= leaderEndOffset) state.lastCaughtUpTimestamp = now;
    else if (fetchOffset >= state.leaderEndOffsetAtLastFetch)
      state.lastCaughtUpTimestamp = Math.max(state.lastCaughtUpTimestamp, state.lastFetchTimestamp);
    state.endOffset = fetchOffset;
    state.lastFetchTimestamp = now;
    state.leaderEndOffsetAtLastFetch = leaderEndOffset;
    if (this.voterStates.has(nodeId)) {
      this.fetchedSinceCheck.add(nodeId);
      return this.maybeAdvanceHighWatermark();
    }
    return false;
  }

  /** Milliseconds until check quorum fails, renewing the timer when a majority has fetched. */
  timeUntilCheckQuorumExpires(now: number): number {
    const heard = this.fetchedSinceCheck.size + (this.voterStates.has(this.localId) ? 1 : 0);
    if (heard >= majorityOf(this.voterStates.size)) {
      this.fetchedSinceCheck.clear();
      this.checkQuorumDeadline = now + this.checkQuorumTimeoutMs;
    }
    return this.checkQuorumDeadline - now;
  }

  /** Voters that have not fetched in this epoch yet: they still need BeginQuorumEpoch. */
  votersNotFetched(): number[] {
    return [...this.voterStates.values()]
      .filter((s) => s.nodeId !== this.localId && s.endOffset === null)
      .map((s) => s.nodeId);
  }

  /** The other voters, most caught up first: the order a resigning leader suggests its successors in. */
  preferredSuccessors(): number[] {
    return [...this.voterStates.values()]
      .filter((s) => s.nodeId !== this.localId)
      .sort((a, b) => (b.endOffset ?? -1) - (a.endOffset ?? -1))
      .map((s) => s.nodeId);
  }

  voters(): readonly ReplicaState[] {
    return [...this.voterStates.values()];
  }

  observers(): readonly ReplicaState[] {
    return [...this.observerStates.values()];
  }

  private maybeAdvanceHighWatermark(): boolean {
    const offsets = [...this.voterStates.values()].map((s) => s.endOffset ?? -1).sort((a, b) => b - a);
    const majorityOffset = offsets[majorityOf(offsets.length) - 1]!;
    if (majorityOffset <= this.epochStartOffset) return false;
    if (this.highWatermarkValue !== null && majorityOffset <= this.highWatermarkValue) return false;
    this.highWatermarkValue = majorityOffset;
    return true;
  }
}

function emptyReplica(nodeId: number): ReplicaState {
  return {
    nodeId,
    endOffset: null,
    lastFetchTimestamp: -1,
    lastCaughtUpTimestamp: -1,
    leaderEndOffsetAtLastFetch: -1,
  };
}
