/**
 * The log cleaner's status of a compacted topic's partitions, for `sluice topics describe`. Kafka shows it only
 * as JMX metrics; a Sluice broker serves it as JSON on its HTTP listener (GET /v1/cleaner?topic=, the broker
 * config `sluice.http.port`), which the CLI finds through DescribeConfigs on each partition leader. A broker
 * without that listener (a Kafka broker, or one started with the listener off) is reported as such.
 */
import { readBrokerCleanerStatus, type ClusterClient } from '@sluice/client';
import type { PartitionCleanerStatus } from '@sluice/validators';

/** How long each leader has to describe its configs and answer GET /v1/cleaner. */
const LEADER_TIMEOUT_MS = 10_000;

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
    const answer = await readBrokerCleanerStatus(client, leaderId, { topic, timeoutMs: LEADER_TIMEOUT_MS });
    if (answer.kind !== 'read') {
      console.log(`\tPartitions ${[...led].sort((a, b) => a - b).join(',')}: unavailable, ${answer.reason}`);
      continue;
    }
    for (const status of answer.statuses
      .filter((s) => s.topic === topic && led.has(s.partition))
      .sort((a, b) => a.partition - b.partition))
      console.log(statusLine(status));
  }
}
