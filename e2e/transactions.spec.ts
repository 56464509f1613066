/**
 * Transactions in the console against the real server, with a real transactional producer (kafkajs) that commits
 * one transaction and holds a second open: the Transactions page lists the open one (transactional id,
 * producer, partition, state, age); a viewer sees the Abort action disabled and the API refuses it; the message
 * browser shows the COMMIT marker as a marker row and, under read_committed, stops before the open transaction;
 * the topic's partitions table shows the LSO held at its first offset below the high watermark. An admin aborts
 * it through the confirmation dialog: the LSO reaches the high watermark, the browser shows the ABORT marker
 * (the records still there under read_uncommitted, not under read_committed), and the audit log names the abort.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { expectAccessible } from './support/axe.ts';
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
  // Offset 0 and its COMMIT marker at 1; then 2 and 3 in the transaction left open.
  const committed = await producer.transaction();
  await committed.send({ topic: TOPIC, messages: [{ value: 'order placed' }] });
  await committed.commit();
  const open = await producer.transaction();
  await open.send({ topic: TOPIC, messages: [{ value: 'debit 40' }, { value: 'credit 40' }] });
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

  await signIn(page, '/transactions');
  await expect(page.getByRole('link', { name: 'Transactions' })).toHaveAttribute('aria-current', 'page');
  const row = dataRows(page.getByRole('table', { name: 'Open transactions' })).filter({
    hasText: TRANSACTIONAL_ID,
  });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`${TOPIC}-0`);
  await expect(row).toContainText('Ongoing');
  await expect(row).not.toContainText('Hanging');
  // Idle for less than transaction.max.timeout.ms, and known to its coordinator: not hanging on its partition.
  await expect(page.getByRole('table', { name: 'Hanging transactions' })).toContainText(
    'No hanging transactions.',
  );
  await screenshots(page, 'transactions');
  await expectAccessible(page, '/transactions', async (p) => {
    await expect(p.getByRole('table', { name: 'Open transactions' })).toContainText(TRANSACTIONAL_ID);
  });

  // A viewer sees the transaction, but not an Abort it may use; the API refuses it all the same.
  const created = await trpcMutation(page.request, baseURL!, 'users.create', { ...VIEWER, role: 'viewer' });
  expect(created.status()).toBe(200);
  const viewerContext = await browser.newContext({ baseURL: baseURL! });
  try {
    const viewer = await viewerContext.newPage();
    await signIn(viewer, '/transactions', VIEWER);
    const viewerRow = dataRows(viewer.getByRole('table', { name: 'Open transactions' })).filter({
      hasText: TRANSACTIONAL_ID,
    });
    await expect(viewerRow).toHaveCount(1);
    await expect(
      viewerRow.getByRole('button', { name: `Abort transaction ${TRANSACTIONAL_ID}` }),
    ).toBeDisabled();
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

  // read_uncommitted reads everything, the COMMIT marker as a marker row; read_committed stops at the open
  // transaction.
  const uncommitted = await browse(page, 'read_uncommitted');
  await expect(dataRows(uncommitted)).toHaveCount(4);
  const commitMarker = dataRows(uncommitted).filter({ hasText: 'COMMIT marker' });
  await expect(commitMarker).toHaveCount(1);
  await expect(commitMarker).toContainText(/producer \d+ \(epoch 0\)/);
  await expect(commitMarker.getByRole('button')).toHaveCount(0);
  await expect(uncommitted).toContainText('debit 40');
  await expectAccessible(page, `/topics/${TOPIC}/messages?from=oldest`, async (p) => {
    await expect(p.getByRole('table', { name: 'Records' })).toContainText('COMMIT marker');
  });
  const committed = await browse(page, 'read_committed');
  await expect(dataRows(committed)).toHaveCount(2);
  await expect(committed).toContainText('order placed');
  await expect(committed).not.toContainText('debit 40');
  await screenshots(page, 'transactions-read-committed');

  // The open transaction holds the LSO at its first offset, below the high watermark.
  await page.goto(`/topics/${TOPIC}`);
  await expect.poll(() => partitionZero(page)).toMatchObject({ 'High watermark': '4', LSO: '2' });
  // The leader's producer state says why: its producer's transaction is open from offset 2.
  const producers = dataRows(page.getByRole('table', { name: 'Producers' }));
  await expect(producers).toHaveCount(1);
  await expect(producers.getByRole('cell').last()).toHaveText('2');

  // The abort, confirmed in the dialog.
  await page.goto('/transactions');
  await row.getByRole('button', { name: `Abort transaction ${TRANSACTIONAL_ID}` }).click();
  const dialog = page.getByRole('dialog', { name: `Abort transaction ${TRANSACTIONAL_ID}?` });
  await expect(dialog).toContainText(`${TOPIC}-0`);
  await dialog.getByRole('button', { name: 'Abort transaction' }).click();
  await expect(dialog).toBeHidden();

  await page.goto(`/topics/${TOPIC}`);
  await expect.poll(() => partitionZero(page)).toMatchObject({ 'High watermark': '5', LSO: '5' });
  await expect(producers.getByRole('cell').last()).toHaveText('—');

  // Its records stay in the log for read_uncommitted readers; read_committed leaves them out. Both show the
  // ABORT marker at 4.
  const afterAbort = await browse(page, 'read_committed');
  await expect(dataRows(afterAbort)).toHaveCount(3);
  await expect(dataRows(afterAbort).filter({ hasText: 'ABORT marker' })).toContainText('4');
  await expect(afterAbort).not.toContainText('debit 40');
  await screenshots(page, 'transactions-aborted');
  const everything = await browse(page, 'read_uncommitted');
  await expect(dataRows(everything)).toHaveCount(5);
  await expect(everything).toContainText('debit 40');
  await expect(dataRows(everything).filter({ hasText: 'ABORT marker' })).toHaveCount(1);

  await page.goto('/audit');
  await expect(
    dataRows(page.getByRole('table', { name: 'Audit log' })).filter({ hasText: 'transaction.abort' }),
  ).toContainText(TRANSACTIONAL_ID);
});
