/**
 * The Kafka clients a worker uses, as the narrow interfaces its tasks need. The worker builds them from
 * @sluice/client's Producer and Consumer; a task sees only these.
 */
export interface ProducedRecord {
  topic: string;
  partition?: number;
  key: Buffer | null;
  value: Buffer | null;
  headers?: { key: string; value: Buffer | null }[];
  timestamp?: bigint;
}

export interface ProducedRecordMetadata {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: bigint;
}

export interface RecordProducer {
  send(record: ProducedRecord): Promise<ProducedRecordMetadata>;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: bigint;
  timestampType: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: { key: string; value: Buffer | null }[];
}

export interface RebalanceListener {
  onPartitionsRevoked(partitions: TopicPartitionRef[]): Promise<void> | void;
  onPartitionsAssigned(partitions: TopicPartitionRef[]): Promise<void> | void;
}

export interface RecordConsumer {
  subscribe(topics: readonly string[] | RegExp, listener?: RebalanceListener): void;
  poll(timeoutMs: number): Promise<ConsumedRecord[]>;
  commitSync(offsets: readonly { topic: string; partition: number; offset: bigint }[]): Promise<void>;
  seek(partition: TopicPartitionRef, offset: bigint): void;
  pause(partitions: TopicPartitionRef[]): void;
  resume(partitions: TopicPartitionRef[]): void;
  assignment(): TopicPartitionRef[];
  close(): Promise<void>;
}

export function partitionKey(tp: TopicPartitionRef): string {
  return `${tp.topic}-${tp.partition}`;
}
