/**
 * A real Kafka Connect worker for tests: `sluice connect standalone WORKER.properties` in its own process, with
 * its REST listener on a free port, against the broker the test started. Resolves once `GET /` answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const SLUICE_CLI = join(import.meta.dirname, '..', '..', '..', '..', 'apps', 'cli', 'bin', 'sluice.mjs');
const START_TIMEOUT_MS = 60_000;

export interface StandaloneWorker {
  /** The REST API's base URL, http://127.0.0.1:PORT. */
  url: string;
  /** The worker's process, for tests that stop (SIGSTOP) it to see a worker that does not answer. */
  pid: number;
  /** What the worker printed so far, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
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

/**
 * Starts a standalone worker in `dir` (its worker.properties and offsets file live there); `configs` override
 * the worker settings. String converters on both sides, so a line of a file is a record value as typed.
 */
export async function startStandaloneWorker(options: {
  bootstrap: string;
  dir: string;
  restPort?: number;
  configs?: Record<string, string>;
}): Promise<StandaloneWorker> {
  const port = options.restPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const properties = {
    'bootstrap.servers': options.bootstrap,
    listeners: url,
    'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'value.converter': 'org.apache.kafka.connect.storage.StringConverter',
    'offset.storage.file.filename': join(options.dir, 'connect.offsets'),
    'offset.flush.interval.ms': '1000',
    ...options.configs,
  };
  const workerFile = join(options.dir, 'worker.properties');
  writeFileSync(
    workerFile,
    Object.entries(properties)
      .map(([key, value]) => `${key}=${value}\n`)
      .join(''),
  );
  const child: ChildProcess = spawn(process.execPath, [SLUICE_CLI, 'connect', 'standalone', workerFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const worker: StandaloneWorker = {
    url,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      }
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`sluice connect standalone exited (${child.exitCode ?? child.signalCode}): ${output}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return worker;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await worker.stop();
      throw new Error(
        `the Connect worker did not answer GET ${url}/ within ${START_TIMEOUT_MS} ms: ${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
