/**
 * What the live tail keeps of a stream, and an account of every record the server read for it. The page shows
 * the newest `capacity` records; while paused, arrivals wait (up to `capacity` more) instead of moving the list.
 * Invariants, from the last start or clear:
 *   received = shown + waiting + dropped   (each record the server sent is in the list, waiting, or dropped)
 *   read by the server = received + skipped + filteredOut
 */

export interface TailCounts {
  /** Records the server sent to this page. */
  received: number;
  /** Records in the list. */
  shown: number;
  /** Records that arrived while paused, not yet in the list. */
  waiting: number;
  /** Records pushed out of the list (or of the waiting ones) by newer ones: the buffer keeps `capacity`. */
  dropped: number;
  /** Records that matched the filters but were over the server's records-per-second cap. */
  skipped: number;
  /** Records the server read that did not match the filters. */
  filteredOut: number;
}

/** A fixed-size ring: adding to a full one overwrites the oldest item. */
class Ring<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  /** Adds `item` as the newest; true when that pushed the oldest out. */
  push(item: T): boolean {
    if (this.size < this.capacity) {
      this.items[(this.start + this.size) % this.capacity] = item;
      this.size++;
      return false;
    }
    this.items[this.start] = item;
    this.start = (this.start + 1) % this.capacity;
    return true;
  }

  newestFirst(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++)
      out[i] = this.items[(this.start + this.size - 1 - i) % this.capacity]!;
    return out;
  }

  oldestFirst(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.items[(this.start + i) % this.capacity]!;
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.size = 0;
  }
}

const NO_COUNTS = { received: 0, dropped: 0, skipped: 0, filteredOut: 0 };

export class TailBuffer<T> {
  private readonly shown: Ring<T>;
  private readonly waiting: Ring<T>;
  private counted = { ...NO_COUNTS };
  private isPaused = false;
  /** The list as last handed out, until it changes: a paused or idle tail hands out the same array. */
  private rowsCache: T[] | null = null;

  constructor(readonly capacity: number) {
    this.shown = new Ring(capacity);
    this.waiting = new Ring(capacity);
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** One event of the tail: the records it carries, and what the server skipped and filtered out. */
  receive(records: readonly T[], skipped: number, filteredOut: number): void {
    this.counted.received += records.length;
    this.counted.skipped += skipped;
    this.counted.filteredOut += filteredOut;
    const into = this.isPaused ? this.waiting : this.shown;
    for (const record of records) if (into.push(record)) this.counted.dropped++;
    if (!this.isPaused && records.length > 0) this.rowsCache = null;
  }

  pause(): void {
    this.isPaused = true;
  }

  /** Moves what waited into the list, oldest first, as if it had arrived unpaused. */
  resume(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    if (this.waiting.size === 0) return;
    for (const record of this.waiting.oldestFirst()) if (this.shown.push(record)) this.counted.dropped++;
    this.waiting.clear();
    this.rowsCache = null;
  }

  /** Empties the list and starts the counts over; a paused tail stays paused. */
  clear(): void {
    this.shown.clear();
    this.waiting.clear();
    this.counted = { ...NO_COUNTS };
    this.rowsCache = null;
  }

  counts(): TailCounts {
    return { ...this.counted, shown: this.shown.size, waiting: this.waiting.size };
  }

  /** The list, newest first. */
  rows(): T[] {
    return (this.rowsCache ??= this.shown.newestFirst());
  }
}
