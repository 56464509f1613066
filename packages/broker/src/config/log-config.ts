/**
 * The typed, effective configuration a partition log works with, resolved from the topic's overrides and the
 * broker's settings. Kafka's "Long.MAX_VALUE means never" values become Infinity here.
 */
import { LONG_MAX } from './config-def.ts';
import type { BrokerConfigStore } from './config-store.ts';

export interface LogConfig {
  segmentBytes: number;
  segmentMs: number;
  segmentJitterMs: number;
  segmentIndexBytes: number;
  indexIntervalBytes: number;
  retentionMs: number;
  retentionBytes: number;
  flushMessages: number;
  flushMs: number;
  maxMessageBytes: number;
  messageTimestampType: 'CreateTime' | 'LogAppendTime';
  messageTimestampBeforeMaxMs: number;
  messageTimestampAfterMaxMs: number;
  compressionType: 'uncompressed' | 'zstd' | 'lz4' | 'snappy' | 'gzip' | 'producer';
  cleanupPolicy: string[];
  minCleanableDirtyRatio: number;
  minCompactionLagMs: number;
  maxCompactionLagMs: number;
  deleteRetentionMs: number;
  minInsyncReplicas: number;
  fileDeleteDelayMs: number;
}

function toNumber(value: bigint): number {
  return value >= LONG_MAX ? Infinity : Number(value);
}

export function resolveLogConfig(
  store: BrokerConfigStore,
  overrides: ReadonlyMap<string, string>,
): LogConfig {
  const long = (name: string) => toNumber(store.topicValue<bigint>(name, overrides));
  const int = (name: string) => store.topicValue<number>(name, overrides);
  // Kafka 3.9 (KIP-937): the deprecated message.timestamp.difference.max.ms still bounds both directions
  // while the newer before/after configs are at their default (Long.MAX_VALUE).
  const withDifferenceFallback = (name: string) => {
    const value = long(name);
    return value === Infinity ? long('message.timestamp.difference.max.ms') : value;
  };
  return {
    segmentBytes: int('segment.bytes'),
    segmentMs: long('segment.ms'),
    segmentJitterMs: long('segment.jitter.ms'),
    segmentIndexBytes: int('segment.index.bytes'),
    indexIntervalBytes: int('index.interval.bytes'),
    retentionMs: long('retention.ms'),
    retentionBytes: long('retention.bytes'),
    flushMessages: long('flush.messages'),
    flushMs: long('flush.ms'),
    maxMessageBytes: int('max.message.bytes'),
    messageTimestampType: store.topicValue<'CreateTime' | 'LogAppendTime'>(
      'message.timestamp.type',
      overrides,
    ),
    messageTimestampBeforeMaxMs: withDifferenceFallback('message.timestamp.before.max.ms'),
    messageTimestampAfterMaxMs: withDifferenceFallback('message.timestamp.after.max.ms'),
    compressionType: store.topicValue<LogConfig['compressionType']>('compression.type', overrides),
    cleanupPolicy: store.topicValue<string[]>('cleanup.policy', overrides),
    minCleanableDirtyRatio: store.topicValue<number>('min.cleanable.dirty.ratio', overrides),
    minCompactionLagMs: long('min.compaction.lag.ms'),
    maxCompactionLagMs: long('max.compaction.lag.ms'),
    deleteRetentionMs: long('delete.retention.ms'),
    minInsyncReplicas: int('min.insync.replicas'),
    fileDeleteDelayMs: long('file.delete.delay.ms'),
  };
}
