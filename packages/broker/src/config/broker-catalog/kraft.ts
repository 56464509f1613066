/**
 * Kafka 3.9 broker configuration: KRaft roles, the controller quorum and the metadata log (KRaftConfigs, QuorumConfig).
 * One row per name, as Kafka 3.9 documents it (kafka_config.html, plus the internal names KafkaConfig accepts
 * but does not document, and the dynamic-only quota names of DynamicConfig.Broker): name, type, default (null: none),
 * valid values, update mode (DynamicBrokerConfig), and whether the name is internal or dynamic-only.
 */
import type { CatalogRow } from './catalog-row.ts';

export const KRAFT_CONFIGS: readonly CatalogRow[] = [
  ['broker.heartbeat.interval.ms', 'int', '2000', '', 'read-only'],
  ['broker.session.timeout.ms', 'int', '9000', '', 'read-only'],
  ['controller.listener.names', 'string', null, '', 'read-only'],
  ['controller.quorum.append.linger.ms', 'int', '25', '', 'read-only'],
  ['controller.quorum.bootstrap.servers', 'list', '', 'non-empty list', 'read-only'],
  ['controller.quorum.election.backoff.max.ms', 'int', '1000', '', 'read-only'],
  ['controller.quorum.election.timeout.ms', 'int', '1000', '', 'read-only'],
  ['controller.quorum.fetch.timeout.ms', 'int', '2000', '', 'read-only'],
  ['controller.quorum.request.timeout.ms', 'int', '2000', '', 'read-only'],
  ['controller.quorum.retry.backoff.ms', 'int', '20', '', 'read-only'],
  ['controller.quorum.voters', 'list', '', 'non-empty list', 'read-only'],
  ['controller.quota.window.num', 'int', '11', '[1,...]', 'read-only'],
  ['controller.quota.window.size.seconds', 'int', '1', '[1,...]', 'read-only'],
  ['controller.socket.timeout.ms', 'int', '30000', '', 'read-only'],
  ['early.start.listeners', 'string', null, '', 'read-only'],
  ['eligible.leader.replicas.enable', 'boolean', 'false', '', 'read-only'],
  ['initial.broker.registration.timeout.ms', 'int', '60000', '', 'read-only'],
  ['metadata.log.dir', 'string', null, '', 'read-only'],
  ['metadata.log.max.record.bytes.between.snapshots', 'long', '20971520', '[1,...]', 'read-only'],
  ['metadata.log.max.snapshot.interval.ms', 'long', '3600000', '[0,...]', 'read-only'],
  ['metadata.log.segment.bytes', 'int', '1073741824', '[12,...]', 'read-only'],
  ['metadata.log.segment.min.bytes', 'int', '8388608', '[12,...]', 'read-only', 'internal'],
  ['metadata.log.segment.ms', 'long', '604800000', '', 'read-only'],
  ['metadata.max.idle.interval.ms', 'int', '500', '[0,...]', 'read-only'],
  ['metadata.max.retention.bytes', 'long', '104857600', '', 'read-only'],
  ['metadata.max.retention.ms', 'long', '604800000', '', 'read-only'],
  ['node.id', 'int', '-1', '', 'read-only'],
  ['process.roles', 'list', '', '[broker, controller]', 'read-only'],
  ['server.max.startup.time.ms', 'long', '9223372036854775807', '[0,...]', 'read-only', 'internal'],
  ['unstable.api.versions.enable', 'boolean', 'false', '', 'read-only', 'internal'],
  ['unstable.feature.versions.enable', 'boolean', 'false', '', 'read-only', 'internal'],
];
