/**
 * ZooKeeper (Debian's jars) and Burrow 1.2.1 (Debian's /usr/bin/Burrow) as child processes on free loopback
 * ports, each with its own temporary directory, for burrow.test.ts. Burrow refuses to start without ZooKeeper.
 *
 * Every process started here is SIGKILLed when the test process exits, so a failing or interrupted test never
 * leaves a JVM or a Burrow behind; stop() is the polite way (SIGTERM, then SIGKILL after 5 s).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDataDir } from '../../support/broker-process.ts';

const JAVA = '/usr/bin/java';
/** Its manifest's Class-Path names the other jars ZooKeeper needs, all in /usr/share/java. */
const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';
const SLF4J_SIMPLE_JAR = '/usr/share/java/slf4j-simple.jar';
const BURROW = '/usr/bin/Burrow';
const BURROW_TEMPLATE = fileURLToPath(new URL('./burrow.toml', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

export interface Service {
  port: number;
  dir: string;
  process: ChildProcess;
  /** What the process wrote to stdout and stderr so far. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface Burrow extends Service {
  /** GET a path of Burrow's HTTP API (e.g. /v3/kafka/sluice/consumer) and parse the JSON it returns. */
  get: (path: string) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** Burrow's own log file (zap JSON lines). */
  log: () => string;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

function spawnService(command: string, args: string[], cwd: string) {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  return {
    child,
    output: () => output,
    stop,
    hasExited: () => child.exitCode !== null || child.signalCode !== null,
  };
}

async function waitFor(what: string, ready: () => Promise<boolean>, failed: () => string | null) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const failure = failed();
    if (failure !== null) throw new Error(`${what} did not start:\n${failure}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not start within ${STARTUP_TIMEOUT_MS} ms:\n${failed() ?? ''}`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A standalone ZooKeeper 3.8 on 127.0.0.1, its data in a temporary directory. */
export async function startZooKeeper(): Promise<Service> {
  const dir = tempDataDir('sluice-zookeeper-');
  const port = await freePort();
  const config = join(dir, 'zoo.cfg');
  writeFileSync(
    config,
    [
      'tickTime=2000',
      `dataDir=${join(dir, 'data')}`,
      `clientPort=${port}`,
      'clientPortAddress=127.0.0.1',
      'admin.enableServer=false',
      '',
    ].join('\n'),
  );
  const service = spawnService(
    JAVA,
    [
      '-Xmx128m',
      '-cp',
      `${ZOOKEEPER_JAR}:${SLF4J_SIMPLE_JAR}`,
      'org.apache.zookeeper.server.quorum.QuorumPeerMain',
      config,
    ],
    dir,
  );
  await waitFor(
    'ZooKeeper',
    () => accepts(port),
    () => (service.hasExited() ? service.output() : null),
  ).catch(async (error: unknown) => {
    await service.stop();
    throw error;
  });
  return { port, dir, process: service.child, output: service.output, stop: service.stop };
}

/** Burrow reading the cluster at `bootstrap` (named "sluice" in its API), with burrow.toml beside this file. */
export async function startBurrow(options: { bootstrap: string; zookeeperPort: number }): Promise<Burrow> {
  const dir = tempDataDir('sluice-burrow-');
  const port = await freePort();
  const values: Record<string, string> = {
    DIR: dir,
    BOOTSTRAP: options.bootstrap,
    ZOOKEEPER_PORT: String(options.zookeeperPort),
    HTTP_PORT: String(port),
  };
  const config = readFileSync(BURROW_TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`burrow.toml: no value for {{${name}}}`);
    return value;
  });
  writeFileSync(join(dir, 'burrow.toml'), config);
  const logFile = join(dir, 'burrow.log');
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const service = spawnService(BURROW, ['-config-dir', dir], dir);
  await waitFor(
    'Burrow',
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/burrow/admin`)).ok;
      } catch {
        return false;
      }
    },
    () => (service.hasExited() ? `${service.output()}\n${log()}` : null),
  ).catch(async (error: unknown) => {
    await service.stop();
    throw error;
  });
  return { port, dir, process: service.child, output: service.output, stop: service.stop, get, log };
}
