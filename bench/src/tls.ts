/**
 * TLS and SASL on one broker with three client listeners, PLAINTEXT, SSL and SASL_SSL (SCRAM-SHA-512), all in
 * the same run:
 * - produce and consume throughput with librdkafka's own load tool (rdkafka_performance, built with OpenSSL),
 *   in rounds that rotate the protocol order, medians reported;
 * - the broker's CPU per GB on each listener, from /proc, and the extra CPU TLS costs per GB beside what the
 *   cipher itself costs on this machine (`openssl speed -evp aes-256-gcm`, one core, 16 KiB blocks: TLS 1.3's
 *   first suite, TLS_AES_256_GCM_SHA384, in TLS's largest record size);
 * - connection setup per second: TCP connect + ApiVersions, + a TLS handshake, + SASL SCRAM-SHA-512.
 * Limits measured in the same run: the cipher (openssl speed), one Node TLS stream over loopback (1 MiB writes,
 * both ends in this process), and one plain Node loopback TCP stream.
 *
 * What a profile of the broker (--cpu-prof) showed for SSL produce, and why it stays below PLAINTEXT: librdkafka
 * calls SSL_write once per segment of its request buffer (rd_kafka_transport_ssl_send), so its Produce requests
 * arrive in TLS records of 2.8 KB on average (146,367 records for 414 MB in one run; PLAINTEXT reads came in
 * 6,317 chunks of 64 KB). Node's TLS socket hands each record's plaintext to JavaScript as its own 'data'
 * event, and that per-record stream work (about 2 µs each), not the cipher, is most of the extra broker CPU.
 * The broker's own code on that path (Connection.onData, FrameReader) does O(1) work per chunk and joins each
 * frame with one copy; responses are written corked, so Fetch responses leave in full-size records and
 * consuming over TLS costs the broker about what the cipher costs.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer as createTlsServer, connect as connectTls } from 'node:tls';
import { KafkaConnection, type ConnectionSecurity } from '@sluice/client';
import { ApiKey, SCRAM_ALGORITHMS, scramSaltedPassword } from '@sluice/protocol';
import { startBroker, type BrokerProcess } from '../../packages/broker/test/support/broker-process.ts';
import { run } from '../../packages/broker/test/support/run.ts';
import {
  createTestCertificates,
  type TestCertificates,
} from '../../packages/broker/test/support/tls-certificates.ts';
import type { SuiteResult } from './harness.ts';
import { loopbackSocketMBps, settleDisk } from './limits.ts';
import { rdkafkaPerformance } from './rdkafka-performance.ts';

const PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_SSL'] as const;
type Protocol = (typeof PROTOCOLS)[number];
const PARTITIONS = 4;
const RECORD_BYTES = 1024;
const RECORDS = Number(process.env.BENCH_TLS_RECORDS ?? 400_000);
const ROUNDS = Number(process.env.BENCH_TLS_ROUNDS ?? 3);
const CONNECT_SECONDS = Number(process.env.BENCH_TLS_CONNECT_SECONDS ?? 3);
const CONNECT_CONCURRENCY = 4;
const USER = 'bench-user';
const PASSWORD = randomBytes(12).toString('base64url');
const CLOCK_TICKS_PER_SECOND = 100;
const MiB = 2 ** 20;

/** utime + stime of a process, in seconds; `children`: of its reaped children instead (cutime + cstime). */
function cpuSeconds(pid: number | 'self', children = false): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const first = children ? 13 : 11;
  return (Number(fields[first]) + Number(fields[first + 1])) / CLOCK_TICKS_PER_SECOND;
}

/** AES-256-GCM encryption on one core with 16 KiB blocks, in MB/s, as `openssl speed` measures it. */
async function opensslAesGcmMBps(): Promise<number> {
  const { code, stdout, stderr } = await run(
    'openssl',
    ['speed', '-evp', 'aes-256-gcm', '-bytes', '16384', '-seconds', '2'],
    { timeoutMs: 60_000 },
  );
  // The last line: "AES-256-GCM   3456789.12k" (thousands of bytes per second).
  const match = /^AES-256-GCM\s+([\d.]+)k\s*$/m.exec(stdout);
  if (code !== 0 || !match) throw new Error(`openssl speed failed:\n${stdout}\n${stderr}`);
  return (Number(match[1]) * 1000) / 1e6;
}

