/**
 * Conversions of record data on its way into or out of the log.
 *
 * Topic compression: when a topic's compression.type is not "producer", batches are re-encoded with that codec
 * (producer id, epoch, sequences, timestamps and flags kept), as Kafka does.
 *
 * Message formats: the log stores v2; old clients speak the legacy formats v0/v1. Kafka 3+ stores only v2: legacy produce data is up-converted on the way in (keeping the producer's
 * codec and timestamps; v0 messages have none, -1), and Fetch v0-3 responses are down-converted on the way out
 * (transaction markers, which old clients cannot read, are dropped).
 */
import {
  CompressionCodec,
  ErrorCode,
  ProtocolError,
  decodeLegacyMessageSet,
  decodeRecordBatch,
  detectMagic,
  encodeLegacyMessageSet,
  encodeRecordBatch,
  splitBatches,
  verifyBatchCrc,
} from '@sluice/protocol';

export type Conversion = { records: Buffer } | { errorCode: number; errorMessage: string };

/** Passes v2 batches through untouched; converts a v0/v1 message set into one v2 batch. */
export async function toRecordBatchV2(records: Buffer): Promise<Conversion> {
  const magic = detectMagic(records);
  if (magic === 2) return { records };
  if (magic !== 0 && magic !== 1) {
    return { errorCode: ErrorCode.CORRUPT_MESSAGE, errorMessage: `Unknown message format (magic ${magic})` };
  }
  try {
    const messages = await decodeLegacyMessageSet(records);
    if (messages.length === 0) {
      return { errorCode: ErrorCode.CORRUPT_MESSAGE, errorMessage: 'Message set holds no complete message' };
    }
    // The wrapper's codec (attribute bits of the first entry) is the producer's choice; keep it.
    const codec = records.readInt8(17) & 0x07;
    const batch = await encodeRecordBatch({
      records: messages.map((m) => ({ key: m.key, value: m.value, timestamp: m.timestamp })),
      compression: codec,
      baseTimestamp: messages[0]!.timestamp,
    });
    return { records: batch };
  } catch (error) {
    if (error instanceof ProtocolError) {
      return { errorCode: ErrorCode.CORRUPT_MESSAGE, errorMessage: `Invalid message set: ${error.message}` };
    }
    throw error;
  }
}

/** Re-encodes stored v2 batches as a v0 (Fetch v0-1) or v1 (Fetch v2-3) message set; a trailing partial batch is dropped. */
export async function toLegacyMessageSet(records: Buffer, magic: 0 | 1): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const { header, bytes } of splitBatches(records).batches) {
    if (header.isControl) continue;
    const { records: decoded } = await decodeRecordBatch(bytes);
    parts.push(await encodeLegacyMessageSet(magic, decoded, header.compression));
  }
  return Buffer.concat(parts);
}

const TOPIC_CODECS: Record<string, number> = {
  uncompressed: CompressionCodec.none,
  gzip: CompressionCodec.gzip,
  snappy: CompressionCodec.snappy,
  lz4: CompressionCodec.lz4,
  zstd: CompressionCodec.zstd,
};

/** Re-encodes every batch whose codec differs from the topic's compression.type; "producer" keeps them. */
export async function toTopicCompression(records: Buffer, compressionType: string): Promise<Buffer> {
  const target = TOPIC_CODECS[compressionType];
  if (target === undefined) return records;
  const { batches } = splitBatches(records);
  if (batches.every(({ header }) => header.compression === target)) return records;
  const converted: Buffer[] = [];
  for (const { header, bytes } of batches) {
    // Re-encoding gives a fresh CRC, so a corrupt batch must be caught before it could be laundered.
    if (!verifyBatchCrc(bytes)) throw new ProtocolError('corrupt', 'record batch CRC-32C mismatch');
    if (header.compression === target) {
      converted.push(bytes);
      continue;
    }
    const { records: decoded } = await decodeRecordBatch(bytes);
    converted.push(
      await encodeRecordBatch({
        records: decoded.map((r) => ({
          key: r.key,
          value: r.value,
          headers: r.headers,
          timestamp: r.timestamp,
        })),
        compression: target,
        timestampType: header.timestampType,
        isTransactional: header.isTransactional,
        baseTimestamp: header.baseTimestamp,
        producerId: header.producerId,
        producerEpoch: header.producerEpoch,
        baseSequence: header.baseSequence,
      }),
    );
  }
  return Buffer.concat(converted);
}

/** A record the log refuses, by its index within its batch (Kafka's ProduceResponse RecordError). */
export interface RejectedRecord {
  batchIndex: number;
  message: string;
}

/**
 * Kafka's LogValidator rule for topics whose cleanup.policy includes "compact": every record needs a key, since
 * compaction keeps the latest record per key. Returns the records without one (empty when all have keys).
 * This decodes each record, so it runs only for compacted topics, as Kafka's check does. Batches that fail to
 * decode are left to the log's own checks, which refuse them with CORRUPT_MESSAGE.
 */
export async function keylessRecords(batches: Buffer, topicPartition: string): Promise<RejectedRecord[]> {
  const rejected: RejectedRecord[] = [];
  for (const { header, bytes } of splitBatches(batches).batches) {
    if (header.magic !== 2 || header.isControl) continue;
    let records;
    try {
      ({ records } = await decodeRecordBatch(bytes));
    } catch (error) {
      if (error instanceof ProtocolError) continue;
      throw error;
    }
    records.forEach((record, batchIndex) => {
      if (record.key === null)
        rejected.push({
          batchIndex,
          message: `Compacted topic cannot accept message without key in topic partition ${topicPartition}.`,
        });
    });
  }
  return rejected;
}
