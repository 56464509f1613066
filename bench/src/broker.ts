/**
 * Broker benchmarks against the real broker process (`sluice broker`), over loopback:
 * produce throughput for 100-byte and 1 KiB records with acks=1 and acks=-1, consume throughput, and produce
 * latency at half of the peak rate. The load generator is a batching client that sends pre-encoded batches
 * (as a producer with large batch.size and linger would), pipelining several requests per connection.
 */
import {
  ApiKey,
  apis,
  encodeRecordBatch,
  type FetchRequest,
  type ProduceRequest,
  ZERO_UUID,
} from '@sluice/protocol';
import { KafkaConnection } from '@sluice/client';
import { startBroker } from '../../packages/broker/test/support/broker-process.ts';
import type { Measurement, SuiteResult } from './harness.ts';
import { diskBufferedWriteMBps, loopbackSocketMBps, settleDisk } from './limits.ts';

const PARTITIONS = 4;
const BATCH_BYTES = 512 * 1024;
const IN_FLIGHT = 4;
const CONNECTIONS = 2;
const PRODUCE_SECONDS = Number(process.env.BENCH_BROKER_SECONDS ?? 6);

async function batchOf(recordBytes: number): Promise<{ batch: Buffer; records: number }> {
  const records = Math.floor(BATCH_BYTES / (recordBytes + 10));
  const value = Buffer.alloc(recordBytes, 0x61);
  const batch = await encodeRecordBatch({
    records: Array.from({ length: records }, () => ({ key: null, value })),
    baseTimestamp: BigInt(Date.now()),
  });
  return { batch, records };
}

function produceRequest(topic: string, partition: number, acks: number, batch: Buffer): ProduceRequest {
  return {
    transactionalId: null,
    acks,
    timeoutMs: 30_000,
    topicData: [{ name: topic, partitionData: [{ index: partition, records: batch }] }],
  };
}

interface ProduceRun {
  mbPerSecond: number;
  recordsPerSecond: number;
}

/** Sends as fast as the broker answers, IN_FLIGHT requests per connection, round-robin over partitions. */
async function produceFlat(
  connections: KafkaConnection[],
  topic: string,
  acks: number,
  recordBytes: number,
): Promise<ProduceRun> {
  const { batch, records } = await batchOf(recordBytes);
  let bytes = 0;
  let count = 0;
  let next = 0;
  const deadline = performance.now() + PRODUCE_SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    connections.flatMap((connection) =>
      Array.from({ length: IN_FLIGHT }, async () => {
        while (performance.now() < deadline) {
          const partition = next++ % PARTITIONS;
          // The broker patches offsets into its own copy of the request; the client's batch stays reusable.
          const response = await connection.request(
            ApiKey.Produce,
            produceRequest(topic, partition, acks, batch),
          );
          const code = response.responses[0]!.partitionResponses[0]!.errorCode;
          if (code !== 0) throw new Error(`produce failed with error ${code}`);
          bytes += batch.length;
          count += records;
        }
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  return { mbPerSecond: bytes / seconds / 1e6, recordsPerSecond: count / seconds };
}

/** Produces at a fixed request rate and returns per-request latencies in ms. */
async function produceAtRate(
  connection: KafkaConnection,
  topic: string,
  requestsPerSecond: number,
  batch: Buffer,
  seconds: number,
): Promise<number[]> {
  const latencies: number[] = [];
  const interval = 1000 / requestsPerSecond;
  const total = Math.floor(seconds * requestsPerSecond);
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    pending.push(
      connection.request(ApiKey.Produce, produceRequest(topic, i % PARTITIONS, -1, batch)).then(() => {
        latencies.push(performance.now() - sent);
      }),
    );
  }
  await Promise.all(pending);
  return latencies.sort((a, b) => a - b);
}

/** Reads the given partitions from offset 0 to their ends with large fetches; returns the bytes read. */
async function consumePartitions(
  connection: KafkaConnection,
  topic: string,
  owned: number[],
): Promise<number> {
  // Fetch v13+ names topics by id.
  const metadata = await connection.request(ApiKey.Metadata, {
    ...apis[ApiKey.Metadata].defaultRequest(),
    topics: [{ name: topic, topicId: ZERO_UUID }],
  });
  const topicId = metadata.topics[0]!.topicId;
  const offsets = new Array<bigint>(PARTITIONS).fill(0n);
  const done = Array.from({ length: PARTITIONS }, (_, p) => !owned.includes(p));
  let bytes = 0;
  while (done.some((d) => !d)) {
    const request: FetchRequest = {
      ...apis[ApiKey.Fetch].defaultRequest(),
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: 64 * 1024 * 1024,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic,
          topicId,
          partitions: offsets
            .map((offset, partition) => ({ partition, offset }))
            .filter(({ partition }) => !done[partition])
            .map(({ partition, offset }) => ({
              partition,
              currentLeaderEpoch: -1,
              fetchOffset: offset,
              lastFetchedEpoch: -1,
              logStartOffset: -1n,
              partitionMaxBytes: 16 * 1024 * 1024,
              replicaDirectoryId: ZERO_UUID,
            })),
        },
      ],
    };
    const response = await connection.request(ApiKey.Fetch, request);
    if (response.errorCode !== 0) throw new Error(`fetch failed with error ${response.errorCode}`);
    for (const partition of response.responses[0]?.partitions ?? []) {
      if (partition.errorCode !== 0)
        throw new Error(`fetch of partition ${partition.partitionIndex} failed: ${partition.errorCode}`);
      const records = partition.records ?? Buffer.alloc(0);
      bytes += records.length;
      // Advance past the last complete batch: base offset + last offset delta + 1.
      let position = 0;
      let nextOffset = offsets[partition.partitionIndex]!;
      while (position + 61 <= records.length) {
        const size = records.readInt32BE(position + 8) + 12;
        if (position + size > records.length) break;
        nextOffset = records.readBigInt64BE(position) + BigInt(records.readInt32BE(position + 23)) + 1n;
        position += size;
      }
      offsets[partition.partitionIndex] = nextOffset;
      if (nextOffset >= partition.highWatermark) done[partition.partitionIndex] = true;
    }
  }
  return bytes;
}

