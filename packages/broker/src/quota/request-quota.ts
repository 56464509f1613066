/**
 * The request quota (`request_percentage`, Kafka's ClientRequestQuotaManager) around every handler of the client
 * listener: the time a request kept the broker busy is recorded as a percentage of one second against its client,
 * and a client over its quota gets the throttle time in its response (the larger of this and any throttle the
 * handler set itself, as Kafka's sendResponseMaybeThrottle does), which also mutes its connection.
 *
 * The time recorded is the time the handler kept the broker busy, not the time it spent waiting on others, which
 * Kafka does not count either (it parks such requests in a purgatory): Produce and Fetch mark their waits (for
 * replicas, for data) with excludedFromRequestTime and record the request quota themselves, together with their
 * byte rates, as Kafka does; the APIs that wait for a rebalance or for the controller (WAITING_APIS) count only
 * the handler's work up to its first wait; every other handler counts its whole elapsed time.
 */
import { ApiKey, type ApiKeyNumber } from '@sluice/protocol';
import { CLOSE_CONNECTION, type Handler, type RequestContext } from '../handlers/handler.ts';

/** Milliseconds each in-flight request (by its context object) has spent waiting on others so far. */
const waitsByRequest = new WeakMap<object, number>();

/** Awaits `work` without counting the wait against the request quota of the request whose context this is. */
export async function excludedFromRequestTime<T>(context: object, work: Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work;
  } finally {
    const waited = waitsByRequest.get(context);
    if (waited !== undefined) waitsByRequest.set(context, waited + performance.now() - started);
  }
}

/** The request's busy time so far, in milliseconds: since `startedAt` (performance.now) less its waits. */
export function requestTimeMs(context: object, startedAt: number): number {
  return Math.max(0, performance.now() - startedAt - (waitsByRequest.get(context) ?? 0));
}

/** Starts measuring a request's busy time; returns its start for requestTimeMs. */
export function startRequestTime(context: object): number {
  waitsByRequest.set(context, 0);
  return performance.now();
}

/** Kafka's nanosToPercentage: busy time as a percentage of one second. */
export function timeToPercentage(ms: number): number {
  return ms / 10;
}

/** The APIs whose handlers record the request quota themselves (with their byte rates). */
const SELF_RECORDING: ReadonlySet<number> = new Set([ApiKey.Produce, ApiKey.Fetch]);

/** APIs answered after a rebalance or by the controller (on a cluster member): only their first step counts. */
const WAITING_APIS: ReadonlySet<number> = new Set([
  ApiKey.JoinGroup,
  ApiKey.SyncGroup,
  ApiKey.CreateTopics,
  ApiKey.DeleteTopics,
  ApiKey.CreatePartitions,
  ApiKey.AlterConfigs,
  ApiKey.IncrementalAlterConfigs,
  ApiKey.ElectLeaders,
  ApiKey.AlterPartitionReassignments,
  ApiKey.ListPartitionReassignments,
  ApiKey.AlterClientQuotas,
  ApiKey.DescribeQuorum,
]);

/**
 * Records a request's busy time against its client's request quota; returns the throttle time, which it also
 * counts in the client's throttle-time metric when it is the one applied (larger than `otherThrottleMs`).
 */
export function recordRequestQuota(
  context: RequestContext,
  clientId: string | null,
  busyMs: number,
  otherThrottleMs = 0,
): number {
  const { quotas, clock } = context.services;
  const nowMs = clock.now();
  const user = context.principal.name;
  const client = clientId ?? '';
  const throttleMs = quotas.request.recordAndGetThrottleTimeMs(user, client, timeToPercentage(busyMs), nowMs);
  if (throttleMs > otherThrottleMs) quotas.request.recordThrottle(user, client, throttleMs, nowMs);
  return throttleMs;
}

function withRequestQuota(handler: Handler): Handler {
  return {
    ...handler,
    async handle(request, context) {
      const startedAt = startRequestTime(context);
      const handled = handler.handle(request, context);
      const firstStepMs = requestTimeMs(context, startedAt);
      const body = await handled;
      if (body === null || body === CLOSE_CONNECTION) return body;
      const response = body as { throttleTimeMs?: number };
      const own = response.throttleTimeMs ?? 0;
      const busyMs = WAITING_APIS.has(request.apiKey) ? firstStepMs : requestTimeMs(context, startedAt);
      const throttleMs = recordRequestQuota(context, request.clientId, busyMs, own);
      if (throttleMs > own) response.throttleTimeMs = throttleMs;
      return body;
    },
  };
}

/** The client listener's handlers with the request quota applied (Produce and Fetch apply their own). */
export function withRequestQuotas(handlers: readonly Handler[]): Handler[] {
  return handlers.map((handler) =>
    SELF_RECORDING.has(handler.apiKey as ApiKeyNumber) ? handler : withRequestQuota(handler),
  );
}