/** One Node TLS stream over loopback with 1 MiB writes, both ends in this process (one thread), in MB/s. */
async function nodeTlsLoopbackMBps(certs: TestCertificates, totalBytes = 1024 * MiB): Promise<number> {
  const chunk = Buffer.alloc(MiB, 0x33);
  const key = readFileSync(certs.brokerKey);
  const cert = readFileSync(certs.brokerCert);
  return new Promise((resolve, reject) => {
    let received = 0;
    let started = 0;
    const server = createTlsServer({ key, cert }, (socket) => {
      socket.on('data', (data: Buffer) => {
        received += data.length;
        if (received >= totalBytes) {
          const seconds = (performance.now() - started) / 1000;
          socket.destroy();
          server.close();
          resolve(totalBytes / seconds / 1e6);
        }
      });
      socket.on('error', () => undefined);
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const client = connectTls({ port, host: '127.0.0.1', ca: readFileSync(certs.caFile) }, () => {
        started = performance.now();
        let sent = 0;
        const pump = () => {
          while (sent < totalBytes) {
            sent += chunk.length;
            if (!client.write(chunk)) {
              client.once('drain', pump);
              return;
            }
          }
        };
        pump();
      });
      client.on('error', () => undefined);
    });
  });
}

function clientProperties(protocol: Protocol, certs: TestCertificates): string[] {
  const props = [`security.protocol=${protocol}`];
  if (protocol !== 'PLAINTEXT') props.push(`ssl.ca.location=${certs.caFile}`);
  if (protocol === 'SASL_SSL')
    props.push('sasl.mechanisms=SCRAM-SHA-512', `sasl.username=${USER}`, `sasl.password=${PASSWORD}`);
  return props.flatMap((p) => ['-X', p]);
}

interface LoadRun {
  mbPerSecond: number;
  recordsPerSecond: number;
  /** Broker CPU seconds (user + system) per GB moved. */
  brokerCpuPerGB: number;
  /** rdkafka_performance's CPU seconds per GB moved. */
  clientCpuPerGB: number;
}

/** rdkafka_performance's final table row (-u): numbers between the bars. */
function lastRow(stdout: string): number[] | undefined {
  return stdout
    .split('\n')
    .filter((line) => /^\|\s*\d/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1)
        .map((cell) => Number(cell.trim())),
    )
    .at(-1);
}

