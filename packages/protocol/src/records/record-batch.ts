/**
 * Record batches, message format v2 (magic 2): encoding and decoding with records.
 *
 * Record layout inside a batch (after the 61-byte header, compressed as one block when the codec is not none):
 * length varint, attributes int8, timestampDelta varlong, offsetDelta varint, keyLength varint (-1 null), key,
 * valueLength varint (-1 null), value, headerCount varint, then per header keyLength varint, key (UTF-8),
 * valueLength varint (-1 null), value.
 *
 * The broker's hot paths never come here (they use batch-header.ts); this is for clients, tools, compaction
 * and format conversion. Decoding checks every length and count against the bytes left.
 */
import { ProtocolError } from '../io/protocol-error.ts';
import { Reader } from '../io/reader.ts';
import { compress, decompress, CompressionCodec } from '../compression/index.ts';
import {
  RECORD_BATCH_HEADER_BYTES,
  RECORD_BATCH_LOG_OVERHEAD,
  computeBatchCrc,
  readBatchHeader,
  type RecordBatchHeader,
} from './batch-header.ts';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface RecordInput {
  key: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeader[];
  /** Create time; defaults to the batch's base timestamp. */
  timestamp?: bigint;
  /**
   * Offset relative to the batch's base offset; defaults to the record's index. Set when rewriting a batch
   * whose records are no longer contiguous (compaction), so every record keeps its offset.
   */
  offsetDelta?: number;
}

