/**
 * The log cleaner's cost to producers: p99 produce latency (acks=-1, a fixed request rate on a topic of its own)
 * measured in one broker process first with the cleaner idle, then while it compacts a large compacted partition
 * on its cleaner thread (log.cleaner.threads=1) unthrottled, then while it compacts a second one as large with
 * log.cleaner.io.max.bytes.per.second set (dynamically, as an operator would), and the ratios to the idle p99.
 * The compacted partitions are filled with min.compaction.lag.ms set high, so nothing is cleanable during the
 * baseline; setting it to 0 starts a pass, and each measurement runs until the broker logs that its pass is done.
 */
import { KafkaConnection } from '@sluice/client';
import { ApiKey, ErrorCode, encodeRecordBatch, type ProduceRequest } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from '../../packages/broker/test/support/broker-process.ts';
import type { SuiteResult } from './harness.ts';
import { settleDisk } from './limits.ts';

const COMPACTED = 'cleaner-bench-compacted';
const COMPACTED_THROTTLED = 'cleaner-bench-compacted-throttled';
/** log.cleaner.io.max.bytes.per.second for the throttled pass: a third of what one disk stream does here. */
const THROTTLE_BYTES_PER_SECOND = 32 * 2 ** 20;
const LATENCY = 'cleaner-bench-latency';
const COMPACTED_MIB = Number(process.env.BENCH_CLEANER_MIB ?? 256);
const KEYS = 20_000;
const RECORD_BYTES = 1024;
const RATE = 200;
const BASELINE_SECONDS = 5;
const MAX_PASS_SECONDS = 120;

function produceRequest(topic: string, batch: Buffer): ProduceRequest {
  return {
    transactionalId: null,
    acks: -1,
    timeoutMs: 30_000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records: batch }] }],
  };
}

async function createTopic(connection: KafkaConnection, name: string, configs: Record<string, string>) {
  const response = await connection.request(ApiKey.CreateTopics, {
    topics: [
      {
        name,
        numPartitions: 1,
        replicationFactor: 1,
        assignments: [],
        configs: Object.entries(configs).map(([key, value]) => ({ name: key, value })),
      },
    ],
    timeoutMs: 10_000,
    validateOnly: false,
  });
  if (response.topics[0]!.errorCode !== ErrorCode.NONE) throw new Error(`create ${name} failed`);
}

/** Fills a compacted partition with keyed 1 KiB records, every key written many times. */
async function fill(connection: KafkaConnection, topic: string): Promise<number> {
  const value = Buffer.alloc(RECORD_BYTES, 0x62);
  const perBatch = 256;
  const batches = Math.ceil((COMPACTED_MIB * 2 ** 20) / (perBatch * RECORD_BYTES));
  let sent = 0;
  for (let b = 0; b < batches; b += 8) {
    const requests = [];
    for (let i = b; i < Math.min(batches, b + 8); i++) {
      const batch = await encodeRecordBatch({
        records: Array.from({ length: perBatch }, (_, r) => ({
          key: Buffer.from(`key-${(i * perBatch + r) % KEYS}`),
          value,
        })),
        baseTimestamp: BigInt(Date.now()),
      });
      sent += batch.length;
      requests.push(connection.request(ApiKey.Produce, produceRequest(topic, batch)));
    }
    await Promise.all(requests);
  }
  return sent;
}

async function alterConfig(
  connection: KafkaConnection,
  resourceType: number,
  resourceName: string,
  name: string,
  value: string,
): Promise<void> {
  const altered = await connection.request(ApiKey.IncrementalAlterConfigs, {
    resources: [{ resourceType, resourceName, configs: [{ name, configOperation: 0, value }] }],
    validateOnly: false,
  });
  if (altered.responses[0]!.errorCode !== ErrorCode.NONE) throw new Error(`alter ${name} failed`);
}

/** Produces one small batch every 1/RATE s until `until` resolves true; returns the sorted latencies in ms. */
async function produceLatencies(
  connection: KafkaConnection,
  batch: Buffer,
  keepGoing: (elapsedMs: number) => boolean,
): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; keepGoing(performance.now() - start); i++) {
    const wait = start + (i * 1000) / RATE - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    pending.push(
      connection.request(ApiKey.Produce, produceRequest(LATENCY, batch)).then(() => {
        latencies.push(performance.now() - sent);
      }),
    );
  }
  await Promise.all(pending);
  return latencies.sort((a, b) => a - b);
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;

/** The broker's log line of a finished pass over `topic`'s partition 0 ("cleaned <topic>-0 ..."). */
const passLines = (broker: BrokerProcess, topic: string) =>
  broker
    .output()
    .split('\n')
    .filter((line) => line.includes(`cleaned ${topic}-0 `));

/**
 * Makes `topic` cleanable (min.compaction.lag.ms=0) and measures produce latency until the broker logs the pass
 * over it as done.
 */
