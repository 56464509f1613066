#!/usr/bin/env node
/**
 * `npm start`: the console on http://localhost:3000 with its data in ./data, from a fresh clone.
 *
 * 1. Builds the console when its inputs changed (turbo replays its cache otherwise, in about a second).
 * 2. Runs the server from source; flags given to `npm start -- ...` override the defaults below.
 *
 * Signals are forwarded, so Ctrl-C or a SIGTERM from a supervisor stops the server cleanly, and this
 * script exits with the server's exit status.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULTS = { '--data-dir': './data', '--port': '9092', '--console-port': '3000' };
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// Next.js asks to collect usage data on builds; a local tool should not phone home unless asked to.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' };

/** Runs a command with this script's stdio, forwarding signals; resolves to the exit status to report. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const name of FORWARDED_SIGNALS) process.off(name, forward);
      // The shell convention for "killed by a signal": 128 + its number.
      resolve(code ?? 128 + ((signal && { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal]) || 0));
    });
  });
}

function withDefaults(args) {
  const given = new Set(args.filter((arg) => arg.startsWith('--')).map((arg) => arg.split('=')[0]));
  const defaults = Object.entries(DEFAULTS).filter(([flag]) => !given.has(flag));
  return [...defaults.flat(), ...args];
}

const extraArgs = process.argv.slice(2);
const build = await run('npx', [
  'turbo',
  'run',
  'build',
  '--filter=@sluice/console',
  '--output-logs=new-only',
]);
if (build !== 0) {
  console.error(`npm start: building the console failed (exit ${build})`);
  process.exit(build);
}
process.exit(
  // The same heap sizing as the sluice bin (see apps/cli/bin/sluice.mjs).
  await run(process.execPath, [
    '--initial-old-space-size=256',
    '--import',
    'tsx',
    'apps/server/src/main.ts',
    ...withDefaults(extraArgs),
  ]),
);
