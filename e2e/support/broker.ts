/**
 * A lone Sluice broker, started the way a user starts one: `sluice broker --data-dir DIR --port PORT
 * --http-port HPORT`, on free ports, in a fresh data dir, in its own process group. Its HTTP listener serves
 * GET /v1/cleaner and the broker reports the port as sluice.http.port, which is how a remote console finds it.
 * Stopped with SIGTERM, then SIGKILL of its process group if it has not exited in time; the data dir is removed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePortRun, waitFor } from './cluster.ts';
import { run, SLUICE_CLI } from './processes.ts';

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface BrokerProcess {
  bootstrap: string;
  /** http://127.0.0.1:HPORT, the broker's HTTP listener. */
  httpUrl: string;
  /** `sluice <args> --bootstrap-server` this broker. */
  sluice(args: string[], input?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startBroker(configs: string[] = []): Promise<BrokerProcess> {
  const port = await freePortRun(2);
  const httpPort = port + 1;
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-e2e-broker-'));
  const child = spawn(
    process.execPath,
    [
      SLUICE_CLI,
      'broker',
      '--data-dir',
      dataDir,
      '--port',
      String(port),
      '--http-port',
      String(httpPort),
      ...configs.flatMap((config) => ['--config', config]),
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const bootstrap = `127.0.0.1:${port}`;
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const sluice = (args: string[], input = '') =>
    run(process.execPath, [SLUICE_CLI, ...args, '--bootstrap-server', bootstrap], input, 60_000);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const inTime = await Promise.race([exited.then(() => true), sleep(STOP_TIMEOUT_MS, false)]);
        if (!inTime) {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            // The group is gone already.
          }
          await exited;
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    })());

  try {
    await waitFor(
      'the broker and its HTTP listener',
      async () => (await fetch(`${httpUrl}/v1/cleaner`)).ok && (await sluice(['topics', 'list']), true),
      READY_TIMEOUT_MS,
      child,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- sluice broker output ---\n${output}`);
  }
  return { bootstrap, httpUrl, sluice, stop };
}
