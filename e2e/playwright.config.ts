/**
 * End-to-end tests against the real server, started the way a user starts it (`npm start`'s script), in
 * Debian's Chromium. Ports are picked free and the data dir is fresh, so a running `npm start` (3000, 9092)
 * is never disturbed. Run from the repository root: `npx playwright test -c e2e/playwright.config.ts`.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { E2E_ADMIN } from './support/sign-in.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function freePort(): Promise<number> {
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

// Playwright evaluates this file again in each worker; the environment carries the runner's choices to them.
// The data dir is left for the caller to remove (npm test does): Playwright's global teardown would run while
// the server is still shutting down and pull the broker's files from under it.
process.env.SLUICE_E2E_CONSOLE_PORT ??= String(await freePort());
process.env.SLUICE_E2E_KAFKA_PORT ??= String(await freePort());
// The Connect worker e2e/connect.spec.ts starts listens here; the console knows it from the start.
process.env.SLUICE_E2E_CONNECT_PORT ??= String(await freePort());
process.env.SLUICE_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'sluice-e2e-'));
const consolePort = process.env.SLUICE_E2E_CONSOLE_PORT;
const baseURL = `http://127.0.0.1:${consolePort}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'artifacts/test-results',
  retries: 0,
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: [
      'node tooling/scripts/start.mjs',
      `--console-port ${consolePort}`,
      `--port ${process.env.SLUICE_E2E_KAFKA_PORT}`,
      `--data-dir ${process.env.SLUICE_E2E_DATA_DIR}`,
    ].join(' '),
    cwd: root,
    // The first admin of the fresh data dir; e2e/support/sign-in.ts signs in with it.
    env: {
      SLUICE_ADMIN_USER: E2E_ADMIN.username,
      SLUICE_ADMIN_PASSWORD: E2E_ADMIN.password,
      SLUICE_CONNECT_URL: `http://127.0.0.1:${process.env.SLUICE_E2E_CONNECT_PORT}`,
    },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    // A cold console build on the 2-core development machine takes about half a minute.
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
