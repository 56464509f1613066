/**
 * The replicated metadata log, `__cluster_metadata-0`, and its snapshots (Kafka's KafkaMetadataLog).
 *
 * On disk, in `<metadata log dir>/__cluster_metadata-0/`:
 * - the log is an ordinary partition log (storage/partition-log.ts: segments, indexes, leader-epoch-checkpoint)
 *   opened as a replicated log: its high watermark is set by the Raft client, never by appends;
 * - snapshots are `<end offset, 20 digits>-<epoch, 10 digits>.checkpoint` files of v2 record batches (the
 *   records a listener gave createSnapshot), written temp + fsync + rename; a snapshot holds the state of the log
 *   below its end offset, as of the epoch of the record before it.
 *
 * Invariants:
 * - every batch is fsync'd before append returns: an offset reported to the leader (or counted by the leader
 *   for itself) survives a crash;
 * - the log start offset is the latest snapshot's end offset once that snapshot exists and the log before it is
 *   deleted; a log that ends before its latest snapshot (a crash while installing one) restarts empty at the
 *   snapshot's end offset;
 * - only committed offsets (below the high watermark) are ever put in a snapshot.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  decodeRecordBatch,
  encodeRecordBatch,
  splitBatches,
  verifyBatchCrc,
  type RecordInput,
} from '@sluice/protocol';
import { snapshotFooterRecord, snapshotHeaderRecord } from './control-records.ts';
import { BrokerConfigStore } from '../config/config-store.ts';
import { resolveLogConfig } from '../config/log-config.ts';
import { writeFileDurably } from '../storage/durable-file.ts';
import { PartitionLog, type FollowerAppendResult } from '../storage/partition-log.ts';
import type { SnapshotId } from './raft-client.ts';

export const METADATA_TOPIC = '__cluster_metadata';
/** Kafka's Uuid.METADATA_TOPIC_ID (0, 1), the topic id quorum Fetch requests carry. */
export const METADATA_TOPIC_ID = 'AAAAAAAAAAAAAAAAAAAAAQ';
export const METADATA_PARTITION = 0;
const SNAPSHOT_SUFFIX = '.checkpoint';
const RECORDS_PER_SNAPSHOT_BATCH = 2000;

/** An answer to "may a replica that has `offset` in `epoch` continue from there?" (ValidOffsetAndEpoch). */
export type OffsetValidation =
  | { kind: 'valid' }
  | { kind: 'diverging'; epoch: number; endOffset: number }
  | { kind: 'snapshot'; id: SnapshotId };

/** Encodes one batch of the leader of `epoch` (control for the leader's own records, LeaderChangeMessage). */
export function encodeLeaderBatch(
  records: readonly RecordInput[],
  epoch: number,
  now: number,
  control = false,
): Promise<Buffer> {
  return encodeRecordBatch({
    records: [...records],
    partitionLeaderEpoch: epoch,
    baseTimestamp: BigInt(now),
    isControl: control,
  });
}

export function snapshotFileName(id: SnapshotId): string {
  return `${String(id.endOffset).padStart(20, '0')}-${String(id.epoch).padStart(10, '0')}${SNAPSHOT_SUFFIX}`;
}

export class RaftLog {
  readonly log: PartitionLog;
  readonly dir: string;
  private snapshots: SnapshotId[];

  constructor(metadataLogDir: string, now: number, options: { segmentBytes?: number } = {}) {
    this.dir = join(metadataLogDir, `${METADATA_TOPIC}-${METADATA_PARTITION}`);
    mkdirSync(this.dir, { recursive: true });
    this.snapshots = this.listSnapshots();
    const latest = this.latestSnapshot();
    const overrides = new Map<string, string>([
      ['cleanup.policy', 'delete'],
      ['retention.ms', '-1'],
    ]);
    if (options.segmentBytes !== undefined) overrides.set('segment.bytes', String(options.segmentBytes));
    const config = resolveLogConfig(new BrokerConfigStore(new Map()), overrides);
    // Recovery always scans the whole log: the metadata log is small, and its CRC check is what makes a torn
    // write at the end harmless.
    this.log = new PartitionLog(this.dir, METADATA_TOPIC, METADATA_PARTITION, config, {
      recoveryPoint: 0,
      logStartOffset: latest?.endOffset ?? 0,
      cleanShutdown: false,
      now,
      replicated: {},
    });
    if (latest && this.log.logEndOffset < latest.endOffset)
      this.log.truncateFullyAndStartAt(latest.endOffset);
  }

