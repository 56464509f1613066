/**
 * The records that flow between connectors, transformations and converters (org.apache.kafka.connect.connector
 * .ConnectRecord, source.SourceRecord, sink.SinkRecord). Records are immutable: a transformation returns a new
 * record made with `newRecord`, which keeps the subtype's own fields (source partition/offset, Kafka offset).
 * Timestamps are epoch milliseconds; a null kafkaPartition lets the producer choose.
 */
import type { Schema } from '../data/schema.ts';
import { ConnectHeaders } from '../header/headers.ts';

export interface ConnectRecordInit {
  topic: string;
  kafkaPartition?: number | null;
  keySchema?: Schema | null;
  key?: unknown;
  valueSchema?: Schema | null;
  value?: unknown;
  timestamp?: number | null;
  headers?: ConnectHeaders | Iterable<{ key: string; schema: Schema | null; value: unknown }>;
}

export abstract class ConnectRecord<R extends ConnectRecord<R> = AnyConnectRecord> {
  readonly topic: string;
  readonly kafkaPartition: number | null;
  readonly keySchema: Schema | null;
  readonly key: unknown;
  readonly valueSchema: Schema | null;
  readonly value: unknown;
  readonly timestamp: number | null;
  readonly headers: ConnectHeaders;

  constructor(init: ConnectRecordInit) {
    this.topic = init.topic;
    this.kafkaPartition = init.kafkaPartition ?? null;
    this.keySchema = init.keySchema ?? null;
    this.key = init.key ?? null;
    this.valueSchema = init.valueSchema ?? null;
    this.value = init.value ?? null;
    this.timestamp = init.timestamp ?? null;
    this.headers =
      init.headers instanceof ConnectHeaders ? init.headers : new ConnectHeaders(init.headers ?? []);
  }

  /**
   * A copy with the given topic, partition, key, value and timestamp; headers are duplicated unless given.
   * Mirrors ConnectRecord.newRecord, so subtype fields carry over.
   */
  abstract newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers?: ConnectHeaders,
  ): R;

  toString(): string {
    return (
      `ConnectRecord{topic='${this.topic}', kafkaPartition=${this.kafkaPartition}, key=${String(this.key)}, ` +
      `keySchema=${String(this.keySchema)}, value=${String(this.value)}, valueSchema=${String(this.valueSchema)}, ` +
      `timestamp=${this.timestamp}, headers=${this.headers.size}}`
    );
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyConnectRecord = ConnectRecord<any>;

export interface SourceRecordInit extends ConnectRecordInit {
  /** Identifies the source-system partition the record came from (e.g. a file name). */
  sourcePartition?: Readonly<Record<string, unknown>> | null;
  /** The position in that source partition, committed once the record is written to Kafka. */
  sourceOffset?: Readonly<Record<string, unknown>> | null;
}

/** A record produced by a SourceTask, carrying the source partition and offset the worker commits. */
export class SourceRecord extends ConnectRecord<SourceRecord> {
  readonly sourcePartition: Readonly<Record<string, unknown>> | null;
  readonly sourceOffset: Readonly<Record<string, unknown>> | null;

  constructor(init: SourceRecordInit) {
    super(init);
    this.sourcePartition = init.sourcePartition ?? null;
    this.sourceOffset = init.sourceOffset ?? null;
  }

  newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers: ConnectHeaders = this.headers.duplicate(),
  ): SourceRecord {
    return new SourceRecord({
      sourcePartition: this.sourcePartition,
      sourceOffset: this.sourceOffset,
      topic,
      kafkaPartition,
      keySchema,
      key,
      valueSchema,
      value,
      timestamp,
      headers,
    });
  }
}

/** How a record's timestamp was set (org.apache.kafka.common.record.TimestampType). */
export type TimestampType = 'NO_TIMESTAMP_TYPE' | 'CreateTime' | 'LogAppendTime';

export interface SinkRecordInit extends ConnectRecordInit {
  kafkaPartition: number;
  kafkaOffset: bigint;
  timestampType?: TimestampType;
  originalTopic?: string;
  originalKafkaPartition?: number;
  originalKafkaOffset?: bigint;
}

/**
 * A record consumed from Kafka and handed to a SinkTask. The original topic/partition/offset stay those of
 * the consumed record however transformations reroute it, so sink offsets are committed correctly.
 */
export class SinkRecord extends ConnectRecord<SinkRecord> {
  readonly kafkaOffset: bigint;
  readonly timestampType: TimestampType;
  readonly originalTopic: string;
  readonly originalKafkaPartition: number;
  readonly originalKafkaOffset: bigint;

  constructor(init: SinkRecordInit) {
    super(init);
    this.kafkaOffset = init.kafkaOffset;
    this.timestampType = init.timestampType ?? 'NO_TIMESTAMP_TYPE';
    this.originalTopic = init.originalTopic ?? init.topic;
    this.originalKafkaPartition = init.originalKafkaPartition ?? init.kafkaPartition;
    this.originalKafkaOffset = init.originalKafkaOffset ?? init.kafkaOffset;
  }

  newRecord(
    topic: string,
    kafkaPartition: number | null,
    keySchema: Schema | null,
    key: unknown,
    valueSchema: Schema | null,
    value: unknown,
    timestamp: number | null,
    headers: ConnectHeaders = this.headers.duplicate(),
  ): SinkRecord {
    return new SinkRecord({
      topic,
      kafkaPartition: kafkaPartition ?? this.kafkaPartition ?? 0,
      keySchema,
      key,
      valueSchema,
      value,
      timestamp,
      headers,
      kafkaOffset: this.kafkaOffset,
      timestampType: this.timestampType,
      originalTopic: this.originalTopic,
      originalKafkaPartition: this.originalKafkaPartition,
      originalKafkaOffset: this.originalKafkaOffset,
    });
  }
}
