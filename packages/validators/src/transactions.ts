import { z } from 'zod';
import { topicName } from './topic.ts';

/** A Kafka producer id: a non-negative 64-bit integer, exact as a JavaScript number up to 2^53. */
export const producerId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * Aborting a producer's open transaction on some of its partitions (WriteTxnMarkers with an ABORT marker at each
 * partition's leader, as kafka-transactions.sh abort does). The transactional id, when known, names it in the
 * audit log.
 */
export const abortTransactionInput = z.object({
  transactionalId: z.string().min(1).max(1000).nullable(),
  producerId,
  partitions: z
    .array(z.object({ topic: topicName, partition: z.number().int().min(0) }))
    .min(1, 'name at least one partition of the transaction'),
});
export type AbortTransactionInput = z.infer<typeof abortTransactionInput>;

/**
 * The search for hanging transactions (kafka-transactions.sh find-hanging): open transactions whose producer has
 * written nothing for longer than this (the cluster's transaction.max.timeout.ms when absent).
 */
export const findHangingInput = z
  .object({ maxTransactionTimeoutMs: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional() })
  .default({});
