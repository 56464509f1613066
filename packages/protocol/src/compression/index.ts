/**
 * Kafka's record compression codecs through native packages: gzip (node:zlib), snappy (napi-rs), LZ4 frames
 * (lz4-napi) and zstd (@mongodb-js/zstd).
 *
 * Decompression is bounded by `maxOutputBytes` so a small "zip bomb" batch cannot exhaust memory:
 * - gzip: zlib's maxOutputLength stops inflation at the limit;
 * - snappy: the uncompressed length is a varint at the start of each raw block, checked before decoding;
 * - LZ4 frame and zstd: the content size in the frame header is checked when present; the output is checked
 *   after decoding otherwise (both codecs cap their expansion ratio at about 255:1 for LZ4 and the frame's
 *   window for zstd, so the transient allocation stays proportional to the input).
 */
import { promisify } from 'node:util';
import { gunzip, gzip, constants as zlibConstants } from 'node:zlib';
import * as zstd from '@mongodb-js/zstd';
import * as lz4 from 'lz4-napi';
import * as snappy from 'snappy';
import { ProtocolError } from '../io/protocol-error.ts';

export const CompressionCodec = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 } as const;
export type CompressionCodecId = (typeof CompressionCodec)[keyof typeof CompressionCodec];
export type CompressionCodecName = keyof typeof CompressionCodec;

/** Default bound on one batch's decompressed size (Kafka has none; a broker must have one). */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** xerial/snappy-java stream header: magic, then version and compatible version (int32 each). */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_BYTES = 16;
const XERIAL_CHUNK_BYTES = 32 * 1024;

export function codecName(codec: number): CompressionCodecName {
  const name = (Object.keys(CompressionCodec) as CompressionCodecName[]).find(
    (n) => CompressionCodec[n] === codec,
  );
  if (!name) throw new ProtocolError('unsupported', `unknown compression codec ${codec}`);
  return name;
}

export async function compress(codec: number, data: Buffer, level?: number): Promise<Buffer> {
  switch (codec) {
    case CompressionCodec.none:
      return data;
    case CompressionCodec.gzip:
      return gzipAsync(data, level !== undefined && level >= 0 ? { level } : {});
    case CompressionCodec.snappy:
      return xerialCompress(data);
    case CompressionCodec.lz4:
      return lz4.compressFrame(data);
    case CompressionCodec.zstd:
      return Buffer.from(await zstd.compress(data, level ?? 3));
    default:
      throw new ProtocolError('unsupported', `unknown compression codec ${codec}`);
  }
}

