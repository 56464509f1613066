/**
 * The broker's state as Prometheus gauges, read when scraped: partitions and their logs, replication health,
 * the log cleaner, connections and client quotas. Names are the ones Kafka's JMX exporter gives Kafka's MBeans
 * (kafka.log:type=Log,name=Size,topic=T,partition=P becomes kafka_log_log_size{topic="T",partition="P"}).
 *
 * Client quota metrics keep Kafka's names as a JMX exporter renders them: kafka.server type=Produce|Fetch|Request|
 * ControllerMutation, tags user and client-id, become kafka_server_produce_byte_rate{user="",client_id="app"}
 * (and _throttle_time, fetch_*, request_request_time, controllermutation_mutation_rate and _tokens). As in Kafka,
 * a tag is empty when the quota in force does not name it, and the user is URL-encoded (Kafka's Sanitizer).
 *
 * The sluice_broker_* series are the ones /metrics served before the Kafka names; they are kept so existing
 * dashboards keep working.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import { apis, isApiKey } from '@sluice/protocol';
import type { BrokerServices } from '../broker-services.ts';
import type { QuotaObservation, QuotaType } from '../quota/client-quota-manager.ts';

type Labels = Record<string, string | number>;
type Samples = Iterable<readonly [Labels, number]>;

export interface BrokerCollectorSources {
  services: BrokerServices;
  /** Open client connections, by listener name. */
  connectionCounts(): ReadonlyMap<string, number>;
}

function gauge(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  read: () => Samples,
): void {
  const metric: Gauge = new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    collect: () => {
      metric.reset();
      for (const [labels, value] of read()) metric.set(labels, value);
    },
  });
}

function counter(
  registry: Registry,
  name: string,
  help: string,
  labelNames: string[],
  read: () => Samples,
): void {
  const metric: Counter = new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect: () => {
      metric.reset();
      for (const [labels, value] of read()) metric.inc(labels, value);
    },
  });
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

function registerQuotaMetrics(registry: Registry, services: BrokerServices): void {
  const labels = (o: QuotaObservation) => ({ user: sanitize(o.user), client_id: o.clientId });
  const ofType = (quotaType: QuotaType) =>
    services.quotas.observations().filter((o) => o.quotaType === quotaType);
  for (const quotaType of Object.keys(QUOTA_RATE_METRICS) as QuotaType[]) {
    const prefix = `kafka_server_${quotaType.toLowerCase()}`;
    const rate = QUOTA_RATE_METRICS[quotaType];
    const labelNames = ['user', 'client_id'];
    gauge(registry, `${prefix}_${rate.name}`, rate.help, labelNames, () =>
      ofType(quotaType).map((o) => [labels(o), o.rate] as const),
    );
    gauge(
      registry,
      `${prefix}_throttle_time`,
      'Tracking average throttle-time per user/client-id (milliseconds)',
      labelNames,
      () => ofType(quotaType).map((o) => [labels(o), o.throttleTimeMs] as const),
    );
    if (quotaType === 'ControllerMutation')
      gauge(
        registry,
        `${prefix}_tokens`,
        'Tracking remaining tokens in the token bucket per user/client-id',
        labelNames,
        () =>
          ofType(quotaType).map(
            (o) => [labels(o), (o as QuotaObservation & { tokens: number }).tokens] as const,
          ),
      );
  }
}

/** One reading of the partitions this broker holds, shared by the gauges of one scrape. */
function hostedPartitions(services: BrokerServices) {
  return services.logs.all().map((log) => {
    const partition = services.replicaManager.partition(log.topic, log.partition);
    return { log, partition };
  });
}

