/**
 * Kafka 3.9 broker configuration: replication and leadership (ReplicationConfigs).
 * One row per name, as Kafka 3.9 documents it (kafka_config.html, plus the internal names KafkaConfig accepts
 * but does not document, and the dynamic-only quota names of DynamicConfig.Broker): name, type, default (null: none),
 * valid values, update mode (DynamicBrokerConfig), and whether the name is internal or dynamic-only.
 */
import type { CatalogRow } from './catalog-row.ts';

export const REPLICATION_CONFIGS: readonly CatalogRow[] = [
  ['auto.leader.rebalance.enable', 'boolean', 'true', '', 'read-only'],
  ['broker.id.generation.enable', 'boolean', 'true', '', 'read-only'],
  ['controlled.shutdown.enable', 'boolean', 'true', '', 'read-only'],
  ['controlled.shutdown.max.retries', 'int', '3', '', 'read-only'],
  ['controlled.shutdown.retry.backoff.ms', 'long', '5000', '', 'read-only'],
  ['default.replication.factor', 'int', '1', '', 'read-only'],
  ['delete.records.purgatory.purge.interval.requests', 'int', '1', '', 'read-only'],
  ['fetch.purgatory.purge.interval.requests', 'int', '1000', '', 'read-only'],
  ['inter.broker.listener.name', 'string', null, '', 'read-only'],
  ['inter.broker.protocol.version', 'string', '3.9-IV0', 'metadata version', 'read-only'],
  ['leader.imbalance.check.interval.seconds', 'long', '300', '[1,...]', 'read-only'],
  ['leader.imbalance.per.broker.percentage', 'int', '10', '', 'read-only'],
  ['num.replica.alter.log.dirs.threads', 'int', null, '', 'read-only'],
  ['num.replica.fetchers', 'int', '1', '', 'cluster-wide'],
  ['producer.purgatory.purge.interval.requests', 'int', '1000', '', 'read-only'],
  [
    'replica.alter.log.dirs.io.max.bytes.per.second',
    'long',
    '9223372036854775807',
    '[0,...]',
    'cluster-wide',
    'dynamic-only',
  ],
  ['replica.fetch.backoff.ms', 'int', '1000', '[0,...]', 'read-only'],
  ['replica.fetch.max.bytes', 'int', '1048576', '[0,...]', 'read-only'],
  ['replica.fetch.min.bytes', 'int', '1', '', 'read-only'],
  ['replica.fetch.response.max.bytes', 'int', '10485760', '[0,...]', 'read-only'],
  ['replica.fetch.wait.max.ms', 'int', '500', '', 'read-only'],
  ['replica.high.watermark.checkpoint.interval.ms', 'long', '5000', '', 'read-only'],
  ['replica.lag.time.max.ms', 'long', '30000', '', 'read-only'],
  ['replica.selector.class', 'string', null, '', 'read-only'],
  ['replica.socket.receive.buffer.bytes', 'int', '65536', '', 'read-only'],
  ['replica.socket.timeout.ms', 'int', '30000', '', 'read-only'],
  ['reserved.broker.max.id', 'int', '1000', '[0,...]', 'read-only'],
  ['unclean.leader.election.enable', 'boolean', 'false', '', 'cluster-wide'],
  ['unclean.leader.election.interval.ms', 'long', '300000', '[1,...]', 'read-only', 'internal'],
];
