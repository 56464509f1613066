/**
 * Broker-level configuration by Kafka's names and defaults (KafkaConfig). Every name of Kafka 3.9's broker
 * configuration is known (the catalog tables in broker-catalog/); the definitions below are the ones Sluice acts
 * on, with Sluice's documentation and, where a single loopback broker needs it, Sluice's default. Every other name
 * is accepted, validated with Kafka's type and range, stored and described, and marked as not acted on.
 */
import { COORDINATORS_CONFIGS } from './broker-catalog/coordinators.ts';
import { catalogRowToDef, type CatalogRow } from './broker-catalog/catalog-row.ts';
import { KRAFT_CONFIGS } from './broker-catalog/kraft.ts';
import { LOG_CONFIGS } from './broker-catalog/log.ts';
import { REMOTE_STORAGE_CONFIGS } from './broker-catalog/remote-storage.ts';
import { REPLICATION_CONFIGS } from './broker-catalog/replication.ts';
import { SECURITY_CONFIGS } from './broker-catalog/security.ts';
import { SERVER_CONFIGS } from './broker-catalog/server.ts';
import { ZOOKEEPER_CONFIGS } from './broker-catalog/zookeeper.ts';
import { LONG_MAX, type ConfigDef } from './config-def.ts';

const LONG_MAX_TEXT = LONG_MAX.toString();

