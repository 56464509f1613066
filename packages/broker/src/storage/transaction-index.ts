/**
 * The aborted transaction index of one segment: `<base offset, 20 digits>.txnindex`, Kafka's TransactionIndex.
 *
 * On disk: 34-byte entries, big-endian, one per transaction aborted by a marker in this segment, in marker order:
 * version int16 (0), producerId int64, firstOffset int64, lastOffset int64 (the ABORT marker's offset),
 * lastStableOffset int64 (the first offset of the next transaction of another producer still open when the marker
 * was written, else lastOffset + 1). Invariants:
 * - the file exists only once the segment has an aborted transaction (created on the first append);
 * - entries are sorted by lastOffset, and every lastOffset lies in the segment;
 * - it goes with its segment (deletion, truncation, the cleaner's swap); a segment recovered after an unclean
 *   shutdown gets its index rebuilt by replaying its batches (PartitionLog), so a torn entry is never trusted.
 *
 * Aborts are rare: entries are kept in memory once read, the file is opened for each append and fsync'd with the
 * segment's flush.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';

export const ABORTED_TXN_ENTRY_BYTES = 34;
const VERSION = 0;

export interface AbortedTxn {
  producerId: bigint;
  firstOffset: number;
  lastOffset: number;
  lastStableOffset: number;
}

export class TransactionIndex {
  private cached: AbortedTxn[] | null = null;
  private dirty = false;

  constructor(private path: string) {}

  /** The entries, read from the file the first time (a torn last entry is left out). */
  get entries(): readonly AbortedTxn[] {
    if (this.cached === null) this.cached = existsSync(this.path) ? this.readFile() : [];
    return this.cached;
  }

  private readFile(): AbortedTxn[] {
    const bytes = readFileSync(this.path);
    const entries: AbortedTxn[] = [];
    for (let at = 0; at + ABORTED_TXN_ENTRY_BYTES <= bytes.length; at += ABORTED_TXN_ENTRY_BYTES) {
      if (bytes.readInt16BE(at) !== VERSION) break;
      entries.push({
        producerId: bytes.readBigInt64BE(at + 2),
        firstOffset: Number(bytes.readBigInt64BE(at + 10)),
        lastOffset: Number(bytes.readBigInt64BE(at + 18)),
        lastStableOffset: Number(bytes.readBigInt64BE(at + 26)),
      });
    }
    return entries;
  }

  append(entry: AbortedTxn): void {
    const entries = this.entries as AbortedTxn[];
    const last = entries.at(-1);
    if (last && entry.lastOffset <= last.lastOffset) {
      throw new Error(
        `Aborted transaction ending at ${entry.lastOffset} does not follow the last one, ending at ${last.lastOffset}`,
      );
    }
    const bytes = Buffer.allocUnsafe(ABORTED_TXN_ENTRY_BYTES);
    bytes.writeInt16BE(VERSION, 0);
    bytes.writeBigInt64BE(entry.producerId, 2);
    bytes.writeBigInt64BE(BigInt(entry.firstOffset), 10);
    bytes.writeBigInt64BE(BigInt(entry.lastOffset), 18);
    bytes.writeBigInt64BE(BigInt(entry.lastStableOffset), 26);
    const fd = openSync(this.path, 'a');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    } finally {
      closeSync(fd);
    }
    entries.push(entry);
    this.dirty = true;
  }

  /**
   * Kafka's collectAbortedTxns: the transactions overlapping [fetchOffset, upperBoundOffset), and whether the
   * search is complete (an entry's last stable offset reaches the bound: no later segment can hold one that
   * overlaps).
   */
  collect(fetchOffset: number, upperBoundOffset: number, into: AbortedTxn[]): boolean {
    for (const entry of this.entries) {
      if (entry.lastOffset >= fetchOffset && entry.firstOffset < upperBoundOffset) into.push(entry);
      if (entry.lastStableOffset >= upperBoundOffset) return true;
    }
    return false;
  }

  /** Drops the entries whose marker is at or after `offset` (the segment is truncated there). */
  truncateTo(offset: number): void {
    const entries = this.entries;
    const keep = entries.findIndex((e) => e.lastOffset >= offset);
    if (keep < 0) return;
    this.cached = entries.slice(0, keep);
    if (keep === 0) rmSync(this.path, { force: true });
    else truncateSync(this.path, keep * ABORTED_TXN_ENTRY_BYTES);
  }

  /** Empties the index (its segment is about to be replayed into it). */
  reset(): void {
    rmSync(this.path, { force: true });
    this.cached = [];
    this.dirty = false;
  }

  /** Moves the file with its segment (the cleaner's swap); the entries stay as they are. */
  renameTo(path: string): void {
    if (existsSync(this.path)) renameSync(this.path, path);
    this.path = path;
  }

  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    if (!existsSync(this.path)) return;
    const fd = openSync(this.path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  delete(): void {
    rmSync(this.path, { force: true });
    this.cached = [];
    this.dirty = false;
  }
}
