import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN, signIn } from './support/sign-in.ts';

const ARTIFACTS = join(import.meta.dirname, 'artifacts');

test('the header shows who is signed in, and signing out ends the session', async ({ page }) => {
  await signIn(page, '/');
  const header = page.getByRole('banner');
  await expect(header.getByText(E2E_ADMIN.username, { exact: true })).toBeVisible();
  await expect(header.getByText('admin', { exact: true })).toBeVisible();
  await header.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  // The session is gone on the server: pages send the browser to sign in again.
  await page.goto('/groups');
  await expect(page).toHaveURL(/\/login\?next=%2Fgroups$/);

  // A wrong password is refused with a message, and the page stays on the form with nothing in its URL.
  await page.getByLabel('Username').fill(E2E_ADMIN.username);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Next.js's route announcer is an alert too: the form's own is the one that names the problem.
  await expect(page.getByRole('alert').filter({ hasText: 'wrong username or password' })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?next=%2Fgroups$/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: join(ARTIFACTS, `login-${colorScheme}.png`), fullPage: true });
  }
});
