/**
 * Every page of the console, checked with axe-core (WCAG 2.1 A and AA: labels, names, roles, landmarks and
 * colour contrast) in the light and the dark theme, with data on it; and the console driven by the keyboard
 * alone: sign in, skip to the content, reach a topic from the navigation, open a record.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { BOOTSTRAP, run, sluice } from './support/processes.ts';
import { E2E_ADMIN } from './support/sign-in.ts';

const TOPIC = 'e2e-a11y';
const GROUP = 'e2e-a11y-readers';
const RECORDS = ['{"id":1,"state":"new"}', '{"id":2,"state":"paid"}', 'plain text'];

const heading = (text: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
};

test('every page passes axe-core in both themes, and the console works by keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  await sluice(['topics', 'create', '--topic', TOPIC, '--partitions', '2']);
  await sluice(['produce', '--topic', TOPIC, '--partition', '0'], RECORDS.map((r) => `${r}\n`).join(''));
  await run('kcat', ['-b', BOOTSTRAP, '-G', GROUP, '-X', 'auto.offset.reset=earliest', '-q', '-e', TOPIC]);

  // By keyboard alone: the username field has focus, Enter submits.
  await page.goto(`/topics/${TOPIC}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByLabel('Username')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  await page.keyboard.type(E2E_ADMIN.username);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.type(E2E_ADMIN.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/topics/${TOPIC}`);

  // The first Tab offers the skip link, which moves focus past the header and navigation.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // From the navigation to the topics list, then a search and a topic, all by keys.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Topics' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/topics');
  const search = page.getByRole('searchbox').first();
  await search.focus();
  await page.keyboard.type(TOPIC);
  const link = page.getByRole('link', { name: TOPIC, exact: true });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/topics/${TOPIC}`);

  // A record opens from the browser's table with Enter, and its value is shown.
  await page.goto(`/topics/${TOPIC}/messages?partition=0&from=oldest`);
  const open = page.getByRole('button', { name: 'Record at partition 0, offset 0' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('region', { name: 'Record', exact: true }).getByLabel('Value (JSON)'),
  ).toContainText('"state"');

  // axe-core on every page, in both themes.
  await expectAccessible(page, '/', async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toHaveText('Sluice overview');
    await expect(p.getByText('Waiting for the first point')).toHaveCount(0);
  });
  await expectAccessible(page, '/brokers', async (p) => {
    await expect(p.getByRole('table', { name: 'Quorum replicas' }).getByRole('row')).toHaveCount(2);
  });
  await expectAccessible(page, '/topics', async (p) => {
    await expect(p.getByRole('link', { name: TOPIC, exact: true })).toBeVisible();
  });
  await expectAccessible(page, '/create-topic', heading('Create a topic'));
  await expectAccessible(page, `/topics/${TOPIC}`, async (p) => {
    await expect(p.getByRole('link', { name: GROUP })).toBeVisible();
  });
  await expectAccessible(page, `/topics/${TOPIC}/messages?partition=0&from=oldest`, async (p) => {
    await expect(p.getByRole('table', { name: 'Records' }).getByRole('row')).toHaveCount(RECORDS.length + 1);
  });
  await expectAccessible(page, `/topics/${TOPIC}/produce`, heading('Produce'));
  await expectAccessible(page, `/topics/${TOPIC}/tail`, async (p) => {
    await heading('Live tail')(p);
    await p.getByRole('button', { name: 'Start' }).click();
    await expect(p.getByRole('status', { name: 'Connection' })).toHaveText('Live');
  });
  await expectAccessible(page, '/groups', async (p) => {
    await expect(p.getByRole('link', { name: GROUP })).toBeVisible();
  });
  await expectAccessible(page, `/groups/${GROUP}`, async (p) => {
    await expect(p.getByRole('heading', { level: 1 })).toContainText(GROUP);
    await expect(p.getByRole('table').first()).toBeVisible();
  });
  await expectAccessible(page, '/kafka-users', async (p) => {
    await expect(p.getByText('No SCRAM users yet')).toBeVisible();
  });
  await expectAccessible(page, '/quotas', async (p) => {
    await expect(p.getByRole('status', { name: 'Observed rates' })).toHaveText('Live');
  });
  // This broker has no authorizer: the page explains SECURITY_DISABLED (security.spec.ts has ACLs on it).
  await expectAccessible(page, '/acls', async (p) => {
    await expect(p.getByRole('region', { name: 'No authorizer' })).toBeVisible();
  });
  await expectAccessible(page, '/audit', heading('Audit log'));
  await expectAccessible(page, '/users', async (p) => {
    await expect(p.getByRole('button', { name: `Manage ${E2E_ADMIN.username}`, exact: true })).toBeVisible();
  });
});

test('the login page passes axe-core in both themes', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL! });
  try {
    const page = await context.newPage();
    await expectAccessible(page, '/login', heading('Sign in to Sluice'));
  } finally {
    await context.close();
  }
});
