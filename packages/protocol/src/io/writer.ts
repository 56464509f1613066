import { ProtocolError } from './protocol-error.ts';

/** Byte arrays at least this large are referenced by `raw()` rather than copied into the output. */
const REFERENCE_THRESHOLD = 1024;

/**
 * Writes Kafka primitive types, big-endian, into a growing buffer.
 *
 * The output is a list of chunks: small writes go into a working buffer, while large byte arrays passed to
 * `raw()` (stored record batches, above all) are kept by reference so a Fetch response can hand log bytes
 * to the socket with `writev` and never copy them. `finish()` joins the chunks when one buffer is needed.
 */
export class Writer {
  private readonly chunks: Buffer[] = [];
  private buffer: Buffer;
  private position = 0;
  private chunkedBytes = 0;

  constructor(initialCapacity = 256) {
    this.buffer = Buffer.allocUnsafe(initialCapacity);
  }

  /** Total bytes written so far. */
  get length(): number {
    return this.chunkedBytes + this.position;
  }

  private ensure(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.position + bytes, 256));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }

  bool(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  int8(value: number): this {
    this.ensure(1);
    this.buffer.writeInt8(value, this.position);
    this.position += 1;
    return this;
  }

  int16(value: number): this {
    this.ensure(2);
    this.buffer.writeInt16BE(value, this.position);
    this.position += 2;
    return this;
  }

  uint16(value: number): this {
    this.ensure(2);
    this.buffer.writeUInt16BE(value, this.position);
    this.position += 2;
    return this;
  }

  int32(value: number): this {
    this.ensure(4);
    this.buffer.writeInt32BE(value, this.position);
    this.position += 4;
    return this;
  }

  uint32(value: number): this {
    this.ensure(4);
    this.buffer.writeUInt32BE(value, this.position);
    this.position += 4;
    return this;
  }

  int64(value: bigint): this {
    this.ensure(8);
    this.buffer.writeBigInt64BE(value, this.position);
    this.position += 8;
    return this;
  }

  float64(value: number): this {
    this.ensure(8);
    this.buffer.writeDoubleBE(value, this.position);
    this.position += 8;
    return this;
  }

  /** A uuid in Kafka's textual form (URL-safe base64, 22 characters) written as its 16 raw bytes. */
  uuid(value: string): this {
    const bytes = Buffer.from(value, 'base64url');
    if (bytes.length !== 16) throw new ProtocolError('invalid', `"${value}" is not a 16-byte uuid`);
    return this.raw(bytes);
  }

  unsignedVarint(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
      throw new ProtocolError('invalid', `${value} does not fit in an unsigned varint`);
    }
    this.ensure(5);
    while (value >= 0x80) {
      this.buffer[this.position++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.position++] = value;
    return this;
  }

  varint(value: number): this {
    return this.unsignedVarint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  varlong(value: bigint): this {
    let raw = BigInt.asUintN(64, (value << 1n) ^ (value >> 63n));
    this.ensure(10);
    while (raw >= 0x80n) {
      this.buffer[this.position++] = Number(raw & 0x7fn) | 0x80;
      raw >>= 7n;
    }
    this.buffer[this.position++] = Number(raw);
    return this;
  }

  /** A zigzag varlong from a safe integer, without going through bigint. */
  varlongNumber(value: number): this {
    if (!Number.isSafeInteger(value)) return this.varlong(BigInt(value));
    let raw = value >= 0 ? value * 2 : -value * 2 - 1;
    this.ensure(10);
    while (raw >= 0x80) {
      this.buffer[this.position++] = (raw % 128) | 0x80;
      raw = Math.floor(raw / 128);
    }
    this.buffer[this.position++] = raw;
    return this;
  }

  /** Appends bytes as they are: copied when small, referenced when large (see the class comment). */
  raw(bytes: Uint8Array): this {
    if (bytes.length >= REFERENCE_THRESHOLD) {
      this.cutChunk();
      this.chunks.push(
        Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      );
      this.chunkedBytes += bytes.length;
      return this;
    }
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
    return this;
  }

  /** Moves what the working buffer holds into the chunk list and continues in the rest of it. */
  private cutChunk(): void {
    if (this.position === 0) return;
    this.chunks.push(this.buffer.subarray(0, this.position));
    this.chunkedBytes += this.position;
    this.buffer = this.buffer.subarray(this.position);
    this.position = 0;
  }

  private utf8(value: string, byteLength: number): void {
    this.ensure(byteLength);
    this.buffer.write(value, this.position, byteLength, 'utf8');
    this.position += byteLength;
  }

  string(value: string): this {
    const byteLength = Buffer.byteLength(value, 'utf8');
    if (byteLength > 0x7fff)
      throw new ProtocolError('invalid', `string of ${byteLength} bytes exceeds int16 length`);
    this.int16(byteLength);
    this.utf8(value, byteLength);
    return this;
  }

  nullableString(value: string | null): this {
    return value === null ? this.int16(-1) : this.string(value);
  }

  compactString(value: string): this {
    const byteLength = Buffer.byteLength(value, 'utf8');
    this.unsignedVarint(byteLength + 1);
    this.utf8(value, byteLength);
    return this;
  }

  compactNullableString(value: string | null): this {
    return value === null ? this.unsignedVarint(0) : this.compactString(value);
  }

  bytes(value: Uint8Array): this {
    return this.int32(value.length).raw(value);
  }

  nullableBytes(value: Uint8Array | null): this {
    return value === null ? this.int32(-1) : this.bytes(value);
  }

  compactBytes(value: Uint8Array): this {
    return this.unsignedVarint(value.length + 1).raw(value);
  }

  compactNullableBytes(value: Uint8Array | null): this {
    return value === null ? this.unsignedVarint(0) : this.compactBytes(value);
  }

  /** A tagged field: tag, size, then the bytes `write` produces. */
  taggedField(tag: number, write: (field: Writer) => void): this {
    const field = new Writer(64);
    write(field);
    this.unsignedVarint(tag).unsignedVarint(field.length);
    for (const chunk of field.finishChunks()) this.raw(chunk);
    return this;
  }

  /** The output as chunks in order, without copying referenced byte arrays. */
  finishChunks(): Buffer[] {
    this.cutChunk();
    return this.chunks;
  }

  /** The output as one contiguous buffer. */
  finish(): Buffer {
    const chunks = this.finishChunks();
    if (chunks.length === 1) return chunks[0]!;
    return Buffer.concat(chunks, this.chunkedBytes);
  }
}

/** The all-zero uuid in Kafka's textual form: "no topic id" on the wire. */
export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';
