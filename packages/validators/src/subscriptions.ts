import { z } from 'zod';

/**
 * Input of a subscription that yields `tracked(id, data)`. On reconnect the client (or the browser's
 * EventSource, through the Last-Event-ID header) hands back the last id it saw as `lastEventId`, and the
 * subscription resumes after it. Callers pass nothing on first subscribe, hence `.optional()`.
 */
export function trackedSubscriptionInput<EventId extends z.ZodType<string>>(eventId: EventId) {
  return z.object({ lastEventId: eventId.nullish() }).optional();
}

/** Tick ids are the tick's sequence number; 15 digits stays inside Number.MAX_SAFE_INTEGER. */
export const ticksInput = trackedSubscriptionInput(z.string().regex(/^\d{1,15}$/, 'a tick number'));