export interface DecodedRecord {
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

export interface EncodeRecordBatchOptions {
  records: RecordInput[];
  baseOffset?: bigint;
  partitionLeaderEpoch?: number;
  compression?: number;
  compressionLevel?: number;
  /** 0 create time, 1 log-append time. */
  timestampType?: 0 | 1;
  isTransactional?: boolean;
  isControl?: boolean;
  /** Defaults to the first record's timestamp, else now. */
  baseTimestamp?: bigint;
  producerId?: bigint;
  producerEpoch?: number;
  baseSequence?: number;
  /** Defaults to the largest record offset delta; compaction keeps the original batch's. */
  lastOffsetDelta?: number;
  /** Defaults to the largest record timestamp; log-append-time batches keep the original batch's. */
  maxTimestamp?: bigint;
}

export interface DecodedRecordBatch {
  header: RecordBatchHeader;
  records: DecodedRecord[];
}

function varintSize(value: number): number {
  let raw = value >= 0 ? value * 2 : -value * 2 - 1;
  let size = 1;
  while (raw >= 0x80) {
    raw = Math.floor(raw / 128);
    size++;
  }
  return size;
}

function writeVarint(buffer: Buffer, position: number, value: number): number {
  let raw = value >= 0 ? value * 2 : -value * 2 - 1;
  while (raw >= 0x80) {
    buffer[position++] = (raw % 128) | 0x80;
    raw = Math.floor(raw / 128);
  }
  buffer[position++] = raw;
  return position;
}

interface SizedRecord {
  record: RecordInput;
  timestampDelta: number;
  headerKeys: Buffer[];
  bodySize: number;
}

/** Encodes the records section (uncompressed) of a batch. */
function encodeRecords(records: RecordInput[], baseTimestamp: bigint): Buffer {
  const sized: SizedRecord[] = records.map((record, index) => {
    const offsetDelta = record.offsetDelta ?? index;
    const timestampDelta = Number((record.timestamp ?? baseTimestamp) - baseTimestamp);
    const headerKeys = (record.headers ?? []).map((h) => Buffer.from(h.key, 'utf8'));
    let bodySize = 1 + varintSize(timestampDelta) + varintSize(offsetDelta);
    bodySize += record.key === null ? 1 : varintSize(record.key.length) + record.key.length;
    bodySize += record.value === null ? 1 : varintSize(record.value.length) + record.value.length;
    bodySize += varintSize(headerKeys.length);
    (record.headers ?? []).forEach((header, i) => {
      bodySize += varintSize(headerKeys[i]!.length) + headerKeys[i]!.length;
      bodySize += header.value === null ? 1 : varintSize(header.value.length) + header.value.length;
    });
    return { record, timestampDelta, headerKeys, bodySize };
  });
  const total = sized.reduce((sum, s) => sum + varintSize(s.bodySize) + s.bodySize, 0);
  const out = Buffer.allocUnsafe(total);
  let position = 0;
  const bytes = (value: Buffer | null) => {
    if (value === null) {
      position = writeVarint(out, position, -1);
      return;
    }
    position = writeVarint(out, position, value.length);
    value.copy(out, position);
    position += value.length;
  };
  sized.forEach(({ record, timestampDelta, headerKeys, bodySize }, index) => {
    position = writeVarint(out, position, bodySize);
    out[position++] = 0;
    position = writeVarint(out, position, timestampDelta);
    position = writeVarint(out, position, record.offsetDelta ?? index);
    bytes(record.key);
    bytes(record.value);
    position = writeVarint(out, position, headerKeys.length);
    (record.headers ?? []).forEach((header, i) => {
      bytes(headerKeys[i]!);
      bytes(header.value);
    });
  });
  return out;
}

export async function encodeRecordBatch(options: EncodeRecordBatchOptions): Promise<Buffer> {
  const { records } = options;
  if (records.length === 0) throw new ProtocolError('invalid', 'a record batch needs at least one record');
  const baseTimestamp = options.baseTimestamp ?? records[0]!.timestamp ?? BigInt(Date.now());
  const codec = options.compression ?? CompressionCodec.none;
  const plain = encodeRecords(records, baseTimestamp);
  const body =
    codec === CompressionCodec.none ? plain : await compress(codec, plain, options.compressionLevel);
  return assembleBatch(options, baseTimestamp, codec, body);
}

/** The header in front of an encoded (and possibly compressed) records section, with its CRC. */
function assembleBatch(
  options: EncodeRecordBatchOptions,
  baseTimestamp: bigint,
  codec: number,
  body: Buffer,
): Buffer {
  const { records } = options;
  const maxTimestamp =
    options.maxTimestamp ??
    records.reduce((max, r) => {
      const t = r.timestamp ?? baseTimestamp;
      return t > max ? t : max;
    }, baseTimestamp);
  const lastOffsetDelta =
    options.lastOffsetDelta ?? records.reduce((max, r, i) => Math.max(max, r.offsetDelta ?? i), 0);
  const batch = Buffer.allocUnsafe(RECORD_BATCH_HEADER_BYTES + body.length);
  const attributes =
    (codec & 0x07) |
    ((options.timestampType ?? 0) === 1 ? 0x08 : 0) |
    (options.isTransactional ? 0x10 : 0) |
    (options.isControl ? 0x20 : 0);
  batch.writeBigInt64BE(options.baseOffset ?? 0n, 0);
  batch.writeInt32BE(batch.length - RECORD_BATCH_LOG_OVERHEAD, 8);
  batch.writeInt32BE(options.partitionLeaderEpoch ?? -1, 12);
  batch.writeInt8(2, 16);
  batch.writeInt16BE(attributes, 21);
  batch.writeInt32BE(lastOffsetDelta, 23);
  batch.writeBigInt64BE(baseTimestamp, 27);
  batch.writeBigInt64BE(maxTimestamp, 35);
  batch.writeBigInt64BE(options.producerId ?? -1n, 43);
  batch.writeInt16BE(options.producerEpoch ?? -1, 51);
  batch.writeInt32BE(options.baseSequence ?? -1, 53);
  batch.writeInt32BE(records.length, 57);
  body.copy(batch, RECORD_BATCH_HEADER_BYTES);
  batch.writeUInt32BE(computeBatchCrc(batch), 17);
  return batch;
}

function readNullableBytes(reader: Reader): Buffer | null {
  const length = reader.varint();
  if (length === -1) return null;
  if (length < 0) throw new ProtocolError('invalid', `record field has negative length ${length}`);
  return reader.rawBytes(length, 'record field');
}

/** Decodes the records section (already decompressed) of a batch whose header is given. */
export function decodeRecords(header: RecordBatchHeader, section: Buffer): DecodedRecord[] {
  const reader = new Reader(section);
  if (header.recordCount < 0 || header.recordCount > section.length) {
    throw new ProtocolError(
      'invalid',
      `record count ${header.recordCount} does not fit ${section.length} bytes`,
    );
  }
  const records: DecodedRecord[] = [];
  for (let i = 0; i < header.recordCount; i++) {
    const length = reader.varint();
    if (length < 0 || length > reader.remaining) {
      throw new ProtocolError('invalid', `record ${i} declares ${length} bytes, ${reader.remaining} left`);
    }
    const record = new Reader(section, reader.offset, reader.offset + length);
    reader.offset += length;
    record.int8();
    const timestampDelta = BigInt(record.varlongNumber());
    const offsetDelta = record.varint();
    const key = readNullableBytes(record);
    const value = readNullableBytes(record);
    const headerCount = record.varint();
    if (headerCount < 0 || headerCount * 2 > record.remaining) {
      throw new ProtocolError('invalid', `record ${i} declares ${headerCount} headers`);
    }
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const headerKey = readNullableBytes(record);
      if (headerKey === null) throw new ProtocolError('invalid', 'record header key is null');
      headers.push({ key: headerKey.toString('utf8'), value: readNullableBytes(record) });
    }
    records.push({
      offset: header.baseOffset + BigInt(offsetDelta),
      // Log-append-time batches give every record the batch's max timestamp.
      timestamp: header.timestampType === 1 ? header.maxTimestamp : header.baseTimestamp + timestampDelta,
      key,
      value,
      headers,
    });
  }
  return records;
}

