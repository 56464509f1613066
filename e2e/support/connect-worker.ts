/**
 * The Kafka Connect worker the Connect spec starts itself: `sluice connect standalone` against the e2e
 * server's broker, its REST listener on the port playwright.config.ts handed the console as SLUICE_CONNECT_URL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOTSTRAP, SLUICE_CLI } from './processes.ts';

export const CONNECT_URL = `http://127.0.0.1:${process.env.SLUICE_E2E_CONNECT_PORT}`;
const START_TIMEOUT_MS = 60_000;

export interface ConnectWorker {
  dir: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startConnectWorker(): Promise<ConnectWorker> {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-e2e-connect-'));
  const workerFile = join(dir, 'worker.properties');
  writeFileSync(
    workerFile,
    [
      `bootstrap.servers=${BOOTSTRAP}`,
      `listeners=${CONNECT_URL}`,
      'key.converter=org.apache.kafka.connect.storage.StringConverter',
      'value.converter=org.apache.kafka.connect.storage.StringConverter',
      `offset.storage.file.filename=${join(dir, 'connect.offsets')}`,
      'offset.flush.interval.ms=1000',
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, [SLUICE_CLI, 'connect', 'standalone', workerFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const worker: ConnectWorker = {
    dir,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`sluice connect standalone exited (${child.exitCode ?? child.signalCode}): ${output}`);
    try {
      if ((await fetch(`${CONNECT_URL}/`, { signal: AbortSignal.timeout(2_000) })).ok) return worker;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await worker.stop();
      throw new Error(
        `the Connect worker did not answer at ${CONNECT_URL} within ${START_TIMEOUT_MS} ms: ${output}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
