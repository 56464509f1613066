/**
 * Topics in the console against the real server: a topic is created through the form (after the shared schema's
 * guardrail refuses min.insync.replicas above the replication factor, and a validate-only request creates
 * nothing), inspected, reconfigured, trimmed with DeleteRecords after the sluice CLI produced to it, seen by a
 * viewer who may change nothing (the API refuses with 403 too), and deleted by typing its name.
 */
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { dataRows, screenshots, valueOf } from './support/page.ts';
import { sluice } from './support/processes.ts';
import { signIn } from './support/sign-in.ts';

const TOPIC = 'e2e-payments';
const GROUP = 'e2e-payments-audit';
const VIEWER = { username: 'e2e-viewer', password: 'e2e-viewer-password' } as const;
/** Records the CLI produces to partition 0; the group then commits offset 1 and records before 3 are deleted. */
const PRODUCED = 5;
const COMMITTED = 1;
const DELETE_BEFORE = 3;

/** A tRPC query over HTTP as the browser sends it (superjson's envelope), with the context's session cookie. */
async function trpcQuery<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`/api/trpc/${path}`);
  expect(response.status(), `${path} answers`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/** A tRPC mutation over HTTP; the server refuses a POST from another origin, so it carries this console's. */
function trpcMutation(request: APIRequestContext, baseURL: string, path: string, input: unknown) {
  return request.post(`/api/trpc/${path}`, { data: { json: input }, headers: { origin: baseURL } });
}

async function topicNames(request: APIRequestContext): Promise<string[]> {
  return (await trpcQuery<{ name: string }[]>(request, 'topics.list')).map((t) => t.name);
}

/** The row of a table whose first cell reads exactly `text`. */
function rowOf(table: Locator, text: string): Locator {
  const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return dataRows(table).filter({ has: table.page().locator('td:first-child').filter({ hasText: exactly }) });
}

/** The configs table, filtered down to rows mentioning `text` (it renders only the rows in view). */
async function configRow(page: Page, name: string): Promise<Locator> {
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill(name);
  return rowOf(page.getByRole('table', { name: 'Configs' }), name);
}

test('a topic may be named like a page: /topics/new is the topic "new"', async ({ page }) => {
  await sluice(['topics', 'create', '--topic', 'new', '--partitions', '2']);
  await signIn(page, '/topics/new');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('new');
  await expect(dataRows(page.getByRole('table', { name: 'Partitions' }))).toHaveCount(2);
});

test('topics: create with guardrails, inspect, reconfigure, delete records, viewer limits, delete', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const consoleURL = baseURL!;

  await signIn(page, '/topics');
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }),
  ).toHaveAttribute('aria-current', 'page');
  await page.getByRole('link', { name: 'Create topic' }).click();
  await expect(page).toHaveURL('/create-topic');
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }),
  ).toHaveAttribute('aria-current', 'page');

  // The shared schema's guardrail, in the form, next to the field, before anything is sent.
  const form = page.getByRole('form', { name: 'Create topic' });
  await form.getByLabel('Name', { exact: true }).fill(TOPIC);
  await form.getByLabel('Partitions').fill('3');
  await form.getByLabel('Replication factor').fill('1');
  const minIsr = form.getByLabel('min.insync.replicas');
  await minIsr.fill('2');
  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(minIsr).toHaveAttribute('aria-invalid', 'true');
  await expect(minIsr).toHaveAccessibleDescription(
    /min\.insync\.replicas \(2\) cannot exceed the replication factor \(1\)/,
  );
  await expect(minIsr).toBeFocused();
  await expect(page).toHaveURL('/create-topic');
  await screenshots(page, 'topic-form-guardrail');
  expect(await topicNames(page.request)).not.toContain(TOPIC);

  await minIsr.fill('1');
  await expect(minIsr).not.toHaveAttribute('aria-invalid');
  await form.getByLabel('Retention (retention.ms)').selectOption({ label: '1 day' });
  await form.getByRole('button', { name: 'Add config' }).click();
  await form.getByLabel('Name of config 1').fill('max.message.bytes');
  await form.getByLabel('Value of config 1').fill('2097152');

  await form.getByRole('button', { name: 'Validate only' }).click();
  await expect(form.getByRole('status')).toHaveText(
    `Valid: the cluster would create ${TOPIC} with 3 partitions and replication factor 1. Nothing was created.`,
  );
  expect(await topicNames(page.request)).not.toContain(TOPIC);

  await form.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(`/topics/${TOPIC}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOPIC);
  await expect(page).toHaveTitle(`${TOPIC} · Topics · Sluice console`);
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(valueOf(summary, 'Partitions')).toHaveText('3');
  await expect(valueOf(summary, 'Replication factor')).toHaveText('1');
  await expect(valueOf(summary, 'Records')).toHaveText('0 records');
  const records = page.getByRole('navigation', { name: 'Records' });
  for (const [name, path] of [
    ['Messages', 'messages'],
    ['Produce', 'produce'],
    ['Live tail', 'tail'],
  ])
    await expect(records.getByRole('link', { name })).toHaveAttribute('href', `/topics/${TOPIC}/${path}`);

  const partitions = page.getByRole('table', { name: 'Partitions' });
  await expect(dataRows(partitions)).toHaveCount(3);
  // Partition, leader, leader epoch, replicas, ISR, log start offset, high watermark, LSO, records, size,
  // replication.
  await expect(rowOf(partitions, '2').getByRole('cell')).toHaveText([
    '2',
    '1',
    /^\d+$/,
    '1',
    '1',
    '0',
    '0',
    '0',
    '0',
    /^\d[\d,.]* (B|KiB|MiB)$/,
    'in sync',
  ]);

  // What the form set is the topic's own config; the rest come from the broker's defaults.
  await expect((await configRow(page, 'retention.ms')).getByRole('cell')).toHaveText([
    'retention.ms',
    '86400000',
    'TOPIC_CONFIG',
    /^\d+$/,
    'Edit',
  ]);
  await expect((await configRow(page, 'min.insync.replicas')).getByRole('cell')).toHaveText([
    'min.insync.replicas',
    '1',
    'TOPIC_CONFIG',
    /^\d+$/,
    'Edit',
  ]);
  await expect((await configRow(page, 'max.message.bytes')).getByRole('cell').nth(2)).toHaveText(
    'TOPIC_CONFIG',
  );
  await expect((await configRow(page, 'segment.bytes')).getByRole('cell').nth(2)).toHaveText(
    'DEFAULT_CONFIG',
  );
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill('TOPIC_CONFIG');
  await expect(dataRows(page.getByRole('table', { name: 'Configs' }))).toHaveCount(3);

  // A value the broker refuses, validated first; then a good one, saved, still there after a reload.
  await (await configRow(page, 'retention.ms')).getByRole('button', { name: 'Edit retention.ms' }).click();
  const dialog = page.getByRole('dialog', { name: 'retention.ms' });
  await expect(dialog.getByLabel('New value')).toBeFocused();
  await dialog.getByLabel('New value').fill('one hour');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^INVALID_CONFIG: .*retention\.ms/);
  await expect(dialog.getByLabel('New value')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('New value').fill('3600000');
  await dialog.getByRole('button', { name: 'Validate' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Valid: the broker accepts this value. Nothing was changed.',
  );
  await expect((await configRow(page, 'retention.ms')).getByRole('cell').nth(1)).toHaveText('86400000');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect((await configRow(page, 'retention.ms')).getByRole('cell').nth(1)).toHaveText('3600000');
  await page.reload();
  await expect((await configRow(page, 'retention.ms')).getByRole('cell')).toHaveText([
    'retention.ms',
    '3600000',
    'TOPIC_CONFIG',
    /^\d+$/,
    'Edit',
  ]);

  // Reset to default removes the topic's own value: the broker's takes over.
  await (
    await configRow(page, 'max.message.bytes')
  )
    .getByRole('button', { name: 'Edit max.message.bytes' })
    .click();
  await page
    .getByRole('dialog', { name: 'max.message.bytes' })
    .getByRole('button', { name: 'Reset to default' })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect((await configRow(page, 'max.message.bytes')).getByRole('cell').nth(2)).not.toHaveText(
    'TOPIC_CONFIG',
  );

  // Records from the real CLI, and a group with a commit on partition 0 (it creates __consumer_offsets too).
  const lines = Array.from({ length: PRODUCED }, (_, i) => `payment-${i}\n`).join('');
  await sluice(['produce', '--topic', TOPIC, '--partition', '0'], lines);
  await sluice([
    'groups',
    'reset-offsets',
    '--group',
    GROUP,
    '--topic',
    `${TOPIC}:0`,
    '--to-offset',
    String(COMMITTED),
    '--execute',
  ]);
  // The page refreshes itself: no reload.
  const partition0 = rowOf(partitions, '0');
  await expect(partition0.getByRole('cell').nth(6)).toHaveText(String(PRODUCED), { timeout: 15_000 });
  await expect(partition0.getByRole('cell').nth(5)).toHaveText('0');
  await expect(valueOf(summary, 'Records')).toHaveText(`${PRODUCED} records`);
  const consumers = page.getByRole('table', { name: 'Consumer groups' });
  await expect(rowOf(consumers, GROUP).getByRole('cell')).toHaveText([
    GROUP,
    'Empty',
    '1',
    String(PRODUCED - COMMITTED),
  ]);
  await expect(consumers.getByRole('link', { name: GROUP })).toHaveAttribute('href', `/groups/${GROUP}`);

  // DeleteRecords, with a confirmation step that says what goes.
  const danger = page.getByRole('region', { name: 'Danger zone' });
  await danger.getByLabel('Partition', { exact: true }).selectOption('0');
  await danger.getByLabel('Delete records before offset').fill(String(DELETE_BEFORE));
  await danger.getByRole('button', { name: 'Delete records…' }).click();
  const confirmation = danger.getByRole('alertdialog');
  await expect(confirmation).toContainText(
    `Delete ${DELETE_BEFORE} records of partition 0, every record before offset ${DELETE_BEFORE}?`,
  );
  await confirmation.getByRole('button', { name: `Delete ${DELETE_BEFORE} records` }).click();
  await expect(danger.getByRole('status')).toHaveText(`Partition 0 now starts at offset ${DELETE_BEFORE}.`);
  await expect(partition0.getByRole('cell').nth(5)).toHaveText(String(DELETE_BEFORE));
  await expect(partition0.getByRole('cell').nth(8)).toHaveText(String(PRODUCED - DELETE_BEFORE));
  await expect(valueOf(summary, 'Records')).toHaveText(`${PRODUCED - DELETE_BEFORE} records`);
  await page.getByRole('searchbox', { name: 'Filter configs' }).fill('');
  await screenshots(page, 'topic-detail');

  // The list: found by the search, internal topics only on request.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  const topics = page.getByRole('table', { name: 'Topics' });
  const search = page.getByRole('searchbox', { name: 'Search topics' });
  await search.fill(TOPIC);
  await expect(dataRows(topics)).toHaveCount(1);
  // Topic, partitions, replication, records, size, records/s, under-replicated.
  await expect(rowOf(topics, TOPIC).getByRole('cell')).toHaveText([
    TOPIC,
    '3',
    '1',
    String(PRODUCED - DELETE_BEFORE),
    /^\d[\d,.]* (B|KiB|MiB)$/,
    /^(—|0|under 0\.1|\d[\d,.]*)$/,
    '0',
  ]);
  await expect(rowOf(topics, TOPIC).getByRole('link', { name: TOPIC })).toHaveAttribute(
    'href',
    `/topics/${TOPIC}`,
  );
  await search.fill('__consumer_offsets');
  await expect(topics.getByRole('cell')).toHaveText(['Nothing matches “__consumer_offsets”.']);
  await page.getByRole('checkbox', { name: 'Show internal topics' }).check();
  await expect(dataRows(topics)).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Show internal topics' }).uncheck();
  await search.fill('');
  await expect(rowOf(topics, TOPIC)).toBeVisible();
  await topics.getByRole('button', { name: 'Partitions' }).click();
  await expect(topics.getByRole('columnheader', { name: 'Partitions' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await screenshots(page, 'topics');

  // A viewer sees the topic but is offered no change, and the API refuses one all the same.
  const created = await trpcMutation(page.request, consoleURL, 'users.create', { ...VIEWER, role: 'viewer' });
  expect(created.status()).toBe(200);
  const viewerContext = await browser.newContext({ baseURL: consoleURL });
  try {
    const viewer = await viewerContext.newPage();
    await signIn(viewer, '/topics', VIEWER);
    await viewer.getByRole('searchbox', { name: 'Search topics' }).fill(TOPIC);
    await expect(dataRows(viewer.getByRole('table', { name: 'Topics' }))).toHaveCount(1);
    await expect(
      viewer.getByText('Creating topics needs the operator or admin role; you are a viewer.'),
    ).toBeVisible();
    await expect(viewer.getByRole('link', { name: 'Create topic' })).toHaveCount(0);

    await viewer.getByRole('link', { name: TOPIC }).click();
    await expect(viewer.getByRole('heading', { level: 1 })).toHaveText(TOPIC);
    await expect(dataRows(viewer.getByRole('table', { name: 'Partitions' }))).toHaveCount(3);
    await expect(viewer.getByRole('region', { name: 'Danger zone' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Delete topic' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: /^Edit / })).toHaveCount(0);
    await (
      await configRow(viewer, 'retention.ms')
    )
      .getByRole('button', { name: 'Details of retention.ms' })
      .click();
    const details = viewer.getByRole('dialog', { name: 'retention.ms' });
    await expect(details).toContainText('3600000');
    await expect(details.getByLabel('New value')).toHaveCount(0);
    await details.getByRole('button', { name: 'Close' }).click();
    await expect(details).toBeHidden();

    const refused = await trpcMutation(viewer.request, consoleURL, 'topics.delete', {
      topic: TOPIC,
      confirmation: TOPIC,
    });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain('this needs the operator role; you are viewer');

    await viewer.goto('/create-topic');
    await expect(viewer.getByRole('main').getByRole('alert')).toContainText(
      'Creating topics needs the operator or admin role',
    );
    await expect(viewer.getByRole('form', { name: 'Create topic' })).toHaveCount(0);
  } finally {
    await viewerContext.close();
  }
  expect(await topicNames(page.request)).toContain(TOPIC);

  // Deleting the topic: the button waits for the name typed again.
  await rowOf(topics, TOPIC).getByRole('link', { name: TOPIC }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOPIC);
  const deleteButton = page.getByRole('button', { name: 'Delete topic' });
  const typed = page.getByLabel(`Type ${TOPIC} to confirm`);
  await expect(deleteButton).toBeDisabled();
  await typed.fill(`${TOPIC}-typo`);
  await expect(deleteButton).toBeDisabled();
  await typed.fill(TOPIC);
  await expect(deleteButton).toBeEnabled();
  await deleteButton.click();
  await expect(page).toHaveURL('/topics');
  // The list shows at once from the cache, with the topic, and loses it when its refresh answers.
  await expect(page.getByRole('table', { name: 'Topics' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Topics' }).getByRole('link', { name: TOPIC })).toHaveCount(0);
  expect(await topicNames(page.request)).not.toContain(TOPIC);
});