/** Decodes one complete batch with its records, decompressing as needed. */
export async function decodeRecordBatch(
  batch: Buffer,
  maxDecompressedBytes?: number,
): Promise<DecodedRecordBatch> {
  const header = readBatchHeader(batch, 0);
  if (header.magic !== 2)
    throw new ProtocolError('unsupported', `magic ${header.magic} is not a v2 record batch`);
  const size = header.batchLength + RECORD_BATCH_LOG_OVERHEAD;
  if (header.batchLength < RECORD_BATCH_HEADER_BYTES - RECORD_BATCH_LOG_OVERHEAD || size > batch.length) {
    throw new ProtocolError('truncated', `record batch of ${size} bytes, ${batch.length} available`);
  }
  const body = batch.subarray(RECORD_BATCH_HEADER_BYTES, size);
  const section =
    header.compression === 0 ? body : await decompress(header.compression, body, maxDecompressedBytes);
  return { header, records: decodeRecords(header, section) };
}

export interface BatchSpan {
  header: RecordBatchHeader;
  /** The complete batch bytes, a view of the input. */
  bytes: Buffer;
}

/**
 * Walks a concatenation of v2 batches (a Produce or Fetch records field). A partial batch at the end, normal
 * at the end of a Fetch response, ends the walk; `trailingBytes` says how much was left.
 */
export function splitBatches(records: Buffer): { batches: BatchSpan[]; trailingBytes: number } {
  const batches: BatchSpan[] = [];
  let position = 0;
  while (records.length - position >= RECORD_BATCH_HEADER_BYTES) {
    const header = readBatchHeader(records, position);
    const size = header.batchLength + RECORD_BATCH_LOG_OVERHEAD;
    if (header.batchLength < RECORD_BATCH_HEADER_BYTES - RECORD_BATCH_LOG_OVERHEAD) {
      throw new ProtocolError('invalid', `record batch length ${header.batchLength} is too small`);
    }
    if (position + size > records.length) break;
    batches.push({ header, bytes: records.subarray(position, position + size) });
    position += size;
  }
  return { batches, trailingBytes: records.length - position };
}

/** Transaction markers (control records): key = version int16, type int16 (0 abort, 1 commit). */
export const ControlRecordType = { ABORT: 0, COMMIT: 1 } as const;

export function encodeControlRecordKey(type: number): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(type, 2);
  return key;
}

/** Control record value: version int16, coordinatorEpoch int32. */
export function encodeControlRecordValue(coordinatorEpoch: number): Buffer {
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(coordinatorEpoch, 2);
  return value;
}

export function decodeControlRecordKey(key: Buffer): { version: number; type: number } {
  if (key.length < 4) throw new ProtocolError('invalid', 'control record key is shorter than 4 bytes');
  return { version: key.readInt16BE(0), type: key.readInt16BE(2) };
}

/** A transaction marker (Kafka's EndTransactionMarker): commit or abort, and the coordinator epoch that wrote it. */
export interface EndTxnMarker {
  commit: boolean;
  coordinatorEpoch: number;
}

/**
 * The control batch a partition leader writes to end a transaction: transactional and control, the producer's id
 * and epoch, no sequence (-1), one uncompressed record whose key is the marker type and whose value the
 * coordinator epoch. Synchronous: nothing in it is compressed.
 */
export function encodeEndTxnMarkerBatch(options: {
  producerId: bigint;
  producerEpoch: number;
  baseOffset: bigint;
  partitionLeaderEpoch: number;
  timestamp: bigint;
  marker: EndTxnMarker;
}): Buffer {
  const record: RecordInput = {
    key: encodeControlRecordKey(options.marker.commit ? ControlRecordType.COMMIT : ControlRecordType.ABORT),
    value: encodeControlRecordValue(options.marker.coordinatorEpoch),
    timestamp: options.timestamp,
  };
  const batchOptions: EncodeRecordBatchOptions = {
    records: [record],
    baseOffset: options.baseOffset,
    partitionLeaderEpoch: options.partitionLeaderEpoch,
    isTransactional: true,
    isControl: true,
    producerId: options.producerId,
    producerEpoch: options.producerEpoch,
    baseSequence: -1,
  };
  return assembleBatch(
    batchOptions,
    options.timestamp,
    CompressionCodec.none,
    encodeRecords([record], options.timestamp),
  );
}

/**
 * The transaction marker in one complete control batch, without the promise decompression needs: null when the
 * batch holds no record (a cleaner emptied it), is compressed (brokers never write markers so), or its record is
 * not a COMMIT or ABORT marker.
 */
export function decodeEndTxnMarker(batch: Buffer): EndTxnMarker | null {
  const header = readBatchHeader(batch, 0);
  if (!header.isControl || header.recordCount < 1 || header.compression !== CompressionCodec.none)
    return null;
  const size = header.batchLength + RECORD_BATCH_LOG_OVERHEAD;
  const [record] = decodeRecords(
    { ...header, recordCount: 1 },
    batch.subarray(RECORD_BATCH_HEADER_BYTES, size),
  );
  if (!record?.key || !record.value || record.value.length < 6) return null;
  const { type } = decodeControlRecordKey(record.key);
  if (type !== ControlRecordType.COMMIT && type !== ControlRecordType.ABORT) return null;
  return { commit: type === ControlRecordType.COMMIT, coordinatorEpoch: record.value.readInt32BE(2) };
}
