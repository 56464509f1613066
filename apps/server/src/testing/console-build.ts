/**
 * The console's production build, which the server tests serve. `npm test` builds it once before its test files
 * run side by side (two `next build`s in one checkout refuse each other: "Another next build process is already
 * running") and says so in SLUICE_CONSOLE_BUILT=1; a test file run on its own builds it here, and turbo skips a
 * build whose inputs have not changed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

export function ensureConsoleBuild(): void {
  if (process.env.SLUICE_CONSOLE_BUILT === '1') return;
  const build = spawnSync(
    'npx',
    ['turbo', 'run', 'build', '--filter=@sluice/console', '--output-logs=errors-only'],
    { cwd: ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, stdio: 'inherit' },
  );
  assert.equal(build.status, 0, 'building the console failed');
}
