/**
 * Distributed mode's pure pieces, byte-compatible with Apache Kafka Connect: the Connect group protocol,
 * the eager and incremental cooperative assignors, the records of the config, status and offsets topics,
 * and the config topic's state. Exported from @sluice/connect as the `distributed` namespace, so names shared
 * with the standalone runtime (ConnectorTaskId, TargetState) cannot clash.
 */
export * from './connect-protocol.ts';
export * from './assignor-common.ts';
export * from './eager-assignor.ts';
export * from './incremental-cooperative-assignor.ts';
export * from './config-records.ts';
export * from './status-records.ts';
export * from './offset-records.ts';
export * from './config-state.ts';
export { javaHashMapOrder, javaHashSetOrder, javaStringHash } from './java-collections.ts';
export * from './offset-state.ts';
