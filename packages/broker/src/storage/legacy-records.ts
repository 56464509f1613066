/**
 * The boundary between message format v2 (what the log stores) and the legacy formats v0/v1 that old clients
 * speak. Kafka 3+ stores only v2: legacy produce data is up-converted on the way in (keeping the producer's
 * codec and timestamps; v0 messages have none, -1), and Fetch v0-3 responses are down-converted on the way out
 * (transaction markers, which old clients cannot read, are dropped).
 */
import {
  ErrorCode,
  ProtocolError,
  decodeLegacyMessageSet,
  decodeRecordBatch,
  detectMagic,
  encodeLegacyMessageSet,
  encodeRecordBatch,
  splitBatches,
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
