/**
 * The boundary between message format v2 (what the log stores) and the legacy formats v0/v1 that old clients
 * speak. Kafka 3+ stores only v2: legacy produce data is converted on the way in, and Fetch v0-3 responses are
 * converted on the way out.
 */
import { ErrorCode, MAGIC_OFFSET } from '@sluice/protocol';

export type Conversion = { records: Buffer } | { errorCode: number; errorMessage: string };

/** Passes v2 batches through untouched; legacy message sets are not accepted yet. */
export async function toRecordBatchV2(records: Buffer): Promise<Conversion> {
  const magic = records.length > MAGIC_OFFSET ? records.readInt8(MAGIC_OFFSET) : -1;
  if (magic === 2) return { records };
  return {
    errorCode: ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT,
    errorMessage: `Message format v${magic} is not accepted; produce with message format v2 (Produce v3+)`,
  };
}
