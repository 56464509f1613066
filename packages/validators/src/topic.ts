import { z } from 'zod';

/** Kafka's legal topic names: 1-249 of [a-zA-Z0-9._-], not "." or "..". */
export const topicName = z
  .string()
  .min(1, 'a topic name cannot be empty')
  .max(249, 'a topic name is at most 249 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'a topic name uses only letters, digits, ".", "_" and "-"')
  .refine((name) => name !== '.' && name !== '..', 'a topic name cannot be "." or ".."');
