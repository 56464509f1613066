/**
 * `sluice cluster`: N brokers on this machine, each its own OS process with its own data folder, in KRaft
 * combined mode (every broker is also a voter of the metadata quorum), optionally with the console showing them.
 *
 * Each broker is started with a complete `sluice broker` command line, printed at start: stopping, SIGKILLing
 * and restarting one broker by hand with that exact line is how drills are run, and the broker rejoins.
 * The folders are formatted once, as `kafka-storage.sh format` does: every `DIR/broker-K/meta.properties` holds
 * the same cluster id, so a broker started against another cluster's folder refuses to join it.
 * With --console-port the console's server is started with an IPC channel: its admins' fault drills (stop,
 * SIGKILL, pause, resume, start again) arrive over it and are run here, on these same child processes.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DRILLS_ENV,
  type BrokerProcess,
  type BrokerProcessState,
  type DrillRequest,
  type DrillResponse,
} from '@sluice/validators';
import { CliError, parseConfigPairs } from '../cli-error.ts';

const SLUICE_BIN = fileURLToPath(new URL('../../bin/sluice.mjs', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Builds the console once, as `npm start` does, when this checkout has no production build of it yet. */
function ensureConsoleBuilt(): void {
  if (existsSync(join(REPO_ROOT, 'apps', 'console', '.next', 'BUILD_ID'))) return;
  console.log('Building the console (once; npm start does the same) ...');
  const build = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@sluice/console', '--output-logs=new-only'],
    {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  if (build.status !== 0) throw new CliError(`building the console failed (exit ${build.status})`);
}
/**
 * Brokers log through a pipe to this process, which would make them write JSON lines: at a terminal they are
 * asked for the readable form, as `sluice broker` there would print. SLUICE_LOG_FORMAT, when set, wins.
 */
function childLogEnv(): NodeJS.ProcessEnv {
  if (process.env.SLUICE_LOG_FORMAT !== undefined || !process.stdout.isTTY) return process.env;
  return { ...process.env, SLUICE_LOG_FORMAT: 'text' };
}

/** The largest quorum Kafka recommends; more voters slow every metadata commit. */
const MAX_BROKERS = 9;
const STOP_DEADLINE_MS = 15_000;

export interface ClusterLayout {
  clusterId: string;
  brokers: BrokerLayout[];
}

export interface BrokerLayout {
  nodeId: number;
  /** The address its listeners bind to and advertise. */
  host: string;
  dataDir: string;
  port: number;
  controllerPort: number;
  /** Ports of the secured client listeners (`--listener`), by listener name. */
  listenerPorts: Record<string, number>;
  /** Port of its /metrics endpoint (-1: none); null leaves it to `sluice broker` (its Kafka port + 1000). */
  httpPort: number | null;
  /** The arguments after `sluice`: the broker's complete command line. */
  args: string[];
}

/**
 * Node ids 1..N; client listeners PORT..PORT+N-1; the quorum on the N ports after them; each extra listener
 * (`listeners`: SSL, SASL_PLAINTEXT, SASL_SSL) on the next N ports, in order. PLAINTEXT stays the first listener:
 * brokers replicate over it. Settings given with
 * --config go to every broker and win over the cluster's own defaults (replication factors of min(3, N)).
 * `hosts`, when given, puts broker K on hosts[K-1] (its listeners, advertised listener and voter address)
 * instead of `host`: brokers on separate test hosts. `httpPort`, when given, puts broker K's /metrics endpoint on
 * httpPort+K-1 (-1: none).
 */
export function planCluster(options: {
  brokers: number;
  dataDir: string;
  port: number;
  host: string;
  hosts?: readonly string[];
  controllerPort?: number;
  /** Extra client listeners, each named after its security protocol. */
  listeners?: readonly string[];
  configs: ReadonlyMap<string, string>;
  clusterId: string;
  httpPort?: number;
}): ClusterLayout {
  const { brokers: count, host } = options;
  const firstControllerPort = options.controllerPort ?? options.port + count;
  const firstExtraPort = Math.max(options.port + count, firstControllerPort + count);
  const extra = options.listeners ?? [];
  const nodes = Array.from({ length: count }, (_, index) => ({
    nodeId: index + 1,
    host: options.hosts?.[index] ?? host,
    port: options.port + index,
    controllerPort: firstControllerPort + index,
    listenerPorts: Object.fromEntries(extra.map((name, j) => [name, firstExtraPort + j * count + index])),
    httpPort: options.httpPort === undefined ? null : options.httpPort < 0 ? -1 : options.httpPort + index,
  }));
  const voters = nodes.map((node) => `${node.nodeId}@${node.host}:${node.controllerPort}`).join(',');
  const replication = String(Math.min(3, count));
  const brokers = nodes.map((node) => {
    const { host } = node;
    const dataDir = join(options.dataDir, `broker-${node.nodeId}`);
    const configs = new Map<string, string>([
      ['node.id', String(node.nodeId)],
      ['process.roles', 'broker,controller'],
      ['controller.quorum.voters', voters],
      [
        'listeners',
        [
          `PLAINTEXT://${host}:${node.port}`,
          `CONTROLLER://${host}:${node.controllerPort}`,
          ...extra.map((name) => `${name}://${host}:${node.listenerPorts[name]}`),
        ].join(','),
      ],
      [
        'advertised.listeners',
        [
          `PLAINTEXT://${host}:${node.port}`,
          ...extra.map((name) => `${name}://${host}:${node.listenerPorts[name]}`),
        ].join(','),
      ],
      ['controller.listener.names', 'CONTROLLER'],
      [
        'listener.security.protocol.map',
        ['PLAINTEXT:PLAINTEXT', 'CONTROLLER:PLAINTEXT', ...extra.map((name) => `${name}:${name}`)].join(','),
      ],
      ['default.replication.factor', replication],
      ['offsets.topic.replication.factor', replication],
      ['transaction.state.log.replication.factor', replication],
      // Kafka's default (2) where the cluster has that many brokers, so a transaction survives one failure.
      ['transaction.state.log.min.isr', String(Math.min(2, Number(replication)))],
      ...options.configs,
    ]);
    const args = ['broker', '--data-dir', dataDir, '--port', String(node.port), '--host', host];
    if (node.httpPort !== null) args.push('--http-port', String(node.httpPort));
    for (const [name, value] of configs) args.push('--config', `${name}=${value}`);
    return { ...node, dataDir, args };
  });
  return { clusterId: options.clusterId, brokers };
}

/** The cluster id already written to any broker folder, so a restarted cluster keeps its identity. */
function existingClusterId(dataDir: string, count: number): string | null {
  for (let nodeId = 1; nodeId <= count; nodeId++) {
    const path = join(dataDir, `broker-${nodeId}`, 'meta.properties');
    if (!existsSync(path)) continue;
    const match = /^cluster\.id=(.+)$/m.exec(readFileSync(path, 'utf8'));
    if (match) return match[1]!.trim();
  }
  return null;
}

/** Kafka's cluster and directory ids are 16 random bytes in URL-safe base64 without padding (Uuid.randomUuid). */
export function randomClusterId(): string {
  return randomBytes(16).toString('base64url');
}

/** Writes a KRaft node's meta.properties (kafka-storage.sh format); false when the folder is already formatted. */
export function writeMetaProperties(dataDir: string, clusterId: string, nodeId: number): boolean {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'meta.properties');
  if (existsSync(path)) return false;
  writeFileSync(
    path,
    `version=1\ncluster.id=${clusterId}\nnode.id=${nodeId}\ndirectory.id=${randomClusterId()}\n`,
  );
  return true;
}