async function rdkafkaLoad(
  tool: string,
  broker: BrokerProcess,
  certs: TestCertificates,
  protocol: Protocol,
  mode: 'produce' | 'consume',
  topic: string,
  round: number,
): Promise<LoadRun> {
  settleDisk();
  const args =
    mode === 'produce'
      ? ['-P', '-t', topic, '-s', String(RECORD_BYTES), '-c', String(RECORDS), '-a', '1', '-X', 'linger.ms=5']
      : ['-C', '-G', `bench-tls-${protocol}-${round}`, '-t', topic, '-o', 'beginning', '-c', String(RECORDS)];
  const pid = broker.process.pid!;
  const before = cpuSeconds(pid);
  const clientBefore = cpuSeconds('self', true);
  const { code, stdout, stderr } = await run(
    tool,
    [...args, '-b', `127.0.0.1:${broker.ports[protocol]}`, ...clientProperties(protocol, certs), '-u'],
    { timeoutMs: 300_000 },
  );
  const brokerCpu = cpuSeconds(pid) - before;
  const clientCpu = cpuSeconds('self', true) - clientBefore;
  const last = lastRow(stdout);
  // Produce rows: elapsed | msgs | bytes | rtt | dr | dr_m/s | dr_MB/s | dr_err ...; consume rows: elapsed | msgs |
  // bytes | rtt | m/s | MB/s | rx_err ...
  const delivered = mode === 'produce' ? last?.[4] : last?.[1];
  const failed = mode === 'produce' ? last?.[7] : last?.[6];
  if (code !== 0 || !last || delivered !== RECORDS || failed !== 0)
    throw new Error(`rdkafka_performance ${mode} over ${protocol} did not finish:\n${stdout}\n${stderr}`);
  const recordsPerSecond = mode === 'produce' ? last[5]! : last[4]!;
  const gigabytes = (RECORDS * RECORD_BYTES) / 1e9;
  return {
    recordsPerSecond,
    mbPerSecond: (recordsPerSecond * RECORD_BYTES) / 1e6,
    brokerCpuPerGB: brokerCpu / gigabytes,
    clientCpuPerGB: clientCpu / gigabytes,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** New connections per second, CONNECT_CONCURRENCY at a time, each closed once set up. */
async function connectionRate(
  broker: BrokerProcess,
  port: number,
  security: ConnectionSecurity,
): Promise<{ perSecond: number; brokerCpuMs: number }> {
  const pid = broker.process.pid!;
  // Warm-up: the first handshakes load keys and compile code paths.
  for (let i = 0; i < 3; i++)
    (await KafkaConnection.connect('127.0.0.1', port, 'bench-connect', 10_000, security)).close();
  const before = cpuSeconds(pid);
  const started = performance.now();
  const deadline = started + CONNECT_SECONDS * 1000;
  let count = 0;
  await Promise.all(
    Array.from({ length: CONNECT_CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const connection = await KafkaConnection.connect(
          '127.0.0.1',
          port,
          'bench-connect',
          10_000,
          security,
        );
        connection.close();
        count++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, brokerCpuMs: ((cpuSeconds(pid) - before) * 1000) / count };
}

export async function tlsSuite(): Promise<SuiteResult> {
  const suiteStarted = performance.now();
  const tool = await rdkafkaPerformance();
  const certs = await createTestCertificates();
  const cipher = await opensslAesGcmMBps();
  const nodeTls = await nodeTlsLoopbackMBps(certs);
  const socket = await loopbackSocketMBps(1024 * MiB);
  const broker = await startBroker({
    configs: {
      listeners: PROTOCOLS.map((p) => `${p}://127.0.0.1:0`).join(','),
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.brokerKeystore,
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'num.partitions': String(PARTITIONS),
      'log.segment.bytes': String(256 * MiB),
      'group.initial.rebalance.delay.ms': '0',
    },
  });
  const admin = await KafkaConnection.connect('127.0.0.1', broker.ports.PLAINTEXT!, 'bench-admin');
  const produce = new Map<Protocol, LoadRun[]>(PROTOCOLS.map((p) => [p, []]));
  const consume = new Map<Protocol, LoadRun[]>(PROTOCOLS.map((p) => [p, []]));
  const connects = new Map<Protocol, { perSecond: number; brokerCpuMs: number }>();
  try {
    const algorithm = SCRAM_ALGORITHMS['SCRAM-SHA-512'];
    const salt = randomBytes(32);
    await admin.request(ApiKey.AlterUserScramCredentials, {
      deletions: [],
      upsertions: [
        {
          name: USER,
          mechanism: algorithm.code,
          iterations: 4096,
          salt,
          saltedPassword: scramSaltedPassword(algorithm, PASSWORD, salt, 4096),
        },
      ],
    });
    for (let round = 0; round < ROUNDS; round++) {
      const order = PROTOCOLS.map((_, i) => PROTOCOLS[(i + round) % PROTOCOLS.length]!);
      for (const protocol of order) {
        const topic = `bench-tls-${protocol.toLowerCase()}-${round}`;
        produce
          .get(protocol)!
          .push(await rdkafkaLoad(tool, broker, certs, protocol, 'produce', topic, round));
        consume
          .get(protocol)!
          .push(await rdkafkaLoad(tool, broker, certs, protocol, 'consume', topic, round));
      }
    }
    const tls = { ca: readFileSync(certs.caFile) };
    connects.set('PLAINTEXT', await connectionRate(broker, broker.ports.PLAINTEXT!, {}));
    connects.set('SSL', await connectionRate(broker, broker.ports.SSL!, { tls }));
    connects.set(
      'SASL_SSL',
      await connectionRate(broker, broker.ports.SASL_SSL!, {
        tls,
        sasl: { mechanism: 'SCRAM-SHA-512', username: USER, password: PASSWORD },
      }),
    );
  } finally {
    admin.close();
    await broker.stop();
  }
  if (broker.output().includes(PASSWORD)) throw new Error('the SCRAM password reached the broker log');

  const medianOf = (runs: LoadRun[], key: keyof LoadRun) => median(runs.map((r) => r[key]));
  const plainProduce = medianOf(produce.get('PLAINTEXT')!, 'mbPerSecond');
  const plainConsume = medianOf(consume.get('PLAINTEXT')!, 'mbPerSecond');
  const plainProduceCpu = medianOf(produce.get('PLAINTEXT')!, 'brokerCpuPerGB');
  const plainConsumeCpu = medianOf(consume.get('PLAINTEXT')!, 'brokerCpuPerGB');
  const cipherCpuPerGB = 1000 / cipher;
  const percent = (x: number) => `${(x * 100).toFixed(0)} %`;
  const rows = PROTOCOLS.flatMap((protocol) =>
    (['produce', 'consume'] as const).map((mode) => {
      const runs = (mode === 'produce' ? produce : consume).get(protocol)!;
      const mb = medianOf(runs, 'mbPerSecond');
      const cpu = medianOf(runs, 'brokerCpuPerGB');
      const plainMb = mode === 'produce' ? plainProduce : plainConsume;
      const plainCpu = mode === 'produce' ? plainProduceCpu : plainConsumeCpu;
      const extra = cpu - plainCpu;
      return [
        `${protocol} ${mode}`,
        Math.round(medianOf(runs, 'recordsPerSecond')).toLocaleString('en-US'),
        mb.toFixed(0),
        protocol === 'PLAINTEXT' ? '100 %' : `**${percent(mb / plainMb)}**`,
        protocol === 'PLAINTEXT' ? '' : percent(mb / cipher),
        cpu.toFixed(2),
        protocol === 'PLAINTEXT' ? '' : `${extra.toFixed(2)} s (${(extra / cipherCpuPerGB).toFixed(1)}×)`,
        medianOf(runs, 'clientCpuPerGB').toFixed(2),
        runs.map((r) => r.mbPerSecond.toFixed(0)).join(', '),
      ];
    }),
  );
  const connectRows = PROTOCOLS.map((protocol) => {
    const c = connects.get(protocol)!;
    const what = {
      PLAINTEXT: 'TCP connect + ApiVersions',
      SSL: 'TCP + TLS 1.3 handshake + ApiVersions',
      SASL_SSL: 'TCP + TLS 1.3 + ApiVersions + SaslHandshake + SCRAM-SHA-512 (2 SaslAuthenticate)',
    }[protocol];
    return [protocol, what, Math.round(c.perSecond).toLocaleString('en-US'), c.brokerCpuMs.toFixed(2)];
  });
  return {
    title: 'TLS and SASL_SSL beside PLAINTEXT (one broker, three listeners, rdkafka_performance)',
    limit: {
      name: `AES-256-GCM on one core (openssl speed), ${cipher.toFixed(0)} MB/s`,
      mbPerSecond: cipher,
    },
    measurements: [],
    table: {
      headers: [
        'listener, load',
        'records/s',
        'MB/s',
        'ratio to PLAINTEXT',
        'ratio to the cipher (one core)',
        'broker CPU s/GB',
        'extra broker CPU per GB over PLAINTEXT (× the cipher’s own cost)',
        'rdkafka_performance CPU s/GB',
        'runs (MB/s)',
      ],
      rows,
    },
    moreTables: [
      {
        caption: `Connection setup, ${CONNECT_CONCURRENCY} at a time for ${CONNECT_SECONDS} s (Sluice's client; each connection closed once set up).`,
        headers: ['listener', 'what a connection does', 'connections/s', 'broker CPU ms per connection'],
        rows: connectRows,
      },
    ],
    notes: [
      `Machine limits in this run: AES-256-GCM ${cipher.toFixed(0)} MB/s on one core (\`openssl speed -evp aes-256-gcm -bytes 16384\`, so ${cipherCpuPerGB.toFixed(2)} s of CPU per GB); one Node TLS stream over loopback ${nodeTls.toFixed(0)} MB/s (1 MiB writes, both ends on this process's one thread, so each byte is encrypted and decrypted there); one plain Node loopback TCP stream ${socket.toFixed(0)} MB/s.`,
      `Load: rdkafka_performance (librdkafka 2.12 with OpenSSL, -O2) \`-P -s ${RECORD_BYTES} -c ${RECORDS.toLocaleString('en-US')} -a 1 -X linger.ms=5\`, then \`-C -G group -o beginning\` of the same topic (${PARTITIONS} partitions), per listener; ${ROUNDS} rounds, the protocol order rotating each round; figures are medians. TLS 1.3 as OpenSSL negotiates it by default (TLS_AES_256_GCM_SHA384); the broker's key is RSA 2048.`,
      'Broker CPU per GB is user + system CPU of the broker process (from /proc) per GB of record data; it depends far less than throughput on what else the machine runs, so it is the steadier figure here. The extra CPU column subtracts the PLAINTEXT figure of the same load and sets it beside the cipher’s own cost per GB on this machine: 1.0× would mean TLS costs the broker no more than the cipher itself.',
      'Connection setup: the client in this process does its side of each handshake (SCRAM derives the salted password with 4,096 PBKDF2 iterations of HMAC-SHA-512 on every connection, as librdkafka does), so it competes with the broker for the 2 cores; broker CPU per connection is the broker’s share alone.',
      `The load generators and the broker share the 2 cores of this machine (and whatever else runs on it). The suite ran in ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s.`,
    ],
  };
}
