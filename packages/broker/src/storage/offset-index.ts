/**
 * Offset index of one segment: `<base offset, 20 digits>.index`.
 *
 * On disk: 8-byte entries (relative offset u32 big-endian, file position u32 big-endian), one per
 * `index.interval.bytes` of log appended, in increasing offset and position order. The file holds exactly the
 * entries written (no preallocation); see IndexFile for torn entries. The index is a hint: on an unclean start
 * it is rebuilt from the log.
 *
 * In memory: the entries are mirrored in a growable Uint32Array pair for binary search.
 */
import { IndexFile, doubled } from './index-file.ts';

export const OFFSET_INDEX_ENTRY_BYTES = 8;

export interface IndexPosition {
  offset: number;
  position: number;
}

export class OffsetIndex {
  private relativeOffsets: Uint32Array;
  private positions: Uint32Array;
  private count: number;
  private readonly file: IndexFile;

  constructor(
    readonly path: string,
    readonly baseOffset: number,
    /** Maximum entries, from segment.index.bytes; the segment rolls when the index is full. */
    readonly maxEntries: number,
  ) {
    this.file = new IndexFile(path, OFFSET_INDEX_ENTRY_BYTES);
    this.count = this.file.loadedEntries;
    this.relativeOffsets = new Uint32Array(Math.max(16, this.count));
    this.positions = new Uint32Array(Math.max(16, this.count));
    for (let i = 0; i < this.count; i++) {
      this.relativeOffsets[i] = this.file.loaded.readUInt32BE(i * OFFSET_INDEX_ENTRY_BYTES);
      this.positions[i] = this.file.loaded.readUInt32BE(i * OFFSET_INDEX_ENTRY_BYTES + 4);
    }
  }

  get entries(): number {
    return this.count;
  }

  get isFull(): boolean {
    return this.count >= this.maxEntries;
  }

  get lastOffset(): number {
    return this.count === 0 ? this.baseOffset : this.baseOffset + this.relativeOffsets[this.count - 1]!;
  }

  append(offset: number, position: number): void {
    if (this.count > 0 && offset <= this.lastOffset) return;
    if (this.count === this.relativeOffsets.length) {
      this.relativeOffsets = doubled(this.relativeOffsets);
      this.positions = doubled(this.positions);
    }
    const relative = offset - this.baseOffset;
    this.relativeOffsets[this.count] = relative;
    this.positions[this.count] = position;
    const entry = Buffer.allocUnsafe(OFFSET_INDEX_ENTRY_BYTES);
    entry.writeUInt32BE(relative, 0);
    entry.writeUInt32BE(position, 4);
    this.file.write(this.count, entry);
    this.count++;
  }

  /** The last entry at or before `offset`, or the segment start when there is none. */
  lookup(offset: number): IndexPosition {
    const target = offset - this.baseOffset;
    let low = 0;
    let high = this.count - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (this.relativeOffsets[mid]! <= target) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found === -1) return { offset: this.baseOffset, position: 0 };
    return { offset: this.baseOffset + this.relativeOffsets[found]!, position: this.positions[found]! };
  }

  /** Drops every entry at or beyond `position` in the log (after the log is truncated there). */
  truncateToPosition(position: number): void {
    let keep = this.count;
    while (keep > 0 && this.positions[keep - 1]! >= position) keep--;
    this.truncateEntries(keep);
  }

  truncateEntries(keep: number): void {
    this.count = Math.min(this.count, keep);
    this.file.truncate(this.count);
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