/** Two consumers (one connection each, as two members of a group would have) split the partitions. */
async function consumeAll(
  connections: KafkaConnection[],
  topic: string,
): Promise<{ mbPerSecond: number; bytes: number }> {
  const started = performance.now();
  const shares = connections.map((_, i) =>
    Array.from({ length: PARTITIONS }, (_, p) => p).filter((p) => p % connections.length === i),
  );
  const read = await Promise.all(
    connections.map((connection, i) => consumePartitions(connection, topic, shares[i]!)),
  );
  const bytes = read.reduce((a, b) => a + b, 0);
  return { mbPerSecond: bytes / ((performance.now() - started) / 1000) / 1e6, bytes };
}

export async function brokerSuite(): Promise<SuiteResult> {
  settleDisk();
  const disk = diskBufferedWriteMBps();
  settleDisk();
  const socket = await loopbackSocketMBps();
  const limit = Math.min(disk, socket);
  const broker = await startBroker({
    configs: { 'num.partitions': String(PARTITIONS), 'log.segment.bytes': String(256 * 1024 * 1024) },
  });
  const connections = await Promise.all(
    Array.from({ length: CONNECTIONS }, () => KafkaConnection.connect('127.0.0.1', broker.port, 'bench')),
  );
  const measurements: Measurement[] = [];
  const notes: string[] = [
    `Machine limits in this run: disk buffered write ${disk.toFixed(0)} MB/s, Node loopback socket ${socket.toFixed(0)} MB/s; produce ratios are to the smaller (${limit.toFixed(0)} MB/s), consume ratios to the socket.`,
    "Dirty pages are written back (sync) before the limits and before each phase, so no phase inherits the previous one's backlog.",
    `Load: ${CONNECTIONS} connections × ${IN_FLIGHT} pipelined Produce requests of one ${BATCH_BYTES / 1024} KiB uncompressed batch each, ${PARTITIONS} partitions, ${PRODUCE_SECONDS} s per case. The load generator and the broker share the 2 cores.`,
  ];
  try {
    const peaks = new Map<string, ProduceRun>();
    for (const recordBytes of [100, 1024]) {
      for (const acks of [1, -1]) {
        const topic = `bench-${recordBytes}-${acks === 1 ? 'acks1' : 'acksall'}`;
        await connections[0]!.request(ApiKey.Metadata, {
          ...apis[ApiKey.Metadata].defaultRequest(),
          topics: [{ name: topic, topicId: ZERO_UUID }],
          allowAutoTopicCreation: true,
        });
        settleDisk();
        const run = await produceFlat(connections, topic, acks, recordBytes);
        peaks.set(topic, run);
        measurements.push({
          name: `produce ${recordBytes} B records, acks=${acks}`,
          mbPerSecond: run.mbPerSecond,
          operationsPerSecond: run.recordsPerSecond,
          ratio: run.mbPerSecond / limit,
          note: `${Math.round(run.recordsPerSecond).toLocaleString('en-US')} records/s`,
        });
      }
    }
    settleDisk();
    const consumed = await consumeAll(connections, 'bench-1024-acks1');
    measurements.push({
      name: `consume (2 consumers fetch from offset 0, ${(consumed.bytes / 2 ** 30).toFixed(2)} GiB)`,
      mbPerSecond: consumed.mbPerSecond,
      operationsPerSecond: 0,
      ratio: consumed.mbPerSecond / socket,
      note: 'ratio to the loopback socket',
    });
    // Latency at half of the acks=-1 1 KiB peak: the same batches, half the request rate.
    const peak = peaks.get('bench-1024-acksall')!;
    const { batch: peakBatch } = await batchOf(1024);
    const rate = (peak.mbPerSecond * 1e6 * 0.5) / peakBatch.length;
    settleDisk();
    // One second at the same rate first, discarded: the JIT and the segment's first pages warm up there.
    await produceAtRate(connections[1]!, 'bench-1024-acksall', rate, peakBatch, 1);
    const latencies = await produceAtRate(connections[1]!, 'bench-1024-acksall', rate, peakBatch, 4);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!;
    measurements.push({
      name: `produce latency at half of peak (1 KiB records, acks=-1, ${Math.round(rate)} requests/s of ${peakBatch.length >> 10} KiB)`,
      mbPerSecond: (rate * peakBatch.length) / 1e6,
      operationsPerSecond: rate,
      note: `p50 ${p(0.5).toFixed(2)} ms, p99 ${p(0.99).toFixed(2)} ms, max ${latencies.at(-1)!.toFixed(2)} ms`,
    });
  } finally {
    for (const connection of connections) connection.close();
    await broker.stop();
  }
  return {
    title: 'Broker: produce, consume, latency (single broker process on loopback)',
    limit: { name: 'min(disk buffered write, loopback socket)', mbPerSecond: limit },
    measurements,
    notes,
  };
}
