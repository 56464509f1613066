/**
 * A Sluice cluster for integration and fault tests: N brokers, each its own OS process started with the exact
 * command line `sluice cluster` prints (planCluster), so a test can stop, SIGKILL, SIGSTOP and restart any one of
 * them the way an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { formatStorage, planCluster, type BrokerLayout } from '../../../../apps/cli/src/commands/cluster.ts';
import { tempDataDir } from './broker-process.ts';
import { runOk } from './run.ts';

const CLI = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

export interface ClusterBroker {
  layout: BrokerLayout;
  process: ChildProcess | null;
  /** Everything this broker's processes wrote, across restarts. */
  output: string;
}

export interface ClusterProcess {
  brokers: ClusterBroker[];
  bootstrap: string;
  dataDir: string;
  /** Starts broker `nodeId` (again) with its own command line; resolves once its client listener is up. */
  start(nodeId: number): Promise<void>;
  /** Sends `signal` and, unless it is SIGSTOP/SIGCONT, waits for the process to exit. */
  signal(nodeId: number, signal: NodeJS.Signals): Promise<void>;
  stopAll(): Promise<void>;
}

/** `count` consecutive free ports on 127.0.0.1 (checked by binding each). */
async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below the ephemeral range (32768+), so that no client connection takes a stopped broker's port meanwhile.
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    let free = true;
    for (let port = base; port < base + count && free; port++) free = await portIsFree(port);
    if (free) return base;
  }
  throw new Error(`no range of ${count} free ports found`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export interface ClusterOptions {
  brokers: number;
  configs?: Record<string, string>;
  /** Broker K's address (hosts[K-1]) instead of 127.0.0.1: brokers on separate test hosts. */
  hosts?: readonly string[];
  /** What broker `nodeId`'s command line runs under, e.g. `ip netns exec NS` for a host's namespace. */
  commandPrefix?: (nodeId: number) => string[];
  /** Secured client listeners besides PLAINTEXT (`sluice cluster --listener`). */
  listeners?: readonly string[];
  /**
   * Formats every broker's folder first with `sluice storage format --add-scram ARG ...`, as an operator
   * would, so the cluster starts with these SCRAM users in its bootstrap metadata.
   */
  addScram?: readonly string[];
}

export async function startCluster(options: ClusterOptions = { brokers: 3 }): Promise<ClusterProcess> {
  const dataDir = tempDataDir('sluice-cluster-');
  const port = await freePortRange(options.brokers * (2 + (options.listeners?.length ?? 0)));
  const layout = planCluster({
    brokers: options.brokers,
    dataDir,
    port,
    host: '127.0.0.1',
    ...(options.listeners ? { listeners: options.listeners } : {}),
    ...(options.hosts ? { hosts: options.hosts } : {}),
    configs: new Map(Object.entries(options.configs ?? {})),
    clusterId: 'c2x1aWNlLXRlc3QtY2x1cw', // a Kafka Uuid: 16 bytes, base64url
  });
  if (options.addScram)
    for (const broker of layout.brokers)
      await runOk(
        process.execPath,
        [
          CLI,
          'storage',
          'format',
          '--data-dir',
          broker.dataDir,
          '--cluster-id',
          layout.clusterId,
          '--config',
          `node.id=${broker.nodeId}`,
          ...options.addScram.flatMap((argument) => ['--add-scram', argument]),
        ],
        { timeoutMs: 60_000 },
      );
  formatStorage(layout);
  const brokers: ClusterBroker[] = layout.brokers.map((broker) => ({
    layout: broker,
    process: null,
    output: '',
  }));
  const byId = (nodeId: number) => {
    const broker = brokers.find((b) => b.layout.nodeId === nodeId);
    if (!broker) throw new Error(`no broker ${nodeId}`);
    return broker;
  };

  const start = async (nodeId: number) => {
    const broker = byId(nodeId);
    const [command = CLI, ...prefixArgs] = [...(options.commandPrefix?.(nodeId) ?? []), CLI];
    const child = spawn(command, [...prefixArgs, ...broker.layout.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    broker.process = child;
    const startedAt = broker.output.length;
    const append = (chunk: Buffer) => (broker.output += chunk.toString());
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`broker ${nodeId} did not start:\n${broker.output.slice(startedAt)}`)),
        STARTUP_TIMEOUT_MS,
      );
      const check = () => {
        if (
          broker.output.slice(startedAt).includes(`listening on ${broker.layout.host}:${broker.layout.port}`)
        ) {
          clearTimeout(timer);
          child.stderr!.off('data', check);
          resolve();
        }
      };
      child.stderr!.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `broker ${nodeId} exited (${signal ?? code}) while starting:\n${broker.output.slice(startedAt)}`,
          ),
        );
      });
    });
  };

  const signal = async (nodeId: number, sig: NodeJS.Signals) => {
    const child = byId(nodeId).process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(sig);
    if (sig !== 'SIGSTOP' && sig !== 'SIGCONT') await exited;
  };

  const cluster: ClusterProcess = {
    brokers,
    bootstrap: layout.brokers.map((b) => `${b.host}:${b.port}`).join(','),
    dataDir,
    start,
    signal,
    stopAll: async () => {
      await Promise.all(
        brokers.map(async (broker) => {
          const child = broker.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGCONT');
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
  try {
    await Promise.all(brokers.map((broker) => start(broker.layout.nodeId)));
  } catch (error) {
    await cluster.stopAll();
    throw error;
  }
  return cluster;
}