/** The broker configs Sluice acts on. */
const ACTED_ON_BROKER_CONFIG_DEFS: readonly ConfigDef[] = [
  // Server basics.
  { name: 'node.id', type: 'int', defaultValue: '1', min: 0, documentation: 'The id of this broker.' },
  {
    name: 'listeners',
    type: 'list',
    defaultValue: 'PLAINTEXT://127.0.0.1:9092',
    documentation: 'Listener URIs the broker binds.',
  },
  {
    name: 'advertised.listeners',
    type: 'list',
    defaultValue: null,
    documentation: 'Listener URIs handed to clients in metadata (default: listeners).',
  },
  { name: 'log.dirs', type: 'list', defaultValue: null, documentation: 'Directories holding the log data.' },
  {
    name: 'num.partitions',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation: 'The default number of partitions of auto-created topics.',
  },
  {
    name: 'default.replication.factor',
    type: 'short',
    defaultValue: '1',
    min: 1,
    documentation: 'The default replication factor of auto-created topics.',
  },
  {
    name: 'auto.create.topics.enable',
    type: 'boolean',
    defaultValue: 'true',
    documentation: 'Create a topic when a client asks for metadata of one that does not exist.',
  },
  {
    name: 'delete.topic.enable',
    type: 'boolean',
    defaultValue: 'true',
    documentation: 'Whether topics can be deleted.',
  },
  {
    name: 'message.max.bytes',
    type: 'int',
    defaultValue: '1048588',
    min: 0,
    documentation: 'The largest record batch size allowed (topic synonym: max.message.bytes).',
  },
  {
    name: 'socket.request.max.bytes',
    type: 'int',
    defaultValue: '104857600',
    min: 1,
    documentation: 'The maximum number of bytes in a socket request.',
  },
  {
    name: 'max.connections',
    type: 'int',
    defaultValue: '2147483647',
    min: 0,
    documentation: 'The maximum number of connections the broker accepts.',
  },
  {
    name: 'connections.max.idle.ms',
    type: 'long',
    defaultValue: '600000',
    documentation: 'Idle connections are closed after this many milliseconds.',
  },
  {
    name: 'max.request.partition.size.limit',
    type: 'int',
    defaultValue: '2000',
    min: 1,
    documentation:
      'The most partitions one DescribeTopicPartitions response holds, whatever the client asks for.',
  },
  // Log defaults for topics (synonyms of topic configs).
  {
    name: 'log.cleanup.policy',
    type: 'list',
    defaultValue: 'delete',
    validValues: ['compact', 'delete'],
    documentation: 'The default cleanup policy for segments beyond the retention window.',
  },
  {
    name: 'compression.type',
    type: 'string',
    defaultValue: 'producer',
    validValues: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'],
    caseInsensitive: true,
    documentation: 'The default final compression of topics.',
  },
  {
    name: 'log.cleaner.enable',
    type: 'boolean',
    defaultValue: 'true',
    documentation: 'Whether the log cleaner compacts topics whose cleanup.policy includes compact.',
  },
  {
    name: 'log.cleaner.backoff.ms',
    type: 'long',
    defaultValue: '15000',
    min: 0,
    documentation: 'How long the cleaner sleeps when no log needs cleaning.',
  },
  {
    name: 'log.cleaner.dedupe.buffer.size',
    type: 'long',
    defaultValue: '134217728',
    min: 0,
    documentation:
      'Memory for the key -> offset maps of all cleaner threads together; a pass cleans what its map covers.',
  },
  {
    name: 'log.cleaner.threads',
    type: 'int',
    defaultValue: '1',
    min: 0,
    documentation:
      'Worker threads that compact logs off the request path, one log each at a time; with 0 nothing is compacted.',
  },
  {
    name: 'log.cleaner.io.max.bytes.per.second',
    type: 'double',
    defaultValue: '1.7976931348623157E308',
    documentation:
      'The log cleaner is throttled so that its reads and writes together stay below this (the default: no limit).',
  },
  {
    name: 'log.cleaner.delete.retention.ms',
    type: 'long',
    defaultValue: '86400000',
    min: 0n,
    documentation: 'How long delete tombstones are retained on compacted topics.',
  },
  {
    name: 'log.segment.delete.delay.ms',
    type: 'long',
    defaultValue: '60000',
    min: 0n,
    documentation: 'The time to wait before deleting a file from the filesystem.',
  },
  {
    name: 'log.flush.interval.messages',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 1n,
    documentation: 'Messages accumulated on a log partition before they are flushed to disk.',
  },
  {
    name: 'log.flush.interval.ms',
    type: 'long',
    defaultValue: null,
    documentation:
      'Maximum time a message stays in memory before it is flushed (default: log.flush.scheduler.interval.ms).',
  },
  {
    name: 'log.flush.scheduler.interval.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    documentation: 'How often the log flusher checks whether any log needs flushing.',
  },
  {
    name: 'log.flush.offset.checkpoint.interval.ms',
    type: 'int',
    defaultValue: '60000',
    min: 0,
    documentation: 'How often the recovery point checkpoint is written.',
  },
  {
    name: 'log.index.interval.bytes',
    type: 'int',
    defaultValue: '4096',
    min: 0,
    documentation: 'The interval (bytes of log) between offset index entries.',
  },
  {
    name: 'log.index.size.max.bytes',
    type: 'int',
    defaultValue: '10485760',
    min: 4,
    documentation: 'The maximum size of an offset index in bytes.',
  },
  {
    name: 'log.cleaner.max.compaction.lag.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 1n,
    documentation: 'The maximum time a message will remain ineligible for compaction.',
  },
  {
    name: 'log.message.timestamp.after.max.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 0n,
    documentation: 'How far in the future a record timestamp may be.',
  },
  {
    name: 'log.message.timestamp.before.max.ms',
    type: 'long',
    defaultValue: LONG_MAX_TEXT,
    min: 0n,
    documentation: 'How far in the past a record timestamp may be.',
  },
  {
    name: 'log.message.timestamp.type',
    type: 'string',
    defaultValue: 'CreateTime',
    validValues: ['CreateTime', 'LogAppendTime'],
    documentation: 'The default timestamp type of topics.',
  },
  {
    name: 'log.cleaner.min.cleanable.ratio',
    type: 'double',
    defaultValue: '0.5',
    min: 0,
    max: 1,
    documentation: 'The minimum dirty ratio for a log to be cleaned.',
  },
  {
    name: 'log.cleaner.min.compaction.lag.ms',
    type: 'long',
    defaultValue: '0',
    min: 0n,
    documentation: 'The minimum time a message will remain uncompacted.',
  },
  {
    name: 'min.insync.replicas',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation: 'The minimum number of in-sync replicas for acks=all writes.',
  },
  {
    name: 'log.retention.ms',
    type: 'long',
    defaultValue: null,
    documentation: 'Retention time in ms (default: log.retention.minutes, then log.retention.hours).',
  },
  {
    name: 'log.retention.minutes',
    type: 'int',
    defaultValue: null,
    documentation: 'Retention time in minutes (default: log.retention.hours).',
  },
  {
    name: 'log.retention.hours',
    type: 'int',
    defaultValue: '168',
    documentation: 'Retention time in hours.',
  },
  {
    name: 'log.retention.bytes',
    type: 'long',
    defaultValue: '-1',
    documentation: 'The maximum size of a partition before old segments are deleted.',
  },
  {
    name: 'log.retention.check.interval.ms',
    type: 'long',
    defaultValue: '300000',
    min: 1n,
    documentation: 'How often the retention of every log is checked.',
  },
  {
    name: 'log.segment.bytes',
    type: 'int',
    defaultValue: '1073741824',
    min: 14,
    documentation: 'The maximum size of a single log segment file.',
  },
  {
    name: 'log.roll.ms',
    type: 'long',
    defaultValue: null,
    documentation: 'The maximum time before a new segment is rolled (default: log.roll.hours).',
  },
  {
    name: 'log.roll.hours',
    type: 'int',
    defaultValue: '168',
    min: 1,
    documentation: 'Segment roll time in hours.',
  },
  {
    name: 'log.roll.jitter.ms',
    type: 'long',
    defaultValue: null,
    documentation: 'The maximum jitter subtracted from segment roll time.',
  },
  {
    name: 'log.roll.jitter.hours',
    type: 'int',
    defaultValue: '0',
    min: 0,
    documentation: 'The maximum jitter, in hours, subtracted from segment roll time.',
  },
  {
    name: 'unclean.leader.election.enable',
    type: 'boolean',
    defaultValue: 'false',
    documentation: 'Whether replicas outside the ISR may be elected leader.',
  },
  // Replication (Kafka's ReplicationConfigs).
  {
    name: 'replica.lag.time.max.ms',
    type: 'long',
    defaultValue: '30000',
    min: 1n,
    documentation: 'A follower that has not caught up with the leader for this long is removed from the ISR.',
  },
  {
    name: 'replica.fetch.max.bytes',
    type: 'int',
    defaultValue: '1048576',
    min: 0,
    documentation: 'The bytes a follower asks for per partition in each fetch.',
  },
  {
    name: 'replica.fetch.response.max.bytes',
    type: 'int',
    defaultValue: '10485760',
    min: 0,
    documentation: 'The bytes a follower asks for in each fetch response.',
  },
  {
    name: 'replica.fetch.min.bytes',
    type: 'int',
    defaultValue: '1',
    min: 0,
    documentation: 'The bytes a follower waits for in each fetch, up to replica.fetch.wait.max.ms.',
  },
  {
    name: 'replica.fetch.wait.max.ms',
    type: 'int',
    defaultValue: '500',
    min: 0,
    documentation: 'How long the leader may hold a follower fetch waiting for data.',
  },
  {
    name: 'replica.fetch.backoff.ms',
    type: 'int',
    defaultValue: '1000',
    min: 0,
    documentation: 'How long a follower waits after a failed fetch of a partition before retrying it.',
  },
  {
    name: 'replica.socket.timeout.ms',
    type: 'int',
    defaultValue: '30000',
    min: 1,
    documentation: 'The socket timeout of follower fetch requests (beyond replica.fetch.wait.max.ms).',
  },
  {
    name: 'num.replica.fetchers',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation: 'The fetchers (connections) a follower uses per source broker.',
  },
  // Groups, offsets and producer state.
  {
    name: 'offsets.topic.num.partitions',
    type: 'int',
    defaultValue: '50',
    min: 1,
    documentation: 'The number of partitions of __consumer_offsets.',
  },
  {
    name: 'offsets.topic.replication.factor',
    type: 'short',
    defaultValue: '1',
    min: 1,
    documentation: 'The replication factor of __consumer_offsets (Kafka: 3; one broker here by default).',
  },
  {
    name: 'offsets.topic.segment.bytes',
    type: 'int',
    defaultValue: '104857600',
    min: 1,
    documentation: 'The segment size of __consumer_offsets, kept small so the cleaner can compact it often.',
  },
  // Transactions (the transaction coordinator and __transaction_state).
  {
    name: 'transaction.state.log.num.partitions',
    type: 'int',
    defaultValue: '50',
    min: 1,
    documentation: 'The number of partitions of __transaction_state.',
  },
  {
    name: 'transaction.state.log.replication.factor',
    type: 'short',
    defaultValue: '1',
    min: 1,
    documentation: 'The replication factor of __transaction_state (Kafka: 3; one broker here by default).',
  },
  {
    name: 'transaction.state.log.min.isr',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation:
      'min.insync.replicas of __transaction_state (Kafka: 2; one broker here by default, so a single broker can commit).',
  },
  {
    name: 'transaction.state.log.segment.bytes',
    type: 'int',
    defaultValue: '104857600',
    min: 1,
    documentation: 'The segment size of __transaction_state.',
  },
  {
    name: 'transaction.state.log.load.buffer.size',
    type: 'int',
    defaultValue: '5242880',
    min: 1,
    documentation:
      'How many bytes are read at a time when a coordinator loads a __transaction_state partition.',
  },
  {
    name: 'transaction.max.timeout.ms',
    type: 'int',
    defaultValue: '900000',
    min: 1,
    documentation:
      'The longest transaction.timeout.ms a producer may ask for; a longer one is refused with INVALID_TRANSACTION_TIMEOUT.',
  },
  {
    name: 'transaction.abort.timed.out.transaction.cleanup.interval.ms',
    type: 'int',
    defaultValue: '10000',
    min: 1,
    documentation: 'How often the coordinator aborts transactions open longer than their timeout.',
  },
  {
    name: 'transactional.id.expiration.ms',
    type: 'int',
    defaultValue: '604800000',
    min: 1,
    documentation:
      'A transactional id without a transaction for this long is forgotten (a tombstone in __transaction_state).',
  },
  {
    name: 'transaction.remove.expired.transaction.cleanup.interval.ms',
    type: 'int',
    defaultValue: '3600000',
    min: 1,
    documentation: 'How often the coordinator looks for expired transactional ids.',
  },
  {
    name: 'transaction.partition.verification.enable',
    type: 'boolean',
    defaultValue: 'true',
    documentation:
      "A partition leader asks the transaction coordinator whether a producer's first transactional batch belongs to an ongoing transaction (KIP-890), so late or zombie writes cannot open a hanging transaction.",
  },
  {
    name: 'request.timeout.ms',
    type: 'int',
    defaultValue: '30000',
    documentation:
      'How long the coordinator waits for __transaction_state writes and transaction markers to be replicated.',
  },
  {
    name: 'offsets.retention.minutes',
    type: 'int',
    defaultValue: '10080',
    min: 1,
    documentation:
      'Committed offsets are kept this long after the group became empty (or, for standalone consumers and topics a group no longer subscribes to, after the commit).',
  },
  {
    name: 'offsets.retention.check.interval.ms',
    type: 'long',
    defaultValue: '600000',
    min: 1,
    documentation: 'How often the coordinator looks for expired committed offsets.',
  },
  {
    name: 'group.initial.rebalance.delay.ms',
    type: 'int',
    defaultValue: '3000',
    documentation: 'How long the coordinator waits for more members before the first rebalance of a group.',
  },
  {
    name: 'group.min.session.timeout.ms',
    type: 'int',
    defaultValue: '6000',
    documentation: 'The minimum session timeout a member may ask for.',
  },
  {
    name: 'group.max.session.timeout.ms',
    type: 'int',
    defaultValue: '1800000',
    documentation: 'The maximum session timeout a member may ask for.',
  },
  {
    name: 'group.max.size',
    type: 'int',
    defaultValue: '2147483647',
    min: 1,
    documentation: 'The maximum number of members of a consumer group.',
  },
  // The consumer protocol (KIP-848): the coordinator, not the member, sets session and heartbeat timing.
  {
    name: 'group.consumer.session.timeout.ms',
    type: 'int',
    defaultValue: '45000',
    min: 1,
    documentation: 'How long a consumer-protocol member may go without a heartbeat before it is removed.',
  },
  {
    name: 'group.consumer.heartbeat.interval.ms',
    type: 'int',
    defaultValue: '5000',
    min: 1,
    documentation: 'The heartbeat interval the coordinator gives consumer-protocol members.',
  },
  // Client quotas (QuotaConfigs).
  {
    name: 'quota.window.num',
    type: 'int',
    defaultValue: '11',
    min: 1,
    documentation: 'The number of samples to retain in memory for client quotas.',
  },
  {
    name: 'quota.window.size.seconds',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation: 'The time span of each sample for client quotas.',
  },
  {
    name: 'controller.quota.window.num',
    type: 'int',
    defaultValue: '11',
    min: 1,
    documentation: 'The number of samples to retain in memory for controller mutation quotas.',
  },
  {
    name: 'controller.quota.window.size.seconds',
    type: 'int',
    defaultValue: '1',
    min: 1,
    documentation: 'The time span of each sample for controller mutations quotas.',
  },
];

