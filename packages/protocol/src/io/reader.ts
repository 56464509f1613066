import { ProtocolError } from './protocol-error.ts';

/**
 * Reads Kafka primitive types from a buffer, big-endian, advancing an offset.
 *
 * Invariants, relied on by every generated decoder:
 * - every read checks the bytes left first and throws ProtocolError('truncated') instead of a RangeError;
 * - no allocation is sized by an untrusted length before that length is checked against the bytes left,
 *   so a frame can never make the decoder allocate more than the frame holds;
 * - bytes and records fields are returned as views (subarray) of the input, never copied.
 */
export class Reader {
  offset: number;
  readonly end: number;

  constructor(
    readonly buffer: Buffer,
    offset = 0,
    end = buffer.length,
  ) {
    this.offset = offset;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(bytes: number, what: string): void {
    if (this.end - this.offset < bytes) {
      throw new ProtocolError(
        'truncated',
        `${what} needs ${bytes} bytes at offset ${this.offset}, ${this.end - this.offset} left`,
      );
    }
  }

  /** Checks that `count` items of at least `minItemSize` bytes each can still fit, before allocating for them. */
  private checkCount(count: number, minItemSize: number, what: string): void {
    if (count * minItemSize > this.end - this.offset) {
      throw new ProtocolError(
        'invalid',
        `${what} declares ${count} items but only ${this.end - this.offset} bytes are left`,
      );
    }
  }

  bool(): boolean {
    this.need(1, 'bool');
    return this.buffer[this.offset++] !== 0;
  }

  int8(): number {
    this.need(1, 'int8');
    return this.buffer.readInt8(this.offset++);
  }

  int16(): number {
    this.need(2, 'int16');
    const value = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  uint16(): number {
    this.need(2, 'uint16');
    const value = this.buffer.readUInt16BE(this.offset);
    this.offset += 2;
    return value;
  }

  int32(): number {
    this.need(4, 'int32');
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  uint32(): number {
    this.need(4, 'uint32');
    const value = this.buffer.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  int64(): bigint {
    this.need(8, 'int64');
    const value = this.buffer.readBigInt64BE(this.offset);
    this.offset += 8;
    return value;
  }

  float64(): number {
    this.need(8, 'float64');
    const value = this.buffer.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }

  /** 16 raw bytes, returned in Kafka's textual form (URL-safe base64 without padding, 22 characters). */
  uuid(): string {
    this.need(16, 'uuid');
    const value = this.buffer.toString('base64url', this.offset, this.offset + 16);
    this.offset += 16;
    return value;
  }

  /** Protobuf-style base-128 unsigned varint of at most 32 bits. */
  unsignedVarint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      this.need(1, 'varint');
      const byte = this.buffer[this.offset++]!;
      if (shift === 28 && byte > 0x0f) {
        throw new ProtocolError('invalid', `varint at offset ${this.offset - 1} overflows 32 bits`);
      }
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    throw new ProtocolError('invalid', `varint at offset ${this.offset} is longer than 5 bytes`);
  }

  /** Zigzag-encoded signed 32-bit varint. */
  varint(): number {
    const raw = this.unsignedVarint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }

  /** Zigzag-encoded signed 64-bit varint. */
  varlong(): bigint {
    let raw = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      this.need(1, 'varlong');
      const byte = this.buffer[this.offset++]!;
      if (shift === 63n && byte > 1) {
        throw new ProtocolError('invalid', `varlong at offset ${this.offset - 1} overflows 64 bits`);
      }
      raw |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return (raw >> 1n) ^ -(raw & 1n);
    }
    throw new ProtocolError('invalid', `varlong at offset ${this.offset} is longer than 10 bytes`);
  }

  /**
   * A zigzag varlong known to fit in a double without loss (record timestamp and offset deltas in practice).
   * Faster than varlong() because it stays in number arithmetic; falls back to it beyond 2^53.
   */
  varlongNumber(): number {
    const start = this.offset;
    let raw = 0;
    for (let shift = 0; shift < 49; shift += 7) {
      this.need(1, 'varlong');
      const byte = this.buffer[this.offset++]!;
      raw += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
    }
    this.offset = start;
    const big = this.varlong();
    if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ProtocolError('invalid', `varlong at offset ${start} does not fit in a safe integer`);
    }
    return Number(big);
  }

  /** Reads `length` bytes as a view of the input. */
  rawBytes(length: number, what = 'bytes'): Buffer {
    this.need(length, what);
    const value = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  private utf8(length: number): string {
    this.need(length, 'string');
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  private lengthOrNull(length: number, what: string): number | null {
    if (length === -1) return null;
    if (length < 0) throw new ProtocolError('invalid', `${what} has negative length ${length}`);
    return length;
  }

  string(): string {
    const value = this.nullableString();
    if (value === null) throw new ProtocolError('invalid', 'non-nullable string is null');
    return value;
  }

  nullableString(): string | null {
    const length = this.lengthOrNull(this.int16(), 'string');
    return length === null ? null : this.utf8(length);
  }

  compactString(): string {
    const value = this.compactNullableString();
    if (value === null) throw new ProtocolError('invalid', 'non-nullable compact string is null');
    return value;
  }

  compactNullableString(): string | null {
    const length = this.unsignedVarint() - 1;
    return length === -1 ? null : this.utf8(length);
  }

  bytes(): Buffer {
    const value = this.nullableBytes();
    if (value === null) throw new ProtocolError('invalid', 'non-nullable bytes are null');
    return value;
  }

  nullableBytes(): Buffer | null {
    const length = this.lengthOrNull(this.int32(), 'bytes');
    return length === null ? null : this.rawBytes(length);
  }

  compactBytes(): Buffer {
    const value = this.compactNullableBytes();
    if (value === null) throw new ProtocolError('invalid', 'non-nullable compact bytes are null');
    return value;
  }

  compactNullableBytes(): Buffer | null {
    const length = this.unsignedVarint() - 1;
    return length === -1 ? null : this.rawBytes(length);
  }

  /**
   * An array count (int32, -1 = null), checked so that `count` items of `minItemSize` bytes fit in what is left.
   * Callers pass the smallest encoded size an item can have (0 is never passed: empty items are bounded by 1).
   */
  arrayLength(minItemSize = 1): number | null {
    const count = this.lengthOrNull(this.int32(), 'array');
    if (count !== null) this.checkCount(count, minItemSize, 'array');
    return count;
  }

  compactArrayLength(minItemSize = 1): number | null {
    const count = this.unsignedVarint() - 1;
    if (count !== -1) this.checkCount(count, minItemSize, 'compact array');
    return count === -1 ? null : count;
  }

  /**
   * Reads a tagged-field section. `onTag` is called with a reader bounded to each field's bytes and returns
   * whether it knew the tag; unknown tags are skipped, as the protocol requires.
   */
  taggedFields(onTag?: (tag: number, field: Reader) => boolean): void {
    const count = this.unsignedVarint();
    this.checkCount(count, 2, 'tagged fields');
    for (let i = 0; i < count; i++) {
      const tag = this.unsignedVarint();
      const size = this.unsignedVarint();
      this.need(size, `tagged field ${tag}`);
      const fieldEnd = this.offset + size;
      if (onTag) {
        const field = new Reader(this.buffer, this.offset, fieldEnd);
        onTag(tag, field);
      }
      this.offset = fieldEnd;
    }
  }
}
