/** Real clients for the e2e specs: the sluice CLI and kcat against the server's broker, run to completion. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The broker that playwright.config.ts starts with the console. */
export const BOOTSTRAP = `127.0.0.1:${process.env.SLUICE_E2E_KAFKA_PORT}`;
export const SLUICE_CLI = join(import.meta.dirname, '..', '..', 'apps', 'cli', 'bin', 'sluice.mjs');

/** Runs a command to completion, feeding it `input`; resolves to its stdout, rejects on a non-zero exit or after `timeoutMs`. */
export function run(command: string, args: string[], input = '', timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} ended with ${code ?? signal}: ${stderr}`));
    });
    child.stdin.end(input);
  });
}

/** `sluice <args> --bootstrap-server BOOTSTRAP`, with `input` on its stdin (records for `produce`, a line each). */
export function sluice(args: string[], input = ''): Promise<string> {
  return run(process.execPath, [SLUICE_CLI, ...args, '--bootstrap-server', BOOTSTRAP], input);
}
