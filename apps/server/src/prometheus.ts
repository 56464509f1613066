/**
 * GET /metrics of the console server: the process's series, the embedded broker's (the same ones its own
 * sluice.http.port endpoint serves; see packages/broker/src/http/) and consumer group lag, which needs the
 * console's sampled lag history for each group's status.
 *
 * Lag series carry kafka_exporter's names and labels (kafka_consumergroup_lag{consumergroup,topic,partition},
 * kafka_consumergroup_lag_sum, kafka_consumergroup_current_offset) and Burrow's group status as a state set:
 * sluice_consumergroup_status{consumergroup,status} is 1 for the group's current status and 0 for the others.
 * They are read from the cluster when scraped, so they also cover a remote cluster (--kafka-bootstrap).
 */
import { currentLag, type ClusterSource } from '@sluice/api';
import { exposition, type Broker } from '@sluice/broker';
import type { Database } from '@sluice/db';
import { Gauge, Registry } from 'prom-client';

/** Burrow's group statuses, in its order. */
const GROUP_STATUSES = ['NOTFOUND', 'OK', 'WARN', 'ERR'] as const;

export interface ServerMetricsSources {
  broker: Broker | null;
  cluster: ClusterSource | null;
  db: Database;
}

export class ServerMetrics {
  private readonly registry = new Registry();
  private readonly lag: Gauge;
  private readonly lagSeconds: Gauge;
  private readonly lagSum: Gauge;
  private readonly currentOffset: Gauge;
  private readonly status: Gauge;
  private readonly failedGroups: Gauge;
  /** Scrapes run one after another: each resets and refills the lag gauges. */
  private scraping: Promise<unknown> = Promise.resolve();

  constructor(private readonly sources: ServerMetricsSources) {
    const registers = [this.registry];
    const partitionLabels = ['consumergroup', 'topic', 'partition'];
    this.lag = new Gauge({
      name: 'kafka_consumergroup_lag',
      help: "Records between the group's committed offset and the high watermark, by partition (kafka_exporter).",
      labelNames: partitionLabels,
      registers,
    });
    this.lagSeconds = new Gauge({
      name: 'kafka_consumergroup_lag_seconds',
      help: "Age of the group's next unconsumed record in seconds, by partition; 0 without lag.",
      labelNames: partitionLabels,
      registers,
    });
    this.lagSum = new Gauge({
      name: 'kafka_consumergroup_lag_sum',
      help: "The group's lag summed over its partitions (kafka_exporter).",
      labelNames: ['consumergroup'],
      registers,
    });
    this.currentOffset = new Gauge({
      name: 'kafka_consumergroup_current_offset',
      help: "The group's committed offset, by partition (kafka_exporter); absent before its first commit.",
      labelNames: partitionLabels,
      registers,
    });
    this.status = new Gauge({
      name: 'sluice_consumergroup_status',
      help: "The group's lag status by Burrow's rules (NOTFOUND, OK, WARN, ERR): 1 for the current one.",
      labelNames: ['consumergroup', 'status'],
      registers,
    });
    this.failedGroups = new Gauge({
      name: 'sluice_consumergroup_lag_read_failures',
      help: 'Groups whose lag could not be read at this scrape (left out of the lag series).',
      registers,
    });
  }

  /** The exposition GET /metrics answers. */
  text(): Promise<string> {
    const scrape = this.scraping.then(() => this.render());
    this.scraping = scrape.catch(() => undefined);
    return scrape;
  }

  private async render(): Promise<string> {
    const { broker, cluster, db } = this.sources;
    if (cluster) await this.readLag(db, cluster);
    return exposition(broker ? [broker.services.metrics.registry, this.registry] : [this.registry]);
  }

  private async readLag(db: Database, cluster: ClusterSource): Promise<void> {
    const { groups, failedGroups } = await currentLag(db, cluster);
    for (const gauge of [this.lag, this.lagSeconds, this.lagSum, this.currentOffset, this.status])
      gauge.reset();
    this.failedGroups.set(failedGroups.length);
    for (const { lag, status, partitions } of groups) {
      const consumergroup = lag.group.groupId;
      this.lagSum.set({ consumergroup }, lag.totalLag);
      for (const candidate of GROUP_STATUSES)
        this.status.set({ consumergroup, status: candidate }, candidate === status ? 1 : 0);
      for (const p of partitions) {
        const labels = { consumergroup, topic: p.topic, partition: p.partition };
        this.lag.set(labels, p.lag);
        if (p.lagSeconds !== null) this.lagSeconds.set(labels, p.lagSeconds);
        if (p.committedOffset !== null) this.currentOffset.set(labels, p.committedOffset);
      }
    }
  }
}
