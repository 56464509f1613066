/**
 * A 3-broker cluster with its console, started the way a user starts it: `sluice cluster --brokers 3
 * --console-port`, on free ports, in a fresh data dir, with Kafka's failure-detection settings shortened so a
 * killed broker is fenced within seconds. The whole tree (cluster, brokers, console) runs in its own process
 * group: stopping it sends SIGTERM to the `sluice cluster` process, which stops its children, and SIGKILLs the
 * group if that has not finished in time.
 *
 * Specs take it as the worker fixture `cluster` of the `test` exported here, with the console as their baseURL:
 * one cluster per worker, so the specs that use this `test` share it when they run in one worker (each uses
 * topics and users of its own names).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test as base } from '@playwright/test';
import { run, SLUICE_CLI } from './processes.ts';
import { E2E_ADMIN } from './sign-in.ts';

export const CLUSTER_CONFIGS = [
  'broker.session.timeout.ms=3000',
  'broker.heartbeat.interval.ms=500',
  'replica.lag.time.max.ms=3000',
];
const BROKERS = 3;
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;
/** A CLI call against a cluster that is busy replicating (or has a broker down) can take a while. */
const CLI_TIMEOUT_MS = 60_000;

/**
 * How a new topic's replicas are placed: counted (the controller places them), or listed (`1:2,2:3`: partition 0
 * on brokers 1 and 2, partition 1 on 2 and 3).
 */
export type TopicPlacement =
  { partitions: number; replicationFactor: number } | { replicaAssignment: string };

export interface TestCluster {
  /** The console: http://127.0.0.1:PORT. */
  url: string;
  bootstrap: string;
  /** `sluice <args> --bootstrap-server ...` against this cluster. */
  sluice(args: string[], input?: string): Promise<string>;
  /** What `sluice cluster` printed so far (its brokers' and console's output, prefixed). */
  output(): string;
  /**
   * Creates a topic once the cluster can place it: right after start, the brokers may not all have registered
   * yet, and a replication factor above the live brokers is refused (INVALID_REPLICATION_FACTOR).
   */
  createTopic(name: string, placement: TopicPlacement): Promise<void>;
  stop(): Promise<void>;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A first port of `count` consecutive free ones, from a random start in the unprivileged, non-ephemeral range. */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 20_000 + Math.floor(Math.random() * 10_000);
    let free = true;
    for (let port = first; port < first + count && free; port++) free = await portFree(port);
    if (free) return first;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  child: ChildProcess,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the process exited (${child.exitCode ?? child.signalCode}) before ${what}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

export interface ConsoleProcess {
  child: ChildProcess;
  /** The console's address. */
  url: string;
  /** What the process printed so far. */
  output(): string;
  /** SIGTERM, then SIGKILL of the process group if it has not exited in time; removes the data dir. */
  stop(): Promise<void>;
}

/**
 * `node SLUICE_CLI ...args` (`cluster` or `serve`) as the e2e admin, in its own process group, once its console
 * answers /healthz; if it does not, it is stopped and the error carries what it printed.
 */
export async function startConsoleProcess(
  args: string[],
  options: { consolePort: number; dataDir: string; readyTimeoutMs: number; stopTimeoutMs: number },
): Promise<ConsoleProcess> {
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SLUICE_ADMIN_USER: E2E_ADMIN.username,
      SLUICE_ADMIN_PASSWORD: E2E_ADMIN.password,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.consolePort}`;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const inTime = await Promise.race([exited.then(() => true), sleep(options.stopTimeoutMs, false)]);
        if (!inTime) {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // The group is gone already.
          }
          await exited;
        }
      }
      rmSync(options.dataDir, { recursive: true, force: true });
    })());

  try {
    await waitFor(
      'the console',
      async () => (await fetch(`${url}/healthz`)).ok,
      options.readyTimeoutMs,
      child,
    );
  } catch (error) {
    await stop();
    const command = args[1] ?? 'sluice';
    throw new Error(`${(error as Error).message}\n--- sluice ${command} output ---\n${output}`);
  }
  return { child, url, output: () => output, stop };
}

export async function startCluster(): Promise<TestCluster> {
  // Client listeners on the first BROKERS ports, the quorum's on the next, the console after them.
  const first = await freePortRun(2 * BROKERS + 1);
  const consolePort = first + 2 * BROKERS;
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-e2e-cluster-'));
  const bootstrap = Array.from({ length: BROKERS }, (_, i) => `127.0.0.1:${first + i}`).join(',');
  const args = [
    SLUICE_CLI,
    'cluster',
    '--brokers',
    String(BROKERS),
    '--data-dir',
    dataDir,
    '--port',
    String(first),
    '--console-port',
    String(consolePort),
    ...CLUSTER_CONFIGS.flatMap((config) => ['--config', config]),
  ];
  const { child, url, output, stop } = await startConsoleProcess(args, {
    consolePort,
    dataDir,
    readyTimeoutMs: READY_TIMEOUT_MS,
    stopTimeoutMs: STOP_TIMEOUT_MS,
  });
  const sluice = (cliArgs: string[], input = '') =>
    run(process.execPath, [SLUICE_CLI, ...cliArgs, '--bootstrap-server', bootstrap], input, CLI_TIMEOUT_MS);
  const createTopic = async (name: string, placement: TopicPlacement) => {
    const create = [
      'topics',
      'create',
      '--topic',
      name,
      ...('replicaAssignment' in placement
        ? ['--replica-assignment', placement.replicaAssignment]
        : [
            '--partitions',
            String(placement.partitions),
            '--replication-factor',
            String(placement.replicationFactor),
          ]),
    ];
    await waitFor(
      `topic ${name} created`,
      // An earlier attempt may have created it after all (its answer lost): that is done too.
      () =>
        sluice(create).then(
          () => true,
          (error: unknown) => /already.exists/i.test(String(error)),
        ),
      60_000,
      child,
    );
  };
  return { url, bootstrap, sluice, output, createTopic, stop };
}

/** A test with the worker's cluster as `cluster` and its console as the baseURL. */
export const test = base.extend<object, { cluster: TestCluster }>({
  cluster: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const cluster = await startCluster();
      try {
        await use(cluster);
      } finally {
        await cluster.stop();
      }
    },
    { scope: 'worker', timeout: READY_TIMEOUT_MS + 60_000 },
  ],
  baseURL: async ({ cluster }, use) => use(cluster.url),
});
