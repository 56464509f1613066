import { z } from 'zod';
import { topicName } from './topic.ts';

/** Kafka accepts any non-empty string as a group id. */
export const groupId = z.string().min(1, 'a group id cannot be empty');

export const groupDetailInput = z.object({ groupId });

/**
 * A group's lag over time: the whole group, or one partition (topic and partition together). `since` and
 * `until` are epoch milliseconds; the history keeps at most 30 days, downsampled with age.
 */
export const lagHistoryInput = z
  .object({
    groupId,
    topic: topicName.optional(),
    partition: z.number().int().min(0).optional(),
    since: z.number().int().min(0).optional(),
    until: z.number().int().min(0).optional(),
  })
  .refine((input) => (input.topic === undefined) === (input.partition === undefined), {
    message: 'give a topic and a partition together, or neither',
    path: ['partition'],
  })
  .refine((input) => input.since === undefined || input.until === undefined || input.since <= input.until, {
    message: 'since must not be after until',
    path: ['until'],
  });

export type LagHistoryInput = z.infer<typeof lagHistoryInput>;
