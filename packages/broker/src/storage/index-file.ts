/**
 * The file behind an offset or time index: fixed-size entries appended in order, no preallocation (the file
 * size is always a whole number of entries). A torn trailing partial entry, left by a crash mid-write, is cut
 * off when the file is opened.
 *
 * The entries are read once into memory; a file descriptor is opened only to write, truncate or flush, and
 * released when the segment stops being written (Kafka's lazy indexes), so a broker with many partitions holds
 * one descriptor per closed segment rather than three.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';

export class IndexFile {
  private fd: number | null = null;
  /** The complete entries found when the file was opened. */
  readonly loaded: Buffer;

  constructor(
    private readonly path: string,
    readonly entryBytes: number,
  ) {
    // Every segment has both index files on disk, as in Kafka, even before their first entry.
    if (!existsSync(path)) closeSync(openSync(path, 'w'));
    const existing = readFileSync(path);
    const complete = existing.length - (existing.length % entryBytes);
    this.loaded = existing.subarray(0, complete);
    if (complete !== existing.length) truncateSync(path, complete);
  }

  private get descriptor(): number {
    this.fd ??= openSync(this.path, 'r+');
    return this.fd;
  }

  get loadedEntries(): number {
    return this.loaded.length / this.entryBytes;
  }

  /** Writes entry number `index` (entries are only ever appended, so index = current count). */
  write(index: number, entry: Buffer): void {
    writeSync(this.descriptor, entry, 0, this.entryBytes, index * this.entryBytes);
  }

  /** Keeps the first `entries` entries. */
  truncate(entries: number): void {
    ftruncateSync(this.descriptor, entries * this.entryBytes);
  }

  /** Nothing to flush when this process never opened the file for writing. */
  flush(): void {
    if (this.fd !== null) fdatasyncSync(this.fd);
  }

  flushInBackground(done: (error: Error | null) => void): void {
    if (this.fd === null) {
      queueMicrotask(() => done(null));
      return;
    }
    fdatasync(this.fd, (error) => done(error));
  }

  /** Closes the descriptor until the next write; the entries stay in memory. */
  release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  close(): void {
    this.release();
  }
}

/** A copy of `array` with twice the capacity (the in-memory mirror of an index grows like a vector). */
export function doubled<T extends Uint32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
  bigger.set(array);
  return bigger;
}
