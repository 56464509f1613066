/**
 * Transactions in the console against the real server, with a real transactional producer (kafkajs) holding a
 * transaction open: the Transactions page lists it (transactional id, producer, partition, state, age); a
 * viewer sees the Abort action disabled and the API refuses it; the topic's partitions table shows the LSO held
 * at the transaction's first offset below the high watermark; the message browser leaves its records out under
 * read_committed. An admin aborts it through the confirmation dialog: the LSO reaches the high watermark, the
 * browser shows the ABORT marker as a marker row (records still there under read_uncommitted, not under
 * read_committed), and the audit log names the abort.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { dataRows, screenshots } from './support/page.ts';
import { BOOTSTRAP, sluice } from './support/processes.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-transactions';
const TRANSACTIONAL_ID = 'e2e-payments';
const VIEWER = { username: 'e2e-transactions-viewer', password: 'e2e-transactions-viewer-password' } as const;

function trpcMutation(request: APIRequestContext, baseURL: string, path: string, input: unknown) {
  return request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL } });
}

/** The partitions table's cells of partition 0, by column header. */
async function partitionZero(page: Page): Promise<Record<string, string>> {
  const table = page.getByRole('table', { name: 'Partitions' });
  const headers = await table.getByRole('columnheader').allTextContents();
  const cells = await dataRows(table).first().getByRole('cell').allTextContents();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, '').trim(), (cells[i] ?? '').trim()]));
}

async function browse(page: Page, isolation: 'read_committed' | 'read_uncommitted') {
  await page.goto(
    `/topics/${TOPIC}/messages?from=oldest${isolation === 'read_committed' ? '&isolation=read_committed' : ''}`,
  );
  return page.getByRole('table', { name: 'Records' });
}

let producer: Producer;

test.beforeAll(async () => {
  await sluice(['topics', 'create', '--topic', TOPIC, '--partitions', '1']);
  const kafka = new Kafka({ brokers: [BOOTSTRAP], clientId: 'e2e-transactions', logLevel: logLevel.NOTHING });
  producer = kafka.producer({ transactionalId: TRANSACTIONAL_ID, maxInFlightRequests: 1, idempotent: true });
  await producer.connect();
  const transaction = await producer.transaction();
  await transaction.send({ topic: TOPIC, messages: [{ value: 'debit 40' }, { value: 'credit 40' }] });
});

test.afterAll(async () => {
  await producer?.disconnect();
});

test('transactions: an open one is listed, holds the LSO back, and an admin aborts it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);

  // A viewer sees the transaction, but not an Abort it may use; the API refuses it all the same.
  const created = await trpcMutation(page.request, baseURL!, 'users.create', { ...VIEWER, role: 'viewer' });
  expect(created.status()).toBe(200);
  const viewerContext = await browser.newContext({ baseURL: baseURL! });
  try {
    const viewer = await viewerContext.newPage();
    await signIn(viewer, '/transactions', VIEWER);
    const row = dataRows(viewer.getByRole('table', { name: 'Open transactions' })).filter({
      hasText: TRANSACTIONAL_ID,
    });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('button', { name: `Abort transaction ${TRANSACTIONAL_ID}` })).toBeDisabled();
    await expect(
      viewer.getByText('Aborting a transaction needs the operator or admin role; you are a viewer.'),
    ).toBeVisible();
    const refused = await trpcMutation(viewer.request, baseURL!, 'transactions.abort', {
      transactionalId: TRANSACTIONAL_ID,
      producerId: 0,
      partitions: [{ topic: TOPIC, partition: 0 }],
    });
    expect(refused.status()).toBe(403);
  } finally {
    await viewerContext.close();
  }

  await signIn(page, '/transactions');
  await expect(page.getByRole('link', { name: 'Transactions' })).toHaveAttribute('aria-current', 'page');
  const row = dataRows(page.getByRole('table', { name: 'Open transactions' })).filter({
    hasText: TRANSACTIONAL_ID,
  });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${TOPIC}-0`);
  await expect(row).toContainText('Ongoing');
  await expect(row).not.toContainText('Hanging');
  await screenshots(page, 'transactions');

  // The open transaction holds the LSO at its first offset, below the high watermark.
  await page.goto(`/topics/${TOPIC}`);
  await expect.poll(() => partitionZero(page)).toMatchObject({ 'High watermark': '2', LSO: '0' });
  const committed = await browse(page, 'read_committed');
  await expect(page.getByText('This is the end of the log.')).toBeVisible();
  await expect(committed).toContainText('No records here');

  // The abort, confirmed in the dialog.
  await page.goto('/transactions');
  await row.getByRole('button', { name: `Abort transaction ${TRANSACTIONAL_ID}` }).click();
  const dialog = page.getByRole('dialog', { name: `Abort transaction ${TRANSACTIONAL_ID}?` });
  await expect(dialog).toContainText(`${TOPIC}-0`);
  await dialog.getByRole('button', { name: 'Abort transaction' }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`/topics/${TOPIC}`);
  await expect.poll(() => partitionZero(page)).toMatchObject({ 'High watermark': '3', LSO: '3' });

  const afterAbort = await browse(page, 'read_committed');
  await expect(dataRows(afterAbort)).toHaveCount(1);
  await expect(dataRows(afterAbort).first()).toContainText('ABORT marker');
  await expect(afterAbort).not.toContainText('debit 40');
  await screenshots(page, 'transactions-markers');
  const uncommitted = await browse(page, 'read_uncommitted');
  await expect(dataRows(uncommitted)).toHaveCount(3);
  await expect(uncommitted).toContainText('debit 40');
  await expect(dataRows(uncommitted).filter({ hasText: 'ABORT marker' })).toHaveCount(1);

  await page.goto('/audit');
  await expect(
    dataRows(page.getByRole('table')).filter({ hasText: 'transaction.abort' }).first(),
  ).toContainText(TRANSACTIONAL_ID);
});
