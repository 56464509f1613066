import { expect, test } from '@playwright/test';
import { E2E_ADMIN, signIn } from './support/sign-in.ts';

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
});