export async function decompress(
  codec: number,
  data: Buffer,
  maxOutputBytes = DEFAULT_MAX_DECOMPRESSED_BYTES,
): Promise<Buffer> {
  let output: Buffer;
  try {
    switch (codec) {
      case CompressionCodec.none:
        return data;
      case CompressionCodec.gzip:
        output = await gunzipAsync(data, {
          maxOutputLength: maxOutputBytes,
          finishFlush: zlibConstants.Z_SYNC_FLUSH,
        });
        break;
      case CompressionCodec.snappy:
        output = snappyDecompress(data, maxOutputBytes);
        break;
      case CompressionCodec.lz4:
        checkDeclaredSize(lz4ContentSize(data), maxOutputBytes, 'lz4');
        output = await lz4.decompressFrame(data);
        break;
      case CompressionCodec.zstd:
        checkDeclaredSize(zstdContentSize(data), maxOutputBytes, 'zstd');
        output = Buffer.from(await zstd.decompress(data));
        break;
      default:
        throw new ProtocolError('unsupported', `unknown compression codec ${codec}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/maxOutputLength|buffer length/i.test(message)) {
      throw new ProtocolError('invalid', `${codecName(codec)} data expands beyond ${maxOutputBytes} bytes`);
    }
    throw new ProtocolError('corrupt', `${codecName(codec)} data cannot be decompressed: ${message}`);
  }
  if (output.length > maxOutputBytes) {
    throw new ProtocolError('invalid', `${codecName(codec)} data expands beyond ${maxOutputBytes} bytes`);
  }
  return output;
}

function checkDeclaredSize(size: number | null, limit: number, codec: string): void {
  if (size !== null && size > limit) {
    throw new ProtocolError(
      'invalid',
      `${codec} frame declares ${size} bytes, beyond the ${limit}-byte limit`,
    );
  }
}

/** Content size from an LZ4 frame header (FLG bit 3), or null when the frame does not declare it. */
function lz4ContentSize(data: Buffer): number | null {
  if (data.length < 15 || data.readUInt32LE(0) !== 0x184d2204) return null;
  const flags = data[4]!;
  if ((flags & 0x08) === 0) return null;
  return Number(data.readBigUInt64LE(6));
}

/** Frame_Content_Size from a zstd frame header, or null when absent. */
function zstdContentSize(data: Buffer): number | null {
  if (data.length < 6 || data.readUInt32LE(0) !== 0xfd2fb528) return null;
  const descriptor = data[4]!;
  const sizeFlag = descriptor >> 6;
  const singleSegment = (descriptor & 0x20) !== 0;
  const dictionaryBytes = [0, 1, 2, 4][descriptor & 0x03]!;
  const position = 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
  const sizeBytes = [singleSegment ? 1 : 0, 2, 4, 8][sizeFlag]!;
  if (sizeBytes === 0 || data.length < position + sizeBytes) return null;
  switch (sizeBytes) {
    case 1:
      return data[position]!;
    case 2:
      return data.readUInt16LE(position) + 256;
    case 4:
      return data.readUInt32LE(position);
    default:
      return Number(data.readBigUInt64LE(position));
  }
}

/** The uncompressed length a raw snappy block declares (a little-endian base-128 varint). */
function snappyDeclaredLength(block: Buffer): number {
  let value = 0;
  for (let i = 0, shift = 0; i < Math.min(block.length, 5); i++, shift += 7) {
    const byte = block[i]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return value;
  }
  throw new ProtocolError('corrupt', 'snappy block has no valid length preamble');
}

function snappyDecompress(data: Buffer, maxOutputBytes: number): Buffer {
  if (data.length < XERIAL_HEADER_BYTES || !data.subarray(0, 8).equals(XERIAL_MAGIC)) {
    checkDeclaredSize(snappyDeclaredLength(data), maxOutputBytes, 'snappy');
    return snappy.uncompressSync(data) as Buffer;
  }
  // xerial framing: header, then big-endian int32 length-prefixed raw snappy chunks.
  const chunks: Buffer[] = [];
  let total = 0;
  let position = XERIAL_HEADER_BYTES;
  while (position < data.length) {
    if (position + 4 > data.length)
      throw new ProtocolError('corrupt', 'truncated xerial snappy chunk length');
    const length = data.readInt32BE(position);
    position += 4;
    if (length < 0 || position + length > data.length) {
      throw new ProtocolError('corrupt', 'xerial snappy chunk overruns its data');
    }
    const block = data.subarray(position, position + length);
    total += snappyDeclaredLength(block);
    checkDeclaredSize(total, maxOutputBytes, 'snappy');
    chunks.push(snappy.uncompressSync(block) as Buffer);
    position += length;
  }
  return Buffer.concat(chunks, total);
}

/** Snappy in the xerial/snappy-java framing, as Kafka's Java client writes it. */
function xerialCompress(data: Buffer): Buffer {
  const header = Buffer.alloc(XERIAL_HEADER_BYTES);
  XERIAL_MAGIC.copy(header, 0);
  header.writeInt32BE(1, 8);
  header.writeInt32BE(1, 12);
  const parts: Buffer[] = [header];
  for (let position = 0; position < data.length; position += XERIAL_CHUNK_BYTES) {
    const block = snappy.compressSync(data.subarray(position, position + XERIAL_CHUNK_BYTES)) as Buffer;
    const length = Buffer.alloc(4);
    length.writeInt32BE(block.length);
    parts.push(length, block);
  }
  return Buffer.concat(parts);
}
