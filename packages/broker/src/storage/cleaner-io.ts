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

/** Log I/O throttle (Kafka's Throttler): every so often the rate is measured and the thread sleeps it down. */
export class Throttler {
  private periodStart = performance.now();
  private observed = 0;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly checkIntervalMs = 100,
  ) {}

  async maybeThrottle(bytes: number): Promise<void> {
    if (!Number.isFinite(this.bytesPerSecond)) return;
    this.observed += bytes;
    const elapsed = performance.now() - this.periodStart;
    if (elapsed < this.checkIntervalMs && this.observed < this.bytesPerSecond * (this.checkIntervalMs / 1000))
      return;
    const needed = (this.observed / this.bytesPerSecond) * 1000;
    if (needed > elapsed) await sleep(needed - elapsed);
    this.periodStart = performance.now();
    this.observed = 0;
  }
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
export async function* batchesOf(segment: SegmentToClean, throttler: Throttler): AsyncGenerator<Buffer> {
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
