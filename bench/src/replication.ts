/**
 * Replication on a 3-broker KRaft cluster, each broker its own OS process started with the command line
 * `sluice cluster` prints:
 * - produce throughput with 3 replicas and acks=all beside 1 replica in the same run, as a ratio, with librdkafka's
 *   own load tool (rdkafka_performance). Kafka's 2014 benchmark is the anchor: 3 synchronous replicas kept 51 % of
 *   the unreplicated rate (https://engineering.linkedin.com/kafka/benchmarking-apache-kafka-2-million-writes-second-three-cheap-machines);
 * - failover: SIGKILL of a partition leader to the first acknowledged acks=all write on the new leader, 10 kills,
 *   once with Kafka's default broker session and once with a short one (failover.ts).
 */
import { readFileSync } from 'node:fs';
import { ClusterClient } from '@sluice/client';
import { startCluster, type ClusterProcess } from '../../packages/broker/test/support/cluster-process.ts';
import { run } from '../../packages/broker/test/support/run.ts';
import { measureFailover, MetadataSource, waitFor, type FailoverResult } from './failover.ts';
import type { SuiteResult } from './harness.ts';
import { diskBufferedWriteMBps, settleDisk } from './limits.ts';
import { rdkafkaPerformance } from './rdkafka-performance.ts';

const PARTITIONS = 6;
const RECORD_BYTES = 1024;
const RECORDS = Number(process.env.BENCH_REPLICATION_RECORDS ?? 600_000);
const ROUNDS = Number(process.env.BENCH_REPLICATION_ROUNDS ?? 5);
const KILLS = Number(process.env.BENCH_FAILOVER_KILLS ?? 10);
/** Kafka's defaults, given explicitly so the row says what it ran with. */
const DEFAULT_SESSION = { 'broker.session.timeout.ms': '9000', 'broker.heartbeat.interval.ms': '2000' };
const TUNED_SESSION = { 'broker.session.timeout.ms': '2000', 'broker.heartbeat.interval.ms': '500' };
const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime, in seconds, from a /proc stat line; `children` reads the reaped children's fields instead. */
function procCpuSeconds(path: string, children = false): number {
  const stat = readFileSync(path, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces; utime is field 14.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const first = children ? 13 : 11;
  return (Number(fields[first]) + Number(fields[first + 1])) / CLOCK_TICKS_PER_SECOND;
}

function brokersCpuSeconds(cluster: ClusterProcess): number {
  return cluster.brokers.reduce((sum, b) => sum + procCpuSeconds(`/proc/${b.process!.pid}/stat`), 0);
}

interface ProduceRun {
  recordsPerSecond: number;
  mbPerSecond: number;
  /** CPU seconds (user + system) of the three broker processes per GB produced. */
  brokerCpuPerGB: number;
  loadGeneratorCpuPerGB: number;
}

/** One rdkafka_performance run: RECORDS records of RECORD_BYTES to random partitions of `topic`. */
async function rdkafkaProduce(
  tool: string,
  cluster: ClusterProcess,
  topic: string,
  acks: number,
): Promise<ProduceRun> {
  settleDisk();
  const brokersBefore = brokersCpuSeconds(cluster);
  const loadBefore = procCpuSeconds('/proc/self/stat', true);
  const args = ['-P', '-t', topic, '-s', String(RECORD_BYTES), '-c', String(RECORDS), '-a', String(acks)];
  const { code, stdout, stderr } = await run(
    tool,
    [...args, '-X', 'linger.ms=5', '-b', cluster.bootstrap, '-u'],
    { timeoutMs: 300_000 },
  );
  const brokerCpu = brokersCpuSeconds(cluster) - brokersBefore;
  const loadCpu = procCpuSeconds('/proc/self/stat', true) - loadBefore;
  // -u prints a table row a second and a final one: elapsed ms | msgs | bytes | rtt | dr | dr_m/s | dr_MB/s | dr_err ...
  const rows = stdout
    .split('\n')
    .filter((line) => /^\|\s*\d/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1)
        .map((cell) => Number(cell.trim())),
    );
  const last = rows.at(-1);
  if (code !== 0 || !last || last[4] !== RECORDS || last[7] !== 0)
    throw new Error(`rdkafka_performance on ${topic} did not deliver every record:\n${stdout}\n${stderr}`);
  const recordsPerSecond = last[5]!;
  const gigabytes = (RECORDS * RECORD_BYTES) / 1e9;
  return {
    recordsPerSecond,
    mbPerSecond: (recordsPerSecond * RECORD_BYTES) / 1e6,
    brokerCpuPerGB: brokerCpu / gigabytes,
    loadGeneratorCpuPerGB: loadCpu / gigabytes,
  };
}