/** Writes meta.properties into each broker folder that has none yet. */
export function formatStorage(layout: ClusterLayout): void {
  for (const broker of layout.brokers) writeMetaProperties(broker.dataDir, layout.clusterId, broker.nodeId);
}

function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', () => resolvePromise(false));
    probe.listen(port, host, () => probe.close(() => resolvePromise(true)));
  });
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Forwards a child's output line by line, each line prefixed with the child's name. */
function prefixOutput(child: ChildProcess, name: string): void {
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) sink.write(`[${name}] ${line}\n`);
    });
    stream?.on('end', () => {
      if (pending) sink.write(`[${name}] ${pending}\n`);
    });
  }
}

export interface BrokerProcessEntry {
  broker: BrokerLayout;
  commandLine: string;
  child: ChildProcess | null;
  state: BrokerProcessState;
  lastExit: string | null;
}

const DRILL_SIGNALS = { stop: 'SIGTERM', kill: 'SIGKILL', pause: 'SIGSTOP', resume: 'SIGCONT' } as const;

function describeProcesses(brokers: ReadonlyMap<number, BrokerProcessEntry>): BrokerProcess[] {
  return [...brokers.values()].map((entry) => ({
    nodeId: entry.broker.nodeId,
    pid: entry.child?.pid ?? null,
    state: entry.state,
    lastExit: entry.lastExit,
    commandLine: entry.commandLine,
  }));
}

