/**
 * Starts the real broker the way users do (`sluice broker ...` in its own OS process) on a free port, for
 * integration tests; kill it politely (SIGTERM) or not (SIGKILL) to test clean and unclean restarts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../../apps/cli/bin/sluice.mjs', import.meta.url));
const STARTUP_TIMEOUT_MS = 30_000;

export interface BrokerProcess {
  /** The first listener's port. */
  port: number;
  /** Every listener's bound port by name (one PLAINTEXT entry unless `listeners` names several). */
  ports: Record<string, number>;
  bootstrap: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the broker wrote to stderr so far. */
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const createdDirs = new Set<string>();
// Brokers write gigabytes in benchmarks and crash tests: nothing they leave behind may outlive the process.
process.once('exit', () => {
  for (const dir of createdDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh data directory, removed when this process exits. */
export function tempDataDir(prefix = 'sluice-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  createdDirs.add(dir);
  return dir;
}

export async function startBroker(
  options: { dataDir?: string; port?: number; configs?: Record<string, string> } = {},
): Promise<BrokerProcess> {
  const dataDir = options.dataDir ?? tempDataDir();
  const args = ['broker', '--data-dir', dataDir, '--port', String(options.port ?? 0)];
  for (const [name, value] of Object.entries(options.configs ?? {}))
    args.push('--config', `${name}=${value}`);
  // Run the bin itself, as `npx sluice` does, so its shebang's node flags apply.
  const child = spawn(CLI, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ports = await new Promise<Record<string, number>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`broker did not start:\n${output}`)), STARTUP_TIMEOUT_MS);
    const check = () => {
      // "listening on 127.0.0.1:9092 (data ...)", or with several listeners
      // "listening on PLAINTEXT 127.0.0.1:9092, SASL_SSL 127.0.0.1:9093 (data ...)".
      const line = /listening on (.*) \(data in/.exec(output);
      if (line) {
        clearTimeout(timer);
        resolve(
          Object.fromEntries(
            line[1]!.split(', ').map((entry) => {
              const [, name, port] = /^(?:(\w+) )?[^ ]*:(\d+)$/.exec(entry)!;
              return [name ?? 'PLAINTEXT', Number(port)];
            }),
          ),
        );
      }
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`broker exited with ${code} before listening:\n${output}`));
    });
  });
  const port = Object.values(ports)[0]!;
  return {
    port,
    ports,
    bootstrap: `127.0.0.1:${port}`,
    dataDir,
    process: child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
