/**
 * The console in Debian's Chromium against the real server (started as `npm start` starts it): the topics
 * table with 10,000 topics: time until the page shows its data and answers a search, frame rate while
 * scrolling, and the JavaScript heap (Chromium's own Performance metrics). The live tail at 50,000 records a
 * second joins this suite with the tail page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { ClusterClient } from '@sluice/client';
import type { SuiteResult } from './harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOPICS = Number(process.env.BENCH_CONSOLE_TOPICS ?? 10_000);
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

function startServer(dataDir: string, consolePort: number, kafkaPort: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        'tooling/scripts/start.mjs',
        '--data-dir',
        dataDir,
        '--console-port',
        String(consolePort),
        '--port',
        String(kafkaPort),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, SLUICE_ADMIN_USER: ADMIN.username, SLUICE_ADMIN_PASSWORD: ADMIN.password },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 300_000);
    const check = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Sluice console listening/.test(output)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`the server exited ${code}:\n${output}`)));
  });
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20;
}

/**
 * Frames painted per second over `ms`, counted with requestAnimationFrame while `during` (the body of a
 * function of `ms` returning a promise) runs in the page. Given as source: tsx would wrap a TypeScript
 * callback's inner functions in a helper the page does not have.
 */
async function frameRate(page: Page, ms: number, during: string): Promise<number> {
  return page.evaluate(`(async () => {
    const ms = ${ms};
    let frames = 0;
    let running = true;
    const tick = () => { frames++; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const action = async (ms) => { ${during} };
    const started = performance.now();
    await Promise.all([action(ms), new Promise((resolve) => setTimeout(resolve, ms))]);
    running = false;
    return (frames * 1000) / (performance.now() - started);
  })()`) as Promise<number>;
}

async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function consoleSuite(): Promise<SuiteResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-bench-console-'));
  const [consolePort, kafkaPort] = await Promise.all([freePort(), freePort()]);
  const server = await startServer(dataDir, consolePort, kafkaPort);
  const baseUrl = `http://127.0.0.1:${consolePort}`;
  const client = new ClusterClient(`127.0.0.1:${kafkaPort}`, 'bench-console');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const notes: string[] = [];
  try {
    // 10,000 topics, created as an operator's script would: CreateTopics batches of 500.
    const createStarted = performance.now();
    for (let first = 0; first < TOPICS; first += 500) {
      const results = await client.createTopics(
        Array.from({ length: Math.min(500, TOPICS - first) }, (_, i) => ({
          name: `bench-${String(first + i).padStart(5, '0')}`,
          numPartitions: 1,
          replicationFactor: 1,
          assignments: [],
          configs: [],
        })),
      );
      const failed = results.find((r) => r.errorCode !== 0);
      if (failed) throw new Error(`create ${failed.name}: ${failed.errorMessage}`);
    }
    notes.push(
      `${TOPICS.toLocaleString('en-US')} topics created in ${((performance.now() - createStarted) / 1000).toFixed(0)} s (CreateTopics, 500 a request).`,
    );

    const page = await browser.newPage();
    await signIn(page, baseUrl);
    const started = performance.now();
    await page.goto(`${baseUrl}/topics`);
    await page.getByRole('link', { name: 'bench-00000', exact: true }).waitFor();
    const firstRows = performance.now() - started;
    // Interactive: a search narrows 10,000 rows to one.
    const searchStarted = performance.now();
    await page.getByRole('searchbox').first().fill('bench-09999');
    await page
      .getByRole('link', { name: `bench-${String(TOPICS - 1).padStart(5, '0')}`, exact: true })
      .waitFor();
    const searchMs = performance.now() - searchStarted;
    await page.getByRole('searchbox').first().fill('');
    const scrollFps = await frameRate(
      page,
      2000,
      `const area = [...document.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 1000 && getComputedStyle(e).overflowY !== 'visible') ?? document.scrollingElement;
       const end = performance.now() + ms;
       return new Promise((resolve) => { const step = () => { area.scrollTop += 400; if (performance.now() < end) requestAnimationFrame(step); else resolve(); }; step(); });`,
    );
    rows.push([
      `Topics table, ${TOPICS.toLocaleString('en-US')} topics`,
      `${firstRows.toFixed(0)} ms to the first rows; ${searchMs.toFixed(0)} ms for a search to narrow them to one`,
      `${scrollFps.toFixed(0)} fps scrolling 400 px a frame`,
      `${(await heapMb(page)).toFixed(0)} MiB`,
    ]);
    await page.close();
  } finally {
    await browser.close();
    client.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    title: 'Console in Chromium: 10,000 topics',
    limit: { name: '60 frames a second (the display rate headless Chromium paints at)', mbPerSecond: 0 },
    measurements: [],
    table: { headers: ['page', 'time to data and input', 'frame rate while busy', 'JS heap'], rows },
    notes: [...notes, 'The server (broker and console), Chromium and the load generator share the 2 cores.'],
  };
}