async function measurePass(
  broker: BrokerProcess,
  admin: KafkaConnection,
  producer: KafkaConnection,
  batch: Buffer,
  topic: string,
) {
  const passesBefore = passLines(broker, topic).length;
  const started = performance.now();
  await alterConfig(admin, 2, topic, 'min.compaction.lag.ms', '0');
  const passDone = () => passLines(broker, topic).length > passesBefore;
  const latencies = await produceLatencies(
    producer,
    batch,
    (elapsed) => !passDone() && elapsed < MAX_PASS_SECONDS * 1000,
  );
  if (!passDone()) throw new Error(`the cleaning pass over ${topic} did not finish in ${MAX_PASS_SECONDS} s`);
  const summary = /(\d+) -> (\d+) bytes, (\d+) record/.exec(passLines(broker, topic).at(-1)!);
  return {
    latencies,
    seconds: (performance.now() - started) / 1000,
    summary: summary ? `${summary[1]} -> ${summary[2]} bytes, ${summary[3]} records removed` : '',
  };
}

export async function cleanerSuite(): Promise<SuiteResult> {
  const broker: BrokerProcess = await startBroker({ configs: { 'log.cleaner.backoff.ms': '200' } });
  const producer = await KafkaConnection.connect('127.0.0.1', broker.port, 'bench-cleaner');
  const filler = await KafkaConnection.connect('127.0.0.1', broker.port, 'bench-cleaner-fill');
  try {
    await createTopic(producer, LATENCY, {});
    let filled = 0;
    for (const topic of [COMPACTED, COMPACTED_THROTTLED]) {
      await createTopic(producer, topic, {
        'cleanup.policy': 'compact',
        'segment.bytes': String(16 * 2 ** 20),
        'min.compaction.lag.ms': String(365 * 86_400_000),
      });
      filled = await fill(filler, topic);
    }
    settleDisk();
    const batch = await encodeRecordBatch({
      records: Array.from({ length: 16 }, () => ({ key: null, value: Buffer.alloc(RECORD_BYTES, 0x61) })),
    });
    await produceLatencies(producer, batch, (elapsed) => elapsed < 1000);
    const idle = await produceLatencies(producer, batch, (elapsed) => elapsed < BASELINE_SECONDS * 1000);

    const unthrottled = await measurePass(broker, filler, producer, batch, COMPACTED);
    // The cluster-wide default, as `kafka-configs --entity-type brokers --entity-default` sets it.
    await alterConfig(
      filler,
      4,
      '',
      'log.cleaner.io.max.bytes.per.second',
      String(THROTTLE_BYTES_PER_SECOND),
    );
    const throttled = await measurePass(broker, filler, producer, batch, COMPACTED_THROTTLED);

    const row = (name: string, sorted: number[]) => [
      name,
      String(sorted.length),
      percentile(sorted, 0.5).toFixed(2),
      percentile(sorted, 0.99).toFixed(2),
      sorted.at(-1)!.toFixed(2),
    ];
    const ratio = (sorted: number[]) => (percentile(sorted, 0.99) / percentile(idle, 0.99)).toFixed(2);
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    return {
      title: 'Log cleaner: produce latency while a large compacted partition is cleaned',
      limit: {
        name: 'p99 produce latency of the same broker with the cleaner idle, measured first',
        mbPerSecond: 0,
      },
      measurements: [],
      table: {
        headers: ['phase', 'requests', 'p50 ms', 'p99 ms', 'max ms'],
        rows: [
          row(`cleaner idle (${BASELINE_SECONDS} s)`, idle),
          row(`pass, unthrottled (${unthrottled.seconds.toFixed(1)} s)`, unthrottled.latencies),
          row(
            `pass, log.cleaner.io.max.bytes.per.second=${mib(THROTTLE_BYTES_PER_SECOND)} MiB (${throttled.seconds.toFixed(1)} s)`,
            throttled.latencies,
          ),
          ['p99 ratio, unthrottled / idle', '', '', ratio(unthrottled.latencies), ''],
          ['p99 ratio, throttled / idle', '', '', ratio(throttled.latencies), ''],
        ],
      },
      notes: [
        `Each compacted partition: ${mib(filled)} MiB of ${RECORD_BYTES} B records over ${KEYS.toLocaleString('en-US')} keys, 16 MiB segments, one pass on log.cleaner.threads=1. Unthrottled: ${unthrottled.summary}. Throttled: ${throttled.summary}.`,
        `Latency load: ${RATE} Produce requests/s, acks=-1, one batch of 16 × ${RECORD_BYTES} B records each, to a topic of its own on the same broker. The load generator, the broker and its cleaner thread share the 2 cores.`,
        'Each cleaned segment is swapped in on the event loop between requests, by renames only: the old segment files are unlinked, and the cleaner checkpoint written, in the thread pool, as Kafka does.',
      ],
    };
  } finally {
    producer.close();
    filler.close();
    await broker.stop();
  }
}
