/**
 * The byte-rate quotas of Produce and Fetch with the request quota, applied as Kafka's KafkaApis does once a
 * response is ready: both are recorded, the larger throttle time is the one applied (and counted in that quota's
 * throttle-time metric), and a throttled Fetch takes its bytes back, because it is answered without data.
 * Requests from followers (replica fetches) are exempt from all client quotas.
 */
import type { RequestContext } from '../handlers/handler.ts';
import type { ClientQuotaManager } from './client-quota-manager.ts';
import { timeToPercentage } from './request-quota.ts';

/** Per-partition and per-topic framing a Produce request or Fetch response adds to its records, roughly. */
const PARTITION_OVERHEAD_BYTES = 40;
const TOPIC_OVERHEAD_BYTES = 8;
const MESSAGE_OVERHEAD_BYTES = 24;

/** The size of a message carrying these topics' records (Kafka's request/response size, to within framing). */
export function messageBytes(
  topics: readonly { name: string | null; records: readonly (Buffer | null)[] }[],
) {
  let bytes = MESSAGE_OVERHEAD_BYTES;
  for (const topic of topics) {
    bytes += TOPIC_OVERHEAD_BYTES + Buffer.byteLength(topic.name ?? '') + 16;
    for (const records of topic.records) bytes += PARTITION_OVERHEAD_BYTES + (records?.length ?? 0);
  }
  return bytes;
}

/** Records `bytes` and `busyMs` against the client; returns the throttle time to apply (0: none). */
function recordBandwidthAndRequest(
  context: RequestContext,
  clientId: string | null,
  bandwidth: ClientQuotaManager,
  bytes: number,
  busyMs: number | null,
): { throttleMs: number; bandwidthThrottleMs: number } {
  const { quotas, clock } = context.services;
  const nowMs = clock.now();
  const user = context.principal.name;
  const client = clientId ?? '';
  const bandwidthThrottleMs = bandwidth.recordAndGetThrottleTimeMs(user, client, bytes, nowMs);
  const requestThrottleMs =
    busyMs === null
      ? 0
      : quotas.request.recordAndGetThrottleTimeMs(user, client, timeToPercentage(busyMs), nowMs);
  if (bandwidthThrottleMs > requestThrottleMs)
    bandwidth.recordThrottle(user, client, bandwidthThrottleMs, nowMs);
  else quotas.request.recordThrottle(user, client, requestThrottleMs, nowMs);
  return { throttleMs: Math.max(bandwidthThrottleMs, requestThrottleMs), bandwidthThrottleMs };
}

/**
 * A Produce request's quotas: `requestBytes` against producer_byte_rate and its busy time against
 * request_percentage (not for acks=0, which Kafka exempts from the request quota). Returns the throttle time.
 */
export function recordProduceQuotas(
  context: RequestContext,
  clientId: string | null,
  requestBytes: number,
  busyMs: number,
  acks: number,
): number {
  const { produce } = context.services.quotas;
  return recordBandwidthAndRequest(context, clientId, produce, requestBytes, acks === 0 ? null : busyMs)
    .throttleMs;
}

/**
 * A consumer Fetch's quotas: the response's bytes against consumer_byte_rate and its busy time against
 * request_percentage. Returns the throttle time; when it is not 0 the bytes are taken back, since the
 * response then goes without data.
 */
export function recordFetchQuotas(
  context: RequestContext,
  clientId: string | null,
  responseBytes: number,
  busyMs: number,
): number {
  const { fetch } = context.services.quotas;
  const { throttleMs } = recordBandwidthAndRequest(context, clientId, fetch, responseBytes, busyMs);
  if (throttleMs > 0)
    fetch.unrecord(context.principal.name, clientId ?? '', responseBytes, context.services.clock.now());
  return throttleMs;
}

/** The most a consumer's Fetch may return without certainly being throttled (Kafka caps fetch.max.bytes so). */
export function fetchMaxBytesWithinQuota(context: RequestContext, clientId: string | null): number {
  return context.services.quotas.fetch.maxValueInQuotaWindow(context.principal.name, clientId ?? '');
}
