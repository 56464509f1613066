/** Locators and captures the e2e specs share. */
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

/** The value a description list gives for `term` (ARIA does not let a definition carry a name of its own). */
export function valueOf(region: Locator, term: string): Locator {
  return region
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** Data rows only: the header row holds column headers, not cells. */
export function dataRows(table: Locator): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('cell') });
}

export async function bodyBackground(page: Page): Promise<string> {
  return page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
}

/**
 * `<name>-light.png` and `<name>-dark.png` of the whole page in artifacts/, following the system's theme (the
 * console's default), then back to light. From the top: a full-page capture of a scrolled page paints the
 * sticky header over the middle of it.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await bodyBackground(page);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => bodyBackground(page)).not.toBe(light);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}