  get endOffset(): number {
    return this.log.logEndOffset;
  }

  get startOffset(): number {
    return this.log.logStartOffset;
  }

  get highWatermark(): number {
    return this.log.highWatermark;
  }

  /** The epoch of the last batch in the log, or of the latest snapshot when the log is empty after it, or 0. */
  lastFetchedEpoch(): number {
    const latest = this.log.leaderEpochs.latestEpoch;
    if (latest !== undefined) return latest;
    return this.latestSnapshot()?.epoch ?? 0;
  }

  /**
   * Appends a batch built by encodeLeaderBatch at the log end offset, then fsyncs it. The base offset lies
   * outside the batch's CRC, so it is set here, synchronously, and appends cannot race for an offset.
   */
  appendLeaderBatch(batch: Buffer, now: number): { baseOffset: number; lastOffset: number } {
    batch.writeBigInt64BE(BigInt(this.endOffset), 0);
    const result = this.appendAsFollower(batch, now);
    if (result.errorCode !== 0) throw new Error(`metadata log append failed: ${result.errorMessage}`);
    return { baseOffset: result.firstOffset, lastOffset: result.lastOffset };
  }

  /** Appends a leader's batches (their offsets and epochs already assigned), then fsyncs them. */
  appendAsFollower(records: Buffer, now: number): FollowerAppendResult {
    const result = this.log.appendAsFollower(records, now);
    if (result.errorCode === 0) this.log.flush(now);
    return result;
  }

  /** Reads batches from `offset` up to the log end (what a replica fetches). */
  read(offset: number, maxBytes: number): Buffer {
    return this.log.read(offset, maxBytes, true, 'logEnd').records;
  }

  updateHighWatermark(offset: number): number {
    return this.log.updateHighWatermark(offset);
  }

  /**
   * Truncates the divergent suffix the leader pointed at (a Fetch answer's diverging epoch): to the end of that
   * epoch in the leader's log or in ours, whichever is lower (Kafka's truncateToEndOffset). Returns the new end.
   */
  truncateToEndOffset(diverging: { epoch: number; endOffset: number }): number {
    const local = this.log.endOffsetForEpoch(diverging.epoch);
    const target = Math.min(diverging.endOffset, local?.endOffset ?? diverging.endOffset);
    this.log.truncateTo(Math.max(target, this.startOffset));
    return this.endOffset;
  }

  /** The end of `epoch` in this log (KafkaMetadataLog.endOffsetForEpoch, snapshot-aware). */
  endOffsetForEpoch(epoch: number): { epoch: number; endOffset: number } {
    const answer = this.log.endOffsetForEpoch(epoch);
    const earliest = this.snapshots[0];
    if (answer && earliest && answer.endOffset === earliest.endOffset && answer.epoch < epoch)
      return { epoch: earliest.epoch, endOffset: earliest.endOffset };
    return answer ?? { epoch: this.lastFetchedEpoch(), endOffset: this.endOffset };
  }

  /** Kafka's ReplicatedLog.validateOffsetAndEpoch: where a fetching replica stands against this (leader's) log. */
  validateOffsetAndEpoch(offset: number, epoch: number): OffsetValidation {
    if (this.startOffset === 0 && offset === 0) return { kind: 'valid' };
    const earliest = this.snapshots[0];
    const latest = this.latestSnapshot();
    if (
      earliest &&
      latest &&
      (offset < this.startOffset ||
        (offset === this.startOffset && epoch !== earliest.epoch) ||
        epoch < earliest.epoch)
    ) {
      return { kind: 'snapshot', id: latest };
    }
    const end = this.endOffsetForEpoch(epoch);
    if (end.epoch !== epoch || end.endOffset < offset)
      return { kind: 'diverging', epoch: end.epoch, endOffset: end.endOffset };
    return { kind: 'valid' };
  }

  latestSnapshot(): SnapshotId | null {
    return this.snapshots.at(-1) ?? null;
  }

