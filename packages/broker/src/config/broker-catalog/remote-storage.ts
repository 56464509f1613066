/**
 * Kafka 3.9 broker configuration: tiered storage (RemoteLogManagerConfig).
 * One row per name, as Kafka 3.9 documents it (kafka_config.html, plus the internal names KafkaConfig accepts
 * but does not document, and the dynamic-only quota names of DynamicConfig.Broker): name, type, default (null: none),
 * valid values, update mode (DynamicBrokerConfig), and whether the name is internal or dynamic-only.
 */
import type { CatalogRow } from './catalog-row.ts';

export const REMOTE_STORAGE_CONFIGS: readonly CatalogRow[] = [
  ['log.local.retention.bytes', 'long', '-2', '[-2,...]', 'cluster-wide'],
  ['log.local.retention.ms', 'long', '-2', '[-2,...]', 'cluster-wide'],
  ['remote.fetch.max.wait.ms', 'int', '500', '[1,...]', 'cluster-wide'],
  ['remote.log.index.file.cache.total.size.bytes', 'long', '1073741824', '[1,...]', 'cluster-wide'],
  ['remote.log.manager.copier.thread.pool.size', 'int', '-1', '[-1,...]', 'read-only'],
  ['remote.log.manager.copy.max.bytes.per.second', 'long', '9223372036854775807', '[1,...]', 'cluster-wide'],
  ['remote.log.manager.copy.quota.window.num', 'int', '11', '[1,...]', 'read-only'],
  ['remote.log.manager.copy.quota.window.size.seconds', 'int', '1', '[1,...]', 'read-only'],
  ['remote.log.manager.expiration.thread.pool.size', 'int', '-1', '[-1,...]', 'read-only'],
  ['remote.log.manager.fetch.max.bytes.per.second', 'long', '9223372036854775807', '[1,...]', 'cluster-wide'],
  ['remote.log.manager.fetch.quota.window.num', 'int', '11', '[1,...]', 'read-only'],
  ['remote.log.manager.fetch.quota.window.size.seconds', 'int', '1', '[1,...]', 'read-only'],
  ['remote.log.manager.task.interval.ms', 'long', '30000', '[1,...]', 'read-only'],
  ['remote.log.manager.task.retry.backoff.max.ms', 'long', '30000', '[1,...]', 'read-only', 'internal'],
  ['remote.log.manager.task.retry.backoff.ms', 'long', '500', '[1,...]', 'read-only', 'internal'],
  ['remote.log.manager.task.retry.jitter', 'double', '0.2', '[0.0,...,0.5]', 'read-only', 'internal'],
  ['remote.log.manager.thread.pool.size', 'int', '10', '[1,...]', 'read-only'],
  ['remote.log.metadata.custom.metadata.max.bytes', 'int', '128', '[0,...]', 'read-only'],
  [
    'remote.log.metadata.manager.class.name',
    'string',
    'org.apache.kafka.server.log.remote.metadata.storage.TopicBasedRemoteLogMetadataManager',
    'non-empty string',
    'read-only',
  ],
  ['remote.log.metadata.manager.class.path', 'string', null, '', 'read-only'],
  ['remote.log.metadata.manager.impl.prefix', 'string', 'rlmm.config.', 'non-empty string', 'read-only'],
  ['remote.log.metadata.manager.listener.name', 'string', null, 'non-empty string', 'read-only'],
  ['remote.log.reader.max.pending.tasks', 'int', '100', '[1,...]', 'read-only'],
  ['remote.log.reader.threads', 'int', '10', '[1,...]', 'read-only'],
  ['remote.log.storage.manager.class.name', 'string', null, 'non-empty string', 'read-only'],
  ['remote.log.storage.manager.class.path', 'string', null, '', 'read-only'],
  ['remote.log.storage.manager.impl.prefix', 'string', 'rsm.config.', 'non-empty string', 'read-only'],
  ['remote.log.storage.system.enable', 'boolean', 'false', '', 'read-only'],
];
