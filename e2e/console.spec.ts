import { join } from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { ARTIFACTS, valueOf } from './support/page.ts';
import { signIn } from './support/sign-in.ts';

async function readCount(counter: Locator): Promise<number> {
  return Number(await counter.textContent());
}

test('the console shows the server healthy and the tick counter rising', async ({ page }) => {
  await signIn(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sluice' })).toBeVisible();

  const health = page.getByRole('region', { name: 'Health' });
  await expect(valueOf(health, 'Status')).toHaveText('ok');
  await expect(health.getByRole('status', { name: 'Server health' })).toHaveText('Healthy');
  await expect(valueOf(health, 'Database')).toContainText('reachable (select 1 in');
  await expect(valueOf(health, 'Version')).toHaveText(/^\d+\.\d+\.\d+/);

  const ticks = page.getByRole('region', { name: 'Live ticks' });
  await expect(ticks.getByRole('status', { name: 'Connection' })).toHaveText('Live');
  const counter = valueOf(ticks, 'Ticks received');
  await expect(counter).toHaveText(/^\d+$/);
  const first = await readCount(counter);
  await expect.poll(() => readCount(counter), { timeout: 5_000 }).toBeGreaterThanOrEqual(first + 2);

  await page.screenshot({ path: join(ARTIFACTS, 'console-light.png'), fullPage: true });
  const background = () => page.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  const lightBackground = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(lightBackground);
  await page.screenshot({ path: join(ARTIFACTS, 'console-dark.png'), fullPage: true });
});
