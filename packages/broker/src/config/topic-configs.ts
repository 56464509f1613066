/**
 * Topic-level configuration, as Kafka defines it (LogConfig / TopicConfig), with each topic config's broker-level
 * synonyms in Kafka's precedence order. A topic's effective value is its own override, else the first synonym
 * set on the broker (converted to the topic config's unit), else Kafka's default.
 */
import { LONG_MAX, type ConfigDef } from './config-def.ts';
import { checkGzipLevel, checkMetadataVersion, throttledReplicasCheck } from './kafka-validators.ts';

const NOT_ACTED_ON = 'Accepted, validated, stored and described, not acted on by Sluice.';

const LONG_MAX_TEXT = LONG_MAX.toString();
const COMPRESSION_TYPES = ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] as const;

export const TOPIC_CONFIG_DEFS: readonly ConfigDef[] = [
  {
    name: 'cleanup.policy',
    type: 'list',
    defaultValue: 'delete',
    validValues: ['compact', 'delete'],
    documentation: 'The retention policy to use on old log segments: "delete", "compact" or both.',
  },
  {
    name: 'compression.type',
    type: 'string',
    defaultValue: 'producer',
    validValues: COMPRESSION_TYPES,
    caseInsensitive: true,
    documentation: "The final compression of the topic's data; 'producer' keeps what the producer sent.",
  },
  {
    name: 'compression.gzip.level',
    type: 'int',
    defaultValue: '-1',
    check: checkGzipLevel,
    documentation: `The compression level to use if compression.type is set to gzip. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'compression.lz4.level',
    type: 'int',
    defaultValue: '9',
    min: 1,
    max: 17,
    documentation: `The compression level to use if compression.type is set to lz4. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'compression.zstd.level',
    type: 'int',
    defaultValue: '3',
    min: -131072,
    max: 22,
    documentation: `The compression level to use if compression.type is set to zstd. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'delete.retention.ms',
    type: 'long',
    defaultValue: '86400000',
    min: 0n,
    documentation: 'How long delete tombstones are retained on compacted topics.',
  },
  {
    name: 'file.delete.delay.ms',
    type: 'long',
    defaultValue: '60000',
    min: 0n,
    documentation: 'The time to wait before deleting a file from the filesystem.',
  },
  {
    name: 'flush.messages',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 1n,
    documentation: 'Force an fsync of the log after this many messages (default: leave it to the OS).',
  },
  {
    name: 'flush.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 0n,
    documentation: 'Force an fsync of the log after this many milliseconds (default: leave it to the OS).',
  },
  {
    name: 'follower.replication.throttled.replicas',
    type: 'list',
    defaultValue: '',
    check: throttledReplicasCheck('follower.replication.throttled.replicas'),
    documentation: `Replicas for which follower replication is throttled. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'index.interval.bytes',
    type: 'int',
    defaultValue: '4096',
    min: 0,
    documentation: 'How often (in bytes of log) an entry is added to the offset index.',
  },
  {
    name: 'leader.replication.throttled.replicas',
    type: 'list',
    defaultValue: '',
    check: throttledReplicasCheck('leader.replication.throttled.replicas'),
    documentation: `Replicas for which leader replication is throttled. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'local.retention.bytes',
    type: 'long',
    defaultValue: '-2',
    min: -2n,
    documentation: `Local retention bytes with tiered storage (-2: use retention.bytes). ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'local.retention.ms',
    type: 'long',
    defaultValue: '-2',
    min: -2n,
    documentation: `Local retention time with tiered storage (-2: use retention.ms). ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'max.compaction.lag.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 1n,
    documentation: 'The maximum time a message will remain ineligible for compaction.',
  },
  {
    name: 'max.message.bytes',
    type: 'int',
    defaultValue: '1048588',
    min: 0,
    documentation: 'The largest record batch size allowed (after compression).',
  },
  {
    name: 'message.timestamp.after.max.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 0n,
    documentation: 'How far in the future a record timestamp may be, for CreateTime topics.',
  },
  {
    name: 'message.timestamp.before.max.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 0n,
    documentation: 'How far in the past a record timestamp may be, for CreateTime topics.',
  },
  {
    name: 'message.downconversion.enable',
    type: 'boolean',
    defaultValue: 'true',
    documentation: `Whether the broker may down-convert records for consumers of older fetch versions. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'message.format.version',
    type: 'string',
    defaultValue: '3.0-IV1',
    check: checkMetadataVersion,
    documentation: `Deprecated since Kafka 3.0, where it is ignored: the message format is v2. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'message.timestamp.difference.max.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 0n,
    documentation:
      'Deprecated: how far a record timestamp may differ from the broker time; used for message.timestamp.before.max.ms and message.timestamp.after.max.ms while they are at their defaults.',
  },
  {
    name: 'message.timestamp.type',
    type: 'string',
    defaultValue: 'CreateTime',
    validValues: ['CreateTime', 'LogAppendTime'],
    documentation: "Whether record timestamps are the producer's create time or the broker's append time.",
  },
  {
    name: 'min.cleanable.dirty.ratio',
    type: 'double',
    defaultValue: '0.5',
    min: 0,
    max: 1,
    documentation: 'How dirty a log may be before the cleaner compacts it.',
  },
  {
    name: 'min.compaction.lag.ms',
    type: 'long',
    defaultValue: '0',
    min: 0n,
    documentation: 'The minimum time a message will remain uncompacted in the log.',
  },
  {
    name: 'min.insync.replicas',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation: 'The minimum number of in-sync replicas that must acknowledge a write with acks=all.',
  },
  {
    name: 'preallocate',
    type: 'boolean',
    defaultValue: 'false',
    documentation: `Preallocate the file on disk when creating a new log segment. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'remote.log.copy.disable',
    type: 'boolean',
    defaultValue: 'false',
    documentation: `Stops copying segments to tiered storage for a topic that has it enabled. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'remote.log.delete.on.disable',
    type: 'boolean',
    defaultValue: 'false',
    documentation: `Whether tiered data is deleted when tiered storage is disabled for the topic. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'remote.storage.enable',
    type: 'boolean',
    defaultValue: 'false',
    documentation: `Whether tiered storage is enabled for the topic. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
  {
    name: 'retention.bytes',
    type: 'long',
    defaultValue: '-1',
    documentation: 'The maximum size a partition can grow to before old segments are deleted (-1: no limit).',
  },
  {
    name: 'retention.ms',
    type: 'long',
    defaultValue: '604800000',
    min: -1n,
    documentation: 'How long a log is retained before old segments are deleted (-1: no limit).',
  },
  {
    name: 'segment.bytes',
    type: 'int',
    defaultValue: '1073741824',
    min: 14,
    documentation: 'The segment file size of the log.',
  },
  {
    name: 'segment.index.bytes',
    type: 'int',
    defaultValue: '10485760',
    min: 4,
    documentation: 'The size of the index that maps offsets to file positions.',
  },
  {
    name: 'segment.jitter.ms',
    type: 'long',
    defaultValue: '0',
    min: 0n,
    documentation: 'The maximum random jitter subtracted from segment.ms.',
  },
  {
    name: 'segment.ms',
    type: 'long',
    defaultValue: '604800000',
    min: 1n,
    documentation: 'The period after which the log rolls a new segment even if the current one is not full.',
  },
  {
    name: 'unclean.leader.election.enable',
    type: 'boolean',
    defaultValue: 'false',
    documentation: `Whether replicas outside the ISR may be elected leader as a last resort. ${NOT_ACTED_ON}`,
    notActedOn: true,
  },
];

export const TOPIC_CONFIGS: ReadonlyMap<string, ConfigDef> = new Map(
  TOPIC_CONFIG_DEFS.map((d) => [d.name, d]),
);

/** A broker config that provides a topic config's default, and how to turn its value into the topic's unit. */
export interface TopicConfigSynonym {
  brokerConfig: string;
  toTopicValue: (brokerValue: string) => string;
}

const same = (value: string) => value;
const hoursToMs = (value: string) => (BigInt(value.trim()) * 3_600_000n).toString();
const minutesToMs = (value: string) => (BigInt(value.trim()) * 60_000n).toString();

function synonyms(...entries: (string | [string, (v: string) => string])[]): TopicConfigSynonym[] {
  return entries.map((entry) =>
    typeof entry === 'string'
      ? { brokerConfig: entry, toTopicValue: same }
      : { brokerConfig: entry[0], toTopicValue: entry[1] },
  );
}

/** Kafka's topic-config synonyms, highest precedence first (ServerTopicConfigSynonyms). */
export const TOPIC_CONFIG_SYNONYMS: ReadonlyMap<string, readonly TopicConfigSynonym[]> = new Map([
  ['cleanup.policy', synonyms('log.cleanup.policy')],
  ['compression.type', synonyms('compression.type')],
  ['compression.gzip.level', synonyms('compression.gzip.level')],
  ['compression.lz4.level', synonyms('compression.lz4.level')],
  ['compression.zstd.level', synonyms('compression.zstd.level')],
  ['delete.retention.ms', synonyms('log.cleaner.delete.retention.ms')],
  ['file.delete.delay.ms', synonyms('log.segment.delete.delay.ms')],
  ['flush.messages', synonyms('log.flush.interval.messages')],
  ['flush.ms', synonyms('log.flush.interval.ms', 'log.flush.scheduler.interval.ms')],
  ['index.interval.bytes', synonyms('log.index.interval.bytes')],
  ['local.retention.bytes', synonyms('log.local.retention.bytes')],
  ['local.retention.ms', synonyms('log.local.retention.ms')],
  ['max.compaction.lag.ms', synonyms('log.cleaner.max.compaction.lag.ms')],
  ['max.message.bytes', synonyms('message.max.bytes')],
  ['message.timestamp.after.max.ms', synonyms('log.message.timestamp.after.max.ms')],
  ['message.timestamp.before.max.ms', synonyms('log.message.timestamp.before.max.ms')],
  ['message.timestamp.type', synonyms('log.message.timestamp.type')],
  ['message.timestamp.difference.max.ms', synonyms('log.message.timestamp.difference.max.ms')],
  ['message.format.version', synonyms('log.message.format.version')],
  ['message.downconversion.enable', synonyms('log.message.downconversion.enable')],
  ['min.cleanable.dirty.ratio', synonyms('log.cleaner.min.cleanable.ratio')],
  ['min.compaction.lag.ms', synonyms('log.cleaner.min.compaction.lag.ms')],
  ['min.insync.replicas', synonyms('min.insync.replicas')],
  ['preallocate', synonyms('log.preallocate')],
  [
    'retention.ms',
    synonyms('log.retention.ms', ['log.retention.minutes', minutesToMs], ['log.retention.hours', hoursToMs]),
  ],
  ['retention.bytes', synonyms('log.retention.bytes')],
  ['segment.bytes', synonyms('log.segment.bytes')],
  ['segment.index.bytes', synonyms('log.index.size.max.bytes')],
  ['segment.jitter.ms', synonyms('log.roll.jitter.ms', ['log.roll.jitter.hours', hoursToMs])],
  ['segment.ms', synonyms('log.roll.ms', ['log.roll.hours', hoursToMs])],
  ['unclean.leader.election.enable', synonyms('unclean.leader.election.enable')],
]);