const CATALOG: readonly CatalogRow[] = [
  ...SERVER_CONFIGS,
  ...LOG_CONFIGS,
  ...REPLICATION_CONFIGS,
  ...COORDINATORS_CONFIGS,
  ...SECURITY_CONFIGS,
  ...KRAFT_CONFIGS,
  ...REMOTE_STORAGE_CONFIGS,
  ...ZOOKEEPER_CONFIGS,
];

/** Configs Sluice acts on exactly as Kafka's catalog defines them (type, default, documentation). */
const ACTED_ON_AS_KAFKA_DEFINES: readonly string[] = [
  'process.roles',
  'controller.quorum.voters',
  'controller.listener.names',
  'listener.security.protocol.map',
  'controller.quorum.election.timeout.ms',
  'controller.quorum.fetch.timeout.ms',
  'controller.quorum.election.backoff.max.ms',
  'controller.quorum.request.timeout.ms',
  'broker.heartbeat.interval.ms',
  'broker.session.timeout.ms',
  'broker.rack',
  'metadata.log.dir',
  'auto.leader.rebalance.enable',
  'leader.imbalance.check.interval.seconds',
  'inter.broker.listener.name',
  'security.inter.broker.protocol',
  'ssl.keystore.type',
  'ssl.keystore.location',
  'ssl.keystore.password',
  'ssl.keystore.key',
  'ssl.keystore.certificate.chain',
  'ssl.key.password',
  'ssl.truststore.type',
  'ssl.truststore.location',
  'ssl.truststore.certificates',
  'ssl.client.auth',
  'ssl.enabled.protocols',
  'ssl.cipher.suites',
  'ssl.principal.mapping.rules',
  'sasl.enabled.mechanisms',
  'sasl.jaas.config',
  'sasl.server.max.receive.size',
  'connections.max.reauth.ms',
  'authorizer.class.name',
];