  /**
   * Writes a snapshot of the committed state below `id.endOffset`, then deletes the log before it and older
   * snapshots. `id.epoch` must be the epoch of the record at `id.endOffset - 1`.
   */
  async createSnapshot(id: SnapshotId, records: readonly Buffer[], now: number): Promise<void> {
    if (id.endOffset > this.highWatermark)
      throw new Error(`snapshot ${id.endOffset} is past the high watermark ${this.highWatermark}`);
    if (id.endOffset < this.startOffset)
      throw new Error(`snapshot ${id.endOffset} is before the log start offset ${this.startOffset}`);
    const epochAtEnd = this.log.leaderEpochs.epochForOffset(id.endOffset - 1) ?? this.lastFetchedEpoch();
    if (id.endOffset > 0 && epochAtEnd !== id.epoch)
      throw new Error(`snapshot ${id.endOffset} is in epoch ${epochAtEnd}, not ${id.epoch}`);
    // The record at endOffset - 1 is the last one the snapshot contains; its batch carries its timestamp.
    const lastContained = id.endOffset > 0 ? await this.batchTimestampAt(id.endOffset - 1) : -1;
    const control = (record: RecordInput, baseOffset: number) =>
      encodeRecordBatch({
        records: [record],
        baseOffset: BigInt(baseOffset),
        partitionLeaderEpoch: id.epoch,
        baseTimestamp: BigInt(now),
        isControl: true,
      });
    const batches: Buffer[] = [await control(snapshotHeaderRecord(lastContained), 0)];
    for (let i = 0; i < records.length; i += RECORDS_PER_SNAPSHOT_BATCH) {
      const chunk = records.slice(i, i + RECORDS_PER_SNAPSHOT_BATCH);
      batches.push(
        await encodeRecordBatch({
          records: chunk.map((value) => ({ key: null, value })),
          baseOffset: BigInt(1 + i),
          partitionLeaderEpoch: id.epoch,
          baseTimestamp: BigInt(now),
        }),
      );
    }
    batches.push(await control(snapshotFooterRecord(), 1 + records.length));
    this.storeSnapshot(id, Buffer.concat(batches));
    this.log.deleteRecordsBefore(id.endOffset);
  }

  /** Installs a snapshot fetched from the leader (FetchSnapshot): the log restarts empty at its end offset. */
  installSnapshot(id: SnapshotId, bytes: Buffer): void {
    const { batches, trailingBytes } = splitBatches(bytes);
    if (trailingBytes !== 0 || batches.some((b) => !verifyBatchCrc(b.bytes)))
      throw new Error(`snapshot ${snapshotFileName(id)} is not a sequence of CRC-valid record batches`);
    this.storeSnapshot(id, bytes);
    this.log.truncateFullyAndStartAt(id.endOffset);
  }

  snapshotBytes(id: SnapshotId): Buffer | null {
    if (!this.snapshots.some((s) => s.endOffset === id.endOffset && s.epoch === id.epoch)) return null;
    return readFileSync(join(this.dir, snapshotFileName(id)));
  }

  /** The record values of a snapshot, in order. */
  async readSnapshot(id: SnapshotId): Promise<Buffer[]> {
    const bytes = this.snapshotBytes(id);
    if (!bytes) throw new Error(`no snapshot ${snapshotFileName(id)}`);
    const values: Buffer[] = [];
    for (const { bytes: batch, header } of splitBatches(bytes).batches) {
      if (header.isControl) continue;
      for (const record of (await decodeRecordBatch(batch)).records)
        if (record.value) values.push(record.value);
    }
    return values;
  }

  close(): void {
    this.log.close();
  }

  private async batchTimestampAt(offset: number): Promise<number> {
    const { batches } = splitBatches(this.log.read(offset, 1, true, 'logEnd').records);
    const header = batches[0]?.header;
    return header ? Number(header.maxTimestamp) : -1;
  }

  private storeSnapshot(id: SnapshotId, bytes: Buffer): void {
    writeFileDurably(join(this.dir, snapshotFileName(id)), bytes);
    // Older snapshots are no longer needed once the newer one is durable.
    for (const old of this.snapshots) {
      if (old.endOffset < id.endOffset) rmSync(join(this.dir, snapshotFileName(old)), { force: true });
    }
    this.snapshots = this.listSnapshots();
  }

  private listSnapshots(): SnapshotId[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((name) => /^(\d{20})-(\d{10})\.checkpoint$/.exec(name))
      .filter((m) => m !== null)
      .map((m) => ({ endOffset: Number(m[1]), epoch: Number(m[2]) }))
      .sort((a, b) => a.endOffset - b.endOffset);
  }
}
