import { z } from 'zod';
import { topicName } from './topic.ts';

/** A topic's ISR timeline over the last `windowMinutes` (an hour by default, a day at most). */
export const isrTimelineInput = z.object({
  topic: topicName,
  windowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(60),
});

export const partitionInput = z.object({ topic: topicName, partition: z.number().int().min(0) });

/**
 * A partition's new replica set (the first is the preferred leader), with an optional replication throttle in
 * bytes per second, as `kafka-reassign-partitions --execute --throttle B`.
 */
export const reassignPartitionInput = partitionInput.extend({
  replicas: z
    .array(z.number().int().min(0))
    .min(1, 'choose at least one replica')
    .refine((ids) => new Set(ids).size === ids.length, 'a broker can hold only one replica of a partition'),
  throttle: z.number().int().positive('the throttle is a positive number of bytes per second').nullable(),
});

export type ReassignPartitionInput = z.infer<typeof reassignPartitionInput>;
