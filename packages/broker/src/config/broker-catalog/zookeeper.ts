/**
 * Kafka 3.9 broker configuration: ZooKeeper mode, still accepted by Kafka 3.9 (ZkConfigs).
 * One row per name, as Kafka 3.9 documents it (kafka_config.html, plus the internal names KafkaConfig accepts
 * but does not document, and the dynamic-only quota names of DynamicConfig.Broker): name, type, default (null: none),
 * valid values, update mode (DynamicBrokerConfig), and whether the name is internal or dynamic-only.
 */
import type { CatalogRow } from './catalog-row.ts';

export const ZOOKEEPER_CONFIGS: readonly CatalogRow[] = [
  ['zookeeper.clientCnxnSocket', 'string', null, '', 'read-only'],
  ['zookeeper.connect', 'string', null, '', 'read-only'],
  ['zookeeper.connection.timeout.ms', 'int', null, '', 'read-only'],
  ['zookeeper.max.in.flight.requests', 'int', '10', '[1,...]', 'read-only'],
  ['zookeeper.metadata.migration.enable', 'boolean', 'false', '', 'read-only'],
  ['zookeeper.metadata.migration.min.batch.size', 'int', '200', '[1,...]', 'read-only', 'internal'],
  ['zookeeper.session.timeout.ms', 'int', '18000', '', 'read-only'],
  ['zookeeper.set.acl', 'boolean', 'false', '', 'read-only'],
  ['zookeeper.ssl.cipher.suites', 'list', null, '', 'read-only'],
  ['zookeeper.ssl.client.enable', 'boolean', 'false', '', 'read-only'],
  ['zookeeper.ssl.crl.enable', 'boolean', 'false', '', 'read-only'],
  ['zookeeper.ssl.enabled.protocols', 'list', null, '', 'read-only'],
  ['zookeeper.ssl.endpoint.identification.algorithm', 'string', 'HTTPS', '', 'read-only'],
  ['zookeeper.ssl.keystore.location', 'string', null, '', 'read-only'],
  ['zookeeper.ssl.keystore.password', 'password', null, '', 'read-only'],
  ['zookeeper.ssl.keystore.type', 'string', null, '', 'read-only'],
  ['zookeeper.ssl.ocsp.enable', 'boolean', 'false', '', 'read-only'],
  ['zookeeper.ssl.protocol', 'string', 'TLSv1.2', '', 'read-only'],
  ['zookeeper.ssl.truststore.location', 'string', null, '', 'read-only'],
  ['zookeeper.ssl.truststore.password', 'password', null, '', 'read-only'],
  ['zookeeper.ssl.truststore.type', 'string', null, '', 'read-only'],
];
