/**
 * What the log cleaner and retention are doing with a topic's partitions, for the console's Compaction view and
 * Cleaner page.
 *
 * Only a broker can say what its own cleaner does. The embedded broker is read in-process
 * (Broker.cleanerStatus); any other Sluice broker serves its status on its HTTP listener (GET /v1/cleaner, found
 * through its sluice.http.port config), which wire-cleaner.ts reads from each partition's leader. Kafka exposes
 * its cleaner only as JMX metrics and log lines, never over the wire protocol, so for Apache Kafka brokers the
 * cleaner status is unavailable, with that reason, and never estimated; so is a partition whose leader does not
 * answer. What the wire does give is shown either way: each partition's size (DescribeLogDirs) and the topic's
 * cleanup and retention configs (DescribeConfigs).
 *
 * Times are epoch milliseconds on the broker's clock.
 */
import type { PartitionCleanerStatus } from '@sluice/validators';

/**
 * The broker's PartitionCleanerStatus as the API sends it: the shape GET /v1/cleaner is validated against
 * (packages/validators), so that the console, which compiles the router's types, does not compile the engine.
 * The embedded source assigns the broker's type to it, so a change there that breaks it fails to compile.
 */
export type { PartitionCleanerStatus };

/** The topic configs that decide cleaning and retention, in the order the console lists them. */
export const COMPACTION_CONFIGS = [
  'cleanup.policy',
  'min.cleanable.dirty.ratio',
  'min.compaction.lag.ms',
  'max.compaction.lag.ms',
  'delete.retention.ms',
  'retention.ms',
  'retention.bytes',
  'segment.bytes',
  'segment.ms',
] as const;

export const NO_WIRE_CLEANER_STATUS =
  'Kafka exposes the log cleaner only as JMX metrics and log lines, not over the wire protocol; ' +
  'the console can read it only from Sluice brokers (their HTTP listener, sluice.http.port) ' +
  'and from the broker embedded in its own process';

/**
 * When retention will next delete a partition's oldest segment, as PartitionLog.enforceRetention decides: only a
 * segment followed by another wholly below the high watermark goes, so a log of one (active) segment keeps it
 * until it rolls. The broker acts at its next retention check after the time given
 * (log.retention.check.interval.ms).
 */
export interface RetentionOutlook {
  /** Base offset and size of the oldest segment, the next to go. */
  oldestSegmentBaseOffset: number;
  oldestSegmentBytes: number;
  /** Only the active segment is left, or the next segment is not yet below the high watermark: nothing can go. */
  blocked: boolean;
  /** The oldest segment's largest timestamp + retention.ms; null when retention.ms is -1 or blocked. */
  deleteByTimeAt: number | null;
  /** Bytes still to be appended before retention.bytes deletes the oldest segment (0: due now); null when retention.bytes is -1 or blocked. */
  bytesUntilDeleteBySize: number | null;
}

export interface PartitionCompaction {
  partition: number;
  leader: number;
  /** The leader replica's size on disk (DescribeLogDirs); null when its broker did not answer. */
  sizeBytes: number | null;
  /** This broker's replica's cleaner status; null when unavailable (see cleanerUnavailableReason). */
  cleaner: PartitionCleanerStatus | null;
  /** The broker whose replica `cleaner` describes. */
  cleanerBrokerId: number | null;
  cleanerUnavailableReason: string | null;
  /** For topics with cleanup.policy delete; null when not deleting, or when it cannot be read (remote). */
  retention: RetentionOutlook | null;
}

export interface TopicCompaction {
  topic: string;
  /** COMPACTION_CONFIGS with the topic's values (null: not described, e.g. not authorized). */
  configs: { name: string; value: string | null; source: string | null }[];
  compacted: boolean;
  deletes: boolean;
  /** Set when no partition's cleaner status could be read. */
  cleanerUnavailableReason: string | null;
  partitions: PartitionCompaction[];
  /** When this was read, on the console's clock. */
  readAt: number;
}

/** A partition's cleaner status as the broker `brokerId` reports it of its replica. */
export type BrokerPartitionCleanerStatus = PartitionCleanerStatus & { brokerId: number };

/** A compacted partition whose cleaner status could not be read, and why. */
export interface UnreadCleanerStatus {
  topic: string;
  partition: number;
  /** The broker that was asked (the partition's leader); null when there was none to ask. */
  brokerId: number | null;
  reason: string;
}

