/**
 * Compaction status in the console against the real server: a compacted topic with 200-byte segments and
 * min.cleanable.dirty.ratio=0.01 gets the same ten keys five times, a `sluice produce` each round, so each round
 * is its own segment and four closed segments are dirty. min.cleanable.dirty.ratio=1 holds the cleaner off (Kafka
 * cleans when the ratio exceeds it) while the Compaction card shows the dirty ratio (100%, no pass yet); lowering
 * it to 0.01 lets the cleaner's next pass
 * (the server's log.cleaner.backoff.ms, 15 s) compact: the card then shows the last cleaning, records removed
 * and a dirty ratio of 0%, and the Cleaner page lists the partition. A delete topic with 200-byte segments
 * shows its partition's size and when retention.ms deletes its oldest segment (its records' time + a day), and
 * its size over time as the server's sampler recorded it (every 30 s), with retention.bytes drawn as the limit.
 * A console showing a remote cluster over the Kafka protocol reads each partition's cleaner status from its
 * leader's HTTP listener (GET /v1/cleaner on the port the broker reports as sluice.http.port): against a
 * `sluice broker` with its listener on it shows the figures that broker reports; against the e2e server's broker,
 * whose listener is off, it says the status is unavailable and why, with no number for it, and still shows the
 * configs. axe-core in both themes on every page.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { dataRows, screenshots } from './support/page.ts';
import { BOOTSTRAP, sluice } from './support/processes.ts';
import { startBroker } from './support/broker.ts';
import { startRemoteConsole } from './support/secured-server.ts';
import { signIn } from './support/sign-in.ts';

// Named per worker process: after a failed test Playwright starts a new worker, whose beforeAll runs again.
const TOPIC = `e2e-compaction-${process.pid}`;
const DELETE_TOPIC = `e2e-retention-${process.pid}`;
const KEYS = 10;
const ROUNDS = 5;
/** 1 MiB: far above what the test writes, so only retention.ms deletes; drawn as the chart's limit. */
const RETENTION_BYTES = 1_048_576;

/** The compaction table's cells of partition 0, by column header. */
async function partitionZero(page: Page): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Compaction per partition' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const cells = await dataRows(table).first().getByRole('cell').allTextContents();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, '').trim(), (cells[i] ?? '').trim()]));
}

/**
 * Creates TOPIC (compacted, 200-byte segments) through `run` (a `sluice` against some broker) and writes the same
 * KEYS keys ROUNDS times, a `sluice produce` each round, so each round is its own segment.
 */
async function fillCompactedTopic(
  run: (args: string[], input?: string) => Promise<string>,
  minCleanableDirtyRatio: string,
): Promise<void> {
  await run([
    'topics',
    'create',
    '--topic',
    TOPIC,
    '--partitions',
    '1',
    '--config',
    'cleanup.policy=compact',
    '--config',
    'segment.bytes=200',
    '--config',
    `min.cleanable.dirty.ratio=${minCleanableDirtyRatio}`,
  ]);
  for (let round = 0; round < ROUNDS; round++) {
    const lines = Array.from({ length: KEYS }, (_, key) => `key-${key}:round ${round} of key ${key}`);
    await run(['produce', '--topic', TOPIC, '--key-separator', ':'], `${lines.join('\n')}\n`);
  }
}

test.beforeAll(async () => {
  await fillCompactedTopic(sluice, '1');
});

