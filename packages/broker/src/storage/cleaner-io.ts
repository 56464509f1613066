/**
 * How the log cleaner reads segments (Kafka's LogCleaner reads through its own buffers, throttled): each closed
 * segment through a read-only descriptor of the cleaner's own, batch by batch, every batch's length and CRC
 * checked, at most log.cleaner.io.max.bytes.per.second on average (Kafka's Throttler).
 */
import { readSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyBatchCrc } from '@sluice/protocol';
import { BATCH_HEADER_BYTES, LOG_OVERHEAD } from './log-segment.ts';

/** Thrown for a batch that fails its CRC or overruns its segment: the partition is marked uncleanable. */
export class CorruptSegmentError extends Error {
  override name = 'CorruptSegmentError';
}

/**
 * A closed segment as the cleaner reads it, through its own read-only descriptor: a segment is never appended to
 * once closed, and only the cleaner's own swap replaces it, so what it holds up to `size` does not change while a
 * pass reads it (retention may unlink it meanwhile; the open descriptor still reads it).
 */
export interface SegmentToClean {
  fd: number;
  baseOffset: number;
  size: number;
  /** The offset after the segment: the next segment's base offset. */
  end: number;
}

/** Where a CleanerThrottle keeps its state: a lock word, then the rate, the period's start and its bytes. */
const LOCK = 0;
const RATE = 1;
const PERIOD_START = 2;
const OBSERVED = 3;

/**
 * The log cleaner's I/O throttle (Kafka's Throttler, one for all cleaner threads): log.cleaner.io.max.bytes.per.second
 * bounds the reads and writes of every cleaner thread together. Its state lives in a SharedArrayBuffer that each
 * task carries to its thread (postMessage shares it, never copies it), so the threads count their bytes in one
 * period, and a changed rate (a dynamic config) applies to passes already running. The state is guarded by a
 * spin lock held only for a few arithmetic operations, never across a sleep.
 */
export class CleanerThrottle {
  private readonly lock: Int32Array;
  private readonly state: Float64Array;

  private constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly checkIntervalMs: number,
  ) {
    this.lock = new Int32Array(buffer, 0, 2);
    this.state = new Float64Array(buffer, 0, 4);
  }

  /** A new throttle at `bytesPerSecond` (Infinity: none). */
  static create(bytesPerSecond: number, checkIntervalMs = 100): CleanerThrottle {
    const throttle = new CleanerThrottle(new SharedArrayBuffer(4 * 8), checkIntervalMs);
    throttle.state[PERIOD_START] = wallClockMs();
    throttle.setRate(bytesPerSecond);
    return throttle;
  }

  /** The throttle whose state `buffer` holds (on a cleaner thread). */
  static attach(buffer: SharedArrayBuffer, checkIntervalMs = 100): CleanerThrottle {
    return new CleanerThrottle(buffer, checkIntervalMs);
  }

  get rate(): number {
    return this.state[RATE]!;
  }

  setRate(bytesPerSecond: number): void {
    this.state[RATE] = bytesPerSecond > 0 ? bytesPerSecond : Infinity;
  }

  /**
   * Counts `bytes` of I/O and, once a check interval has passed or a period's worth of bytes was done, sleeps
   * for as long as the period's bytes should have taken at the rate (Kafka's Throttler.maybeThrottle). The next
   * period starts when that sleep ends, so bytes other threads do meanwhile count towards a sleep of their own.
   */
  async maybeThrottle(bytes: number): Promise<void> {
    const rate = this.state[RATE]!;
    if (!Number.isFinite(rate)) return;
    let sleepMs = 0;
    this.acquire();
    try {
      const observed = (this.state[OBSERVED]! += bytes);
      const now = wallClockMs();
      const elapsed = now - this.state[PERIOD_START]!;
      if (elapsed >= this.checkIntervalMs || observed >= rate * (this.checkIntervalMs / 1000)) {
        sleepMs = Math.max(0, (observed / rate) * 1000 - elapsed);
        this.state[PERIOD_START] = now + sleepMs;
        this.state[OBSERVED] = 0;
      }
    } finally {
      Atomics.store(this.lock, LOCK, 0);
    }
    if (sleepMs > 0) await sleep(sleepMs);
  }

  private acquire(): void {
    while (Atomics.compareExchange(this.lock, LOCK, 0, 1) !== 0) {
      // Another thread holds the lock for a few instructions; spin.
    }
  }
}

/** Milliseconds on a clock every thread shares (performance.now() counts from each thread's own start). */
function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

function readExactly(segment: SegmentToClean, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(segment.fd, out, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  if (done < length)
    throw new CorruptSegmentError(
      `segment ${segment.baseOffset} ends at ${position + done} bytes, ${segment.size} expected`,
    );
  return out;
}

/** The segment's batches, each checked: a closed segment was recovered, so a bad batch means corruption. */
export async function* batchesOf(
  segment: SegmentToClean,
  throttler: CleanerThrottle,
): AsyncGenerator<Buffer> {
  let position = 0;
  while (position < segment.size) {
    const corrupt = (why: string) =>
      new CorruptSegmentError(
        `corrupt batch at position ${position} of segment ${segment.baseOffset}: ${why}`,
      );
    if (position + BATCH_HEADER_BYTES > segment.size)
      throw corrupt(`${segment.size - position} trailing bytes after the last batch`);
    const size = readExactly(segment, position, LOG_OVERHEAD).readInt32BE(8) + LOG_OVERHEAD;
    if (size < BATCH_HEADER_BYTES || position + size > segment.size)
      throw corrupt(`length ${size} overruns the segment's ${segment.size} bytes`);
    const bytes = readExactly(segment, position, size);
    if (!verifyBatchCrc(bytes)) throw corrupt('CRC mismatch');
    await throttler.maybeThrottle(size);
    yield bytes;
    position += size;
  }
}