/**
 * A drill the console asked for: a signal to a running broker's process, or a stopped broker started again with
 * its own command line. Answers with every broker process's state afterwards, or why the drill cannot be run.
 */
export function answerDrill(
  request: DrillRequest,
  brokers: ReadonlyMap<number, BrokerProcessEntry>,
  startBroker: (entry: BrokerProcessEntry) => void,
): DrillResponse {
  const fail = (error: string): DrillResponse => ({ type: 'sluice-drill', id: request.id, ok: false, error });
  if (request.op !== 'list') {
    const entry = brokers.get(request.nodeId);
    if (!entry) return fail(`this cluster has no broker ${request.nodeId}`);
    if (request.op === 'start') {
      if (entry.child) return fail(`broker ${request.nodeId} is already running (pid ${entry.child.pid})`);
      startBroker(entry);
    } else {
      if (!entry.child) return fail(`broker ${request.nodeId} is not running; start it first`);
      if (request.op === 'pause' && entry.state === 'paused')
        return fail(`broker ${request.nodeId} is already paused`);
      if (request.op === 'resume' && entry.state !== 'paused')
        return fail(`broker ${request.nodeId} is not paused`);
      entry.child.kill(DRILL_SIGNALS[request.op]);
      if (request.op === 'pause') entry.state = 'paused';
      else if (request.op === 'resume') entry.state = 'running';
      else {
        // A paused broker acts on the signal only once it runs again (SIGKILL needs no help).
        if (entry.state === 'paused') entry.child.kill('SIGCONT');
        entry.state = 'stopping';
      }
    }
  }
  return { type: 'sluice-drill', id: request.id, ok: true, processes: describeProcesses(brokers) };
}

function parsePositive(text: string, flag: string, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max)
    throw new CliError(`${flag} must be a whole number from 1 to ${max}, got "${text}"`);
  return value;
}

