/**
 * Counters and request-time histograms the broker keeps in its hot paths, for /metrics and the console.
 *
 * Cost: the hot paths add numbers to plain fields and maps, once per request and once per partition of a
 * Produce or Fetch, never per record (messages in are counted from the offsets an append took). prom-client
 * reads the counters only when scraped (each Counter's `collect`); the histograms observe once per request.
 *
 * Names are the ones Kafka's JMX exporter gives Kafka's MBeans (kafka.server:type=BrokerTopicMetrics,
 * name=BytesInPerSec,topic=T becomes kafka_server_brokertopicmetrics_bytesin_total{topic="T"}), so dashboards
 * built for Kafka read Sluice. Each BrokerMetrics has its own Registry: brokers sharing a process (tests,
 * `sluice serve`) never mix their series.
 */
import { Counter, Histogram, Registry } from 'prom-client';
import { apis, isApiKey } from '@sluice/protocol';

/** Request-time buckets in milliseconds: from a cached Metadata answer to a long-polling Fetch. */
export const REQUEST_TIME_BUCKETS_MS = [
  0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000,
];

/** Produce and Fetch traffic of one topic since the broker started (Kafka's BrokerTopicMetrics). */
export interface TopicTraffic {
  bytesIn: number;
  messagesIn: number;
  bytesOut: number;
}

/** When a request's frame arrived, its handler started and ended (performance.now() milliseconds). */
export interface RequestTiming {
  apiKey: number;
  receivedAt: number;
  startedAt: number;
  handledAt: number;
}

export class BrokerMetrics {
  /** Bytes read from and written to client sockets, every request included. */
  bytesIn = 0;
  bytesOut = 0;
  readonly requestsByApiKey = new Map<number, number>();
  readonly topicTraffic = new Map<string, TopicTraffic>();
  readonly registry = new Registry();
  /** Whether a topic still exists; a deleted topic's series go, as Kafka's BrokerTopicStats.removeMetrics does. */
  topicExists: (topic: string) => boolean = () => true;
  private readonly queueTime: Histogram<'request'>;
  private readonly localTime: Histogram<'request'>;
  private readonly totalTime: Histogram<'request'>;
  /** The `request` label of each API key, made once so an observation allocates nothing. */
  private readonly requestLabels = new Map<number, { request: string }>();

  constructor() {
    const registers = [this.registry];
    const traffic = (name: string, help: string, field: keyof TopicTraffic) =>
      new Counter({
        name,
        help,
        labelNames: ['topic'],
        registers,
        collect: () => {
          const counter = this.registry.getSingleMetric(name) as Counter<'topic'>;
          counter.reset();
          for (const [topic, t] of this.topicTraffic) {
            if (this.topicExists(topic)) counter.inc({ topic }, t[field]);
            else this.topicTraffic.delete(topic);
          }
        },
      });
    traffic(
      'kafka_server_brokertopicmetrics_bytesin_total',
      'Bytes appended by producers, by topic (Kafka BrokerTopicMetrics BytesInPerSec).',
      'bytesIn',
    );
    traffic(
      'kafka_server_brokertopicmetrics_messagesin_total',
      'Records appended by producers, by topic (Kafka BrokerTopicMetrics MessagesInPerSec).',
      'messagesIn',
    );
    traffic(
      'kafka_server_brokertopicmetrics_bytesout_total',
      'Record bytes sent to consumers, by topic (Kafka BrokerTopicMetrics BytesOutPerSec).',
      'bytesOut',
    );
    const requests: Counter<'request'> = new Counter({
      name: 'kafka_network_requestmetrics_requests_total',
      help: 'Requests handled, by API (Kafka RequestMetrics RequestsPerSec).',
      labelNames: ['request'],
      registers,
      collect: () => {
        requests.reset();
        for (const [apiKey, count] of this.requestsByApiKey) requests.inc(this.labelsOf(apiKey), count);
      },
    });
    const histogram = (name: string, help: string) =>
      new Histogram({ name, help, labelNames: ['request'], buckets: REQUEST_TIME_BUCKETS_MS, registers });
    this.queueTime = histogram(
      'kafka_network_requestmetrics_requestqueuetimems',
      'Milliseconds from a request frame arriving to its handler starting, by API (Kafka RequestQueueTimeMs).',
    );
    this.localTime = histogram(
      'kafka_network_requestmetrics_localtimems',
      'Milliseconds in the request handler, long-poll waits included, by API (Kafka LocalTimeMs).',
    );
    this.totalTime = histogram(
      'kafka_network_requestmetrics_totaltimems',
      'Milliseconds from a request frame arriving to its response written to the socket, by API (Kafka TotalTimeMs).',
    );
  }

  countRequest(apiKey: number): void {
    this.requestsByApiKey.set(apiKey, (this.requestsByApiKey.get(apiKey) ?? 0) + 1);
  }

  /** One partition's append by a producer: its batches' bytes and the offsets they took. */
  countProduced(topic: string, bytes: number, records: number): void {
    const traffic = this.trafficOf(topic);
    traffic.bytesIn += bytes;
    traffic.messagesIn += records;
  }

  /** Record bytes of one partition sent to a consumer (followers' fetches are replication, not counted). */
  countFetched(topic: string, bytes: number): void {
    this.trafficOf(topic).bytesOut += bytes;
  }

  /** A request answered: `writtenAt` is when its response was handed to the socket and flushed. */
  observeRequest(timing: RequestTiming, writtenAt: number): void {
    const labels = this.labelsOf(timing.apiKey);
    this.queueTime.observe(labels, timing.startedAt - timing.receivedAt);
    this.localTime.observe(labels, timing.handledAt - timing.startedAt);
    this.totalTime.observe(labels, writtenAt - timing.receivedAt);
  }

  private trafficOf(topic: string): TopicTraffic {
    let traffic = this.topicTraffic.get(topic);
    if (!traffic) {
      traffic = { bytesIn: 0, messagesIn: 0, bytesOut: 0 };
      this.topicTraffic.set(topic, traffic);
    }
    return traffic;
  }

  private labelsOf(apiKey: number): { request: string } {
    let labels = this.requestLabels.get(apiKey);
    if (!labels) {
      labels = { request: isApiKey(apiKey) ? apis[apiKey].name : String(apiKey) };
      this.requestLabels.set(apiKey, labels);
    }
    return labels;
  }
}
