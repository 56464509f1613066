/**
 * Splits a TCP byte stream into Kafka frames (int32 size prefix, then that many bytes).
 *
 * Chunks are kept as the socket delivered them and joined only once per frame, when the frame spans several
 * chunks; a frame inside one chunk is a view of it, not a copy. A declared size outside
 * [0, maxFrameBytes] is reported before any of it is buffered, so a lying size cannot make us allocate.
 */
const EMPTY = Buffer.alloc(0);

export class FrameReader {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the frame being assembled, or -1 while its size prefix is incomplete. */
  private frameSize = -1;

  constructor(private maxFrameBytes: number) {}

  /** Changes the size limit for frames whose size prefix has not been read yet. */
  setMaxFrameBytes(maxFrameBytes: number): void {
    this.maxFrameBytes = maxFrameBytes;
  }

  get bufferedBytes(): number {
    return this.buffered;
  }

  /**
   * Adds bytes and returns the frames now complete (without their size prefix). Throws FrameSizeError when a
   * size prefix is negative or above the limit; the caller closes the connection, as Kafka does.
   */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.frameSize === -1) {
        if (this.buffered < 4) break;
        const size = this.take(4).readInt32BE(0);
        if (size < 0 || size > this.maxFrameBytes) throw new FrameSizeError(size, this.maxFrameBytes);
        this.frameSize = size;
      }
      if (this.buffered < this.frameSize) break;
      frames.push(this.take(this.frameSize));
      this.frameSize = -1;
    }
    return frames;
  }

  /** Removes the first `length` buffered bytes: a view when they lie in one chunk, else one joined copy. */
  private take(length: number): Buffer {
    if (length === 0) return EMPTY;
    this.buffered -= length;
    const first = this.chunks[0]!;
    if (first.length >= length) {
      if (first.length === length) this.chunks.shift();
      else this.chunks[0] = first.subarray(length);
      return first.subarray(0, length);
    }
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    while (filled < length) {
      const chunk = this.chunks[0]!;
      const wanted = Math.min(chunk.length, length - filled);
      chunk.copy(out, filled, 0, wanted);
      filled += wanted;
      if (wanted === chunk.length) this.chunks.shift();
      else this.chunks[0] = chunk.subarray(wanted);
    }
    return out;
  }
}

export class FrameSizeError extends Error {
  override readonly name = 'FrameSizeError';

  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(
      size < 0
        ? `Invalid receive (size = ${size})`
        : `Invalid receive (size = ${size} larger than socket.request.max.bytes ${limit})`,
    );
  }
}
