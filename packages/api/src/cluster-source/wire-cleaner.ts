/**
 * The log cleaner's status of a cluster's partitions, each read from its partition leader's HTTP listener
 * (GET /v1/cleaner on the port the broker reports as sluice.http.port; packages/client's broker-cleaner.ts),
 * at most once every few seconds per broker, so the Cleaner page's polling does not hammer the brokers.
 *
 * A partition is read from its leader, the replica the cluster serves; a follower's cleaner works the same way on
 * its own copy. A leader that does not answer in time, or answers something that is not cleaner statuses, makes
 * that leader's partitions unread, with the reason; the others are shown. An Apache Kafka broker (no
 * sluice.http.port) has no status to give: NO_WIRE_CLEANER_STATUS, as for the whole of a Kafka cluster; so has a
 * Sluice broker with its HTTP listener off, which the reason says.
 */
import {
  SLUICE_HTTP_PORT_CONFIG,
  type BrokerCleanerAnswer,
  type BrokerCleanerStatusCache,
  type ClusterClient,
} from '@sluice/client';
import { ApiKey, ErrorCode } from '@sluice/protocol';
import {
  byCleaningNeed,
  NO_WIRE_CLEANER_STATUS,
  type BrokerPartitionCleanerStatus,
  type CleanerOverview,
  type PartitionCleaner,
  type PartitionCleanerStatus,
  type UnreadCleanerStatus,
} from './compaction-status.ts';

const RESOURCE_TOPIC = 2;

export interface LedPartition {
  topic: string;
  partition: number;
  /** -1: none. */
  leader: number;
}

/** A partition's status as its leader reported it, or why there is none. */
export type LeaderCleaner =
  | { status: PartitionCleanerStatus; brokerId: number; reason: null }
  | { status: null; brokerId: number | null; reason: string };

function unreadReason(answer: Exclude<BrokerCleanerAnswer, { kind: 'read' }>): string {
  switch (answer.kind) {
    case 'not-sluice':
      return NO_WIRE_CLEANER_STATUS;
    case 'no-listener':
      return `${answer.reason}: its HTTP listener, where a Sluice broker reports its log cleaner, is off`;
    case 'failed':
      return answer.reason;
  }
}

/** What each partition's leader says of its cleaner, in the order of `partitions`; one read per leader. */
export async function cleanersFromLeaders(
  brokers: BrokerCleanerStatusCache,
  partitions: readonly LedPartition[],
): Promise<LeaderCleaner[]> {
  const leaders = [...new Set(partitions.map((p) => p.leader).filter((id) => id >= 0))];
  const answers = new Map(
    await Promise.all(leaders.map(async (id) => [id, await brokers.read(id)] as const)),
  );
  return partitions.map(({ topic, partition, leader }): LeaderCleaner => {
    const answer = answers.get(leader);
    if (!answer) return { status: null, brokerId: null, reason: `${topic}-${partition} has no leader` };
    if (answer.kind !== 'read') return { status: null, brokerId: leader, reason: unreadReason(answer) };
    const status = answer.statuses.find((s) => s.topic === topic && s.partition === partition);
    return status
      ? { status, brokerId: leader, reason: null }
      : {
          status: null,
          brokerId: leader,
          reason: `broker ${leader}, its leader in the cluster metadata, reported no log of ${topic}-${partition}`,
        };
  });
}

/** A leader's answer for one partition as the topic compaction view shows it; the outlook needs the segments. */
export function partitionCleanerOf(cleaner: LeaderCleaner): PartitionCleaner {
  return {
    cleaner: cleaner.status,
    cleanerBrokerId: cleaner.status ? cleaner.brokerId : null,
    cleanerUnavailableReason: cleaner.reason,
    retention: null,
  };
}

/** The topics of `names` whose cleanup.policy has "compact", by one DescribeConfigs; a topic it fails for is left out. */
async function compactedTopics(client: ClusterClient, names: string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const response = await (
    await client.any()
  ).request(ApiKey.DescribeConfigs, {
    resources: names.map((name) => ({
      resourceType: RESOURCE_TOPIC,
      resourceName: name,
      configurationKeys: ['cleanup.policy'],
    })),
    includeSynonyms: false,
    includeDocumentation: false,
  });
  return new Set(
    response.results
      .filter(
        (r) =>
          r.errorCode === ErrorCode.NONE &&
          r.configs.some((c) => c.name === 'cleanup.policy' && (c.value ?? '').includes('compact')),
      )
      .map((r) => r.resourceName),
  );
}

/** Splits what the leaders said into the overview's read statuses and unread partitions. */
export function overviewOf(
  partitions: readonly LedPartition[],
  cleaners: readonly LeaderCleaner[],
  alsoRead: readonly BrokerPartitionCleanerStatus[] = [],
): CleanerOverview {
  const read: BrokerPartitionCleanerStatus[] = [...alsoRead];
  const unread: UnreadCleanerStatus[] = [];
  partitions.forEach(({ topic, partition }, i) => {
    const cleaner = cleaners[i]!;
    if (cleaner.status) read.push({ ...cleaner.status, brokerId: cleaner.brokerId });
    else unread.push({ topic, partition, brokerId: cleaner.brokerId, reason: cleaner.reason });
  });
  return {
    unavailableReason: null,
    partitions: read.sort(byCleaningNeed),
    unread: unread.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
    readAt: Date.now(),
  };
}

/**
 * Every compacted partition of the cluster (cleanup.policy from DescribeConfigs, or any broker's report of it),
 * each from its leader. When no broker is a Sluice broker, the whole overview is unavailable.
 */
export async function clusterCleanerOverview(
  client: ClusterClient,
  brokers: BrokerCleanerStatusCache,
): Promise<CleanerOverview> {
  const metadata = await client.metadata(null);
  const answers = await Promise.all(metadata.brokers.map((b) => brokers.read(b.nodeId)));
  const unavailable = (reason: string) => ({
    unavailableReason: reason,
    partitions: [],
    unread: [],
    readAt: Date.now(),
  });
  if (answers.length > 0 && answers.every((a) => a.kind === 'not-sluice'))
    return unavailable(NO_WIRE_CLEANER_STATUS);
  if (answers.length > 0 && answers.every((a) => a.kind === 'not-sluice' || a.kind === 'no-listener'))
    return unavailable(
      `no broker has ${SLUICE_HTTP_PORT_CONFIG}: the HTTP listener, where a Sluice broker reports its log ` +
        'cleaner, is off on every broker',
    );
  const topics = metadata.topics.filter((t) => t.errorCode === ErrorCode.NONE && t.name !== null);
  const compacted = await compactedTopics(
    client,
    topics.map((t) => t.name!),
  );
  for (const answer of answers)
    if (answer.kind === 'read')
      for (const s of answer.statuses) if (s.cleanupPolicy.includes('compact')) compacted.add(s.topic);
  const partitions = topics
    .filter((t) => compacted.has(t.name!))
    .flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.name!, partition: p.partitionIndex, leader: p.leaderId })),
    );
  return overviewOf(partitions, await cleanersFromLeaders(brokers, partitions));
}
