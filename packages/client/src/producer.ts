/**
 * A producer as Kafka's KafkaProducer: records are appended to per-partition batches (RecordAccumulator) and a
 * sender drains them, one Produce request per leader carrying at most one batch per partition (Sender).
 *
 * Invariants:
 * - At most one batch per partition is in flight. A batch that fails retriably goes back to the head of its
 *   partition's queue, so records of a partition are written in the order `send` was called, retries included.
 * - Records sent while a partition's batch is in flight accumulate into the next batch.
 * - A batch is sendable once it is full (batchSize), lingerMs has passed since its first record, or a flush or
 *   close is waiting. With lingerMs 0 the records of one tick still share a batch.
 * - Every `send` settles by deliveryTimeoutMs after it was called: retriable errors (no leader, NOT_LEADER,
 *   lost connections...) are retried with a metadata refresh until then, other errors fail at once.
 * - A batch refused as too large (MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE) is split in two and retried, until
 *   a single record is refused: only that record's `send` fails, as the Java producer splits batches.
 *
 * Idempotence (enableIdempotence, acks -1 only): an InitProducerId producer id and epoch, and per partition a
 * sequence number given to each batch when first sent and kept across its retries, so the leader writes a
 * retried batch once. With one batch in flight per partition, a batch the leader refused is the last one
 * numbered, so its sequence is handed out again to what follows. UNKNOWN_PRODUCER_ID, OUT_OF_ORDER_SEQUENCE_NUMBER
 * and INVALID_PRODUCER_EPOCH, and a numbered batch expiring (it may have been written), start over with a new
 * producer id: Kafka bumps the epoch instead (KIP-360).
 *
 * Partitioning is Kafka's default: an explicit partition, else murmur2 of the key over all partitions, else the
 * sticky partition of the topic (KIP-794's BuiltInPartitioner: keep one partition that has a leader until about
 * batchSize bytes went to it, then move to another at random).
 */
import {
  ApiKey,
  CompressionCodec,
  ErrorCode,
  encodeRecordBatch,
  type MetadataResponseTopic,
  type RecordHeader,
  type RecordInput,
} from '@sluice/protocol';
import { KafkaError, type ClusterClient } from './cluster-client.ts';
import { partitionForKey } from './partitioner.ts';

export interface ProducerOptions {
  /** -1 (all in-sync replicas, the default), 1 (the leader) or 0 (no answer: offsets are -1). */
  acks?: -1 | 0 | 1;
  lingerMs?: number;
  batchSize?: number;
  /** A CompressionCodec id (none, gzip, snappy, lz4, zstd). */
  compression?: number;
  deliveryTimeoutMs?: number;
  /** The largest request, and so the largest record, the producer sends. */
  maxRequestSize?: number;
  /** How long the broker may take to replicate before answering a Produce (Kafka's request.timeout.ms). */
  requestTimeoutMs?: number;
  retryBackoffMs?: number;
  /** Kafka's metadata.max.age.ms: topic metadata older than this is refreshed before use. */
  metadataMaxAgeMs?: number;
  /** Producer id and sequence numbers, so retries never write a batch twice (needs acks -1). Off by default. */
  enableIdempotence?: boolean;
}

export interface ProducerRecord {
  topic: string;
  partition?: number;
  key: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeader[];
  timestamp?: bigint;
}

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** -1 with acks=0. */
  offset: bigint;
  /** The broker's log append time when the topic uses it, else the record's create time. */
  timestamp: bigint;
}

interface PendingRecord {
  input: RecordInput & { timestamp: bigint };
  size: number;
  resolve: (metadata: RecordMetadata) => void;
  reject: (error: Error) => void;
  /** When `send` was called: the delivery timeout counts from here. */
  sentAt: number;
}

interface ProducerBatch {
  records: PendingRecord[];
  bytes: number;
  createdAt: number;
  /** Not to be retried before this time (retry backoff). */
  notBefore: number;
  /** Idempotence: the producer and the base sequence given when first sent, kept for retries. */
  sequence: ProducerSequence | null;
}

interface ProducerIdentity {
  producerId: bigint;
  producerEpoch: number;
}