export function registerBrokerCollectors(registry: Registry, sources: BrokerCollectorSources): void {
  const { services } = sources;
  const { metrics, topics, logs } = services;
  const single = (value: number): Samples => [[{}, value]];

  gauge(
    registry,
    'kafka_server_replicamanager_partitioncount',
    'Partitions with a replica on this broker (Kafka ReplicaManager PartitionCount).',
    [],
    () => single(logs.all().length),
  );
  gauge(
    registry,
    'kafka_server_replicamanager_leadercount',
    'Partitions this broker leads (Kafka ReplicaManager LeaderCount).',
    [],
    () => single(hostedPartitions(services).filter(({ partition }) => partition?.isLeader).length),
  );
  gauge(
    registry,
    'kafka_server_replicamanager_underreplicatedpartitions',
    'Partitions led here whose ISR is smaller than their replica set (Kafka ReplicaManager UnderReplicatedPartitions).',
    [],
    () =>
      single(
        hostedPartitions(services).filter(
          ({ partition }) => partition?.isLeader && partition.isr.length < partition.replicas.length,
        ).length,
      ),
  );
  gauge(
    registry,
    'kafka_controller_kafkacontroller_offlinepartitionscount',
    'Partitions without a leader, as this broker sees the metadata (Kafka KafkaController OfflinePartitionsCount; ' +
      'every broker reports it, so take the max over brokers).',
    [],
    () => {
      let offline = 0;
      for (const topic of topics.list())
        for (const p of topic.partitions)
          if (services.replicaManager.currentLeader(topic.name, p.partitionIndex).leaderId < 0) offline++;
      return single(offline);
    },
  );
  const perLog = (name: string, help: string, value: (log: ReturnType<typeof logs.all>[number]) => number) =>
    gauge(registry, name, help, ['topic', 'partition'], () =>
      logs.all().map((log) => [{ topic: log.topic, partition: log.partition }, value(log)] as const),
    );
  perLog('kafka_log_log_size', 'Bytes of the partition log on disk (Kafka Log Size).', (log) => log.size);
  perLog(
    'kafka_log_log_logstartoffset',
    'The log start offset (Kafka Log LogStartOffset).',
    (log) => log.logStartOffset,
  );
  perLog(
    'kafka_log_log_logendoffset',
    'The log end offset (Kafka Log LogEndOffset).',
    (log) => log.logEndOffset,
  );
  perLog(
    'kafka_log_log_numlogsegments',
    'Segments of the partition log (Kafka Log NumLogSegments).',
    (log) => log.segmentCount,
  );

  gauge(
    registry,
    'kafka_log_logcleaner_max_dirty_percent',
    'The largest dirty ratio of a compacted partition, in percent (Kafka LogCleaner max-dirty-percent).',
    [],
    () => {
      const compacted = services.logs.cleanerStatus().filter((s) => s.cleanupPolicy.includes('compact'));
      return single(Math.max(0, ...compacted.map((s) => s.dirtyRatio * 100)));
    },
  );
  gauge(
    registry,
    'kafka_log_logcleaner_max_clean_time_secs',
    "The longest of the partitions' last cleaning passes, in seconds (Kafka LogCleaner max-clean-time-secs).",
    [],
    () =>
      single(Math.max(0, ...services.logs.cleanerStatus().map((s) => (s.lastPass?.durationMs ?? 0) / 1000))),
  );
  gauge(
    registry,
    'kafka_log_logcleanermanager_uncleanable_partitions_count',
    'Partitions the cleaner gave up on until restart (Kafka LogCleanerManager uncleanable-partitions-count).',
    [],
    () => single(services.logs.cleanerStatus().filter((s) => s.uncleanableReason !== null).length),
  );
  gauge(
    registry,
    'sluice_log_cleaner_dirty_ratio',
    'Cleanable bytes over closed bytes of each compacted partition (Kafka logs it per cleaning pass).',
    ['topic', 'partition'],
    () =>
      services.logs
        .cleanerStatus()
        .filter((s) => s.cleanupPolicy.includes('compact'))
        .map((s) => [{ topic: s.topic, partition: s.partition }, s.dirtyRatio] as const),
  );

  gauge(
    registry,
    'kafka_server_socket_server_metrics_connection_count',
    'Open client connections, by listener (Kafka socket-server-metrics connection-count).',
    ['listener'],
    () => [...sources.connectionCounts()].map(([listener, count]) => [{ listener }, count] as const),
  );

  counter(registry, 'sluice_broker_bytes_in_total', 'Bytes received from Kafka clients.', [], () =>
    single(metrics.bytesIn),
  );
  counter(registry, 'sluice_broker_bytes_out_total', 'Bytes sent to Kafka clients.', [], () =>
    single(metrics.bytesOut),
  );
  counter(registry, 'sluice_broker_requests_total', 'Kafka requests handled, by API.', ['api'], () =>
    [...metrics.requestsByApiKey].map(
      ([apiKey, count]) => [{ api: isApiKey(apiKey) ? apis[apiKey].name : String(apiKey) }, count] as const,
    ),
  );
  gauge(registry, 'sluice_broker_topics', 'Topics, internal ones included.', [], () =>
    single(topics.list().length),
  );
  gauge(registry, 'sluice_broker_partitions', 'Partitions of all topics.', [], () =>
    single(topics.list().reduce((sum, t) => sum + t.partitions.length, 0)),
  );
  registerQuotaMetrics(registry, services);
}
