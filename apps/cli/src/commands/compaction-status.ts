/**
 * The log cleaner's status of a compacted topic's partitions, for `sluice topics describe`. Kafka shows it only
 * as JMX metrics; a Sluice broker serves it as JSON on its HTTP listener (GET /v1/cleaner?topic=, the broker
 * config `sluice.http.port`), which the CLI finds through DescribeConfigs on each partition leader. A broker
 * without that listener (a Kafka broker, or one started with the listener off) is reported as such.
 */
import type { PartitionCleanerStatus } from '@sluice/broker';
import { describeBrokerConfigs, type ClusterClient } from '@sluice/client';

const HTTP_PORT_CONFIG = 'sluice.http.port';

/** Each leader's statuses for the topic, or why they could not be read. */
async function statusesFromLeader(
  client: ClusterClient,
  leaderId: number,
  topic: string,
): Promise<PartitionCleanerStatus[] | string> {
  let port: number;
  try {
    const configs = await describeBrokerConfigs(client, leaderId, [HTTP_PORT_CONFIG]);
    port = Number(configs.get(HTTP_PORT_CONFIG) ?? -1);
  } catch (error) {
    return `broker ${leaderId} did not describe its configs (${(error as Error).message})`;
  }
  if (!Number.isInteger(port) || port <= 0) return `broker ${leaderId} has no ${HTTP_PORT_CONFIG}`;
  const host = client.knownBrokers().find((b) => b.nodeId === leaderId)?.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1/cleaner?topic=${encodeURIComponent(topic)}`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return `${url} answered HTTP ${response.status}`;
    return (await response.json()) as PartitionCleanerStatus[];
  } catch (error) {
    return `${url} is unreachable (${(error as Error).message})`;
  }
}

function formatTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function statusLine(s: PartitionCleanerStatus): string {
  const last = s.lastPass;
  const fields = [
    `Partition: ${s.partition}`,
    `DirtyRatio: ${s.dirtyRatio.toFixed(3)}`,
    `MinCleanableRatio: ${s.minCleanableDirtyRatio}`,
    `CleanableBytes: ${s.cleanableBytes}`,
    `FirstDirtyOffset: ${s.firstDirtyOffset}`,
    `State: ${s.cleaning ? 'cleaning' : s.eligibility}`,
    `NextEligible: ${s.dueByMaxLagAt === null ? '-' : formatTime(s.dueByMaxLagAt)}`,
    `LastCleaned: ${last ? `${formatTime(last.startedAt)} (${last.durationMs} ms)` : '-'}`,
    `BytesRemoved: ${s.bytesRemoved}`,
    `RecordsRemoved: ${s.recordsRemoved}`,
  ];
  if (s.uncleanableReason !== null) fields.push(`Uncleanable: ${s.uncleanableReason}`);
  return `\t${fields.join('\t')}`;
}

/** Prints the compaction status block of one topic, its partitions grouped by their leader. */
export async function printCompactionStatus(
  client: ClusterClient,
  topic: string,
  partitions: readonly { partitionIndex: number; leaderId: number }[],
): Promise<void> {
  console.log(`Compaction: ${topic}`);
  const leaders = [...new Set(partitions.map((p) => p.leaderId))].sort((a, b) => a - b);
  for (const leaderId of leaders) {
    const led = new Set(partitions.filter((p) => p.leaderId === leaderId).map((p) => p.partitionIndex));
    if (leaderId < 0) {
      console.log(`\tPartitions ${[...led].join(',')}: no leader`);
      continue;
    }
    const statuses = await statusesFromLeader(client, leaderId, topic);
    if (typeof statuses === 'string') {
      console.log(`\tPartitions ${[...led].sort((a, b) => a - b).join(',')}: unavailable, ${statuses}`);
      continue;
    }
    for (const status of statuses
      .filter((s) => s.topic === topic && led.has(s.partition))
      .sort((a, b) => a.partition - b.partition))
      console.log(statusLine(status));
  }
}