interface ProducerSequence extends ProducerIdentity {
  baseSequence: number;
}

interface PartitionQueue {
  topic: string;
  partition: number;
  batches: ProducerBatch[];
  inFlight: boolean;
  /** Idempotence: the next sequence number, and the producer id it counts for. */
  nextSequence: number;
  sequenceProducerId: bigint;
}

/** The bytes a record adds to a batch, as Kafka estimates them (DefaultRecord.sizeInBytes, upper bound). */
function estimateRecordSize(record: ProducerRecord): number {
  let size = 21 + (record.key?.length ?? 0) + (record.value?.length ?? 0);
  for (const header of record.headers ?? [])
    size += 10 + Buffer.byteLength(header.key) + (header.value?.length ?? 0);
  return size;
}

const BATCH_OVERHEAD = 61;
/** The Produce request around a batch (header, topic and partition fields), kept out of maxRequestSize. */
const REQUEST_OVERHEAD = 200;
/** The leader no longer knows our producer state or its sequence: start over with a new producer id. */
const PRODUCER_STATE_ERRORS = new Set<number>([
  ErrorCode.UNKNOWN_PRODUCER_ID,
  ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
  ErrorCode.INVALID_PRODUCER_EPOCH,
]);
const TOO_LARGE = new Set<number>([ErrorCode.MESSAGE_TOO_LARGE, ErrorCode.RECORD_LIST_TOO_LARGE]);
const METADATA_ERRORS = new Set<number>([
  ErrorCode.NOT_LEADER_OR_FOLLOWER,
  ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  ErrorCode.LEADER_NOT_AVAILABLE,
  ErrorCode.FENCED_LEADER_EPOCH,
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.KAFKA_STORAGE_ERROR,
]);

/** The producer gave up on a record: it was not acknowledged within deliveryTimeoutMs. */
export class DeliveryTimeoutError extends Error {
  override readonly name = 'DeliveryTimeoutError';
}

export class Producer {
  private readonly acks: -1 | 0 | 1;
  private readonly lingerMs: number;
  private readonly batchSize: number;
  private readonly compression: number;
  private readonly deliveryTimeoutMs: number;
  private readonly maxRequestSize: number;
  private readonly requestTimeoutMs: number;
  private readonly retryBackoffMs: number;
  private readonly metadataMaxAgeMs: number;
  private readonly idempotent: boolean;
  private producer: ProducerIdentity | null = null;
  private initializingProducer: Promise<void> | null = null;

  private readonly queues = new Map<string, PartitionQueue>();
  private readonly topics = new Map<string, { metadata: MetadataResponseTopic; fetchedAt: number }>();
  private readonly topicLoads = new Map<string, Promise<MetadataResponseTopic>>();
  /** Per topic: the sticky partition for keyless records and the bytes sent to it so far. */
  private readonly sticky = new Map<string, { partition: number; bytes: number }>();
  private readonly outstanding = new Set<Promise<unknown>>();
  private drainTimer: NodeJS.Timeout | null = null;
  private drainScheduled = false;
  private flushing = 0;
  private closed = false;

  constructor(
    private readonly client: ClusterClient,
    options: ProducerOptions = {},
  ) {
    this.acks = options.acks ?? -1;
    this.lingerMs = options.lingerMs ?? 0;
    this.batchSize = Math.max(1, options.batchSize ?? 16_384);
    this.compression = options.compression ?? CompressionCodec.none;
    this.deliveryTimeoutMs = options.deliveryTimeoutMs ?? 120_000;
    this.maxRequestSize = options.maxRequestSize ?? 1_048_576;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
    this.retryBackoffMs = options.retryBackoffMs ?? 100;
    this.metadataMaxAgeMs = options.metadataMaxAgeMs ?? 300_000;
    this.idempotent = options.enableIdempotence ?? false;
    if (this.idempotent && this.acks !== -1)
      throw new Error('enableIdempotence needs acks -1 (all), as in Kafka');
  }

