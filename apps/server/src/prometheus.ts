/**
 * Prometheus text exposition (version 0.0.4) for GET /metrics: the embedded broker's traffic, requests by API,
 * topics and partitions, and the process's memory. Names follow Prometheus conventions (_total for counters).
 *
 * Client quota metrics keep Kafka's names as a JMX exporter renders them: kafka.server type=Produce|Fetch|Request|
 * ControllerMutation, tags user and client-id, become kafka_server_produce_byte_rate{user="",client_id="app"}
 * (and _throttle_time, fetch_*, request_request_time, controllermutation_mutation_rate and _tokens). As in Kafka,
 * a tag is empty when the quota in force does not name it, and the user is URL-encoded (Kafka's Sanitizer).
 */
import type { Broker, QuotaObservation, QuotaType } from '@sluice/broker';
import { apis, type ApiKeyNumber } from '@sluice/protocol';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Kafka's Sanitizer.sanitize: URL-encoding, with a space as %20 and * as %2A. */
function sanitize(name: string): string {
  return encodeURIComponent(name).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Each quota type's rate metric, as Kafka names it, and what it measures. */
const QUOTA_RATE_METRICS: Record<QuotaType, { name: string; help: string }> = {
  Produce: { name: 'byte_rate', help: 'Tracking byte-rate per user/client-id (bytes per second)' },
  Fetch: { name: 'byte_rate', help: 'Tracking byte-rate per user/client-id (bytes per second)' },
  Request: { name: 'request_time', help: 'Tracking request-time per user/client-id (percent of a thread)' },
  ControllerMutation: {
    name: 'mutation_rate',
    help: 'Tracking mutation-rate per user/client-id (per second)',
  },
};

function quotaMetrics(
  observations: readonly QuotaObservation[],
  metric: (name: string, type: 'gauge', help: string, samples: [string, number][]) => void,
): void {
  for (const quotaType of Object.keys(QUOTA_RATE_METRICS) as QuotaType[]) {
    const ofType = observations.filter((o) => o.quotaType === quotaType);
    if (ofType.length === 0) continue;
    const prefix = `kafka_server_${quotaType.toLowerCase()}`;
    const labels = (o: QuotaObservation) =>
      `{user="${escapeLabel(sanitize(o.user))}",client_id="${escapeLabel(o.clientId)}"}`;
    const rate = QUOTA_RATE_METRICS[quotaType];
    metric(
      `${prefix}_${rate.name}`,
      'gauge',
      rate.help,
      ofType.map((o) => [labels(o), o.rate]),
    );
    metric(
      `${prefix}_throttle_time`,
      'gauge',
      'Tracking average throttle-time per user/client-id (milliseconds)',
      ofType.map((o) => [labels(o), o.throttleTimeMs]),
    );
    if (quotaType === 'ControllerMutation')
      metric(
        `${prefix}_tokens`,
        'gauge',
        'Tracking remaining tokens in the token bucket per user/client-id',
        ofType.map((o) => [labels(o), (o as QuotaObservation & { tokens: number }).tokens]),
      );
  }
}

export function prometheusMetrics(broker: Broker | null): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
  };
  const memory = process.memoryUsage();
  metric('sluice_process_resident_memory_bytes', 'gauge', 'Resident memory of the server process.', [
    ['', memory.rss],
  ]);
  metric('sluice_process_heap_used_bytes', 'gauge', 'V8 heap in use.', [['', memory.heapUsed]]);
  if (broker) {
    const { metrics, topics } = broker.services;
    metric('sluice_broker_bytes_in_total', 'counter', 'Bytes received from Kafka clients.', [
      ['', metrics.bytesIn],
    ]);
    metric('sluice_broker_bytes_out_total', 'counter', 'Bytes sent to Kafka clients.', [
      ['', metrics.bytesOut],
    ]);
    metric(
      'sluice_broker_requests_total',
      'counter',
      'Kafka requests handled, by API.',
      [...metrics.requestsByApiKey].map(([apiKey, count]) => [
        `{api="${escapeLabel(apis[apiKey as ApiKeyNumber]?.name ?? String(apiKey))}"}`,
        count,
      ]),
    );
    const all = topics.list();
    metric('sluice_broker_topics', 'gauge', 'Topics, internal ones included.', [['', all.length]]);
    metric('sluice_broker_partitions', 'gauge', 'Partitions of all topics.', [
      ['', all.reduce((sum, t) => sum + t.partitions.length, 0)],
    ]);
    quotaMetrics(broker.services.quotas.observations(), metric);
  }
  return `${lines.join('\n')}\n`;
}
