/**
 * Legacy message sets, message formats v0 and v1 (magic 0 and 1), spoken by old clients (sarama's default
 * protocol version among them).
 *
 * Each entry: offset int64, messageSize int32, then the message: crc uint32 (CRC-32 IEEE of everything after
 * it), magic int8, attributes int8 (bits 0-2 codec, bit 3 timestamp type in v1), timestamp int64 (v1 only),
 * key bytes (int32 length, -1 null), value bytes (int32 length, -1 null).
 *
 * A compressed message is a wrapper whose value is a compressed inner message set. Inner offsets are absolute
 * in v0; in v1 they are relative (0..n-1) and the wrapper carries the absolute offset of the last inner message.
 */
import { crc32 } from '@node-rs/crc32';
import { compress, decompress } from '../compression/index.ts';
import { ProtocolError } from '../io/protocol-error.ts';

/** offset (8) + messageSize (4). */
const ENTRY_OVERHEAD = 12;
/** crc (4) + magic (1) + attributes (1) + key length (4) + value length (4). */
const MESSAGE_V0_MIN = 14;

export interface LegacyMessage {
  offset: bigint;
  magic: 0 | 1;
  /** -1 for magic 0, which has no timestamps. */
  timestamp: bigint;
  timestampType: 0 | 1;
  key: Buffer | null;
  value: Buffer | null;
}

/** The magic byte of the first entry of a record set: 0, 1 or 2 (offset 16 in every format), or -1. */
export function detectMagic(records: Buffer): number {
  return records.length > 16 ? records.readInt8(16) : -1;
}

function readBytes(data: Buffer, position: number, end: number): { value: Buffer | null; next: number } {
  if (position + 4 > end) throw new ProtocolError('truncated', 'legacy message field length is truncated');
  const length = data.readInt32BE(position);
  position += 4;
  if (length === -1) return { value: null, next: position };
  if (length < 0 || position + length > end)
    throw new ProtocolError('invalid', `legacy message field of ${length} bytes overruns the message`);
  return { value: data.subarray(position, position + length), next: position + length };
}

/**
 * Decodes a v0/v1 message set into flat messages with absolute offsets, unwrapping compressed messages.
 * A partial entry at the end (normal in fetched data) is ignored.
 */
export async function decodeLegacyMessageSet(data: Buffer, depth = 0): Promise<LegacyMessage[]> {
  const messages: LegacyMessage[] = [];
  let position = 0;
  while (data.length - position >= ENTRY_OVERHEAD) {
    const offset = data.readBigInt64BE(position);
    const size = data.readInt32BE(position + 8);
    const start = position + ENTRY_OVERHEAD;
    const end = start + size;
    if (size < MESSAGE_V0_MIN) throw new ProtocolError('invalid', `legacy message size ${size} is too small`);
    if (end > data.length) break;
    const crc = data.readUInt32BE(start);
    if (crc32(data.subarray(start + 4, end)) !== crc)
      throw new ProtocolError('corrupt', 'legacy message CRC-32 mismatch');
    const magic = data.readInt8(start + 4);
    if (magic !== 0 && magic !== 1)
      throw new ProtocolError('invalid', `unexpected magic ${magic} in a legacy message set`);
    const attributes = data.readInt8(start + 5);
    let cursor = start + 6;
    let timestamp = -1n;
    if (magic === 1) {
      if (cursor + 8 > end) throw new ProtocolError('truncated', 'legacy v1 message timestamp is truncated');
      timestamp = data.readBigInt64BE(cursor);
      cursor += 8;
    }
    const key = readBytes(data, cursor, end);
    const value = readBytes(data, key.next, end);
    const codec = attributes & 0x07;
    const timestampType = (attributes & 0x08) === 0 ? 0 : 1;
    if (codec === 0) {
      messages.push({ offset, magic, timestamp, timestampType, key: key.value, value: value.value });
    } else {
      if (depth > 0) throw new ProtocolError('invalid', 'nested compressed legacy messages');
      if (value.value === null) throw new ProtocolError('invalid', 'compressed legacy message has no value');
      const inner = await decodeLegacyMessageSet(await decompress(codec, value.value), depth + 1);
      // v1 inner offsets are relative; the wrapper's offset is that of the last inner message.
      const base = magic === 1 && inner.length > 0 ? offset - inner.at(-1)!.offset : 0n;
      for (const message of inner) {
        messages.push({
          ...message,
          offset: message.offset + base,
          timestamp: timestampType === 1 ? timestamp : message.timestamp,
          timestampType,
        });
      }
    }
    position = end;
  }
  return messages;
}

function encodeMessage(
  magic: 0 | 1,
  offset: bigint,
  attributes: number,
  timestamp: bigint,
  key: Buffer | null,
  value: Buffer | null,
): Buffer {
  const bodySize = (magic === 1 ? 8 : 0) + 2 + 4 + (key?.length ?? 0) + 4 + (value?.length ?? 0);
  const entry = Buffer.allocUnsafe(ENTRY_OVERHEAD + 4 + bodySize);
  entry.writeBigInt64BE(offset, 0);
  entry.writeInt32BE(4 + bodySize, 8);
  let position = 16;
  entry.writeInt8(magic, position++);
  entry.writeInt8(attributes, position++);
  if (magic === 1) {
    entry.writeBigInt64BE(timestamp, position);
    position += 8;
  }
  for (const field of [key, value]) {
    if (field === null) {
      entry.writeInt32BE(-1, position);
      position += 4;
    } else {
      entry.writeInt32BE(field.length, position);
      field.copy(entry, position + 4);
      position += 4 + field.length;
    }
  }
  entry.writeUInt32BE(crc32(entry.subarray(16)), 12);
  return entry;
}

export interface LegacyMessageInput {
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
}

/**
 * Encodes messages as a v0 or v1 message set (down-conversion for Fetch v0-3). With a codec, the messages are
 * wrapped in one compressed message as old clients expect.
 */
export async function encodeLegacyMessageSet(
  magic: 0 | 1,
  messages: LegacyMessageInput[],
  codec = 0,
): Promise<Buffer> {
  if (codec === 0 || messages.length === 0) {
    return Buffer.concat(
      messages.map((m) => encodeMessage(magic, m.offset, 0, magic === 1 ? m.timestamp : -1n, m.key, m.value)),
    );
  }
  const first = messages[0]!.offset;
  const inner = Buffer.concat(
    messages.map((m) =>
      encodeMessage(
        magic,
        magic === 1 ? m.offset - first : m.offset,
        0,
        magic === 1 ? m.timestamp : -1n,
        m.key,
        m.value,
      ),
    ),
  );
  const last = messages.at(-1)!;
  const maxTimestamp = messages.reduce((max, m) => (m.timestamp > max ? m.timestamp : max), -1n);
  return encodeMessage(
    magic,
    last.offset,
    codec & 0x07,
    magic === 1 ? maxTimestamp : -1n,
    null,
    await compress(codec, inner),
  );
}
