/**
 * Time index of one segment: `<base offset, 20 digits>.timeindex`.
 *
 * On disk: 12-byte entries (timestamp i64 big-endian, relative offset u32 big-endian), appended beside offset
 * index entries when the segment's max timestamp so far has grown; timestamps and offsets both strictly
 * increase along the file. See IndexFile for torn entries; on an unclean start the index is rebuilt from the log.
 */
import { IndexFile, doubled } from './index-file.ts';

export const TIME_INDEX_ENTRY_BYTES = 12;
/** Kafka's RecordBatch.NO_TIMESTAMP. */
const NO_TIMESTAMP = -1;

export interface TimestampOffset {
  timestamp: number;
  offset: number;
}

export class TimeIndex {
  private timestamps: Float64Array;
  private relativeOffsets: Uint32Array;
  private count: number;
  private readonly file: IndexFile;

  constructor(
    readonly path: string,
    readonly baseOffset: number,
    readonly maxEntries: number,
  ) {
    this.file = new IndexFile(path, TIME_INDEX_ENTRY_BYTES);
    this.count = this.file.loadedEntries;
    this.timestamps = new Float64Array(Math.max(16, this.count));
    this.relativeOffsets = new Uint32Array(Math.max(16, this.count));
    for (let i = 0; i < this.count; i++) {
      this.timestamps[i] = Number(this.file.loaded.readBigInt64BE(i * TIME_INDEX_ENTRY_BYTES));
      this.relativeOffsets[i] = this.file.loaded.readUInt32BE(i * TIME_INDEX_ENTRY_BYTES + 8);
    }
  }

  get entries(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count >= this.maxEntries;
  }

  /** The newest entry, or null when empty. */
  get last(): TimestampOffset | null {
    if (this.count === 0) return null;
    return {
      timestamp: this.timestamps[this.count - 1]!,
      offset: this.baseOffset + this.relativeOffsets[this.count - 1]!,
    };
  }

  /**
   * Records that `offset` has timestamp `timestamp`, if it extends both orders. An empty index behaves as if
   * its last entry were (NO_TIMESTAMP = -1, base offset), as Kafka's does: batches without timestamps (-1, from
   * message format v0 or producers that leave it unset) are never indexed.
   */
  maybeAppend(timestamp: number, offset: number): void {
    const last = this.last;
    if (timestamp <= (last?.timestamp ?? NO_TIMESTAMP)) return;
    if (last && offset <= last.offset) return;
    if (this.count === this.timestamps.length) {
      this.timestamps = doubled(this.timestamps);
      this.relativeOffsets = doubled(this.relativeOffsets);
    }
    const relative = offset - this.baseOffset;
    this.timestamps[this.count] = timestamp;
    this.relativeOffsets[this.count] = relative;
    const entry = Buffer.allocUnsafe(TIME_INDEX_ENTRY_BYTES);
    entry.writeBigInt64BE(BigInt(timestamp), 0);
    entry.writeUInt32BE(relative, 8);
    this.file.write(this.count, entry);
    this.count++;
  }

  /** The last entry whose timestamp is below `timestamp`: a safe place to start scanning for it. */
  lookupBefore(timestamp: number): TimestampOffset | null {
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.timestamps[mid]! < timestamp) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found === -1) return null;
    return { timestamp: this.timestamps[found]!, offset: this.baseOffset + this.relativeOffsets[found]! };
  }

  /** Keeps the first `keep` entries. */
  truncateEntries(keep: number): void {
    this.count = Math.min(this.count, keep);
    this.file.truncate(this.count);
  }

  /** Drops entries for offsets at or beyond `offset`. */
  truncateFromOffset(offset: number): void {
    let keep = this.count;
    while (keep > 0 && this.baseOffset + this.relativeOffsets[keep - 1]! >= offset) keep--;
    this.truncateEntries(keep);
  }

  flush(): void {
    this.file.flush();
  }

  flushInBackground(done: (error: Error | null) => void): void {
    this.file.flushInBackground(done);
  }

  /** Gives up the file descriptor until the next write (a segment that is no longer appended to). */
  release(): void {
    this.file.release();
  }

  close(): void {
    this.file.close();
  }
}