  send(record: ProducerRecord): Promise<RecordMetadata> {
    if (this.closed) return Promise.reject(new Error('the producer is closed'));
    const sentAt = Date.now();
    const size = estimateRecordSize(record);
    if (size + BATCH_OVERHEAD + REQUEST_OVERHEAD > this.maxRequestSize)
      return Promise.reject(
        new KafkaError(
          ErrorCode.MESSAGE_TOO_LARGE,
          `the record is ${size} bytes when serialized, larger than max.request.size ${this.maxRequestSize}`,
        ),
      );
    const delivered = this.append(record, size, sentAt);
    this.outstanding.add(delivered);
    const forget = () => this.outstanding.delete(delivered);
    delivered.then(forget, forget);
    return delivered;
  }

  /** Sends every batch now and resolves when all records sent before the call are acknowledged or failed. */
  async flush(): Promise<void> {
    this.flushing++;
    try {
      this.scheduleDrain();
      await Promise.allSettled([...this.outstanding]);
    } finally {
      this.flushing--;
    }
  }

  /** Flushes, then refuses new records. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }

  private async append(record: ProducerRecord, size: number, sentAt: number): Promise<RecordMetadata> {
    const topic = await this.topicMetadata(record.topic, sentAt);
    const partition = this.choosePartition(record, topic, size);
    return new Promise<RecordMetadata>((resolve, reject) => {
      const key = `${record.topic}\u0000${partition}`;
      let queue = this.queues.get(key);
      if (!queue) {
        queue = {
          topic: record.topic,
          partition,
          batches: [],
          inFlight: false,
          nextSequence: 0,
          sequenceProducerId: -1n,
        };
        this.queues.set(key, queue);
      }
      const pending: PendingRecord = {
        input: {
          key: record.key,
          value: record.value,
          headers: record.headers ?? [],
          timestamp: record.timestamp ?? BigInt(sentAt),
        },
        size,
        resolve,
        reject,
        sentAt,
      };
      // The batch at the tail is still open unless it is the one in flight (the head, while inFlight).
      const tail = queue.batches.at(-1);
      const open = tail && !(queue.inFlight && queue.batches.length === 1) ? tail : undefined;
      if (open && open.bytes + size <= this.batchSize) {
        open.records.push(pending);
        open.bytes += size;
      } else {
        queue.batches.push({
          records: [pending],
          bytes: BATCH_OVERHEAD + size,
          createdAt: Date.now(),
          notBefore: 0,
          sequence: null,
        });
      }
      this.scheduleDrain();
    });
  }

  /** Topic metadata, fetched (and the topic auto-created where the cluster allows) when unknown or stale. */
  private async topicMetadata(name: string, sentAt: number, refresh = false): Promise<MetadataResponseTopic> {
    const cached = this.topics.get(name);
    if (cached && !refresh && Date.now() - cached.fetchedAt < this.metadataMaxAgeMs) return cached.metadata;
    let loading = this.topicLoads.get(name);
    if (!loading) {
      loading = this.loadTopic(name, sentAt).finally(() => this.topicLoads.delete(name));
      this.topicLoads.set(name, loading);
    }
    return loading;
  }

  private async loadTopic(name: string, sentAt: number): Promise<MetadataResponseTopic> {
    for (;;) {
      let error: Error;
      try {
        const topic = (await this.client.metadata([name], true)).topics[0];
        if (topic && topic.errorCode === ErrorCode.NONE && topic.partitions.length > 0) {
          this.topics.set(name, { metadata: topic, fetchedAt: Date.now() });
          return topic;
        }
        error = new KafkaError(topic?.errorCode ?? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `topic ${name}`);
        if (!(error as KafkaError).retriable && topic?.errorCode !== ErrorCode.NONE) throw error;
      } catch (thrown) {
        if (thrown instanceof KafkaError && !thrown.retriable) throw thrown;
        error = thrown as Error;
      }
      if (Date.now() - sentAt + this.retryBackoffMs >= this.deliveryTimeoutMs)
        throw new DeliveryTimeoutError(
          `topic ${name} not available within the delivery timeout: ${error.message}`,
        );
      await new Promise((resolve) => setTimeout(resolve, this.retryBackoffMs));
    }
  }

