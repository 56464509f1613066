/**
 * The log cleaner's status of one partition as a Sluice broker serves it on its HTTP listener
 * (GET /v1/cleaner, sluice.http.port): the fields of the broker's PartitionCleanerStatus
 * (packages/broker/src/storage/cleaner-status.ts, documented there) that the API, the console and the CLI show.
 * The endpoint is unauthenticated and found through a broker's own config, so what it answers is validated
 * before it is shown; fields a newer broker adds are dropped, a field missing or of another type rejects the
 * whole answer.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
/** Epoch milliseconds on the broker's clock. */
const epochMs = z.number().int();

export const CLEANING_ELIGIBILITIES = [
  'not-compacted',
  'clean',
  'dirty-ratio',
  'max-compaction-lag',
  'below-ratio',
  'uncleanable',
] as const;

export const cleaningPassSchema = z.object({
  startedAt: epochMs,
  durationMs: count,
  segmentsCleaned: count,
  bytesBefore: count,
  bytesAfter: count,
  recordsRemoved: count,
  cleanedUpTo: z.number().int(),
});

export const partitionCleanerStatusSchema = z.object({
  topic: z.string().min(1).max(249),
  partition: z.number().int().nonnegative(),
  cleanupPolicy: z.string(),
  cleanableBytes: count,
  closedBytes: count,
  dirtyRatio: z.number().min(0).max(1),
  firstDirtyOffset: z.number().int(),
  minCleanableDirtyRatio: z.number().min(0).max(1),
  eligibility: z.enum(CLEANING_ELIGIBILITIES),
  dueByMaxLagAt: epochMs.nullable(),
  cleaning: z.boolean(),
  lastPass: cleaningPassSchema.nullable(),
  passes: count,
  /** Bytes before minus after over the passes: a pass that rewrites batches may in principle grow them. */
  bytesRemoved: z.number().int(),
  recordsRemoved: count,
  uncleanableReason: z.string().nullable(),
});

/** GET /v1/cleaner's body: one entry per partition with a log on the broker. */
export const brokerCleanerStatusSchema = z.array(partitionCleanerStatusSchema);

export type PartitionCleanerStatus = z.infer<typeof partitionCleanerStatusSchema>;
