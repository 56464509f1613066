/**
 * Starts a real Connect worker the way users do (`sluice connect standalone|distributed ...`, its own OS
 * process) for integration and end-to-end tests, and talks to its REST API. Exported as
 * `@sluice/connect/testing`, so the connect, api, cli and e2e tests start workers one way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

export interface WorkerProcess {
  /** The REST API's base URL, without a trailing slash. */
  url: string;
  pid: number;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export function writeProperties(dir: string, name: string, props: Record<string, string>): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Object.entries(props)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n') + '\n',
  );
  return path;
}

export async function startWorker(
  mode: 'standalone' | 'distributed',
  workerProperties: string,
  connectorProperties: string[] = [],
): Promise<WorkerProcess> {
  const child = spawn(CLI, ['connect', mode, workerProperties, ...connectorProperties], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${output}`)), STARTUP_TIMEOUT_MS);
    const check = (): void => {
      const match =
        /Kafka Connect started/.test(output) && /REST server listening at (\S+?)\/?,/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before starting:\n${output}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    process: child,
    output: () => output,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface RestResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function rest(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<RestResponse> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? null : (JSON.parse(text) as unknown),
    headers: response.headers,
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function freePort(): Promise<number> {
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

export interface StandaloneWorker extends WorkerProcess {
  /** The folder of its worker.properties and offsets file. */
  dir: string;
}

/**
 * A standalone worker with string converters on both sides (a line of a file is a record value as typed), its
 * files in `dir` (created when missing), its REST listener on `restPort` (default: a free port); `configs` override worker settings.
 */
export async function startStandaloneWorker(options: {
  bootstrap: string;
  dir: string;
  restPort?: number;
  configs?: Record<string, string>;
}): Promise<StandaloneWorker> {
  const port = options.restPort ?? 0;
  mkdirSync(options.dir, { recursive: true });
  const workerProperties = writeProperties(options.dir, 'worker.properties', {
    'bootstrap.servers': options.bootstrap,
    listeners: `http://127.0.0.1:${port}`,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.storage.file.filename': join(options.dir, 'connect.offsets'),
    'offset.flush.interval.ms': '1000',
    ...options.configs,
  });
  return { ...(await startWorker('standalone', workerProperties)), dir: options.dir };
}