export interface CleanerOverview {
  /** Set when no broker of the cluster can report its cleaner (Apache Kafka): partitions and unread are empty. */
  unavailableReason: string | null;
  /**
   * Compacted partitions, each as one broker's replica of it (the partition leader's, or the embedded broker's
   * own), uncleanable ones first, then by dirty ratio and cleanable bytes.
   */
  partitions: BrokerPartitionCleanerStatus[];
  /** Compacted partitions whose cleaner status could not be read, by topic and partition. */
  unread: UnreadCleanerStatus[];
  readAt: number;
}

/** The order the Cleaner page lists partitions in: most in need of cleaning first. */
export function byCleaningNeed(a: PartitionCleanerStatus, b: PartitionCleanerStatus): number {
  const uncleanable = Number(b.uncleanableReason !== null) - Number(a.uncleanableReason !== null);
  return (
    uncleanable ||
    b.dirtyRatio - a.dirtyRatio ||
    b.cleanableBytes - a.cleanableBytes ||
    a.topic.localeCompare(b.topic) ||
    a.partition - b.partition
  );
}

/** The parts of a partition log retention goes by (PartitionLog's public accessors). */
export interface RetentionView {
  logConfig: { cleanupPolicy: readonly string[]; retentionMs: number; retentionBytes: number };
  size: number;
  highWatermark: number;
  activeSegment: { baseOffset: number; size: number };
  closedSegments(): readonly { baseOffset: number; size: number; largestTimestamp: number }[];
}

/** As PartitionLog.enforceRetention would decide next; null when cleanup.policy has no "delete". */
export function retentionOutlook(log: RetentionView): RetentionOutlook | null {
  const config = log.logConfig;
  if (!config.cleanupPolicy.includes('delete')) return null;
  const closed = log.closedSegments();
  const oldest = closed[0] ?? log.activeSegment;
  const next = closed[1] ?? (closed.length > 0 ? log.activeSegment : undefined);
  const blocked = next === undefined || next.baseOffset > log.highWatermark;
  const largestTimestamp = closed[0]?.largestTimestamp;
  return {
    oldestSegmentBaseOffset: oldest.baseOffset,
    oldestSegmentBytes: oldest.size,
    blocked,
    deleteByTimeAt:
      blocked || config.retentionMs < 0 || largestTimestamp === undefined
        ? null
        : largestTimestamp + config.retentionMs,
    bytesUntilDeleteBySize:
      blocked || config.retentionBytes < 0
        ? null
        : Math.max(0, config.retentionBytes + oldest.size - log.size),
  };
}

/** What is known of one partition's cleaner: its status and retention outlook, or why there is none. */
export type PartitionCleaner = Pick<
  PartitionCompaction,
  'cleaner' | 'cleanerBrokerId' | 'cleanerUnavailableReason' | 'retention'
>;

/** What the wire protocol gives of a topic for its compaction status (a TopicDetail is one). */
export interface CompactionWireDetail {
  name: string;
  configs: { name: string; value: string | null; source: string }[];
  partitions: { partition: number; leader: number; sizeBytes: number | null }[];
}

/**
 * A topic's compaction status: sizes and configs as the wire protocol gives them, each partition's cleaner as
 * `cleanerOf` says. The topic's own cleanerUnavailableReason is set only when no partition's status was read:
 * the partitions' reason when they share one.
 */
export function wireTopicCompaction(
  detail: CompactionWireDetail,
  cleanerOf: (partition: CompactionWireDetail['partitions'][number]) => PartitionCleaner,
): TopicCompaction {
  const configs = COMPACTION_CONFIGS.map((name) => {
    const entry = detail.configs.find((c) => c.name === name);
    return { name, value: entry?.value ?? null, source: entry?.source ?? null };
  });
  const policy = configs[0]!.value ?? '';
  const partitions = detail.partitions.map((p) => ({
    partition: p.partition,
    leader: p.leader,
    sizeBytes: p.sizeBytes,
    ...cleanerOf(p),
  }));
  const reasons = new Set(partitions.map((p) => p.cleanerUnavailableReason));
  const [shared] = reasons;
  return {
    topic: detail.name,
    configs,
    compacted: policy.includes('compact'),
    deletes: policy.includes('delete'),
    cleanerUnavailableReason: partitions.some((p) => p.cleaner)
      ? null
      : reasons.size === 1 && shared
        ? shared
        : "no partition's cleaner status could be read; each partition says why",
    partitions,
    readAt: Date.now(),
  };
}