  private choosePartition(record: ProducerRecord, topic: MetadataResponseTopic, size: number): number {
    const count = topic.partitions.length;
    if (record.partition !== undefined) {
      if (record.partition < 0 || record.partition >= count)
        throw new KafkaError(
          ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
          `topic ${record.topic} has ${count} partitions, not partition ${record.partition}`,
        );
      return record.partition;
    }
    if (record.key !== null) return partitionForKey(record.key, count);
    let sticky = this.sticky.get(record.topic);
    if (!sticky || sticky.bytes >= this.batchSize || sticky.partition >= count) {
      const available = topic.partitions.filter((p) => p.leaderId >= 0).map((p) => p.partitionIndex);
      const candidates = available.length > 0 ? available : topic.partitions.map((p) => p.partitionIndex);
      const others = candidates.length > 1 ? candidates.filter((p) => p !== sticky?.partition) : candidates;
      sticky = { partition: others[Math.floor(Math.random() * others.length)]!, bytes: 0 };
      this.sticky.set(record.topic, sticky);
    }
    sticky.bytes += size;
    return sticky.partition;
  }

  private scheduleDrain(delayMs = 0): void {
    if (delayMs <= 0) {
      if (this.drainScheduled) return;
      this.drainScheduled = true;
      setImmediate(() => {
        this.drainScheduled = false;
        this.drain();
      });
      return;
    }
    if (this.drainTimer) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      this.drain();
    }, delayMs);
  }

  /** Sends what is ready, one request per leader; schedules itself again for batches still lingering. */
  private drain(): void {
    if (this.idempotent && !this.producer) {
      this.initializingProducer ??= this.initProducerId().finally(() => {
        this.initializingProducer = null;
        this.scheduleDrain(this.producer ? 0 : this.retryBackoffMs);
      });
      return;
    }
    const now = Date.now();
    const byLeader = new Map<number, PartitionQueue[]>();
    let nextWakeUp = Infinity;
    // Queues stay once made, empty ones too: a partition's queue holds its sequence numbers.
    for (const queue of this.queues.values()) {
      this.expire(queue, now);
      if (queue.inFlight || queue.batches.length === 0) continue;
      const head = queue.batches[0]!;
      const readyAt = Math.max(
        head.notBefore,
        head.bytes >= this.batchSize || queue.batches.length > 1 || this.flushing > 0 || this.closed
          ? 0
          : head.createdAt + this.lingerMs,
      );
      if (readyAt > now) {
        nextWakeUp = Math.min(nextWakeUp, readyAt);
        continue;
      }
      const leader = this.topics
        .get(queue.topic)
        ?.metadata.partitions.find((p) => p.partitionIndex === queue.partition)?.leaderId;
      if (leader === undefined || leader < 0) {
        head.notBefore = now + this.retryBackoffMs;
        nextWakeUp = Math.min(nextWakeUp, head.notBefore);
        void this.topicMetadata(queue.topic, now, true).catch(() => undefined);
        continue;
      }
      byLeader.set(leader, [...(byLeader.get(leader) ?? []), queue]);
    }
    for (const [leader, queues] of byLeader) {
      let requestBytes = REQUEST_OVERHEAD;
      const included: PartitionQueue[] = [];
      for (const queue of queues) {
        const bytes = queue.batches[0]!.bytes;
        if (included.length > 0 && requestBytes + bytes > this.maxRequestSize) {
          nextWakeUp = now;
          continue;
        }
        requestBytes += bytes;
        queue.inFlight = true;
        if (this.idempotent) this.numberBatch(queue);
        included.push(queue);
      }
      void this.sendTo(leader, included);
    }
    if (nextWakeUp < Infinity) this.scheduleDrain(Math.max(1, nextWakeUp - now));
  }

  /** Gives the head batch its sequence when it goes out for the first time under the current producer id. */
  private numberBatch(queue: PartitionQueue): void {
    const producer = this.producer!;
    const batch = queue.batches[0]!;
    if (
      batch.sequence?.producerId === producer.producerId &&
      batch.sequence.producerEpoch === producer.producerEpoch
    )
      return;
    if (queue.sequenceProducerId !== producer.producerId) {
      queue.sequenceProducerId = producer.producerId;
      queue.nextSequence = 0;
    }
    batch.sequence = { ...producer, baseSequence: queue.nextSequence };
    queue.nextSequence = (queue.nextSequence + batch.records.length) % 2 ** 31;
  }

  /** The batch was not written: its sequence goes to the next batch (it was the last one numbered). */
  private unnumberBatch(queue: PartitionQueue, batch: ProducerBatch): void {
    if (batch.sequence && batch.sequence.producerId === queue.sequenceProducerId)
      queue.nextSequence = batch.sequence.baseSequence;
    batch.sequence = null;
  }

  private async initProducerId(): Promise<void> {
    try {
      const response = await (
        await this.client.any()
      ).request(ApiKey.InitProducerId, {
        transactionalId: null,
        transactionTimeoutMs: 60_000,
        producerId: -1n,
        producerEpoch: -1,
      });
      if (response.errorCode !== ErrorCode.NONE) {
        const error = new KafkaError(response.errorCode, 'InitProducerId');
        if (!error.retriable) this.failQueued(error);
        return;
      }
      this.producer = { producerId: response.producerId, producerEpoch: response.producerEpoch };
    } catch {
      // A lost connection: the next drain asks again; batches expire at their delivery timeout meanwhile.
      for (const queue of this.queues.values()) this.expire(queue, Date.now());
    }
  }

  /** Fails every batch that is not in flight: the producer cannot go on (InitProducerId refused). */
  private failQueued(error: Error): void {
    for (const queue of this.queues.values())
      for (const batch of queue.batches.splice(queue.inFlight ? 1 : 0))
        for (const r of batch.records) r.reject(error);
  }

  /** Fails the batches whose oldest record is past the delivery timeout; never the one in flight. */
  private expire(queue: PartitionQueue, now: number): void {
    const from = queue.inFlight ? 1 : 0;
    for (let i = from; i < queue.batches.length;) {
      const batch = queue.batches[i]!;
      if (now - batch.records[0]!.sentAt < this.deliveryTimeoutMs) {
        i++;
        continue;
      }
      queue.batches.splice(i, 1);
      // A numbered batch may have been written: a new producer id keeps the sequences of the next ones valid.
      if (batch.sequence) this.producer = null;
      const error = new DeliveryTimeoutError(
        `expiring ${batch.records.length} record(s) for ${queue.topic}-${queue.partition}: ${now - batch.createdAt} ms since batch creation`,
      );
      for (const r of batch.records) r.reject(error);
    }
  }

  private async sendTo(leader: number, queues: PartitionQueue[]): Promise<void> {
    const batches = queues.map((q) => q.batches[0]!);
    let outcome: Map<
      PartitionQueue,
      { errorCode: number; message: string | null; baseOffset: bigint; logAppendTime: bigint }
    >;
    try {
      const encoded = await Promise.all(
        batches.map((batch) =>
          encodeRecordBatch({
            records: batch.records.map((r) => r.input),
            compression: this.compression,
            producerId: batch.sequence?.producerId ?? -1n,
            producerEpoch: batch.sequence?.producerEpoch ?? -1,
            baseSequence: batch.sequence?.baseSequence ?? -1,
          }),
        ),
      );
      const byTopic = new Map<string, { index: number; records: Buffer }[]>();
      queues.forEach((q, i) =>
        byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), { index: q.partition, records: encoded[i]! }]),
      );
      const request = {
        transactionalId: null,
        acks: this.acks,
        timeoutMs: this.requestTimeoutMs,
        topicData: [...byTopic].map(([name, partitionData]) => ({ name, partitionData })),
      };
      const connection = await this.client.broker(leader);
      outcome = new Map();
      if (this.acks === 0) {
        connection.sendOneWay(ApiKey.Produce, request);
        for (const q of queues)
          outcome.set(q, { errorCode: 0, message: null, baseOffset: -1n, logAppendTime: -1n });
      } else {
        const response = await connection.request(ApiKey.Produce, request, this.requestTimeoutMs + 5_000);
        for (const topic of response.responses)
          for (const p of topic.partitionResponses) {
            const q = queues.find(
              (candidate) => candidate.topic === topic.name && candidate.partition === p.index,
            );
            if (q)
              outcome.set(q, {
                errorCode: p.errorCode,
                message: p.errorMessage,
                baseOffset: p.baseOffset,
                logAppendTime: p.logAppendTimeMs,
              });
          }
      }
    } catch (error) {
      // A lost connection or a request without an answer: every batch of it is retried.
      for (const q of queues) this.retryOrFail(q, error as Error, true);
      this.scheduleDrain();
      return;
    }
    for (const q of queues) {
      const result = outcome.get(q) ?? {
        errorCode: ErrorCode.UNKNOWN_SERVER_ERROR,
        message: 'no answer for the partition',
        baseOffset: -1n,
        logAppendTime: -1n,
      };
      const batch = q.batches[0]!;
      // A duplicate the leader no longer has the offset of was written before: success without an offset.
      if (result.errorCode === ErrorCode.DUPLICATE_SEQUENCE_NUMBER && batch.sequence) result.baseOffset = -1n;
      if (
        result.errorCode === ErrorCode.NONE ||
        (result.errorCode === ErrorCode.DUPLICATE_SEQUENCE_NUMBER && batch.sequence)
      ) {
        q.batches.shift();
        q.inFlight = false;
        batch.records.forEach((r, i) =>
          r.resolve({
            topic: q.topic,
            partition: q.partition,
            offset: result.baseOffset < 0n ? -1n : result.baseOffset + BigInt(i),
            timestamp: result.logAppendTime >= 0n ? result.logAppendTime : r.input.timestamp,
          }),
        );
      } else if (TOO_LARGE.has(result.errorCode) && batch.records.length > 1) {
        q.batches.shift();
        q.inFlight = false;
        this.unnumberBatch(q, batch);
        const half = Math.ceil(batch.records.length / 2);
        const split = [batch.records.slice(0, half), batch.records.slice(half)].map((records) => ({
          records,
          bytes: BATCH_OVERHEAD + records.reduce((sum, r) => sum + r.size, 0),
          createdAt: batch.createdAt,
          notBefore: 0,
          sequence: null,
        }));
        q.batches.unshift(...split);
      } else if (batch.sequence && PRODUCER_STATE_ERRORS.has(result.errorCode)) {
        if (this.producer?.producerId === batch.sequence.producerId) this.producer = null;
        batch.sequence = null;
        const error = new KafkaError(result.errorCode, result.message ?? `Produce ${q.topic}-${q.partition}`);
        this.retryOrFail(q, error, true);
      } else {
        const error = new KafkaError(result.errorCode, result.message ?? `Produce ${q.topic}-${q.partition}`);
        if (!error.retriable) this.unnumberBatch(q, batch);
        this.retryOrFail(q, error, error.retriable);
        if (METADATA_ERRORS.has(result.errorCode))
          void this.topicMetadata(q.topic, Date.now(), true).catch(() => undefined);
      }
    }
    this.scheduleDrain();
  }

  private retryOrFail(queue: PartitionQueue, error: Error, retriable: boolean): void {
    const batch = queue.batches[0]!;
    queue.inFlight = false;
    const now = Date.now();
    if (retriable && now - batch.records[0]!.sentAt + this.retryBackoffMs < this.deliveryTimeoutMs) {
      batch.notBefore = now + this.retryBackoffMs;
      if (!(error instanceof KafkaError))
        void this.topicMetadata(queue.topic, now, true).catch(() => undefined);
      return;
    }
    queue.batches.shift();
    // Given up after an answer that left open whether it was written: later sequences must not build on it.
    if (batch.sequence && retriable) this.producer = null;
    const reported =
      retriable && !(error instanceof KafkaError && !error.retriable)
        ? new DeliveryTimeoutError(
            `expiring ${batch.records.length} record(s) for ${queue.topic}-${queue.partition}: ${error.message}`,
          )
        : error;
    for (const r of batch.records) r.reject(reported);
  }
}
