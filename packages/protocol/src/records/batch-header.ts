/**
 * The 61-byte header of a record batch (message format v2), read without touching the records: what the
 * broker's append and recovery paths need (offsets, timestamps, producer fields, CRC) at per-batch cost.
 *
 * Layout (big-endian): baseOffset i64 @0, batchLength i32 @8, partitionLeaderEpoch i32 @12, magic i8 @16,
 * crc u32 @17, attributes i16 @21, lastOffsetDelta i32 @23, baseTimestamp i64 @27, maxTimestamp i64 @35,
 * producerId i64 @43, producerEpoch i16 @51, baseSequence i32 @53, recordCount i32 @57, records @61.
 * The CRC-32C covers attributes to the end, so baseOffset and partitionLeaderEpoch can be rewritten in place.
 */
import { crc32c } from '@node-rs/crc32';
import { ProtocolError } from '../io/protocol-error.ts';

export const RECORD_BATCH_HEADER_BYTES = 61;
/** baseOffset + batchLength: the bytes in front of what batchLength counts. */
export const RECORD_BATCH_LOG_OVERHEAD = 12;
export const MAGIC_OFFSET = 16;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;

export const TimestampType = { CreateTime: 0, LogAppendTime: 1 } as const;

export interface RecordBatchHeader {
  baseOffset: bigint;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  /** Codec id from attribute bits 0-2: 0 none, 1 gzip, 2 snappy, 3 lz4, 4 zstd. */
  compression: number;
  timestampType: 0 | 1;
  isTransactional: boolean;
  isControl: boolean;
  hasDeleteHorizon: boolean;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

/** Reads the header at `offset`; throws ProtocolError('truncated') when fewer than 61 bytes remain. */
export function readBatchHeader(buffer: Buffer, offset = 0): RecordBatchHeader {
  if (buffer.length - offset < RECORD_BATCH_HEADER_BYTES) {
    throw new ProtocolError(
      'truncated',
      `record batch header needs 61 bytes, ${buffer.length - offset} left`,
    );
  }
  const attributes = buffer.readInt16BE(offset + ATTRIBUTES_OFFSET);
  return {
    baseOffset: buffer.readBigInt64BE(offset),
    batchLength: buffer.readInt32BE(offset + 8),
    partitionLeaderEpoch: buffer.readInt32BE(offset + 12),
    magic: buffer.readInt8(offset + MAGIC_OFFSET),
    crc: buffer.readUInt32BE(offset + CRC_OFFSET),
    attributes,
    compression: attributes & 0x07,
    timestampType: (attributes & 0x08) === 0 ? 0 : 1,
    isTransactional: (attributes & 0x10) !== 0,
    isControl: (attributes & 0x20) !== 0,
    hasDeleteHorizon: (attributes & 0x40) !== 0,
    lastOffsetDelta: buffer.readInt32BE(offset + 23),
    baseTimestamp: buffer.readBigInt64BE(offset + 27),
    maxTimestamp: buffer.readBigInt64BE(offset + 35),
    producerId: buffer.readBigInt64BE(offset + 43),
    producerEpoch: buffer.readInt16BE(offset + 51),
    baseSequence: buffer.readInt32BE(offset + 53),
    recordCount: buffer.readInt32BE(offset + 57),
  };
}

/** CRC-32C over attributes..end of one complete batch (`batch` holds exactly that batch). */
export function computeBatchCrc(batch: Buffer): number {
  return crc32c(batch.subarray(ATTRIBUTES_OFFSET));
}

/** Whether the stored CRC of one complete batch matches its content. */
export function verifyBatchCrc(batch: Buffer): boolean {
  if (batch.length < RECORD_BATCH_HEADER_BYTES) return false;
  return batch.readUInt32BE(CRC_OFFSET) === computeBatchCrc(batch);
}

/** Rewrites the stored CRC after the broker changed attributes or timestamps (LogAppendTime). */
export function rewriteBatchCrc(batch: Buffer): void {
  batch.writeUInt32BE(computeBatchCrc(batch), CRC_OFFSET);
}