export async function clusterCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      brokers: { type: 'string', default: '3' },
      'data-dir': { type: 'string', default: './data-cluster' },
      port: { type: 'string', default: '9092' },
      'controller-port': { type: 'string' },
      'console-port': { type: 'string' },
      'http-port': { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      listener: { type: 'string', multiple: true, default: [] },
      config: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  const count = parsePositive(values.brokers, '--brokers', MAX_BROKERS);
  const listeners = [...new Set(values.listener.map((name) => name.toUpperCase()))];
  for (const name of listeners)
    if (!['SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(name))
      throw new CliError(`--listener must be SSL, SASL_PLAINTEXT or SASL_SSL, got ${name}`);
  const port = parsePositive(values.port, '--port', 65535 - 2 * count);
  const controllerPort =
    values['controller-port'] === undefined
      ? undefined
      : parsePositive(values['controller-port'], '--controller-port', 65535 - count);
  // Each broker's /metrics: HPORT..HPORT+N-1, by default the client ports + 1000; -1 turns them off.
  const httpPort =
    values['http-port'] === '-1'
      ? -1
      : values['http-port'] === undefined
        ? port + 1000
        : parsePositive(values['http-port'], '--http-port', 65535 - count);
  if (httpPort + count - 1 > 65535)
    throw new CliError(`the metrics ports ${httpPort}.. do not fit below 65536: give --http-port`);
  const dataDir = resolve(values['data-dir']);
  const configs = parseConfigPairs(values.config);
  for (const reserved of [
    'node.id',
    'process.roles',
    'controller.quorum.voters',
    'listeners',
    'advertised.listeners',
    'listener.security.protocol.map',
    'sluice.http.port',
  ])
    if (configs.has(reserved))
      throw new CliError(
        `--config ${reserved} is set per broker by sluice cluster; start brokers one by one instead`,
      );

  const layout = planCluster({
    brokers: count,
    dataDir,
    port,
    host: values.host,
    ...(controllerPort === undefined ? {} : { controllerPort }),
    listeners,
    configs,
    clusterId: existingClusterId(dataDir, count) ?? randomClusterId(),
    httpPort,
  });
  for (const broker of layout.brokers)
    for (const candidate of [
      broker.port,
      broker.controllerPort,
      ...Object.values(broker.listenerPorts),
      ...(broker.httpPort !== null && broker.httpPort >= 0 ? [broker.httpPort] : []),
    ])
      if (!(await portIsFree(values.host, candidate)))
        throw new CliError(`port ${candidate} on ${values.host} is in use (choose another --port)`);
  formatStorage(layout);
  if (values['console-port'] !== undefined) ensureConsoleBuilt();

  console.log(`Sluice cluster ${layout.clusterId}: ${count} broker(s), data in ${dataDir}`);
  const children = new Map<string, ChildProcess>();
  const brokers = new Map<number, BrokerProcessEntry>();
  let stopping = false;
  const startBroker = (entry: BrokerProcessEntry) => {
    const name = `broker-${entry.broker.nodeId}`;
    const child = spawn(process.execPath, [SLUICE_BIN, ...entry.broker.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childLogEnv(),
    });
    prefixOutput(child, name);
    entry.child = child;
    entry.state = 'running';
    child.on('exit', (code, signal) => {
      if (children.get(name) === child) children.delete(name);
      if (entry.child !== child) return;
      entry.child = null;
      entry.state = 'exited';
      entry.lastExit = signal ?? `code ${code}`;
      if (!stopping) console.log(`[${name}] exited (${entry.lastExit}); restart it with the line above`);
    });
    children.set(name, child);
  };
  for (const broker of layout.brokers) {
    const commandLine = `npx sluice ${broker.args.map(shellQuote).join(' ')}`;
    const metrics =
      broker.httpPort !== null && broker.httpPort >= 0
        ? `, metrics http://${values.host}:${broker.httpPort}/metrics`
        : '';
    console.log(
      `  broker-${broker.nodeId}: clients ${values.host}:${broker.port}, quorum ${values.host}:${broker.controllerPort}${metrics}\n` +
        `    ${commandLine}`,
    );
    const entry: BrokerProcessEntry = { broker, commandLine, child: null, state: 'exited', lastExit: null };
    brokers.set(broker.nodeId, entry);
    startBroker(entry);
  }
  if (values['console-port'] !== undefined) {
    const bootstrap = layout.brokers.map((broker) => `${values.host}:${broker.port}`).join(',');
    const consoleArgs = [
      'serve',
      '--data-dir',
      join(dataDir, 'console'),
      '--bootstrap-server',
      bootstrap,
      '--console-port',
      values['console-port'],
      '--host',
      values.host,
    ];
    // The IPC channel is how the console asks for drills on the brokers (runDrill); nothing else uses it.
    const child = spawn(process.execPath, [SLUICE_BIN, ...consoleArgs], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, [DRILLS_ENV]: '1' },
    });
    prefixOutput(child, 'console');
    child.on('message', (message: unknown) => {
      const request = message as Partial<DrillRequest> | null;
      if (request?.type !== 'sluice-drill' || typeof request.id !== 'number') return;
      const response = answerDrill(request as DrillRequest, brokers, startBroker);
      if (child.connected) child.send(response);
    });
    child.on('exit', () => children.delete('console'));
    children.set('console', child);
  }

  const stop = (signal: NodeJS.Signals) => {
    console.log(`Stopping the cluster (${signal})`);
    stopping = true;
    for (const child of children.values()) {
      child.kill('SIGTERM');
      // A paused (SIGSTOPped) broker acts on the SIGTERM only once it runs again.
      child.kill('SIGCONT');
    }
    const deadline = setTimeout(() => {
      for (const child of children.values()) child.kill('SIGKILL');
      process.exit(1);
    }, STOP_DEADLINE_MS);
    deadline.unref();
    const poll = setInterval(() => {
      if (children.size === 0) process.exit(0);
    }, 100);
    poll.unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