/**
 * The StandardAuthorizer's own settings (StandardAuthorizer.configure reads them from the broker's properties;
 * they are not KafkaConfig names, so, like Kafka, DescribeConfigs shows them only when set).
 */
const AUTHORIZER_CONFIG_DEFS: readonly ConfigDef[] = [
  {
    name: 'super.users',
    type: 'string',
    defaultValue: null,
    updateMode: 'read-only',
    internal: true,
    documentation:
      'Principals allowed every operation on every resource, separated by semicolons: User:admin;User:ops.',
  },
  {
    name: 'allow.everyone.if.no.acl.found',
    type: 'boolean',
    defaultValue: 'false',
    updateMode: 'read-only',
    internal: true,
    documentation:
      'Whether a resource no ACL applies to is open to every principal (false: only super users).',
  },
];

/** Sluice's own broker settings, named sluice.* so they cannot collide with a Kafka name. */
const SLUICE_CONFIG_DEFS: readonly ConfigDef[] = [
  {
    name: 'sluice.http.port',
    type: 'int',
    defaultValue: '-1',
    min: -1,
    max: 65535,
    updateMode: 'read-only',
    documentation:
      "Port of the broker's HTTP endpoint (GET /metrics for Prometheus, GET /v1/cleaner), bound to the " +
      "broker's host; -1 turns it off, 0 picks a free port.",
  },
];

