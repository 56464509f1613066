/**
 * Prometheus text exposition (version 0.0.4) for GET /metrics: the embedded broker's traffic, requests by API,
 * topics and partitions, and the process's memory. Names follow Prometheus conventions (_total for counters).
 */
import type { Broker } from '@sluice/broker';
import { apis, type ApiKeyNumber } from '@sluice/protocol';

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
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
  }
  return `${lines.join('\n')}\n`;
}
