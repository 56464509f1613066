/**
 * Sluice beside two brokers a user might pick instead, in the same run on the same machine, each as its users
 * would run it for durable streams:
 * - Redis 7 Streams: XADD, appendonly yes with appendfsync everysec (Redis's durable default), pipelined
 *   1,000 commands per round trip;
 * - NATS JetStream 2.9: a file-backed stream, publishes acknowledged by the server, 1,000 in flight;
 * - Sluice: Produce with acks=1 (the leader has written the batch; fsync per flush policy, as Kafka), batches
 *   of 1,000 records, 4 requests in flight.
 * One client connection and one load generator (this process) for each; records of 100 B and 1 KiB.
 * Redis and NATS come from Debian (installed with apt-get when missing, like the test tools).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect as connectSocket, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect as connectNats } from 'nats';
import { ClusterClient } from '@sluice/client';
import { encodeRecordBatch } from '@sluice/protocol';
import type { SuiteResult } from './harness.ts';

const RECORDS = Number(process.env.BENCH_COMPETITOR_RECORDS ?? 300_000);
const BATCH = 1000;
const SIZES = [100, 1024];
const CLI = fileURLToPath(new URL('../../apps/cli/bin/sluice.mjs', import.meta.url));

function ensureInstalled(binary: string, pkg: string): void {
  if (existsSync(binary)) return;
  execFileSync('apt-get', ['install', '-y', pkg], { stdio: 'inherit' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts a server process and resolves once its output matches `ready`. */
function startProcess(command: string, args: string[], ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 30_000);
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`${command} exited ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function payload(size: number): Buffer {
  return Buffer.alloc(size, 'x');
}

/** Redis: pipelined XADDs over one RESP connection; resolves with records a second. */
async function redisRate(port: number, size: number): Promise<number> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connectSocket(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const value = payload(size);
  const command = Buffer.concat([
    Buffer.from(`*5\r\n$4\r\nXADD\r\n$5\r\nbench\r\n$1\r\n*\r\n$1\r\nv\r\n$${size}\r\n`),
    value,
    Buffer.from('\r\n'),
  ]);
  const pipeline = Buffer.concat(Array.from({ length: BATCH }, () => command));
  let replies = 0;
  let waiting: (() => void) | null = null;
  let expected = 0;
  socket.on('data', (chunk: Buffer) => {
    // Each XADD answers a bulk string: "$<n>\r\n<id>\r\n", two line ends.
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) replies += 0.5;
    if (waiting && replies >= expected) waiting();
  });
  const started = performance.now();
  for (let sent = 0; sent < RECORDS; sent += BATCH) {
    expected += BATCH;
    await new Promise<void>((resolve) => {
      waiting = resolve;
      socket.write(pipeline);
    });
  }
  const seconds = (performance.now() - started) / 1000;
  socket.destroy();
  return RECORDS / seconds;
}

/** NATS JetStream: acknowledged publishes, BATCH in flight; resolves with records a second. */
async function natsRate(port: number, size: number, subject: string): Promise<number> {
  const connection = await connectNats({ servers: `127.0.0.1:${port}` });
  const manager = await connection.jetstreamManager();
  await manager.streams.add({ name: subject.toUpperCase(), subjects: [subject], storage: 'file' as never });
  const js = connection.jetstream();
  const value = payload(size);
  const started = performance.now();
  for (let sent = 0; sent < RECORDS; sent += BATCH) {
    await Promise.all(Array.from({ length: BATCH }, () => js.publish(subject, value)));
  }
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  return RECORDS / seconds;
}

/** Sluice: Produce acks=1 with batches of BATCH records, 4 requests in flight; resolves with records a second. */
async function sluiceRate(port: number, size: number, topicName: string): Promise<number> {
  const client = new ClusterClient(`127.0.0.1:${port}`, 'bench-competitors');
  const [created] = await client.createTopics([
    { name: topicName, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] },
  ]);
  if (created?.errorCode !== 0) throw new Error(`create ${topicName}: ${created?.errorMessage}`);
  const topic = await client.topic(topicName);
  const value = payload(size);
  const batch = await encodeRecordBatch({
    records: Array.from({ length: BATCH }, () => ({ key: null, value })),
  });
  const started = performance.now();
  let sent = 0;
  const worker = async () => {
    while (sent < RECORDS) {
      sent += BATCH;
      // The broker patches offsets into the buffer it receives; each request sends its own copy.
      await client.produce(topic, 0, Buffer.from(batch), 1);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  const seconds = (performance.now() - started) / 1000;
  client.close();
  return RECORDS / seconds;
}

export async function competitorsSuite(): Promise<SuiteResult> {
  ensureInstalled('/usr/bin/redis-server', 'redis-server');
  ensureInstalled('/usr/sbin/nats-server', 'nats-server');
  const dir = mkdtempSync(join(tmpdir(), 'sluice-bench-competitors-'));
  const [redisPort, natsPort, sluicePort] = await Promise.all([freePort(), freePort(), freePort()]);
  const processes: ChildProcess[] = [];
  try {
    processes.push(
      await startProcess(
        '/usr/bin/redis-server',
        [
          '--port',
          String(redisPort),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--appendonly',
          'yes',
          '--appendfsync',
          'everysec',
          '--save',
          '',
        ],
        /Ready to accept connections/,
      ),
    );
    processes.push(
      await startProcess(
        '/usr/sbin/nats-server',
        ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', join(dir, 'nats')],
        /Server is ready/,
      ),
    );
    processes.push(
      await startProcess(
        CLI,
        ['broker', '--data-dir', join(dir, 'sluice'), '--port', String(sluicePort)],
        /listening on/,
      ),
    );
    const rows: string[][] = [];
    for (const size of SIZES) {
      const redis = await redisRate(redisPort, size);
      const nats = await natsRate(natsPort, size, `bench${size}`);
      const sluice = await sluiceRate(sluicePort, size, `bench-${size}`);
      const fmt = (rate: number) => `${Math.round(rate / 1000).toLocaleString('en-US')} k/s`;
      rows.push([
        `${size} B`,
        fmt(sluice),
        fmt(redis),
        fmt(nats),
        `${(sluice / redis).toFixed(1)}×`,
        `${(sluice / nats).toFixed(1)}×`,
      ]);
    }
    return {
      title: 'Beside Redis Streams and NATS JetStream (same run, same machine)',
      limit: { name: 'the other brokers, each as its users run it for durable streams', mbPerSecond: 0 },
      measurements: [],
      table: {
        headers: [
          'record size',
          'Sluice (acks=1)',
          'Redis 7 XADD (AOF everysec)',
          'NATS JetStream (file, acked)',
          'Sluice ÷ Redis',
          'Sluice ÷ NATS',
        ],
        rows,
      },
      notes: [
        `${RECORDS.toLocaleString('en-US')} records each, one connection, one load generator in this process competing for the 2 cores.`,
        'Redis: pipelines of 1,000 XADDs; NATS: 1,000 acknowledged publishes in flight; Sluice: batches of 1,000 records, 4 Produce requests in flight.',
      ],
    };
  } finally {
    await Promise.all(processes.map(stop));
    rmSync(dir, { recursive: true, force: true });
  }
}
