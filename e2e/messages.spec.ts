/**
 * A topic's records in the console against the real server: a record produced through the form (key, JSON value,
 * a header) arrives in the live tail and is found in the message browser, from the newest and by its offset,
 * with its JSON pretty printed and its header shown; markup in a value stays text; the tail's counts account for
 * every record when its per-second cap skips most of a 2,000-record burst from the sluice CLI, and when a filter
 * leaves records out; pause holds the list while counting what arrives. A viewer is told why it cannot produce.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { dataRows, screenshots } from './support/page.ts';
import { sluice } from './support/processes.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-messages';
const VIEWER = { username: 'e2e-messages-viewer', password: 'e2e-messages-viewer-password' } as const;

const KEY = 'order-42';
/** Typed compactly; "café" is two-byte UTF-8, so the sizes and the hex are of bytes, not characters. */
const VALUE = '{"order":42,"items":[{"sku":"A-1","qty":2}],"note":"café"}';
const PRETTY_VALUE = [
  '{',
  '  "order": 42,',
  '  "items": [',
  '    {',
  '      "sku": "A-1",',
  '      "qty": 2',
  '    }',
  '  ],',
  '  "note": "café"',
  '}',
].join('\n');
const HEADER = { key: 'trace-id', value: 'abc-123' } as const;
const MARKUP = '<img src=x onerror=alert(1)>';

const BURST = 2_000;
const BURST_CAP = 100;
const NEEDLES = 5;
const HAY = 20;

/** Produces one record per line with the CLI (no key: the partitioner spreads them). */
function produceLines(lines: string[]): Promise<string> {
  return sluice(['produce', '--topic', TOPIC], lines.map((l) => `${l}\n`).join(''));
}

/** A tRPC mutation over HTTP; the server refuses a POST from another origin, so it carries this console's. */
function trpcMutation(request: APIRequestContext, baseURL: string, path: string, input: unknown) {
  return request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL } });
}

interface TailCounts {
  received: number;
  shown: number;
  waiting: number;
  dropped: number;
  skipped: number;
  filteredOut: number;
}

const COUNT_LABELS: Record<string, keyof TailCounts> = {
  Received: 'received',
  Shown: 'shown',
  'Waiting (paused)': 'waiting',
  'Dropped from the buffer': 'dropped',
  "Skipped by the server's cap": 'skipped',
  'Filtered out': 'filteredOut',
};

/** Every count the tail shows, read in one go, so they come from the same render and can be compared. */
async function tailCounts(page: Page): Promise<TailCounts & { rows: number }> {
  const region = page.getByRole('region', { name: 'Counts' });
  const [pairs, rowCount] = await Promise.all([
    region
      .locator('dl > div')
      .evaluateAll((tiles) =>
        tiles.map((tile) => [tile.querySelector('dt')!.textContent!, tile.querySelector('dd')!.textContent!]),
      ),
    page.getByRole('table', { name: 'Live records' }).getAttribute('aria-rowcount'),
  ]);
  const counts = Object.fromEntries(
    pairs.map(([label, value]) => [COUNT_LABELS[label!]!, Number(value!.replaceAll(',', ''))]),
  ) as unknown as TailCounts;
  return { ...counts, rows: Number(rowCount) - 1 };
}

/** Every record the server sent is in the list, waiting, or dropped; the list has as many rows as it says. */
function expectAccounted(counts: TailCounts & { rows: number }) {
  expect(counts.received).toBe(counts.shown + counts.waiting + counts.dropped);
  expect(counts.rows).toBe(counts.shown);
}

/** The tail in view: Start with the settings as they are, and wait until the server holds the subscription. */
async function startTail(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Live');
}

/**
 * A tail from the newest begins where the partitions end when the server opens it: one record produced and
 * seen shows it has, and Clear starts the counts over from there.
 */
async function settleTail(page: Page, marker: string): Promise<void> {
  await produceLines([marker]);
  await expect(
    dataRows(page.getByRole('table', { name: 'Live records' })).filter({ hasText: marker }),
  ).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect.poll(async () => (await tailCounts(page)).received).toBe(0);
}