function median<T>(values: T[], key: (value: T) => number): T {
  return [...values].sort((a, b) => key(a) - key(b))[Math.floor(values.length / 2)]!;
}

async function startReadyCluster(configs: Record<string, string>): Promise<ClusterProcess> {
  const cluster = await startCluster({ brokers: 3, configs });
  const metadata = new MetadataSource(cluster.brokers.map((b) => b.layout.port));
  try {
    await waitFor('three registered brokers', async () =>
      (await metadata.read(null)).brokers.length === 3 ? true : null,
    );
  } finally {
    metadata.close();
  }
  return cluster;
}

/** Creates the topics and waits until every partition has a leader and its full ISR. */
async function createTopics(
  cluster: ClusterProcess,
  topics: { name: string; partitions: number; replicationFactor: number }[],
): Promise<void> {
  const client = new ClusterClient(cluster.bootstrap, 'bench-admin');
  const results = await client.createTopics(
    topics.map((t) => ({
      name: t.name,
      numPartitions: t.partitions,
      replicationFactor: t.replicationFactor,
      assignments: [],
      configs: [{ name: 'min.insync.replicas', value: String(Math.min(2, t.replicationFactor)) }],
    })),
  );
  client.close();
  for (const result of results)
    if (result.errorCode !== 0)
      throw new Error(`creating ${result.name} failed: ${result.errorCode} ${result.errorMessage}`);
  const metadata = new MetadataSource(cluster.brokers.map((b) => b.layout.port));
  try {
    for (const topic of topics)
      await waitFor(`${topic.name} with leaders and full ISRs`, async () => {
        const partitions = (await metadata.read(topic.name)).topics[0]?.partitions ?? [];
        const ready = partitions.filter(
          (p) => p.errorCode === 0 && p.leaderId >= 0 && p.isrNodes.length === topic.replicationFactor,
        );
        return ready.length === topic.partitions ? true : null;
      });
  } finally {
    metadata.close();
  }
}

