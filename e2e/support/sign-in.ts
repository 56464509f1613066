/** The console's first admin in e2e runs (set by playwright.config.ts), and signing in through the real form. */
import { expect, type Page } from '@playwright/test';

export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password' } as const;

/** Opens `path`, which sends the browser to sign in first, signs in, and waits to be back on `path`. */
export async function signIn(
  page: Page,
  path = '/',
  credentials: { username: string; password: string } = E2E_ADMIN,
): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Username').fill(credentials.username);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === path);
}