test('messages: produce, tail live, browse, markup stays text, every record counted', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  context.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await sluice(['topics', 'create', '--topic', TOPIC, '--partitions', '3']);

  // The tail, from the newest, before anything is produced.
  await signIn(page, `/topics/${TOPIC}/tail`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Live tail');
  await expect(page).toHaveTitle(`Live tail · ${TOPIC} · Sluice console`);
  await expect(
    page.getByRole('navigation', { name: 'Records' }).getByRole('link', { name: 'Live tail' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Start at')).toHaveValue('newest');
  await startTail(page);
  const live = page.getByRole('table', { name: 'Live records' });

  // A record through the form, in another tab of the same session.
  const producer = await context.newPage();
  await producer.goto(`/topics/${TOPIC}/produce`);
  await expect(producer.getByRole('heading', { level: 1 })).toHaveText('Produce');
  const form = producer.getByRole('form', { name: 'Produce' });
  await form.getByLabel('Partition').selectOption({ label: 'Partition 1' });
  await form.getByLabel('Key', { exact: true }).fill(KEY);
  const value = form.getByLabel('Value', { exact: true });
  await form.getByLabel('Check JSON').check();
  await value.fill(VALUE.slice(0, 20));
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(/not JSON: /);
  await form.getByRole('button', { name: 'Produce' }).click();
  await expect(form.getByRole('status')).toBeEmpty();
  await value.fill(VALUE);
  await expect(value).not.toHaveAttribute('aria-invalid');
  await expect(form.getByText('The value is JSON.')).toBeVisible();
  await form.getByRole('button', { name: 'Add header' }).click();
  await form.getByLabel('Key of header 1').fill(HEADER.key);
  await form.getByLabel('Value of header 1').fill(HEADER.value);
  await form.getByRole('button', { name: 'Produce' }).click();
  await expect(form.getByRole('status')).toContainText(
    `Produced 1 record to ${TOPIC}: partition 1, offset 0.`,
  );

  // It arrives in the live tail, and opens in full there.
  const liveRow = dataRows(live).filter({ hasText: KEY });
  await expect(liveRow.getByRole('cell')).toHaveText([
    '1',
    '0',
    /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} CreateTime$/,
    KEY,
    VALUE,
    /^\d+ B$/,
  ]);
  await liveRow.getByRole('button', { name: 'Record at partition 1, offset 0' }).click();
  const liveDetail = page.getByRole('region', { name: 'Record', exact: true });
  await expect(liveDetail.getByLabel('Value (JSON)')).toHaveJSProperty('textContent', PRETTY_VALUE);
  await expect(
    liveDetail.getByRole('table', { name: 'Headers' }).getByRole('row').nth(1).getByRole('cell'),
  ).toHaveText([HEADER.key, HEADER.value]);

  // The form's link opens the browser at the record: its partition, its offset, the record open.
  await form.getByRole('link', { name: 'Open it in the message browser' }).click();
  await expect(producer).toHaveURL(`/topics/${TOPIC}/messages?partition=1&from=offset&offset=0`);
  await expect(producer).toHaveTitle(`Messages · ${TOPIC} · Sluice console`);
  const detail = producer.getByRole('region', { name: 'Record', exact: true });
  await expect(detail.getByLabel('Value (JSON)')).toHaveJSProperty('textContent', PRETTY_VALUE);
  await expect(detail.getByLabel('Key (text)')).toHaveText(KEY);
  await expect(
    detail.getByRole('table', { name: 'Headers' }).getByRole('row').nth(1).getByRole('cell'),
  ).toHaveText([HEADER.key, HEADER.value]);
  // The same bytes in every format: hex and base64 of the UTF-8, and the text as produced.
  const valueFormat = detail.getByRole('radiogroup', { name: 'Value format' });
  await valueFormat.getByText('Hex').click();
  await expect(valueFormat.getByRole('radio', { name: 'Hex' })).toBeChecked();
  await expect(detail.getByLabel('Value (hex)')).toContainText(
    '00000000  7b 22 6f 72 64 65 72 22  3a 34 32 2c',
  );
  await valueFormat.getByText('Base64').click();
  await expect(detail.getByLabel('Value (base64)')).toHaveText(Buffer.from(VALUE).toString('base64'));
  await valueFormat.getByText('Text').click();
  await expect(detail.getByLabel('Value (text)')).toHaveText(VALUE);

  // From the newest, over all partitions; then by offset again, through the form.
  const seek = producer.getByRole('form', { name: 'Seek' });
  const records = producer.getByRole('table', { name: 'Records' });
  await seek.getByLabel('Partition').selectOption({ label: 'All partitions' });
  await seek.getByLabel('Start at').selectOption({ label: 'Newest' });
  await seek.getByRole('button', { name: 'Read' }).click();
  await expect(producer).toHaveURL(`/topics/${TOPIC}/messages`);
  const newestRow = dataRows(records).filter({ hasText: KEY });
  await expect(newestRow.getByRole('cell')).toHaveText(['1', '0', /CreateTime$/, KEY, VALUE, /^\d+ B$/]);
  await expect(detail).toHaveCount(0);
  await newestRow.getByRole('button', { name: 'Record at partition 1, offset 0' }).click();
  await expect(detail.getByLabel('Value (JSON)')).toHaveJSProperty('textContent', PRETTY_VALUE);
  await screenshots(producer, 'messages');
  await seek.getByLabel('Partition').selectOption({ label: 'Partition 1' });
  await seek.getByLabel('Start at').selectOption({ label: 'Offset' });
  await seek.getByLabel('Offset').fill('0');
  await seek.getByRole('button', { name: 'Read' }).click();
  await expect(producer).toHaveURL(`/topics/${TOPIC}/messages?partition=1&from=offset&offset=0`);
  await expect(dataRows(records).first().getByRole('cell').nth(1)).toHaveText('0');
  await expect(detail.getByLabel('Value (JSON)')).toHaveJSProperty('textContent', PRETTY_VALUE);

  // Markup in a value is text everywhere it shows: in the tail, the browser's table and the record in full.
  await producer.goto(`/topics/${TOPIC}/produce`);
  await form.getByLabel('Partition').selectOption({ label: 'Partition 1' });
  await form.getByLabel('Key', { exact: true }).fill('markup');
  await value.fill(MARKUP);
  await form.getByRole('button', { name: 'Produce' }).click();
  await expect(form.getByRole('status')).toContainText(`partition 1, offset 1.`);
  await expect(dataRows(live).filter({ hasText: MARKUP })).toHaveCount(1);
  await form.getByRole('link', { name: 'Open it in the message browser' }).click();
  await expect(detail.getByLabel('Value (text)')).toHaveText(MARKUP);
  await expect(dataRows(records).filter({ hasText: MARKUP })).toHaveCount(1);
  await expect(producer.locator('main img')).toHaveCount(0);
  await expect(page.locator('main img')).toHaveCount(0);

  // A burst far over the cap: most of it is skipped by the server, and every record is counted.
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Stopped');
  await page.getByLabel('Max records per second').fill(String(BURST_CAP));
  await startTail(page);
  await settleTail(page, 'burst-marker');
  await produceLines(Array.from({ length: BURST }, (_, i) => `burst-${i}`));
  await expect
    .poll(async () => {
      const counts = await tailCounts(page);
      return counts.received + counts.skipped;
    })
    .toBe(BURST);
  const afterBurst = await tailCounts(page);
  expect(afterBurst.skipped).toBeGreaterThan(0);
  expect(afterBurst.filteredOut).toBe(0);
  expect(afterBurst.dropped).toBe(0);
  expectAccounted(afterBurst);

  // The browser pages through the burst from the oldest, each page where the last one ended.
  await producer.goto(`/topics/${TOPIC}/messages?from=oldest&limit=20`);
  const pageIds = () =>
    dataRows(records).evaluateAll((rows) =>
      rows.map((row) => `${row.children[0]!.textContent}:${row.children[1]!.textContent}`),
    );
  await expect(dataRows(records)).toHaveCount(20);
  const firstPage = await pageIds();
  await producer.getByRole('button', { name: 'Next page' }).click();
  await expect(
    producer.getByRole('status').filter({ hasText: /^Page 2: 20 records of all partitions, oldest first\./ }),
  ).toBeVisible();
  await expect.poll(pageIds).not.toEqual(firstPage);
  const secondPage = await pageIds();
  expect(secondPage).toHaveLength(20);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await producer.getByRole('button', { name: 'Previous page' }).click();
  await expect.poll(pageIds).toEqual(firstPage);

  // A filter: only matching records come through, and the rest are counted as filtered out.
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByLabel('Max records per second').fill('500');
  await page.getByLabel('Value contains').fill('needle');
  await startTail(page);
  await settleTail(page, 'needle-marker');
  const mixed = Array.from({ length: NEEDLES + HAY }, (_, i) => (i % 5 === 0 ? `needle-${i}` : `hay-${i}`));
  await produceLines(mixed);
  await expect
    .poll(() => tailCounts(page))
    .toMatchObject({ received: NEEDLES, shown: NEEDLES, skipped: 0, filteredOut: HAY, dropped: 0 });
  expectAccounted(await tailCounts(page));
  await expect(dataRows(live)).toHaveCount(NEEDLES);
  for (const row of await dataRows(live).all())
    await expect(row.getByRole('cell').nth(4)).toContainText('needle');
  await expect(dataRows(live).getByRole('cell').filter({ hasText: 'hay-' })).toHaveCount(0);

  // Paused, the list holds still while what arrives is counted as waiting; Resume adds it.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Live, paused');
  await produceLines(['needle-late-1', 'needle-late-2', 'hay-late']);
  await expect.poll(async () => (await tailCounts(page)).waiting).toBe(2);
  const paused = await tailCounts(page);
  expect(paused).toMatchObject({ received: NEEDLES + 2, shown: NEEDLES, filteredOut: HAY + 1 });
  expectAccounted(paused);
  await expect(dataRows(live).filter({ hasText: 'needle-late' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(dataRows(live).filter({ hasText: 'needle-late' })).toHaveCount(2);
  const resumed = await tailCounts(page);
  expect(resumed).toMatchObject({ received: NEEDLES + 2, shown: NEEDLES + 2, waiting: 0 });
  expectAccounted(resumed);
  await dataRows(live).first().getByRole('button').click();
  await expect(liveDetail.getByLabel('Value (text)')).toHaveText(/^needle-late-[12]$/);
  await screenshots(page, 'tail');

  await producer.goto(`/topics/${TOPIC}/produce`);
  await form.getByLabel('Key', { exact: true }).fill(KEY);
  await form.getByLabel('Check JSON').check();
  await value.fill(VALUE);
  await form.getByRole('button', { name: 'Add header' }).click();
  await form.getByLabel('Key of header 1').fill(HEADER.key);
  await form.getByLabel('Value of header 1').fill(HEADER.value);
  await form.getByLabel('Copies').fill('3');
  await form.getByRole('button', { name: 'Produce' }).click();
  await expect(form.getByRole('status')).toContainText(
    /^Produced 3 records to e2e-messages: partition \d, offsets [\d,]+ to [\d,]+\./,
  );
  await screenshots(producer, 'produce');

  // A viewer may read but not produce: the page says why, and the API refuses all the same.
  const created = await trpcMutation(page.request, baseURL!, 'users.create', { ...VIEWER, role: 'viewer' });
  expect(created.status()).toBe(200);
  const viewerContext = await browser.newContext({ baseURL: baseURL! });
  try {
    const viewer = await viewerContext.newPage();
    await signIn(viewer, `/topics/${TOPIC}/produce`, VIEWER);
    await expect(
      viewer.getByText('Producing records needs the operator or admin role; you are a viewer.'),
    ).toBeVisible();
    await expect(viewer.getByRole('form', { name: 'Produce' })).toHaveCount(0);
    const refused = await trpcMutation(viewer.request, baseURL!, 'messages.produce', {
      topic: TOPIC,
      key: null,
      value: 'from a viewer',
      headers: [],
      copies: 1,
    });
    expect(refused.status()).toBe(403);
  } finally {
    await viewerContext.close();
  }

  expect(dialogs).toEqual([]);
});