async function deleteTopics(cluster: ClusterProcess, names: string[]): Promise<void> {
  const client = new ClusterClient(cluster.bootstrap, 'bench-admin');
  await client.deleteTopics(names);
  client.close();
}

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`;

function failoverRow(settings: string, result: FailoverResult): string[] {
  const times = result.kills.map((k) => k.failoverMs).sort((a, b) => a - b);
  const leaderOnly = result.kills.filter((k) => !k.wasController).map((k) => k.failoverMs);
  const withController = result.kills.filter((k) => k.wasController).map((k) => k.failoverMs);
  const summary = (values: number[]) =>
    values.length === 0
      ? 'none'
      : `${values.length}: median ${ms(median(values, (v) => v))}, worst ${ms(Math.max(...values))}`;
  return [
    settings,
    ms(median(times, (v) => v)),
    ms(times.at(-1)!),
    summary(leaderOnly),
    summary(withController),
    ms(median(result.kills, (k) => k.rejoinMs).rejoinMs),
    `${result.missing === 0 ? 'yes' : `NO: ${result.missing} missing`}: ${result.acknowledged.toLocaleString('en-US')} acknowledged, ${result.readBack.toLocaleString('en-US')} read back, ${result.duplicates} duplicated`,
  ];
}

export async function replicationSuite(): Promise<SuiteResult> {
  const suiteStarted = performance.now();
  const tool = await rdkafkaPerformance();
  settleDisk();
  const disk = diskBufferedWriteMBps();
  const log = (line: string) => console.log(`  ${line}`);

  // Throughput, and failover with Kafka's default session, on one cluster with Kafka's defaults.
  const runs = new Map<string, ProduceRun[]>();
  // Other work on the machine comes and goes within seconds: RF 3 is compared with the RF 1 run beside it.
  const pairedRatios: number[] = [];
  let defaultFailover: FailoverResult;
  let cluster = await startReadyCluster(DEFAULT_SESSION);
  try {
    await createTopics(cluster, [
      { name: 'rf1', partitions: PARTITIONS, replicationFactor: 1 },
      { name: 'rf3', partitions: PARTITIONS, replicationFactor: 3 },
    ]);
    const cases = [
      { label: 'RF 1, acks=all', topic: 'rf1', acks: -1 },
      { label: 'RF 3, acks=all', topic: 'rf3', acks: -1 },
    ];
    for (let round = 0; round < ROUNDS; round++) {
      const pair = new Map<string, ProduceRun>();
      for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
        const result = await rdkafkaProduce(tool, cluster, c.topic, c.acks);
        log(`${c.label}: ${Math.round(result.recordsPerSecond)} records/s`);
        runs.set(c.label, [...(runs.get(c.label) ?? []), result]);
        pair.set(c.label, result);
      }
      pairedRatios.push(
        pair.get('RF 3, acks=all')!.recordsPerSecond / pair.get('RF 1, acks=all')!.recordsPerSecond,
      );
    }
    runs.set('RF 1, acks=1', [await rdkafkaProduce(tool, cluster, 'rf1', 1)]);
    await deleteTopics(cluster, ['rf1', 'rf3']);

    await createTopics(cluster, [{ name: 'failover', partitions: 1, replicationFactor: 3 }]);
    defaultFailover = await measureFailover(cluster, 'failover', KILLS, (k) =>
      log(
        `default session: killed ${k.victim}${k.wasController ? ' (controller)' : ''}, ${ms(k.failoverMs)}`,
      ),
    );
  } finally {
    await cluster.stopAll();
  }

  let tunedFailover: FailoverResult;
  cluster = await startReadyCluster(TUNED_SESSION);
  try {
    await createTopics(cluster, [{ name: 'failover', partitions: 1, replicationFactor: 3 }]);
    tunedFailover = await measureFailover(cluster, 'failover', KILLS, (k) =>
      log(`tuned session: killed ${k.victim}${k.wasController ? ' (controller)' : ''}, ${ms(k.failoverMs)}`),
    );
  } finally {
    await cluster.stopAll();
  }

  const produced = (label: string) => median(runs.get(label)!, (r) => r.recordsPerSecond);
  const cpuPerGB = (label: string) => median(runs.get(label)!, (r) => r.brokerCpuPerGB).brokerCpuPerGB;
  const reference = produced('RF 1, acks=all');
  const replicatedRatio = median(pairedRatios, (r) => r);
  const percent = (ratio: number) => `${(ratio * 100).toFixed(0)} %`;
  const produceRow = (label: string, ratio: string, note: string) => {
    const r = produced(label);
    return [
      label,
      Math.round(r.recordsPerSecond).toLocaleString('en-US'),
      r.mbPerSecond.toFixed(0),
      ratio,
      `${cpuPerGB(label).toFixed(1)} s`,
      note,
    ];
  };
  const allRuns = (label: string) =>
    runs
      .get(label)!
      .map((r) => Math.round(r.recordsPerSecond).toLocaleString('en-US'))
      .join(', ');
  const settings = (configs: Record<string, string>) =>
    Object.entries(configs)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ');
  const killList = (result: FailoverResult) =>
    result.kills.map((k) => `${ms(k.failoverMs)}${k.wasController ? '*' : ''}`).join(', ');

  return {
    title: 'Replication: RF 3 beside RF 1, and leader failover (3-broker KRaft cluster on loopback)',
    limit: {
      name:
        "the same cluster's RF 1 acks=all rate, measured in this run. Anchor: Kafka's own 2014 benchmark kept 51 % of its " +
        'unreplicated rate with 3 synchronous replicas (three machines); failover aim: below 3 s',
      mbPerSecond: reference.mbPerSecond,
    },
    table: {
      headers: [
        `produce, ${PARTITIONS} partitions, 1 KiB records`,
        'records/s',
        'MB/s',
        'ratio to RF 1 acks=all',
        'broker CPU per GB',
        'runs (records/s)',
      ],
      rows: [
        produceRow(
          'RF 1, acks=1',
          percent(produced('RF 1, acks=1').recordsPerSecond / reference.recordsPerSecond),
          allRuns('RF 1, acks=1'),
        ),
        produceRow('RF 1, acks=all', '100 %', allRuns('RF 1, acks=all')),
        produceRow(
          'RF 3, acks=all',
          `**${percent(replicatedRatio)}** (Kafka 2014: 51 %)`,
          `${allRuns('RF 3, acks=all')}; ratio to the RF 1 run beside each: ${pairedRatios.map(percent).join(', ')}`,
        ),
      ],
    },
    measurements: [],
    moreTables: [
      {
        caption: `Failover: SIGKILL of the partition leader to the first acks=all write acknowledged by the new leader, ${KILLS} kills per row.`,
        headers: [
          'cluster settings',
          'median',
          'worst',
          'kills of a leader only',
          'kills of a leader that was also the active controller',
          'killed broker back in the ISR after restart (median)',
          'no acknowledged record lost',
        ],
        rows: [
          failoverRow(`Kafka's defaults: ${settings(DEFAULT_SESSION)}`, defaultFailover),
          failoverRow(`tuned: ${settings(TUNED_SESSION)}`, tunedFailover),
        ],
      },
    ],
    notes: [
      'On 2 cores the three broker processes and the load generator share the CPU (and whatever else runs on the machine): ' +
        'RF 3 moves every byte through three processes on the same two cores, where Kafka’s benchmark gave each broker a machine. ' +
        '"Broker CPU per GB" is user + system CPU of the three broker processes (from /proc) per GB produced (median of the runs): ' +
        `RF 3 cost ${(cpuPerGB('RF 3, acks=all') / cpuPerGB('RF 1, acks=all')).toFixed(1)}× the CPU of RF 1 per GB, where three copies of every byte set a floor of about 3×, ` +
        'so whenever the two shared cores are the limit the ratio here cannot go much above RF 1’s CPU per GB divided by RF 3’s.',
      `Load: rdkafka_performance (librdkafka 2.12, built -O2 from node-rdkafka@3.6.1) \`-P -s ${RECORD_BYTES} -c ${RECORDS} -X linger.ms=5\`, ` +
        `random partitioner; RF 3 topic with min.insync.replicas=2; ${ROUNDS} rounds of one RF 1 and one RF 3 run in alternating order; rates are medians, the RF 3 ratio is the median of the rounds' ratios; one run for acks=1. ` +
        `It used ${produced('RF 1, acks=all').loadGeneratorCpuPerGB.toFixed(1)} s (RF 1) and ${produced('RF 3, acks=all').loadGeneratorCpuPerGB.toFixed(1)} s (RF 3) of CPU per GB.`,
      `Machine limit in this run: disk buffered write ${disk.toFixed(0)} MB/s; RF 3 writes each byte three times.`,
      'Failover: one partition with 3 replicas and min.insync.replicas=2; the producer keeps one acks=all Produce of one 100 B record in flight ' +
        'and, on any error, re-reads metadata from a live broker after 25 ms. The killed broker is restarted with its own command line and must be back ' +
        'in the ISR before the next kill. In combined mode a broker is also a controller: a kill that takes the active controller waits for a quorum election too.',
      `Each kill, default session: ${killList(defaultFailover)}; tuned: ${killList(tunedFailover)} (* also the active controller).`,
      'After the last kill the partition is read back from offset 0 and every acknowledged sequence number looked for. Each attempt writes a new ' +
        'sequence number, so records read back beyond those acknowledged are attempts that landed without an answer, and a duplicated number would be the cluster’s doing.',
      `The suite ran in ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s.`,
    ],
  };
}
