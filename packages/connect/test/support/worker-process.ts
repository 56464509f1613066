/**
 * Starts a real Connect worker the way users do (`sluice connect standalone ...`, its own OS process) for
 * integration tests, and talks to its REST API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));
const STARTUP_TIMEOUT_MS = 60_000;

export interface WorkerProcess {
  /** The REST API's base URL, without a trailing slash. */
  url: string;
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
