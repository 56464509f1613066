/**
 * Delivery of the committed log to one RaftListener (Kafka's ListenerContext): a cursor, the next offset the
 * listener has not seen, and one delivery loop at a time per listener.
 *
 * Invariants:
 * - a listener sees every committed batch exactly once, in offset order, and nothing at or past the high
 *   watermark; control batches (LeaderChangeMessage) are not handed out;
 * - a listener whose cursor is below the log start offset (registered late, or the log was replaced by a
 *   snapshot) is given the latest snapshot first and continues at its end offset;
 * - each callback is awaited before the next: a listener may be asynchronous and still sees a total order;
 * - a listener hears that this node leads an epoch only once it has been given everything before that epoch's
 *   start offset (Kafka's maybeFireLeaderChange): a new active controller decides from the full committed state,
 *   for example whether the log is empty and needs its bootstrap records. Other leader changes are told at once.
 */
import { decodeRecordBatch, splitBatches } from '@sluice/protocol';
import type { Logger } from '../logger.ts';
import type { LeaderAndEpoch, RaftListener } from './raft-client.ts';
import type { RaftLog } from './raft-log.ts';

const READ_BYTES = 1024 * 1024;

export class ListenerDelivery {
  private nextOffset = 0;
  private delivering = false;
  private stopped = false;
  /** This node's leadership, held back until the listener has reached the epoch's start offset. */
  private pendingLeadership: { leader: LeaderAndEpoch; epochStartOffset: number } | null = null;

  constructor(
    readonly listener: RaftListener,
    private readonly raftLog: RaftLog,
    private readonly log: Logger,
  ) {}

  stop(): void {
    this.stopped = true;
  }

  /**
   * Tells the listener of a new leader; `epochStartOffset` is given when this node is the leader, whose news waits
   * until the listener has everything before that offset. A newer change replaces one still held back.
   */
  leaderChanged(leader: LeaderAndEpoch, epochStartOffset: number | null): void {
    this.pendingLeadership = null;
    if (epochStartOffset === null || this.nextOffset >= epochStartOffset) {
      this.listener.handleLeaderChange(leader);
      return;
    }
    this.pendingLeadership = { leader, epochStartOffset };
  }

  private firePendingLeadership(): void {
    const pending = this.pendingLeadership;
    if (!pending || this.nextOffset < pending.epochStartOffset) return;
    this.pendingLeadership = null;
    try {
      this.listener.handleLeaderChange(pending.leader);
    } catch (error) {
      this.log.error('a metadata log listener failed on a leader change', error);
    }
  }

  /** Delivers whatever is committed and not yet delivered; a call while delivering is folded into that loop. */
  deliver(): void {
    if (this.delivering || this.stopped) return;
    this.delivering = true;
    this.drain()
      .catch((error: unknown) => this.log.error('a metadata log listener failed', error))
      .finally(() => {
        this.delivering = false;
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      const { raftLog } = this;
      if (this.nextOffset < raftLog.startOffset) {
        const snapshot = raftLog.latestSnapshot();
        if (!snapshot) {
          this.nextOffset = raftLog.startOffset;
          continue;
        }
        const records = await raftLog.readSnapshot(snapshot);
        await this.listener.handleLoadSnapshot({ id: snapshot, records });
        this.nextOffset = snapshot.endOffset;
        this.firePendingLeadership();
        continue;
      }
      if (this.nextOffset >= raftLog.highWatermark) return;
      const bytes = raftLog.log.read(this.nextOffset, READ_BYTES, true, 'highWatermark').records;
      const { batches } = splitBatches(bytes);
      if (batches.length === 0) return;
      for (const { header, bytes: batch } of batches) {
        const lastOffset = Number(header.baseOffset) + header.lastOffsetDelta;
        if (lastOffset < this.nextOffset) continue;
        if (!header.isControl) {
          const decoded = await decodeRecordBatch(batch);
          await this.listener.handleCommit({
            baseOffset: Number(header.baseOffset),
            lastOffset,
            epoch: header.partitionLeaderEpoch,
            appendTimestamp: Number(header.maxTimestamp),
            records: decoded.records.map((r) => r.value ?? Buffer.alloc(0)),
          });
        }
        this.nextOffset = lastOffset + 1;
        if (this.stopped) return;
        this.firePendingLeadership();
      }
    }
  }
}
