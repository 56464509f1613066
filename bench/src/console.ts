/**
 * The console in Debian's Chromium against the real server (started as `npm start` starts it): the topics
 * table with 10,000 topics: time until the page shows its data and answers a search, frame rate while
 * scrolling, and the JavaScript heap (Chromium's own Performance metrics); and the live tail while 50,000 records
 * a second arrive on its topic: time until it is live, frame rate, how soon Pause answers, the heap, and whether
 * its counts account for every record produced.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ClusterClient } from '@sluice/client';
import { encodeRecordBatch } from '@sluice/protocol';
import type { SuiteResult } from './harness.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOPICS = Number(process.env.BENCH_CONSOLE_TOPICS ?? 10_000);
/** The live tail's load: records a second into TAIL_PARTITIONS partitions, for TAIL_SECONDS. */
const TAIL_RATE = Number(process.env.BENCH_TAIL_RATE ?? 50_000);
const TAIL_PARTITIONS = 4;
const TAIL_SECONDS = 12;
/** The most the tail lets the server send to a browser (messages.tail's maximum). */
const TAIL_CAP = 5_000;
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

/** A JSON value like an order event, about 70 bytes, different for every record. */
function eventValue(n: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      order: n,
      customer: `customer-${n % 977}`,
      amount: (n % 10_000) / 100,
      currency: 'EUR',
    }),
  );
}

/**
 * Produces `rate` records a second for `seconds`, spread over the topic's partitions: each 20 ms tick sends
 * what the schedule owes so far, one batch per partition, as a batching producer would (acks=1).
 */
async function produceAtRate(
  client: ClusterClient,
  topicName: string,
  rate: number,
  seconds: number,
): Promise<{ records: number; seconds: number }> {
  const topic = (await client.metadata([topicName])).topics[0]!;
  let sent = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  while (performance.now() < end) {
    const owed = Math.floor(((performance.now() - started) / 1000) * rate) - sent;
    if (owed >= TAIL_PARTITIONS) {
      const perPartition = Math.floor(owed / TAIL_PARTITIONS);
      await Promise.all(
        Array.from({ length: TAIL_PARTITIONS }, async (_, partition) => {
          const first = sent + partition * perPartition;
          const batch = await encodeRecordBatch({
            records: Array.from({ length: perPartition }, (_, i) => ({
              key: Buffer.from(`customer-${(first + i) % 977}`),
              value: eventValue(first + i),
            })),
            baseTimestamp: BigInt(Date.now()),
          });
          await client.produce(topic, partition, batch, 1);
        }),
      );
      sent += perPartition * TAIL_PARTITIONS;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { records: sent, seconds: (performance.now() - started) / 1000 };
}

/** The tail page's counts, as the page shows them. */
async function tailCounts(page: Page): Promise<Record<string, number>> {
  const pairs = await page
    .getByRole('region', { name: 'Counts' })
    .locator('dl > div')
    .evaluateAll((tiles) =>
      tiles.map((tile) => [tile.querySelector('dt')!.textContent!, tile.querySelector('dd')!.textContent!]),
    );
  return Object.fromEntries(pairs.map(([label, value]) => [label!, Number(value!.replaceAll(',', ''))]));
}

/**
 * The live tail from the newest with the highest cap a browser may ask for, while TAIL_RATE records a second
 * arrive: the server sends TAIL_CAP of them a second and counts the rest as skipped, and the page must stay
 * smooth and answer its controls.
 */
async function liveTail(
  browser: Browser,
  baseUrl: string,
  client: ClusterClient,
  notes: string[],
): Promise<string[]> {
  const topic = 'bench-live-tail';
  const [created] = await client.createTopics([
    { name: topic, numPartitions: TAIL_PARTITIONS, replicationFactor: 1, assignments: [], configs: [] },
  ]);
  if (created!.errorCode !== 0) throw new Error(`create ${topic}: ${created!.errorMessage}`);

  const page = await browser.newPage();
  await signIn(page, baseUrl);
  const opened = performance.now();
  await page.goto(`${baseUrl}/topics/${topic}/tail`);
  await page.getByLabel('Max records per second').fill(String(TAIL_CAP));
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('status', { name: 'Connection' }).getByText('Live', { exact: true }).waitFor();
  const liveMs = performance.now() - opened;

  const producing = produceAtRate(client, topic, TAIL_RATE, TAIL_SECONDS);
  // Measured once the stream is flowing: a second in, for half of the run.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const fps = await frameRate(page, (TAIL_SECONDS * 1000) / 2, 'return undefined;');
  const pauseStarted = performance.now();
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByRole('status', { name: 'Connection' }).getByText('Live, paused').waitFor();
  const pauseMs = performance.now() - pauseStarted;
  await page.getByRole('button', { name: 'Resume' }).click();
  const produced = await producing;
  const heap = await heapMb(page);

  // Every record produced is either received or skipped once the server has read to the end (nothing is filtered).
  let counts: Record<string, number> = {};
  const deadline = performance.now() + 30_000;
  do {
    await new Promise((resolve) => setTimeout(resolve, 500));
    counts = await tailCounts(page);
  } while (
    counts['Received']! + counts["Skipped by the server's cap"]! < produced.records &&
    performance.now() < deadline
  );
  await page.close();

  const received = counts['Received']!;
  const skipped = counts["Skipped by the server's cap"]!;
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  notes.push(
    `Live tail: ${n(produced.records)} records produced in ${produced.seconds.toFixed(1)} s (${n(produced.records / produced.seconds)}/s, ` +
      `${TAIL_PARTITIONS} partitions, JSON values of about ${eventValue(TAIL_RATE).length} B); the page received ${n(received)} ` +
      `(cap ${n(TAIL_CAP)}/s), was told of ${n(skipped)} skipped and ${n(counts['Filtered out']!)} filtered out, ` +
      `dropped ${n(counts['Dropped from the buffer']!)} from its ${n(counts['Shown']!)}-record buffer; ` +
      `received + skipped = ${n(received + skipped)} of ${n(produced.records)} produced.`,
  );
  return [
    `Live tail, ${n(produced.records / produced.seconds)} records/s arriving`,
    `${liveMs.toFixed(0)} ms from opening the page to live; Pause answered in ${pauseMs.toFixed(0)} ms`,
    `${fps.toFixed(0)} fps while records arrive`,
    `${heap.toFixed(0)} MiB`,
  ];
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

    rows.push(await liveTail(browser, baseUrl, client, notes));
  } finally {
    await browser.close();
    client.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return {
    title: 'Console in Chromium: 10,000 topics, and the live tail at 50,000 records/s',
    limit: { name: '60 frames a second (the display rate headless Chromium paints at)', mbPerSecond: 0 },
    measurements: [],
    table: { headers: ['page', 'time to data and input', 'frame rate while busy', 'JS heap'], rows },
    notes: [...notes, 'The server (broker and console), Chromium and the load generator share the 2 cores.'],
  };
}
