/**
 * A single-process RaftClient for the controller's tests: one log in memory, a leader chosen by the test, and
 * commits delivered to listeners as soon as they are appended (or when the test says, with autoCommit off).
 * Not a Raft implementation: it has no peers, no elections and no durability.
 *
 * Invariants it keeps like the real one: offsets are dense and start at 0; each leader epoch starts with a
 * control batch (Kafka's LeaderChangeMessage) that takes an offset but is never given to listeners; appends
 * are refused with NotLeaderError unless this node leads the given epoch; listeners get batches in offset
 * order, each once, and a listener registered late gets the latest snapshot first.
 */
import {
  NotLeaderError,
  type CommittedBatch,
  type LeaderAndEpoch,
  type RaftClient,
  type RaftListener,
  type SnapshotId,
} from '../raft/raft-client.ts';

interface StoredBatch {
  baseOffset: number;
  epoch: number;
  records: Buffer[];
  control: boolean;
}

export class InMemoryRaftClient implements RaftClient {
  private readonly batches: StoredBatch[] = [];
  private readonly listeners = new Map<RaftListener, number>();
  private leader: LeaderAndEpoch = { leaderId: null, epoch: 0 };
  private endOffset = 0;
  private committedEnd = 0;
  private snapshot: { id: SnapshotId; records: Buffer[] } | null = null;
  autoCommit = true;

  constructor(readonly nodeId: number) {}

  register(listener: RaftListener): void {
    this.listeners.set(listener, 0);
    if (this.snapshot) {
      void listener.handleLoadSnapshot({ id: this.snapshot.id, records: this.snapshot.records });
      this.listeners.set(listener, this.snapshot.id.endOffset);
    }
    this.deliver();
    listener.handleLeaderChange(this.leader);
  }

  unregister(listener: RaftListener): void {
    this.listeners.delete(listener);
  }

  leaderAndEpoch(): LeaderAndEpoch {
    return this.leader;
  }

  highWatermark(): number | null {
    return this.committedEnd;
  }

  /** Makes this node the leader of a new epoch. */
  becomeLeader(): void {
    this.changeLeader(this.nodeId);
  }

  /** Another node (or nobody) leads a new epoch. */
  changeLeader(leaderId: number | null): void {
    this.leader = { leaderId, epoch: this.leader.epoch + 1 };
    if (leaderId === this.nodeId) this.append(this.leader.epoch, [Buffer.alloc(0)], true);
    for (const listener of this.listeners.keys()) listener.handleLeaderChange(this.leader);
  }

  /** Makes each append take this long (ms), like a client that encodes batches asynchronously. */
  appendDelay: (() => number) | null = null;

  async scheduleAppend(epoch: number, records: readonly Buffer[]): Promise<number> {
    if (this.leader.leaderId !== this.nodeId || this.leader.epoch !== epoch) {
      throw new NotLeaderError(this.leader);
    }
    const delay = this.appendDelay?.() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (this.leader.leaderId !== this.nodeId || this.leader.epoch !== epoch) {
      throw new NotLeaderError(this.leader);
    }
    return this.append(epoch, [...records], false);
  }

  private append(epoch: number, records: Buffer[], control: boolean): number {
    const baseOffset = this.endOffset;
    this.batches.push({ baseOffset, epoch, records, control });
    this.endOffset += records.length;
    if (this.autoCommit) queueMicrotask(() => this.commit());
    return this.endOffset - 1;
  }

  /** Commits everything appended so far and tells the listeners. */
  commit(): void {
    this.committedEnd = this.endOffset;
    this.deliver();
  }

  private deliver(): void {
    for (const [listener, delivered] of this.listeners) {
      let next = delivered;
      for (const batch of this.batches) {
        const lastOffset = batch.baseOffset + batch.records.length - 1;
        if (batch.baseOffset < next || lastOffset >= this.committedEnd) continue;
        next = lastOffset + 1;
        this.listeners.set(listener, next);
        if (batch.control) continue;
        const committed: CommittedBatch = {
          baseOffset: batch.baseOffset,
          lastOffset,
          epoch: batch.epoch,
          appendTimestamp: 0,
          records: batch.records,
        };
        void listener.handleCommit(committed);
      }
    }
  }

  /** Every record value written by listeners, in offset order, with its offset (control batches left out). */
  records(): { offset: number; value: Buffer }[] {
    return this.batches
      .filter((b) => !b.control)
      .flatMap((b) => b.records.map((value, i) => ({ offset: b.baseOffset + i, value })));
  }

  createSnapshot(id: SnapshotId, records: readonly Buffer[]): Promise<void> {
    this.snapshot = { id, records: [...records] };
    return Promise.resolve();
  }

  latestSnapshot(): { id: SnapshotId; records: Buffer[] } | null {
    return this.snapshot;
  }

  shutdown(): Promise<void> {
    this.changeLeader(null);
    return Promise.resolve();
  }
}