test('compaction: the dirty ratio before a cleaning pass, what the pass removed after it, the Cleaner page', async ({
  page,
}) => {
  test.setTimeout(120_000);

  await signIn(page, `/topics/${TOPIC}`);
  const card = page.getByRole('region', { name: 'Compaction', exact: true });
  await expect(card.getByRole('list', { name: 'Dirty ratio per partition' })).toContainText(
    '100% dirty, threshold 100%',
  );
  const before = await partitionZero(page);
  expect(before).toMatchObject({
    'Dirty ratio': '100%',
    'First dirty offset': '0',
    'Last cleaning': 'never',
    Took: '—',
    'Next cleaning': 'Below ratio',
    'Records removed': '0',
    Uncleanable: '—',
  });
  expect(before.Cleanable).not.toBe('0 B');
  await expect(card).toContainText(/min\.cleanable\.dirty\.ratio1(\.0)?(?!\d)/);
  await screenshots(page, 'compaction-dirty');
  await expectAccessible(page, `/topics/${TOPIC}`, async (p) => {
    await expect(p.getByRole('table', { name: 'Compaction per partition' })).toContainText('100%');
  });

  // Let the cleaner at the records; the page refreshes itself.
  await sluice(['topics', 'alter', '--topic', TOPIC, '--config', 'min.cleanable.dirty.ratio=0.01']);
  await expect
    .poll(async () => (await partitionZero(page))['Last cleaning'], { timeout: 60_000 })
    .toMatch(/\d\d:\d\d:\d\d/);
  const after = await partitionZero(page);
  expect(Number(after['Records removed']!.replace(/,/g, ''))).toBeGreaterThan(0);
  expect(Number(after['First dirty offset']!.replace(/,/g, ''))).toBeGreaterThan(0);
  expect(after['Dirty ratio']).toBe('0%');
  expect(after['Next cleaning']).toBe('Clean');
  expect(after.Took).toMatch(/^\d+ ms$|s$/);
  expect(after['Bytes removed']).not.toBe('0 B');
  await expect(
    card.getByRole('list', { name: 'Dirty ratio per partition' }).getByRole('listitem'),
  ).toHaveText(/^Partition 0\s*0% dirty, threshold 1%Next cleaning: Clean: /);
  await screenshots(page, 'compaction-cleaned');

  await page.getByRole('link', { name: 'Cleaner', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Cleaner', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The internal topics' 50 offsets partitions are listed too, and the table is virtualized: filter as a user would.
  await page.getByRole('searchbox', { name: 'Filter by topic' }).fill(TOPIC);
  const listed = dataRows(
    page.getByRole('table', { name: 'Compacted partitions, most in need of cleaning first' }),
  ).filter({ has: page.getByRole('link', { name: TOPIC, exact: true }) });
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(after['Records removed']!);
  await expect(listed).toContainText('0% of 1%');
  await screenshots(page, 'cleaner');
  await expectAccessible(page, '/cleaner', async (p) => {
    await p.getByRole('searchbox', { name: 'Filter by topic' }).fill(TOPIC);
    await expect(p.getByRole('link', { name: TOPIC, exact: true })).toBeVisible();
  });
});

test('retention: a delete topic shows its size over time, each partition’s size and when its oldest segment goes', async ({
  page,
}) => {
  // The size sampler's next round (every 30 s) and the chart's next refresh (every 15 s) may both be needed.
  test.setTimeout(120_000);
  await sluice([
    'topics',
    'create',
    '--topic',
    DELETE_TOPIC,
    '--partitions',
    '1',
    '--config',
    'segment.bytes=200',
    '--config',
    'retention.ms=86400000',
    '--config',
    `retention.bytes=${RETENTION_BYTES}`,
  ]);
  const startedAt = Date.now();
  for (let round = 0; round < 3; round++)
    await sluice(
      ['produce', '--topic', DELETE_TOPIC],
      `${Array.from({ length: 10 }, (_, i) => `r${round} ${i}`).join('\n')}\n`,
    );

  await signIn(page, `/topics/${DELETE_TOPIC}`);
  const card = page.getByRole('region', { name: 'Retention', exact: true });
  const row = card.getByRole('listitem').filter({ hasText: 'Partition 0' });
  await expect(row).toContainText(
    /Next deletion: Segment at offset 0 \(\d+ B\) by retention\.ms at \d{4}-\d\d-\d\d /,
  );
  const text = (await row.textContent()) ?? '';
  const [, date] = /by retention\.ms at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/.exec(text) ?? [];
  const at = new Date(date!.replace(' ', 'T')).getTime();
  expect(at).toBeGreaterThanOrEqual(startedAt + 86_400_000 - 1000);
  expect(at).toBeLessThanOrEqual(Date.now() + 86_400_000);
  await expect(page.getByRole('region', { name: 'Compaction', exact: true })).toHaveCount(0);

  // The chart's latest point is what the sampler recorded last; once it has seen the last produce, it is the
  // size the partition list shows now (nothing is written after it).
  const sizeNow = /^([\d.,]+ (?:B|KiB))\./.exec((await row.locator('span').nth(1).textContent()) ?? '')?.[1];
  expect(sizeNow).toBeDefined();
  const sizeNowPattern = sizeNow!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const history = card.getByRole('region', { name: 'Size over time' });
  const chart = history.getByRole('figure', { name: `Size of ${DELETE_TOPIC} over the last hour` });
  await expect(chart.locator('figcaption')).toContainText(`Size now ${sizeNow} (at `, { timeout: 90_000 });
  await expect(chart.locator('figcaption')).toHaveText(
    new RegExp(
      `^Size now ${sizeNowPattern} \\(at [^)]+\\), highest ${sizeNowPattern} \\(at [^)]+\\), \\d+ points since [^;]+; retention\\.bytes 1 MiB$`,
    ),
  );
  await expect(chart.locator('.recharts-line-curve')).toHaveAttribute('d', /^M[\d.]+,[\d.]+/);
  // Recharts 3 draws every label in a layer of its own above the plot, not inside the reference line's group.
  await expect(chart.locator('.recharts-reference-line-line')).toHaveCount(1);
  await expect(chart.locator('svg .recharts-label', { hasText: 'retention.bytes 1 MiB' })).toBeVisible();

  await history.getByRole('combobox', { name: 'Show', exact: true }).selectOption({ label: 'Partition 0' });
  await expect(
    history.getByRole('figure', { name: `Size of ${DELETE_TOPIC} partition 0 over the last hour` }),
  ).toContainText(`Size now ${sizeNow} (at `);
  await history.getByRole('combobox', { name: 'over the', exact: true }).selectOption({ label: 'Last day' });
  await expect(
    history.getByRole('figure', { name: `Size of ${DELETE_TOPIC} partition 0 over the last day` }),
  ).toContainText(`Size now ${sizeNow} (at `);
  await screenshots(page, 'retention');
  await expectAccessible(page, `/topics/${DELETE_TOPIC}`, async (p) => {
    await expect(p.getByRole('region', { name: 'Retention', exact: true })).toContainText('Next deletion');
    await expect(p.getByRole('figure', { name: /^Size of / })).toContainText('Size now');
  });
});

test('a console showing a remote Sluice broker shows the cleaner status the broker reports on its HTTP listener', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // A short backoff so the cleaner passes within seconds of the last round; the e2e server keeps Kafka's 15 s.
  const broker = await startBroker(['log.cleaner.backoff.ms=200']);
  let remote: Awaited<ReturnType<typeof startRemoteConsole>> | undefined;
  try {
    await fillCompactedTopic((args, input) => broker.sluice(args, input), '0.01');
    // What the broker itself says once it has cleaned: the console must show these figures, read over the wire.
    const reported = async () =>
      (
        (await (await fetch(`${broker.httpUrl}/v1/cleaner?topic=${TOPIC}`)).json()) as {
          passes: number;
          eligibility: string;
          recordsRemoved: number;
          firstDirtyOffset: number;
        }[]
      )[0];
    await expect.poll(async () => (await reported())?.eligibility, { timeout: 60_000 }).toBe('clean');
    const status = (await reported())!;
    expect(status.passes).toBeGreaterThanOrEqual(1);
    expect(status.recordsRemoved).toBeGreaterThan(0);

    remote = await startRemoteConsole(broker.bootstrap);
    const context = await browser.newContext({ baseURL: remote.url });
    try {
      const page = await context.newPage();
      await signIn(page, `/topics/${TOPIC}`);
      const card = page.getByRole('region', { name: 'Compaction', exact: true });
      await expect(page.getByRole('table', { name: 'Compaction per partition' })).toBeVisible();
      await expect(card).not.toContainText('Log cleaner status unavailable');
      expect(await partitionZero(page)).toMatchObject({
        'Dirty ratio': '0%',
        'First dirty offset': String(status.firstDirtyOffset),
        'Records removed': String(status.recordsRemoved),
        'Next cleaning': 'Clean',
        Uncleanable: '—',
      });
      expect((await partitionZero(page))['Last cleaning']).toMatch(/\d\d:\d\d:\d\d/);
      await expect(
        card.getByRole('list', { name: 'Dirty ratio per partition' }).getByRole('listitem'),
      ).toHaveText(/^Partition 0\s*0% dirty, threshold 1%Next cleaning: Clean: /);
      await expectAccessible(page, `/topics/${TOPIC}`, async (p) => {
        await expect(p.getByRole('table', { name: 'Compaction per partition' })).toBeVisible();
      });

      await page.goto('/cleaner');
      const table = page.getByRole('table', { name: 'Compacted partitions, most in need of cleaning first' });
      const listed = dataRows(table).filter({ has: page.getByRole('link', { name: TOPIC, exact: true }) });
      await expect(listed).toHaveCount(1);
      const headers = (await table.getByRole('columnheader').allTextContents()).map((h) =>
        h.replace(/[▲▼]/g, '').trim(),
      );
      const cells = (await listed.getByRole('cell').allTextContents()).map((c) => c.trim());
      expect(cells[headers.indexOf('Broker')]).toBe('1');
      expect(cells[headers.indexOf('Records removed')]).toBe(String(status.recordsRemoved));
      await expect(page.getByRole('region', { name: 'Partitions without a cleaner status' })).toHaveCount(0);
      await expect(page.getByText('Log cleaner status unavailable')).toHaveCount(0);
      await expectAccessible(page, '/cleaner', async (p) => {
        await expect(p.getByRole('link', { name: TOPIC, exact: true })).toBeVisible();
      });
    } finally {
      await context.close();
    }
  } finally {
    await remote?.stop();
    await broker.stop();
  }
});

test('a console showing a remote broker without its HTTP listener says the cleaner status is unavailable and why, and shows what the wire gives', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // The e2e server's broker is started with no sluice.http.port (-1, the default of `sluice serve`).
  const remote = await startRemoteConsole(BOOTSTRAP);
  const context = await browser.newContext({ baseURL: remote.url });
  try {
    const page = await context.newPage();
    await signIn(page, `/topics/${TOPIC}`);
    const card = page.getByRole('region', { name: 'Compaction', exact: true });
    await expect(card.getByRole('status')).toContainText(
      'Log cleaner status unavailable. broker 1 has no sluice.http.port: its HTTP listener, where a Sluice ' +
        'broker reports its log cleaner, is off.',
    );
    await expect(card).toContainText('cleanup.policycompact');
    await expect(card).toContainText('segment.bytes200');
    await expect(card.getByRole('list', { name: 'Dirty ratio per partition' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'Compaction per partition' })).toHaveCount(0);
    await expect(card).not.toContainText('%');
    await expectAccessible(page, `/topics/${TOPIC}`, async (p) => {
      await expect(p.getByRole('region', { name: 'Compaction', exact: true })).toContainText('unavailable');
    });

    await page.goto('/cleaner');
    await expect(page.getByRole('status')).toContainText(
      'Log cleaner status unavailable. no broker has sluice.http.port: the HTTP listener, where a Sluice broker ' +
        'reports its log cleaner, is off on every broker.',
    );
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page, '/cleaner', async (p) => {
      await expect(p.getByRole('status')).toContainText('unavailable');
    });
  } finally {
    await context.close();
    await remote.stop();
  }
});
