/**
 * The boundary between the Raft layer (KIP-595: elections and replication of the `__cluster_metadata` log) and
 * what runs on top of it: the quorum controller, which writes metadata records, and every broker's metadata
 * loader, which reads them. It mirrors Kafka's `RaftClient` and `RaftClient.Listener`.
 *
 * The Raft layer sees record values only as bytes: each value is one metadata record framed as Kafka's
 * MetadataRecordSerde frames it (frame version, record api key, record version, then the record), so the
 * layers above own the record types and the Raft layer owns offsets, epochs and durability.
 */

/** A batch of the metadata log that the quorum has committed (its last offset is below the high watermark). */
export interface CommittedBatch {
  baseOffset: number;
  lastOffset: number;
  /** The leader epoch the batch was written in. */
  epoch: number;
  /** When the leader appended the batch (ms since the epoch). */
  appendTimestamp: number;
  /** The batch's record values, in offset order. */
  records: readonly Buffer[];
}

/** A snapshot holds the state of the log up to, not including, `endOffset`, as of `epoch`. */
export interface SnapshotId {
  endOffset: number;
  epoch: number;
}

export interface LeaderAndEpoch {
  /** The leader's node id, or null while an election is under way. */
  leaderId: number | null;
  epoch: number;
}

/**
 * Told, in order, everything the quorum commits. A listener registered late, or one that fell behind the log
 * start, is first given the latest snapshot, then every committed batch after it.
 */
export interface RaftListener {
  handleCommit(batch: CommittedBatch): void | Promise<void>;
  handleLoadSnapshot(snapshot: { id: SnapshotId; records: readonly Buffer[] }): void | Promise<void>;
  /** Called whenever the leader or the epoch changes, including when this node becomes leader. */
  handleLeaderChange(leader: LeaderAndEpoch): void;
}

/** Rejected appends: this node is not (or no longer) the leader of the epoch it was asked to write in. */
export class NotLeaderError extends Error {
  constructor(readonly leader: LeaderAndEpoch) {
    super(
      `not the leader of the metadata quorum (leader ${leader.leaderId ?? 'unknown'}, epoch ${leader.epoch})`,
    );
    this.name = 'NotLeaderError';
  }
}

export interface RaftClient {
  readonly nodeId: number;
  register(listener: RaftListener): void;
  unregister(listener: RaftListener): void;
  leaderAndEpoch(): LeaderAndEpoch;
  /** The offset below which the log is committed, or null until this node knows it. */
  highWatermark(): number | null;
  /**
   * Appends records as the leader of `epoch`, in one batch. Resolves with the offset of the batch's last record
   * once it is in the leader's log (not yet committed: listeners learn of the commit through handleCommit).
   * Rejects with NotLeaderError when this node is not the leader of `epoch`.
   */
  scheduleAppend(epoch: number, records: readonly Buffer[]): Promise<number>;
  /**
   * Stores a snapshot a listener produced of the committed state below `id.endOffset`, so the log before it can be
   * deleted and lagging or new replicas can fetch it (FetchSnapshot).
   */
  createSnapshot(id: SnapshotId, records: readonly Buffer[]): Promise<void>;
  /** Resigns leadership gracefully (EndQuorumEpoch) when leader, then stops. */
  shutdown(timeoutMs: number): Promise<void>;
}
