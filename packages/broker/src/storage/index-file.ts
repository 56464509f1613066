/**
 * The file behind an offset or time index: fixed-size entries appended in order, no preallocation (the file
 * size is always a whole number of entries). A torn trailing partial entry, left by a crash mid-write, is cut
 * off when the file is opened.
 */
import {
  closeSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs';

export class IndexFile {
  private readonly fd: number;
  /** The complete entries found when the file was opened. */
  readonly loaded: Buffer;

  constructor(
    path: string,
    readonly entryBytes: number,
  ) {
    const existing = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const complete = existing.length - (existing.length % entryBytes);
    this.loaded = existing.subarray(0, complete);
    this.fd = openSync(path, existing.length > 0 ? 'r+' : 'w+');
    if (complete !== existing.length) ftruncateSync(this.fd, complete);
  }

  get loadedEntries(): number {
    return this.loaded.length / this.entryBytes;
  }

  /** Writes entry number `index` (entries are only ever appended, so index = current count). */
  write(index: number, entry: Buffer): void {
    writeSync(this.fd, entry, 0, this.entryBytes, index * this.entryBytes);
  }

  /** Keeps the first `entries` entries. */
  truncate(entries: number): void {
    ftruncateSync(this.fd, entries * this.entryBytes);
  }

  flush(): void {
    fdatasyncSync(this.fd);
  }

  flushInBackground(done: (error: Error | null) => void): void {
    fdatasync(this.fd, (error) => done(error));
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A copy of `array` with twice the capacity (the in-memory mirror of an index grows like a vector). */
export function doubled<T extends Uint32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
  bigger.set(array);
  return bigger;
}
