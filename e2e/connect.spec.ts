/**
 * Kafka Connect in the console against a real worker (`sluice connect standalone`, started here on the port the
 * console was told) and the e2e server's broker: the overview names the worker, a FileStreamSource connector is
 * created through the form built from the plugin's config definition (Validate shows Kafka Connect's error under
 * the missing field and holds Create back until the values validate), its task runs, the file's lines are
 * records in the message browser, it pauses and resumes; a failed task shows its trace; and every Connect page
 * passes axe-core in both themes.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import type { StandaloneWorker } from '../packages/connect/src/testing/worker-process.ts';
import { CONNECT_URL, startConnectWorker } from './support/connect-worker.ts';
import { dataRows, screenshots, valueOf } from './support/page.ts';
import { signIn } from './support/sign-in.ts';

const FILE_SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const CONNECTOR = 'e2e-file-source';
const TOPIC = 'e2e-connect-lines';
const LINES = ['connect line one', 'connect line two', 'connect line three'];

let worker: StandaloneWorker;

test.beforeAll(async () => {
  worker = await startConnectWorker();
});

test.afterAll(async () => {
  await worker?.stop();
  if (worker) rmSync(worker.dir, { recursive: true, force: true });
});

const heading = (text: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
};

test('connect: create a FileStreamSource connector from the form and read its records', async ({ page }) => {
  test.setTimeout(120_000);
  const file = join(worker.dir, 'lines.txt');
  writeFileSync(file, LINES.map((l) => `${l}\n`).join(''));

  await signIn(page, '/connect');
  const cluster = page.getByRole('region', { name: 'Connect cluster connect' });
  await expect(valueOf(cluster, 'REST URL')).toHaveText(
    `http://127.0.0.1:${process.env.SLUICE_E2E_CONNECT_PORT}`,
  );
  await expect(page.getByRole('table', { name: 'Connectors' })).toBeVisible();

  await cluster.getByRole('link', { name: 'New connector' }).click();
  await expect(page).toHaveURL('/connect/connect/new-connector');
  await page.getByLabel('Connector plugin').selectOption(FILE_SOURCE);
  const form = page.getByRole('form', { name: 'New connector' });
  const fileField = form.locator('[data-config="file"]');
  const topicField = form.locator('[data-config="topic"]');
  await expect(fileField).toBeVisible();
  await form.getByLabel('Name', { exact: true }).fill(CONNECTOR);
  await fileField.fill(file);

  // Without a topic, Kafka Connect's own error lands under the topic field and Create stays unavailable.
  const create = form.getByRole('button', { name: 'Create connector' });
  await expect(create).toBeDisabled();
  await form.getByRole('button', { name: 'Validate' }).click();
  await expect(
    form.getByRole('status').filter({ hasText: /Kafka Connect found \d+ errors?\./ }),
  ).toBeVisible();
  await expect(topicField).toHaveAttribute('aria-invalid', 'true');
  const topicError = page.locator(`[id="${await topicField.getAttribute('id')}-error"]`);
  await expect(topicError).toContainText('topic');
  await expect(create).toBeDisabled();
  await screenshots(page, 'connect-new-connector');

  await topicField.fill(TOPIC);
  await expect(create).toBeDisabled();
  await form.getByRole('button', { name: 'Validate' }).click();
  await expect(form.getByRole('status').filter({ hasText: 'Kafka Connect found no errors.' })).toBeVisible();
  await create.click();

  await expect(page).toHaveURL(`/connect/connect/connectors/${CONNECTOR}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(CONNECTOR);
  const connector = page.getByRole('region', { name: 'Connector' });
  await expect(valueOf(connector, 'State')).toHaveText('RUNNING', { timeout: 30_000 });
  const tasks = page.getByRole('table', { name: `Tasks of ${CONNECTOR}` });
  await expect(dataRows(tasks).first().getByRole('cell').first()).toHaveText('RUNNING', { timeout: 30_000 });

  await screenshots(page, 'connect-connector');

  // The file's lines are the topic's records, as the message browser shows them.
  await expect(async () => {
    await page.goto(`/topics/${TOPIC}/messages?from=oldest`);
    const records = page.getByRole('table', { name: 'Records' });
    for (const line of LINES) await expect(dataRows(records).filter({ hasText: line })).toHaveCount(1);
  }).toPass({ timeout: 30_000 });

  // Pause and resume, as Kafka Connect reports them.
  await page.goto(`/connect/connect/connectors/${CONNECTOR}`);
  // The topic the source wrote to (KIP-558), a link to its page.
  await expect(
    page.getByRole('list', { name: `Topics ${CONNECTOR} used` }).getByRole('link', { name: TOPIC }),
  ).toHaveAttribute('href', `/topics/${TOPIC}`, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(valueOf(connector, 'State')).toHaveText('PAUSED', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(valueOf(connector, 'State')).toHaveText('RUNNING', { timeout: 30_000 });

  // The overview lists it with its task, and names the worker running it.
  await page.goto('/connect');
  const row = dataRows(page.getByRole('table', { name: 'Connectors' })).filter({ hasText: CONNECTOR });
  await expect(row).toContainText('RUNNING');
  await expect(row).toContainText('1 of 1 running');
  await expect(dataRows(page.getByRole('table', { name: 'Workers' }))).toHaveCount(1);
  await screenshots(page, 'connect');

  // A sink that cannot open its file: its task is FAILED, and the worker's trace says why.
  const created = await fetch(`${CONNECT_URL}/connectors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'e2e-broken-sink',
      config: {
        'connector.class': 'org.apache.kafka.connect.file.FileStreamSinkConnector',
        topics: TOPIC,
        file: join(worker.dir, 'no-such-dir', 'out.txt'),
      },
    }),
  });
  expect(created.status).toBe(201);
  await page.goto('/connect/connect/connectors/e2e-broken-sink');
  const brokenTasks = page.getByRole('table', { name: 'Tasks of e2e-broken-sink' });
  await expect(dataRows(brokenTasks).first().getByRole('cell').first()).toHaveText('FAILED', {
    timeout: 30_000,
  });
  await brokenTasks.getByText('Trace of task 0').click();
  await expect(brokenTasks.locator('pre').first()).toContainText('no-such-dir');

  await expectAccessible(page, '/connect', heading('Connect'));
  await expectAccessible(page, `/connect/connect/connectors/${CONNECTOR}`, async (p) => {
    await heading(CONNECTOR)(p);
    await expect(valueOf(p.getByRole('region', { name: 'Connector' }), 'State')).toHaveText('RUNNING');
  });
  await expectAccessible(page, '/connect/connect/new-connector', async (p) => {
    await heading('New connector')(p);
    await p.getByLabel('Connector plugin').selectOption(FILE_SOURCE);
    await expect(p.locator('[data-config="file"]')).toBeVisible();
  });
});
