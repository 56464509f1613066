/**
 * An offset reset for a consumer group, as kafka-consumer-groups.sh --reset-offsets describes one: which
 * partitions (--topic T, --topic T:0,2 or --all-topics) and where to (--to-earliest, --to-latest, --to-current,
 * --to-offset N, --shift-by N, --to-datetime, --by-duration). The CLI, the API and the console form all
 * validate with this schema.
 */
import { z } from 'zod';
import { topicName } from './topic.ts';

const partitionIndex = z.number().int().min(0);
const int64 = z
  .bigint()
  .min(-(2n ** 63n))
  .max(2n ** 63n - 1n);

export const offsetResetTarget = z.discriminatedUnion('to', [
  z.object({ to: z.literal('earliest') }),
  z.object({ to: z.literal('latest') }),
  z.object({ to: z.literal('current') }),
  z.object({ to: z.literal('offset'), offset: int64.min(0n, 'an offset cannot be negative') }),
  z.object({ to: z.literal('shift-by'), shift: int64 }),
  /** Epoch milliseconds: the first offset whose record timestamp is at or after it. */
  z.object({ to: z.literal('datetime'), timestamp: z.number().int().min(0) }),
  /** The first offset at or after now minus this many milliseconds. */
  z.object({ to: z.literal('duration'), durationMs: z.number().int().min(0) }),
]);

export const offsetResetInput = z.object({
  groupId: z.string().min(1, 'a group id cannot be empty'),
  /** The group's committed topics when 'all'; each listed topic's partitions (all when omitted) otherwise. */
  scope: z.union([
    z.literal('all-topics'),
    z
      .array(z.object({ topic: topicName, partitions: z.array(partitionIndex).min(1).optional() }))
      .min(1, 'name at least one topic'),
  ]),
  target: offsetResetTarget,
});

export type OffsetResetTarget = z.infer<typeof offsetResetTarget>;
export type OffsetResetInput = z.infer<typeof offsetResetInput>;

/** Parses a Kafka-style --by-duration value (ISO-8601, e.g. PT1H30M or P1DT2H) into milliseconds. */
export function parseIsoDuration(text: string): number | null {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(text.trim());
  if (!match || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return null;
  const [, days, hours, minutes, seconds] = match;
  return Math.round(
    (Number(days ?? 0) * 86_400 +
      Number(hours ?? 0) * 3_600 +
      Number(minutes ?? 0) * 60 +
      Number(seconds ?? 0)) *
      1000,
  );
}