/** The configs Sluice acts on first, in the order above, then the rest of Kafka's catalog. */
function buildBrokerConfigs(): Map<string, ConfigDef> {
  const catalog = new Map(CATALOG.map((row) => [row[0], catalogRowToDef(row)]));
  const defs = new Map<string, ConfigDef>();
  for (const actedOn of ACTED_ON_BROKER_CONFIG_DEFS) {
    const kafka = catalog.get(actedOn.name);
    if (!kafka) throw new Error(`Broker config ${actedOn.name} is not a Kafka 3.9 broker config`);
    defs.set(actedOn.name, { ...actedOn, updateMode: kafka.updateMode });
  }
  for (const name of ACTED_ON_AS_KAFKA_DEFINES) {
    const kafka = catalog.get(name);
    if (!kafka) throw new Error(`Broker config ${name} is not a Kafka 3.9 broker config`);
    defs.set(name, { ...kafka, notActedOn: false });
  }
  for (const [name, def] of catalog) if (!defs.has(name)) defs.set(name, def);
  for (const def of AUTHORIZER_CONFIG_DEFS) defs.set(def.name, def);
  for (const def of SLUICE_CONFIG_DEFS) defs.set(def.name, def);
  return defs;
}

/** Every Kafka 3.9 broker config by name. */
export const BROKER_CONFIGS: ReadonlyMap<string, ConfigDef> = buildBrokerConfigs();
